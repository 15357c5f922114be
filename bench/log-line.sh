#!/usr/bin/env bash
# What one log line per call costs: the archetype's greeter, which logs "Greeting <name>" on every
# call, against the same greeter without that line, side by side on the runtime that
# scripts/demo.sh started, with wrk at 64 connections, alternating. Both are deployed with the host
# in the local Maven repository (the one `mvn install` last built), so running this before and
# after a change of the host compares the two hosts (docs/benchmarks.md, "A log line per call").
#
# Usage: bench/log-line.sh [rounds]   (default 3; each round is 10 s per function after a 10 s warm-up)
# Environment: FN4J_PORT (default 8080), FN4J_DEMO_DIR (default /tmp/fn4j-demo), FN4J_BASE_IMAGE.
set -euo pipefail
rounds=${1:-3}
port=${FN4J_PORT:-8080}
demo=${FN4J_DEMO_DIR:-/tmp/fn4j-demo}
url="http://127.0.0.1:$port"
base_image=${FN4J_BASE_IMAGE:-fn4j/jre-base:17}
work=$(mktemp -d /tmp/fn4j-log-line.XXXXXX)
trap 'rm -rf "$work"' EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
curl -fsS -o /dev/null "$url/healthz" || { echo "no runtime at $url: run scripts/demo.sh first"; exit 1; }
[ -d "$demo/hello" ] || { echo "no greeter project at $demo/hello: run scripts/demo.sh first"; exit 1; }
export FN4J_API_KEY=${FN4J_API_KEY:-$(head -n 1 "$demo/data/admin-key")}

# Two copies of the greeter: as generated, and with its logger line removed.
cp -r "$demo/hello" "$work/logs"
rm -rf "$work/logs/target" "$work/logs/src/test"
cp -r "$work/logs" "$work/quiet"
sed -i '/context.logger().info/d' "$work/quiet/src/main/java/com/example/Hello.java"
grep -q 'context.logger' "$work/logs/src/main/java/com/example/Hello.java" \
  || { echo "the greeter in $demo/hello no longer logs; nothing to compare"; exit 1; }

cat >"$work/call.lua" <<EOF
wrk.method = "POST"
wrk.body = '{"name":"Grace"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $FN4J_API_KEY"
EOF

for variant in logs quiet; do
  (cd "$work/$variant" && mvn -B -ntp -Dstyle.color=never fn:deploy -Dfn.url="$url" \
    -Dfn.name="greet-$variant" -Dfn.baseImage="docker://$base_image" >"$work/deploy-$variant.log" 2>&1) \
    || { cat "$work/deploy-$variant.log"; exit 1; }
  wrk -t1 -c64 -d10s -s "$work/call.lua" "$url/fn/greet-$variant" >/dev/null
done

rate() { wrk -t1 -c64 -d10s --latency -s "$work/call.lua" "$url/fn/greet-$1" \
  | awk '/Requests\/sec/{r=int($2)} /^ +50%/{p50=$2} /^ +99%/{p99=$2} /Non-2xx/{bad=$NF}
         END{printf "%d calls/s, p50 %s, p99 %s%s", r, p50, p99, bad ? ", non-2xx " bad : ""}'; }

echo "| round | greeter, a log line per call | greeter, no log line |"
echo "| ---: | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
  echo "| $round | $(rate logs) | $(rate quiet) |"
done

for variant in logs quiet; do
  curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $FN4J_API_KEY" "$url/v1/functions/greet-$variant"
done
