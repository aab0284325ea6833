#version 120
// Check markers: flat, unlit colour, so a conflict shows in exactly its marker colour.
varying vec4 v_color;

void main() {
    v_color = gl_Color;
    gl_Position = gl_ModelViewProjectionMatrix * gl_Vertex;
}
