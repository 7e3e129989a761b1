#include "cli/cli.h"

#include <exception>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/lists_command.h"
#include "cli/registrars.h"
#include "cli/screen_command.h"

namespace interdict::cli {

int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "Interdict: trade-compliance screening against the official sanctions and export-control "
      "lists.\nWithout --data, the bundled snapshot in data/ is used (no network needed).",
      "interdict"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "interdict 0.1.0");

  ListsOptions lists;
  CLI::App* lists_cmd = app.add_subcommand(
      "lists",
      "Load every list of a snapshot and print, per source: entities by kind, names, as-of "
      "date, file SHA-256 and diagnostics counts.");
  lists_cmd->add_option("--data", lists.data_dir,
                        "Directory with manifest.json (default: $INTERDICT_DATA_DIR or the "
                        "bundled data/)");
  lists_cmd->add_option("--manifest", lists.manifest, "Manifest file (overrides --data)");
  lists_cmd->add_option("--source", lists.sources,
                        "Load only these sources: ofac_sdn ofac_nonsdn us_csl un eu uk_ofsi "
                        "inhouse (repeatable)");
  lists_cmd->add_flag("--json", lists.json, "Print a JSON document instead of a table");
  lists_cmd->add_option("--diagnostics", lists.show_diagnostics,
                        "Also print up to N diagnostics per source");
  lists_cmd->add_option("--threads", lists.threads, "Sources parsed in parallel (0 = all cores)");

  ParseOptions parse;
  CLI::App* parse_cmd = app.add_subcommand(
      "parse",
      "Parse list files in a given format and write one JSON line per entity to stdout; "
      "diagnostics go to stderr.");
  parse_cmd
      ->add_option("--format", parse.format,
                   "ofac_csv ofac_sdn_xml ofac_enhanced_xml us_csl_csv un_xml eu_fsf_xml "
                   "uk_ofsi_csv inhouse_csv")
      ->required();
  parse_cmd->add_option("--source", parse.source,
                        "For the OFAC formats: ofac_sdn (default) or ofac_nonsdn");
  parse_cmd->add_flag("--diagnostics-to-stdout", parse.diagnostics_to_stdout,
                      "Write diagnostics as {\"diagnostic\":...} JSON lines to stdout");
  parse_cmd
      ->add_option("files", parse.files,
                   "Files (.gz is decompressed). ofac_csv takes sdn.csv and optionally alt.csv, "
                   "add.csv, sdn_comments.csv")
      ->required();

  ScreenCommandOptions screen;
  CLI::App* screen_cmd = app.add_subcommand(
      "screen",
      "Screen one party against the lists: ranked potential matches with the score and why. "
      "Exit code 0 = no hit, 1 = hits.");
  screen_cmd->add_option("name", screen.name, "The party's name, in any script")->required();
  screen_cmd->add_option("--kind", screen.kind, "person, organization, vessel or aircraft");
  screen_cmd->add_option("--dob", screen.dob, "Date of birth: 1955-05-16, 16 May 1955, 1955");
  screen_cmd->add_option("--country", screen.country, "Country: ISO code or name");
  screen_cmd->add_option("--id", screen.ids,
                         "Identifier (passport, IMO, BIC, tax ID...): VALUE or TYPE:VALUE; an "
                         "exact match is decisive (repeatable)");
  screen_cmd->add_option("--lists", screen.lists,
                         "Only these lists: ofac_sdn ofac_nonsdn us_csl un eu uk_ofsi inhouse");
  screen_cmd->add_option("--limit", screen.limit, "Most hits shown (default 10)");
  screen_cmd->add_option("--threshold", screen.threshold,
                         "Alert threshold in [0,1] (default 0.86, see docs/match.md)");
  screen_cmd->add_option("--data", screen.data_dir, "Directory with manifest.json");
  screen_cmd->add_flag("--json", screen.json, "Print JSON");

  CompareCommandOptions compare;
  CLI::App* compare_cmd = app.add_subcommand(
      "compare",
      "Score two names (or every pair of a CSV with columns name1,name2[,schema]) with the "
      "screening scorer.");
  compare_cmd->add_option("a", compare.a, "First name");
  compare_cmd->add_option("b", compare.b, "Second name");
  compare_cmd->add_option("--kind", compare.kind, "person, organization, vessel or aircraft");
  compare_cmd->add_option("--pairs", compare.pairs_file,
                          "CSV with a header: name1,name2 and optional schema (Person, "
                          "Company, Organization, Vessel...); writes one JSON line per pair");
  compare_cmd->add_option("--threshold", compare.threshold, "Match threshold (default 0.86)");
  compare_cmd->add_option("--data", compare.data_dir, "Directory with manifest.json");
  compare_cmd->add_flag("--json", compare.json, "Print JSON");

  EvalCommandOptions eval;
  CLI::App* eval_cmd = app.add_subcommand(
      "eval",
      "Run the labelled name-matching pairs (nomenklatura name_bench, watchman cascade, "
      "cross-script) and print precision, recall and F1 at the threshold, plus the errors.");
  eval_cmd->add_option("--eval-dir", eval.eval_dir,
                       "Folder holding nomenklatura-name-bench/, watchman-cascade/, "
                       "watchman-cross-script/ (default $INTERDICT_EVAL_DIR or "
                       "../shared/data/eval)");
  eval_cmd->add_option("--threshold", eval.threshold, "Threshold (default 0.86)");
  eval_cmd->add_flag("--sweep", eval.sweep, "Also print F1 for thresholds 0.70..0.98");
  eval_cmd->add_option("--markdown", eval.markdown_out, "Also write the tables to this file");
  eval_cmd->add_option("--data", eval.data_dir, "Directory with manifest.json");

  // Subcommands from later modules (batch, serve, sync, shipment, ...): see cli/command.h.
  Commands commands;
  for (Registrar add : AllRegistrars()) add(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (lists_cmd->parsed()) return RunLists(lists, out, err);
    if (parse_cmd->parsed()) return RunParse(parse, out, err);
    if (screen_cmd->parsed()) return RunScreen(screen, out, err);
    if (compare_cmd->parsed()) {
      if (compare.pairs_file.empty() && (compare.a.empty() || compare.b.empty())) {
        err << "interdict compare: give two names, or --pairs FILE.csv\n";
        return kExitUsage;
      }
      return RunCompare(compare, out, err);
    }
    if (eval_cmd->parsed()) return RunEval(eval, out, err);
    if (const CommandRunner* run = commands.Parsed()) return (*run)(out, err);
  } catch (const std::exception& e) {
    err << "interdict: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitUsage;
}

}  // namespace interdict::cli
