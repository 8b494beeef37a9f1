-- Shared by the wrk scripts: prints one line the suite parses (latencies in microseconds).
function report(summary, latency)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT {\"requests\":%d,\"durationMicros\":%d,\"non2xx3xx\":%d,\"socketErrors\":%d," ..
    "\"p50\":%d,\"p95\":%d,\"p99\":%d,\"max\":%d}\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
