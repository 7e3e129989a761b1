#include "trade/shipment_screener.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

#include "base/text.h"
#include "model/country.h"
#include "trade/goods.h"

namespace interdict::trade {
namespace {

std::string Score(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

// "55%", "27.5%".
std::string Pct(double p) {
  char buf[32];
  double rounded = std::round(p * 100) / 100;
  std::snprintf(buf, sizeof buf, rounded == std::floor(rounded) ? "%.0f%%" : "%.2f%%", rounded);
  return buf;
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Whether a listing forbids the transaction outright (block) or restricts it (review).
// OFAC SDN, UN, EU and UK lists freeze assets and forbid dealings; on the CSL the Entity
// List (licence required, presumption of denial), the Denied Persons List, ITAR debarment,
// the nonproliferation sanctions, foreign sanctions evaders and the CSL's copy of the SDN list
// do too. Other CSL lists (Unverified, MEU, SSI, CMIC, NS-MBS, CAPTA, PLC), OFAC's non-SDN
// list and in-house lists call for review (docs/trade.md#rules).
bool IsBlockingListing(const Entity& e) {
  switch (e.source) {
    case ListSource::kOfacSdn:
    case ListSource::kUn:
    case ListSource::kEu:
    case ListSource::kUkOfsi:
      return true;
    case ListSource::kUsCsl:
      for (std::string_view prefix :
           {"Specially Designated Nationals", "Entity List", "Denied Persons", "ITAR Debarred",
            "Nonproliferation Sanctions", "Foreign Sanctions Evaders"}) {
        if (base::StartsWith(e.list_name, prefix)) return true;
      }
      return false;
    default:
      return false;
  }
}

bool IsCslSdnCopy(const Entity& e) {
  return e.source == ListSource::kUsCsl &&
         base::StartsWith(e.list_name, "Specially Designated Nationals");
}

std::string ListLabel(const Entity& e) {
  std::string s(ListSourceCode(e.source));
  if (!e.list_name.empty()) s += " (" + e.list_name + ")";
  return s;
}

// A country field: "" stays "", else ISO alpha-2 or an error naming the field.
Result<std::string> CountryOf(std::string_view text, const std::string& field) {
  if (base::Trim(text).empty()) return std::string();
  std::string_view iso2 = model::CountryToIso2(text);
  if (iso2.empty()) {
    return Status::InvalidArgument(field + ": unknown country " + Quote(text) +
                                   " (an ISO code or an English name)");
  }
  return std::string(iso2);
}

bool IsReceivingRole(PartyRole r) {
  return r == PartyRole::kConsignee || r == PartyRole::kEndUser ||
         r == PartyRole::kIntermediateConsignee || r == PartyRole::kNotifyParty;
}

std::string CountryLabel(std::string_view iso2) {
  std::string_view name = model::CountryName(iso2);
  return name.empty() ? std::string(iso2) : std::string(name) + " (" + std::string(iso2) + ")";
}

Result<Resolution> ResolveWith(const Screener& screener, const ListedIndex& index, double threshold,
                               const OwnershipOptions& ownership, std::string_view label) {
  std::string_view text = base::Trim(label);
  if (std::optional<ListReference> ref = ParseListReference(text)) {
    const Entity* e = index.Find(ref->source, ref->source_id);
    if (e == nullptr) {
      return Status::InvalidArgument("list reference " + Quote(text) +
                                     " is not on the loaded lists");
    }
    return Resolution{e, 1.0, "reference"};
  }
  Query q;
  q.name = std::string(text);
  ScreenOptions o;
  o.threshold = threshold;
  o.limit = 10;
  Result<std::vector<Hit>> hits = screener.Screen(q, o);
  if (!hits.ok()) return hits.status().WithPrefix(Quote(text));
  if (hits->empty()) return Resolution{};
  // Prefer a blocking-list entry among (near-)ties: the CSL repeats SDN entries.
  const Hit* best = &hits->front();
  for (const Hit& h : *hits) {
    if (h.score + 1e-9 < best->score) break;
    if (IsBlockingEntity(*h.entity, ownership)) {
      best = &h;
      break;
    }
  }
  return Resolution{best->entity, best->score, "name"};
}

class ShipmentScreenerImpl : public ShipmentScreener {
 public:
  ShipmentScreenerImpl(const Screener& screener, const ControlTables& tables,
                       const OwnershipGraph* graph, ShipmentScreenerOptions options)
      : screener_(screener),
        tables_(tables),
        graph_(graph),
        options_(std::move(options)),
        index_(screener.entities()) {}

  Result<Verdict> Assess(const Shipment& shipment) const override {
    Result<Verdict> v = AssessImpl(shipment);
    if (!v.ok()) {
      std::string where = shipment.where.empty() ? "shipment" : shipment.where;
      if (!shipment.id.empty()) where += " (" + shipment.id + ")";
      return v.status().WithPrefix(where);
    }
    return v;
  }

  Result<Resolution> Resolve(std::string_view label) const override {
    return ResolveWith(screener_, index_, options_.threshold, options_.ownership, label);
  }

  const ShipmentScreenerOptions& options() const override { return options_; }

 private:
  struct Context {
    std::vector<std::string> party_country;  // ISO alpha-2 per party, or ""
    std::string origin;
    std::vector<std::string> transit;
    std::string destination;
    bool chpl_hs = false;    // a goods line's HS code is on the CHPL
    bool chpl_term = false;  // a description names a CHPL category
    ChplTier best_tier = ChplTier::kTier4B;
  };

  Result<Verdict> AssessImpl(const Shipment& s) const {
    if (s.parties.empty()) {
      return Status::InvalidArgument("parties: missing (a shipment needs at least one party)");
    }
    Verdict v;
    v.shipment_id = s.id;
    Context cx;
    INTERDICT_RETURN_IF_ERROR(ReadCountries(s, &cx));
    v.destination = cx.destination;
    for (size_t i = 0; i < s.parties.size(); ++i) {
      INTERDICT_RETURN_IF_ERROR(ScreenParty(s.parties[i], static_cast<int>(i), &v));
    }
    INTERDICT_RETURN_IF_ERROR(ScreenGoods(s, &cx, &v));
    ScreenRoute(s, cx, &v);
    for (const Reason& r : v.reasons) {
      if (r.action == Action::kBlock) v.decision = Decision::kBlock;
      if (r.action == Action::kReview && v.decision == Decision::kClear) {
        v.decision = Decision::kReview;
      }
    }
    return v;
  }

  Status ReadCountries(const Shipment& s, Context* cx) const {
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const Party& p = s.parties[i];
      std::string field = "parties[" + std::to_string(i) + "]";
      if (base::Trim(p.name).empty()) {
        return Status::InvalidArgument(field + ".name: missing");
      }
      INTERDICT_ASSIGN_OR_RETURN(std::string c, CountryOf(p.country, field + ".country"));
      cx->party_country.push_back(std::move(c));
    }
    INTERDICT_ASSIGN_OR_RETURN(cx->origin, CountryOf(s.route.origin, "route.origin"));
    for (size_t i = 0; i < s.route.transit.size(); ++i) {
      INTERDICT_ASSIGN_OR_RETURN(
          std::string c, CountryOf(s.route.transit[i], "route.transit[" + std::to_string(i) + "]"));
      if (c.empty()) {
        return Status::InvalidArgument("route.transit[" + std::to_string(i) + "]: empty");
      }
      cx->transit.push_back(std::move(c));
    }
    INTERDICT_ASSIGN_OR_RETURN(cx->destination,
                               CountryOf(s.route.destination, "route.destination"));
    if (cx->destination.empty()) {
      for (PartyRole role : {PartyRole::kEndUser, PartyRole::kConsignee}) {
        for (size_t i = 0; i < s.parties.size() && cx->destination.empty(); ++i) {
          if (s.parties[i].role == role) cx->destination = cx->party_country[i];
        }
      }
    }
    if (cx->destination.empty()) {
      return Status::InvalidArgument(
          "route.destination: missing (and no end_user or consignee country to take it from)");
    }
    return Status::Ok();
  }

  Status ScreenParty(const Party& p, int index, Verdict* v) const {
    std::string who = std::string(PartyRoleName(p.role)) + " " + Quote(p.name);
    Query q;
    q.name = p.name;
    q.kind = p.kind;
    q.country = p.country;
    q.ids = p.ids;
    ScreenOptions o;
    o.threshold = options_.threshold;
    o.limit = options_.hits_per_party + 4;  // room for the CSL's copies of SDN entries
    Result<std::vector<Hit>> hits = screener_.Screen(q, o);
    if (!hits.ok()) {
      return hits.status().WithPrefix("parties[" + std::to_string(index) + "].name");
    }
    std::vector<const Entity*> strong_entities;
    size_t reported = 0;
    for (const Hit& h : *hits) {
      if (reported == options_.hits_per_party) break;
      if (IsCslSdnCopy(*h.entity)) {
        // The same person or company as an ofac_sdn hit: report it once.
        bool dup = std::any_of(hits->begin(), hits->end(), [&](const Hit& other) {
          return other.entity->source == ListSource::kOfacSdn &&
                 base::EqualsIgnoreCase(other.entity->primary_name().full,
                                        h.entity->primary_name().full);
        });
        if (dup) continue;
      }
      ++reported;
      bool strong = h.score + 1e-9 >= options_.strong_score && h.matched != nullptr &&
                    h.matched->quality == NameQuality::kStrong;
      bool blocking = IsBlockingListing(*h.entity);
      Reason r;
      r.layer = "party";
      r.party = index;
      r.hit = h;
      std::string listed = "listed on " + ListLabel(*h.entity) + " as " +
                           Quote(h.entity->primary_name().full) + " [" +
                           FormatReference(*h.entity) + "]";
      if (h.matched != nullptr && h.matched != &h.entity->primary_name()) {
        listed += " (matched " + std::string(NameTypeName(h.matched->type)) + " " +
                  Quote(h.matched->full) +
                  (h.matched->quality == NameQuality::kWeak ? ", a weak alias" : "") + ")";
      }
      if (strong && blocking) {
        r.rule = "party.listed.blocking";
        r.action = Action::kBlock;
        r.evidence = "strong";
        r.message = who + " is " + listed + ", score " + Score(h.score);
      } else if (strong) {
        r.rule = "party.listed.restricted";
        r.action = Action::kReview;
        r.evidence = "strong";
        r.message = who + " is " + listed + ", score " + Score(h.score) +
                    ": a restricted-party list that calls for review";
      } else {
        r.rule = "party.possible_match";
        r.action = Action::kReview;
        r.evidence = "weak";
        r.message = who + " may be " + listed + ", score " + Score(h.score) + " (below " +
                    Score(options_.strong_score) + " or a weak alias: confirm the identity)";
      }
      if (!h.entity->programs.empty()) {
        std::string programs;
        for (const std::string& pr : h.entity->programs) {
          programs += (programs.empty() ? "" : ", ") + pr;
        }
        r.details.push_back("programs: " + programs);
      }
      if (!h.entity->license_requirement.empty()) {
        r.details.push_back("license requirement: " + h.entity->license_requirement);
      }
      v->reasons.push_back(std::move(r));
      if (strong) strong_entities.push_back(h.entity);
      AddRelations(*h.entity, who, index, v);
    }
    return ScreenOwnership(p, index, who, strong_entities, v);
  }

  // OFAC's "Linked To: NAME" remarks of a hit, as related parties (information only).
  void AddRelations(const Entity& e, const std::string& who, int index, Verdict* v) const {
    if (e.relations.empty()) return;
    Reason r;
    r.rule = "party.related";
    r.layer = "party";
    r.action = Action::kInfo;
    r.evidence = "strong";
    r.party = index;
    for (const Relation& rel : e.relations) {
      const Entity* other = rel.source_id.empty() ? index_.FindByName(e.source, rel.name)
                                                  : index_.Find(e.source, rel.source_id);
      r.details.push_back(rel.type + ": " + rel.name +
                          (other ? " [" + FormatReference(*other) + "]" : std::string()));
    }
    r.message = who + " matched " + FormatReference(e) + ", which the list links to " +
                std::to_string(e.relations.size()) + " related part" +
                (e.relations.size() == 1 ? "y" : "ies");
    v->reasons.push_back(std::move(r));
  }

  Status ScreenOwnership(const Party& p, int index, const std::string& who,
                         const std::vector<const Entity*>& strong_entities, Verdict* v) const {
    std::optional<size_t> node;
    if (graph_ != nullptr) {
      node = graph_->FindNode(p.name);
      for (size_t i = 0; !node && i < p.ids.size(); ++i) node = graph_->FindNode(p.ids[i]);
      for (size_t i = 0; !node && i < strong_entities.size(); ++i) {
        node = graph_->FindEntity(strong_entities[i]);
      }
    }
    if (!node && p.owners.empty()) return Status::Ok();
    std::vector<std::pair<std::string, double>> owners;
    for (const StatedOwner& o : p.owners) owners.emplace_back(o.name, o.percent);
    static const OwnershipGraph kEmpty = [] {
      OwnershipGraph g;
      g.Solve(OwnershipOptions{});
      return g;
    }();
    const OwnershipGraph& g = graph_ != nullptr ? *graph_ : kEmpty;
    Resolver resolve = [this](std::string_view label) { return Resolve(label); };
    Result<OwnershipFinding> f = g.AssessWithOwners(p.name, node, owners, resolve);
    if (!f.ok()) return f.status().WithPrefix("parties[" + std::to_string(index) + "].owners");
    if (f->listed_blocked) return Status::Ok();  // the party rules already report the listing
    Reason r;
    r.layer = "ownership";
    r.party = index;
    r.details = f->steps;
    bool sure = f->weakest_resolution + 1e-9 >= options_.strong_score;
    if (f->blocked) {
      r.rule = "ownership.blocked_50";
      r.action = sure ? Action::kBlock : Action::kReview;
      r.evidence = sure ? "strong" : "weak";
      r.message = who + " is " + Pct(f->blocked_percent) +
                  " owned by blocked persons: blocked under OFAC's 50% rule" +
                  (sure ? ""
                        : " (an owner was resolved by a name match below " +
                              Score(options_.strong_score) + ": confirm it)");
    } else if (f->blocked_percent > 0 || f->look_through_percent > 0) {
      r.rule = "ownership.blocked_minority";
      r.action = Action::kReview;
      r.evidence = "strong";
      r.message = who + " has blocked owners below the 50% threshold (direct " +
                  Pct(f->blocked_percent) + ", look-through " + Pct(f->look_through_percent) + ")";
    } else {
      return Status::Ok();
    }
    r.ownership = std::move(*f);
    v->reasons.push_back(std::move(r));
    return Status::Ok();
  }

  Status ScreenGoods(const Shipment& s, Context* cx, Verdict* v) const {
    for (size_t i = 0; i < s.goods.size(); ++i) {
      const GoodsLine& line = s.goods[i];
      std::string field = "goods[" + std::to_string(i) + "]";
      std::string hs6 = line.hs6;
      if (hs6.empty() && !base::Trim(line.hs_code).empty()) {
        Result<HsCode> code = ParseHsCode(line.hs_code);
        if (!code.ok()) return code.status().WithPrefix(field + ".hs_code");
        hs6 = code->hs6;
      }
      std::string what = field + (line.description.empty() ? "" : " " + Quote(line.description));
      const ChplItem* item = hs6.empty() ? nullptr : tables_.FindChpl(hs6);
      if (item != nullptr) {
        cx->chpl_hs = true;
        cx->best_tier = std::min(cx->best_tier, item->tier);
        Reason r;
        r.rule = "goods.chpl.hs";
        r.layer = "goods";
        r.action = Action::kInfo;
        r.evidence = "strong";
        r.goods_line = static_cast<int>(i);
        r.message = what + ": HS " + line.hs_code + " -> " + hs6 + " is on the CHPL, tier " +
                    std::string(ChplTierName(item->tier)) + " (" + item->description + ")";
        r.details.push_back("table row " + item->source.ToString());
        v->reasons.push_back(std::move(r));
        continue;
      }
      std::vector<TermMatch> terms = MatchGoodsTerms(tables_, line.description);
      if (terms.empty()) continue;
      cx->chpl_term = true;
      ChplTier tier = ChplTier::kTier4B;
      std::string names;
      Reason r;
      for (const TermMatch& m : terms) {
        tier = std::min(tier, m.term->tier);
        names += (names.empty() ? "" : ", ") + Quote(m.matched);
        r.details.push_back("term " + Quote(m.term->term) + " (" + m.term->language + ") -> " +
                            (m.term->hs6.empty() ? "" : m.term->hs6 + ", ") + "tier " +
                            std::string(ChplTierName(m.term->tier)) + " " + m.term->category +
                            " [" + m.term->source.ToString() + "]");
      }
      cx->best_tier = std::min(cx->best_tier, tier);
      r.rule = "goods.chpl.description";
      r.layer = "goods";
      r.action = Action::kInfo;
      r.evidence = "weak";
      r.goods_line = static_cast<int>(i);
      r.message = what + ": the description names CHPL categories (" + names + ", tier " +
                  std::string(ChplTierName(tier)) + "): weaker evidence than an HS code" +
                  (hs6.empty() ? std::string()
                               : "; the declared HS " + hs6 +
                                     " is not on the CHPL: check the classification");
      v->reasons.push_back(std::move(r));
    }
    return Status::Ok();
  }

  void ScreenRoute(const Shipment& s, const Context& cx, Verdict* v) const {
    // Where the goods go: destination, transit, and the receiving parties' countries.
    std::vector<std::pair<std::string, std::string>> places;  // iso2, what
    places.emplace_back(cx.destination, "destination");
    for (const std::string& t : cx.transit) places.emplace_back(t, "transit");
    for (size_t i = 0; i < s.parties.size(); ++i) {
      if (!cx.party_country[i].empty() && IsReceivingRole(s.parties[i].role)) {
        places.emplace_back(cx.party_country[i], std::string(PartyRoleName(s.parties[i].role)) +
                                                     " " + Quote(s.parties[i].name) + " country");
      }
    }
    std::set<std::string> embargo_seen, hub_seen;
    for (const auto& [iso2, what] : places) {
      if (const CountryControl* c = tables_.FindEmbargo(iso2);
          c != nullptr && embargo_seen.insert(iso2).second) {
        Reason r;
        r.rule = "route.embargoed";
        r.layer = "route";
        r.action = Action::kBlock;
        r.evidence = "strong";
        r.message = what + " " + CountryLabel(iso2) + " is an embargoed destination: " + c->basis;
        r.details.push_back("table row " + c->source.ToString());
        v->reasons.push_back(std::move(r));
      }
    }
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const std::string& iso2 = cx.party_country[i];
      PartyRole role = s.parties[i].role;
      if (iso2.empty() || IsReceivingRole(role)) continue;
      if (const CountryControl* c = tables_.FindEmbargo(iso2)) {
        Reason r;
        r.rule = "route.embargoed_party_country";
        r.layer = "route";
        r.action = Action::kReview;
        r.evidence = "strong";
        r.party = static_cast<int>(i);
        r.message = std::string(PartyRoleName(role)) + " " + Quote(s.parties[i].name) + " is in " +
                    CountryLabel(iso2) + ", an embargoed country: " + c->basis;
        r.details.push_back("table row " + c->source.ToString());
        v->reasons.push_back(std::move(r));
      }
    }
    if (!cx.origin.empty()) {
      if (const CountryControl* c = tables_.FindEmbargo(cx.origin)) {
        Reason r;
        r.rule = "route.embargoed_origin";
        r.layer = "route";
        r.action = Action::kReview;
        r.evidence = "strong";
        r.message = "origin " + CountryLabel(cx.origin) +
                    " is embargoed: check import bans and the origin of the goods (" + c->basis +
                    ")";
        r.details.push_back("table row " + c->source.ToString());
        v->reasons.push_back(std::move(r));
      }
    }
    for (const auto& [iso2, what] : places) {
      const CountryControl* c = tables_.FindDiversion(iso2);
      if (c == nullptr || !hub_seen.insert(iso2).second) continue;
      Reason r;
      r.layer = "route";
      r.details.push_back("table row " + c->source.ToString());
      std::string hub =
          what + " " + CountryLabel(iso2) + " is a known transshipment hub (" + c->basis + ")";
      if (cx.chpl_hs || cx.chpl_term) {
        r.rule = "route.diversion_hub.chpl";
        r.action = Action::kReview;
        r.evidence = cx.chpl_hs ? "strong" : "weak";
        r.message = hub + " and the goods include CHPL " +
                    (cx.chpl_hs ? "items" : "categories named in the description") +
                    " (best tier " + std::string(ChplTierName(cx.best_tier)) +
                    "): " + (cx.chpl_hs ? "high" : "elevated") + " diversion risk";
      } else {
        r.rule = "route.diversion_hub";
        r.action = Action::kInfo;
        r.evidence = "strong";
        r.message = hub + ": elevated risk, no CHPL goods";
      }
      v->reasons.push_back(std::move(r));
    }
  }

  const Screener& screener_;
  const ControlTables& tables_;
  const OwnershipGraph* graph_;
  ShipmentScreenerOptions options_;
  ListedIndex index_;
};

}  // namespace

std::string_view DecisionName(Decision decision) {
  switch (decision) {
    case Decision::kClear:
      return "clear";
    case Decision::kReview:
      return "review";
    case Decision::kBlock:
      return "block";
  }
  return "clear";
}

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kInfo:
      return "info";
    case Action::kReview:
      return "review";
    case Action::kBlock:
      return "block";
  }
  return "info";
}

Result<std::unique_ptr<ShipmentScreener>> ShipmentScreener::Create(
    const Screener& screener, const ControlTables& tables, const OwnershipGraph* graph,
    ShipmentScreenerOptions options) {
  if (!(options.threshold >= 0 && options.threshold <= 1)) {
    return Status::InvalidArgument("threshold " + std::to_string(options.threshold) +
                                   " is outside [0,1]");
  }
  if (!(options.strong_score >= options.threshold && options.strong_score <= 1)) {
    return Status::InvalidArgument("strong score " + std::to_string(options.strong_score) +
                                   " must be in [threshold, 1]");
  }
  return std::unique_ptr<ShipmentScreener>(
      std::make_unique<ShipmentScreenerImpl>(screener, tables, graph, std::move(options)));
}

Resolver MakeResolver(const Screener& screener, const ListedIndex& index, double threshold) {
  return [&screener, &index, threshold](std::string_view label) {
    return ResolveWith(screener, index, threshold, OwnershipOptions{}, label);
  };
}

}  // namespace interdict::trade
