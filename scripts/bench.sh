#!/usr/bin/env bash
# Runs the fn4j benchmark harness (bench/) against a real runtime and real Docker, and writes its
# Markdown report. Not a test: it measures and asserts nothing. See docs/benchmarks.md.
#
#   scripts/bench.sh [bench options...]      e.g. scripts/bench.sh --client raw --duration 30
#
# Environment: SKIP_BUILD=1 reuses the jars already built; OUT=file sets the report file
# (default bench/target/bench-results.md); FN4J_BASE_IMAGE sets the local base image.
# Takes about 4 minutes with the defaults; the machine should be otherwise idle.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log() { echo "[bench.sh] $*" >&2; }

base=${FN4J_BASE_IMAGE:-fn4j/jre-base:17}
out=${OUT:-bench/target/bench-results.md}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building api, protocol, host, image, runtime and bench (tests skipped)"
  mvn -B -q -DskipTests package -pl api,protocol,spec,host,image,runtime,bench -am
fi
for f in runtime/target/fn4j-runtime.jar bench/target/fn4j-bench.jar \
         bench/target/bench-host/fn4j-host.jar; do
  [ -f "$f" ] || { log "missing $f; run without SKIP_BUILD=1"; exit 1; }
done

scripts/docker-up.sh
scripts/base-image.sh "$base"

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
command="scripts/bench.sh${*:+ $*}"
log "running: $java -jar bench/target/fn4j-bench.jar $*"
"$java" -jar bench/target/fn4j-bench.jar \
  --base-image "docker://$base" \
  --runtime-jar runtime/target/fn4j-runtime.jar \
  --host-jar bench/target/bench-host/fn4j-host.jar \
  --out "$out" \
  --command "$command" \
  "$@"

left=$(docker ps -aq --filter label=dev.fn4j.bench-run)
if [ -n "$left" ]; then
  log "warning: bench containers left: $left"
fi
log "report: $out"
