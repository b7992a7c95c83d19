"""Starting KAP Companion at login, minimised, if the client asks: an XDG autostart entry on
Linux (`~/.config/autostart/kap-companion.desktop`, for this user only, no root).

Other systems have their own places, written down in README's "Start at login" for the client
to follow by hand: a shortcut in the Startup folder on Windows (`shell:startup`), Login Items in
macOS's System Settings. `supported()` says whether this module can do it here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kapcompanion.files import write_atomically

FILE_NAME = "kap-companion.desktop"
MINIMISED_OPTION = "--minimised"
# Characters that make a desktop entry's Exec argument need quoting (the Desktop Entry
# Specification, "The Exec key"); inside quotes these four are escaped with a backslash.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = '"`$\\'


def supported() -> bool:
    return sys.platform.startswith("linux")


def entry_path() -> Path:
    """Where the autostart entry goes: $XDG_CONFIG_HOME/autostart, else ~/.config/autostart."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / FILE_NAME


def is_enabled() -> bool:
    return entry_path().is_file()


def enable(program: str, arguments: Sequence[str]) -> Path:
    """Write the entry that starts `program arguments… --minimised` at login; return its path."""
    path = entry_path()
    command = " ".join(exec_argument(part) for part in (program, *arguments, MINIMISED_OPTION))
    entry = "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=KAP Companion",
            "Comment=Opens KAP Companion, minimised, when you log in",
            f"Exec={command}",
            "Icon=kap-companion",
            "Terminal=false",
            "StartupNotify=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )
    write_atomically(path, entry.encode("utf-8"), overwrite=True, make_folder=True)
    return path


def disable() -> None:
    entry_path().unlink(missing_ok=True)


def exec_argument(argument: str) -> str:
    """`argument` written for an Exec key: quoted where the specification asks, with the
    escapes of a quoted argument and then of a string value (a backslash doubled again), and a
    field code's % written as %%."""
    if argument and not (set(argument) & _RESERVED):
        return argument.replace("%", "%%")
    quoted = "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in argument)
    return '"' + quoted.replace("\\", "\\\\").replace("%", "%%") + '"'
