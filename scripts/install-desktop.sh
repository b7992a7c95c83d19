#!/usr/bin/env bash
# Add KAP Companion to this user's application menu (no root): its desktop entry, AppStream
# metainfo and icons under ${XDG_DATA_HOME:-~/.local/share}. Run from the unpacked bundle
# (kap-companion/install-desktop.sh), or from a checkout after scripts/build-bundle.sh.
#
#   install-desktop.sh                  add the entry, starting the kap-companion beside this script
#   install-desktop.sh --program FILE   add the entry, starting FILE
#   install-desktop.sh --uninstall      take the entry and icons away again
#
# Uninstalling never touches your entries: they are in ${XDG_DATA_HOME:-~/.local/share}/kap-companion.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
name=kap-companion
data_home=${XDG_DATA_HOME:-}
if [ -z "$data_home" ]; then
  if [ -z "${HOME:-}" ]; then
    echo "Neither XDG_DATA_HOME nor HOME is set, so there is no menu folder to use." >&2
    exit 1
  fi
  data_home=$HOME/.local/share
fi

if [ -f "$here/share/applications/$name.desktop" ]; then  # the unpacked bundle
  share=$here/share
  program=$here/$name
else  # a checkout: the files in packaging/, the bundle in dist/
  share=""
  program=$here/../dist/$name/$name
fi

# Every file this script puts in place, relative to the data folder, and where it comes from.
sizes="16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256 512x512"
installed_files() {
  echo "applications/$name.desktop"
  echo "metainfo/$name.metainfo.xml"
  for size in $sizes; do echo "icons/hicolor/$size/apps/$name.png"; done
  echo "icons/hicolor/scalable/apps/$name.svg"
}
source_of() {
  if [ -n "$share" ]; then
    echo "$share/$1"
    return
  fi
  case $1 in
    icons/hicolor/*) local rest=${1#icons/hicolor/}; echo "$here/../packaging/linux/icons/${rest%%/*}/${1##*/}" ;;
    *) echo "$here/../packaging/linux/${1##*/}" ;;
  esac
}

# An argument written for a desktop entry's Exec key: as it is when it holds only safe
# characters, else quoted with the Desktop Entry Specification's escapes and then a string
# value's (the same rules as kapcompanion/autostart.py, which may quote less often).
exec_argument() {
  local argument=$1
  if [[ $argument =~ ^[A-Za-z0-9/._+,:@=-]+$ ]]; then
    printf '%s' "$argument"
    return
  fi
  local quoted
  quoted=$(printf '%s' "$argument" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
  printf '"%s"' "$quoted"
}

refresh_icon_cache() {
  # Desktops notice new files by themselves, unless an icon cache is already there (it would
  # hide the new icons until rebuilt): then rebuild it, where the tool is installed.
  local theme=$data_home/icons/hicolor
  if [ -f "$theme/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$theme" 2>/dev/null || true
  fi
}

uninstall() {
  installed_files | while read -r file; do rm -f "$data_home/$file"; done
  refresh_icon_cache
  echo "KAP Companion is no longer in your application menu."
  echo "Your entries were not touched: they stay in your data folder until you delete them."
}

install() {
  if [ ! -x "$program" ]; then
    echo "There is no KAP Companion program at $program." >&2
    echo "Run this script from the unpacked kap-companion folder, or build the bundle first" >&2
    echo "(scripts/build-bundle.sh), or name the program with --program FILE." >&2
    exit 1
  fi
  program=$(cd "$(dirname "$program")" && pwd)/$(basename "$program")
  installed_files | while read -r file; do
    source=$(source_of "$file")
    target=$data_home/$file
    mkdir -p "$(dirname "$target")"
    if [ "$file" = "applications/$name.desktop" ]; then
      # sed's replacement: escape its own specials (\, & and the | delimiter)
      exec_line=$(exec_argument "$program" | sed -e 's/[\\&|]/\\&/g')
      sed -e "s|^Exec=.*|Exec=$exec_line|" "$source" >"$target.partial"
    else
      cp "$source" "$target.partial"
    fi
    chmod 644 "$target.partial"
    mv "$target.partial" "$target"
  done
  refresh_icon_cache
  echo "KAP Companion is in your application menu (it starts $program)."
  echo "If you move the kap-companion folder, run this script again from its new place."
}

case ${1:-} in
  "") install ;;
  --program)
    [ $# -eq 2 ] || { echo "--program needs the program's path." >&2; exit 2; }
    program=$2
    install
    ;;
  --uninstall) uninstall ;;
  -h|--help) sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" ;;
  *) echo "Unknown option: $1 (try --help)." >&2; exit 2 ;;
esac
