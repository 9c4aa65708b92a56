#!/usr/bin/env bash
# Runs the Prisma CLI offline: migrations go through the JavaScript schema engine and the pg
# driver adapter configured in prisma.config.ts, so no native engine is downloaded.
# The two variables only stop the CLI from looking for the native engines; see docs/adr/0001-stack.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-$root/package.json}"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 PRISMA_HIDE_PREVIEW_FLAG_WARNINGS=1
exec node_modules/.bin/prisma "$@"
