#!/usr/bin/env bash
# The production topology as plain processes on this machine's loopback, for trying the cluster without
# Docker: PostgreSQL (Debian's packages, in the state directory), the schema migration, silos and gateways.
#
#   deploy/local-cluster.sh start     build (Release), start PostgreSQL, migrate, start silos and gateways
#   deploy/local-cluster.sh stop      stop gateways, then silos (SIGTERM: graceful), then PostgreSQL
#   deploy/local-cluster.sh status    list the processes and whether they are ready
#   deploy/local-cluster.sh restart-silo N   stop silo N gracefully and start it again (a rolling step)
#   deploy/local-cluster.sh kill-silo N      SIGKILL silo N (what a crash looks like to the others)
#   deploy/local-cluster.sh start-silo N     start silo N (e.g. after kill-silo, or N=4 to scale out)
#
# Environment: CDM_CLUSTER_DIR (state: database, logs, pids; default ./.local-cluster), CDM_SILOS (3),
# CDM_GATEWAYS (2), CDM_CONFIGURATION (Release), CDM_NO_BUILD=1 to use the binaries already built,
# CDM_PORT_OFFSET (0, added to every port below). Silo N listens on 11110+N (silo), 30000+N (Orleans
# gateway) and http://127.0.0.1:8080+N (health, metrics); gateway N serves gRPC on 127.0.0.1:5000+N and
# health and metrics on http://127.0.0.1:8180+N.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=$(realpath -m "${CDM_CLUSTER_DIR:-$root/.local-cluster}")
silos=${CDM_SILOS:-3}
gateways=${CDM_GATEWAYS:-2}
configuration=${CDM_CONFIGURATION:-Release}
offset=${CDM_PORT_OFFSET:-0}
silo_dll=$root/SiloHost/bin/$configuration/net10.0/Cdm.SiloHost.dll
gateway_dll=$root/Gateway/bin/$configuration/net10.0/Cdm.Gateway.dll
cli_dll=$root/Cli/bin/$configuration/net10.0/cdm.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

connection() { deploy_pg start "$state/postgres"; }
deploy_pg() { "$root/deploy/postgres-temp.sh" "$@"; }

build() {
  if [ "${CDM_NO_BUILD:-0}" != 1 ] || [ ! -f "$silo_dll" ] || [ ! -f "$gateway_dll" ] || [ ! -f "$cli_dll" ]; then
    echo "building ($configuration)..."
    for project in SiloHost/Cdm.SiloHost.csproj Gateway/Cdm.Gateway.csproj Cli/Cdm.Cli.csproj; do
      dotnet build "$root/$project" -c "$configuration" --nologo -v quiet >/dev/null
    done
  fi
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits until an HTTP readiness endpoint answers 200.
wait_ready() {
  local name=$1 url=$2 pidfile=$3
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then echo "$name ready"; return 0; fi
    if ! running "$pidfile"; then echo "$name exited; see $state/logs/$name.log" >&2; tail -n 20 "$state/logs/$name.log" >&2; return 1; fi
    sleep 0.5
  done
  echo "$name not ready after 60 s; see $state/logs/$name.log" >&2
  return 1
}

start_silo() {
  local n=$1 cs=$2
  local pidfile=$state/pids/silo-$n.pid
  if running "$pidfile"; then echo "silo-$n already runs"; return 0; fi
  Cdm__Cluster__ConnectionString="$cs" \
  Cdm__Silo__AdvertisedAddress=127.0.0.1 \
  Cdm__Silo__SiloPort=$((11110 + offset + n)) \
  Cdm__Silo__GatewayPort=$((30000 + offset + n)) \
  Urls="http://127.0.0.1:$((8080 + offset + n))" \
    nohup dotnet "$silo_dll" >"$state/logs/silo-$n.log" 2>&1 &
  echo $! >"$pidfile"
  wait_ready "silo-$n" "http://127.0.0.1:$((8080 + offset + n))/readyz" "$pidfile"
}

start_gateway() {
  local n=$1 cs=$2
  local pidfile=$state/pids/gateway-$n.pid
  if running "$pidfile"; then echo "gateway-$n already runs"; return 0; fi
  Cdm__Mode=Cluster \
  Cdm__Cluster__ConnectionString="$cs" \
  Cdm__Operations__Urls="http://127.0.0.1:$((8180 + offset + n))" \
  Urls="http://127.0.0.1:$((5000 + offset + n))" \
    nohup dotnet "$gateway_dll" >"$state/logs/gateway-$n.log" 2>&1 &
  echo $! >"$pidfile"
  wait_ready "gateway-$n" "http://127.0.0.1:$((8180 + offset + n))/readyz" "$pidfile"
}

# Sends SIGTERM and waits for the process to finish its graceful shutdown.
stop_process() {
  local pidfile=$1
  if running "$pidfile"; then
    local pid
    pid=$(cat "$pidfile")
    kill -TERM "$pid"
    for _ in $(seq 1 180); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "$(basename "$pidfile" .pid) did not stop in 90 s; killing it" >&2; kill -KILL "$pid"; fi
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start)
    mkdir -p "$state/logs" "$state/pids"
    build
    cs=$(connection)
    echo "PostgreSQL: $cs"
    dotnet "$cli_dll" db migrate --connection "$cs"
    for n in $(seq 1 "$silos"); do start_silo "$n" "$cs"; done
    for n in $(seq 1 "$gateways"); do start_gateway "$n" "$cs"; done
    echo "cluster up: gRPC on $(seq -s ' ' -f '127.0.0.1:%g' $((5001 + offset)) $((5000 + offset + gateways))); state in $state"
    ;;
  stop)
    for f in "$state"/pids/gateway-*.pid; do [ -e "$f" ] && stop_process "$f"; done
    for f in "$state"/pids/silo-*.pid; do [ -e "$f" ] && stop_process "$f"; done
    deploy_pg stop "$state/postgres" || true
    echo "cluster stopped; data kept in $state (delete it to start afresh)"
    ;;
  status)
    for f in "$state"/pids/*.pid; do
      [ -e "$f" ] || continue
      name=$(basename "$f" .pid)
      if running "$f"; then echo "$name: running (pid $(cat "$f"))"; else echo "$name: not running"; fi
    done
    deploy_pg status "$state/postgres" && echo "postgres: running" || echo "postgres: not running"
    ;;
  restart-silo)
    stop_process "$state/pids/silo-${2:?silo number}.pid"
    start_silo "$2" "$(connection)"
    ;;
  kill-silo)
    pidfile=$state/pids/silo-${2:?silo number}.pid
    if running "$pidfile"; then kill -KILL "$(cat "$pidfile")"; echo "silo-$2 killed"; fi
    rm -f "$pidfile"
    ;;
  start-silo)
    mkdir -p "$state/logs" "$state/pids"
    start_silo "${2:?silo number}" "$(connection)"
    ;;
  *)
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
