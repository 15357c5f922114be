#!/usr/bin/env bash
# Makes sure Debian's chromium and chromedriver are installed, for the runtime's DashboardIT,
# which drives the dashboard in headless chromium through Selenium and is skipped without them.
# The browser comes from Debian, never from a download; a no-op when both are there.
set -euo pipefail

log() { echo "[chromium-up] $*" >&2; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  log "chromium and chromedriver are installed"
  exit 0
fi

log "installing Debian's chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
log "installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
