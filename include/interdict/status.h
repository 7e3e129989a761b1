// File: interdict/status.h
//
// Status and Result<T>: how every fallible Interdict call reports failure. No exception
// crosses the library boundary; a failure shows in the signature and maps the same way
// every time to an HTTP status or a CLI exit code.
//
//   Result<ParsedList> parsed = lists::ParseUnXml(file);
//   if (!parsed.ok()) return parsed.status();   // or INTERDICT_ASSIGN_OR_RETURN
//   use(parsed->entities);
//
// Result<T> keeps to the absl::StatusOr API (ok(), status(), value(), *, ->) so a later
// switch to std::expected is mechanical.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace interdict {

// The canonical codes. Pick the most specific one:
//   kInvalidArgument    the caller's request or flag is wrong.
//   kNotFound           a named thing (file, entity, source) does not exist.
//   kDataLoss           an input file is unreadable or is not what it claims to be.
//   kFailedPrecondition the call is valid but the system is not in a state for it.
//   kUnavailable        I/O failed or a resource is busy; retrying may help.
//   kInternal           a bug in Interdict.
enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kDataLoss,
  kFailedPrecondition,
  kUnavailable,
  kInternal,
};

// Returns "OK", "INVALID_ARGUMENT", ... for logs and JSON.
std::string_view StatusCodeName(StatusCode code);

// An OK status holds no allocation; an error holds its code and message.
// Thread-compatible (a value type).
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message);

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status DataLoss(std::string msg) { return Status(StatusCode::kDataLoss, std::move(msg)); }
  static Status FailedPrecondition(std::string msg) {
    return Status(StatusCode::kFailedPrecondition, std::move(msg));
  }
  static Status Unavailable(std::string msg) {
    return Status(StatusCode::kUnavailable, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  // The message without the code; empty when OK.
  std::string_view message() const { return rep_ ? std::string_view(rep_->message) : ""; }
  // "DATA_LOSS: un: consolidated.xml:12: ..." or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>"; OK stays OK.
  Status WithPrefix(std::string_view prefix) const;

  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code() == b.code() && a.message() == b.message();
  }

 private:
  struct Rep {
    StatusCode code;
    std::string message;
  };
  std::unique_ptr<Rep> rep_;
};

// Either a T or an error Status. Constructing it from an OK status is a programmer error
// and yields kInternal.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status)                          // NOLINT(google-explicit-constructor)
      : status_(status.ok() ? Status::Internal("Result constructed from OK status")
                            : std::move(status)) {}

  bool ok() const { return status_.ok(); }
  const Status& status() const& { return status_; }
  Status status() && { return std::move(status_); }

  // REQUIRES: ok().
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace interdict

#define INTERDICT_CONCAT_INNER_(a, b) a##b
#define INTERDICT_CONCAT_(a, b) INTERDICT_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` (a Status) is not OK.
#define INTERDICT_RETURN_IF_ERROR(expr)                    \
  do {                                                     \
    ::interdict::Status interdict_status_ = (expr);        \
    if (!interdict_status_.ok()) return interdict_status_; \
  } while (false)

// `lhs = std::move(*result)` if `rexpr` (a Result) is OK, else returns its status.
#define INTERDICT_ASSIGN_OR_RETURN(lhs, rexpr) \
  INTERDICT_ASSIGN_OR_RETURN_IMPL_(INTERDICT_CONCAT_(interdict_result_, __LINE__), lhs, rexpr)
#define INTERDICT_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                     \
  if (!tmp.ok()) return std::move(tmp).status();          \
  lhs = std::move(*tmp)
