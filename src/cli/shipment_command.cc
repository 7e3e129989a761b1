// `interdict shipment FILE`: one verdict per shipment (block / review / clear) with every
// reason and its rule, from the trade layer (src/trade/, docs/trade.md).
// `interdict ownership FILE`: the 50% rule over an ownership graph, node by node.
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/lists_command.h"
#include "cli/screen_command.h"
#include "snapshot/file_io.h"
#include "trade/files.h"
#include "trade/listed.h"
#include "trade/shipment_json.h"
#include "trade/shipment_screener.h"

namespace interdict::cli {
namespace {

struct TradeOptions {
  std::string data_dir;
  std::string goods_dir;
  std::vector<std::string> controls;
  std::vector<std::string> ownership;
  double threshold = kDefaultThreshold;
  double strong_score = 0.97;
};

struct ShipmentOptions : TradeOptions {
  std::string input;
  bool json = false;
  size_t hits = 3;
};

struct OwnershipCommandOptions : TradeOptions {
  std::string input;
  std::vector<std::string> entities;
  bool json = false;
};

void AddTradeFlags(CLI::App* cmd, TradeOptions* o) {
  cmd->add_option("--data", o->data_dir, "Directory with manifest.json (default: bundled data/)");
  cmd->add_option("--goods-dir", o->goods_dir,
                  "Directory with chpl.csv, goods_terms.csv, diversion_destinations.csv, "
                  "embargoed_destinations.csv (default: <data>/goods)");
  cmd->add_option("--controls", o->controls,
                  "Extra control table that adds to or overrides the bundled ones: KIND=FILE "
                  "(chpl, goods_terms, diversion, embargo) or FILE named after its kind "
                  "(repeatable)");
  cmd->add_option("--threshold", o->threshold,
                  "Name-match threshold in [0,1] (default 0.86, docs/match.md)");
  cmd->add_option("--strong-score", o->strong_score,
                  "Score at or above which a hit counts as the listed party (default 0.97)");
}

// Everything a trade command needs, loaded once.
struct TradeContext {
  std::unique_ptr<Screener> screener;
  trade::ControlTables tables;
  std::unique_ptr<trade::ListedIndex> index;
  trade::OwnershipGraph graph;
  bool has_graph = false;
  std::unique_ptr<trade::ShipmentScreener> shipments;
};

// Returns an exit code other than kExitOk on failure, after printing the error.
int LoadTrade(const TradeOptions& o, const std::string& command,
              const std::vector<std::string>& ownership_files, TradeContext* cx,
              std::ostream& err) {
  std::string data = o.data_dir.empty() ? DefaultDataDir() : o.data_dir;
  std::string goods = o.goods_dir.empty() ? trade::DefaultGoodsDir(data) : o.goods_dir;
  auto tables = trade::LoadControlTables(goods, o.controls);
  if (!tables.ok()) {
    err << "interdict " << command << ": " << tables.status().message() << "\n";
    return kExitUsage;
  }
  cx->tables = std::move(*tables);
  cx->screener = LoadScreener(o.data_dir, {}, err);
  if (!cx->screener) return kExitUsage;
  cx->index = std::make_unique<trade::ListedIndex>(cx->screener->entities());
  trade::Resolver resolve = trade::MakeResolver(*cx->screener, *cx->index, o.threshold);
  for (const std::string& path : ownership_files) {
    Status s = trade::LoadOwnershipFile(path, resolve, &cx->graph);
    if (!s.ok()) {
      err << "interdict " << command << ": " << s.message() << "\n";
      return kExitUsage;
    }
    cx->has_graph = true;
  }
  trade::ShipmentScreenerOptions so;
  so.threshold = o.threshold;
  so.strong_score = o.strong_score;
  cx->graph.Solve(so.ownership);
  return kExitOk;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

void PrintVerdict(const trade::Shipment& s, const trade::Verdict& v, std::ostream& out) {
  out << "Shipment " << (s.id.empty() ? s.where : s.id) << ": "
      << Upper(trade::DecisionName(v.decision)) << "  (destination " << v.destination << "; "
      << s.parties.size() << " parties, " << s.goods.size() << " goods lines)\n";
  if (v.reasons.empty()) out << "  no findings\n";
  for (const trade::Reason& r : v.reasons) {
    out << "  " << Pad(Upper(trade::ActionName(r.action)), 7) << Pad(r.rule, 31) << r.message
        << (r.evidence == "weak" ? " [weak evidence]" : "") << "\n";
    std::string indent(40, ' ');
    if (r.hit) out << indent << "why: " << r.hit->explanation.Summary() << "\n";
    for (const std::string& d : r.details) out << indent << "- " << d << "\n";
  }
}

int RunShipment(const ShipmentOptions& o, std::ostream& out, std::ostream& err) {
  Result<std::string> bytes = Status::Internal("unread");
  std::string name = o.input;
  if (o.input == "-") {
    bytes = std::string(std::istreambuf_iterator<char>(std::cin), {});
    name = "stdin";
  } else {
    bytes = snapshot::ReadFile(o.input, 1ull << 30);
  }
  if (!bytes.ok()) {
    err << "interdict shipment: " << bytes.status().message() << "\n";
    return kExitUsage;
  }
  auto shipments = trade::ParseShipments(InputFile{name, *bytes});
  if (!shipments.ok()) {
    err << "interdict shipment: " << shipments.status().message() << "\n";
    return kExitUsage;
  }
  TradeContext cx;
  if (int code = LoadTrade(o, "shipment", o.ownership, &cx, err); code != kExitOk) return code;
  trade::ShipmentScreenerOptions so;
  so.threshold = o.threshold;
  so.strong_score = o.strong_score;
  so.hits_per_party = o.hits;
  auto screener = trade::ShipmentScreener::Create(*cx.screener, cx.tables,
                                                  cx.has_graph ? &cx.graph : nullptr, so);
  if (!screener.ok()) {
    err << "interdict shipment: " << screener.status().message() << "\n";
    return kExitUsage;
  }
  size_t counts[3] = {0, 0, 0};
  std::vector<trade::Verdict> verdicts;
  for (const trade::Shipment& s : *shipments) {
    auto v = (*screener)->Assess(s);
    if (!v.ok()) {
      err << "interdict shipment: " << v.status().message() << "\n";
      return kExitUsage;
    }
    ++counts[static_cast<size_t>(v->decision)];
    verdicts.push_back(std::move(*v));
  }
  if (o.json) {
    if (verdicts.size() == 1) {
      out << trade::VerdictToJson(verdicts.front()).dump(2) << "\n";
    } else {
      for (const trade::Verdict& v : verdicts) out << trade::VerdictToJson(v).dump() << "\n";
    }
  } else {
    for (size_t i = 0; i < verdicts.size(); ++i) {
      if (i > 0) out << "\n";
      PrintVerdict((*shipments)[i], verdicts[i], out);
    }
    if (verdicts.size() > 1) {
      out << "\n"
          << verdicts.size() << " shipments: " << counts[2] << " block, " << counts[1]
          << " review, " << counts[0] << " clear\n";
    }
  }
  return counts[1] + counts[2] > 0 ? kExitFindings : kExitOk;
}

int RunOwnership(const OwnershipCommandOptions& o, std::ostream& out, std::ostream& err) {
  TradeContext cx;
  std::vector<std::string> files = o.ownership;
  files.insert(files.begin(), o.input);
  if (int code = LoadTrade(o, "ownership", files, &cx, err); code != kExitOk) return code;
  std::vector<size_t> nodes;
  if (o.entities.empty()) {
    for (size_t i = 0; i < cx.graph.size(); ++i) nodes.push_back(i);
  } else {
    for (const std::string& e : o.entities) {
      std::optional<size_t> n = cx.graph.FindNode(e);
      if (!n) {
        err << "interdict ownership: \"" << e << "\" is not in the graph\n";
        return kExitUsage;
      }
      nodes.push_back(*n);
    }
  }
  size_t blocked = 0;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (size_t n : nodes) {
    trade::OwnershipFinding f = cx.graph.Assess(n);
    const trade::Resolution& r = cx.graph.resolution(n);
    if (f.blocked) ++blocked;
    if (o.json) {
      nlohmann::ordered_json j{{"party", f.subject},
                               {"blocked", f.blocked},
                               {"listed", f.listed_blocked},
                               {"blocked_percent", f.blocked_percent},
                               {"look_through_percent", f.look_through_percent}};
      if (r.entity != nullptr) {
        j["resolved"] = {{"reference", trade::FormatReference(*r.entity)},
                         {"name", r.entity->primary_name().full},
                         {"score", r.score},
                         {"how", r.how}};
      }
      j["chain"] = f.steps;
      all.push_back(std::move(j));
      continue;
    }
    out << Pad(f.blocked ? (f.listed_blocked ? "LISTED" : "BLOCKED") : "-", 9) << f.subject;
    if (r.entity != nullptr) {
      out << "  [" << trade::FormatReference(*r.entity) << " " << r.entity->primary_name().full
          << ", " << r.how << " " << Fixed(r.score, 3) << "]";
    }
    out << "  blocked owners " << Fixed(f.blocked_percent, 2) << "%, look-through "
        << Fixed(f.look_through_percent, 2) << "%\n";
    for (const std::string& s : f.steps) out << "         - " << s << "\n";
  }
  if (o.json) {
    out << all.dump(2) << "\n";
  } else {
    out << cx.graph.size() << " parties, " << cx.graph.edges() << " holdings, " << blocked
        << " blocked (listed or by the 50% rule) among those shown\n";
  }
  return blocked > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void RegisterShipmentCommand(CLI::App& app, Commands& commands) {
  auto o = std::make_shared<ShipmentOptions>();
  CLI::App* cmd = app.add_subcommand(
      "shipment",
      "Screen shipments (JSON, JSON Lines or CSV): parties against the lists, ownership (50% "
      "rule), goods against the CHPL, route against embargo and diversion tables. One verdict "
      "per shipment: block / review / clear. Exit code 0 = all clear, 1 = review or block, 2 = "
      "input error. See docs/trade.md.");
  cmd->add_option("file", o->input, "Shipment file, or - for stdin")->required();
  cmd->add_flag("--json", o->json, "Print JSON (one document, or one line per shipment)");
  cmd->add_option("--ownership", o->ownership,
                  "Ownership graph CSV: owner,owned,percent (repeatable)");
  cmd->add_option("--hits", o->hits, "Potential matches reported per party (default 3)");
  AddTradeFlags(cmd, o.get());
  commands.Add(cmd,
               [o](std::ostream& out, std::ostream& err) { return RunShipment(*o, out, err); });
}

void RegisterOwnershipCommand(CLI::App& app, Commands& commands) {
  auto o = std::make_shared<OwnershipCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ownership",
      "Apply OFAC's 50% rule to an ownership graph (CSV owner,owned,percent; parties by list "
      "reference such as ofac_sdn:16666 or by name) and explain who is blocked and why. Exit "
      "code 1 when a party is blocked.");
  cmd->add_option("file", o->input, "Ownership CSV")->required();
  cmd->add_option("--more", o->ownership, "More ownership CSVs merged into the graph");
  cmd->add_option("--entity", o->entities, "Only report these parties (repeatable)");
  cmd->add_flag("--json", o->json, "Print JSON");
  AddTradeFlags(cmd, o.get());
  commands.Add(cmd,
               [o](std::ostream& out, std::ostream& err) { return RunOwnership(*o, out, err); });
}

}  // namespace interdict::cli
