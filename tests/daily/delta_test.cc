#include "daily/delta.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "daily/daily_testing.h"

namespace interdict::daily {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Entity Make(ListSource source, std::string id, std::string name) {
  Entity e;
  e.source = source;
  e.source_id = std::move(id);
  e.kind = EntityKind::kPerson;
  e.names.push_back(Name{.full = std::move(name)});
  e.programs = {"SDGT"};
  e.provenance = {"sdn.csv", "aaaa", "line 1"};
  return e;
}

const ProgramDeltaCounts* FindProgram(const Delta& d, std::string_view program) {
  for (const ProgramDeltaCounts& p : d.by_program) {
    if (p.program == program) return &p;
  }
  return nullptr;
}

TEST(DeltaTest, IdenticalSnapshotsHaveNoDelta) {
  std::vector<Entity> a = {Make(ListSource::kOfacSdn, "1", "A"), Make(ListSource::kUn, "2", "B")};
  Delta d = ComputeDelta(a, a);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.unchanged, 2u);
  ASSERT_EQ(d.by_source.size(), 2u);
  EXPECT_EQ(d.by_source[0].before, 1u);
  EXPECT_EQ(d.by_source[0].after, 1u);
  EXPECT_THAT(d.by_program, IsEmpty());
}

TEST(DeltaTest, EmptySides) {
  std::vector<Entity> a = {Make(ListSource::kOfacSdn, "1", "A")};
  Delta added = ComputeDelta({}, a);
  ASSERT_EQ(added.added.size(), 1u);
  EXPECT_EQ(added.added[0]->source_id, "1");
  Delta removed = ComputeDelta(a, {});
  ASSERT_EQ(removed.removed.size(), 1u);
  EXPECT_TRUE(ComputeDelta({}, {}).empty());
}

TEST(DeltaTest, ProvenanceIsNotContent) {
  std::vector<Entity> a = {Make(ListSource::kOfacSdn, "1", "A")};
  std::vector<Entity> b = a;
  b[0].provenance = {"sdn.csv", "bbbb", "line 900"};
  Delta d = ComputeDelta(a, b);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.unchanged, 1u);
}

TEST(DeltaTest, AddedRemovedAndChangedAreSortedByNumericId) {
  std::vector<Entity> a = {Make(ListSource::kOfacSdn, "10", "TEN"),
                           Make(ListSource::kOfacSdn, "9", "NINE"),
                           Make(ListSource::kOfacSdn, "100", "HUNDRED")};
  std::vector<Entity> b = {
      Make(ListSource::kOfacSdn, "100", "HUNDRED"), Make(ListSource::kOfacSdn, "11", "ELEVEN"),
      Make(ListSource::kOfacSdn, "2", "TWO"), Make(ListSource::kOfacSdn, "10", "TEN")};
  b[3].names.push_back(Name{.full = "DIX", .type = NameType::kAka, .quality = NameQuality::kWeak});
  Delta d = ComputeDelta(a, b);
  ASSERT_EQ(d.added.size(), 2u);
  EXPECT_EQ(d.added[0]->source_id, "2");
  EXPECT_EQ(d.added[1]->source_id, "11");
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0]->source_id, "9");
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_EQ(d.changed[0].after->source_id, "10");
  ASSERT_EQ(d.changed[0].fields.size(), 1u);
  EXPECT_EQ(d.changed[0].fields[0].field, "names");
  EXPECT_THAT(d.changed[0].fields[0].added, ElementsAre("DIX (a.k.a., weak)"));
  EXPECT_THAT(d.changed[0].fields[0].removed, IsEmpty());
  EXPECT_TRUE(d.changed[0].notable());
  EXPECT_EQ(d.unchanged, 1u);
}

TEST(DeltaTest, FieldChangesReadable) {
  Entity a = Make(ListSource::kOfacSdn, "7", "IVANOV, Ivan");
  a.remarks = "DOB 1960.";
  a.addresses.push_back(Address{.city = "Moscow", .country = "RU", .country_name = "Russia"});
  Entity b = a;
  b.kind = EntityKind::kOrganization;
  b.remarks = "DOB 1961.";
  b.identifiers.push_back(
      Identifier{.type = IdType::kPassport, .value = "123", .country = "RU", .label = "Passport"});
  b.addresses[0].city = "Kazan";
  b.programs = {"SDGT", "RUSSIA-EO14024"};
  b.craft.flag = "PA";
  std::vector<Entity> before = {a}, after = {b};
  Delta d = ComputeDelta(before, after);
  ASSERT_EQ(d.changed.size(), 1u);
  const EntityChange& c = d.changed[0];
  std::vector<std::string> fields;
  for (const FieldChange& f : c.fields) fields.push_back(f.field);
  // Declaration order of entity.h.
  EXPECT_THAT(fields,
              ElementsAre("kind", "addresses", "identifiers", "craft", "programs", "remarks"));
  EXPECT_THAT(c.Find("kind")->removed, ElementsAre("person"));
  EXPECT_THAT(c.Find("kind")->added, ElementsAre("organization"));
  EXPECT_THAT(c.Find("addresses")->removed, ElementsAre("Moscow, Russia"));
  EXPECT_THAT(c.Find("addresses")->added, ElementsAre("Kazan, Russia"));
  EXPECT_THAT(c.Find("identifiers")->added, ElementsAre("Passport 123 (RU)"));
  EXPECT_THAT(c.Find("craft")->added, ElementsAre("flag: PA"));
  EXPECT_THAT(c.Find("programs")->added, ElementsAre("RUSSIA-EO14024"));
  EXPECT_THAT(c.Find("remarks")->removed, ElementsAre("DOB 1960."));
  EXPECT_THAT(c.Find("remarks")->added, ElementsAre("DOB 1961."));
  EXPECT_EQ(c.Find("gender"), nullptr);

  const ProgramDeltaCounts* russia = FindProgram(d, "RUSSIA-EO14024");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->added_to, 1u);
  EXPECT_EQ(russia->added, 0u);
  const ProgramDeltaCounts* sdgt = FindProgram(d, "SDGT");
  ASSERT_NE(sdgt, nullptr);
  EXPECT_EQ(sdgt->changed, 1u);
}

TEST(DeltaTest, RemarksOnlyChangeIsNotNotable) {
  Entity a = Make(ListSource::kOfacSdn, "7", "X");
  Entity b = a;
  b.remarks = "new text";
  std::vector<Entity> before = {a}, after = {b};
  Delta d = ComputeDelta(before, after);
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_FALSE(d.changed[0].notable());
}

TEST(DeltaTest, RepeatedItemsAreComparedAsMultisets) {
  Entity a = Make(ListSource::kOfacSdn, "7", "X");
  a.programs = {"SDGT", "SDGT"};
  Entity b = a;
  b.programs = {"SDGT"};
  std::vector<Entity> before = {a}, after = {b};
  Delta d = ComputeDelta(before, after);
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_THAT(d.changed[0].Find("programs")->removed, ElementsAre("SDGT"));
  EXPECT_THAT(d.changed[0].Find("programs")->added, IsEmpty());
}

TEST(DeltaTest, CslIdsRepeatedAcrossSubListsAreKeyedPerSubList) {
  Entity el = Make(ListSource::kUsCsl, "abc", "ACME");
  el.list_name = "Entity List (EL) - Bureau of Industry and Security";
  Entity dpl = Make(ListSource::kUsCsl, "abc", "ACME TRADING");
  dpl.list_name = "Denied Persons List (DPL) - Bureau of Industry and Security";
  std::vector<Entity> before = {el, dpl};
  std::vector<Entity> after = {dpl};
  after[0].remarks = "changed";
  Delta d = ComputeDelta(before, after);
  EXPECT_THAT(d.ambiguous_keys, IsEmpty());
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0]->list_name, el.list_name);
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_EQ(d.changed[0].after->list_name, dpl.list_name);
  EXPECT_EQ(EntityKey(el, true), "us_csl/Entity List (EL) - Bureau of Industry and Security/abc");
  EXPECT_EQ(EntityKey(el), "us_csl/abc");
}

TEST(DeltaTest, IdsRepeatedWithinOneListAreReportedAndPairedInFileOrder) {
  std::vector<Entity> before = {Make(ListSource::kUn, "5", "FIRST"),
                                Make(ListSource::kUn, "5", "SECOND")};
  std::vector<Entity> after = {Make(ListSource::kUn, "5", "FIRST")};
  Delta d = ComputeDelta(before, after);
  EXPECT_THAT(d.ambiguous_keys, ElementsAre("un//5"));
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0]->primary_name().full, "SECOND");
  EXPECT_EQ(d.unchanged, 1u);
}

// The real 24 Feb 2023 action: OFAC designated about 250 persons under RUSSIA-EO14024
// (with two Belarus designations) and updated four existing entries.
TEST(DeltaRealDataTest, RussiaActionOf24February2023) {
  std::vector<Entity> before = testing::LoadSdnDay(testing::BundledDay("2023-02-22"));
  std::vector<Entity> after = testing::LoadSdnDay(testing::BundledDay("2023-02-24"));
  ASSERT_FALSE(before.empty());
  ASSERT_FALSE(after.empty());
  Delta d = ComputeDelta(before, after);
  EXPECT_THAT(d.ambiguous_keys, IsEmpty());
  EXPECT_EQ(d.added.size(), 252u);
  EXPECT_THAT(d.removed, IsEmpty());
  EXPECT_EQ(d.changed.size(), 4u);
  EXPECT_EQ(d.unchanged + d.changed.size(), before.size());
  EXPECT_EQ(before.size() + d.added.size() - d.removed.size(), after.size());

  const ProgramDeltaCounts* russia = FindProgram(d, "RUSSIA-EO14024");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->added, 250u);
  EXPECT_EQ(russia->added_to, 3u);
  const ProgramDeltaCounts* belarus = FindProgram(d, "BELARUS-EO14038");
  ASSERT_NE(belarus, nullptr);
  EXPECT_EQ(belarus->added, 2u);

  size_t with_russia = 0;
  for (const Entity* e : d.added) {
    with_russia += std::count(e->programs.begin(), e->programs.end(), "RUSSIA-EO14024");
  }
  EXPECT_EQ(with_russia, russia->added);

  // PASECHNIK, Leonid Ivanovich (22409): nationality, tax ID and the Russia program added.
  auto it = std::find_if(d.changed.begin(), d.changed.end(),
                         [](const EntityChange& c) { return c.after->source_id == "22409"; });
  ASSERT_NE(it, d.changed.end());
  EXPECT_EQ(it->after->primary_name().full, "PASECHNIK, Leonid Ivanovich");
  EXPECT_THAT(it->Find("programs")->added, ElementsAre("RUSSIA-EO14024"));
  EXPECT_THAT(it->Find("nationalities")->added, ElementsAre("UA"));
  EXPECT_THAT(it->Find("identifiers")->added, ElementsAre("Tax ID No. 2564117759 (UA)"));
  EXPECT_TRUE(it->notable());
  // MMK Turkey (38317): only a weak alias (and the remarks that carry it) changed.
  auto mmk = std::find_if(d.changed.begin(), d.changed.end(),
                          [](const EntityChange& c) { return c.after->source_id == "38317"; });
  ASSERT_NE(mmk, d.changed.end());
  EXPECT_THAT(mmk->Find("names")->added, ElementsAre("MMK TURKEY (a.k.a., weak)"));
}

// Replays successive days from the shared history archive: the delta must account for every
// entity (added + removed + changed + unchanged), be empty against itself and invert when the
// days are swapped.
TEST(DeltaRealDataTest, ReplaySuccessiveDays) {
  std::string dir = testing::FreshDir("replay");
  std::vector<std::string> days = {"sdn-2023-02-24T1845.csv", "sdn-2023-02-28T1846.csv",
                                   "sdn-2023-03-01T1846.csv", "sdn-2023-03-02T1848.csv",
                                   "sdn-2023-03-03T1844.csv"};
  if (!testing::ExtractHistory(days, dir)) GTEST_SKIP() << "no shared history archive";
  std::vector<std::vector<Entity>> loaded;
  for (const std::string& day : days) loaded.push_back(testing::LoadSdnDay(dir + "/" + day));
  size_t total_touched = 0;
  for (size_t i = 1; i < loaded.size(); ++i) {
    SCOPED_TRACE(days[i]);
    const auto& a = loaded[i - 1];
    const auto& b = loaded[i];
    Delta d = ComputeDelta(a, b);
    EXPECT_THAT(d.ambiguous_keys, IsEmpty());
    EXPECT_EQ(d.unchanged + d.changed.size() + d.removed.size(), a.size());
    EXPECT_EQ(d.unchanged + d.changed.size() + d.added.size(), b.size());
    for (const EntityChange& c : d.changed) {
      EXPECT_FALSE(c.fields.empty()) << c.after->source_id;
      EXPECT_EQ(c.before->source_id, c.after->source_id);
    }
    std::set<std::string> old_ids;
    for (const Entity& e : a) old_ids.insert(e.source_id);
    for (const Entity* e : d.added) EXPECT_EQ(old_ids.count(e->source_id), 0u) << e->source_id;
    for (const Entity* e : d.removed) EXPECT_EQ(old_ids.count(e->source_id), 1u);

    Delta back = ComputeDelta(b, a);
    EXPECT_EQ(back.added.size(), d.removed.size());
    EXPECT_EQ(back.removed.size(), d.added.size());
    ASSERT_EQ(back.changed.size(), d.changed.size());
    for (size_t k = 0; k < d.changed.size(); ++k) {
      ASSERT_EQ(back.changed[k].fields.size(), d.changed[k].fields.size());
      for (size_t f = 0; f < d.changed[k].fields.size(); ++f) {
        EXPECT_EQ(back.changed[k].fields[f].added, d.changed[k].fields[f].removed);
      }
    }
    EXPECT_TRUE(ComputeDelta(b, b).empty());
    total_touched += d.added.size() + d.removed.size() + d.changed.size();
  }
  EXPECT_GT(total_touched, 0u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace interdict::daily
