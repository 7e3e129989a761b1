// `interdict customers | alerts | audit`: thin commands over the store (store/store.h).
// Every command takes --data-dir (else $INTERDICT_HOME, else ./interdict-data).
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/registrars.h"
#include "model/entity_json.h"
#include "store/store_json.h"
#include "store/audit_export.h"
#include "store/customer_file.h"
#include "store/store.h"

namespace interdict::cli {
namespace {

using Json = nlohmann::ordered_json;

// Diagnostics printed per import before "... and N more".
constexpr size_t kMaxDiagnosticsShown = 50;

void AddDataDir(CLI::App* cmd, std::string* data_dir) {
  cmd->add_option("--data-dir", *data_dir,
                  "Store directory (default: $INTERDICT_HOME, else ./interdict-data)");
}

std::unique_ptr<store::Store> OpenStore(const std::string& flag, std::ostream& err) {
  auto opened = store::Store::Open(store::ResolveDataDir(flag));
  if (!opened.ok()) {
    err << "interdict: " << opened.status().message() << "\n";
    return nullptr;
  }
  return std::move(*opened);
}

int Fail(std::ostream& err, std::string_view command, const Status& s) {
  err << "interdict " << command << ": " << s.message() << "\n";
  return s.code() == StatusCode::kInternal ? kExitInternal : kExitUsage;
}

std::string Cell(std::string s, size_t width) { return Pad(Cut(std::move(s), width), width); }

// --- customers ---------------------------------------------------------------------------

struct CustomersImportOptions {
  std::string data_dir;
  std::string file;
  bool full = false;
  std::string by;
  bool json = false;
};

int RunCustomersImport(const CustomersImportOptions& o, std::ostream& out, std::ostream& err) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) {
    err << "interdict customers import: cannot read " << o.file << "\n";
    return kExitUsage;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string name = o.file.substr(o.file.find_last_of('/') + 1);
  auto parsed = store::ParseCustomerFile(name, bytes);
  if (!parsed.ok()) return Fail(err, "customers import", parsed.status());
  size_t shown = 0;
  for (const Diagnostic& d : parsed->diagnostics.items()) {
    if (shown++ == kMaxDiagnosticsShown) {
      err << "... and " << parsed->diagnostics.size() - kMaxDiagnosticsShown << " more\n";
      break;
    }
    err << d.ToString() << "\n";
  }
  // A skipped row in a full import would mark that customer removed: refuse instead.
  if (o.full && parsed->diagnostics.skipped() > 0) {
    err << "interdict customers import: refusing a --full import with "
        << parsed->diagnostics.skipped()
        << " skipped row(s): those customers would be marked removed. Fix the rows or "
           "import without --full.\n";
    return kExitUsage;
  }
  auto store = OpenStore(o.data_dir, err);
  if (!store) return kExitUsage;
  store::ImportOptions options;
  options.full = o.full;
  options.actor = o.by.empty() ? "cli" : o.by;
  options.source_name = name;
  auto report = store->ImportCustomers(parsed->customers, options);
  if (!report.ok()) return Fail(err, "customers import", report.status());
  if (o.json) {
    out << Json{{"file", name},
                {"rows", report->rows},
                {"skipped_rows", parsed->diagnostics.skipped()},
                {"warnings", parsed->diagnostics.warnings()},
                {"inserted", report->inserted},
                {"updated", report->updated},
                {"unchanged", report->unchanged},
                {"restored", report->restored},
                {"removed", report->removed},
                {"revision", report->revision}}
               .dump()
        << "\n";
  } else {
    out << name << ": " << report->rows << " customers read (" << parsed->diagnostics.skipped()
        << " rows skipped): " << report->inserted << " new, " << report->updated << " changed, "
        << report->unchanged << " unchanged, " << report->restored << " restored, "
        << report->removed << " marked removed; revision " << report->revision << "\n";
  }
  return kExitOk;
}

struct CustomersListOptions {
  std::string data_dir;
  bool all = false;
  bool json = false;
  uint64_t limit = 0;
};

int RunCustomersList(const CustomersListOptions& o, std::ostream& out, std::ostream& err) {
  auto store = OpenStore(o.data_dir, err);
  if (!store) return kExitUsage;
  auto list = store->ListCustomers({.include_removed = o.all, .limit = o.limit});
  if (!list.ok()) return Fail(err, "customers list", list.status());
  if (o.json) {
    for (const store::StoredCustomer& c : *list) {
      out << Json{{"id", c.customer.id},
                  {"name", c.customer.name},
                  {"kind", EntityKindName(c.customer.kind)},
                  {"dob", c.customer.dob},
                  {"country", c.customer.country},
                  {"ids", c.customer.ids},
                  {"removed", c.removed},
                  {"content_hash", c.content_hash},
                  {"updated_at", c.updated_at}}
                 .dump()
          << "\n";
    }
    return kExitOk;
  }
  out << Cell("id", 14) << Cell("kind", 13) << Cell("dob", 12) << Cell("country", 9)
      << Cell("status", 9) << "name\n";
  for (const store::StoredCustomer& c : *list) {
    out << Cell(c.customer.id, 14) << Cell(std::string(EntityKindName(c.customer.kind)), 13)
        << Cell(c.customer.dob, 12) << Cell(c.customer.country, 9)
        << Cell(c.removed ? "removed" : "active", 9) << c.customer.name << "\n";
  }
  out << list->size() << " customer(s)\n";
  return kExitOk;
}

// --- alerts ------------------------------------------------------------------------------


struct AlertsListOptions {
  std::string data_dir;
  std::string status;
  std::string customer;
  uint64_t limit = 0;
  bool json = false;
};

int RunAlertsList(const AlertsListOptions& o, std::ostream& out, std::ostream& err) {
  store::AlertFilter filter;
  if (o.status == "open") {
    filter.status = store::AlertStatus::kOpen;
  } else if (o.status == "decided") {
    filter.status = store::AlertStatus::kDecided;
  } else if (!o.status.empty()) {
    err << "interdict alerts list: --status is open or decided, not \"" << o.status << "\"\n";
    return kExitUsage;
  }
  filter.customer_id = o.customer;
  filter.limit = o.limit;
  auto store = OpenStore(o.data_dir, err);
  if (!store) return kExitUsage;
  auto alerts = store->ListAlerts(filter);
  if (!alerts.ok()) return Fail(err, "alerts list", alerts.status());
  if (o.json) {
    Json arr = Json::array();
    for (const store::Alert& a : *alerts) arr.push_back(store::AlertToJson(a));
    out << Json{{"alerts", std::move(arr)}}.dump(2) << "\n";
    return kExitOk;
  }
  out << Cell("id", 7) << Cell("status", 16) << Cell("customer", 14) << Cell("list", 12)
      << Cell("entry", 12) << Cell("score", 7) << "matched name\n";
  for (const store::Alert& a : *alerts) {
    std::string status(store::AlertStatusName(a.status));
    if (a.status == store::AlertStatus::kDecided) status = store::DecisionName(a.decision);
    out << Cell(std::to_string(a.id), 7) << Cell(status, 16) << Cell(a.match.customer_id, 14)
        << Cell(std::string(ListSourceCode(a.match.source)), 12) << Cell(a.match.source_id, 12)
        << Cell(Fixed(a.match.score, 3), 7) << a.match.matched_name << "\n";
  }
  out << alerts->size() << " alert(s)\n";
  return kExitOk;
}

struct AlertsShowOptions {
  std::string data_dir;
  int64_t id = 0;
  bool json = false;
};

int RunAlertsShow(const AlertsShowOptions& o, std::ostream& out, std::ostream& err) {
  auto store = OpenStore(o.data_dir, err);
  if (!store) return kExitUsage;
  auto alert = store->GetAlert(o.id);
  if (!alert.ok()) return Fail(err, "alerts show", alert.status());
  Json j = store::AlertToJson(*alert);
  if (auto c = store->GetCustomer(alert->match.customer_id); c.ok()) {
    j["customer"] = Json{{"id", c->customer.id},
                         {"name", c->customer.name},
                         {"kind", EntityKindName(c->customer.kind)},
                         {"dob", c->customer.dob},
                         {"country", c->customer.country},
                         {"ids", c->customer.ids},
                         {"removed", c->removed},
                         {"changed_since_alert", c->content_hash != alert->match.customer_hash}};
  }
  auto entity =
      store->LoadEntity(alert->match.snapshot_id, alert->match.source, alert->match.source_id);
  if (entity.ok()) j["entity"] = model::EntityToJson(*entity);
  if (o.json) {
    out << j.dump(2) << "\n";
    return kExitOk;
  }
  const store::Alert& a = *alert;
  out << "alert " << a.id << " (" << store::AlertStatusName(a.status) << "), raised "
      << a.created_at << " on snapshot " << a.match.snapshot_id << "\n";
  out << "  customer: " << a.match.customer_id;
  if (j.contains("customer")) {
    out << "  " << j["customer"]["name"].get<std::string>();
    if (j["customer"]["changed_since_alert"].get<bool>()) out << "  (changed since)";
  }
  out << "\n  listed:   " << ListSourceCode(a.match.source) << " " << a.match.source_id;
  if (entity.ok()) {
    out << "  " << entity->primary_name().full << " [" << EntityKindName(entity->kind) << "]";
    std::string programs;
    for (const std::string& p : entity->programs) programs += (programs.empty() ? "" : ", ") + p;
    if (!programs.empty()) out << "\n  programs: " << programs;
  }
  out << "\n  matched:  " << a.match.matched_name << "  score " << Fixed(a.match.score, 3)
      << "\n  why:      " << j["explanation"].dump() << "\n";
  if (a.status == store::AlertStatus::kDecided) {
    out << "  decision: " << store::DecisionName(a.decision) << " by " << a.decided_by << " at "
        << a.decided_at << (a.decision_note.empty() ? "" : ": " + a.decision_note) << "\n";
  }
  return kExitOk;
}

struct AlertsDecideOptions {
  std::string data_dir;
  int64_t id = 0;
  std::string as;
  std::string note;
  std::string by;
};

int RunAlertsDecide(const AlertsDecideOptions& o, std::ostream& out, std::ostream& err) {
  store::Decision d = store::DecisionFromName(o.as);
  if (d == store::Decision::kNone) {
    err << "interdict alerts decide: --as is true-match or false-positive, not \"" << o.as
        << "\"\n";
    return kExitUsage;
  }
  auto store = OpenStore(o.data_dir, err);
  if (!store) return kExitUsage;
  Status s = store->DecideAlert(o.id, d, o.note, o.by);
  if (!s.ok()) return Fail(err, "alerts decide", s);
  out << "alert " << o.id << " decided " << store::DecisionName(d) << " by " << o.by;
  if (d == store::Decision::kFalsePositive) {
    out << "; the pair is suppressed until the customer or the listed entry changes "
           "(interdict alerts suppressions)";
  }
  out << "\n";
  return kExitOk;
}

struct SuppressionsOptions {
  std::string data_dir;
  bool all = false;
  int64_t revoke = 0;
  std::string by;
  std::string note;
  bool json = false;
};

int RunSuppressions(const SuppressionsOptions& o, std::ostream& out, std::ostream& err) {
  auto store = OpenStore(o.data_dir, err);
  if (!store) return kExitUsage;
  if (o.revoke != 0) {
    Status s = store->RevokeSuppression(o.revoke, o.by, o.note);
    if (!s.ok()) return Fail(err, "alerts suppressions", s);
    out << "suppression " << o.revoke << " revoked by " << o.by
        << "; the pair alerts again on the next screening\n";
    return kExitOk;
  }
  auto list = store->ListSuppressions(o.all);
  if (!list.ok()) return Fail(err, "alerts suppressions", list.status());
  if (o.json) {
    Json arr = Json::array();
    for (const store::Suppression& x : *list) {
      Json j{{"id", x.id},
             {"customer_id", x.customer_id},
             {"source", ListSourceCode(x.source)},
             {"source_id", x.source_id},
             {"alert_id", x.alert_id},
             {"created_at", x.created_at},
             {"created_by", x.created_by},
             {"note", x.note},
             {"revoked", x.revoked}};
      if (x.revoked) {
        j["revoked_at"] = x.revoked_at;
        j["revoked_by"] = x.revoked_by;
      }
      arr.push_back(std::move(j));
    }
    out << Json{{"suppressions", std::move(arr)}}.dump(2) << "\n";
    return kExitOk;
  }
  out << Cell("id", 6) << Cell("customer", 14) << Cell("list", 12) << Cell("entry", 12)
      << Cell("alert", 7) << Cell("by", 12) << Cell("since", 25) << "note\n";
  for (const store::Suppression& x : *list) {
    out << Cell(std::to_string(x.id), 6) << Cell(x.customer_id, 14)
        << Cell(std::string(ListSourceCode(x.source)), 12) << Cell(x.source_id, 12)
        << Cell(std::to_string(x.alert_id), 7) << Cell(x.created_by, 12) << Cell(x.created_at, 25)
        << x.note << (x.revoked ? " [revoked by " + x.revoked_by + " " + x.revoked_at + "]" : "")
        << "\n";
  }
  out << list->size() << " suppression(s)\n";
  return kExitOk;
}

// --- audit -------------------------------------------------------------------------------

struct AuditExportOptions {
  std::string data_dir;
  std::string from;
  std::string to;
  std::string format = "csv";
  std::string output;
};

int RunAuditExport(const AuditExportOptions& o, std::ostream& out, std::ostream& err) {
  if (o.format != "csv" && o.format != "json") {
    err << "interdict audit export: --format is csv or json, not \"" << o.format << "\"\n";
    return kExitUsage;
  }
  auto store = OpenStore(o.data_dir, err);
  if (!store) return kExitUsage;
  auto records = store->ReadAudit({.from = o.from, .to = o.to});
  if (!records.ok()) return Fail(err, "audit export", records.status());
  std::string text = o.format == "csv" ? store::AuditToCsv(*records) : store::AuditToJson(*records);
  if (o.output.empty()) {
    out << text;
  } else {
    std::ofstream f(o.output, std::ios::binary);
    f << text;
    if (!f) {
      err << "interdict audit export: cannot write " << o.output << "\n";
      return kExitUsage;
    }
    err << records->size() << " audit record(s) written to " << o.output << "\n";
  }
  return kExitOk;
}

int RunAuditVerify(const std::string& data_dir, std::ostream& out, std::ostream& err) {
  auto store = OpenStore(data_dir, err);
  if (!store) return kExitUsage;
  Status integrity = store->CheckIntegrity();
  if (!integrity.ok()) {
    err << "interdict audit verify: " << integrity.message() << "\n";
    return kExitFindings;
  }
  auto v = store->VerifyAudit();
  if (!v.ok()) return Fail(err, "audit verify", v.status());
  if (!v->ok) {
    out << "audit trail BROKEN at record " << v->first_bad_seq << ": " << v->reason << " ("
        << v->records << " records read)\n";
    return kExitFindings;
  }
  out << "audit trail intact: " << v->records << " records, hash chain verified\n";
  return kExitOk;
}

}  // namespace

void RegisterCustomersCommand(CLI::App& app, Commands& commands) {
  CLI::App* customers = app.add_subcommand("customers", "Customers kept in the store");
  customers->require_subcommand(1);

  auto imp = std::make_shared<CustomersImportOptions>();
  CLI::App* imp_cmd = customers->add_subcommand(
      "import",
      "Import customers from CSV (header: id,name,kind,dob,country,ids) or JSONL; upsert by "
      "id. Bad rows are reported with their line and skipped.");
  imp_cmd->add_option("file", imp->file, "CSV or JSONL file")->required();
  imp_cmd->add_flag("--full", imp->full,
                    "The file is the complete customer base: customers missing from it are "
                    "marked removed (kept, not deleted)");
  imp_cmd->add_option("--by", imp->by, "Who imports (audit trail; default \"cli\")");
  imp_cmd->add_flag("--json", imp->json, "Print the import report as JSON");
  AddDataDir(imp_cmd, &imp->data_dir);
  commands.Add(imp_cmd, [imp](std::ostream& out, std::ostream& err) {
    return RunCustomersImport(*imp, out, err);
  });

  auto list = std::make_shared<CustomersListOptions>();
  CLI::App* list_cmd = customers->add_subcommand("list", "List customers, sorted by id");
  list_cmd->add_flag("--all", list->all, "Include customers marked removed");
  list_cmd->add_option("--limit", list->limit, "Show at most N");
  list_cmd->add_flag("--json", list->json, "One JSON object per line");
  AddDataDir(list_cmd, &list->data_dir);
  commands.Add(list_cmd, [list](std::ostream& out, std::ostream& err) {
    return RunCustomersList(*list, out, err);
  });
}

void RegisterAlertsCommand(CLI::App& app, Commands& commands) {
  CLI::App* alerts =
      app.add_subcommand("alerts", "Potential matches of customers: list, show, decide");
  alerts->require_subcommand(1);

  auto list = std::make_shared<AlertsListOptions>();
  CLI::App* list_cmd = alerts->add_subcommand("list", "List alerts, newest first");
  list_cmd->add_option("--status", list->status, "open or decided");
  list_cmd->add_option("--customer", list->customer, "Only this customer id");
  list_cmd->add_option("--limit", list->limit, "Show at most N");
  list_cmd->add_flag("--json", list->json, "Print JSON");
  AddDataDir(list_cmd, &list->data_dir);
  commands.Add(list_cmd, [list](std::ostream& out, std::ostream& err) {
    return RunAlertsList(*list, out, err);
  });

  auto show = std::make_shared<AlertsShowOptions>();
  CLI::App* show_cmd =
      alerts->add_subcommand("show", "One alert with its customer, listed entry and why");
  show_cmd->add_option("id", show->id, "Alert id")->required();
  show_cmd->add_flag("--json", show->json, "Print JSON");
  AddDataDir(show_cmd, &show->data_dir);
  commands.Add(show_cmd, [show](std::ostream& out, std::ostream& err) {
    return RunAlertsShow(*show, out, err);
  });

  auto decide = std::make_shared<AlertsDecideOptions>();
  CLI::App* decide_cmd = alerts->add_subcommand(
      "decide",
      "Decide an open alert. A false-positive suppresses the customer-entry pair until either "
      "side changes.");
  decide_cmd->add_option("id", decide->id, "Alert id")->required();
  decide_cmd->add_option("--as", decide->as, "true-match or false-positive")->required();
  decide_cmd->add_option("--note", decide->note, "Why (kept with the decision)");
  decide_cmd->add_option("--by", decide->by, "Who decides")->required();
  AddDataDir(decide_cmd, &decide->data_dir);
  commands.Add(decide_cmd, [decide](std::ostream& out, std::ostream& err) {
    return RunAlertsDecide(*decide, out, err);
  });

  auto sup = std::make_shared<SuppressionsOptions>();
  CLI::App* sup_cmd = alerts->add_subcommand(
      "suppressions", "List false-positive suppressions, or revoke one with --revoke ID --by");
  sup_cmd->add_flag("--all", sup->all, "Include revoked suppressions");
  sup_cmd->add_option("--revoke", sup->revoke, "Revoke this suppression");
  sup_cmd->add_option("--by", sup->by, "Who revokes (required with --revoke)");
  sup_cmd->add_option("--note", sup->note, "Why it is revoked");
  sup_cmd->add_flag("--json", sup->json, "Print JSON");
  AddDataDir(sup_cmd, &sup->data_dir);
  commands.Add(sup_cmd, [sup](std::ostream& out, std::ostream& err) {
    return RunSuppressions(*sup, out, err);
  });
}

void RegisterAuditCommand(CLI::App& app, Commands& commands) {
  CLI::App* audit = app.add_subcommand("audit", "The tamper-evident audit trail");
  audit->require_subcommand(1);

  auto exp = std::make_shared<AuditExportOptions>();
  CLI::App* exp_cmd =
      audit->add_subcommand("export", "Export audit records in a time range for an examiner");
  exp_cmd->add_option("--from", exp->from, "From this time (inclusive): 2024-05-01 or ISO time");
  exp_cmd->add_option("--to", exp->to, "To this time (inclusive; a date means the whole day)");
  exp_cmd->add_option("--format", exp->format, "csv (default) or json");
  exp_cmd->add_option("--output", exp->output, "Write to this file instead of stdout");
  AddDataDir(exp_cmd, &exp->data_dir);
  commands.Add(exp_cmd, [exp](std::ostream& out, std::ostream& err) {
    return RunAuditExport(*exp, out, err);
  });

  auto data_dir = std::make_shared<std::string>();
  CLI::App* verify_cmd = audit->add_subcommand(
      "verify",
      "Check the database and recompute the audit hash chain. Exit 0 = intact, 1 = broken "
      "(prints the first bad record).");
  AddDataDir(verify_cmd, data_dir.get());
  commands.Add(verify_cmd, [data_dir](std::ostream& out, std::ostream& err) {
    return RunAuditVerify(*data_dir, out, err);
  });
}

}  // namespace interdict::cli
