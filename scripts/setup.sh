#!/usr/bin/env bash
# Shared by `npm start` and `npm test`: installs what is missing and brings the services up.
# Sourced, not run: it leaves the services' settings exported in the caller's shell.
set -euo pipefail
KASIAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$KASIAN_ROOT"

step() { printf '\n\033[1m[kasian] %s\033[0m\n' "$*" >&2; }
timed() { # timed <label> <command…>: runs it and prints how long it took
  local label=$1 start=${EPOCHREALTIME/[.,]/} tenths
  shift
  "$@"
  tenths=$(( (${EPOCHREALTIME/[.,]/} - start) / 100000 ))
  printf '[kasian] %s: %d.%ds\n' "$label" $((tenths / 10)) $((tenths % 10)) >&2
}

ensure_node_modules() {
  local stamp=node_modules/.kasian-lock.sha256 want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ -f $stamp && "$(cat "$stamp")" == "$want" ]]; then return; fi
  step "installing npm dependencies"
  # Not `npm ci`: npm 11 here writes lock files without other platforms' optional binaries
  # and then refuses them in `npm ci` (https://github.com/npm/cli/issues/8805). `npm install
  # --no-save` installs the locked versions and leaves package-lock.json untouched.
  npm install --no-audit --no-fund --no-save --loglevel=error
  echo "$want" > "$stamp"
}

prepare() {
  timed "system packages" bash scripts/system-packages.sh
  timed "npm dependencies" ensure_node_modules
  timed "prisma client" bash scripts/prisma.sh generate >/dev/null
  step "services (PostgreSQL, Redis, MinIO, Keycloak)"
  timed "services" bash scripts/services.sh up
  eval "$(bash scripts/services.sh env)"
  timed "build" bash scripts/build.sh
  # A demo checkpoint-signing key under .data, outside the database (ADR 0014); kept once made.
  node dist/apps/api/src/cli/audit.js keygen >&2
}
