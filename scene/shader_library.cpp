#include "shader_library.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "mesh_buffer.h"

namespace subterra {

std::string shaderSource(const std::string& name) {
    if (const char* directory = std::getenv("SUBTERRA_SHADER_DIR")) {
        std::ifstream file(std::string(directory) + "/" + name);
        if (file) {
            std::stringstream text;
            text << file.rdbuf();
            return text.str();
        }
    }
    for (const auto& shader : embeddedShaders())
        if (name == shader.name) return shader.source;
    return {};
}

osg::ref_ptr<osg::Program> shaderProgram(const std::string& name) {
    static std::map<std::string, osg::ref_ptr<osg::Program>> cache;
    auto& program = cache[name];
    if (!program) {
        program = new osg::Program;
        program->setName(name);
        program->addShader(new osg::Shader(osg::Shader::VERTEX, shaderSource(name + ".vert")));
        program->addShader(new osg::Shader(osg::Shader::FRAGMENT, shaderSource(name + ".frag")));
        program->addBindAttribLocation("subterra_path", kPathAttribute);  // MeshBuffer's path distances
    }
    return program;
}

}  // namespace subterra
