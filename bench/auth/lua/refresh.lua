-- POST /api/v1/auth/refresh with every refresh token used exactly once, as rotation demands.
--
-- BENCH_REFRESH_TOKENS names a file of refresh tokens, one per line, each of its own login
-- session. wrk thread i of n takes lines i, i+n, i+2n, ... into a pool of its own. A request takes
-- a token from the pool; its response puts the successor token back. A connection sends its next
-- request only after the previous response was handled, so with more tokens than connections the
-- pool is never empty, and every token is presented once. A token that cannot be continued
-- (any non-200) drops out; wrk reports it as a non-2xx response.

local thread_count = 0

function setup(thread)
   thread:set("thread_index", thread_count)
   thread_count = thread_count + 1
end

function init(args)
   pool = {}
   local total = tonumber(os.getenv("BENCH_THREADS"))
   local line_number = 0
   for line in io.lines(os.getenv("BENCH_REFRESH_TOKENS")) do
      if line ~= "" then
         if line_number % total == thread_index then
            pool[#pool + 1] = line
         end
         line_number = line_number + 1
      end
   end
end

function request()
   -- An empty pool would mean more connections than tokens: the request is sent with no usable
   -- token, answered 401 and counted as non-2xx, so the run is seen to be invalid.
   local token = table.remove(pool) or "pool-exhausted"
   return wrk.format("POST", "/api/v1/auth/refresh", { ["Content-Type"] = "application/json" },
      '{"refreshToken":"' .. token .. '"}')
end

function response(status, headers, body)
   if status == 200 then
      local successor = body:match('"refreshToken"%s*:%s*"([^"]+)"')
      if successor then
         pool[#pool + 1] = successor
      end
   end
end
