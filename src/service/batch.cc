#include "service/batch.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "base/csv.h"
#include "base/text.h"
#include "service/query_json.h"

namespace interdict::service {
namespace {

using Json = nlohmann::ordered_json;

// A CSV record may span lines (quoted newlines) but not more than this.
constexpr size_t kMaxRecordBytes = 1u << 20;

constexpr std::string_view kNameCols[] = {"name",        "full_name",     "fullname",
                                          "party_name",  "customer_name", "company_name",
                                          "entity_name", "party"};
constexpr std::string_view kKindCols[] = {"kind", "type", "schema", "entity_type", "party_type"};
constexpr std::string_view kDobCols[] = {"dob", "date_of_birth", "birth_date", "birthdate"};
constexpr std::string_view kCountryCols[] = {"country", "country_code", "nationality",
                                             "citizenship"};
constexpr std::string_view kIdCols[] = {"ids",      "identifiers", "identifier", "id_number",
                                        "passport", "imo",         "tax_id"};

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

// One input row, as read (parsing into a Query happens on the worker threads).
struct Row {
  size_t number = 0;                // 1-based data row
  size_t line = 0;                  // line of the input where it starts
  std::vector<std::string> fields;  // CSV
  Json object;                      // JSONL
  std::string error;                // already known to be malformed
};

struct RowResult {
  std::string text;  // the output line, with its newline
  size_t hits = 0;
  std::string error;  // "" when screened
};

struct Chunk {
  std::vector<Row> rows;
  std::vector<RowResult> results;
  bool done = false;
};

// Where each field of a query comes from: a CSV column index (-1 = absent) or a JSON key.
struct Columns {
  int name = -1, kind = -1, dob = -1, country = -1, ids = -1;
  std::string name_key, kind_key, dob_key, country_key, ids_key;
};

std::string Lower(std::string_view s) { return base::AsciiToLower(base::Trim(s)); }

template <size_t N>
int FindColumn(const std::vector<std::string>& header, const std::string& chosen,
               const std::string_view (&candidates)[N]) {
  if (!chosen.empty()) {
    std::string want = Lower(chosen);
    for (size_t i = 0; i < header.size(); ++i) {
      if (Lower(header[i]) == want) return static_cast<int>(i);
    }
    return -2;  // asked for but missing
  }
  for (std::string_view c : candidates) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (Lower(header[i]) == c) return static_cast<int>(i);
    }
  }
  return -1;
}

// Reads physical lines and CSV/JSONL records, counting lines and bytes.
class LineSource {
 public:
  explicit LineSource(std::istream& in) : in_(in) {}

  bool Next(std::string* line) {
    if (!std::getline(in_, *line)) return false;
    ++line_;
    bytes_ += line->size() + 1;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return true;
  }
  size_t line() const { return line_; }
  size_t bytes() const { return bytes_; }

 private:
  std::istream& in_;
  size_t line_ = 0;
  size_t bytes_ = 0;
};

bool QuotesOpen(std::string_view s, bool open) {
  for (char c : s) {
    if (c == '"') open = !open;
  }
  return open;
}

class RowReader {
 public:
  RowReader(std::istream& in, std::string_view name, bool jsonl)
      : lines_(in), name_(name), jsonl_(jsonl) {}

  // Reads the next row. Returns false at the end or on a fatal error (status()).
  bool Next(Row* row) {
    std::string line;
    while (lines_.Next(&line)) {
      if (base::Trim(line).empty()) continue;
      row->line = lines_.line();
      row->number = ++rows_;
      row->error.clear();
      if (jsonl_) return ParseJsonLine(line, row);
      // Join physical lines while a quoted field is open.
      bool open = QuotesOpen(line, false);
      std::string record = std::move(line);
      while (open) {
        std::string more;
        if (!lines_.Next(&more)) {
          status_ = Status::InvalidArgument(Where(row->line) + ": a quoted field is never closed");
          return false;
        }
        open = QuotesOpen(more, open);
        record += '\n';
        record += more;
        if (record.size() > kMaxRecordBytes) {
          status_ = Status::InvalidArgument(Where(row->line) + ": a record is longer than " +
                                            std::to_string(kMaxRecordBytes) +
                                            " bytes (an unbalanced quote?)");
          return false;
        }
      }
      base::CsvReader reader(record);
      if (!reader.Next(&row->fields)) {
        row->fields.clear();
        row->error = reader.status().ok() ? "empty record" : std::string(reader.status().message());
      }
      return true;
    }
    return false;
  }

  // Reads the header line of a CSV input.
  Result<std::vector<std::string>> Header() {
    Row row;
    if (!Next(&row)) {
      if (!status_.ok()) return status_;
      return Status::InvalidArgument(std::string(name_) +
                                     ": empty input (a CSV header is "
                                     "required)");
    }
    rows_ = 0;
    if (!row.error.empty()) return Status::InvalidArgument(Where(row.line) + ": " + row.error);
    if (!row.fields.empty() && row.fields[0].rfind("\xEF\xBB\xBF", 0) == 0) {
      row.fields[0].erase(0, 3);  // UTF-8 byte order mark
    }
    return row.fields;
  }

  std::string Where(size_t line) const { return std::string(name_) + ":" + std::to_string(line); }
  const Status& status() const { return status_; }
  size_t bytes() const { return lines_.bytes(); }

 private:
  bool ParseJsonLine(const std::string& line, Row* row) {
    row->object = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (row->object.is_discarded()) {
      row->object = Json();
      row->error = "not a valid JSON line";
    } else if (!row->object.is_object()) {
      row->object = Json();
      row->error = "a JSON line must be an object";
    }
    return true;
  }

  LineSource lines_;
  std::string_view name_;
  bool jsonl_;
  size_t rows_ = 0;
  Status status_;
};

std::string JsonText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_number() || v.is_boolean()) return v.dump();
  return "";
}

template <size_t N>
const Json* FindKey(const Json& obj, const std::string& chosen,
                    const std::string_view (&candidates)[N]) {
  if (!chosen.empty()) {
    auto it = obj.find(chosen);
    return it == obj.end() ? nullptr : &*it;
  }
  for (std::string_view c : candidates) {
    auto it = obj.find(std::string(c));
    if (it != obj.end()) return &*it;
  }
  return nullptr;
}

class Worker {
 public:
  Worker(const Screener& screener, const BatchOptions& options,
         const std::vector<std::string>& header, const Columns& cols)
      : screener_(screener), options_(options), header_(header), cols_(cols) {}

  RowResult Screen(const Row& row) const {
    RowResult r;
    Json input = Json::object();
    Query q;
    std::string error = row.error;
    if (error.empty()) error = BuildQuery(row, &q, &input);
    std::vector<Hit> hits;
    if (error.empty()) {
      ScreenOptions so;
      so.threshold = options_.threshold;
      so.limit = options_.top;
      auto screened = screener_.Screen(q, so);
      if (screened.ok()) {
        hits = std::move(*screened);
      } else {
        error = std::string(screened.status().message());
      }
    }
    r.error = error;
    r.hits = hits.size();
    if (options_.output == BatchOutput::kJsonl) {
      Json j;
      j["row"] = row.number;
      j["line"] = row.line;
      j["input"] = std::move(input);
      if (!error.empty()) {
        j["error"] = error;
      } else {
        Json arr = Json::array();
        for (const Hit& h : hits) arr.push_back(engine::HitToJson(h, options_.explain));
        j["hits"] = std::move(arr);
      }
      r.text = Dump(j);
      r.text += '\n';
    } else {
      r.text = CsvLine(row, input, hits, error);
    }
    return r;
  }

  // The CSV output header: row, line, the input columns, then the best hit.
  std::string CsvHeader() const {
    std::vector<std::string> cols = {"row", "line"};
    for (const std::string& h : InputColumns()) cols.push_back(h);
    for (const char* c : {"hit_count", "best_score", "best_source", "best_source_id", "best_name",
                          "best_matched_name", "best_kind", "best_programs", "error"}) {
      cols.push_back(c);
    }
    return JoinCsv(cols);
  }

 private:
  std::vector<std::string> InputColumns() const {
    if (!header_.empty()) return header_;
    return {"name", "kind", "dob", "country", "ids"};
  }

  static std::string CsvField(std::string_view s) {
    bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
    return out;
  }
  static std::string JoinCsv(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvField(fields[i]);
    }
    out += '\n';
    return out;
  }

  std::string CsvLine(const Row& row, const Json& input, const std::vector<Hit>& hits,
                      const std::string& error) const {
    std::vector<std::string> f = {std::to_string(row.number), std::to_string(row.line)};
    if (!header_.empty()) {
      for (size_t i = 0; i < header_.size(); ++i) {
        f.push_back(i < row.fields.size() ? row.fields[i] : "");
      }
    } else {
      for (const char* k : {"name", "kind", "dob", "country", "ids"}) {
        auto it = input.find(k);
        if (it == input.end()) {
          f.emplace_back();
        } else if (it->is_array()) {
          std::string joined;
          for (const Json& v : *it) joined += (joined.empty() ? "" : "; ") + JsonText(v);
          f.push_back(joined);
        } else {
          f.push_back(JsonText(*it));
        }
      }
    }
    f.push_back(std::to_string(hits.size()));
    if (hits.empty()) {
      for (int i = 0; i < 7; ++i) f.emplace_back();
    } else {
      const Hit& h = hits.front();
      char score[16];
      std::snprintf(score, sizeof score, "%.4f", h.score);
      f.emplace_back(score);
      f.emplace_back(ListSourceCode(h.entity->source));
      f.push_back(h.entity->source_id);
      f.push_back(h.entity->primary_name().full);
      f.push_back(h.matched->full);
      f.emplace_back(EntityKindName(h.entity->kind));
      std::string programs;
      for (const std::string& p : h.entity->programs)
        programs += (programs.empty() ? "" : "; ") + p;
      f.push_back(programs);
    }
    f.push_back(error);
    // Invalid UTF-8 is passed through as read: CSV has no encoding rules of its own.
    return JoinCsv(f);
  }

  // Fills the query and the echo of the input; returns an error message or "".
  std::string BuildQuery(const Row& row, Query* q, Json* input) const {
    std::string kind_text;
    if (!header_.empty()) {
      if (row.fields.size() > header_.size()) {
        return std::to_string(row.fields.size()) + " fields, but the header has " +
               std::to_string(header_.size());
      }
      for (size_t i = 0; i < header_.size(); ++i) {
        (*input)[header_[i]] = i < row.fields.size() ? row.fields[i] : "";
      }
      auto cell = [&](int col) -> std::string {
        return col >= 0 && static_cast<size_t>(col) < row.fields.size() ? row.fields[col] : "";
      };
      q->name = cell(cols_.name);
      kind_text = cell(cols_.kind);
      q->dob = cell(cols_.dob);
      q->country = cell(cols_.country);
      q->ids = SplitIds(cell(cols_.ids));
    } else {
      *input = row.object;
      const Json* name = FindKey(row.object, options_.name_col, kNameCols);
      if (name == nullptr || !name->is_string()) return "missing \"name\" (a string)";
      q->name = name->get<std::string>();
      if (const Json* v = FindKey(row.object, options_.kind_col, kKindCols))
        kind_text = JsonText(*v);
      if (const Json* v = FindKey(row.object, options_.dob_col, kDobCols)) q->dob = JsonText(*v);
      if (const Json* v = FindKey(row.object, options_.country_col, kCountryCols)) {
        q->country = JsonText(*v);
      }
      if (const Json* v = FindKey(row.object, options_.id_col, kIdCols)) {
        if (v->is_array()) {
          for (const Json& id : *v) {
            std::string s = JsonText(id);
            if (!s.empty()) q->ids.push_back(s);
          }
        } else {
          q->ids = SplitIds(JsonText(*v));
        }
      }
    }
    if (base::Trim(q->name).empty()) return "missing name";
    Status valid = ValidateName(q->name);
    if (!valid.ok()) return std::string(valid.message());
    auto kind = KindFromText(kind_text);
    if (!kind.ok()) return std::string(kind.status().message());
    q->kind = *kind;
    q->lists = options_.lists;
    return "";
  }

  const Screener& screener_;
  const BatchOptions& options_;
  const std::vector<std::string>& header_;
  const Columns& cols_;
};

// A fixed pool that screens chunks; the caller collects them in order.
class ChunkPool {
 public:
  ChunkPool(const Worker& worker, int threads) : worker_(worker) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
  }
  ~ChunkPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  void Submit(Chunk* chunk) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(chunk);
    }
    work_cv_.notify_one();
  }
  void Wait(Chunk* chunk) {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [chunk] { return chunk->done; });
  }

 private:
  void Loop() {
    for (;;) {
      Chunk* chunk = nullptr;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        chunk = queue_.front();
        queue_.pop_front();
      }
      chunk->results.clear();
      chunk->results.reserve(chunk->rows.size());
      for (const Row& row : chunk->rows) chunk->results.push_back(worker_.Screen(row));
      {
        std::lock_guard<std::mutex> lock(mu_);
        chunk->done = true;
      }
      done_cv_.notify_all();
    }
  }

  const Worker& worker_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Chunk*> queue_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

Result<BatchSummary> RunBatch(const Screener& screener, std::istream& in,
                              std::string_view input_name, std::ostream& out,
                              const BatchOptions& options, std::ostream* row_errors,
                              const std::function<void(const BatchProgress&)>& progress) {
  auto start = std::chrono::steady_clock::now();
  if (!(options.threshold >= 0 && options.threshold <= 1)) {
    return Status::InvalidArgument("threshold must be in [0, 1]");
  }
  if (options.top == 0) return Status::InvalidArgument("top must be at least 1");
  bool jsonl = options.input == BatchInput::kJsonl;
  if (options.input == BatchInput::kAuto) {
    int c = in.peek();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      in.get();
      c = in.peek();
    }
    jsonl = c == '{';
  }
  RowReader reader(in, input_name, jsonl);
  std::vector<std::string> header;
  Columns cols;
  if (!jsonl) {
    INTERDICT_ASSIGN_OR_RETURN(header, reader.Header());
    if (header.empty()) return Status::InvalidArgument(std::string(input_name) + ": empty header");
    struct {
      int* index;
      const std::string& chosen;
      const char* flag;
    } wanted[] = {{&cols.name, options.name_col, "--name-col"},
                  {&cols.kind, options.kind_col, "--kind-col"},
                  {&cols.dob, options.dob_col, "--dob-col"},
                  {&cols.country, options.country_col, "--country-col"},
                  {&cols.ids, options.id_col, "--id-col"}};
    cols.name = FindColumn(header, options.name_col, kNameCols);
    cols.kind = FindColumn(header, options.kind_col, kKindCols);
    cols.dob = FindColumn(header, options.dob_col, kDobCols);
    cols.country = FindColumn(header, options.country_col, kCountryCols);
    cols.ids = FindColumn(header, options.id_col, kIdCols);
    std::string columns;
    for (const std::string& h : header) columns += (columns.empty() ? "" : ", ") + h;
    for (const auto& w : wanted) {
      if (*w.index == -2) {
        return Status::InvalidArgument(std::string(input_name) + ": " + w.flag + " \"" + w.chosen +
                                       "\" is not a column (header: " + columns + ")");
      }
    }
    if (cols.name < 0) {
      return Status::InvalidArgument(std::string(input_name) +
                                     ": no name column (use --name-col; header: " + columns + ")");
    }
  }

  Worker worker(screener, options, header, cols);
  int threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  if (options.output == BatchOutput::kCsv) out << worker.CsvHeader();

  BatchProgress p;
  Status failure;
  {
    ChunkPool pool(worker, threads);
    std::deque<std::unique_ptr<Chunk>> in_flight;
    const size_t max_in_flight = static_cast<size_t>(threads) * 2 + 1;
    bool more = true;
    while (failure.ok() && (more || !in_flight.empty())) {
      while (more && in_flight.size() < max_in_flight) {
        auto chunk = std::make_unique<Chunk>();
        chunk->rows.reserve(options.chunk_rows);
        Row row;
        while (chunk->rows.size() < options.chunk_rows && (more = reader.Next(&row))) {
          chunk->rows.push_back(std::move(row));
          row = Row();
        }
        if (!reader.status().ok()) {
          more = false;
          failure = reader.status();
        }
        if (chunk->rows.empty()) break;
        pool.Submit(chunk.get());
        in_flight.push_back(std::move(chunk));
      }
      if (in_flight.empty()) break;
      Chunk* front = in_flight.front().get();
      pool.Wait(front);
      for (size_t i = 0; i < front->rows.size(); ++i) {
        const RowResult& r = front->results[i];
        if (!r.error.empty()) {
          std::string where = reader.Where(front->rows[i].line);
          if (options.strict) {
            if (failure.ok()) failure = Status::InvalidArgument(where + ": " + r.error);
            break;
          }
          ++p.errors;
          if (row_errors != nullptr) *row_errors << where << ": " << r.error << " (skipped)\n";
        }
        out << r.text;
        ++p.rows;
        p.hits += r.hits;
        if (r.hits > 0) ++p.rows_with_hits;
      }
      in_flight.pop_front();
      p.bytes_read = reader.bytes();
      if (progress) progress(p);
    }
    // Leaving the scope joins the pool; chunks still queued are finished and dropped.
    while (!in_flight.empty()) {
      pool.Wait(in_flight.front().get());
      in_flight.pop_front();
    }
  }
  out.flush();
  if (!failure.ok()) return failure;
  BatchSummary s;
  s.rows = p.rows;
  s.rows_with_hits = p.rows_with_hits;
  s.hits = p.hits;
  s.errors = p.errors;
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

}  // namespace interdict::service
