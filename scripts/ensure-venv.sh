# Sourced by run-app.sh and run-tests.sh: makes sure .venv exists and holds what pyproject.toml
# asks for. Reinstalls only when pyproject.toml or app.py changed, so repeated runs start at once.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$root/.venv"
source "$root/scripts/find-python.sh"
python_bin=$(find_python || true)
if [ -z "$python_bin" ]; then
  echo "KAP Companion needs Python 3.11 or newer; none was found on PATH." >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  echo "Setting up a private Python environment in .venv (first run only)…" >&2
  if ! "$python_bin" -m venv "$venv"; then
    rm -rf "$venv"
    echo "Python could not make a virtual environment. On Debian or Ubuntu, install the" >&2
    echo "python3-venv package (for example: sudo apt install python3-venv) and run this again." >&2
    exit 1
  fi
fi
stamp="$venv/.kap-installed"
# app.py is copied into the environment (not linked like the packages), so it counts too.
wanted=$(cat "$root/pyproject.toml" "$root/app.py" | "$venv/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "Installing KAP Companion and what it needs into .venv…" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$root[test]"
  echo "$wanted" >"$stamp"
fi
