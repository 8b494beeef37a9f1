# Sourced by run-local.sh and .ci/run: prints the path of a `java` from a JDK >= 21.
# `java` on PATH may be older (the build itself finds its JDK through Maven toolchains).

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_jdk_java() {
  local candidate major
  for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" \
      /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*jdk*/bin/java \
      "$HOME"/.sdkman/candidates/java/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"
    if [[ -n "$major" && "$major" -ge 21 ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
