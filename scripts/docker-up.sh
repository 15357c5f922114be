#!/usr/bin/env bash
# Makes sure a Docker engine answers: installs Debian's docker.io when dockerd is missing and
# starts `dockerd --bridge=none --iptables=false` when no engine answers. A no-op otherwise.
set -euo pipefail

log() { echo "[docker-up] $*" >&2; }

if docker info >/dev/null 2>&1; then
  log "a Docker engine already answers"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  log "installing Debian's docker.io"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io >/dev/null
fi

# A daemon killed without cleanup leaves its pid file behind, and dockerd refuses to start on it.
pidfile=/var/run/docker.pid
if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  log "removing stale $pidfile"
  rm -f "$pidfile"
fi
# The same holds for containerd's socket when containerd died with the daemon.
if ! pgrep -x containerd >/dev/null 2>&1; then
  rm -f /run/containerd/containerd.sock
fi

logfile=${DOCKERD_LOG:-/var/log/fn4j-dockerd.log}
log "starting dockerd (log: $logfile)"
# Function containers run with --network none, so the engine needs no bridge and no iptables rules.
# Appended, not truncated: when an engine died, its last lines tell why.
echo "--- $(date -u +%FT%TZ) docker-up starts dockerd" >>"$logfile"
nohup dockerd --bridge=none --iptables=false >>"$logfile" 2>&1 &

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    log "engine ready: $(docker version --format '{{.Server.Version}}')"
    exit 0
  fi
  sleep 1
done
log "dockerd did not answer within 60s; last lines of $logfile:"
tail -n 30 "$logfile" >&2
exit 1
