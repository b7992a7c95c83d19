"""How to start KAP Companion itself as another process (the sample course, work done aside).

From a Python installation that is the interpreter running `app`; from a self-contained
bundle (PyInstaller sets `sys.frozen`) it is the bundle's own program, which takes the same
arguments.
"""

from __future__ import annotations

import sys


def own_program(*arguments: str) -> tuple[str, list[str]]:
    """The program and arguments that run KAP Companion with `arguments`.

    -P keeps the current folder off the import path, so an unrelated app.py there can never
    be run in our place.
    """
    if getattr(sys, "frozen", False):
        return sys.executable, list(arguments)
    return sys.executable, ["-P", "-m", "app", *arguments]
