#pragma once
// Reading a whole text file for the JSON/XML importers, with the checks every one of them needs
// (missing, empty, UTF-16 instead of UTF-8), and byte offsets turned into line numbers.
#include <optional>
#include <string>

namespace subterra {

// The file's bytes, or nullopt with `error` set ("file not found", "file is empty", "is UTF-16
// encoded; expected UTF-8"). A UTF-8 byte-order mark is dropped.
std::optional<std::string> readSourceText(const std::string& path, std::string& error);

// Offset of the first byte that is not valid UTF-8; nullopt when all of `text` is.
std::optional<size_t> invalidUtf8Offset(const std::string& text);

// "line 12" for a byte offset into `text` (1-based lines).
std::string lineAt(const std::string& text, size_t offset);

// True when `text` starts with `prefix` after leading blanks (used to sniff formats).
bool startsWithAfterBlanks(const std::string& text, const std::string& prefix);

// The first `bytes` bytes of a file (empty when it cannot be read): enough to recognise a format.
std::string fileHead(const std::string& path, size_t bytes = 4096);

}  // namespace subterra
