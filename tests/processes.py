"""Processes the test suite starts, found again so that none outlives it.

Every process the suite starts inherits `RUN_MARK` in its environment, detached ones (the sample
course) included, so at the end they can be found by reading /proc, whoever their parent is now.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from pathlib import Path

RUN_MARK = "KAP_COMPANION_TEST_RUN"


def processes_marked(token: str) -> list[int]:
    """Live processes (other than this one) whose environment carries this run's mark.

    Empty where there is no /proc to read (the check is Linux's; elsewhere it finds nothing).
    """
    if not sys.platform.startswith("linux"):
        return []
    wanted = f"{RUN_MARK}={token}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environment = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if wanted in environment and state != "Z":
            found.append(int(entry.name))
    return found


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    if sys.platform.startswith("linux"):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return False
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    return True


def end_process(pid: int, *, patience: float = 10.0) -> None:
    """Ask a process to end (SIGTERM), then insist (SIGKILL); return once it is gone."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sent)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):  # our own child: collect it
                os.waitpid(pid, os.WNOHANG)
            if not is_running(pid):
                return
            time.sleep(0.05)
