#include "video_pipe.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "atomic_file.h"

namespace subterra {

namespace {
std::string shellQuoted(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}
}  // namespace

std::string findOnPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream directories(path ? path : "");
    std::string directory;
    while (std::getline(directories, directory, ':')) {
        const std::string candidate = (directory.empty() ? "." : directory) + "/" + program;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return {};
}

std::unique_ptr<VideoPipe> VideoPipe::open(const std::string& path, int width, int height, double fps,
                                           std::string& error) {
    const std::string ffmpeg = findOnPath("ffmpeg");
    if (ffmpeg.empty()) {
        error = path +
                ": cannot write MP4: ffmpeg was not found on PATH (install it, e.g. apt install ffmpeg, "
                "or write PNG frames with -o DIR)";
        return nullptr;
    }
    if (width % 2 || height % 2) {
        error = path + ": H.264 (yuv420p) needs an even width and height, got " + std::to_string(width) + "x" +
                std::to_string(height);
        return nullptr;
    }
    // A dead ffmpeg must turn into a write error, not kill this process.
    std::signal(SIGPIPE, SIG_IGN);
    std::ostringstream command;
    command << shellQuoted(ffmpeg) << " -hide_banner -loglevel error -y -f rawvideo -pix_fmt rgba -s " << width << "x"
            << height << " -framerate " << fps << " -i - -c:v libx264 -preset medium -crf 18 -pix_fmt yuv420p"
            << " -movflags +faststart -f mp4 " << shellQuoted(temporaryPath(path));
    std::unique_ptr<VideoPipe> video(new VideoPipe);
    video->pipe_ = ::popen(command.str().c_str(), "w");
    if (!video->pipe_) {
        error = path + ": cannot start ffmpeg (" + std::strerror(errno) + ")";
        return nullptr;
    }
    video->path_ = path;
    video->width_ = width;
    video->height_ = height;
    return video;
}

VideoPipe::~VideoPipe() {
    if (!pipe_) return;
    ::pclose(pipe_);
    std::error_code ignored;
    std::filesystem::remove(temporaryPath(path_), ignored);  // unfinished: the target stays as it was
}

bool VideoPipe::write(const osg::Image& frame, std::string& error) {
    const size_t rowBytes = size_t(width_) * 4;
    for (int row = height_ - 1; row >= 0; --row) {  // OSG rows are bottom-up, video rows top-down
        if (std::fwrite(frame.data(0, row), 1, rowBytes, pipe_) != rowBytes) {
            error = path_ + ": ffmpeg stopped taking frames (see its message above)";
            return false;
        }
    }
    return true;
}

bool VideoPipe::close(std::string& error) {
    const int status = ::pclose(pipe_);
    pipe_ = nullptr;
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        error = path_ + ": ffmpeg failed to finish the video (exit status " +
                std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "); " + path_ + " is unchanged";
        std::error_code ignored;
        std::filesystem::remove(temporaryPath(path_), ignored);
        return false;
    }
    return commitTemporaryFile(path_).into(error);
}

}  // namespace subterra
