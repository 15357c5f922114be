#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and the Docker-backed integration tests (failsafe,
# Maven Invoker), after making sure a Docker engine answers, the local base image exists and a
# PostgreSQL server answers on loopback.
# It runs `mvn install`, not `verify`: the archetype and end-to-end tests resolve the freshly
# built plugin and archetype from the local repository.
# Fails when a test fails or when any fn4j container is left behind.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/docker-up.sh
bash scripts/base-image.sh
# The runtime's store tests run against H2 and against this PostgreSQL.
FN4J_TEST_DATABASE_URL=$(bash scripts/postgres-up.sh)
export FN4J_TEST_DATABASE_URL

mvn -B -ntp install "$@"

leftovers=$(docker ps -aq --filter label=dev.fn4j.managed=true)
if [ -n "$leftovers" ]; then
  echo "[test] fn4j containers left behind after the tests:" >&2
  docker ps -a --filter label=dev.fn4j.managed=true >&2
  exit 1
fi
echo "[test] no fn4j container left behind"
