// File: daily/digest.h
//
// The business-day digest: what changed between two snapshots on which list and program,
// the new designations with their key facts, the removals, the notable changes, and the
// customers the change touches (the open alerts the re-screening raised). Rendered as
// Markdown, as one self-contained HTML page (inline CSS, every text escaped), or as JSON.
//
//   Delta delta = daily::ComputeDelta(old_entities, new_entities);
//   DigestInput in{.from = old_ref, .to = new_ref, .delta = &delta, .customers = affected};
//   std::string page = daily::RenderDigest(in, DigestFormat::kHtml);
//
// Pure functions: the caller loads snapshots and alerts (cli/daily_commands.cc does it from
// the store); nothing here reads a clock or a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "interdict/entity.h"
#include "interdict/list.h"

#include "daily/delta.h"

namespace interdict::daily {

enum class DigestFormat : uint8_t { kMarkdown = 0, kHtml, kJson };
// "md"/"markdown", "html", "json".
std::optional<DigestFormat> DigestFormatFromName(std::string_view name);

// One source of a snapshot as the digest shows it.
struct DigestSource {
  ListVersion version;
  bool stale = false;  // today's fetch failed; the last good version was kept
  std::string stale_reason;
};

// One side of the comparison. id 0 with no sources means "nothing before" (first sync).
struct DigestSnapshot {
  int64_t id = 0;
  std::string created_at;
  std::string label;
  std::vector<DigestSource> sources;
};

// A customer the delta touches: one alert raised against an added or changed entity.
struct AffectedCustomer {
  std::string customer_id;
  std::string customer_name;
  int64_t alert_id = 0;
  std::string alert_status;  // "open", "decided"
  ListSource source = ListSource::kUnknown;
  std::string source_id;
  std::string entity_name;   // the listed entity's primary name
  std::string matched_name;  // the name or alias that matched
  double score = 0;
};

struct DigestInput {
  DigestSnapshot from;
  DigestSnapshot to;
  const Delta* delta = nullptr;  // REQUIRED; computed from `from` to `to`
  std::vector<AffectedCustomer> customers;
  // Most entities listed in full per section (new, removed, changed); the rest are counted.
  // 0 = no limit.
  size_t max_listed = 1000;
};

// The key facts of an entity as the digest lists them (also used by the JSON form).
struct KeyFacts {
  std::string name;
  std::string kind;
  std::vector<std::string> programs;
  std::vector<std::string> aliases;
  std::vector<std::string> dates_of_birth;
  std::vector<std::string> places_of_birth;
  std::vector<std::string> nationalities;  // nationalities and citizenships, ISO codes
  std::vector<std::string> identifiers;
  std::vector<std::string> linked_to;
};
KeyFacts KeyFactsOf(const Entity& entity);

// REQUIRES: input.delta != nullptr. Deterministic: the same input renders the same bytes.
std::string RenderDigest(const DigestInput& input, DigestFormat format);
nlohmann::ordered_json DigestToJson(const DigestInput& input);

// HTML text escaping (& < > " '), exposed for tests.
std::string HtmlEscape(std::string_view text);

}  // namespace interdict::daily
