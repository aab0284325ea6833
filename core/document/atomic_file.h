#pragma once
// Every file Subterra writes (projects, frames, check reports, drawings, meshes) is written through
// here: into `path + ".tmp"`, flushed to disk (fsync), then renamed over `path`, so a crash, a full
// disk or a kill leaves either the old file or the new one, never a truncated mix.
#include <functional>
#include <string>

#include "result.h"

namespace subterra {

struct AtomicWriteOptions {
    bool keepBackup = false;  // copy the file being replaced to `path + ".bak"` first
};

// Writes `bytes` to `path` atomically. The error names `path`.
Status writeFileAtomically(const std::string& path, const std::string& bytes, const AtomicWriteOptions& options = {});

// For writers that produce the file themselves (an image plugin, a mesh exporter): `write` fills
// the temporary file it is given and returns a failure with the reason (the caller's wording,
// which should name `path`); then it is synced and renamed as above. The temporary file is removed
// on any failure.
Status replaceFileAtomically(const std::string& path, const std::function<Status(const std::string& temporary)>& write,
                             const AtomicWriteOptions& options = {});

// For writers that fill a file over a long time (ffmpeg taking an animation's frames): once
// `temporaryPath(path)` is complete, it is synced and renamed over `path`; on failure it is
// removed and `path` is left as it was.
Status commitTemporaryFile(const std::string& path, const AtomicWriteOptions& options = {});

// Where the writers above put the file until it is complete: `path + ".tmp"`.
std::string temporaryPath(const std::string& path);

}  // namespace subterra
