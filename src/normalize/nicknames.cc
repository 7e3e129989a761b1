#include "normalize/nicknames.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace interdict::normalize {
namespace {

// One group per given name: the full forms first (with common romanizations), then the short
// forms in use. A word may sit in several groups ("alex": Alexander and Alexei).
constexpr std::string_view kGroups[] = {
    // English
    "william bill billy will willy willie liam",
    "robert bob bobby rob robbie bert",
    "richard rick ricky dick rich richie",
    "james jim jimmy jamie",
    "john jack johnny jon",
    "jonathan jon jonny",
    "joseph joe joey",
    "thomas tom tommy",
    "charles charlie chuck chas",
    "edward ed eddie ted teddy ned",
    "theodore ted teddy theo",
    "michael mike mick mickey mikey",
    "elizabeth liz lizzie beth betty eliza lisa libby",
    "margaret maggie meg peggy greta",
    "katherine catherine kathryn kate katie cathy kathy kat",
    "alexander alexandr aleksandr alex sasha sandy alec",
    "alexandra aleksandra alex sasha sandra",
    "anthony antony tony",
    "daniel dan danny",
    "david dave davy",
    "nicholas nikolas nick nicky",
    "benjamin binyamin benyamin ben benny bibi",
    "samuel sam sammy",
    "steven stephen steve",
    "christopher chris kit",
    "matthew matt",
    "patrick pat paddy",
    "peter pete",
    "henry harry hank",
    "lawrence laurence larry",
    "gerald gerry jerry",
    "jeffrey geoffrey jeff geoff",
    "kenneth ken kenny",
    "ronald ron ronnie",
    "donald don donnie",
    "raymond ray",
    "timothy tim timmy",
    "gregory greg",
    "frederick frederic fred freddie freddy",
    "francis frank frankie",
    "andrew andy drew",
    "abraham abe",
    "isaac ike",
    "susan sue susie",
    "rebecca becky",
    "deborah debra debbie deb",
    "jennifer jenny jen",
    "victoria vicky tori",
    "patricia pat patty tricia",
    // Russian, Ukrainian, Belarusian (BGN/PCGN and common spellings)
    "aleksey alexey aleksei alexei oleksiy alyosha lyosha alex",
    "vladimir volodymyr uladzimir volodya vova vovka",
    "dmitry dmitriy dmitri dmytro dima mitya",
    "mikhail mykhailo misha",
    "nikolay nikolai mykola kolya",
    "sergey sergei serhiy serhii seryozha serezha",
    "yevgeny yevgeniy evgeny evgeniy yevhen zhenya",
    "ivan vanya",
    "pavel pavlo pasha",
    "anatoly anatoliy anatolii tolya",
    "boris borya",
    "viktor victor vitya",
    "yury yuriy yuri yura",
    "grigory grigoriy hryhoriy grisha",
    "konstantin kostyantyn kostya",
    "vyacheslav slava",
    "vladislav vlad slava",
    "stanislav stas slava",
    "yaroslav slava",
    "roman roma",
    "igor igorek",
    "andrey andrei andriy andryusha",
    "maksim maxim maksym max",
    "leonid lyonya",
    "arkady arkadiy arkasha",
    "gennady gennadiy gena",
    "valentin valya",
    "valery valeriy valera",
    "vasily vasiliy vasyl vasya",
    "yekaterina ekaterina kateryna katya",
    "mariya maria masha",
    "natalya natalia nataliya natasha",
    "tatyana tatiana tetiana tanya",
    "yelena elena olena lena",
    "olga olha olya",
    "svetlana sveta",
    "anastasiya anastasia nastya",
    "irina iryna ira",
    "lyudmila liudmyla lyuda mila",
    "lyubov liubov lyuba",
    "nadezhda nadiya nadya",
    "yuliya yulia yuliia yulya",
    "anna anya",
    // German, French, Dutch
    "johann johannes hans hannes",
    "friedrich fritz",
    "wolfgang wolf",
    "heinrich heinz",
    "jean jeannot",
    "jacques jacquot",
    // Spanish, Portuguese, Italian
    "jose pepe",
    "francisco paco pancho chico",
    "guillermo memo",
    "enrique quique",
    "manuel manolo",
    "ignacio nacho",
    "alejandro alejo",
    "rafael rafa",
    "giuseppe beppe peppe",
    "giovanni gianni",
    // Hebrew, Arabic
    "avraham avi",
    "yitzhak itzik",
    "yosef yossi",
    "moshe moishe",
};

// Word -> groups it belongs to.
const std::unordered_map<std::string_view, std::vector<int>>& GroupsByWord() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, std::vector<int>>();
    int group = 0;
    for (std::string_view line : kGroups) {
      size_t i = 0;
      while (i < line.size()) {
        size_t end = line.find(' ', i);
        if (end == std::string_view::npos) end = line.size();
        std::vector<int>& groups = (*t)[line.substr(i, end - i)];
        if (std::find(groups.begin(), groups.end(), group) == groups.end()) {
          groups.push_back(group);
        }
        i = end + 1;
      }
      ++group;
    }
    return t;
  }();
  return *table;
}

}  // namespace

bool IsKnownGivenName(std::string_view word) { return GroupsByWord().count(word) > 0; }

bool SameGivenName(std::string_view a, std::string_view b) {
  if (a == b) return false;
  const auto& table = GroupsByWord();
  auto ia = table.find(a);
  if (ia == table.end()) return false;
  auto ib = table.find(b);
  if (ib == table.end()) return false;
  for (int g : ia->second) {
    if (std::find(ib->second.begin(), ib->second.end(), g) != ib->second.end()) return true;
  }
  return false;
}

}  // namespace interdict::normalize
