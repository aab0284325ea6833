#version 120
// Soft studio lighting: a key light from above-behind the viewer, a hemisphere ambient
// (sky above, earth below) and a little rim, so round pipes read as round. Distance haze
// gives a depth cue without hiding far features.
uniform float u_opacity;      // layer opacity, multiplied with the vertex alpha
uniform vec3 u_lightDirEye;   // towards the key light, eye space, normalised
uniform vec4 u_hazeColor;
uniform float u_hazeDistance; // distance at which haze reaches half strength
varying vec3 v_normal;
varying vec3 v_eyePosition;
varying vec4 v_color;
varying vec3 v_upEye;
varying vec3 v_localPosition;
#include "cuts.glsl"
// Animation (timeline.h): pipes farther along the network than the reveal distance are not drawn
// yet; flow draws bright pulses moving along the pipe, spacing metres apart, shifted by the phase.
uniform float subterra_revealDistance;
uniform float subterra_flowStrength;
uniform float subterra_flowPhase;
uniform float subterra_flowSpacing;
varying vec2 v_subterraPath;

void main() {
    if (v_subterraPath.x > subterra_revealDistance || cutBySection(v_localPosition)) discard;
    vec3 n = normalize(v_normal);
    vec3 viewDir = normalize(-v_eyePosition);
    vec3 base = v_color.rgb;
    bool inside = dot(n, viewDir) < 0.0;
    n = inside ? -n : n;
#ifdef CUT_CAPS
    // The inside of a solid, seen through a section plane: shown as a flat face facing the
    // viewer, so a cut building or shaft reads as solid, not as a hollow shell. Pushed 2 cm
    // back, so where it coincides with another solid's outside (a neighbour's party wall) the
    // outside wins instead of flickering.
    if (inside) {
        n = viewDir;
        base *= 0.8;
        vec4 clip = gl_ProjectionMatrix * vec4(v_eyePosition * (1.0 + 0.02 / length(v_eyePosition)), 1.0);
        gl_FragDepth = clamp(0.5 * clip.z / clip.w + 0.5, 0.0, 1.0);
    } else {
        gl_FragDepth = gl_FragCoord.z;
    }
#endif
    float key = max(dot(n, u_lightDirEye), 0.0);
    float hemisphere = 0.5 + 0.5 * dot(n, normalize(v_upEye));
    // clamp, not max: when n == viewDir the dot can round to just above 1, and pow() of a
    // negative base is undefined (NaN speckles on the caps of cut solids).
    float rim = pow(1.0 - clamp(dot(n, viewDir), 0.0, 1.0), 3.0);
    vec3 color = base * (0.32 + 0.25 * hemisphere + 0.55 * key) + vec3(0.12) * rim;
    vec3 halfVector = normalize(u_lightDirEye + viewDir);
    color += vec3(0.18) * pow(max(dot(n, halfVector), 0.0), 40.0);
    if (subterra_flowStrength > 0.0 && v_subterraPath.y >= 0.0) {
        float f = fract((v_subterraPath.y - subterra_flowPhase) / subterra_flowSpacing);
        float pulse = smoothstep(0.0, 0.12, f) * (1.0 - smoothstep(0.2, 0.35, f));
        color = mix(color, vec3(1.0, 0.96, 0.75), pulse * subterra_flowStrength * 0.85);
    }
    float distance = length(v_eyePosition);
    float haze = distance / (distance + u_hazeDistance) * 0.5;
    color = mix(color, u_hazeColor.rgb, haze);
    gl_FragColor = vec4(color, v_color.a * u_opacity);
}
