#include "normalize/chinese_company.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/text.h"
#include "normalize/internal_icu.h"

namespace interdict::normalize::internal {
namespace {

enum class TermKind : uint8_t {
  kPlace,      // 深圳 → "shenzhen"; only where a registered company name puts its place.
  kWord,       // Industry and organization words: 电子 → "electronics".
  kEndWord,    // A one-character word recognized only at the end of the run: 厂 → "factory".
  kLegalForm,  // 有限公司 → "co ltd".
};

struct TermEntry {
  const char* chinese;  // Simplified; the traditional form is derived at start-up.
  const char* english;
  TermKind kind;
};

// Place names as they are written in English company names (postal spellings where those are
// what companies use: "hong kong", "macau", "harbin", "urumqi"). Provinces, province-level
// cities and regions, and the cities that register most exporters.
constexpr TermEntry kPlaces[] = {
    {"中国", "china", TermKind::kPlace},
    {"北京", "beijing", TermKind::kPlace},
    {"天津", "tianjin", TermKind::kPlace},
    {"上海", "shanghai", TermKind::kPlace},
    {"重庆", "chongqing", TermKind::kPlace},
    {"香港", "hong kong", TermKind::kPlace},
    {"澳门", "macau", TermKind::kPlace},
    {"台湾", "taiwan", TermKind::kPlace},
    {"河北", "hebei", TermKind::kPlace},
    {"山西", "shanxi", TermKind::kPlace},
    {"辽宁", "liaoning", TermKind::kPlace},
    {"吉林", "jilin", TermKind::kPlace},
    {"黑龙江", "heilongjiang", TermKind::kPlace},
    {"江苏", "jiangsu", TermKind::kPlace},
    {"浙江", "zhejiang", TermKind::kPlace},
    {"安徽", "anhui", TermKind::kPlace},
    {"福建", "fujian", TermKind::kPlace},
    {"江西", "jiangxi", TermKind::kPlace},
    {"山东", "shandong", TermKind::kPlace},
    {"河南", "henan", TermKind::kPlace},
    {"湖北", "hubei", TermKind::kPlace},
    {"湖南", "hunan", TermKind::kPlace},
    {"广东", "guangdong", TermKind::kPlace},
    {"海南", "hainan", TermKind::kPlace},
    {"四川", "sichuan", TermKind::kPlace},
    {"贵州", "guizhou", TermKind::kPlace},
    {"云南", "yunnan", TermKind::kPlace},
    {"陕西", "shaanxi", TermKind::kPlace},
    {"甘肃", "gansu", TermKind::kPlace},
    {"青海", "qinghai", TermKind::kPlace},
    {"内蒙古", "inner mongolia", TermKind::kPlace},
    {"广西", "guangxi", TermKind::kPlace},
    {"西藏", "tibet", TermKind::kPlace},
    {"宁夏", "ningxia", TermKind::kPlace},
    {"新疆", "xinjiang", TermKind::kPlace},
    {"深圳", "shenzhen", TermKind::kPlace},
    {"广州", "guangzhou", TermKind::kPlace},
    {"东莞", "dongguan", TermKind::kPlace},
    {"杭州", "hangzhou", TermKind::kPlace},
    {"宁波", "ningbo", TermKind::kPlace},
    {"苏州", "suzhou", TermKind::kPlace},
    {"无锡", "wuxi", TermKind::kPlace},
    {"南京", "nanjing", TermKind::kPlace},
    {"武汉", "wuhan", TermKind::kPlace},
    {"成都", "chengdu", TermKind::kPlace},
    {"西安", "xian", TermKind::kPlace},
    {"厦门", "xiamen", TermKind::kPlace},
    {"青岛", "qingdao", TermKind::kPlace},
    {"大连", "dalian", TermKind::kPlace},
    {"沈阳", "shenyang", TermKind::kPlace},
    {"哈尔滨", "harbin", TermKind::kPlace},
    {"长沙", "changsha", TermKind::kPlace},
    {"郑州", "zhengzhou", TermKind::kPlace},
    {"合肥", "hefei", TermKind::kPlace},
    {"福州", "fuzhou", TermKind::kPlace},
    {"珠海", "zhuhai", TermKind::kPlace},
    {"佛山", "foshan", TermKind::kPlace},
    {"中山", "zhongshan", TermKind::kPlace},
    {"汕头", "shantou", TermKind::kPlace},
    {"惠州", "huizhou", TermKind::kPlace},
    {"江门", "jiangmen", TermKind::kPlace},
    {"湛江", "zhanjiang", TermKind::kPlace},
    {"温州", "wenzhou", TermKind::kPlace},
    {"义乌", "yiwu", TermKind::kPlace},
    {"绍兴", "shaoxing", TermKind::kPlace},
    {"嘉兴", "jiaxing", TermKind::kPlace},
    {"金华", "jinhua", TermKind::kPlace},
    {"台州", "taizhou", TermKind::kPlace},
    {"舟山", "zhoushan", TermKind::kPlace},
    {"泉州", "quanzhou", TermKind::kPlace},
    {"漳州", "zhangzhou", TermKind::kPlace},
    {"常州", "changzhou", TermKind::kPlace},
    {"南通", "nantong", TermKind::kPlace},
    {"扬州", "yangzhou", TermKind::kPlace},
    {"徐州", "xuzhou", TermKind::kPlace},
    {"昆山", "kunshan", TermKind::kPlace},
    {"连云港", "lianyungang", TermKind::kPlace},
    {"济南", "jinan", TermKind::kPlace},
    {"烟台", "yantai", TermKind::kPlace},
    {"潍坊", "weifang", TermKind::kPlace},
    {"威海", "weihai", TermKind::kPlace},
    {"石家庄", "shijiazhuang", TermKind::kPlace},
    {"唐山", "tangshan", TermKind::kPlace},
    {"保定", "baoding", TermKind::kPlace},
    {"太原", "taiyuan", TermKind::kPlace},
    {"呼和浩特", "hohhot", TermKind::kPlace},
    {"包头", "baotou", TermKind::kPlace},
    {"长春", "changchun", TermKind::kPlace},
    {"丹东", "dandong", TermKind::kPlace},
    {"营口", "yingkou", TermKind::kPlace},
    {"南昌", "nanchang", TermKind::kPlace},
    {"昆明", "kunming", TermKind::kPlace},
    {"贵阳", "guiyang", TermKind::kPlace},
    {"南宁", "nanning", TermKind::kPlace},
    {"桂林", "guilin", TermKind::kPlace},
    {"海口", "haikou", TermKind::kPlace},
    {"三亚", "sanya", TermKind::kPlace},
    {"兰州", "lanzhou", TermKind::kPlace},
    {"西宁", "xining", TermKind::kPlace},
    {"银川", "yinchuan", TermKind::kPlace},
    {"乌鲁木齐", "urumqi", TermKind::kPlace},
    {"拉萨", "lhasa", TermKind::kPlace},
    {"喀什", "kashgar", TermKind::kPlace},
    {"洛阳", "luoyang", TermKind::kPlace},
    {"芜湖", "wuhu", TermKind::kPlace},
    {"株洲", "zhuzhou", TermKind::kPlace},
    {"宜昌", "yichang", TermKind::kPlace},
    {"绵阳", "mianyang", TermKind::kPlace},
    {"满洲里", "manzhouli", TermKind::kPlace},
    {"绥芬河", "suifenhe", TermKind::kPlace},
    {"台北", "taipei", TermKind::kPlace},
    {"台中", "taichung", TermKind::kPlace},
    {"高雄", "kaohsiung", TermKind::kPlace},
};

// Industry and organization words, in the English that Chinese companies use for them.
constexpr TermEntry kWords[] = {
    {"电子", "electronics", TermKind::kWord},
    {"微电子", "microelectronics", TermKind::kWord},
    {"光电", "optoelectronics", TermKind::kWord},
    {"光电子", "optoelectronics", TermKind::kWord},
    {"半导体", "semiconductor", TermKind::kWord},
    {"集成电路", "integrated circuit", TermKind::kWord},
    {"芯片", "chip", TermKind::kWord},
    {"元器件", "components", TermKind::kWord},
    {"科技", "technology", TermKind::kWord},
    {"技术", "technology", TermKind::kWord},
    {"高科技", "high technology", TermKind::kWord},
    {"创新", "innovation", TermKind::kWord},
    {"研发", "research and development", TermKind::kWord},
    {"贸易", "trading", TermKind::kWord},
    {"商贸", "trading", TermKind::kWord},
    {"经贸", "economic and trade", TermKind::kWord},
    {"工贸", "industry and trade", TermKind::kWord},
    {"外贸", "foreign trade", TermKind::kWord},
    {"进出口", "import export", TermKind::kWord},
    {"国际", "international", TermKind::kWord},
    {"环球", "global", TermKind::kWord},
    {"实业", "industrial", TermKind::kWord},
    {"工业", "industry", TermKind::kWord},
    {"重工", "heavy industry", TermKind::kWord},
    {"机械", "machinery", TermKind::kWord},
    {"机电", "electromechanical", TermKind::kWord},
    {"机床", "machine tool", TermKind::kWord},
    {"设备", "equipment", TermKind::kWord},
    {"器材", "equipment", TermKind::kWord},
    {"精密", "precision", TermKind::kWord},
    {"仪器", "instrument", TermKind::kWord},
    {"仪表", "instrumentation", TermKind::kWord},
    {"材料", "materials", TermKind::kWord},
    {"新材料", "new materials", TermKind::kWord},
    {"通信", "communication", TermKind::kWord},
    {"通讯", "communication", TermKind::kWord},
    {"电信", "telecom", TermKind::kWord},
    {"信息", "information", TermKind::kWord},
    {"软件", "software", TermKind::kWord},
    {"网络", "network", TermKind::kWord},
    {"计算机", "computer", TermKind::kWord},
    {"数据", "data", TermKind::kWord},
    {"智能", "intelligent", TermKind::kWord},
    {"系统", "systems", TermKind::kWord},
    {"自动化", "automation", TermKind::kWord},
    {"机器人", "robotics", TermKind::kWord},
    {"航空", "aviation", TermKind::kWord},
    {"航天", "aerospace", TermKind::kWord},
    {"无人机", "uav", TermKind::kWord},
    {"雷达", "radar", TermKind::kWord},
    {"卫星", "satellite", TermKind::kWord},
    {"导航", "navigation", TermKind::kWord},
    {"光学", "optical", TermKind::kWord},
    {"激光", "laser", TermKind::kWord},
    {"物流", "logistics", TermKind::kWord},
    {"供应链", "supply chain", TermKind::kWord},
    {"货运", "freight", TermKind::kWord},
    {"代理", "agency", TermKind::kWord},
    {"运输", "transport", TermKind::kWord},
    {"航运", "shipping", TermKind::kWord},
    {"船务", "shipping", TermKind::kWord},
    {"海运", "shipping", TermKind::kWord},
    {"远洋", "ocean", TermKind::kWord},
    {"海洋", "marine", TermKind::kWord},
    {"海事", "maritime", TermKind::kWord},
    {"船舶", "shipbuilding", TermKind::kWord},
    {"造船", "shipbuilding", TermKind::kWord},
    {"能源", "energy", TermKind::kWord},
    {"新能源", "new energy", TermKind::kWord},
    {"石油", "petroleum", TermKind::kWord},
    {"石化", "petrochemical", TermKind::kWord},
    {"天然气", "natural gas", TermKind::kWord},
    {"化工", "chemical", TermKind::kWord},
    {"化学", "chemical", TermKind::kWord},
    {"电力", "power", TermKind::kWord},
    {"矿业", "mining", TermKind::kWord},
    {"钢铁", "steel", TermKind::kWord},
    {"金属", "metal", TermKind::kWord},
    {"投资", "investment", TermKind::kWord},
    {"控股", "holding", TermKind::kWord},
    {"集团", "group", TermKind::kWord},
    {"资本", "capital", TermKind::kWord},
    {"资产管理", "asset management", TermKind::kWord},
    {"金融", "financial", TermKind::kWord},
    {"银行", "bank", TermKind::kWord},
    {"保险", "insurance", TermKind::kWord},
    {"证券", "securities", TermKind::kWord},
    {"融资租赁", "financial leasing", TermKind::kWord},
    {"发展", "development", TermKind::kWord},
    {"开发", "development", TermKind::kWord},
    {"制造", "manufacturing", TermKind::kWord},
    {"加工", "processing", TermKind::kWord},
    {"汽车", "automotive", TermKind::kWord},
    {"配件", "parts", TermKind::kWord},
    {"医药", "pharmaceutical", TermKind::kWord},
    {"制药", "pharmaceutical", TermKind::kWord},
    {"药业", "pharmaceutical", TermKind::kWord},
    {"医疗器械", "medical device", TermKind::kWord},
    {"生物", "biological", TermKind::kWord},
    {"建设", "construction", TermKind::kWord},
    {"建筑", "construction", TermKind::kWord},
    {"工程", "engineering", TermKind::kWord},
    {"房地产", "real estate", TermKind::kWord},
    {"电器", "electrical appliance", TermKind::kWord},
    {"电气", "electric", TermKind::kWord},
    {"电机", "motor", TermKind::kWord},
    {"电池", "battery", TermKind::kWord},
    {"食品", "food", TermKind::kWord},
    {"农业", "agriculture", TermKind::kWord},
    {"纺织", "textile", TermKind::kWord},
    {"服装", "garment", TermKind::kWord},
    {"塑料", "plastic", TermKind::kWord},
    {"塑胶", "plastic", TermKind::kWord},
    {"橡胶", "rubber", TermKind::kWord},
    {"五金", "hardware", TermKind::kWord},
    {"包装", "packaging", TermKind::kWord},
    {"环保", "environmental protection", TermKind::kWord},
    {"咨询", "consulting", TermKind::kWord},
    {"管理", "management", TermKind::kWord},
    {"服务", "services", TermKind::kWord},
    {"商务", "business", TermKind::kWord},
    {"文化", "culture", TermKind::kWord},
    {"传媒", "media", TermKind::kWord},
    {"企业", "enterprise", TermKind::kWord},
    {"工厂", "factory", TermKind::kWord},
    {"大学", "university", TermKind::kWord},
    {"研究所", "research institute", TermKind::kWord},
    {"研究院", "research institute", TermKind::kWord},
    {"中心", "center", TermKind::kWord},
    {"办事处", "office", TermKind::kWord},
    {"代表处", "representative office", TermKind::kWord},
    {"人民解放军", "peoples liberation army", TermKind::kWord},
    {"厂", "factory", TermKind::kEndWord},
};

// Legal forms. Longest match first, so 股份有限公司 wins over 有限公司 and 公司.
constexpr TermEntry kLegalForms[] = {
    {"有限公司", "co ltd", TermKind::kLegalForm},
    {"有限责任公司", "co ltd", TermKind::kLegalForm},
    {"股份有限公司", "co ltd", TermKind::kLegalForm},
    {"集团有限公司", "group co ltd", TermKind::kLegalForm},
    {"集团股份有限公司", "group co ltd", TermKind::kLegalForm},
    {"公司", "co", TermKind::kLegalForm},
    {"总公司", "corporation", TermKind::kLegalForm},
    {"分公司", "branch", TermKind::kLegalForm},
    {"子公司", "subsidiary", TermKind::kLegalForm},
    {"有限合伙", "lp", TermKind::kLegalForm},
    {"合伙企业", "partnership", TermKind::kLegalForm},
    // Japanese: the Mandarin readings (zhu shi hui she) would never meet a Latin name.
    {"株式会社", "kabushiki kaisha", TermKind::kLegalForm},
    {"有限会社", "yugen kaisha", TermKind::kLegalForm},
    {"合同会社", "godo kaisha", TermKind::kLegalForm},
};

// Suffixes dropped right after a place name ("深圳市" → "shenzhen"), longest first.
constexpr const char* kPlaceSuffixes[] = {
    "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州",
    "地区",         "市",         "省",         "区",         "县",
};

// District suffixes: "深圳市南山区" → "shenzhen nanshan".
constexpr char32_t kDistrictSuffixes[] = {U'区', U'县', U'區', U'縣'};

// Two-character family names (复姓), with their name readings.
constexpr TermEntry kCompoundSurnames[] = {
    {"欧阳", "ouyang", TermKind::kWord},   {"司马", "sima", TermKind::kWord},
    {"诸葛", "zhuge", TermKind::kWord},    {"上官", "shangguan", TermKind::kWord},
    {"东方", "dongfang", TermKind::kWord}, {"皇甫", "huangfu", TermKind::kWord},
    {"令狐", "linghu", TermKind::kWord},   {"慕容", "murong", TermKind::kWord},
    {"尉迟", "yuchi", TermKind::kWord},    {"公孙", "gongsun", TermKind::kWord},
    {"夏侯", "xiahou", TermKind::kWord},   {"长孙", "zhangsun", TermKind::kWord},
    {"宇文", "yuwen", TermKind::kWord},    {"司徒", "situ", TermKind::kWord},
    {"端木", "duanmu", TermKind::kWord},   {"司空", "sikong", TermKind::kWord},
    {"轩辕", "xuanyuan", TermKind::kWord}, {"呼延", "huyan", TermKind::kWord},
    {"澹台", "tantai", TermKind::kWord},   {"万俟", "moqi", TermKind::kWord},
    {"单于", "chanyu", TermKind::kWord},   {"独孤", "dugu", TermKind::kWord},
    {"南宫", "nangong", TermKind::kWord},  {"西门", "ximen", TermKind::kWord},
};

// Family names whose reading as a family name differs from ICU's default reading of the
// character (曾 is "ceng" as an adverb, "zeng" as a family name).
constexpr TermEntry kSurnameReadings[] = {
    {"曾", "zeng", TermKind::kWord},  {"单", "shan", TermKind::kWord},
    {"解", "xie", TermKind::kWord},   {"仇", "qiu", TermKind::kWord},
    {"朴", "piao", TermKind::kWord},  {"查", "zha", TermKind::kWord},
    {"区", "ou", TermKind::kWord},    {"盖", "ge", TermKind::kWord},
    {"乐", "yue", TermKind::kWord},   {"缪", "miao", TermKind::kWord},
    {"翟", "zhai", TermKind::kWord},  {"覃", "qin", TermKind::kWord},
    {"重", "chong", TermKind::kWord},
};

// Characters whose reading in names differs from ICU's default: 长 is "chang" in 长江, 长城,
// 长安; 都 is "du" in 成都 and 首都.
constexpr TermEntry kNameReadings[] = {
    {"长", "chang", TermKind::kWord},
    {"都", "du", TermKind::kWord},
};

struct Term {
  std::string english;
  TermKind kind;
};

struct U32Hash {
  using is_transparent = void;
  size_t operator()(std::u32string_view s) const { return std::hash<std::u32string_view>()(s); }
};

using TermMap = std::unordered_map<std::u32string, Term, U32Hash, std::equal_to<>>;

struct Tables {
  TermMap terms;  // Places, words and legal forms.
  size_t max_term_length = 0;
  TermMap compound_surnames;
  std::unordered_map<char32_t, std::string> surname_readings;
  std::unordered_map<char32_t, std::string> name_readings;
  std::vector<std::u32string> place_suffixes;  // Longest first.
};

// Adds `entries` to `map`, each under its simplified key and, when it differs, under the
// traditional key ICU derives from it (電子 for 电子), so Hong Kong and Taiwan names match too.
template <size_t N>
void AddEntries(const TermEntry (&entries)[N], TermMap* map) {
  std::u32string joined;
  for (const TermEntry& entry : entries) {
    std::u32string key = base::Utf8ToU32(entry.chinese);
    map->emplace(key, Term{entry.english, entry.kind});
    joined += key;
    joined += U'|';
  }
  std::u32string traditional =
      base::Utf8ToU32(IcuTransliterate(IcuTransform::kSimplifiedTraditional, joined));
  size_t index = 0;
  size_t start = 0;
  for (size_t i = 0; i < traditional.size() && index < N; ++i) {
    if (traditional[i] != U'|') continue;
    map->emplace(traditional.substr(start, i - start),
                 Term{entries[index].english, entries[index].kind});
    ++index;
    start = i + 1;
  }
}

const Tables& GetTables() {
  static const Tables* const tables = [] {
    auto* t = new Tables();  // Never destroyed: used from any thread until exit.
    AddEntries(kPlaces, &t->terms);
    AddEntries(kWords, &t->terms);
    AddEntries(kLegalForms, &t->terms);
    // Forms ICU's Simplified-Traditional does not produce.
    t->terms.emplace(U"臺灣", Term{"taiwan", TermKind::kPlace});
    t->terms.emplace(U"臺北", Term{"taipei", TermKind::kPlace});
    t->terms.emplace(U"臺中", Term{"taichung", TermKind::kPlace});
    t->terms.emplace(U"株式會社", Term{"kabushiki kaisha", TermKind::kLegalForm});
    for (const auto& [key, term] : t->terms) {
      t->max_term_length = std::max(t->max_term_length, key.size());
    }
    AddEntries(kCompoundSurnames, &t->compound_surnames);
    TermMap readings;
    AddEntries(kSurnameReadings, &readings);
    for (const auto& [key, term] : readings) t->surname_readings.emplace(key[0], term.english);
    readings.clear();
    AddEntries(kNameReadings, &readings);
    for (const auto& [key, term] : readings) t->name_readings.emplace(key[0], term.english);
    TermMap suffixes;
    for (const char* suffix : kPlaceSuffixes) {
      suffixes.emplace(base::Utf8ToU32(suffix), Term{"", TermKind::kPlace});
      // Traditional forms of the suffixes (區, 縣, 維吾爾自治區, ...).
      std::u32string hant = base::Utf8ToU32(
          IcuTransliterate(IcuTransform::kSimplifiedTraditional, base::Utf8ToU32(suffix)));
      if (!hant.empty()) suffixes.emplace(hant, Term{"", TermKind::kPlace});
    }
    for (const auto& [key, term] : suffixes) t->place_suffixes.push_back(key);
    std::sort(t->place_suffixes.begin(), t->place_suffixes.end(),
              [](const std::u32string& a, const std::u32string& b) {
                return a.size() != b.size() ? a.size() > b.size() : a < b;
              });
    return t;
  }();
  return *tables;
}

// One piece of a segmented run: a known term, or a stretch of unknown characters.
struct Segment {
  size_t start = 0;
  size_t length = 0;
  const Term* term = nullptr;  // nullptr for unknown characters (a trade name).
};

void AppendSyllable(const Tables& tables, char32_t cp, std::string* out) {
  auto it = tables.name_readings.find(cp);
  if (it != tables.name_readings.end()) {
    out->append(it->second);
  } else {
    AppendHanPinyin(cp, out);
  }
}

// Appends " " + the pinyin of `chars`, joined into one word.
void AppendJoinedWord(const Tables& tables, std::u32string_view chars, std::string* out) {
  out->push_back(' ');
  for (char32_t cp : chars) AppendSyllable(tables, cp, out);
}

// Longest known term starting at `pos`, or nullptr.
const Term* LongestTerm(const Tables& tables, std::u32string_view run, size_t pos, bool allow_place,
                        size_t* length) {
  size_t longest = std::min(tables.max_term_length, run.size() - pos);
  for (size_t len = longest; len >= 1; --len) {
    auto it = tables.terms.find(run.substr(pos, len));
    if (it == tables.terms.end()) continue;
    const Term& term = it->second;
    if (term.kind == TermKind::kPlace && !allow_place) continue;
    if (term.kind == TermKind::kEndWord && pos + len != run.size()) continue;
    *length = len;
    return &term;
  }
  return nullptr;
}

size_t PlaceSuffixLength(const Tables& tables, std::u32string_view run, size_t pos) {
  for (const std::u32string& suffix : tables.place_suffixes) {
    if (run.substr(pos, suffix.size()) == suffix) return suffix.size();
  }
  return 0;
}

// Splits `run` into known terms and unknown stretches (rule 1 and 2 of RomanizeHanRun).
std::vector<Segment> SegmentRun(const Tables& tables, std::u32string_view run) {
  std::vector<Segment> segments;
  bool allow_place = true;
  bool in_unknown = false;  // segments.back() is an unknown stretch that may grow.
  size_t pos = 0;
  while (pos < run.size()) {
    size_t length = 0;
    const Term* term = LongestTerm(tables, run, pos, allow_place, &length);
    if (term == nullptr) {
      if (!in_unknown) segments.push_back({pos, 0});
      ++segments.back().length;
      ++pos;
      allow_place = false;
      in_unknown = true;
      continue;
    }
    in_unknown = false;
    segments.push_back({pos, length, term});
    pos += length;
    allow_place = term->kind == TermKind::kPlace || term->kind == TermKind::kLegalForm;
    if (term->kind != TermKind::kPlace) continue;
    pos += PlaceSuffixLength(tables, run, pos);
    // A district right after the place: 2-3 unknown characters and 区/县.
    for (size_t len = 2; len <= 3; ++len) {
      if (pos + len >= run.size()) break;
      char32_t suffix = run[pos + len];
      bool is_suffix = std::find(std::begin(kDistrictSuffixes), std::end(kDistrictSuffixes),
                                 suffix) != std::end(kDistrictSuffixes);
      if (!is_suffix) continue;
      size_t unused = 0;
      if (LongestTerm(tables, run, pos, /*allow_place=*/true, &unused) != nullptr) break;
      segments.push_back({pos, len});  // The district word; its suffix is dropped.
      pos += len + 1;
      break;
    }
  }
  return segments;
}

bool IsPersonName(const Tables& tables, std::u32string_view run,
                  const std::vector<Segment>& segments) {
  if (run.size() < 2 || run.size() > 4) return false;
  if (segments.size() == 1 && segments[0].term != nullptr) return false;  // 北京, 电子.
  if (segments[0].term != nullptr && segments[0].term->kind == TermKind::kPlace) return false;
  for (const Segment& segment : segments) {
    if (segment.term != nullptr && segment.term->kind == TermKind::kLegalForm) return false;
  }
  if (run.size() <= 3) return true;
  return tables.compound_surnames.find(run.substr(0, 2)) != tables.compound_surnames.end();
}

void AppendPersonName(const Tables& tables, std::u32string_view run, std::string* out) {
  size_t family_length = 1;
  out->push_back(' ');
  auto compound = tables.compound_surnames.find(run.substr(0, 2));
  if (compound != tables.compound_surnames.end()) {
    out->append(compound->second.english);
    family_length = 2;
  } else if (auto it = tables.surname_readings.find(run[0]); it != tables.surname_readings.end()) {
    out->append(it->second);
  } else {
    AppendHanPinyin(run[0], out);
  }
  if (run.size() > family_length) AppendJoinedWord(tables, run.substr(family_length), out);
}

}  // namespace

void RomanizeHanRun(std::u32string_view run, const HanRunContext& context, std::string* out) {
  if (run.empty()) return;
  const Tables& tables = GetTables();
  if (context.foreign_name) {
    AppendJoinedWord(tables, run, out);
    return;
  }
  std::vector<Segment> segments = SegmentRun(tables, run);
  if (!context.japanese && IsPersonName(tables, run, segments)) {
    AppendPersonName(tables, run, out);
    return;
  }
  for (const Segment& segment : segments) {
    if (segment.term != nullptr) {
      out->push_back(' ');
      out->append(segment.term->english);
    } else if (segment.length > 0) {
      AppendJoinedWord(tables, run.substr(segment.start, segment.length), out);
    }
  }
}

}  // namespace interdict::normalize::internal
