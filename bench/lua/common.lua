-- Shared by every scenario: the credential header from the environment, a
-- per-thread counter for unique values, and a JSON summary written by done().
-- BENCH_HEADER / BENCH_KEY: the credential; BENCH_TOKEN: a bearer token sent beside it
-- (the pharmacy API's, obtained once before the run); BENCH_TAG: makes this run's values
-- unique; BENCH_OUT: where done() writes its JSON.
local M = {}

M.tag = os.getenv("BENCH_TAG") or tostring(os.time())
wrk.headers[os.getenv("BENCH_HEADER") or "Authorization"] = os.getenv("BENCH_KEY")
wrk.headers["Content-Type"] = "application/json"
if os.getenv("BENCH_TOKEN") then wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") end

local threads = {}

function M.setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

-- A value no other request of any run has used: run tag, thread, counter.
local counter = 0
function M.unique()
  counter = counter + 1
  return string.format("%s-%d-%d", M.tag, thread_id or 0, counter)
end

-- A request with its own Idempotency-Key: headers given to wrk.format replace
-- wrk.headers, so the credential and content type are passed along with it.
function M.idempotent(key, body)
  local headers = {["Idempotency-Key"] = "bench-" .. key}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format(nil, nil, headers, body)
end

function M.done(summary, latency, requests)
  local e = summary.errors
  local out = io.open(os.getenv("BENCH_OUT"), "w")
  out:write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
  out:close()
end

return M
