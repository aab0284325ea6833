#pragma once
// Frames -> an H.264 MP4 through ffmpeg: raw RGBA frames are piped to ffmpeg's stdin; yuv420p so
// that the file plays everywhere. ffmpeg writes `path + ".tmp"`, renamed over `path` only when
// it finished the file: a run killed or cancelled half way never replaces a good MP4.
#include <osg/Image>
#include <cstdio>
#include <memory>
#include <string>

namespace subterra {

class VideoPipe {
  public:
    // Starts ffmpeg writing `path`. Null with `error` set when ffmpeg is not on PATH or the size
    // cannot be encoded (yuv420p needs an even width and height).
    static std::unique_ptr<VideoPipe> open(const std::string& path, int width, int height, double fps,
                                           std::string& error);
    ~VideoPipe();

    // One frame (an OffscreenRenderer image, bottom-up rows): false with `error` when ffmpeg failed.
    [[nodiscard]] bool write(const osg::Image& frame, std::string& error);
    // Ends the stream, waits for ffmpeg and puts the file in place; false with `error` when ffmpeg
    // did not finish it (`path` is then unchanged). Without close(), the destructor discards it.
    [[nodiscard]] bool close(std::string& error);

  private:
    VideoPipe() = default;
    FILE* pipe_ = nullptr;
    std::string path_;
    int width_ = 0, height_ = 0;
};

// The full path of `program` found on PATH; empty when it is not there.
std::string findOnPath(const std::string& program);

}  // namespace subterra
