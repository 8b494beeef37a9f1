-- A fixed GET (URL and headers from the command line); only the report is scripted.
dofile(os.getenv("WRK_SCRIPTS") .. "/report.lua")

done = function(summary, latency, requests)
  report(summary, latency)
end
