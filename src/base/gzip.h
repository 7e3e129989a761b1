// File: base/gzip.h
//
// gzip (RFC 1952) decompression of an in-memory buffer, for the bundled list snapshots in
// data/lists/*.gz.
//
//   Result<std::string> text = base::GunzipBytes(compressed, /*max_output=*/512u << 20);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "interdict/status.h"

namespace interdict::base {

// Returns the decompressed bytes (all members of a multi-member file). kDataLoss when the
// input is not gzip, is truncated, or fails its CRC; kDataLoss when the output would exceed
// `max_output` bytes (a decompression bomb).
Result<std::string> GunzipBytes(std::string_view compressed, size_t max_output = 1u << 30);

// True when `data` starts with the gzip magic bytes.
bool IsGzip(std::string_view data);

}  // namespace interdict::base
