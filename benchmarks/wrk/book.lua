-- POST /api/v1/appointments with a new slot and a new patient email on every request, so no
-- booking conflicts with another: index = base + counter * threads + thread id; the index picks
-- the practitioner (index mod P) and the hour (index div P) after SLOT_EPOCH (UTC, clinic on UTC).
dofile(os.getenv("WRK_SCRIPTS") .. "/report.lua")
dofile(os.getenv("WRK_SCRIPTS") .. "/threads.lua")

local base = tonumber(os.getenv("SLOT_BASE"))
local epoch = tonumber(os.getenv("SLOT_EPOCH"))
local practitioners = tonumber(os.getenv("PRACTITIONERS"))
local clinic = os.getenv("CLINIC_ID")
local treatment = os.getenv("TREATMENT_ID")
local run = os.getenv("RUN_ID")
local thread_count = tonumber(os.getenv("WRK_THREAD_COUNT"))

counter = 0

request = function()
  local index = base + counter * thread_count + tid
  counter = counter + 1
  local practitioner = index % practitioners
  local hour = math.floor(index / practitioners)
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", epoch + hour * 3600)
  local body = string.format(
    '{"clinicId":"%s","practitionerId":"bench-p-%d","treatmentId":"%s","start":"%s",' ..
    '"patient":{"name":"Bench Patient","email":"bench-%s-%d@example.com","consent":{"email":false,"sms":false}}}',
    clinic, practitioner, treatment, start, run, index)
  return wrk.format("POST", "/api/v1/appointments", {["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  local highest = 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counter")
    if c > highest then highest = c end
  end
  -- The next run starts after every index this one may have used.
  io.write(string.format("WRK_NEXT_BASE %d\n", base + (highest + 1) * thread_count))
  report(summary, latency)
end
