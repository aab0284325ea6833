#pragma once
// The result of a fallible operation: a value, or one line saying what went wrong (naming the file,
// the feature or the line, as every message the user sees). [[nodiscard]]: an ignored failure is
// a compile warning, and the build treats warnings as errors in CI.
//
//   Result<Project> loaded = ...;            Status written = writeFileAtomically(path, text);
//   if (!loaded) return loaded.error();      if (!written) report(written.error());
#include <optional>
#include <string>
#include <utility>

namespace subterra {

template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit, so `return value;` reads well
    static Result failure(std::string error) { return Result(std::move(error), 0); }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T* operator->() const { return &*value_; }
    const T& operator*() const { return *value_; }
    const std::string& error() const { return error_; }

  private:
    Result(std::string error, int) : error_(std::move(error)) {}
    std::optional<T> value_;
    std::string error_;
};

// A Result without a value: success, or the line saying why not.
class [[nodiscard]] Status {
  public:
    static Status success() { return Status(); }
    static Status failure(std::string error) { return Status(std::move(error)); }

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return error_; }
    // For callers still on the `bool f(..., std::string& error)` convention.
    bool into(std::string& error) const {
        if (failed_) error = error_;
        return !failed_;
    }

  private:
    Status() = default;
    explicit Status(std::string error) : failed_(true), error_(std::move(error)) {}
    bool failed_ = false;
    std::string error_;
};

}  // namespace subterra
