#!/usr/bin/env bash
# Runs the whole Clinic Network on this machine: a Kafka broker, a MongoDB-wire server, an SMTP
# server and the three services, each in its own JVM. Builds first when the sources changed.
# Ctrl-C (or SIGTERM to this process) stops everything. Settings: see README "Configuration".
set -euo pipefail
cd "$(dirname "$0")"

# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh

JAVA="$(find_jdk_java)" || {
  echo "run-local.sh: no Java 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install a JDK >= 21." >&2
  exit 1
}

launcher=local-stack/target/local-stack-exec.jar
stale() {
  [[ ! -f "$launcher" ]] && return 0
  for jar in booking-service notification-service content-service; do
    [[ -f "$jar/target/$jar.jar" ]] || return 0
  done
  [[ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$launcher" -type f -print -quit)" ]]
}

if stale; then
  echo "Building (first start, or sources changed)..."
  build_started=$SECONDS
  JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -q -B -Dmaven.test.skip=true package
  echo "Built in $((SECONDS - build_started)) s."
fi

# Services start from a JDK AOT cache, trained on the first start after each build (JDK 25+).
export SERVICE_AOT_CACHE="${SERVICE_AOT_CACHE:-on}"
exec "$JAVA" -jar "$launcher"
