#!/usr/bin/env bash
# Makes sure Debian's docker-registry is installed, for the plugin's RegistryPushIT, which starts
# its own registry on a loopback port with storage in a temporary folder. Installs it without
# starting Debian's registry service (nothing listens on port 5000 afterwards); a no-op when it is
# there.
set -euo pipefail

log() { echo "[registry-up] $*" >&2; }

if command -v docker-registry >/dev/null 2>&1; then
  log "docker-registry is installed"
  exit 0
fi

log "installing Debian's docker-registry"
# A policy-rc.d that refuses keeps the package from starting its service.
made_policy=
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  made_policy=yes
fi
trap '[ -z "$made_policy" ] || rm -f /usr/sbin/policy-rc.d' EXIT
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq docker-registry >/dev/null
log "installed $(docker-registry --version 2>&1 | head -1)"
