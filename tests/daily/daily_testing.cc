#include "daily/daily_testing.h"

#include <cstdlib>
#include <filesystem>
#include <span>

#include <gtest/gtest.h>
#include <unistd.h>

#include "lists/registry.h"
#include "snapshot/file_io.h"
#include "testing/files.h"

namespace interdict::daily::testing {

std::vector<Entity> LoadSdnDay(const std::string& path) {
  auto bytes = snapshot::ReadListFile(path);
  if (!bytes.ok()) {
    ADD_FAILURE() << bytes.status().ToString();
    return {};
  }
  InputFile files[] = {{"sdn.csv", *bytes}};
  auto parsed =
      lists::ParseList(lists::ListFormat::kOfacCsv, ListSource::kOfacSdn, std::span(files));
  if (!parsed.ok()) {
    ADD_FAILURE() << parsed.status().ToString();
    return {};
  }
  return std::move(parsed->entities);
}

std::string BundledDay(const std::string& day) {
  return interdict::testing::DataPath("history/" + day + "/sdn.csv.gz");
}

bool ExtractHistory(const std::vector<std::string>& members, const std::string& dir) {
  std::string archive =
      interdict::testing::SharedDataPath("lists/ofac-sdn-history/sdn-history.tar.xz");
  if (!interdict::testing::FileExists(archive)) return false;
  std::string cmd = "tar -xJf '" + archive + "' -C '" + dir + "' --strip-components=1";
  for (const std::string& m : members) cmd += " 'sdn-history/" + m + "'";
  return std::system(cmd.c_str()) == 0;
}

std::string FreshDir(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::filesystem::path base = tmp ? tmp : std::filesystem::temp_directory_path();
  std::filesystem::path dir = base / ("interdict_daily_" + std::to_string(::getpid()) + "_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace interdict::daily::testing
