#version 120
// Soil strata on a cut face: each stratum's colour by depth below ground, with a procedural
// grain (fine for asphalt, coarse for gravel) so the faces read as material, not as flat paint.
uniform vec3 u_lightDirEye;
uniform vec4 u_hazeColor;
uniform float u_hazeDistance;
uniform int u_strataCount;           // at most 8; the last stratum continues downwards
uniform float u_strataBottom[8];     // depth of each stratum's lower boundary, metres
uniform vec4 u_strataColor[8];
uniform float u_strataGrain[8];      // grain size in metres
varying vec3 v_normal;
varying vec3 v_eyePosition;
varying vec3 v_localPosition;
varying float v_depthBelowGround;
#include "cuts.glsl"

float hash(vec3 p) {
    p = fract(p * 0.3183099 + 0.1);
    p *= 17.0;
    return fract(p.x * p.y * p.z * (p.x + p.y + p.z));
}

// Value noise: smooth random in 0..1 with features of size 1.
float noise(vec3 p) {
    vec3 i = floor(p);
    vec3 f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    return mix(mix(mix(hash(i), hash(i + vec3(1, 0, 0)), f.x), mix(hash(i + vec3(0, 1, 0)), hash(i + vec3(1, 1, 0)), f.x), f.y),
               mix(mix(hash(i + vec3(0, 0, 1)), hash(i + vec3(1, 0, 1)), f.x), mix(hash(i + vec3(0, 1, 1)), hash(i + vec3(1, 1, 1)), f.x), f.y),
               f.z);
}

void main() {
    float depth = v_depthBelowGround;
    if (depth < 0.0 || cutBySection(v_localPosition) || insideExcavation(v_localPosition, 0.02)) discard;
    int stratum = u_strataCount - 1;
    float top = 0.0;
    for (int i = 0; i < 8; ++i) {
        if (i >= u_strataCount) break;
        if (depth < u_strataBottom[i]) { stratum = i; break; }
        top = u_strataBottom[i];
    }
    vec4 base = u_strataColor[0];
    float grain = u_strataGrain[0];
    for (int i = 0; i < 8; ++i) {
        if (i == stratum) { base = u_strataColor[i]; grain = u_strataGrain[i]; }
    }
    float texture = noise(v_localPosition / grain) * 0.6 + noise(v_localPosition / (grain * 0.31)) * 0.4;
    vec3 color = base.rgb * (0.78 + 0.42 * texture);
    // A faint darker seam at each boundary, as on a real trench wall.
    float seam = 1.0 - smoothstep(0.0, 0.015, depth - top);
    color *= 1.0 - 0.25 * seam * step(0.001, top);
    vec3 n = normalize(v_normal);
    vec3 viewDir = normalize(-v_eyePosition);
    if (dot(n, viewDir) < 0.0) n = -n;
    color *= 0.62 + 0.38 * max(dot(n, u_lightDirEye), 0.0);
    float distance = length(v_eyePosition);
    color = mix(color, u_hazeColor.rgb, distance / (distance + u_hazeDistance) * 0.5);
    gl_FragColor = vec4(color, 1.0);
}
