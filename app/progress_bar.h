#pragma once
// A one-line progress bar with frame rate and ETA on stderr, redrawn in place on a terminal
// (and silent elsewhere, so logs and tests get only the final summary).
#include <chrono>
#include <string>

namespace subterra {

class ProgressBar {
  public:
    ProgressBar(std::string label, int total);
    void update(int done);  // `done` of `total` finished
    void finish();          // ends the line

    // "1:05" for 65 s; "--:--" when unknown.
    static std::string formatDuration(double seconds);

  private:
    std::string label_;
    int total_;
    bool terminal_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace subterra
