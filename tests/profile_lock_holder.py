"""A second process that holds a profile's lock, as another running copy of the app would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOLD_LOCK = """
import sys, time
from pathlib import Path
from kapcompanion.profile import Profile, ProfileLock
lock = ProfileLock(Profile(Path(sys.argv[1])))
lock.acquire()
print("holding", flush=True)
time.sleep(60)
"""


@contextmanager
def lock_held_elsewhere(folder: Path) -> Iterator[subprocess.Popen[str]]:
    """Run a process holding `folder`'s lock for the duration of the block."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        yield holder
    finally:
        holder.kill()
        holder.wait()
