#version 120
// Translucent ground ("x-ray"): a soft earth tone with a faint 10 m survey grid so the eye can
// judge scale and depth; opacity is the project's terrain opacity.
uniform float u_opacity;
uniform vec4 u_groundColor;
uniform vec3 u_lightDirEye;
uniform vec4 u_hazeColor;
uniform float u_hazeDistance;
uniform float u_gridSpacing;
varying vec3 v_normal;
varying vec3 v_eyePosition;
varying vec3 v_localPosition;
#include "cuts.glsl"

float gridLine(vec2 position, float spacing) {
    vec2 cell = abs(fract(position / spacing - 0.5) - 0.5) * spacing;
    vec2 width = fwidth(position);
    vec2 line = 1.0 - smoothstep(vec2(0.0), width, cell);
    // Lines closer together than a few pixels would turn the ground into a moire: fade them out.
    float density = clamp(spacing / max(width.x, width.y) / 6.0 - 0.5, 0.0, 1.0);
    return max(line.x, line.y) * density;
}

void main() {
    if (cutBySection(v_localPosition) || insideExcavation(v_localPosition, 0.0)) discard;
    vec3 n = normalize(v_normal);
    if (!gl_FrontFacing) n = -n;
    float light = 0.55 + 0.45 * max(dot(n, u_lightDirEye), 0.0);
    vec3 color = u_groundColor.rgb * light;
    float line = gridLine(v_localPosition.xy, u_gridSpacing);
    color = mix(color, color * 0.8, line * 0.35);
    float distance = length(v_eyePosition);
    color = mix(color, u_hazeColor.rgb, distance / (distance + u_hazeDistance) * 0.5);
    gl_FragColor = vec4(color, u_opacity * mix(1.0, 1.2, line));
}
