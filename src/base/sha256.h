// File: base/sha256.h
//
// SHA-256 of a byte string, as lower-case hex: the fingerprint of every list file that goes
// into a snapshot.
//
//   std::string digest = base::Sha256Hex(file_bytes);  // 64 hex characters
#pragma once

#include <string>
#include <string_view>

namespace interdict::base {

std::string Sha256Hex(std::string_view data);

}  // namespace interdict::base
