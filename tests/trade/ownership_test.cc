// OFAC's 50% rule over ownership graphs: aggregation, chains, cycles, minority interests,
// name resolution through the Screener, and malformed graphs.
#include "trade/ownership.h"

#include <map>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/golden.h"
#include "trade_testing.h"

namespace interdict::trade {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::Contains;
using ::testing::HasSubstr;

// A small world: "SDN-A", "SDN-B", "SDN-C" are listed on the SDN list, "UK-X" on the UK
// list; everything else is unlisted.
class FakeWorld {
 public:
  FakeWorld() {
    for (const char* name : {"SDN-A", "SDN-B", "SDN-C"}) Add(name, ListSource::kOfacSdn);
    Add("UK-X", ListSource::kUkOfsi);
  }
  Resolver resolver() const {
    return [this](std::string_view label) -> Result<Resolution> {
      if (label == "BAD") return Status::InvalidArgument("\"BAD\" has no informative word");
      auto it = entities_.find(std::string(label));
      if (it == entities_.end()) return Resolution{};
      return Resolution{&it->second, 1.0, "name"};
    };
  }

 private:
  void Add(const std::string& name, ListSource source) {
    Entity e;
    e.source = source;
    e.source_id = name;
    e.names.push_back(Name{.full = name});
    entities_.emplace(name, std::move(e));
  }
  std::map<std::string, Entity> entities_;
};

OwnershipGraph Graph(std::string_view csv, const FakeWorld& world,
                     const OwnershipOptions& options = {}) {
  OwnershipGraph g;
  Status s = g.AddCsv(InputFile{"owners.csv", csv}, world.resolver());
  EXPECT_TRUE(s.ok()) << s.ToString();
  g.Solve(options);
  return g;
}

OwnershipFinding Of(const OwnershipGraph& g, std::string_view label) {
  std::optional<size_t> n = g.FindNode(label);
  EXPECT_TRUE(n.has_value()) << label;
  return n ? g.Assess(*n) : OwnershipFinding{};
}

TEST(OwnershipTest, AggregatesDirectHoldingsOfSeveralBlockedOwners) {
  FakeWorld w;
  OwnershipGraph g = Graph(
      "owner,owned,percent\nSDN-A,Volga,30\nSDN-B,Volga,25%\nPrivate Person,Volga,45\n"
      "SDN-A,Kama,30\nSDN-B,Kama,15\n",
      w);
  OwnershipFinding volga = Of(g, "Volga");
  EXPECT_TRUE(volga.blocked);
  EXPECT_FALSE(volga.listed_blocked);
  EXPECT_DOUBLE_EQ(volga.blocked_percent, 55);
  EXPECT_EQ(volga.holdings.size(), 2u);
  EXPECT_THAT(volga.steps.back(),
              HasSubstr("Volga is owned SDN-A 30% + SDN-B 25% = 55% by blocked persons"));
  OwnershipFinding kama = Of(g, "Kama");
  EXPECT_FALSE(kama.blocked);  // 45% < 50%
  EXPECT_DOUBLE_EQ(kama.blocked_percent, 45);
  EXPECT_THAT(kama.steps, Contains(HasSubstr("= 45% by blocked persons: below 50%, not blocked")));
  EXPECT_TRUE(Of(g, "SDN-A").listed_blocked);
  EXPECT_FALSE(Of(g, "Private Person").blocked);
}

TEST(OwnershipTest, ExactlyFiftyPercentBlocks) {
  FakeWorld w;
  OwnershipGraph g = Graph("owner,owned,percent\nSDN-A,Half,50\n", w);
  EXPECT_TRUE(Of(g, "Half").blocked);
}

TEST(OwnershipTest, BlockedSubsidiariesHoldingsCountInFull) {
  // OFAC's example: A (SDN) owns 50% of B, so B is blocked; B owns 50% of C, so C is blocked
  // too, although A's look-through interest in C is only 25%.
  FakeWorld w;
  OwnershipGraph g = Graph(
      "owner,owned,percent\nSDN-A,B Holding,50\nB Holding,C Operating,50\n"
      "C Operating,D Trading,60\n",
      w);
  OwnershipFinding c = Of(g, "C Operating");
  EXPECT_TRUE(c.blocked);
  EXPECT_DOUBLE_EQ(c.look_through_percent, 25);
  OwnershipFinding d = Of(g, "D Trading");
  EXPECT_TRUE(d.blocked);
  EXPECT_NEAR(d.look_through_percent, 15, 1e-9);
  // The chain, root cause first.
  ASSERT_EQ(d.steps.size(), 4u);
  EXPECT_THAT(d.steps[0], HasSubstr("SDN-A"));
  EXPECT_THAT(d.steps[0], HasSubstr("is listed on ofac_sdn"));
  EXPECT_THAT(d.steps[1], HasSubstr("B Holding is owned SDN-A 50%"));
  EXPECT_THAT(d.steps[2], HasSubstr("C Operating is owned B Holding 50%"));
  EXPECT_THAT(d.steps[3], HasSubstr("D Trading is owned C Operating 60% = 60%"));
}

TEST(OwnershipTest, BlockedAndDirectHoldingsAggregate) {
  // A owns 60% of Sub (blocked); Sub owns 30% of Target; A owns 20% of Target directly.
  FakeWorld w;
  OwnershipGraph g =
      Graph("owner,owned,percent\nSDN-A,Sub,60\nSub,Target,30\nSDN-A,Target,20\n", w);
  OwnershipFinding t = Of(g, "Target");
  EXPECT_TRUE(t.blocked);
  EXPECT_DOUBLE_EQ(t.blocked_percent, 50);
  EXPECT_NEAR(t.look_through_percent, 38, 1e-9);  // 20 + 60% x 30
}

TEST(OwnershipTest, UnblockedIntermediateGivesMinorityInterestOnly) {
  FakeWorld w;
  OwnershipGraph g = Graph("owner,owned,percent\nSDN-A,Mid,40\nMid,Leaf,100\n", w);
  OwnershipFinding mid = Of(g, "Mid");
  EXPECT_FALSE(mid.blocked);
  OwnershipFinding leaf = Of(g, "Leaf");
  EXPECT_FALSE(leaf.blocked);
  EXPECT_DOUBLE_EQ(leaf.blocked_percent, 0);
  EXPECT_DOUBLE_EQ(leaf.look_through_percent, 40);
  EXPECT_THAT(leaf.steps.back(), HasSubstr("hold 40% of Leaf through intermediate owners"));
  EXPECT_THAT(leaf.steps,
              Contains(HasSubstr("owns 40% of Mid, which owns 100% of Leaf: 40% look-through")));
}

TEST(OwnershipTest, CyclesTerminateAndPropagate) {
  FakeWorld w;
  // P and Q own each other; neither is blocked without a listed owner.
  OwnershipGraph free = Graph("owner,owned,percent\nP,Q,50\nQ,P,50\n", w);
  EXPECT_FALSE(Of(free, "P").blocked);
  EXPECT_FALSE(Of(free, "Q").blocked);
  EXPECT_DOUBLE_EQ(Of(free, "P").look_through_percent, 0);
  // With SDN-A holding 50% of P, P is blocked, then its 50% of Q blocks Q.
  OwnershipGraph g = Graph("owner,owned,percent\nP,Q,50\nQ,P,50\nSDN-A,P,50\n", w);
  EXPECT_TRUE(Of(g, "P").blocked);
  OwnershipFinding q = Of(g, "Q");
  EXPECT_TRUE(q.blocked);
  ASSERT_EQ(q.steps.size(), 3u);  // SDN-A listed, P blocked, Q blocked: no loop back
  EXPECT_THAT(q.steps[2], HasSubstr("Q is owned P 50%"));
  // A three-node ring fed by 30% + 20% from two listed persons.
  OwnershipGraph ring =
      Graph("owner,owned,percent\nR1,R2,60\nR2,R3,60\nR3,R1,40\nSDN-A,R1,30\nSDN-B,R1,20\n", w);
  for (const char* n : {"R1", "R2", "R3"}) EXPECT_TRUE(Of(ring, n).blocked) << n;
}

TEST(OwnershipTest, OnlyBlockingSourcesCount) {
  FakeWorld w;
  OwnershipGraph g = Graph("owner,owned,percent\nUK-X,Firm,80\n", w);
  EXPECT_FALSE(Of(g, "Firm").blocked);
  OwnershipOptions uk;
  uk.blocking_sources = {ListSource::kOfacSdn, ListSource::kUkOfsi};
  OwnershipGraph g2 = Graph("owner,owned,percent\nUK-X,Firm,80\n", w, uk);
  EXPECT_TRUE(Of(g2, "Firm").blocked);
}

TEST(OwnershipTest, StatedOwnersCombineWithTheGraph) {
  FakeWorld w;
  OwnershipGraph g = Graph("owner,owned,percent\nSDN-A,Holdco,70\nSDN-B,Target,20\n", w);
  // Target: 20% from SDN-B in the graph, plus 35% from Holdco (blocked) stated with the party.
  Result<OwnershipFinding> f =
      g.AssessWithOwners("Target", g.FindNode("Target"), {{"Holdco", 35}}, w.resolver());
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_TRUE(f->blocked);
  EXPECT_DOUBLE_EQ(f->blocked_percent, 55);
  // A party the graph does not know, with listed owners resolved directly.
  f = g.AssessWithOwners("Newco", std::nullopt, {{"SDN-C", 30}, {"Nobody", 70}}, w.resolver());
  ASSERT_TRUE(f.ok());
  EXPECT_FALSE(f->blocked);
  EXPECT_DOUBLE_EQ(f->blocked_percent, 30);
  EXPECT_THAT(
      g.AssessWithOwners("Newco", std::nullopt, {{"SDN-C", 60}, {"X", 60}}, w.resolver()).status(),
      StatusIs(StatusCode::kInvalidArgument, "add up to 120%"));
  EXPECT_THAT(g.AssessWithOwners("Newco", std::nullopt, {{"BAD", 10}}, w.resolver()).status(),
              StatusIs(StatusCode::kInvalidArgument, "no informative word"));
}

Status Load(std::string_view csv) {
  FakeWorld w;
  OwnershipGraph g;
  return g.AddCsv(InputFile{"owners.csv", csv}, w.resolver());
}

TEST(OwnershipTest, MalformedGraphsNameFileAndLine) {
  EXPECT_THAT(Load(""), StatusIs(StatusCode::kInvalidArgument, "owners.csv: empty file"));
  EXPECT_THAT(Load(std::string("owner\0\x01\x02", 8)),
              StatusIs(StatusCode::kInvalidArgument, "binary"));
  EXPECT_THAT(Load("owner,owned\nA,B\n"),
              StatusIs(StatusCode::kInvalidArgument, "line 1: header lacks column \"percent\""));
  EXPECT_THAT(Load("owner,owned,percent\nA,B,thirty\n"),
              StatusIs(StatusCode::kInvalidArgument, "owners.csv: line 2: percent \"thirty\""));
  EXPECT_THAT(Load("owner,owned,percent\nA,B,0\n"),
              StatusIs(StatusCode::kInvalidArgument, "line 2: percent 0.0"));
  EXPECT_THAT(Load("owner,owned,percent\nA,B,150\n"),
              StatusIs(StatusCode::kInvalidArgument, "outside (0, 100]"));
  EXPECT_THAT(Load("owner,owned,percent\nA,B,nan\n"),
              StatusIs(StatusCode::kInvalidArgument, "line 2: percent \"nan\""));
  EXPECT_THAT(Load("owner,owned,percent\nA,A,10\n"),
              StatusIs(StatusCode::kInvalidArgument, "cannot own itself"));
  EXPECT_THAT(Load("owner,owned,percent\n,B,10\n"),
              StatusIs(StatusCode::kInvalidArgument, "line 2: empty owner"));
  EXPECT_THAT(Load("owner,owned,percent\nA,B,10\na ,b,5\n"),
              StatusIs(StatusCode::kInvalidArgument, "line 3: \"a\" already owns \"b\""));
  EXPECT_THAT(Load("owner,owned,percent\nA,T,60\nB,T,30\nC,T,20\n"),
              StatusIs(StatusCode::kInvalidArgument, "line 4: owners of \"T\" add up to 110%"));
  EXPECT_THAT(Load("owner,owned,percent\nA,T,60\n\"B,T,30\n"),
              StatusIs(StatusCode::kInvalidArgument, "owners.csv"));
  EXPECT_THAT(Load("owner,owned,percent\nBAD,T,10\n"),
              StatusIs(StatusCode::kInvalidArgument, "line 2: \"BAD\" has no informative word"));
  EXPECT_THAT(Load("owner,owned,percent\nA,B,10\nX\xC3,B,5\n"),
              StatusIs(StatusCode::kInvalidArgument, "line 3: invalid UTF-8"));
  // A failed file adds nothing.
  FakeWorld w;
  OwnershipGraph g;
  EXPECT_FALSE(
      g.AddCsv(InputFile{"x.csv", "owner,owned,percent\nA,B,10\nA,A,5\n"}, w.resolver()).ok());
  EXPECT_EQ(g.size(), 0u);
}

TEST(OwnershipTest, RealNamesResolveThroughTheScreener) {
  const Screener& s = testing::BundledScreener();
  Resolver resolve = MakeResolver(s, testing::BundledIndex(), kDefaultThreshold);
  OwnershipGraph g;
  Status st =
      g.AddCsv(InputFile{"owners.csv",
                         "owner,owned,percent\n"
                         "\"TIMCHENKO, Gennady Nikolayevich\",Baltic Horizon Trading LLC,30\n"
                         "ofac_sdn:16669,Baltic Horizon Trading LLC,25\n"
                         "Gennady Timchenko,Nordic Amber Holding AB,10\n"},
               resolve);
  ASSERT_TRUE(st.ok()) << st.ToString();
  g.Solve({});
  // Both spellings of Timchenko are the same node.
  EXPECT_EQ(g.size(), 4u);
  size_t timchenko = *g.FindNode("Gennady Timchenko");
  EXPECT_EQ(g.FindNode("TIMCHENKO, Gennady Nikolayevich"), timchenko);
  ASSERT_NE(g.resolution(timchenko).entity, nullptr);
  EXPECT_EQ(FormatReference(*g.resolution(timchenko).entity), "ofac_sdn:16666");
  EXPECT_EQ(g.resolution(timchenko).how, "name");
  EXPECT_GE(g.resolution(timchenko).score, 0.97);
  OwnershipFinding f = g.Assess(*g.FindNode("Baltic Horizon Trading LLC"));
  EXPECT_TRUE(f.blocked);
  EXPECT_DOUBLE_EQ(f.blocked_percent, 55);
  EXPECT_THAT(f.steps[1], HasSubstr("ROTENBERG, Arkady Romanovich"));
  EXPECT_FALSE(g.blocked(*g.FindNode("Nordic Amber Holding AB")));
  // An unknown list reference is an error, not an unlisted party.
  EXPECT_THAT(
      g.AddCsv(InputFile{"o.csv", "owner,owned,percent\nofac_sdn:99999999,X,10\n"}, resolve),
      StatusIs(StatusCode::kInvalidArgument,
               "o.csv: line 2: list reference \"ofac_sdn:99999999\" is not on the loaded"));
}

}  // namespace
}  // namespace interdict::trade
