#version 120
// Pipes, ducts, manholes, buildings: per-vertex colour, lit in the fragment shader.
varying vec3 v_normal;
varying vec3 v_eyePosition;
varying vec4 v_color;
varying vec3 v_upEye;
varying vec3 v_localPosition;
attribute vec2 subterra_path;  // distance along the network: x reveal, y flow (< 0: none)
varying vec2 v_subterraPath;

void main() {
    vec4 eyePosition = gl_ModelViewMatrix * gl_Vertex;
    v_eyePosition = eyePosition.xyz;
    v_localPosition = gl_Vertex.xyz;
    v_normal = gl_NormalMatrix * gl_Normal;
    v_color = gl_Color;
    // The model matrix is a pure translation (local origin), so this is world up in eye space.
    v_upEye = normalize(gl_NormalMatrix * vec3(0.0, 0.0, 1.0));
    v_subterraPath = subterra_path;
    gl_Position = gl_ProjectionMatrix * eyePosition;
}
