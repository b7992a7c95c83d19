#!/usr/bin/env bash
# Build the self-contained bundle: dist/kap-companion/ (runs with no Python installed) and
# dist/kap-companion-<version>-linux-x86_64.tar.gz, from this checkout, in its own build venv
# (build/bundle-venv, pinned by packaging/build-requirements.txt), with no root.
# Takes a few minutes the first time (the build venv), then about a minute and a half.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
started=$SECONDS

source "$root/scripts/find-python.sh"
python_bin=$(find_python || true)
if [ -z "$python_bin" ]; then
  echo "Building the bundle needs Python 3.11 or newer; none was found on PATH." >&2
  exit 1
fi

venv="$root/build/bundle-venv"
requirements="$root/packaging/build-requirements.txt"
stamp="$venv/.kap-build-requirements"
if [ ! -x "$venv/bin/python" ]; then
  echo "== making the build venv (build/bundle-venv)"
  "$python_bin" -m venv "$venv"
fi
if ! cmp -s "$requirements" "$stamp"; then
  echo "== installing the pinned build requirements"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$stamp"
fi

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' kapcompanion/__init__.py)
system=$(uname -s | tr '[:upper:]' '[:lower:]')
machine=$(uname -m)
bundle="$root/dist/kap-companion"
tarball="$root/dist/kap-companion-$version-$system-$machine.tar.gz"

echo "== PyInstaller (packaging/kap-companion.spec)"
rm -rf "$bundle" "$tarball"
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" packaging/kap-companion.spec

echo "== desktop integration files"
cp scripts/install-desktop.sh "$bundle/install-desktop.sh"
chmod 755 "$bundle/install-desktop.sh"
mkdir -p "$bundle/share/applications" "$bundle/share/metainfo"
cp packaging/linux/kap-companion.desktop "$bundle/share/applications/"
cp packaging/linux/kap-companion.metainfo.xml "$bundle/share/metainfo/"
for size_folder in packaging/linux/icons/*; do
  size=$(basename "$size_folder")
  mkdir -p "$bundle/share/icons/hicolor/$size/apps"
  cp "$size_folder"/kap-companion.* "$bundle/share/icons/hicolor/$size/apps/"
done

echo "== tarball"
partial="$tarball.partial"
trap 'rm -f "$partial"' EXIT
tar -C "$root/dist" --owner=0 --group=0 --numeric-owner -czf "$partial" kap-companion
mv "$partial" "$tarball"
trap - EXIT

echo "Built $(du -sh "$bundle" | cut -f1) in dist/kap-companion/ and" \
  "$(du -h "$tarball" | cut -f1) in dist/$(basename "$tarball"), in $((SECONDS - started)) s."
