#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with a role and a database named fn4j,
# for the runtime's PostgreSQL tests and for trying `--database-url` by hand. Installs Debian's
# postgresql when it is missing and starts a local cluster when no server answers (a no-op
# otherwise), creates the role and database when they are missing, and prints the JDBC URL, with
# the role's credentials, on standard output (everything else goes to standard error):
#
#   export FN4J_TEST_DATABASE_URL=$(bash scripts/postgres-up.sh)
#
# Environment: FN4J_PG_PORT (default 5432), FN4J_PG_PASSWORD (default fn4j; a test database on
# loopback only, never a production password).
set -euo pipefail

host=127.0.0.1
port=${FN4J_PG_PORT:-5432}
name=fn4j
password=${FN4J_PG_PASSWORD:-fn4j}
url="jdbc:postgresql://$host:$port/$name?user=$name&password=$password"

log() { echo "[postgres-up] $*" >&2; }
answers() { pg_isready -q -h "$host" -p "$port" >/dev/null 2>&1; }
usable() { PGPASSWORD=$password psql -h "$host" -p "$port" -U "$name" -d "$name" -Atqc 'select 1' >/dev/null 2>&1; }
as_postgres() { runuser -u postgres -- "$@"; }

server_binary() { ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(server_binary)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

if answers; then
  log "a server already answers on $host:$port"
else
  version=$(basename "$(dirname "$(dirname "$(server_binary)")")")
  cluster=$(pg_lsclusters -h 2>/dev/null | awk -v p="$port" '$3 == p { print $1 " " $2; exit }')
  if [ -z "$cluster" ]; then
    log "creating cluster $version/main on port $port"
    pg_createcluster -p "$port" "$version" main >/dev/null
    cluster="$version main"
  fi
  # Containers often start without the socket directory that the packages create at boot.
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  log "starting cluster $cluster"
  # shellcheck disable=SC2086 # "$cluster" is "version name", two arguments
  pg_ctlcluster $cluster start >&2 || true
  for _ in $(seq 1 60); do
    answers && break
    sleep 0.5
  done
  if ! answers; then
    log "PostgreSQL did not answer on $host:$port within 30s; its log:"
    # shellcheck disable=SC2086
    tail -n 30 "/var/log/postgresql/postgresql-${cluster// /-}.log" >&2 2>/dev/null || true
    exit 1
  fi
fi

if usable; then
  log "role and database $name are ready"
else
  log "creating role and database $name"
  sql_password=${password//\'/\'\'}
  as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') THEN
    CREATE ROLE $name LOGIN PASSWORD '$sql_password';
  ELSE
    ALTER ROLE $name LOGIN PASSWORD '$sql_password';
  END IF;
END
\$\$;
SQL
  if [ -z "$(as_postgres psql -p "$port" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    as_postgres createdb -p "$port" -O "$name" "$name"
  fi
  usable || { log "cannot log in as $name on $host:$port (check pg_hba.conf)"; exit 1; }
fi

echo "$url"
