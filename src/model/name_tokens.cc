#include "model/name_tokens.h"

namespace interdict {

std::string NormalizedName::Compact() const {
  if (!compact.empty()) return compact;
  std::string out;
  for (const NameToken& t : tokens) out += t.text;
  return out;
}

bool NormalizedName::Empty() const {
  for (const NameToken& t : tokens) {
    if (t.role == TokenRole::kWord || t.role == TokenRole::kNumber) return false;
  }
  return true;
}

}  // namespace interdict
