#pragma once
// GLSL programs of the scene, embedded at build time from shaders/.
#include <osg/Program>
#include <string>
#include <vector>

namespace subterra {

struct EmbeddedShader {
    const char* name;  // file name in shaders/, e.g. "lit.frag"
    const char* source;
};
const std::vector<EmbeddedShader>& embeddedShaders();  // generated

// The shader's source: from $SUBTERRA_SHADER_DIR/name when that variable is set and the file
// exists (shader development without rebuilding), else the embedded copy. Empty if unknown.
std::string shaderSource(const std::string& name);

// A program of `name`.vert + `name`.frag; cached, so every layer shares one program. `define`,
// when given, is #defined in both stages (a variant of the same source, e.g. "CUT_CAPS").
osg::ref_ptr<osg::Program> shaderProgram(const std::string& name, const std::string& define = "");

}  // namespace subterra
