#!/usr/bin/env bash
# A throwaway PostgreSQL for development and tests: a new cluster in a temp folder, on a loopback port,
# owned by the postgres user (PostgreSQL refuses to run as root). Prints one line for the shell:
#   eval "$(npm run --silent pg:start)"   →   DUBAN_DATABASE_URL=postgres://postgres@127.0.0.1:55432/duban
# The test suites find it on that port without the export. Port: DUBAN_PG_PORT (default 55432).
set -euo pipefail
port="${DUBAN_PG_PORT:-55432}"
db="${DUBAN_PG_DATABASE:-duban}"
url="postgres://postgres@127.0.0.1:${port}/${db}"

bindir=""
if command -v pg_config >/dev/null 2>&1; then bindir="$(pg_config --bindir)"; fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "没有找到 PostgreSQL 程序（initdb）。Debian/Ubuntu：apt-get install postgresql" >&2
  exit 1
fi

# As root, every PostgreSQL command runs as the postgres user; otherwise as whoever runs this.
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "PostgreSQL 已在 127.0.0.1:${port} 运行" >&2
else
  dir="$(mktemp -d "${TMPDIR:-/tmp}/duban-pg.XXXXXX")"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  as_pg "'$bindir/initdb' -D '$dir/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" ||
    as_pg "'$bindir/initdb' -D '$dir/data' -U postgres --auth=trust --encoding=UTF8 --no-locale >'$dir/initdb.log' 2>&1"
  # A test server: durability off (the data is thrown away), enough connections for parallel test files.
  as_pg "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 start \
    -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"" >/dev/null
  echo "PostgreSQL 已启动：数据在 $dir，停止：su postgres -c \"$bindir/pg_ctl -D $dir/data stop\"" >&2
fi
if ! as_pg "'$bindir/psql' -h 127.0.0.1 -p $port -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = '$db'\"" | grep -q 1; then
  as_pg "'$bindir/createdb' -h 127.0.0.1 -p $port -U postgres '$db'"
fi
echo "export DUBAN_DATABASE_URL=$url"
