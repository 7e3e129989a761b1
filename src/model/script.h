// File: model/script.h
//
// Detects the writing system of a name from its code points.
//
//   model::DetectScript("Сергей Шойгу") == Script::kCyrillic
//   model::DetectScript("深圳市电子有限公司") == Script::kHan
#pragma once

#include <string_view>

#include "interdict/entity.h"

namespace interdict::model {

// The script of a code point, or kUnknown for digits, punctuation, spaces and marks.
Script ScriptOf(char32_t cp);

// The script shared by the letters of `utf8`: kUnknown without letters; kMixed when letters
// of two scripts occur, except that Han together with kana is kKana (Japanese), and Han with
// Hangul is kHangul (Korean).
Script DetectScript(std::string_view utf8);

}  // namespace interdict::model
