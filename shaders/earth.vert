#version 120
// Cut faces of the ground (section planes, excavation walls and floors). The first texture
// coordinate carries the depth below the ground surface, exact at every vertex and linear
// between them, so the strata boundaries and the ground line are crisp at any zoom.
varying vec3 v_normal;
varying vec3 v_eyePosition;
varying vec3 v_localPosition;
varying float v_depthBelowGround;

void main() {
    vec4 eyePosition = gl_ModelViewMatrix * gl_Vertex;
    v_eyePosition = eyePosition.xyz;
    v_localPosition = gl_Vertex.xyz;
    v_normal = gl_NormalMatrix * gl_Normal;
    v_depthBelowGround = gl_MultiTexCoord0.x;
    gl_Position = gl_ProjectionMatrix * eyePosition;
}
