#!/usr/bin/env bash
# A private PostgreSQL cluster on loopback for the PostgreSQL store's tests.
#
#   Scripts/pg-test-cluster.sh start   # installs PostgreSQL (Debian) if missing, starts a cluster,
#                                      # prints the PG* variables to export (eval "$(… start)")
#   Scripts/pg-test-cluster.sh stop    # stops it and removes its folder
#   Scripts/pg-test-cluster.sh env     # prints the variables of the running cluster
#
# The cluster lives in a temporary folder owned by the `postgres` account (initdb refuses root),
# listens on 127.0.0.1 only, and trusts loopback logins: it is for tests, never for records.
# Its folder is remembered in $PAINLADDER_PG_STATE (default /tmp/painladder-pg-test).
set -euo pipefail

state=${PAINLADDER_PG_STATE:-/tmp/painladder-pg-test}
port=${PAINLADDER_PG_PORT:-54329}

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

install_if_missing() {
  bindir >/dev/null 2>&1 && return 0
  echo "installing postgresql" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

print_env() {
  echo "export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres"
}

start() {
  install_if_missing
  local bin; bin=$(bindir)
  if [ -f "$state/folder" ] && as_owner "$bin/pg_ctl" -D "$(cat "$state/folder")/data" status >/dev/null 2>&1; then
    print_env; return 0
  fi
  mkdir -p "$state"
  local dir; dir=$(mktemp -d /tmp/painladder-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
    || { cat "$state/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/log" \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1" start >&2 \
    || { cat "$dir/log" >&2; exit 1; }
  echo "$dir" >"$state/folder"
  print_env
}

stop() {
  [ -f "$state/folder" ] || return 0
  local dir bin; dir=$(cat "$state/folder"); bin=$(bindir)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
  rm -rf "$dir" "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) [ -f "$state/folder" ] && print_env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 64 ;;
esac
