// The generic-word dictionary. Entries are written as the words appear in names (native
// script, or Latin with its accents) and romanized once with Romanize(), so they meet the
// words exactly as NormalizeName sees them. Sources: everyday dictionary words of each language
// for the trades that recur in sanctions-list and trade-register company names; Latin
// transliterations are added for Hebrew words that Israeli companies also write in Latin
// letters ("Taasiyot", "Sochnuyot").
//
// What is deliberately not here: words that are also common proper names or places, words
// that carry the identity of a company more than its trade (hotel names, brand words), and
// legal forms (name.cc folds those).
#include "normalize/generic_words.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/text.h"
#include "normalize/romanize.h"

namespace interdict::normalize::internal {
namespace {

struct GenericEntry {
  std::string_view written;    // as written in names
  std::string_view canonical;  // canonical English token(s)
};

// By language. Canonical tokens are the English words as English company names usually
// write them ("Industries", "Services", "Foods"); English words themselves are never
// rewritten.
constexpr GenericEntry kGenericWords[] = {
    // Spanish, Portuguese, Italian, French.
    {"compañía", "company"},
    {"cía", "company"},
    {"companhia", "company"},
    {"compagnie", "company"},
    {"compagnia", "company"},
    {"minera", "mining"},
    {"mineração", "mining"},
    {"minería", "mining"},
    {"mineraria", "mining"},
    {"naviera", "shipping"},
    {"navegação", "shipping"},
    {"navigazione", "shipping"},
    {"pesquera", "fishery"},
    {"pesqueira", "fishery"},
    {"alimentos", "foods"},
    {"alimentaria", "foods"},
    {"alimentari", "foods"},
    {"alimentaire", "foods"},
    {"construcciones", "construction"},
    {"construções", "construction"},
    {"costruzioni", "construction"},
    {"transportes", "transport"},
    {"trasporti", "transport"},
    {"servicios", "services"},
    {"serviços", "services"},
    {"servizi", "services"},
    {"industrias", "industries"},
    {"indústrias", "industries"},
    {"industria", "industries"},
    {"indústria", "industries"},
    {"industrie", "industries"},
    {"petróleo", "petroleum"},
    {"petróleos", "petroleum"},
    {"agrícola", "agriculture"},
    {"química", "chemicals"},
    {"químicos", "chemicals"},
    {"chimica", "chemicals"},
    {"vinos", "wine"},
    {"vinhos", "wine"},
    {"hermanos", "brothers"},
    {"irmãos", "brothers"},
    {"fratelli", "brothers"},
    {"frères", "brothers"},
    {"papel", "paper"},
    {"papelera", "paper"},
    {"cemento", "cement"},
    {"cimento", "cement"},
    {"ciment", "cement"},
    {"cementos", "cement"},
    {"plásticos", "plastic"},
    {"maderas", "timber"},
    {"marítima", "marine"},
    {"marittima", "marine"},
    // German.
    {"schifffahrt", "shipping"},
    {"reederei", "shipping"},
    {"lebensmittel", "foods"},
    {"gebrüder", "brothers"},
    {"papier", "paper"},
    {"zement", "cement"},
    {"kunststoff", "plastic"},
    {"kunststoffe", "plastic"},
    {"chemie", "chemicals"},
    // Turkish.
    {"ticaret", "trading"},
    {"sanayi", "industries"},
    {"denizcilik", "shipping"},
    {"gıda", "foods"},
    {"inşaat", "construction"},
    {"kardeşler", "brothers"},
    {"madencilik", "mining"},
    {"tarım", "agriculture"},
    {"kimya", "chemicals"},
    // Georgian (romanized, as Georgian companies write it in Latin letters).
    {"gvino", "wine"},
    {"ghvino", "wine"},
    // South Slavic.
    {"plovidba", "shipping"},
    {"plovba", "shipping"},
    {"ribolov", "fishery"},
    // Hebrew Latin transliterations.
    {"taasiyot", "industries"},
    {"taasiot", "industries"},
    {"sochnuyot", "agencies"},
    {"sapanut", "shipping"},
    {"mazon", "foods"},
    {"shivuk", "marketing"},
    // Russian and Ukrainian.
    {"торговый дом", "trading house"},
    {"торговый", "trading"},
    {"торговая", "trading"},
    {"торговля", "trading"},
    {"торговельний", "trading"},
    {"торгівля", "trading"},
    {"судоходная", "shipping"},
    {"судоходство", "shipping"},
    {"пароходство", "shipping"},
    {"нефтяная", "oil"},
    {"нефть", "oil"},
    {"продукты", "foods"},
    {"пищевая", "foods"},
    {"строительная", "construction"},
    {"строительство", "construction"},
    {"будівельна", "construction"},
    {"промышленная", "industries"},
    {"промышленность", "industries"},
    {"агро", "agriculture"},
    {"цемент", "cement"},
    {"пластик", "plastic"},
    {"рыболовецкая", "fishery"},
    {"морская", "marine"},
    {"морской", "marine"},
    // Hebrew (ו "and" and ה "the" prefixed forms are added by the table builder).
    {"סחר", "trading"},
    {"שיווק", "marketing"},
    {"ספנות", "shipping"},
    {"סוכנויות", "agencies"},
    {"סוכנות", "agencies"},
    {"תעשיות", "industries"},
    {"תעשייה", "industries"},
    {"מוצרי", "products"},
    {"מוצרים", "products"},
    {"נייר", "paper"},
    {"מזון", "foods"},
    {"בניין", "building"},
    {"בנייה", "construction"},
    {"חומרי", "materials"},
    {"חומרים", "materials"},
    {"אחים", "brothers"},
    {"יין", "wine"},
    {"יינות", "wine"},
    {"פלסטיק", "plastic"},
    {"תוצרת", "produce"},
    {"טרייה", "fresh"},
    {"טרי", "fresh"},
    {"שירותים", "services"},
    {"כימיקלים", "chemicals"},
    {"החזקות", "holdings"},
    {"אחזקות", "holdings"},
    {"השקעות", "investments"},
    {"הנדסה", "engineering"},
    {"ביטוח", "insurance"},
    {"יבוא", "import"},
    {"יצוא", "export"},
    {"הובלה", "transport"},
    {"טקסטיל", "textiles"},
    {"חקלאות", "agriculture"},
    {"נפט", "oil"},
    {"דפוס", "printing"},
    // Arabic and Persian.
    {"تجارة", "trading"},
    {"للتجارة", "trading"},
    {"التجارية", "trading"},
    {"للشحن", "shipping"},
    {"الشحن", "shipping"},
    {"البحرية", "marine"},
    {"للخدمات", "services"},
    {"خدمات", "services"},
    {"الصناعات", "industries"},
    {"صناعات", "industries"},
    {"للنفط", "oil"},
    {"النفط", "oil"},
    {"الغذائية", "foods"},
    {"للمقاولات", "construction"},
    {"بازرگانی", "trading"},
    {"کشتیرانی", "shipping"},
    {"صنایع", "industries"},
    {"نفت", "oil"},
    {"پتروشیمی", "petrochemical"},
    {"مهندسی", "engineering"},
    // Burmese.
    {"ကုန်သွယ်ရေး", "trading"},
    {"ရေကြောင်းပို့ဆောင်ရေး", "shipping"},
    {"ပို့ဆောင်ရေး", "transport"},
    {"ရေကြောင်း", "marine"},
    {"ဝန်ဆောင်မှု", "services"},
    {"စက်မှုလုပ်ငန်း", "industries"},
    {"ပလတ်စတစ်", "plastic"},
    {"လက်ဖက်ခြောက်", "tea"},
    {"လက်ဖက်", "tea"},
    {"သစ်လုပ်ငန်း", "timber"},
    {"ဘိလပ်မြေ", "cement"},
    {"ရေနံ", "petroleum"},
    {"စိုက်ပျိုးရေး", "agriculture"},
    {"ငါးလုပ်ငန်း", "fishery"},
    {"ဆန်စက်", "rice mill"},
    {"ဆီစက်", "oil mill"},
    {"ကြွေပြား", "ceramic tiles"},
    {"သင်္ဘောကျင်း", "shipyard"},
    {"ဆောက်လုပ်ရေး", "construction"},
    {"အထည်ချုပ်", "garments"},
    {"စက်ပစ္စည်း", "machinery"},
    {"လျှပ်စစ်ပစ္စည်း", "electrical"},
    {"ကော်ဖီ", "coffee"},
};

struct Phrase {
  std::vector<std::string> words;      // romanized
  std::vector<std::string> canonical;  // one or more tokens
  bool latin = true;                   // written in Latin letters
};

std::vector<std::string> Split(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

// Latin letters, with or without accents (everything below the Greek block).
bool IsLatin(std::string_view written) {
  size_t pos = 0;
  while (pos < written.size()) {
    if (base::DecodeUtf8(written, &pos) >= 0x0370) return false;
  }
  return true;
}

using PhraseTable = std::unordered_map<std::string, std::vector<Phrase>>;

void AddPhrase(std::string_view written, std::string canonical, PhraseTable* table) {
  Phrase p;
  p.words = Split(Romanize(written));
  p.canonical = Split(canonical);
  p.latin = IsLatin(written);
  if (p.words.empty()) return;
  std::string first = p.words.front();
  (*table)[first].push_back(std::move(p));
}

bool IsHebrew(std::string_view written) {
  // Hebrew letters are U+05D0..U+05EA: UTF-8 lead byte 0xD7.
  return !written.empty() && static_cast<unsigned char>(written.front()) == 0xD7;
}

const PhraseTable& Table() {
  static const PhraseTable* const table = [] {
    auto* t = new PhraseTable();  // Never destroyed.
    for (const GenericEntry& e : kGenericWords) {
      AddPhrase(e.written, std::string(e.canonical), t);
      if (IsHebrew(e.written)) {
        // Hebrew writes "and" (ו) and "the" (ה) as prefixes: ושיווק "and marketing".
        AddPhrase("ו" + std::string(e.written), "and " + std::string(e.canonical), t);
        if (e.written.substr(0, 2) != "ה") {
          AddPhrase("ה" + std::string(e.written), std::string(e.canonical), t);
        }
      }
    }
    return t;
  }();
  return *table;
}

}  // namespace

void FoldGenericWords(std::vector<std::string>* words, bool from_non_latin) {
  if (words->size() < 2) return;
  const PhraseTable& table = Table();
  std::vector<std::string> out;
  out.reserve(words->size());
  for (size_t i = 0; i < words->size();) {
    const Phrase* best = nullptr;
    auto it = table.find((*words)[i]);
    if (it != table.end()) {
      for (const Phrase& p : it->second) {
        if (!p.latin && !from_non_latin) continue;
        if (i + p.words.size() > words->size()) continue;
        if (best != nullptr && p.words.size() <= best->words.size()) continue;
        bool same = true;
        for (size_t k = 1; k < p.words.size() && same; ++k) same = (*words)[i + k] == p.words[k];
        if (same) best = &p;
      }
    }
    if (best == nullptr) {
      out.push_back(std::move((*words)[i]));
      ++i;
      continue;
    }
    for (const std::string& c : best->canonical) out.push_back(c);
    i += best->words.size();
  }
  *words = std::move(out);
}

}  // namespace interdict::normalize::internal
