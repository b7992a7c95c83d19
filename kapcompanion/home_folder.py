"""The account's home folder when HOME is not set.

Started with a bare environment (`env -i`, some service managers), Qt takes "/" for the home
folder and the data folder would be `//.local/share/kap-companion`. The shell and Python's own
`expanduser` fall back to the account's entry in the password database; so does KAP Companion.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping


def fill_in_home(environ: MutableMapping[str, str] | None = None) -> None:
    """Set HOME from the password database if it is unset or empty (POSIX only)."""
    environ = os.environ if environ is None else environ
    if environ.get("HOME") or os.name != "posix":
        return
    import pwd

    try:
        home = pwd.getpwuid(os.getuid()).pw_dir
    except KeyError:  # an account with no entry: nothing better to offer
        return
    if home:
        environ["HOME"] = home
