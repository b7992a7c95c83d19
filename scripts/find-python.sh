# Sourced by ensure-venv.sh and build-bundle.sh: find_python prints the first Python 3.11 or
# newer on PATH, or fails quietly so the caller can say what it needed it for.
find_python() {
  local candidate
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
