#!/usr/bin/env bash
# Set up (first time only) and run everything CI runs: lint, type checks and the whole test suite.
# Extra arguments go to pytest, e.g. scripts/run-tests.sh -k store
source "$(dirname "${BASH_SOURCE[0]}")/ensure-venv.sh"
set -euo pipefail  # any failing step fails the whole run
cd "$root"
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
"$venv/bin/ruff" check .
"$venv/bin/ruff" format --check .
echo "== mypy"
"$venv/bin/mypy"
echo "== pytest"
# Two workers, each taking whole test files: about half the time on a two-core machine.
"$venv/bin/pytest" -n 2 --dist loadfile "$@"
