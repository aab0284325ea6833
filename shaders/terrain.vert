#version 120
// Ground surface: keeps the local (origin-relative) position for the grid lines.
varying vec3 v_normal;
varying vec3 v_eyePosition;
varying vec3 v_localPosition;

void main() {
    vec4 eyePosition = gl_ModelViewMatrix * gl_Vertex;
    v_eyePosition = eyePosition.xyz;
    v_localPosition = gl_Vertex.xyz;
    v_normal = gl_NormalMatrix * gl_Normal;
    gl_Position = gl_ProjectionMatrix * eyePosition;
}
