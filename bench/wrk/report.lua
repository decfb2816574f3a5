-- Shared by the benchmark scripts: count responses whose status is not the expected one in
-- each thread, and print one JSON line at the end for bench/run.sh.
local threads = {}
expected = expected or 200

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status ~= expected then
    unexpected = (unexpected or 0) + 1
    if status == 429 then limited = (limited or 0) + 1 end
  end
end

function done(summary, latency, requests)
  local bad, throttled = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("unexpected") or 0)
    throttled = throttled + (thread:get("limited") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, ' ..
    '"p99_ms": %.3f, "max_ms": %.3f, "unexpected": %d, "limited": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, throttled,
    e.connect + e.read + e.write + e.timeout))
end
