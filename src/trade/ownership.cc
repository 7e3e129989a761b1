#include "trade/ownership.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/csv.h"
#include "base/text.h"
#include "trade/listed.h"

namespace interdict::trade {
namespace {

constexpr double kEpsilon = 1e-9;
constexpr size_t kMaxPaths = 5;  // look-through paths spelled out per finding

std::string Percent(double p) {
  char buf[32];
  double rounded = std::round(p * 100) / 100;
  if (rounded == std::floor(rounded)) {
    std::snprintf(buf, sizeof buf, "%.0f%%", rounded);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f%%", rounded);
  }
  return buf;
}

std::optional<double> ParsePercent(std::string_view text) {
  text = base::Trim(text);
  if (base::EndsWith(text, "%")) text = base::Trim(text.substr(0, text.size() - 1));
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// "LABEL [ofac_sdn:16666 NAME]", leaving out what the label already says.
std::string DescribeParty(const std::string& label, const Entity* entity) {
  if (entity == nullptr) return label;
  std::string ref = FormatReference(*entity);
  const std::string& name = entity->primary_name().full;
  if (base::EqualsIgnoreCase(ref, label)) return label + " [" + name + "]";
  if (base::EqualsIgnoreCase(base::CollapseWhitespace(name), base::CollapseWhitespace(label))) {
    return label + " [" + ref + "]";
  }
  return label + " [" + ref + " " + name + "]";
}

}  // namespace

bool IsBlockingEntity(const Entity& entity, const OwnershipOptions& options) {
  auto has = [&](ListSource s) {
    return std::find(options.blocking_sources.begin(), options.blocking_sources.end(), s) !=
           options.blocking_sources.end();
  };
  if (has(entity.source)) return true;
  // The CSL republishes the SDN list: its copies are the same blocked persons.
  return entity.source == ListSource::kUsCsl && has(ListSource::kOfacSdn) &&
         base::StartsWith(entity.list_name, "Specially Designated Nationals");
}

std::string OwnershipGraph::Key(std::string_view label) {
  return base::AsciiToUpper(base::CollapseWhitespace(label));
}

Result<size_t> OwnershipGraph::NodeFor(std::string_view label, const Resolver& resolve) {
  std::string key = Key(label);
  auto it = by_key_.find(key);
  if (it != by_key_.end()) return it->second;
  INTERDICT_ASSIGN_OR_RETURN(Resolution r, resolve(label));
  if (r.entity != nullptr) {
    auto same = by_entity_.find(r.entity);
    if (same != by_entity_.end()) {  // another label for an entity already in the graph
      by_key_.emplace(std::move(key), same->second);
      return same->second;
    }
  }
  size_t id = nodes_.size();
  Node n;
  n.label = std::string(base::Trim(label));
  n.resolution = r;
  nodes_.push_back(std::move(n));
  by_key_.emplace(std::move(key), id);
  if (r.entity != nullptr) by_entity_.emplace(r.entity, id);
  return id;
}

Status OwnershipGraph::AddEdge(std::string_view owner, std::string_view owned, double percent,
                               const std::string& where, const Resolver& resolve) {
  if (base::Trim(owner).empty()) return Status::InvalidArgument(where + ": empty owner");
  if (base::Trim(owned).empty()) return Status::InvalidArgument(where + ": empty owned");
  if (!(percent > 0) || percent > 100 + kEpsilon) {
    return Status::InvalidArgument(where + ": percent " + std::to_string(percent) +
                                   " is outside (0, 100]");
  }
  auto prefix = [&](const Status& s) { return s.WithPrefix(where); };
  Result<size_t> a = NodeFor(owner, resolve);
  if (!a.ok()) return prefix(a.status());
  Result<size_t> b = NodeFor(owned, resolve);
  if (!b.ok()) return prefix(b.status());
  if (*a == *b) {
    return Status::InvalidArgument(where + ": \"" + std::string(owner) + "\" cannot own itself");
  }
  double total = percent;
  for (size_t e : nodes_[*b].owners) {
    if (edges_[e].owner == *a) {
      return Status::InvalidArgument(where + ": \"" + std::string(owner) + "\" already owns \"" +
                                     std::string(owned) + "\" (" + edges_[e].where + ")");
    }
    total += edges_[e].percent;
  }
  if (total > 100 + 1e-6) {
    return Status::InvalidArgument(where + ": owners of \"" + nodes_[*b].label + "\" add up to " +
                                   Percent(total) + ", more than 100%");
  }
  nodes_[*b].owners.push_back(edges_.size());
  edges_.push_back(Edge{*a, *b, percent, where});
  return Status::Ok();
}

Status OwnershipGraph::AddCsv(const InputFile& file, const Resolver& resolve) {
  const std::string& name = file.name;
  if (base::Trim(file.bytes).empty()) {
    return Status::InvalidArgument(name + ": empty file, expected a header owner,owned,percent");
  }
  if (base::LooksBinary(file.bytes)) {
    return Status::InvalidArgument(name + ": binary data, not an ownership CSV");
  }
  size_t bad = base::FindInvalidUtf8(file.bytes);
  if (bad != std::string_view::npos) {
    return Status::InvalidArgument(
        name + ": line " + std::to_string(base::LineOfOffset(file.bytes, bad)) + ": invalid UTF-8");
  }
  std::string_view bytes = file.bytes;
  if (base::StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  base::CsvReader reader(bytes);
  std::vector<std::string> row;
  if (!reader.Next(&row)) {
    return Status::InvalidArgument(name + ": no header: " + std::string(reader.status().message()));
  }
  size_t col[3];
  const char* need[3] = {"owner", "owned", "percent"};
  for (int c = 0; c < 3; ++c) {
    col[c] = row.size();
    for (size_t i = 0; i < row.size(); ++i) {
      std::string h = base::AsciiToLower(base::Trim(row[i]));
      if (h == need[c] || (c == 2 && (h == "share" || h == "percentage"))) col[c] = i;
    }
    if (col[c] == row.size()) {
      return Status::InvalidArgument(name + ": line 1: header lacks column \"" + need[c] +
                                     "\" (an ownership table needs owner,owned,percent)");
    }
  }
  OwnershipGraph next = *this;
  while (reader.Next(&row)) {
    if (row.size() == 1 && base::Trim(row[0]).empty()) continue;
    if (!row.empty() && base::StartsWith(base::Trim(row[0]), "#")) continue;
    std::string where = name + ": line " + std::to_string(reader.line());
    auto cell = [&](int c) {
      return col[c] < row.size() ? std::string(base::Trim(row[col[c]])) : std::string();
    };
    std::optional<double> pct = ParsePercent(cell(2));
    if (!pct) {
      return Status::InvalidArgument(where + ": percent \"" + cell(2) + "\" is not a number");
    }
    INTERDICT_RETURN_IF_ERROR(next.AddEdge(cell(0), cell(1), *pct, where, resolve));
  }
  if (!reader.status().ok()) {
    return Status::InvalidArgument(name + ": " + std::string(reader.status().message()));
  }
  *this = std::move(next);
  return Status::Ok();
}

void OwnershipGraph::Solve(const OwnershipOptions& options) {
  options_ = options;
  for (Node& n : nodes_) {
    n.listed_blocked =
        n.resolution.entity != nullptr && IsBlockingEntity(*n.resolution.entity, options_);
    n.blocked = n.listed_blocked;
    n.round = n.listed_blocked ? 0 : -1;
    n.weakest_resolution = n.listed_blocked ? n.resolution.score : 1;
  }
  // Jacobi rounds: a node joins in round r when owners blocked before r hold >= 50%. The
  // blocked set only grows, so this ends after at most size() rounds, cycles included.
  for (int round = 1;; ++round) {
    std::vector<size_t> joined;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      if (n.blocked) continue;
      double sum = 0;
      double weakest = 1;
      for (size_t e : n.owners) {
        const Node& o = nodes_[edges_[e].owner];
        if (o.blocked && o.round < round) {
          sum += edges_[e].percent;
          weakest = std::min(weakest, o.weakest_resolution);
        }
      }
      if (sum + kEpsilon >= options_.block_percent) {
        joined.push_back(i);
        n.weakest_resolution = weakest;
      }
    }
    if (joined.empty()) break;
    for (size_t i : joined) {
      nodes_[i].blocked = true;
      nodes_[i].round = round;
    }
  }
  for (size_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    n.blocked_percent = 0;
    for (size_t e : n.owners) {
      if (nodes_[edges_[e].owner].blocked) n.blocked_percent += edges_[e].percent;
    }
    std::vector<bool> on_path(nodes_.size(), false);
    on_path[i] = true;
    std::vector<size_t> path;
    n.look_through = std::min(100.0, LookThrough(i, 0, 1.0, &on_path, &path, nullptr));
  }
}

double OwnershipGraph::LookThrough(size_t node, int depth, double factor,
                                   std::vector<bool>* on_path, std::vector<size_t>* path,
                                   std::vector<std::string>* paths) const {
  double total = 0;
  for (size_t e : nodes_[node].owners) {
    const Edge& edge = edges_[e];
    double f = factor * edge.percent / 100;
    const Node& o = nodes_[edge.owner];
    if (o.listed_blocked) {
      total += f * 100;
      if (paths != nullptr && paths->size() < kMaxPaths) {
        // "A owns 40% of B, which owns 100% of C: 40% look-through".
        std::string text =
            Describe(edge.owner) + " owns " + Percent(edge.percent) + " of " + nodes_[node].label;
        for (size_t i = path->size(); i-- > 0;) {
          const Edge& next = edges_[(*path)[i]];
          text += ", which owns " + Percent(next.percent) + " of " + nodes_[next.owned].label;
        }
        paths->push_back(text + ": " + Percent(f * 100) + " look-through");
      }
      continue;
    }
    if ((*on_path)[edge.owner] || depth + 1 >= options_.max_depth ||
        f * 100 < options_.min_effective_percent) {
      continue;
    }
    (*on_path)[edge.owner] = true;
    path->push_back(e);
    total += LookThrough(edge.owner, depth + 1, f, on_path, path, paths);
    path->pop_back();
    (*on_path)[edge.owner] = false;
  }
  return total;
}

std::string OwnershipGraph::Describe(size_t node) const {
  return DescribeParty(nodes_[node].label, nodes_[node].resolution.entity);
}

void OwnershipGraph::Explain(size_t node, std::vector<std::string>* steps,
                             std::vector<bool>* seen) const {
  if ((*seen)[node]) return;
  (*seen)[node] = true;
  const Node& n = nodes_[node];
  if (n.listed_blocked) {
    std::string how =
        n.resolution.how == "name"
            ? " (name resolved with score " + std::to_string(n.resolution.score).substr(0, 5) + ")"
            : "";
    steps->push_back(Describe(node) + " is listed on " +
                     std::string(ListSourceCode(n.resolution.entity->source)) + how +
                     ": a blocked person");
    return;
  }
  if (!n.blocked) return;
  std::string owners;
  double sum = 0;
  for (size_t e : n.owners) {
    const Node& o = nodes_[edges_[e].owner];
    if (!o.blocked || o.round >= n.round) continue;
    Explain(edges_[e].owner, steps, seen);
    owners += (owners.empty() ? "" : " + ") + o.label + " " + Percent(edges_[e].percent);
    sum += edges_[e].percent;
  }
  steps->push_back(n.label + " is owned " + owners + " = " + Percent(sum) +
                   " by blocked persons (>= " + Percent(options_.block_percent) +
                   "): blocked by the 50% rule");
}

OwnershipFinding OwnershipGraph::Assess(size_t node) const {
  const Node& n = nodes_[node];
  OwnershipFinding f;
  f.subject = n.label;
  f.listed_blocked = n.listed_blocked;
  f.blocked = n.blocked;
  f.blocked_percent = n.blocked_percent;
  f.look_through_percent = n.look_through;
  f.weakest_resolution = n.weakest_resolution;
  std::vector<bool> seen(nodes_.size(), false);
  for (size_t e : n.owners) {
    const Node& o = nodes_[edges_[e].owner];
    if (!o.blocked) continue;
    f.holdings.push_back(BlockedHolding{
        o.label, o.listed_blocked ? FormatReference(*o.resolution.entity) : std::string(),
        edges_[e].percent, o.listed_blocked, o.weakest_resolution});
  }
  if (n.blocked) {
    Explain(node, &f.steps, &seen);
  } else if (!f.holdings.empty() || f.look_through_percent > 0) {
    std::string owners;
    for (size_t e : n.owners) {
      const Node& o = nodes_[edges_[e].owner];
      if (!o.blocked) continue;
      Explain(edges_[e].owner, &f.steps, &seen);
      owners += (owners.empty() ? "" : " + ") + o.label + " " + Percent(edges_[e].percent);
    }
    if (!owners.empty()) {
      f.steps.push_back(n.label + " is owned " + owners + " = " + Percent(n.blocked_percent) +
                        " by blocked persons: below " + Percent(options_.block_percent) +
                        ", not blocked by the rule");
    }
    if (f.look_through_percent > 0) {
      std::vector<bool> on_path(nodes_.size(), false);
      on_path[node] = true;
      std::vector<size_t> path;
      std::vector<std::string> paths;
      LookThrough(node, 0, 1.0, &on_path, &path, &paths);
      for (std::string& p : paths) f.steps.push_back(std::move(p));
      f.steps.push_back("listed blocked persons hold " + Percent(f.look_through_percent) + " of " +
                        n.label + " through intermediate owners (look-through)");
    }
  }
  return f;
}

Result<OwnershipFinding> OwnershipGraph::AssessWithOwners(
    std::string_view subject, std::optional<size_t> node,
    const std::vector<std::pair<std::string, double>>& owners, const Resolver& resolve) const {
  OwnershipFinding f;
  if (node) {
    f = Assess(*node);
  } else {
    f.subject = std::string(subject);
  }
  if (owners.empty()) return f;
  double total = 0;
  std::vector<bool> seen(nodes_.size(), false);
  for (const auto& [label, percent] : owners) {
    if (!(percent > 0) || percent > 100 + kEpsilon) {
      return Status::InvalidArgument("owner \"" + label + "\": percent " + std::to_string(percent) +
                                     " is outside (0, 100]");
    }
    total += percent;
    std::optional<size_t> in_graph = FindNode(label);
    if (in_graph && node) {
      bool known = false;
      for (size_t e : nodes_[*node].owners) known = known || edges_[e].owner == *in_graph;
      if (known) continue;  // the graph already counts this holding
    }
    BlockedHolding h;
    h.owner = label;
    h.percent = percent;
    if (in_graph) {
      const Node& o = nodes_[*in_graph];
      f.look_through_percent += o.listed_blocked ? percent : percent * o.look_through / 100;
      if (!o.blocked) continue;
      Explain(*in_graph, &f.steps, &seen);
      h.listed = o.listed_blocked;
      if (o.listed_blocked) h.reference = FormatReference(*o.resolution.entity);
      h.resolution_score = o.weakest_resolution;
    } else {
      INTERDICT_ASSIGN_OR_RETURN(Resolution r, resolve(label));
      if (r.entity == nullptr || !IsBlockingEntity(*r.entity, options_)) continue;
      f.look_through_percent += percent;
      h.listed = true;
      h.reference = FormatReference(*r.entity);
      h.resolution_score = r.score;
      std::string how = r.how == "name" ? " (name resolved with score " +
                                              std::to_string(r.score).substr(0, 5) + ")"
                                        : "";
      std::string shown = DescribeParty(label, r.entity);
      f.steps.push_back(shown + " is listed on " + std::string(ListSourceCode(r.entity->source)) +
                        how + ": a blocked person");
    }
    f.blocked_percent += percent;
    f.weakest_resolution = std::min(f.weakest_resolution, h.resolution_score);
    f.holdings.push_back(std::move(h));
  }
  if (total > 100 + 1e-6) {
    return Status::InvalidArgument("owners of \"" + std::string(subject) + "\" add up to " +
                                   Percent(total) + ", more than 100%");
  }
  f.look_through_percent = std::min(100.0, f.look_through_percent);
  bool was_blocked = f.blocked;
  f.blocked = f.listed_blocked || f.blocked_percent + kEpsilon >= options_.block_percent;
  if (!f.holdings.empty() && !was_blocked) {
    std::string list;
    for (const BlockedHolding& h : f.holdings) {
      list += (list.empty() ? "" : " + ") + h.owner + " " + Percent(h.percent);
    }
    f.steps.push_back(
        f.subject + " is owned " + list + " = " + Percent(f.blocked_percent) +
        " by blocked persons" +
        (f.blocked ? " (>= " + Percent(options_.block_percent) + "): blocked by the 50% rule"
                   : ": below " + Percent(options_.block_percent) + ", not blocked by the rule"));
  }
  return f;
}

std::optional<size_t> OwnershipGraph::FindNode(std::string_view label) const {
  auto it = by_key_.find(Key(label));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

std::optional<size_t> OwnershipGraph::FindEntity(const Entity* entity) const {
  auto it = by_entity_.find(entity);
  if (it == by_entity_.end()) return std::nullopt;
  return it->second;
}

}  // namespace interdict::trade
