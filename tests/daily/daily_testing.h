// File: daily/daily_testing.h
//
// Shared helpers of the daily tests: loading one day of OFAC's sdn.csv history (the two days
// bundled in data/history/, or any day extracted from ../shared/data's history archive).
//
//   std::vector<Entity> day = LoadSdnDay(testing::DataPath("history/2023-02-22/sdn.csv.gz"));
#pragma once

#include <string>
#include <vector>

#include "interdict/entity.h"

namespace interdict::daily::testing {

// Parses one sdn.csv (gzipped or not) with the OFAC CSV parser; fails the test on error.
std::vector<Entity> LoadSdnDay(const std::string& path);

// The bundled 2023-02-22 and 2023-02-24 files (data/history/<day>/sdn.csv.gz).
std::string BundledDay(const std::string& day);

// Extracts the named members ("sdn-2023-02-28T1846.csv") of the shared history archive into
// `dir`; returns false (the caller skips) when the archive or `tar` is not available.
bool ExtractHistory(const std::vector<std::string>& members, const std::string& dir);

// A fresh empty directory under the test's temporary directory.
std::string FreshDir(const std::string& name);

}  // namespace interdict::daily::testing
