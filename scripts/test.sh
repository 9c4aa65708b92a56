#!/usr/bin/env bash
# `npm test`: the same set-up as `npm start`, then the type check and every test (unit and end-to-end).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
prepare
step "type check"
node_modules/.bin/tsc -p tsconfig.json --noEmit
step "tests"
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js --runInBand "$@"
