// File: server/un_snapshot.h (tests)
//
// The bundled UN list, loaded once per test process: small enough that every test can build
// its own Dataset (and so its own server) from it in a moment.
#pragma once

#include <stdexcept>
#include <string>

#include "snapshot/loader.h"
#include "snapshot/manifest.h"

namespace interdict::server {

inline const snapshot::Snapshot& UnSnapshot() {
  static const snapshot::Snapshot snap = [] {
    auto m = snapshot::ReadManifest(std::string(INTERDICT_DATA_DIR) + "/manifest.json");
    if (!m.ok()) throw std::runtime_error(std::string(m.status().message()));
    snapshot::LoadOptions o;
    o.only = {ListSource::kUn};
    auto s = snapshot::LoadSnapshot(*m, o);
    if (!s.ok()) throw std::runtime_error(std::string(s.status().message()));
    return std::move(*s);
  }();
  return snap;
}

}  // namespace interdict::server
