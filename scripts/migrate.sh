#!/usr/bin/env bash
# Applies the committed migrations as the database owner role (never as the application's role,
# which owns nothing: ADR 0014), then links into the audit chain any event recorded before it
# existed (`audit seal`, a no-op otherwise). Needs DATABASE_OWNER_URL and a built dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
owner_url=${DATABASE_OWNER_URL:?DATABASE_OWNER_URL (the owner role) is required to migrate}
DATABASE_URL="$owner_url" bash scripts/prisma.sh migrate deploy | tail -1
DATABASE_URL="$owner_url" node dist/apps/api/src/cli/audit.js seal
