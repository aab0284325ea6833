#pragma once
// Reading a whole text file for the JSON/XML importers, with the checks every one of them needs
// (missing, empty, UTF-16 instead of UTF-8), and byte offsets turned into line numbers.
#include <optional>
#include <string>
#include <vector>

namespace subterra {

// The file's bytes, or nullopt with `error` set ("file not found", "is a FIFO (named pipe), not a
// regular file", "is 600 MiB; text sources are limited to...", "binary data...", "file is empty",
// "is UTF-16 encoded; expected UTF-8"). Passes the source_file.h gate before reading; a UTF-8
// byte-order mark is dropped.
std::optional<std::string> readSourceText(const std::string& path, std::string& error);

// Offset of the first byte that is not valid UTF-8; nullopt when all of `text` is.
std::optional<size_t> invalidUtf8Offset(const std::string& text);

// True when `head` (a file's first bytes) is mostly binary: NUL bytes are not in any text format
// read here (UTF-16 aside, which is recognised before).
bool looksBinary(const std::string& head);

// "line 12" for a byte offset into `text` (1-based lines).
std::string lineAt(const std::string& text, size_t offset);

// True when `text` starts with `prefix` after leading blanks (used to sniff formats).
bool startsWithAfterBlanks(const std::string& text, const std::string& prefix);

// The first `bytes` bytes of a file (empty when it cannot be read or is not a regular file):
// enough to recognise a format.
std::string fileHead(const std::string& path, size_t bytes = 4096);

// Whether the file holds every one of `needles` somewhere (read in chunks, never whole; false
// for what is not a regular file): for formats whose telling key may come last (CityJSON).
bool fileContainsAll(const std::string& path, const std::vector<std::string>& needles);

}  // namespace subterra
