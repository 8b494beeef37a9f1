package network.clinic.benchmarks;

/**
 * One row of the results: a throughput (requests or bookings per second, 0 when not measured)
 * and latency percentiles in milliseconds.
 */
record Measurement(
    String section, String name, int concurrency, long count, double perSecond,
    double p50Ms, double p95Ms, double p99Ms, double maxMs, long errors) {}
