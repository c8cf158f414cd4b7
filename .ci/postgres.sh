#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for the preferences store's tests (tests/PolicyAsCode.AspNetCore.Tests/Store).
# .ci/run uses it; so does the test fixture when POLICYASCODE_TEST_POSTGRES is not set; so can you:
#
#   .ci/postgres.sh install          install Debian's postgresql package when initdb is missing (root, apt-get)
#   .ci/postgres.sh start DIR [PID]  initdb into DIR (new or empty), start the server on a free 127.0.0.1 port and print
#                                    an Npgsql connection string (superuser "postgres", random password) on stdout;
#                                    given PID, stop the server and remove DIR once that process ends
#   .ci/postgres.sh stop DIR         stop the server and remove DIR
#
#   export POLICYASCODE_TEST_POSTGRES="$(.ci/postgres.sh start /tmp/pg)"; dotnet test ...; .ci/postgres.sh stop /tmp/pg
#
# initdb and pg_ctl refuse to run as root; as root the server runs as the user "postgres" if it exists, else as a
# system user "pgtest" created for it.
set -euo pipefail

not_installed=3

# The folder holding initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<version>/bin (newest first).
pg_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$found" && -x "$found/initdb" && -x "$found/pg_ctl" ]] || return 1
  echo "$found"
}

pg_user() {
  if id postgres >/dev/null 2>&1; then echo postgres; return; fi
  id pgtest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin pgtest
  echo pgtest
}

as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u "$(pg_user)" -- "$@"; else "$@"; fi
}

install() {
  pg_bin >/dev/null && return
  echo "postgres.sh: initdb not found; installing Debian's postgresql package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
}

start() {
  local dir="$1" watch="${2:-}" bin port password started=""
  if ! bin="$(pg_bin)"; then
    echo "postgres.sh: PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin)." \
      "Install it with 'apt-get install postgresql' (or run .ci/postgres.sh install as root)." >&2
    exit "$not_installed"
  fi
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [[ "$(id -u)" == 0 ]] && chown "$(pg_user)" "$dir"
  chmod 700 "$dir"
  password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  printf '%s\n' "$password" >"$dir/password"
  [[ "$(id -u)" == 0 ]] && chown "$(pg_user)" "$dir/password"
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=scram-sha-256 --pwfile="$dir/password" -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/password"
  # A port nobody listens on; should another process take it before the server binds, try the next.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    # Durability is pointless for a throwaway test server; fsync off keeps it fast.
    if as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o \
        "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >&2; then
      started=1
      break
    fi
  done
  if [[ -z "$started" ]]; then
    cat "$dir/server.log" >&2 || true
    echo "postgres.sh: the server did not start" >&2
    exit 1
  fi
  if [[ -n "$watch" ]]; then
    # Detached, with no inherited output: whoever reads our stdout sees it end when we exit.
    setsid bash "$(cd "$(dirname "$0")" && pwd)/$(basename "$0")" watch "$dir" "$watch" </dev/null >/dev/null 2>&1 &
  fi
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
}

stop() {
  local dir="$1" bin
  if [[ -f "$dir/data/postmaster.pid" ]] && bin="$(pg_bin)"; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 || true
  fi
  rm -rf "$dir"
}

watch() {
  local dir="$1" pid="$2"
  while kill -0 "$pid" 2>/dev/null; do sleep 2; done
  stop "$dir"
}

case "${1:-}" in
  install) install ;;
  start) [[ $# -ge 2 ]] || { echo "usage: $0 start DIR [PID]" >&2; exit 2; }; start "$2" "${3:-}" ;;
  stop) [[ $# -ge 2 ]] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
  watch) watch "$2" "$3" ;;
  *) echo "usage: $0 install | start DIR [PID] | stop DIR" >&2; exit 2 ;;
esac
