#!/usr/bin/env bash
# Builds the local JRE base image (default fn4j/jre-base:17) without any registry: jlink a JRE
# from the build's own JDK, add the shared libraries it links against, and `docker import` it.
# A no-op when the image exists already and was built by this version of the script (its label
# dev.fn4j.base-recipe is the script's hash); FORCE=1 rebuilds it anyway.
#
# Layout matches eclipse-temurin: the JRE in /opt/java/openjdk, on PATH and in JAVA_HOME, its
# version in JAVA_VERSION (jdk-25.0.3+9), which the runtime reads to pick the class-data flags.
# Any JDK 17 or later: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/base-image.sh fn4j/jre-base:25
set -euo pipefail

image=${1:-${FN4J_BASE_IMAGE:-fn4j/jre-base:17}}
log() { echo "[base-image] $*" >&2; }

recipe=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)
if [ "${FORCE:-0}" != 1 ] && docker image inspect "$image" >/dev/null 2>&1; then
  built=$(docker image inspect -f '{{index .Config.Labels "dev.fn4j.base-recipe"}}' "$image" 2>/dev/null || true)
  if [ "$built" = "$recipe" ]; then
    log "$image already exists"
    exit 0
  fi
  log "$image was built by another version of this script; rebuilding"
fi

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
jlink="$java_home/bin/jlink"
[ -x "$jlink" ] || { log "no jlink in $java_home; set JAVA_HOME to a JDK"; exit 1; }
# The JDK's version as eclipse-temurin images spell it: jdk-<version>+<build>, no vendor suffix.
runtime_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$java_home/release")
[ -n "$runtime_version" ] || runtime_version=$("$jlink" --version)
java_version="jdk-${runtime_version%%-*}"
feature=$("$jlink" --version | cut -d. -f1)
# jlink 21 and later name the compression (--compress=2 is deprecated there); 17 knows only 0-2.
if [ "$feature" -ge 21 ]; then compress=zip-6; else compress=2; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
jre="$root/opt/java/openjdk"
mkdir -p "$root/opt/java" "$root/tmp" "$root/etc" "$root/app"
chmod 1777 "$root/tmp"

# The modules a typical function and the host need; jdk.unsupported for libraries that use Unsafe.
modules=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,java.security.jgss,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.localedata
log "jlink from $java_home, $java_version ($modules)"
"$jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress="$compress" --output "$jre"
# A class-data-sharing archive makes every instance's JVM start faster.
"$jre/bin/java" -Xshare:dump >/dev/null 2>&1 || log "no CDS archive (continuing)"
[ -e "$jre/lib/server/classes.jsa" ] || log "warning: the JRE has no default CDS archive"

# Copy every shared library the JRE links against, with the dynamic loader, keeping host paths.
copy_lib() {
  local lib=$1
  [ -e "$root$lib" ] && return 0
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
}
while read -r lib; do
  copy_lib "$lib"
done < <(find "$jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | grep -o '/[^ ]*' | grep -v "^$jre" | sort -u)
# glibc loads these at run time without any ELF dependency naming them. libpthread, libdl and
# librt are empty since glibc 2.34 (libc has it all), but native libraries built against an older
# glibc name them: sqlite-jdbc's and zstd-jni's .so need libpthread.so.0, netty's epoll
# transport libdl.so.2 and librt.so.1, or they fail to load.
for extra in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
             /lib/x86_64-linux-gnu/libresolv.so.2 /lib/x86_64-linux-gnu/libpthread.so.0 \
             /lib/x86_64-linux-gnu/libdl.so.2 /lib/x86_64-linux-gnu/librt.so.1; do
  [ -e "$extra" ] && copy_lib "$extra"
done
[ -e /lib64 ] && [ ! -e "$root/lib64" ] && mkdir -p "$root/lib64"
[ -e /lib64/ld-linux-x86-64.so.2 ] && cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
fn:x:65532:65532:fn4j function:/tmp:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
fn:x:65532:
GROUP
echo "hosts: files dns" > "$root/etc/nsswitch.conf"

log "importing as $image"
tar -C "$root" -c . | docker import \
  --change 'ENV JAVA_HOME=/opt/java/openjdk' \
  --change "ENV JAVA_VERSION=$java_version" \
  --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'USER 65532:65532' \
  --change 'WORKDIR /app' \
  --change 'LABEL dev.fn4j.base=true' \
  --change "LABEL dev.fn4j.base-recipe=$recipe" \
  --change 'CMD ["java", "-version"]' \
  - "$image" >/dev/null
docker run --rm --network none "$image" java -version 2>&1 | head -1 | sed 's/^/[base-image] check: /' >&2
log "done: $image ($(docker image inspect -f '{{.Size}}' "$image") bytes)"
