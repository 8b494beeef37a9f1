-- Numbers wrk's threads 0, 1, ... (tid in each thread), so a script can give each thread its own
-- share of the work; `threads` keeps them for done().
threads = {}

setup = function(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
