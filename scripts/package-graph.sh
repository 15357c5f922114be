#!/usr/bin/env bash
# Prints which runtime packages each runtime package imports (main code only), one line a
# package: `http -> auth call error`. Used to review the architecture; the runtime's
# PackageDependenciesTest enforces it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=runtime/src/main/java/dev/fn4j/runtime
for dir in "$root"/*/; do
  pkg=$(basename "$dir")
  deps=$(grep -rhoE '^import (static )?dev\.fn4j\.runtime\.[a-z]+\.' "$dir" 2>/dev/null \
    | sed -E 's/^import (static )?dev\.fn4j\.runtime\.([a-z]+)\..*/\2/' \
    | grep -vx "$pkg" | sort -u | tr '\n' ' ' || true)
  echo "$pkg -> ${deps% }"
done
