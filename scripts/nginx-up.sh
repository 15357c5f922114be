#!/usr/bin/env bash
# Makes sure Debian's nginx is installed, for the runtime's ExchangeIT, which starts its own nginx
# on a loopback port in front of the test runtime (a reverse proxy that pools keep-alive
# connections) and is skipped when nginx is missing. Installs nginx-light without starting
# Debian's nginx service (nothing listens on port 80 afterwards); a no-op when nginx is there.
set -euo pipefail

log() { echo "[nginx-up] $*" >&2; }

if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  log "nginx is installed"
  exit 0
fi

log "installing Debian's nginx-light"
# A policy-rc.d that refuses keeps the package from starting its service on port 80.
made_policy=
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  made_policy=yes
fi
trap '[ -z "$made_policy" ] || rm -f /usr/sbin/policy-rc.d' EXIT
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq nginx-light >/dev/null
log "installed $(/usr/sbin/nginx -v 2>&1)"
