// `interdict serve`: the HTTP JSON API (server/server.h) with signal handling: SIGHUP
// reloads the snapshot without downtime, SIGINT/SIGTERM stop the server.

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include <pthread.h>
#include <signal.h>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/lists_command.h"
#include "server/server.h"
#include "snapshot/file_io.h"
#include "store/store.h"
#include "trade/files.h"

namespace interdict::cli {
namespace {

struct ServeOptions {
  std::string data_dir;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 0;
  std::string keys_file;
  size_t max_body_bytes = 1u << 20;
  size_t max_batch = 1000;
  double threshold = kDefaultThreshold;
  std::string cors_origin;
  std::string request_log = "-";
  std::string store_dir;
  std::string goods_dir;
};

int RunServe(const ServeOptions& o, std::ostream& out, std::ostream& err) {
  server::ServerOptions so;
  so.host = o.host;
  so.port = o.port;
  so.threads = o.threads;
  so.max_body_bytes = o.max_body_bytes;
  so.max_batch = o.max_batch;
  so.defaults.threshold = o.threshold;
  so.cors_origin = o.cors_origin;
  if (!o.keys_file.empty()) {
    auto text = snapshot::ReadFile(o.keys_file);
    if (!text.ok()) {
      err << "interdict serve: " << text.status().message() << "\n";
      return kExitUsage;
    }
    auto keys = server::ParseApiKeys(*text, o.keys_file);
    if (!keys.ok()) {
      err << "interdict serve: " << keys.status().message() << "\n";
      return kExitUsage;
    }
    so.keys = std::move(*keys);
  }
  if (const char* env = std::getenv("INTERDICT_API_KEYS"); env != nullptr && *env != '\0') {
    auto keys = server::ParseApiKeys(env, "$INTERDICT_API_KEYS");
    if (!keys.ok()) {
      err << "interdict serve: " << keys.status().message() << "\n";
      return kExitUsage;
    }
    for (server::ApiKey& k : *keys) so.keys.push_back(std::move(k));
  }
  std::ofstream log_file;
  if (o.request_log == "-") {
    so.request_log = [&err](const std::string& line) { err << line << "\n" << std::flush; };
  } else if (o.request_log != "none") {
    log_file.open(o.request_log, std::ios::app);
    if (!log_file) {
      err << "interdict serve: cannot append to " << o.request_log << "\n";
      return kExitUsage;
    }
    so.request_log = [&log_file](const std::string& line) {
      log_file << line << "\n" << std::flush;
    };
  }

  // Signals go to one thread that waits for them; block them everywhere else first so the
  // server's worker threads inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::string data_dir = o.data_dir.empty() ? DefaultDataDir() : o.data_dir;
  std::string goods_dir = o.goods_dir.empty() ? trade::DefaultGoodsDir(data_dir) : o.goods_dir;
  auto controls = trade::LoadControlTables(goods_dir, {});
  if (controls.ok()) {
    so.controls = std::make_shared<const trade::ControlTables>(std::move(*controls));
  } else {
    err << "interdict serve: goods tables not loaded, /v1/shipments/screen is off: "
        << controls.status().message() << "\n";
  }
  if (!o.store_dir.empty()) {
    auto opened = store::Store::Open(o.store_dir, {});
    if (!opened.ok()) {
      err << "interdict serve: " << opened.status().message() << "\n";
      return kExitUsage;
    }
    so.store = std::shared_ptr<store::Store>(std::move(*opened));
  }
  // The store's active snapshot when there is one (what `interdict sync` keeps current),
  // else the manifest's lists.
  std::shared_ptr<store::Store> db = so.store;
  server::Server srv(so, [data_dir, db, &err]() -> Result<std::shared_ptr<const service::Dataset>> {
    if (db) {
      auto from_store = service::Dataset::FromStore(*db);
      if (from_store.ok() || from_store.status().code() != StatusCode::kFailedPrecondition) {
        return from_store;
      }
      err << "interdict serve: " << from_store.status().message() << "; serving " << data_dir
          << "\n";
    }
    return service::Dataset::Load(data_dir, {});
  });
  err << "interdict serve: loading lists...\n";
  Status started = srv.Start();
  if (!started.ok()) {
    err << "interdict serve: " << started.message() << "\n";
    return started.code() == StatusCode::kUnavailable ? kExitUsage : kExitUsage;
  }
  auto d = srv.dataset();
  err << "interdict serve: " << d->screener().entities().size() << " entities loaded in "
      << d->build_seconds() << " s; listening on http://" << o.host << ":" << srv.port()
      << (so.keys.empty() ? " (no API keys: open to anyone who can reach the address)"
                          : " (" + std::to_string(so.keys.size()) + " API keys)")
      << "\n";
  out << std::flush;

  std::thread signal_thread([&srv, &signals, &err] {
    for (;;) {
      int sig = 0;
      if (sigwait(&signals, &sig) != 0) continue;
      if (sig == SIGHUP) {
        err << "interdict serve: SIGHUP: reloading the snapshot...\n";
        Status s = srv.Reload();
        if (s.ok()) {
          err << "interdict serve: reloaded; " << srv.dataset()->screener().entities().size()
              << " entities\n";
        } else {
          err << "interdict serve: reload failed, the previous snapshot keeps serving: "
              << s.message() << "\n";
        }
        continue;
      }
      err << "interdict serve: stopping\n";
      srv.Stop();
      return;
    }
  });
  srv.Run();
  // Run() returns only after Stop(), which the signal thread called before returning.
  signal_thread.join();
  return kExitOk;
}

}  // namespace

void RegisterServeCommand(CLI::App& app, Commands& commands) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the HTTP JSON API (/v1/screen, /v1/search, /v1/entities, /v1/lists, "
      "/v1/shipments/screen, /v1/customers, /v1/alerts, /v1/digest, /healthz, /metrics, "
      "/openapi.json; docs/api.md). SIGHUP or POST /v1/admin/reload swaps in a freshly loaded "
      "snapshot without downtime. API keys: --api-keys FILE and/or $INTERDICT_API_KEYS, "
      "\"ID:SECRET[:admin]\" entries.");
  cmd->add_option("--host", o->host, "Address to bind (default 127.0.0.1: loopback only)");
  cmd->add_option("--port", o->port, "Port (default 8080; 0 = any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", o->threads, "Worker threads (default max(16, 4 x cores))")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--api-keys", o->keys_file,
                  "File of API keys, one \"ID:SECRET\" or \"ID:SECRET:admin\" per line; when "
                  "any key is configured, requests without a valid key get 401");
  cmd->add_option("--max-body-bytes", o->max_body_bytes, "Largest request body (default 1 MiB)");
  cmd->add_option("--max-batch", o->max_batch, "Most queries per POST /v1/screen (default 1000)");
  cmd->add_option("--threshold", o->threshold, "Default alert threshold (default 0.86)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--cors-origin", o->cors_origin,
                  "Send Access-Control-Allow-Origin with this origin (default: no CORS)");
  cmd->add_option("--request-log", o->request_log,
                  "Request log, one JSON line per request: - for stderr (default), a file to "
                  "append to, or none");
  cmd->add_option("--data", o->data_dir,
                  "Directory with manifest.json (default: the bundled data/), served when the "
                  "store has no snapshot");
  cmd->add_option("--data-dir", o->store_dir,
                  "The store (as for sync, customers, alerts): serve its active snapshot and "
                  "turn on /v1/customers, /v1/alerts and /v1/digest");
  cmd->add_option("--goods-dir", o->goods_dir,
                  "Goods and route tables for /v1/shipments/screen (default <data>/goods)");
  commands.Add(cmd, [o](std::ostream& out, std::ostream& err) { return RunServe(*o, out, err); });
}

}  // namespace interdict::cli
