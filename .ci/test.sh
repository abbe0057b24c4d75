#!/usr/bin/env bash
# Runs the whole test suite: unit, adapter, architecture and end-to-end tests.
# Needs a JDK (17+) and Node.js (18+). It starts PostgreSQL on 127.0.0.1:5432 if it is installed
# but stopped, installs it with apt-get where that is allowed, and creates the role and database
# the tests use. Anything it cannot provide is reported clearly before the build starts.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=127.0.0.1
PG_PORT=5432
export MCP_TEST_PG_USER="${MCP_TEST_PG_USER:-cnmcp}"
export MCP_TEST_PG_PASSWORD="${MCP_TEST_PG_PASSWORD:-cnmcp-test-password}"
PG_DB="${MCP_TEST_PG_DB:-cnmcp_test}"
export MCP_TEST_PG_URL="${MCP_TEST_PG_URL:-jdbc:postgresql://${PG_HOST}:${PG_PORT}/${PG_DB}}"

missing() { echo "test.sh: $*" >&2; exit 2; }
say() { echo "test.sh: $*"; }

# 1. Java and Node.js.
command -v java >/dev/null 2>&1 || missing "no 'java' on PATH: install a JDK 17 or newer (for example: apt-get install openjdk-17-jdk-headless)."
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1)
[ "${java_major:-0}" -ge 17 ] || missing "Java ${java_major} found; Java 17 or newer is required."
command -v node >/dev/null 2>&1 || missing "no 'node' on PATH: the end-to-end tests drive the official MCP TypeScript SDK; install Node.js 18 or newer (apt-get install nodejs npm)."
command -v npm >/dev/null 2>&1 || missing "no 'npm' on PATH: install npm alongside Node.js."
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || missing "Node.js ${node_major} found; 18 or newer is required."

# 2. PostgreSQL on 127.0.0.1:5432: running, or started, or installed and started.
pg_up() { (exec 3<>"/dev/tcp/${PG_HOST}/${PG_PORT}") 2>/dev/null; }
as_postgres() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n -u postgres "$@"
  else
    "$@"
  fi
}
start_pg() {
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    [ -n "$version" ] || return 1
    say "starting PostgreSQL ${version} (cluster main)"
    if [ "$(id -u)" = 0 ]; then
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    else
      sudo -n pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main start || true
    fi
  else
    return 1
  fi
}
if ! pg_up; then
  if ! start_pg; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      say "PostgreSQL is not installed: installing it with apt-get"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
      start_pg || true
    fi
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || missing "PostgreSQL is not reachable on ${PG_HOST}:${PG_PORT} and could not be started or installed here. Start a PostgreSQL 13+ server there (or set MCP_TEST_PG_URL, MCP_TEST_PG_USER and MCP_TEST_PG_PASSWORD to one you have) and run this again."
fi

# 3. The role and database the tests use, with a password (no reliance on trust authentication).
psql_admin() {
  if as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@" 2>/dev/null; then return 0; fi
  psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres "$@"
}
if command -v psql >/dev/null 2>&1; then
  psql_admin <<SQL || missing "could not create the test role and database as the 'postgres' superuser; create role ${MCP_TEST_PG_USER} (LOGIN PASSWORD, CREATEDB) and database ${PG_DB} yourself."
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${MCP_TEST_PG_USER}') THEN
    CREATE ROLE ${MCP_TEST_PG_USER} LOGIN CREATEDB PASSWORD '${MCP_TEST_PG_PASSWORD}';
  ELSE
    ALTER ROLE ${MCP_TEST_PG_USER} LOGIN CREATEDB PASSWORD '${MCP_TEST_PG_PASSWORD}';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE ${PG_DB} OWNER ${MCP_TEST_PG_USER}' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${PG_DB}')\gexec
SQL
  say "PostgreSQL ready: ${MCP_TEST_PG_URL} as ${MCP_TEST_PG_USER}"
else
  say "no psql client: assuming role ${MCP_TEST_PG_USER} and database ${PG_DB} exist"
fi

# 4. The build with every test.
exec ./mvnw -B -ntp verify "$@"
