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

}  // namespace subterra
