#pragma once
// Typed access to a JSON object that reports wrong types and unknown keys with their JSON path
// ("$.layers[2].style.opacity: expected a number"), instead of throwing.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "problem.h"

namespace subterra {

class JsonReader {
  public:
    JsonReader(const nlohmann::json& value, std::string path, const std::string& file, Problems& problems)
        : value_(value), path_(std::move(path)), file_(file), problems_(problems) {}

    const std::string& path() const { return path_; }
    bool has(const char* key) const { return value_.is_object() && value_.contains(key); }
    const nlohmann::json& at(const char* key) const { return value_.at(key); }
    JsonReader child(const char* key) const { return JsonReader(value_.at(key), path_ + "." + key, file_, problems_); }
    JsonReader element(size_t index) const {
        return JsonReader(value_.at(index), path_ + "[" + std::to_string(index) + "]", file_, problems_);
    }
    const nlohmann::json& value() const { return value_; }

    std::optional<std::string> string(const char* key) const;
    std::optional<double> number(const char* key) const;
    std::optional<bool> boolean(const char* key) const;
    // A fixed-size array of numbers, e.g. [x, y, z].
    std::optional<std::array<double, 3>> vec3(const char* key) const;

    void error(const std::string& message) const { report(Severity::Error, path_, message); }
    void errorAt(const char* key, const std::string& message) const {
        report(Severity::Error, path_ + "." + key, message);
    }
    void warningAt(const char* key, const std::string& message) const {
        report(Severity::Warning, path_ + "." + key, message);
    }
    // Warns once per key that is not in `known` (kept on save, but probably a typo).
    void warnUnknownKeys(std::initializer_list<const char*> known) const;

  private:
    void report(Severity severity, const std::string& where, const std::string& message) const {
        problems_.push_back({severity, file_, where, message});
    }
    const nlohmann::json& value_;
    std::string path_;
    const std::string& file_;
    Problems& problems_;
};

}  // namespace subterra
