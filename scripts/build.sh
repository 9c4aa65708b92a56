#!/usr/bin/env bash
# Compiles apps, libs and benchmarks to ESM JavaScript under dist/ (swc: fast, no type check;
# `npm run typecheck` is the type check and runs in `npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
node_modules/.bin/swc apps libs bench -d dist --quiet --ignore '**/*.spec.ts'
