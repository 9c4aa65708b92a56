#!/usr/bin/env bash
# Stops the api and worker started by `npm start` (the services keep running: `npm run services -- down`).
set -euo pipefail
RUN_DIR="${KASIAN_DATA_DIR:-$(cd "$(dirname "$0")/.." && pwd)/.data}/run"
for app in api worker; do
  pidfile="$RUN_DIR/$app.pid"
  [[ -f $pidfile ]] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    [[ ${1:-} == --quiet ]] || echo "[kasian] stopped $app ($pid)"
  fi
  rm -f "$pidfile"
done
