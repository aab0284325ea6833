#include "atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace subterra {

namespace fs = std::filesystem;

namespace {

std::string systemError() { return std::strerror(errno); }

// Writes all of `bytes` to a new file at `path` and syncs it; false + `why` on failure.
bool writeDurably(const std::string& path, const std::string& bytes, std::string& why) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return why = systemError(), false;
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        written += size_t(n);
    }
    const bool ok = written == bytes.size() && ::fsync(fd) == 0;
    if (!ok) why = systemError();
    ::close(fd);
    return ok;
}

// Syncs a file some other writer closed; false + `why`.
bool syncFile(const std::string& path, std::string& why) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return why = systemError(), false;
    const bool ok = ::fsync(fd) == 0;
    if (!ok) why = systemError();
    ::close(fd);
    return ok;
}

// After a rename the directory entry itself must reach the disk; a failure here is not reported
// (some file systems refuse fsync on directories) since the data is already safe.
void syncDirectoryOf(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    const int fd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// The synced temporary file takes `path`'s place (after an optional backup of what was there).
Status commit(const std::string& temporary, const std::string& path, const AtomicWriteOptions& options) {
    std::error_code ec;
    if (options.keepBackup && fs::exists(path, ec))
        fs::copy_file(path, path + ".bak", fs::copy_options::overwrite_existing, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return Status::failure(path + ".bak: cannot keep a backup (" + ec.message() + "); " + path + " not written");
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove(temporary, ec);
        return Status::failure(path + ": cannot replace (" + why + ")");
    }
    syncDirectoryOf(path);
    return Status::success();
}

}  // namespace

std::string temporaryPath(const std::string& path) { return path + ".tmp"; }

Status writeFileAtomically(const std::string& path, const std::string& bytes, const AtomicWriteOptions& options) {
    const std::string temporary = temporaryPath(path);
    std::string why;
    if (!writeDurably(temporary, bytes, why)) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return Status::failure(path + ": cannot write (" + why + ")");
    }
    return commit(temporary, path, options);
}

Status replaceFileAtomically(const std::string& path, const std::function<Status(const std::string& temporary)>& write,
                             const AtomicWriteOptions& options) {
    const std::string temporary = temporaryPath(path);
    std::error_code ignored;
    const Status written = write(temporary);
    if (!written) {
        fs::remove(temporary, ignored);
        return written;
    }
    return commitTemporaryFile(path, options);
}

Status commitTemporaryFile(const std::string& path, const AtomicWriteOptions& options) {
    const std::string temporary = temporaryPath(path);
    std::string why;
    if (!syncFile(temporary, why)) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return Status::failure(path + ": cannot write (" + why + ")");
    }
    return commit(temporary, path, options);
}

}  // namespace subterra
