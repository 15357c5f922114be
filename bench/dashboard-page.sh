#!/usr/bin/env bash
# Page weight and time to first render of the dashboard's functions page against a runtime with
# 50 functions (one image, deployed 50 times), in Debian's headless chromium: cold cache beside
# warm cache, medians of 7 fresh browsers. Prints a Markdown table for docs/benchmarks.md.
# Needs Docker, the local base image (scripts/base-image.sh) and chromium + chromedriver
# (scripts/chromium-up.sh). Builds the runtime's test classes first.
set -euo pipefail
cd "$(dirname "$0")/.."
# package: the test classes, and target/it-host/fn4j-host.jar that the test image embeds.
mvn -B -ntp -q -o -pl runtime -am package -DskipTests -Dinvoker.skip=true -Dspotless.check.skip=true >/dev/null
mvn -B -ntp -q -o -pl runtime dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/runtime/target/bench-classpath.txt" >/dev/null
cd runtime
SE_OFFLINE=true exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    -Dfn4j.test.hostJar=target/it-host/fn4j-host.jar "$@" dev.fn4j.runtime.it.DashboardPageBench
