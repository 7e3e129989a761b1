// File: base/text.h
//
// Small byte- and UTF-8-level string helpers shared by every module: trimming, splitting,
// ASCII case, UTF-8 validation and decoding, and Windows-1252 to UTF-8 conversion.
//
//   std::string_view t = base::Trim("  ABC \r");               // "ABC"
//   for (std::string_view part : base::Split("a; b", "; ")) ...
//   if (!base::IsValidUtf8(bytes)) return Status::DataLoss(...);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace interdict::base {

// Removes ASCII whitespace (space, \t, \r, \n, \f, \v) and U+00A0 no-break spaces at both ends.
std::string_view Trim(std::string_view s);

// Splits on every occurrence of `sep` (non-empty). Parts are not trimmed; empty parts are
// kept. Split("", sep) returns one empty part.
std::vector<std::string_view> Split(std::string_view s, std::string_view sep);

// Splits on `sep`, trims each part and drops empty parts.
std::vector<std::string_view> SplitTrimmed(std::string_view s, std::string_view sep);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// ASCII case-insensitive comparisons; non-ASCII bytes compare exactly.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
// Byte offset of the first ASCII case-insensitive occurrence of `needle`, or npos.
size_t FindIgnoreCase(std::string_view haystack, std::string_view needle, size_t from = 0);

std::string AsciiToLower(std::string_view s);
std::string AsciiToUpper(std::string_view s);

// Collapses runs of ASCII whitespace to one space and trims.
std::string CollapseWhitespace(std::string_view s);

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);
// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FindInvalidUtf8(std::string_view s);

// Decodes one code point at s[*pos] and advances *pos. Invalid bytes decode to U+FFFD and
// advance by one byte.
char32_t DecodeUtf8(std::string_view s, size_t* pos);
void AppendUtf8(char32_t cp, std::string* out);
std::u32string Utf8ToU32(std::string_view s);
std::string U32ToUtf8(std::u32string_view s);

// Converts Windows-1252 bytes to UTF-8 (ASCII passes unchanged). OFAC's legacy CSV files are
// ASCII in practice but are documented as Windows-1252.
std::string Windows1252ToUtf8(std::string_view s);

// Returns the input as UTF-8: unchanged when it is valid UTF-8 (a leading BOM removed),
// otherwise converted from Windows-1252.
std::string ToUtf8Lenient(std::string_view s);

// True when the bytes look like binary data rather than text: a NUL byte, or more than 1%
// control characters other than \t \r \n \x1a in the first 64 KiB. Lists are text; a file
// that fails this is refused instead of parsed into garbage.
bool LooksBinary(std::string_view s);

// 1-based line number of byte `offset` in `s` (counts '\n').
size_t LineOfOffset(std::string_view s, size_t offset);

// Parses a non-negative decimal integer that is the whole of `s`; nullopt otherwise.
std::optional<uint64_t> ParseUint(std::string_view s);

}  // namespace interdict::base
