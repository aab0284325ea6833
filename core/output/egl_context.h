#pragma once
// An OpenGL context with no window and no X server, for headless rendering on servers.
//
// It is a *compatibility* profile context, because OSG 3.6.5 on Debian is built for GL2 and
// draws nothing in a core profile. Display choice, in order:
//   1. the EGL device platform, first device that is not a software rasteriser (NVIDIA and
//      other GPU drivers on a server without X; seen working on an H100, driver 580, through
//      libglvnd with NVIDIA's EGL vendor file);
//   2. Mesa's surfaceless platform (llvmpipe on machines without a GPU).
// The context is made current without a surface (EGL_KHR_surfaceless_context), or with a tiny
// pbuffer where that is missing; rendering goes into FBOs, so the surface never matters.
#include <memory>
#include <string>

namespace subterra {

class EglContext {
  public:
    // Creates the context and makes it current on the calling thread. On failure returns
    // null and sets `error` to one line naming each platform tried and the EGL error, e.g.
    // "cannot create an OpenGL context: surfaceless: eglInitialize failed (EGL_NOT_INITIALIZED)".
    static std::unique_ptr<EglContext> create(std::string& error);
    ~EglContext();

    EglContext(const EglContext&) = delete;
    EglContext& operator=(const EglContext&) = delete;

    // Make current / release on the calling thread. Contexts are per thread in EGL: a
    // renderer used from another thread than the one that created it must call this first.
    bool makeCurrent() const;
    void release() const;

    const std::string& platform() const { return platform_; }  // "device" or "surfaceless"
    const std::string& vendor() const { return vendor_; }      // glGetString(GL_VENDOR)
    const std::string& renderer() const { return renderer_; }  // glGetString(GL_RENDERER)
    const std::string& version() const { return version_; }    // glGetString(GL_VERSION)

    // The largest width or height of a frame this context can render (GL_MAX_RENDERBUFFER_SIZE,
    // GL_MAX_VIEWPORT_DIMS and GL_MAX_TEXTURE_SIZE, queried once); 0 when the driver said nothing.
    int maxFramebufferSide() const { return maxFramebufferSide_; }

    // One line for --verbose: "OpenGL 4.5 (Compatibility Profile) Mesa 22.3.6, llvmpipe
    // (LLVM 15.0.6, 256 bits), Mesa, via EGL surfaceless".
    std::string description() const;

  private:
    EglContext() = default;
    bool initialize(std::string& why);  // config, context, make current; display_ is open

    // EGLDisplay, EGLContext and EGLSurface are all `void*`; keeping them untyped here keeps
    // <EGL/egl.h> (and the X11 headers it may drag in) out of everyone who includes this.
    void* display_ = nullptr;
    void* context_ = nullptr;
    void* surface_ = nullptr;  // only when surfaceless contexts are unsupported
    std::string platform_, vendor_, renderer_, version_;
    int maxFramebufferSide_ = 0;
};

}  // namespace subterra
