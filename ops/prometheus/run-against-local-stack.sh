#!/usr/bin/env bash
# Starts a real Prometheus against a running ./run-local.sh stack, with the repository's alert
# rules, so the metrics, alerts and dashboard queries can be tried without Docker:
#   ./run-local.sh                              # in one terminal
#   ops/prometheus/run-against-local-stack.sh   # in another; then open http://localhost:9090
# Needs the `prometheus` binary (Debian/Ubuntu: apt-get install prometheus). Ctrl-C stops it.
# Settings (environment): BOOKING_PORT, NOTIFICATION_PORT, CONTENT_PORT (as for run-local.sh,
# default 8081-8083), PROMETHEUS_PORT (9090), SCRAPE_INTERVAL (15s), PROMETHEUS_DATA (config
# and time series; default .local-stack/prometheus). MetricDriftTests runs this script too.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

if ! command -v prometheus > /dev/null; then
  echo "run-against-local-stack.sh: no prometheus binary on PATH; install it: apt-get install prometheus" >&2
  exit 1
fi

data="${PROMETHEUS_DATA:-$root/.local-stack/prometheus}"
interval="${SCRAPE_INTERVAL:-15s}"
mkdir -p "$data"

# Same job and labels as ops/prometheus/prometheus.yml (compose), with local host ports instead
# of compose service names, so dashboards and alerts work unchanged.
cat > "$data/prometheus.yml" <<EOF
global:
  scrape_interval: $interval
  evaluation_interval: $interval
rule_files:
  - $root/ops/prometheus/alerts.yml
scrape_configs:
  - job_name: clinic-services
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ["localhost:${BOOKING_PORT:-8081}"]
        labels:
          service: booking-service
      - targets: ["localhost:${NOTIFICATION_PORT:-8082}"]
        labels:
          service: notification-service
      - targets: ["localhost:${CONTENT_PORT:-8083}"]
        labels:
          service: content-service
EOF

echo "Prometheus on http://localhost:${PROMETHEUS_PORT:-9090} (config: $data/prometheus.yml)"
exec prometheus \
  --config.file="$data/prometheus.yml" \
  --storage.tsdb.path="$data/tsdb" \
  --web.listen-address="127.0.0.1:${PROMETHEUS_PORT:-9090}" \
  --web.enable-lifecycle
