# Sourced by run-app.sh and run-tests.sh: makes sure .venv exists and holds what pyproject.toml
# asks for. Reinstalls only when pyproject.toml changed, so repeated runs start at once.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$root/.venv"
python_bin=""
for candidate in python3.11 python3 python; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python_bin=$candidate; break
  fi
done
if [ -z "$python_bin" ]; then
  echo "KAP Companion needs Python 3.11 or newer; none was found on PATH." >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  echo "Setting up a private Python environment in .venv (first run only)…" >&2
  "$python_bin" -m venv "$venv"
fi
stamp="$venv/.kap-installed"
wanted=$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "Installing KAP Companion and what it needs into .venv…" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$root[test]"
  echo "$wanted" >"$stamp"
fi
