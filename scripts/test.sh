#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and the Docker-backed integration tests (failsafe,
# Maven Invoker), after making sure a Docker engine answers, the local base image exists and a
# PostgreSQL server answers on loopback.
# It runs `mvn install`, not `verify`: the archetype and end-to-end tests resolve the freshly
# built plugin and archetype from the local repository.
# Fails when a test fails or when a test left a container behind. The tests' runtimes label their
# containers dev.fn4j.test=true (--container-label), so a runtime the user runs on the same engine
# (scripts/demo.sh's, with its warm instances) is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/docker-up.sh
bash scripts/base-image.sh
# AotCacheIT's base image, when a JDK 25 is installed (FN4J_JDK25; the IT is skipped without it).
jdk25=${FN4J_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}; [ ! -x "$jdk25/bin/jlink" ] || JAVA_HOME=$jdk25 bash scripts/base-image.sh fn4j/jre-base:25
bash scripts/polyglot-images.sh
# What the other integration tests need, from Debian's packages: nginx (the reverse proxy and
# several-runtimes tests), chromium and chromedriver (the dashboard's browser test) and
# docker-registry (the plugin's push to a registry).
bash scripts/nginx-up.sh
bash scripts/chromium-up.sh
bash scripts/registry-up.sh
# The runtime's store tests run against H2 and against this PostgreSQL.
FN4J_TEST_DATABASE_URL=$(bash scripts/postgres-up.sh)
export FN4J_TEST_DATABASE_URL

mvn -B -ntp install "$@"

test_containers=(--filter label=dev.fn4j.managed=true --filter label=dev.fn4j.test=true)
leftovers=$(docker ps -aq "${test_containers[@]}")
if [ -n "$leftovers" ]; then
  echo "[test] containers the tests left behind:" >&2
  docker ps -a "${test_containers[@]}" >&2
  exit 1
fi
echo "[test] no container left behind by the tests"
