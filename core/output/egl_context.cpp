#include "egl_context.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

namespace subterra {
namespace {

const char* eglErrorName(EGLint code) {
    switch (code) {
        case EGL_SUCCESS: return "EGL_SUCCESS";
        case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
        case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
        case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
        case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
        case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
        case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
        case EGL_BAD_CURRENT_SURFACE: return "EGL_BAD_CURRENT_SURFACE";
        case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
        case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
        case EGL_BAD_NATIVE_PIXMAP: return "EGL_BAD_NATIVE_PIXMAP";
        case EGL_BAD_NATIVE_WINDOW: return "EGL_BAD_NATIVE_WINDOW";
        case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
        case EGL_BAD_SURFACE: return "EGL_BAD_SURFACE";
        case EGL_CONTEXT_LOST: return "EGL_CONTEXT_LOST";
        case EGL_BAD_DEVICE_EXT: return "EGL_BAD_DEVICE_EXT";
        default: return "unknown EGL error";
    }
}

// "<what> failed (EGL_BAD_...)" with the error of the last EGL call on this thread.
std::string eglFailure(const char* what) { return std::string(what) + " failed (" + eglErrorName(eglGetError()) + ")"; }

// Extension lists are space-separated names; a plain strstr would let "EGL_EXT_foo" match
// "EGL_EXT_foo_bar".
bool hasExtension(const char* list, const char* name) {
    if (!list) return false;
    const size_t length = std::strlen(name);
    for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += length) {
        const bool startsWord = p == list || p[-1] == ' ';
        const bool endsWord = p[length] == ' ' || p[length] == '\0';
        if (startsWord && endsWord) return true;
    }
    return false;
}

template <typename Function>
Function eglFunction(const char* name) {
    return reinterpret_cast<Function>(eglGetProcAddress(name));
}

// eglTerminate acts on the whole display, which EGL shares between every context opened on
// the same platform in this process; so two renderers alive at once would break each other.
// Counting users per display makes "terminate when the last one goes" safe.
std::mutex displayUsersMutex;
std::map<EGLDisplay, int> displayUsers;

void retainDisplay(EGLDisplay display) {
    std::lock_guard<std::mutex> lock(displayUsersMutex);
    ++displayUsers[display];
}

void releaseDisplay(EGLDisplay display) {
    std::lock_guard<std::mutex> lock(displayUsersMutex);
    if (--displayUsers[display] > 0) return;
    displayUsers.erase(display);
    eglTerminate(display);
}

EGLDisplay initialized(EGLDisplay display, std::string& why) {
    if (display == EGL_NO_DISPLAY) {
        why = eglFailure("eglGetPlatformDisplayEXT");
        return EGL_NO_DISPLAY;
    }
    if (!eglInitialize(display, nullptr, nullptr)) {
        why = eglFailure("eglInitialize");
        return EGL_NO_DISPLAY;
    }
    retainDisplay(display);
    return display;
}

// The GPU path on servers without X (NVIDIA's EGL implements it). Mesa lists its software
// rasteriser as a device too; it is skipped here so that the surfaceless platform, which is
// the path measured and tested with llvmpipe, handles that case.
EGLDisplay openDeviceDisplay(std::string& why) {
    const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    // EGL_EXT_device_base is the older bundle of enumeration and query; drivers list either.
    const bool enumerates = hasExtension(clientExtensions, "EGL_EXT_device_enumeration") ||
                            hasExtension(clientExtensions, "EGL_EXT_device_base");
    if (!enumerates || !hasExtension(clientExtensions, "EGL_EXT_platform_device")) {
        why = "EGL device enumeration unsupported";
        return EGL_NO_DISPLAY;
    }
    auto queryDevices = eglFunction<PFNEGLQUERYDEVICESEXTPROC>("eglQueryDevicesEXT");
    auto queryDeviceString = eglFunction<PFNEGLQUERYDEVICESTRINGEXTPROC>("eglQueryDeviceStringEXT");
    auto getPlatformDisplay = eglFunction<PFNEGLGETPLATFORMDISPLAYEXTPROC>("eglGetPlatformDisplayEXT");
    if (!queryDevices || !queryDeviceString || !getPlatformDisplay) {
        why = "EGL device functions not found";
        return EGL_NO_DISPLAY;
    }
    EGLDeviceEXT devices[16];
    EGLint count = 0;
    if (!queryDevices(16, devices, &count)) {
        why = eglFailure("eglQueryDevicesEXT");
        return EGL_NO_DISPLAY;
    }
    why = "no GPU among " + std::to_string(count) + " EGL device(s)";
    for (EGLint i = 0; i < count; ++i) {
        if (hasExtension(queryDeviceString(devices[i], EGL_EXTENSIONS), "EGL_MESA_device_software")) continue;
        EGLDisplay display = initialized(getPlatformDisplay(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr), why);
        if (display != EGL_NO_DISPLAY) return display;
        why = "device " + std::to_string(i) + ": " + why;
    }
    return EGL_NO_DISPLAY;
}

EGLDisplay openSurfacelessDisplay(std::string& why) {
    const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!hasExtension(clientExtensions, "EGL_MESA_platform_surfaceless")) {
        why = "EGL_MESA_platform_surfaceless unsupported";
        return EGL_NO_DISPLAY;
    }
    auto getPlatformDisplay = eglFunction<PFNEGLGETPLATFORMDISPLAYEXTPROC>("eglGetPlatformDisplayEXT");
    if (!getPlatformDisplay) {
        why = "eglGetPlatformDisplayEXT not found";
        return EGL_NO_DISPLAY;
    }
    return initialized(getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr), why);
}

// A config is needed for eglCreateContext even without a surface. Pbuffer-capable first, so
// the pbuffer fallback below can use the same config; any desktop-GL config otherwise.
EGLConfig chooseConfig(EGLDisplay display) {
    const EGLint withPbuffer[] = {EGL_SURFACE_TYPE,
                                  EGL_PBUFFER_BIT,
                                  EGL_RENDERABLE_TYPE,
                                  EGL_OPENGL_BIT,
                                  EGL_RED_SIZE,
                                  8,
                                  EGL_GREEN_SIZE,
                                  8,
                                  EGL_BLUE_SIZE,
                                  8,
                                  EGL_ALPHA_SIZE,
                                  8,
                                  EGL_NONE};
    const EGLint anySurface[] = {EGL_SURFACE_TYPE, EGL_DONT_CARE, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    for (const EGLint* attributes : {withPbuffer, anySurface}) {
        EGLConfig config = nullptr;
        EGLint count = 0;
        if (eglChooseConfig(display, attributes, &config, 1, &count) && count > 0) return config;
    }
    return nullptr;
}

// Ask for 3.3 compatibility explicitly (what OSG and our GLSL 1.30 shaders need); a driver
// without EGL_KHR_create_context gets the plain request, which is a compatibility context too.
EGLContext createCompatibilityContext(EGLDisplay display, EGLConfig config) {
    const EGLint compat33[] = {EGL_CONTEXT_MAJOR_VERSION,
                               3,
                               EGL_CONTEXT_MINOR_VERSION,
                               3,
                               EGL_CONTEXT_OPENGL_PROFILE_MASK,
                               EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT,
                               EGL_NONE};
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, compat33);
    if (context == EGL_NO_CONTEXT) context = eglCreateContext(display, config, EGL_NO_CONTEXT, nullptr);
    return context;
}

std::string glString(GLenum name) {
    const GLubyte* text = glGetString(name);
    return text ? reinterpret_cast<const char*>(text) : "";
}

// The largest framebuffer side this context can render and read back: the smallest of the
// renderbuffer, viewport and texture limits (llvmpipe: 8192 for all three; 0 = not reported).
int queryMaxFramebufferSide() {
    constexpr GLenum kMaxRenderbufferSize = 0x84E8;  // GL 3.0; <GL/gl.h> stops at 1.3
    GLint renderbuffer = 0, texture = 0, viewport[2] = {0, 0};
    glGetIntegerv(kMaxRenderbufferSize, &renderbuffer);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    while (glGetError() != GL_NO_ERROR) {}
    int side = 0;
    for (const GLint limit : {renderbuffer, texture, viewport[0], viewport[1]})
        if (limit > 0) side = side == 0 ? limit : std::min(side, int(limit));
    return side;
}

struct Platform {
    const char* name;
    EGLDisplay (*open)(std::string& why);
};

}  // namespace

std::unique_ptr<EglContext> EglContext::create(std::string& error) {
    const Platform platforms[] = {{"device", openDeviceDisplay}, {"surfaceless", openSurfacelessDisplay}};
    std::string tried;
    for (const Platform& platform : platforms) {
        std::string why;
        std::unique_ptr<EglContext> result(new EglContext);  // private constructor
        result->platform_ = platform.name;
        result->display_ = platform.open(why);
        if (result->display_ != EGL_NO_DISPLAY && result->initialize(why)) return result;
        tried += (tried.empty() ? "" : "; ") + std::string(platform.name) + ": " + why;
    }
    error = "cannot create an OpenGL context: " + tried;
    return nullptr;
}

bool EglContext::initialize(std::string& why) {
    if (!eglBindAPI(EGL_OPENGL_API)) {
        why = eglFailure("eglBindAPI(EGL_OPENGL_API)");
        return false;
    }
    EGLConfig config = chooseConfig(display_);
    if (!config) {
        why = "no EGL config with desktop OpenGL";
        return false;
    }
    context_ = createCompatibilityContext(display_, config);
    if (context_ == EGL_NO_CONTEXT) {
        why = eglFailure("eglCreateContext");
        return false;
    }
    const char* displayExtensions = eglQueryString(display_, EGL_EXTENSIONS);
    if (!hasExtension(displayExtensions, "EGL_KHR_surfaceless_context")) {
        const EGLint size[] = {EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE};
        surface_ = eglCreatePbufferSurface(display_, config, size);
        if (surface_ == EGL_NO_SURFACE) {
            why = eglFailure("eglCreatePbufferSurface (no surfaceless contexts)");
            return false;
        }
    }
    if (!makeCurrent()) {
        why = eglFailure("eglMakeCurrent");
        return false;
    }
    vendor_ = glString(GL_VENDOR);
    renderer_ = glString(GL_RENDERER);
    version_ = glString(GL_VERSION);
    maxFramebufferSide_ = queryMaxFramebufferSide();
    return true;
}

EglContext::~EglContext() {
    if (display_ == EGL_NO_DISPLAY) return;
    // Only our own: another renderer's context may be current on this thread.
    if (context_ != EGL_NO_CONTEXT && eglGetCurrentContext() == context_) release();
    if (surface_ != EGL_NO_SURFACE) eglDestroySurface(display_, surface_);
    if (context_ != EGL_NO_CONTEXT) eglDestroyContext(display_, context_);
    releaseDisplay(display_);
}

bool EglContext::makeCurrent() const {
    // The bound API is per thread and eglMakeCurrent binds to it: a thread that never
    // called eglBindAPI is on OpenGL ES and would not accept this context.
    return eglBindAPI(EGL_OPENGL_API) && eglMakeCurrent(display_, surface_, surface_, context_) == EGL_TRUE;
}

void EglContext::release() const { eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT); }

std::string EglContext::description() const {
    return "OpenGL " + version_ + ", " + renderer_ + ", " + vendor_ + ", via EGL " + platform_;
}

}  // namespace subterra
