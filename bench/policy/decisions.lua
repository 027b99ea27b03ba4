-- wrk script: POSTs the request bodies of a file (one JSON document per line) in turn.
-- Environment: BENCH_TOKEN (bearer token), BENCH_BODIES (the file), BENCH_PATH (request path).
local requests = {}
local next_index = 1

function init(args)
    local headers = {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
    }
    local path = os.getenv("BENCH_PATH")
    for line in io.lines(os.getenv("BENCH_BODIES")) do
        requests[#requests + 1] = wrk.format("POST", path, headers, line)
    end
    -- Threads start at different questions.
    next_index = math.random(#requests)
end

function request()
    local r = requests[next_index]
    next_index = next_index % #requests + 1
    return r
end
