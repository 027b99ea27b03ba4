-- wrk script: POSTs the search bodies of a file (one JSON object per line) in rotation.
--   wrk -s search-load.lua <base url> -- <search path> <bodies file> <bearer token>
local bodies = {}
local next_body = 1

function init(args)
  path, token = args[1], args[3]
  for line in io.lines(args[2]) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  -- Each thread starts elsewhere in the file so that threads do not repeat each other.
  next_body = (id or 0) * 97 % #bodies + 1
end

function setup(thread)
  thread:set("id", setup_count or 0)
  setup_count = (setup_count or 0) + 1
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "WRK_RESULT {\"requests\": %d, \"seconds\": %.3f, \"p50\": %.3f, \"p90\": %.3f, \"p99\": %.3f, \"max\": %.3f, " ..
    "\"non2xx\": %d, \"socketErrors\": %d}\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
