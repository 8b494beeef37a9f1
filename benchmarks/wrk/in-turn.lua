-- GET <URL path><PATH_PREFIX><i> for i = 0 .. PATH_COUNT-1 in turn, so successive requests ask for
-- different resources (a cache holding fewer than PATH_COUNT of them mostly misses). Thread t of T
-- asks for t, t+T, t+2T, ... so the threads do not move in step.
dofile(os.getenv("WRK_SCRIPTS") .. "/report.lua")
dofile(os.getenv("WRK_SCRIPTS") .. "/threads.lua")

local prefix = os.getenv("PATH_PREFIX")
local count = tonumber(os.getenv("PATH_COUNT"))
local thread_count = tonumber(os.getenv("WRK_THREAD_COUNT"))

counter = 0

request = function()
  local index = (counter * thread_count + tid) % count
  counter = counter + 1
  return wrk.format("GET", wrk.path .. prefix .. index)
end

done = function(summary, latency, requests)
  report(summary, latency)
end
