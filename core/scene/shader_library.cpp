#include "shader_library.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "mesh_buffer.h"

namespace subterra {

namespace {
std::string rawShaderSource(const std::string& name) {
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
}  // namespace

// GLSL 1.20 has no #include: a line `#include "file.glsl"` is replaced by that file's text here
// (one level; shared snippets such as the cut tests do not include others).
std::string shaderSource(const std::string& name) {
    std::istringstream in(rawShaderSource(name));
    std::string result, line;
    while (std::getline(in, line)) {
        const auto open = line.find("#include \"");
        if (open == 0) {
            const auto close = line.find('"', open + 10);
            result += rawShaderSource(line.substr(open + 10, close - open - 10)) + "\n";
        } else {
            result += line + "\n";
        }
    }
    return result;
}

namespace {
// The source with `#define define` right after its #version line.
std::string withDefine(std::string source, const std::string& define) {
    if (define.empty()) return source;
    const auto lineEnd = source.find('\n');
    const auto at = source.rfind("#version", 0) == 0 && lineEnd != std::string::npos ? lineEnd + 1 : 0;
    return source.insert(at, "#define " + define + "\n");
}
}  // namespace

osg::ref_ptr<osg::Program> shaderProgram(const std::string& name, const std::string& define) {
    static std::map<std::string, osg::ref_ptr<osg::Program>> cache;
    auto& program = cache[name + "/" + define];
    if (!program) {
        program = new osg::Program;
        program->setName(define.empty() ? name : name + " (" + define + ")");
        program->addShader(new osg::Shader(osg::Shader::VERTEX, withDefine(shaderSource(name + ".vert"), define)));
        program->addShader(new osg::Shader(osg::Shader::FRAGMENT, withDefine(shaderSource(name + ".frag"), define)));
        program->addBindAttribLocation("subterra_path", kPathAttribute);  // MeshBuffer's path distances
    }
    return program;
}

}  // namespace subterra
