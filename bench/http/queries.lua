-- wrk script for tools/bench_http.sh: cycles through generated query names.
--   wrk -s bench/http/queries.lua URL -- QUERIES.tsv search|screen
-- search: GET /v1/search?q=NAME   screen: POST /v1/screen {"name": NAME}
local names = {}
local i = 0
local mode = "search"

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function jsonstring(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

function init(args)
  for line in io.lines(args[1]) do
    local name = line:match("^([^\t]*)")
    if name and #name > 0 then names[#names + 1] = name end
  end
  mode = args[2] or "search"
  -- Each wrk thread starts at a different place in the list.
  i = math.random(#names)
end

function request()
  i = i % #names + 1
  if mode == "screen" then
    return wrk.format("POST", "/v1/screen", {["Content-Type"] = "application/json"},
                      '{"name":' .. jsonstring(names[i]) .. '}')
  end
  return wrk.format("GET", "/v1/search?q=" .. urlencode(names[i]))
end

function done(summary, latency, requests)
  io.write(string.format(
      "RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.3f p99_ms=%.3f connect_errors=%d " ..
      "read_errors=%d write_errors=%d timeouts=%d non2xx=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.connect,
      summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
