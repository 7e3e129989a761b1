#include "trade_testing.h"

#include <cstdlib>
#include <iostream>
#include <memory>

#include "snapshot/loader.h"
#include "snapshot/manifest.h"
#include "testing/files.h"
#include "trade/files.h"

namespace interdict::trade::testing {
namespace {

[[noreturn]] void Die(const Status& s) {
  std::cerr << "trade tests: cannot load fixtures: " << s.ToString() << "\n";
  std::abort();
}

}  // namespace

const Screener& BundledScreener() {
  static const Screener* screener = [] {
    auto m = snapshot::ReadManifest(interdict::testing::DataPath("manifest.json"));
    if (!m.ok()) Die(m.status());
    auto snap = snapshot::LoadSnapshot(*m, {});
    if (!snap.ok()) Die(snap.status());
    auto s = Screener::Create(std::move(snap->entities));
    if (!s.ok()) Die(s.status());
    return s->release();
  }();
  return *screener;
}

const ListedIndex& BundledIndex() {
  static const ListedIndex* index = new ListedIndex(BundledScreener().entities());
  return *index;
}

const ControlTables& BundledTables() {
  static const ControlTables* tables = [] {
    auto t = LoadControlTables(interdict::testing::DataPath("goods"), {});
    if (!t.ok()) Die(t.status());
    return new ControlTables(std::move(*t));
  }();
  return *tables;
}

const ShipmentScreener& DefaultShipmentScreener() {
  static const ShipmentScreener* screener = [] {
    auto s = ShipmentScreener::Create(BundledScreener(), BundledTables(), nullptr, {});
    if (!s.ok()) Die(s.status());
    return s->release();
  }();
  return *screener;
}

std::string TradePath(const std::string& relative) {
  return interdict::testing::TestPath("trade/" + relative);
}

}  // namespace interdict::trade::testing
