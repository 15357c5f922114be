#!/usr/bin/env bash
# The newcomer's main job, from nothing: builds fn4j, starts the runtime, generates a function
# project from the archetype, deploys it with `mvn fn:deploy`, and invokes it with `mvn fn:invoke`
# and over HTTP. The runtime keeps running afterwards; `scripts/demo.sh stop` stops it.
# Every call carries the runtime's API key: FN4J_API_KEY, else FN4J_ADMIN_KEY (the runtime adopts it
# as its admin key), else the admin key the runtime wrote to $FN4J_DEMO_DIR/data/admin-key at its
# first start on that data directory. The key itself is never printed.
#
# Environment: FN4J_PORT (default 8080), FN4J_DEMO_DIR (default /tmp/fn4j-demo), FN4J_API_KEY,
# FN4J_ADMIN_KEY.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${FN4J_PORT:-8080}
demo=${FN4J_DEMO_DIR:-/tmp/fn4j-demo}
url="http://127.0.0.1:$port"
pidfile="$demo/runtime.pid"
key_file="$demo/data/admin-key"
base_image=${FN4J_BASE_IMAGE:-fn4j/jre-base:17}

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
healthy() { curl -fsS -o /dev/null "$url/healthz" 2>/dev/null; }
# The runtime prints a key it generates to its log once; blank it out of anything shown.
redact() { sed -E 's/fn4j_[0-9a-f]{12}_[A-Za-z0-9_-]{43}/****/g'; }

if [ "${1:-}" = stop ]; then
  if [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; then
    echo "stopping the runtime (it removes its containers first)"
    while kill -0 "$(cat "$pidfile")" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$pidfile"
  exit 0
fi

command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

say "Docker engine and the local JRE base image (no registry needed)"
bash "$root/scripts/docker-up.sh"
bash "$root/scripts/base-image.sh" "$base_image"
bash "$root/scripts/polyglot-images.sh"

say "Building fn4j (mvn install, tests skipped: scripts/test.sh runs them)"
(cd "$root" && mvn -B -ntp -Dstyle.color=never -q install -DskipTests)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)

mkdir -p "$demo"
if healthy; then
  say "A runtime already answers at $url; using it"
else
  say "Starting the runtime at $url (log: $demo/runtime.log)"
  # From a copy: scripts/test.sh rebuilds runtime/target, and a jar replaced under a running JVM
  # fails its next class loads.
  cp "$root/runtime/target/fn4j-runtime.jar" "$demo/fn4j-runtime.jar"
  # A bounded heap that an idle runtime gives back (docs/benchmarks.md, Memory). Uploaded source
  # builds on the local base image, since no registry is reachable here. The control plane's threads
  # run ahead of calls (docs/api.md, "The control port").
  nohup java -Xms64m -Xmx512m -XX:G1PeriodicGCInterval=15000 -XX:ThreadPriorityPolicy=1 \
    -jar "$demo/fn4j-runtime.jar" --port "$port" \
    --data-dir "$demo/data" --source-base-image docker://fn4j/jre-base:17 >"$demo/runtime.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 100); do healthy && break; sleep 0.2; done
  healthy || { echo "the runtime did not start:"; tail -20 "$demo/runtime.log" | redact; exit 1; }
fi

if [ -n "${FN4J_API_KEY:-}" ]; then
  key_place="the key in FN4J_API_KEY"
elif [ -n "${FN4J_ADMIN_KEY:-}" ]; then
  FN4J_API_KEY=$FN4J_ADMIN_KEY
  key_place="the admin key in FN4J_ADMIN_KEY"
else
  # Written at the runtime's first start on this data directory only; it persists across runs.
  for _ in $(seq 1 50); do [ -s "$key_file" ] && break; sleep 0.2; done
  if [ ! -s "$key_file" ]; then
    echo "no API key: FN4J_API_KEY and FN4J_ADMIN_KEY are unset and $key_file does not exist."
    echo "Set FN4J_API_KEY to the runtime's key, or run scripts/demo.sh stop, remove $demo/data"
    echo "(its functions and history go with it) and run again."
    exit 1
  fi
  FN4J_API_KEY=$(head -n 1 "$key_file")
  key_place="the admin key in $key_file"
fi
export FN4J_API_KEY
echo "calling the runtime with $key_place (mvn reads it from FN4J_API_KEY, curl sends it as Authorization: Bearer)"

say "Generating a function project from the archetype"
rm -rf "$demo/hello"
(cd "$demo" && mvn -B -ntp -Dstyle.color=never -q archetype:generate -DarchetypeGroupId=dev.fn4j \
  -DarchetypeArtifactId=fn4j-archetype -DarchetypeVersion="$version" \
  -DgroupId=com.example -DartifactId=hello -DinteractiveMode=false)
echo "generated $demo/hello:"; (cd "$demo/hello" && find . -type f -not -path './target/*' | sort)

cd "$demo/hello"
say "mvn fn:deploy"
mvn -B -ntp -Dstyle.color=never fn:deploy -Dfn.url="$url" -Dfn.baseImage="docker://$base_image" \
  | grep -E '^\[INFO\] (Deployed|Built|Image|Uploaded|Total|BUILD)|fn4j' || true

say "mvn fn:invoke -Dfn.data='{\"name\":\"Ada\"}'"
mvn -B -ntp -Dstyle.color=never -q fn:invoke -Dfn.url="$url" -Dfn.data='{"name":"Ada"}'
echo

say "curl -X POST -H \"Authorization: Bearer \$FN4J_API_KEY\" $url/fn/hello -d '{\"name\":\"Grace\"}'"
curl -sS -i -X POST -H "Authorization: Bearer $FN4J_API_KEY" -H 'Content-Type: application/json' \
  -d '{"name":"Grace"}' "$url/fn/hello" | grep -iE '^(HTTP|fn-|content-type)|^\{'
echo

say "Done. The runtime keeps running at $url; call it with $key_place. Stop it with: scripts/demo.sh stop"
