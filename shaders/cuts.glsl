// Section planes and excavation boxes, shared by every program that draws the scene.
// Positions are local (relative to the scene's origin), as the uniforms are.
uniform int u_sectionCount;        // active section planes, at most 4
uniform vec4 u_sections[4];        // xyz: normal towards the removed side; w: -dot(normal, point)
uniform int u_ownSection;          // the plane a cap lies on (it must not cut itself); -1 = none
uniform int u_excavationCount;     // active excavation boxes, at most 2
uniform vec4 u_excavationBox[2];   // centre x, y; half size x, y (in the box's rotated frame)
uniform vec4 u_excavationFrame[2]; // cos and sin of the rotation; floor z; unused

// Signed distance in front of plane `i` (positive = removed).
float sectionDistance(int i, vec3 p) { return dot(u_sections[i].xyz, p) + u_sections[i].w; }

bool cutBySection(vec3 p) {
    for (int i = 0; i < 4; ++i) {
        if (i >= u_sectionCount) break;
        if (i != u_ownSection && sectionDistance(i, p) > 0.0) return true;
    }
    return false;
}

// Inside an excavation's footprint (margin > 0 shrinks it) and above its floor.
bool insideExcavation(vec3 p, float margin) {
    for (int i = 0; i < 2; ++i) {
        if (i >= u_excavationCount) break;
        vec2 d = p.xy - u_excavationBox[i].xy;
        vec2 local = vec2(dot(d, u_excavationFrame[i].xy), dot(d, vec2(-u_excavationFrame[i].y, u_excavationFrame[i].x)));
        vec2 inside = u_excavationBox[i].zw - abs(local);
        if (min(inside.x, inside.y) > margin && p.z > u_excavationFrame[i].z + margin) return true;
    }
    return false;
}
