-- benchmarks/query_plans.py's requests, with wrk's -s: each request is a shape (a path template, the
-- role asking, a weight) with its {placeholders} filled from pools of real values, so that every call
-- differs from the last. The shapes and pools come from $QP_SHAPES, lines of tab-separated fields:
--   shape <role> <weight> <template>      e.g. shape  admin  0.4  /api/v1/content?kind={kind}&limit={limit}
--   pool  <name> <value>                  one line per value; {name} picks one at random
-- QP_MODE=warm-up sends each shape once, in order (run it with -t1 -c1: a failing answer is then
-- named by its path); otherwise shapes are drawn by weight. Each thread stops after its quota of
-- answers ($QP_QUOTAS, one number per thread: wrk itself has no request count) and says so. Tokens:
-- $QP_ADMIN_TOKEN, $QP_OPERATOR_TOKEN. At the end it prints one line the benchmark reads:
--   query_plans: answers=<n> non2xx=<n> statuses=<status>:<n>,... failed=<paths, warm-up only>
local shapes, pools = {}, {}
for line in io.lines(os.getenv("QP_SHAPES")) do
  local kind, a, b, c = line:match("^(%a+)\t([^\t]*)\t([^\t]*)\t?(.*)$")
  if kind == "shape" then
    shapes[#shapes + 1] = { role = a, weight = tonumber(b), template = c }
  elseif kind == "pool" then
    pools[a] = pools[a] or {}
    table.insert(pools[a], b)
  end
end
local cumulative, total_weight = {}, 0
for i, shape in ipairs(shapes) do
  total_weight = total_weight + shape.weight
  cumulative[i] = total_weight
end
local warm_up = os.getenv("QP_MODE") == "warm-up"
local authorization = {
  admin = "Bearer " .. (os.getenv("QP_ADMIN_TOKEN") or ""),
  operator = "Bearer " .. (os.getenv("QP_OPERATOR_TOKEN") or ""),
}

local threads = {}
local quotas = {}
for quota in (os.getenv("QP_QUOTAS") or ""):gmatch("%d+") do
  quotas[#quotas + 1] = tonumber(quota)
end

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("number", #threads)
  thread:set("quota", quotas[#threads] or quotas[#quotas])
end

-- globals, not locals: done() reads each thread's with thread:get
answers, failures, statuses, failed = 0, 0, {}, {}
local sent, next_shape = {}, 0

function init(args)
  math.randomseed(os.time() * 1000 + number)
end

local function fill(template)
  return (template:gsub("{([%w_%-]+)}", function(name)
    local pool = pools[name]
    if pool == nil then
      error("no pool for {" .. name .. "} in " .. template)
    end
    return pool[math.random(#pool)]
  end))
end

local function pick()
  if warm_up then
    next_shape = next_shape % #shapes + 1
    return shapes[next_shape]
  end
  local r = math.random() * total_weight
  -- binary search of the cumulative weights: thousands of shapes
  local low, high = 1, #cumulative
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < r then low = middle + 1 else high = middle end
  end
  return shapes[low]
end

function request()
  local shape = pick()
  local path = fill(shape.template)
  if warm_up then
    sent[#sent + 1] = path  -- one connection: answers come back in this order
  end
  return wrk.format("GET", path, { Authorization = authorization[shape.role] })
end

function response(status, headers, body)
  answers = answers + 1
  statuses[status] = (statuses[status] or 0) + 1
  if status < 200 or status > 299 then
    failures = failures + 1
    if warm_up and #failed < 20 then
      failed[#failed + 1] = status .. " " .. tostring(sent[answers])
    end
  end
  if answers == quota then
    -- wrk's main thread sleeps out -d whatever its threads do: the benchmark interrupts it (SIGINT,
    -- which ends the run as usual) once every thread has said this
    io.write("query_plans: thread done\n")
    io.flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local total_answers, total_failures, all_statuses, all_failed = 0, 0, {}, {}
  for _, thread in ipairs(threads) do
    total_answers = total_answers + thread:get("answers")
    total_failures = total_failures + thread:get("failures")
    for status, n in pairs(thread:get("statuses")) do
      all_statuses[status] = (all_statuses[status] or 0) + n
    end
    for _, path in ipairs(thread:get("failed")) do
      all_failed[#all_failed + 1] = path
    end
  end
  local parts = {}
  for status, n in pairs(all_statuses) do
    parts[#parts + 1] = status .. ":" .. n
  end
  io.write(string.format("query_plans: answers=%d non2xx=%d statuses=%s failed=%s\n", total_answers, total_failures,
    table.concat(parts, ","), table.concat(all_failed, " | ")))
end
