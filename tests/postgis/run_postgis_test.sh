#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 + PostGIS server in a temporary directory (unix socket there,
# TCP on a free localhost port), loads the sample district with ogr2ogr, runs the hidden
# "[postgis]" Catch2 tests against it and always stops the server and removes the directory.
# Usage: run_postgis_test.sh SUBTERRA_TESTS DISTRICT_GPKG. Exit 77 (skipped) only when the
# PostgreSQL server, PostGIS or ogr2ogr is not installed.
set -euo pipefail
TESTS=$1
GPKG=$2
PGBIN=/usr/lib/postgresql/15/bin

skip() { echo "SKIPPED: $1 (Debian: apt-get install postgresql-15 postgresql-15-postgis-3 gdal-bin)"; exit 77; }
[ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] || skip "PostgreSQL 15 server not installed ($PGBIN/initdb)"
[ -f /usr/share/postgresql/15/extension/postgis.control ] || skip "PostGIS for PostgreSQL 15 not installed"
command -v ogr2ogr >/dev/null || skip "ogr2ogr not installed"

WORK=$(mktemp -d /tmp/subterra-postgis.XXXXXX)
# initdb refuses to run as root: the server then runs as the postgres user.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$WORK"
  AS_PG=(runuser -u postgres --)
else
  AS_PG=()
fi

cleanup() {
  if [ -f "$WORK/data/postmaster.pid" ]; then
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for candidate in $(shuf -i 20000-60000 -n 50); do
  if port_is_free "$candidate"; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || { echo "no free port found"; exit 1; }

"${AS_PG[@]}" "$PGBIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log"; exit 1; }
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 \
  -o "-k $WORK -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
  || { cat "$WORK/server.log"; exit 1; }

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PORT" -U postgres)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE district"
"${PSQL[@]}" -d district -c "CREATE EXTENSION postgis"
CONNECTION="PG:host=$WORK port=$PORT user=postgres dbname=district"
ogr2ogr -f PostgreSQL "$CONNECTION" "$GPKG" water manholes -lco GEOMETRY_NAME=geom

SUBTERRA_PG_CONNECTION="$CONNECTION" SUBTERRA_PG_GPKG="$GPKG" "$TESTS" "[postgis]"
