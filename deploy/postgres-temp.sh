#!/usr/bin/env bash
# A throw-away PostgreSQL server from Debian's packages, in a directory of its own, on loopback.
# Used by CI, by the test fixture when no server is given, and by deploy/local-cluster.sh.
#
#   deploy/postgres-temp.sh start DIR [PORT]   initialise (first time) and start; prints the connection string
#   deploy/postgres-temp.sh stop DIR           stop the server (fast shutdown: sessions end, data is kept)
#   deploy/postgres-temp.sh status DIR         exit 0 when it runs
#
# The server trusts local connections (it listens on 127.0.0.1 only) and has the superuser `postgres`
# and the database `cdm`. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
set -euo pipefail

usage() { echo "usage: $0 start DIR [PORT] | stop DIR | status DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
command=$1
dir=$(realpath -m "$2")
port=${3:-}

bindir=${PG_BINDIR:-}
if [ -z "$bindir" ]; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL server binaries not found: install Debian's postgresql package or set PG_BINDIR" >&2
  exit 1
fi

# Runs a server binary as the owner of the data directory.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'EOF' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
EOF
}

case "$command" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    if [ ! -f "$dir/pgdata/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir/pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if as_owner "$bindir/pg_ctl" -D "$dir/pgdata" status >/dev/null 2>&1; then
      # Already running: say where.
      echo "Host=127.0.0.1;Port=$(cat "$dir/port");Username=postgres;Database=cdm"
      exit 0
    fi
    if [ -z "$port" ]; then
      port=$(cat "$dir/port" 2>/dev/null || free_port)
    fi
    echo "$port" | as_owner tee "$dir/port" >/dev/null
    # Durable commits (fsync, synchronous_commit on); room for three silos' pools and the tests.
    as_owner "$bindir/pg_ctl" -D "$dir/pgdata" -l "$dir/server.log" -w -t 60 start -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on" >/dev/null \
      || { tail -n 30 "$dir/server.log" >&2; exit 1; }
    if ! as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'cdm'" | grep -q 1; then
      as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres cdm
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=cdm"
    ;;
  stop)
    if [ -f "$dir/pgdata/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/pgdata" -m fast -w -t 60 stop >/dev/null
    fi
    ;;
  status)
    as_owner "$bindir/pg_ctl" -D "$dir/pgdata" status >/dev/null
    ;;
  *) usage ;;
esac
