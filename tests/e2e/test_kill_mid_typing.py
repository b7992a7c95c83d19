"""A killed app loses at most the last couple of seconds of typing: proved with SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kapcompanion.profile import DATABASE_NAME, Profile
from kapcompanion.store import Store

ROOT = Path(__file__).resolve().parents[2]
FIRST = "The music carried me somewhere I did not expect and I was not scared"
TYPING_SECONDS = 4.0
MOST_SECONDS_LOST = 2.5


def test_a_killed_app_keeps_all_but_the_last_seconds_of_typing(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.typing_child", str(tmp_path), FIRST],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    typed: list[tuple[float, int]] = []  # (when, characters in the writing area)
    try:
        assert child.stdout is not None
        first = child.stdout.readline().strip()
        if first != "typed-first":  # it ended early: say why
            child.wait(timeout=10)
            assert child.stderr is not None
            raise AssertionError(f"the app ended ({child.returncode}): {child.stderr.read()}")
        started = time.monotonic()
        while time.monotonic() - started < TYPING_SECONDS:
            typed.append((time.monotonic(), int(child.stdout.readline())))
    finally:
        os.kill(child.pid, signal.SIGKILL)  # the middle of typing: no chance to save
        killed_at = time.monotonic()
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    connection = sqlite3.connect(tmp_path / DATABASE_NAME)
    [(text,)] = connection.execute("SELECT text FROM answers").fetchall()
    connection.close()
    assert text.startswith(FIRST)
    typed_long_enough_ago = max(n for when, n in typed if killed_at - when >= MOST_SECONDS_LOST)
    assert len(text) >= typed_long_enough_ago, "more than the last seconds were lost"

    # The next start offers the interrupted reflection; the lock the killed app left is no obstacle.
    with Store.open(Profile(tmp_path).database_path) as store:
        [draft] = store.reflections.unfinished()
        assert store.reflections.get(draft.id).answers[0].text == text
