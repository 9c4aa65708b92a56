#!/usr/bin/env bash
# Writes a new migration from the change to prisma/schema.prisma since a git revision (default HEAD):
#   bash scripts/new-migration.sh add_documents [REV]
# Why not `prisma migrate dev`: Prisma 6.19's wasm schema engine panics when it introspects the
# CHECK and EXCLUDE constraints our migrations add by hand, and `migrate dev` introspects a shadow
# database. Diffing two schema files needs no introspection; hand-written SQL is appended below
# the generated part (PL/pgSQL bodies are fine: prisma/offline/migration-adapter.ts sends a
# migration as one script). See docs/adr/0001-stack.md.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/new-migration.sh <name> [git revision of the previous schema]}
base=${2:-HEAD}
[[ $name =~ ^[a-z0-9_]+$ ]] || { echo "migration name: lower case, digits and _ only" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git show "$base:prisma/schema.prisma" > "$tmp/previous.prisma"
sql=$(bash scripts/prisma.sh migrate diff --from-schema-datamodel "$tmp/previous.prisma" \
  --to-schema-datamodel prisma/schema.prisma --script 2>"$tmp/stderr") || { cat "$tmp/stderr" >&2; exit 1; }
if ! grep -q '[A-Z]' <<<"$(grep -v '^--' <<<"$sql")"; then echo "no schema change since $base" >&2; exit 1; fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "wrote $dir/migration.sql" >&2
