"""Reading a file's permission bits, for the tests that check the profile stays private
(the `usual_umask` fixture in conftest sets the umask they run under)."""

from __future__ import annotations

import stat
from pathlib import Path


def mode(path: Path) -> int:
    """The permission bits of `path` (0o600, 0o700, ...)."""
    return stat.S_IMODE(path.stat().st_mode)


def modes(*paths: Path) -> dict[str, str]:
    """Each path's name and its permission bits in octal ("0o600"), for one readable assertion
    that names every file that is wrong."""
    return {path.name: oct(mode(path)) for path in paths}
