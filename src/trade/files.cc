#include "trade/files.h"

#include <cstdlib>

#include "base/text.h"
#include "snapshot/file_io.h"

namespace interdict::trade {
namespace {

constexpr size_t kMaxTableBytes = 256u << 20;

Status AddFile(ControlTables* tables, ControlTable table, const std::string& path) {
  INTERDICT_ASSIGN_OR_RETURN(std::string bytes, snapshot::ReadFile(path, kMaxTableBytes));
  return tables->Add(table, InputFile{path, bytes});
}

}  // namespace

Result<ControlTables> LoadControlTables(const std::string& goods_dir,
                                        const std::vector<std::string>& extra) {
  ControlTables tables;
  for (ControlTable t : {ControlTable::kChpl, ControlTable::kGoodsTerms, ControlTable::kDiversion,
                         ControlTable::kEmbargo}) {
    INTERDICT_RETURN_IF_ERROR(
        AddFile(&tables, t, snapshot::JoinPath(goods_dir, std::string(ControlTableFileName(t)))));
  }
  for (const std::string& spec : extra) {
    std::string path = spec;
    std::optional<ControlTable> table;
    size_t eq = spec.find('=');
    if (eq != std::string::npos) {
      table = ControlTableFromName(spec.substr(0, eq));
      path = spec.substr(eq + 1);
      if (!table) {
        return Status::InvalidArgument("--controls " + spec + ": unknown table \"" +
                                       spec.substr(0, eq) +
                                       "\" (chpl, goods_terms, diversion, embargo)");
      }
    } else {
      std::string base = base::AsciiToLower(snapshot::PublishedName(spec));
      for (ControlTable t : {ControlTable::kGoodsTerms, ControlTable::kChpl,
                             ControlTable::kDiversion, ControlTable::kEmbargo}) {
        std::string_view stem = ControlTableName(t);
        if (base::StartsWith(base, stem) ||
            (t == ControlTable::kGoodsTerms && base::StartsWith(base, "terms"))) {
          table = t;
          break;
        }
      }
      if (!table) {
        return Status::InvalidArgument(
            "--controls " + spec +
            ": cannot tell the table from the file name; write KIND=PATH (chpl, goods_terms, "
            "diversion, embargo)");
      }
    }
    INTERDICT_RETURN_IF_ERROR(AddFile(&tables, *table, path));
  }
  INTERDICT_RETURN_IF_ERROR(tables.Validate());
  return tables;
}

Status LoadOwnershipFile(const std::string& path, const Resolver& resolve, OwnershipGraph* graph) {
  INTERDICT_ASSIGN_OR_RETURN(std::string bytes, snapshot::ReadFile(path, kMaxTableBytes));
  return graph->AddCsv(InputFile{path, bytes}, resolve);
}

std::string DefaultGoodsDir(const std::string& data_dir) {
  const char* env = std::getenv("INTERDICT_GOODS_DIR");
  if (env != nullptr && *env != '\0') return env;
  return snapshot::JoinPath(data_dir, "goods");
}

}  // namespace interdict::trade
