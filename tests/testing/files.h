// File: testing/files.h
//
// Test-only file access: read test data and the shared data folder.
//
//   std::string bytes = testing::ReadFileOrDie(testing::TestData("lists/un/small.xml"));
//   if (!testing::SharedDataAvailable()) GTEST_SKIP() << "no ../shared/data";
#pragma once

#include <string>
#include <string_view>

namespace interdict::testing {

// Reads a whole file; fails the current test (and returns "") when it cannot.
std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, std::string_view contents);
bool FileExists(const std::string& path);

// tests/<relative>
std::string TestPath(std::string_view relative);
// ../shared/data/<relative>
std::string SharedDataPath(std::string_view relative);
// data/<relative> (the bundled data of the product)
std::string DataPath(std::string_view relative);

}  // namespace interdict::testing
