// File: trade/trade_testing.h
//
// Shared fixtures of the trade tests: the Screener over the bundled snapshot (built once per
// test binary: it takes a few seconds), the bundled control tables, and a ShipmentScreener.
#pragma once

#include <string>

#include "interdict/screener.h"

#include "trade/controls.h"
#include "trade/listed.h"
#include "trade/ownership.h"
#include "trade/shipment_screener.h"

namespace interdict::trade::testing {

// The bundled snapshot's Screener; aborts the test binary if it cannot load.
const Screener& BundledScreener();
const ListedIndex& BundledIndex();
// data/goods, validated.
const ControlTables& BundledTables();
// A ShipmentScreener over the above with default options and no ownership graph.
const ShipmentScreener& DefaultShipmentScreener();
// The path of a file under tests/trade/.
std::string TradePath(const std::string& relative);

}  // namespace interdict::trade::testing
