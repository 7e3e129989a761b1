// Runs the readable screening case files in tests/engine/cases/*.cases against a Screener
// built from the bundled snapshot. Format: see the header of russia.cases.
#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <dirent.h>
#include <gtest/gtest.h>

#include "interdict/screener.h"

#include "base/text.h"
#include "snapshot/loader.h"
#include "snapshot/manifest.h"
#include "testing/files.h"

namespace interdict {
namespace {

const Screener& BundledScreener() {
  static const Screener* screener = [] {
    auto m = snapshot::ReadManifest(testing::DataPath("manifest.json"));
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    auto snap = snapshot::LoadSnapshot(*m, {});
    EXPECT_TRUE(snap.ok()) << snap.status().ToString();
    auto s = Screener::Create(std::move(snap->entities));
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s->release();
  }();
  return *screener;
}

struct Expectation {
  std::string what;    // hit, miss, top, none, error
  std::string target;  // source:id
  double min_score = 0;
  int line = 0;
};

struct Case {
  std::string file;
  int line = 0;
  Query query;
  double threshold = kDefaultThreshold;
  std::vector<Expectation> expect;
};

std::vector<Case> ParseCases(const std::string& path) {
  std::vector<Case> cases;
  std::ifstream in(path);
  std::string raw;
  int line_no = 0;
  Case* current = nullptr;
  while (std::getline(in, raw)) {
    ++line_no;
    std::string_view line = base::Trim(raw);
    if (line.empty()) {
      current = nullptr;
      continue;
    }
    if (line[0] == '#') continue;
    size_t sp = line.find_first_of(" \t");
    std::string key(line.substr(0, sp));
    std::string value(sp == std::string_view::npos ? "" : base::Trim(line.substr(sp)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (key == "query") {
      cases.emplace_back();
      current = &cases.back();
      current->file = path;
      current->line = line_no;
      current->query.name = value;
      continue;
    }
    if (current == nullptr) {
      ADD_FAILURE() << path << ":" << line_no << ": '" << key << "' outside a case";
      continue;
    }
    if (key == "kind") {
      current->query.kind = EntityKindFromName(value);
    } else if (key == "dob") {
      current->query.dob = value;
    } else if (key == "country") {
      current->query.country = value;
    } else if (key == "id") {
      current->query.ids.push_back(value);
    } else if (key == "lists") {
      current->query.lists.push_back(ListSourceFromCode(value));
    } else if (key == "threshold") {
      current->threshold = std::stod(value);
    } else if (key == "expect") {
      Expectation e;
      e.line = line_no;
      std::istringstream ss(value);
      ss >> e.what >> e.target;
      std::string cond;
      if (ss >> cond && base::StartsWith(cond, "score>=")) e.min_score = std::stod(cond.substr(7));
      if (base::StartsWith(e.target, "score>=")) {
        e.min_score = std::stod(e.target.substr(7));
        e.target.clear();
      }
      current->expect.push_back(e);
    } else {
      ADD_FAILURE() << path << ":" << line_no << ": unknown directive '" << key << "'";
    }
  }
  return cases;
}

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  std::string dir = testing::TestPath("engine/cases");
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* ent = readdir(d)) {
      std::string name = ent->d_name;
      if (base::EndsWith(name, ".cases")) files.push_back(dir + "/" + name);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Describe(const std::vector<Hit>& hits) {
  std::string out;
  for (const Hit& h : hits) {
    out += "\n    " + std::string(ListSourceCode(h.entity->source)) + ":" + h.entity->source_id +
           " " + std::to_string(h.score) + " " + h.entity->primary_name().full + " {" +
           h.explanation.Summary() + "}";
  }
  return out.empty() ? " (no hits)" : out;
}

TEST(ScreeningCasesTest, CaseFilesPass) {
  std::vector<std::string> files = CaseFiles();
  ASSERT_FALSE(files.empty());
  const Screener& screener = BundledScreener();
  size_t checked = 0;
  for (const std::string& file : files) {
    for (const Case& c : ParseCases(file)) {
      SCOPED_TRACE(c.file + ":" + std::to_string(c.line) + " query \"" + c.query.name + "\"");
      ScreenOptions options;
      options.threshold = c.threshold;
      options.limit = 20;
      auto hits = screener.Screen(c.query, options);
      for (const Expectation& e : c.expect) {
        ++checked;
        SCOPED_TRACE("expectation at line " + std::to_string(e.line));
        if (e.what == "error") {
          EXPECT_FALSE(hits.ok()) << "expected an error, got" << Describe(*hits);
          continue;
        }
        ASSERT_TRUE(hits.ok()) << hits.status().ToString();
        if (e.what == "none") {
          EXPECT_TRUE(hits->empty()) << Describe(*hits);
          continue;
        }
        auto found = std::find_if(hits->begin(), hits->end(), [&](const Hit& h) {
          return std::string(ListSourceCode(h.entity->source)) + ":" + h.entity->source_id ==
                 e.target;
        });
        if (e.what == "miss") {
          EXPECT_EQ(found, hits->end()) << e.target << " should not be a hit:" << Describe(*hits);
        } else if (e.what == "hit" || e.what == "top") {
          ASSERT_NE(found, hits->end()) << e.target << " not found:" << Describe(*hits);
          EXPECT_GE(found->score, e.min_score) << Describe(*hits);
          if (e.what == "top") {
            EXPECT_EQ(found, hits->begin()) << Describe(*hits);
          }
        } else {
          ADD_FAILURE() << "unknown expectation '" << e.what << "'";
        }
      }
    }
  }
  EXPECT_GT(checked, 10u);
}

}  // namespace
}  // namespace interdict
