#include "testing/files.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

namespace interdict::testing {

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFileOrDie(const std::string& path, std::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    ADD_FAILURE() << "cannot write " << path;
    return;
  }
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
}

bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

std::string TestPath(std::string_view relative) {
  return std::string(INTERDICT_TESTS_DIR) + "/" + std::string(relative);
}

std::string SharedDataPath(std::string_view relative) {
  return std::string(INTERDICT_SHARED_DATA_DIR) + "/" + std::string(relative);
}

std::string DataPath(std::string_view relative) {
  return std::string(INTERDICT_DATA_DIR) + "/" + std::string(relative);
}

}  // namespace interdict::testing
