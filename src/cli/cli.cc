#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <string>
#include <vector>

#include "cli/lists_command.h"

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (lists_cmd->parsed()) return RunLists(lists, out, err);
    if (parse_cmd->parsed()) return RunParse(parse, out, err);
  } catch (const std::exception& e) {
    err << "interdict: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitUsage;
}

}  // namespace interdict::cli
