-- wrk script of the ingestion benchmark. BENCH_MODE: single | vehicle_batch | gateway_batch | summary |
-- leaders | vehicle_page (the first page of a vehicle's stored reports, read with its own token).
-- Every vehicle's reading k is recorded at T0 + k * 20 ms with odometer k metres (180 km/h), and k
-- starts from the wall clock, so readings keep growing across runs. Each wrk thread drives its own
-- vehicles. The script sums what every answer says it credited, for the consistency check.

local mode = os.getenv("BENCH_MODE") or "single"
local t0 = tonumber(os.getenv("BENCH_T0"))
local run = os.getenv("BENCH_RUN") or "run"
local vehicles_file = os.getenv("BENCH_VEHICLES") or "target/bench/vehicles.txt"
local gateway_token = os.getenv("BENCH_GATEWAY_TOKEN") or ""

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

-- requests sent and not yet answered, by their first reportId: those still in flight when wrk stops
-- are written out, and bench/run sends them again to learn what they credited (a replay answers
-- DUPLICATE with the metres first credited)
outstanding = {}

local mine = {}
local next_vehicle = 1
local seq = 0

function init(args)
  local all = {}
  for line in io.lines(vehicles_file) do
    local vin, token = line:match("^(%S+)%s+(%S+)$")
    if vin then table.insert(all, { vin = vin, token = token }) end
  end
  local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
  for i, v in ipairs(all) do
    if (i - 1) % nthreads == tid then
      v.k = math.floor((os.time() - t0) * 50)
      table.insert(mine, v)
    end
  end
  credited = 0
  failures = 0
  rejected = 0
end

local function timestamp(k)
  local ms = k * 20
  local secs = t0 + math.floor(ms / 1000)
  return os.date("!%Y-%m-%dT%H:%M:%S", secs) .. string.format(".%03dZ", ms % 1000)
end

local function reading(v, with_vin)
  v.k = v.k + 1
  seq = seq + 1
  local vin = ""
  if with_vin then vin = '"vin":"' .. v.vin .. '",' end
  return '{' .. vin .. '"reportId":"' .. run .. '-' .. tid .. '-' .. seq .. '","type":"ODOMETER","recordedAt":"'
    .. timestamp(v.k) .. '","odometerKm":' .. string.format("%d.%03d", math.floor(v.k / 1000), v.k % 1000) .. '}'
end

local function next_of_mine()
  local v = mine[next_vehicle]
  next_vehicle = next_vehicle % #mine + 1
  return v
end

local function post(path, token, body)
  outstanding[body:match('"reportId":"([^"]+)"')] = path .. "\t" .. token .. "\t" .. body
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function request()
  if mode == "summary" then
    return wrk.format("GET", "/api/v1/fleet/summary")
  end
  if mode == "leaders" then
    return wrk.format("GET", "/api/v1/fleet/leaders")
  end
  if mode == "vehicle_page" then
    local v = next_of_mine()
    return wrk.format("GET", "/api/v1/vehicles/" .. v.vin .. "/reports?size=100", { ["Authorization"] = "Bearer " .. v.token })
  end
  if mode == "single" then
    local v = next_of_mine()
    return post("/api/v1/vehicles/" .. v.vin .. "/reports", v.token, reading(v, false))
  end
  if mode == "vehicle_batch" then
    local v = next_of_mine()
    local items = {}
    for i = 1, 100 do items[i] = reading(v, false) end
    return post("/api/v1/vehicles/" .. v.vin .. "/reports/batch", v.token, "[" .. table.concat(items, ",") .. "]")
  end
  -- gateway_batch: 1,000 reports, 100 of each of 10 vehicles
  local items = {}
  for n = 1, 10 do
    local v = next_of_mine()
    for i = 1, 100 do table.insert(items, reading(v, true)) end
  end
  return post("/api/v1/reports/batch", gateway_token, "[" .. table.concat(items, ",") .. "]")
end

function response(status, headers, body)
  local first = body:match('"reportId":"([^"]+)"')
  if first then outstanding[first] = nil end
  if status ~= 200 and status ~= 201 then
    if failures == 0 then io.stderr:write("first failure: " .. status .. " " .. body:sub(1, 300) .. "\n") end
    failures = failures + 1
    return
  end
  if mode == "summary" or mode == "leaders" or mode == "vehicle_page" then return end
  for km in body:gmatch('"creditedKm":(%d+%.?%d*)') do
    credited = credited + math.floor(tonumber(km) * 1000 + 0.5)
  end
  for _ in body:gmatch('"status":"REJECTED"') do rejected = rejected + 1 end
end

function done(summary, latency, requests)
  local total_credited, total_failures, total_rejected = 0, 0, 0
  local inflight = io.open(os.getenv("BENCH_INFLIGHT") or "target/bench/inflight.tsv", "w")
  for _, t in ipairs(threads) do
    for _, line in pairs(t:get("outstanding")) do inflight:write(line, "\n") end
    total_credited = total_credited + t:get("credited")
    total_failures = total_failures + t:get("failures")
    total_rejected = total_rejected + t:get("rejected")
  end
  inflight:close()
  local per_request = ({ single = 1, vehicle_batch = 100, gateway_batch = 1000 })[mode] or 1
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + total_failures
  io.write(string.format("RESULT mode=%s requests_per_s=%.0f reports_per_s=%.0f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f errors=%d rejected=%d credited_m=%d\n",
    mode, summary.requests / seconds, summary.requests * per_request / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    errors, total_rejected, total_credited))
end
