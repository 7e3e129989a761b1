// File: store/store_json.h
//
// The JSON form of stored customers and alerts, shared by `interdict customers|alerts
// --json` and the HTTP API (GET /v1/customers, GET /v1/alerts).
//
//   out << store::AlertToJson(alert).dump(2);
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace interdict::store {

nlohmann::ordered_json AlertToJson(const Alert& alert);
nlohmann::ordered_json CustomerToJson(const StoredCustomer& customer);

}  // namespace interdict::store
