#include "testing/golden.h"

#include <cstdlib>
#include <sstream>

#include "model/entity_json.h"
#include "testing/files.h"

namespace interdict::testing {

std::string ParsedListToJsonl(const ParsedList& list) {
  std::string out;
  nlohmann::ordered_json header;
  header["version"] = model::ListVersionToJson(list.version);
  header["entities"] = list.entities.size();
  header["diagnostics"] = {{"warnings", list.diagnostics.warnings()},
                           {"skipped", list.diagnostics.skipped()}};
  out += header.dump() + "\n";
  for (const Entity& e : list.entities) out += model::EntityToJson(e).dump() + "\n";
  for (const Diagnostic& d : list.diagnostics.items()) {
    out += nlohmann::ordered_json{{"diagnostic", model::DiagnosticToJson(d)}}.dump() + "\n";
  }
  return out;
}

void ExpectGoldenText(const std::string& actual, const std::string& golden_path) {
  const char* update = std::getenv("INTERDICT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    WriteFileOrDie(golden_path, actual);
    return;
  }
  if (!FileExists(golden_path)) {
    ADD_FAILURE() << "golden file " << golden_path
                  << " does not exist; run with INTERDICT_UPDATE_GOLDEN=1 to create it";
    return;
  }
  std::string expected = ReadFileOrDie(golden_path);
  if (expected == actual) return;
  std::istringstream a(actual), e(expected);
  std::string la, le;
  int line = 1;
  while (true) {
    bool ga = static_cast<bool>(std::getline(a, la));
    bool ge = static_cast<bool>(std::getline(e, le));
    if (!ga && !ge) break;
    if (!ga || !ge || la != le) {
      ADD_FAILURE() << golden_path << ": first difference at line " << line
                    << "\n  expected: " << (ge ? le : "<end of file>")
                    << "\n  actual:   " << (ga ? la : "<end of output>")
                    << "\n(INTERDICT_UPDATE_GOLDEN=1 rewrites the golden file)";
      return;
    }
    ++line;
  }
}

void ExpectGolden(const ParsedList& list, const std::string& golden_path) {
  ExpectGoldenText(ParsedListToJsonl(list), golden_path);
}

}  // namespace interdict::testing
