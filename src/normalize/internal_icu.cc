#include "normalize/internal_icu.h"

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

namespace interdict::normalize::internal {
namespace {

constexpr size_t kTransformCount = 4;

icu::UnicodeString ToIcu(std::u32string_view text) {
  icu::UnicodeString out;
  for (char32_t cp : text) out.append(static_cast<UChar32>(cp));
  return out;
}

std::u32string FromIcu(const icu::UnicodeString& text) {
  std::u32string out;
  out.reserve(static_cast<size_t>(text.length()));
  for (int32_t i = 0; i < text.length();) {
    UChar32 cp = text.char32At(i);
    out.push_back(static_cast<char32_t>(cp));
    i += U16_LENGTH(cp);
  }
  return out;
}

// Creates a transliterator; nullptr when ICU has no data for `id` (a stripped ICU build).
const icu::Transliterator* CreatePrototype(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString(id, -1, US_INV), UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return nullptr;
  return t.release();
}

// Process-wide prototypes, created on first use (C++ magic statics make that thread-safe) and
// deliberately never destroyed, so thread_local clones may outlive static destruction order.
const icu::Transliterator* Prototype(IcuTransform transform) {
  switch (transform) {
    case IcuTransform::kAnyLatin: {
      static const icu::Transliterator* const any = CreatePrototype("Any-Latin; Latin-ASCII");
      return any;
    }
    case IcuTransform::kHanLatin: {
      static const icu::Transliterator* const han = CreatePrototype("Han-Latin; Latin-ASCII");
      return han;
    }
    case IcuTransform::kSimplifiedTraditional: {
      static const icu::Transliterator* const hant = CreatePrototype("Simplified-Traditional");
      return hant;
    }
    case IcuTransform::kTraditionalSimplified: {
      static const icu::Transliterator* const hans = CreatePrototype("Traditional-Simplified");
      return hans;
    }
  }
  return nullptr;
}

// This thread's clone of the prototype. Transliterator::transliterate() keeps per-call state
// in the object, so threads must not share one; clone() only reads the prototype.
icu::Transliterator* ThreadClone(IcuTransform transform) {
  thread_local std::array<std::unique_ptr<icu::Transliterator>, kTransformCount> clones;
  std::unique_ptr<icu::Transliterator>& clone = clones[static_cast<size_t>(transform)];
  if (clone == nullptr) {
    const icu::Transliterator* prototype = Prototype(transform);
    if (prototype == nullptr) return nullptr;
    clone.reset(prototype->clone());
  }
  return clone.get();
}

const icu::Normalizer2* NfkcCasefoldInstance() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_FAILURE(status) ? nullptr : n;
  }();
  return instance;
}

const icu::Normalizer2* NfdInstance() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_FAILURE(status) ? nullptr : n;
  }();
  return instance;
}

// Pinyin of U+4E00..U+9FFF, one ICU pass at first use. ICU's Han-Latin rules cost tens of
// microseconds per character on every call, so a query with Chinese text would otherwise pay
// that each time; the table makes Han a lookup (about 150 KB).
class HanPinyinTable {
 public:
  static constexpr char32_t kFirst = 0x4E00;
  static constexpr char32_t kLast = 0x9FFF;

  HanPinyinTable() {
    const icu::Transliterator* prototype = Prototype(IcuTransform::kHanLatin);
    if (prototype == nullptr) return;
    std::unique_ptr<icu::Transliterator> t(prototype->clone());
    // '|' separates the characters; Han-Latin leaves it alone, so the output splits back into
    // exactly one entry per character.
    icu::UnicodeString all;
    for (char32_t cp = kFirst; cp <= kLast; ++cp) {
      all.append(static_cast<UChar32>(cp));
      all.append(static_cast<UChar>(u'|'));
    }
    t->transliterate(all);
    std::string utf8;
    all.toUTF8String(utf8);

    offsets_.reserve(kLast - kFirst + 2);
    offsets_.push_back(0);
    size_t start = 0;
    for (size_t i = 0; i <= utf8.size(); ++i) {
      if (i < utf8.size() && utf8[i] != '|') continue;
      if (i == utf8.size() && start == i) break;
      std::string_view syllable(utf8.data() + start, i - start);
      bool ascii = true;
      for (char c : syllable) ascii = ascii && c >= 'a' && c <= 'z';
      if (ascii) blob_.append(syllable);  // No reading: ICU returned the ideograph itself.
      offsets_.push_back(static_cast<uint32_t>(blob_.size()));
      start = i + 1;
    }
    if (offsets_.size() != kLast - kFirst + 2) {  // Unexpected ICU output: use per-call ICU.
      offsets_.clear();
      blob_.clear();
    }
  }

  bool ok() const { return !offsets_.empty(); }

  std::string_view Lookup(char32_t cp) const {
    size_t index = cp - kFirst;
    return std::string_view(blob_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
  }

 private:
  std::string blob_;               // All syllables, concatenated.
  std::vector<uint32_t> offsets_;  // Syllable i is blob_[offsets_[i], offsets_[i+1]).
};

}  // namespace

std::string IcuTransliterate(IcuTransform transform, std::u32string_view text) {
  icu::Transliterator* t = ThreadClone(transform);
  if (t == nullptr) return std::string();
  icu::UnicodeString s = ToIcu(text);
  t->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string NfkcCasefold(std::string_view utf8) {
  const icu::Normalizer2* n = NfkcCasefoldInstance();
  if (n == nullptr) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size() + 8);
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  n->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                   nullptr, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return out;
}

char32_t CanonicalBase(char32_t cp, bool* had_diaeresis) {
  *had_diaeresis = false;
  const icu::Normalizer2* n = NfdInstance();
  icu::UnicodeString decomposition;
  if (n == nullptr || !n->getDecomposition(static_cast<UChar32>(cp), decomposition)) return cp;
  std::u32string cps = FromIcu(decomposition);
  if (cps.empty()) return cp;
  for (size_t i = 1; i < cps.size(); ++i) {
    if (cps[i] == 0x0308) *had_diaeresis = true;
  }
  return cps[0];
}

void AppendHanPinyin(char32_t cp, std::string* out) {
  if (cp >= HanPinyinTable::kFirst && cp <= HanPinyinTable::kLast) {
    static const HanPinyinTable* const table = new HanPinyinTable();  // Never destroyed.
    if (table->ok()) {
      out->append(table->Lookup(cp));
      return;
    }
  }
  std::string syllable = IcuTransliterate(IcuTransform::kHanLatin, std::u32string_view(&cp, 1));
  for (char c : syllable) {
    if (c >= 'a' && c <= 'z') out->push_back(c);
  }
}

}  // namespace interdict::normalize::internal
