#!/usr/bin/env bash
# The benchmark suite (README "Benchmarks"): builds the services and the suite, starts the whole
# local stack on free loopback ports, measures everything in one run, prints a Markdown table and
# writes benchmarks/results/latest.{json,svg,md}. Takes about 10 minutes; not part of CI.
#   BENCH_SECONDS=10           seconds per wrk run
#   BENCH_EVENT_SECONDS=30     seconds of bookings at 20/s for the event latency
#   BENCH_SERVICE_JAVA_OPTS    JVM options of each service (default: the local stack's)
#   BENCH_INSERT_SECONDS=300   time cap for inserting the 100,000 synthetic appointments
#   BENCH_SKIP_BUILD=1         use what is already built
#   BENCH_PARTS=booking,scaling  only these of content,events,booking,scaling,footprint (a quick
#                              look while working: prints the rows, writes nothing, no floors)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)..."
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi

if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  ./mvnw -q -B -Dmaven.test.skip=true install
fi

JAVA="$(find_jdk_java)" || { echo "benchmarks: a JDK >= 21 is needed" >&2; exit 1; }
# This JVM also hosts the wire server, Kafka and SMTP: with 2 GB, 100,000 appointments, 10,000
# articles and the mails kept by the SMTP server left its heap nearly full, and G1 collected
# every second during the scaling rows (100-300 ms pauses, evacuation failures).
exec "$JAVA" -Xmx4g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  network.clinic.benchmarks.BenchmarkSuite "$PWD"
