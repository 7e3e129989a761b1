// File: cli/format.h
//
// Text helpers for the command line's tables.
//
//   out << cli::Pad("score", 7) << cli::Pad(cli::Num(35258), 9, /*right=*/true);
#pragma once

#include <cstddef>
#include <string>

namespace interdict::cli {

// `s` padded with spaces to `width` (on the left when `right`); longer text is kept whole.
std::string Pad(std::string s, size_t width, bool right = false);
// `s` cut to at most `width` bytes.
std::string Cut(std::string s, size_t width);
// 35258 -> "35,258".
std::string Num(size_t n);
// `v` with `decimals` digits after the point.
std::string Fixed(double v, int decimals);

}  // namespace interdict::cli
