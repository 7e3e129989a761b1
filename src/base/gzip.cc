#include "base/gzip.h"

#include <zlib.h>

namespace interdict::base {

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

Result<std::string> GunzipBytes(std::string_view compressed, size_t max_output) {
  if (!IsGzip(compressed)) return Status::DataLoss("not gzip data (bad magic bytes)");
  z_stream zs{};
  // 16 + MAX_WBITS: expect a gzip header; inflate() then handles one member per reset.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Internal("inflateInit2 failed");
  std::string out;
  out.reserve(compressed.size() * 4);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf, sizeof(buf) - zs.avail_out);
    if (out.size() > max_output) {
      inflateEnd(&zs);
      return Status::DataLoss("gzip data expands beyond " + std::to_string(max_output) + " bytes");
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      if (inflateReset(&zs) != Z_OK) break;  // next member
      continue;
    }
    if (zs.avail_in == 0 && zs.avail_out != 0) {
      rc = Z_BUF_ERROR;  // input ended before the stream did
      break;
    }
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    return Status::DataLoss(rc == Z_BUF_ERROR ? "gzip data is truncated"
                                              : "gzip data is corrupt (" +
                                                    std::string(zs.msg ? zs.msg : "inflate") + ")");
  }
  return out;
}

}  // namespace interdict::base
