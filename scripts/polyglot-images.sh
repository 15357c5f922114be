#!/usr/bin/env bash
# Builds, without any registry, the local images Python and Go functions need, the way
# scripts/base-image.sh builds the JRE base: files copied from this machine's Debian packages
# into a root filesystem, then `docker import`. Each is a no-op when the image exists and was
# built by this version of the script (label dev.fn4j.base-recipe); FORCE=1 rebuilds.
#
#   fn4j/python-base:3.11  Debian's python3 (interpreter, standard library, the shared libraries
#                           it links) for the Python host; non-root, no shell, no pip.
#   fn4j/go-toolchain:1.19 Debian's golang-go, only to compile uploaded Go functions in a build
#                           container without network (CGO_ENABLED=0, GOPROXY=off).
#   fn4j/static-base:1     nothing but /etc/passwd, /etc/group and /tmp: the base a statically
#                           linked Go function runs on.
#
# Usage: polyglot-images.sh [python|go|static ...]   (default: all three)
set -euo pipefail

log() { echo "[polyglot-images] $*" >&2; }
recipe=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)
python_image=${FN4J_PYTHON_BASE_IMAGE:-fn4j/python-base:3.11}
go_image=${FN4J_GO_TOOLCHAIN_IMAGE:-fn4j/go-toolchain:1.19}
static_image=${FN4J_STATIC_BASE_IMAGE:-fn4j/static-base:1}

# Whether $1 exists and was built by this version of the script.
current() {
  [ "${FORCE:-0}" != 1 ] || return 1
  local built
  built=$(docker image inspect -f '{{index .Config.Labels "dev.fn4j.base-recipe"}}' "$1" 2>/dev/null) || return 1
  [ "$built" = "$recipe" ]
}

# Installs Debian packages when the file $1 is missing.
need() {
  local file=$1; shift
  [ -e "$file" ] && return 0
  log "installing Debian's $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}

# A root filesystem with the function user, a world-writable /tmp and /app.
new_root() {
  local root=$1
  mkdir -p "$root/etc" "$root/tmp" "$root/app"
  chmod 1777 "$root/tmp"
  cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
fn:x:65532:65532:fn4j function:/tmp:/sbin/nologin
PASSWD
  cat > "$root/etc/group" <<'GROUP'
root:x:0:
fn:x:65532:
GROUP
}

# Copies every shared library the given ELF files link against, with the dynamic loader.
copy_libs() {
  local root=$1; shift
  local lib
  while read -r lib; do
    [ -e "$root$lib" ] && continue
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done < <(ldd "$@" 2>/dev/null | grep -o '/[^ :]*' | sort -u)
  mkdir -p "$root/lib64"
  cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
}

import_root() {
  local root=$1 image=$2; shift 2
  log "importing as $image"
  tar -C "$root" -c . | docker import \
    --change 'USER 65532:65532' \
    --change 'WORKDIR /app' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'LABEL dev.fn4j.base=true' \
    --change "LABEL dev.fn4j.base-recipe=$recipe" \
    "$@" - "$image" >/dev/null
  log "done: $image ($(docker image inspect -f '{{.Size}}' "$image") bytes)"
}

build_python() {
  if current "$python_image"; then log "$python_image already exists"; return 0; fi
  need /usr/bin/python3.11 python3
  local work root stdlib=/usr/lib/python3.11
  work=$(mktemp -d); root="$work/rootfs"
  new_root "$root"
  mkdir -p "$root/usr/bin" "$root/usr/lib"
  cp -L /usr/bin/python3.11 "$root/usr/bin/python3.11"
  ln -s python3.11 "$root/usr/bin/python3"
  # The standard library without what no function needs: tests, IDLE, Tk, pip's bootstrap.
  tar -C /usr/lib --exclude='python3.11/test' --exclude='python3.11/idlelib' \
    --exclude='python3.11/tkinter' --exclude='python3.11/turtledemo' --exclude='python3.11/ensurepip' \
    --exclude='python3.11/lib2to3' --exclude='python3.11/config-3.11-*' --exclude='python3.11/site-packages' \
    --exclude='python3.11/dist-packages' -ch python3.11 2>/dev/null | tar -C "$root/usr/lib" -x
  copy_libs "$root" /usr/bin/python3.11 "$stdlib"/lib-dynload/*.so
  import_root "$root" "$python_image" \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    --change 'ENV PYTHONDONTWRITEBYTECODE=1' \
    --change 'ENV PYTHONUNBUFFERED=1' \
    --change 'CMD ["python3", "--version"]'
  rm -rf "$work"
  docker run --rm --network none "$python_image" python3 -c 'import json, socket, struct, ssl, sqlite3, decimal; print("python ok")' \
    | sed 's/^/[polyglot-images] check: /' >&2
}

build_go() {
  if current "$go_image"; then log "$go_image already exists"; return 0; fi
  need /usr/lib/go-1.19/bin/go golang-go
  local work root
  work=$(mktemp -d); root="$work/rootfs"
  new_root "$root"
  mkdir -p "$root/usr/lib" "$root/src" "$root/out"
  # Debian keeps src, api and test under /usr/share behind symlinks: copy what they point at.
  tar -C /usr/lib --exclude='go-1.19/test' --exclude='go-1.19/misc' --exclude='go-1.19/api' \
    -ch go-1.19 | tar -C "$root/usr/lib" -x
  copy_libs "$root" /usr/lib/go-1.19/bin/go
  import_root "$root" "$go_image" \
    --change 'ENV PATH=/usr/lib/go-1.19/bin:/usr/bin:/bin' \
    --change 'ENV GOROOT=/usr/lib/go-1.19' \
    --change 'ENV HOME=/tmp' \
    --change 'ENV GOCACHE=/tmp/go-cache' \
    --change 'ENV GOPATH=/tmp/go-path' \
    --change 'ENV GOPROXY=off' \
    --change 'ENV GOTOOLCHAIN=local' \
    --change 'ENV GOTELEMETRY=off' \
    --change 'ENV CGO_ENABLED=0' \
    --change 'WORKDIR /src' \
    --change 'CMD ["go", "version"]'
  rm -rf "$work"
  docker run --rm --network none "$go_image" go version | sed 's/^/[polyglot-images] check: /' >&2
}

build_static() {
  if current "$static_image"; then log "$static_image already exists"; return 0; fi
  local work
  work=$(mktemp -d)
  new_root "$work/rootfs"
  import_root "$work/rootfs" "$static_image"
  rm -rf "$work"
}

for which in "${@:-python go static}"; do
  for one in $which; do
    case "$one" in
      python) build_python ;;
      go) build_go ;;
      static) build_static ;;
      *) log "unknown image '$one': use python, go or static"; exit 2 ;;
    esac
  done
done
