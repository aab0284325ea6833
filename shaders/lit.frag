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
// Animation (timeline.h): pipes farther along the network than the reveal distance are not drawn
// yet; flow draws bright pulses moving along the pipe, spacing metres apart, shifted by the phase.
uniform float subterra_revealDistance;
uniform float subterra_flowStrength;
uniform float subterra_flowPhase;
uniform float subterra_flowSpacing;
varying vec2 v_subterraPath;

void main() {
    if (v_subterraPath.x > subterra_revealDistance) discard;
    vec3 n = normalize(v_normal);
    vec3 viewDir = normalize(-v_eyePosition);
    if (dot(n, viewDir) < 0.0) n = -n;  // two-sided: caps and insides seen from a cut
    float key = max(dot(n, u_lightDirEye), 0.0);
    float hemisphere = 0.5 + 0.5 * dot(n, normalize(v_upEye));
    float rim = pow(1.0 - max(dot(n, viewDir), 0.0), 3.0);
    vec3 base = v_color.rgb;
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
