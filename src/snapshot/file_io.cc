#include "snapshot/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "base/gzip.h"

namespace interdict::snapshot {

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    int err = errno;
    std::string msg = path + ": " + std::strerror(err);
    return err == ENOENT ? Status::NotFound(msg) : Status::Unavailable(msg);
  }
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f.get())) > 0) {
    out.append(buf, n);
    if (out.size() > max_bytes) {
      return Status::DataLoss(path + ": larger than " + std::to_string(max_bytes) + " bytes");
    }
  }
  if (std::ferror(f.get())) return Status::Unavailable(path + ": read error");
  return out;
}

Result<std::string> ReadListFile(const std::string& path) {
  INTERDICT_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  if (!base::IsGzip(bytes)) return bytes;
  Result<std::string> raw = base::GunzipBytes(bytes);
  if (!raw.ok()) return raw.status().WithPrefix(path);
  return raw;
}

std::string PublishedName(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0) name.resize(name.size() - 3);
  return name;
}

std::string DirName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (dir.empty() || (!name.empty() && name[0] == '/')) return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

}  // namespace interdict::snapshot
