-- With wrk's -s: when the run ends, appends its latency distribution to $WRK_LATENCY_FILE (whose
-- header benchmarks/figures.py wrote) as "<percentile> <milliseconds>" lines, the percentiles of
-- figures.py's PERCENTILES; without the variable it does nothing, so wrk prints as it always does.
function done(summary, latency, requests)
  local path = os.getenv("WRK_LATENCY_FILE")
  if path == nil or path == "" then
    return
  end
  local percentiles = {}
  for p = 1, 99 do
    percentiles[#percentiles + 1] = p
  end
  percentiles[#percentiles + 1] = 99.9
  percentiles[#percentiles + 1] = 99.99
  local out = io.open(path, "a")
  for _, p in ipairs(percentiles) do
    -- wrk keeps latencies in microseconds
    out:write(string.format("%g %.3f\n", p, latency:percentile(p) / 1000))
  end
  out:close()
end
