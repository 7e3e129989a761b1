// File: snapshot/file_io.h
//
// Reading list files from disk: whole-file reads with clear errors, transparent gunzip of
// "*.gz" files. The one place outside the shells that touches the file system.
//
//   Result<std::string> bytes = snapshot::ReadListFile("data/lists/un/consolidated.xml.gz");
#pragma once

#include <string>

#include "interdict/status.h"

namespace interdict::snapshot {

// Reads a whole file. kNotFound when it does not exist, kUnavailable on other I/O errors;
// messages name the path. Files larger than `max_bytes` are refused (kDataLoss).
Result<std::string> ReadFile(const std::string& path, size_t max_bytes = 2ull << 30);

// ReadFile, then gunzip when the file starts with the gzip magic bytes (whatever its name).
Result<std::string> ReadListFile(const std::string& path);

// The file name a parser sees: the base name without a ".gz" suffix
// ("data/lists/un/consolidated.xml.gz" -> "consolidated.xml").
std::string PublishedName(const std::string& path);

// The directory part of `path` ("" for a bare name) and a joined path.
std::string DirName(const std::string& path);
std::string JoinPath(const std::string& dir, const std::string& name);

}  // namespace interdict::snapshot
