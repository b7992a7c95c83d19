"""Smoke test of the built bundle (dist/kap-companion/) as a client starts it: no Python, no
virtual environment, a bare environment (`env -i PATH=/usr/bin:/bin HOME=…`).

It runs `--version`, `demo`, `check`, `backup`, `export` and `report` (the PDF read back with
pypdf, from the Python running this script, never the bundle's), opens the window offscreen
until its data is loaded, ends a window with SIGTERM, and starts the bundle with HOME unset, from
a read-only folder, from a path with spaces and non-ASCII letters, and with no fonts configured.
Each must work or say what is wrong in a sentence: never a traceback, never a process left.

Run from the repository root, after scripts/build-bundle.sh (`.ci/run` does both):

    .venv/bin/python scripts/smoke_test_bundle.py [BUNDLE_FOLDER]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAM_NAME = "kap-companion"
TRACEBACK = "Traceback (most recent call last)"
READY_AT = "ready-at"  # what `--exit-after` prints once the window is ready (ui.application)
MARK = "KAP_COMPANION_SMOKE_TEST"  # every process started here carries it, to find leftovers
TIMEOUT_S = 120
MESSAGE_WAIT_S = 10  # a window still there this long after starting shows a message box
NOBODY = 65534  # who the bundle runs as when this runs as root (root may write anywhere)


class SmokeTestError(Exception):
    """One check did not behave as a client needs; the message says how."""


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: str
    stderr: str


class Bundle:
    """The bundle's program, started in a bare environment."""

    def __init__(self, folder: Path, scratch: Path) -> None:
        self.folder = folder
        self.scratch = scratch
        self.token = uuid.uuid4().hex
        # As root, a read-only folder or an unwritable / would be no test at all: run the
        # bundle as an ordinary user instead, as a client would.
        self.as_user: list[str] = []
        if os.geteuid() == 0 and shutil.which("setpriv"):
            self.as_user = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
            give_to_user(scratch)

    def command(self, program: Path, *arguments: str) -> list[str]:
        return [*self.as_user, str(program), *arguments]

    @property
    def program(self) -> Path:
        return self.folder / PROGRAM_NAME

    def environment(self, home: Path | None, **extra: str) -> dict[str, str]:
        environment = {"PATH": "/usr/bin:/bin", MARK: self.token, **extra}
        if home is not None:
            environment["HOME"] = str(home)
        return environment

    def run(
        self,
        *arguments: str,
        home: Path | None,
        program: Path | None = None,
        typed: str | None = None,
        **extra: str,
    ) -> Outcome:
        result = subprocess.run(
            self.command(program or self.program, *arguments),
            env=self.environment(home, **extra),
            cwd=self.scratch,
            input=typed,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
        )
        outcome = Outcome(result.returncode, result.stdout, result.stderr)
        if TRACEBACK in outcome.stdout + outcome.stderr:
            raise SmokeTestError(f"{' '.join(arguments)} printed a traceback:\n{outcome.stderr}")
        return outcome

    def succeed(
        self,
        *arguments: str,
        home: Path | None,
        program: Path | None = None,
        typed: str | None = None,
        **extra: str,
    ) -> Outcome:
        outcome = self.run(*arguments, home=home, program=program, typed=typed, **extra)
        if outcome.returncode != 0:
            raise SmokeTestError(
                f"{' '.join(arguments)} exited {outcome.returncode}:\n{outcome.stderr}"
            )
        return outcome

    def leftovers(self) -> list[int]:
        wanted = f"{MARK}={self.token}".encode()
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                environment = (entry / "environ").read_bytes().split(b"\0")
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if wanted in environment and state != "Z":
                found.append(int(entry.name))
        return found


def give_to_user(path: Path) -> None:
    """Make `path` (and what is in it) the ordinary user's the bundle runs as under root."""
    for item in [path, *path.rglob("*")]:
        os.chown(item, NOBODY, NOBODY, follow_symlinks=False)


def new_home(bundle: Bundle, name: str) -> Path:
    home = bundle.scratch / name
    home.mkdir()
    if bundle.as_user:
        give_to_user(home)
    return home


def check_version(bundle: Bundle) -> str:
    from kapcompanion import __version__  # the checkout the bundle was built from

    said = bundle.succeed("--version", home=new_home(bundle, "version")).stdout.strip()
    if said != f"{PROGRAM_NAME} {__version__}":
        raise SmokeTestError(f"--version said {said!r}, not {PROGRAM_NAME} {__version__}")
    return said


def check_commands(bundle: Bundle) -> str:
    """demo, check, backup, export and report, in the usual data folder of a fresh HOME."""
    from pypdf import PdfReader

    home = new_home(bundle, "commands")
    data = home / ".local" / "share" / PROGRAM_NAME
    bundle.succeed("demo", home=home)
    if not (data / "kap-companion.sqlite3").is_file():
        raise SmokeTestError(f"demo wrote no database in {data}")
    bundle.succeed("check", home=home)
    bundle.succeed("backup", home=home)
    if not list((data / "backups").glob("*.sqlite3")):
        raise SmokeTestError("backup made no file in backups/")
    exported = home / "export.json"
    bundle.succeed("export", "--out", str(exported), home=home)
    if b'"sessions"' not in exported.read_bytes():
        raise SmokeTestError("the export holds no sessions")
    pdf = home / "report.pdf"
    bundle.succeed("report", "--out", str(pdf), home=home)
    pages = PdfReader(pdf).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    if not pages or "KAP Companion · a report for the therapist" not in text:
        raise SmokeTestError(f"the report's {len(pages)} page(s) do not read as a report")
    return f"demo, check, backup, export, report ({len(pages)} PDF pages read back)"


def check_passphrase(bundle: Bundle) -> str:
    """Passphrase protection: SQLCipher is in the bundle, the data file is encrypted, and the
    commands open it again with the passphrase."""
    home = new_home(bundle, "protected")
    bundle.succeed("demo", home=home)
    passphrase = "a passphrase for the smoke test\n"
    bundle.succeed("passphrase", "set", home=home, typed=passphrase * 2)
    database = home / ".local" / "share" / PROGRAM_NAME / "kap-companion.sqlite3"
    if database.read_bytes()[:16] == b"SQLite format 3\0":
        raise SmokeTestError("passphrase set left the data file readable without it")
    said = bundle.succeed("check", home=home, typed=passphrase).stdout.strip()
    return f"set, then check: {first_line(said)}"


def check_window(bundle: Bundle) -> str:
    """The window offscreen on the sample course, until its data is loaded and shown."""
    home = new_home(bundle, "window")
    bundle.succeed("demo", home=home)
    outcome = bundle.succeed("--exit-after", "loaded", home=home, QT_QPA_PLATFORM="offscreen")
    if READY_AT not in outcome.stdout:
        raise SmokeTestError("the window never said it was ready")
    if "UTF-8" in outcome.stderr:  # in the C locale, as from a venv (packaging/runtime_hook.py)
        raise SmokeTestError(f"Qt warned about the locale:\n{outcome.stderr}")
    return "shown and loaded offscreen"


def check_sigterm(bundle: Bundle) -> str:
    """A window ended by SIGTERM once shown closes cleanly, leaving no process or lock."""
    home = new_home(bundle, "sigterm")
    bundle.succeed("demo", home=home)
    lock = home / ".local" / "share" / PROGRAM_NAME / "kap-companion.lock"
    child = subprocess.Popen(
        bundle.command(bundle.program),
        env=bundle.environment(home, QT_QPA_PLATFORM="offscreen"),
        cwd=bundle.scratch,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while not lock.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2.0)  # the window shows just after it takes the lock
        if child.poll() is not None:
            raise SmokeTestError(f"the window ended by itself ({child.returncode})")
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    if child.returncode != 0 or TRACEBACK in stderr:
        raise SmokeTestError(f"SIGTERM ended the window with {child.returncode}:\n{stderr}")
    if lock.exists():
        raise SmokeTestError("the profile lock was left behind")
    return "ended cleanly"


def check_home_unset(bundle: Bundle) -> str:
    """With no HOME the app takes the account's home from the password database, as a shell
    would; the XDG folders point into the scratch folder so this never touches the real data of
    whoever runs it. The commands answer in a sentence, the window opens (or, should no folder
    be usable, says so in a message box, which nobody can close offscreen, so it is ended)."""
    xdg = bundle.scratch / "no-home"
    folders = {
        "XDG_DATA_HOME": str(xdg / "data"),
        "XDG_CONFIG_HOME": str(xdg / "config"),
        "XDG_CACHE_HOME": str(xdg / "cache"),
        "MPLCONFIGDIR": str(xdg / "matplotlib"),
    }
    outcome = bundle.run(
        "check",
        home=None,
        XDG_DATA_HOME=folders["XDG_DATA_HOME"],
        XDG_CONFIG_HOME=folders["XDG_CONFIG_HOME"],
        XDG_CACHE_HOME=folders["XDG_CACHE_HOME"],
        MPLCONFIGDIR=folders["MPLCONFIGDIR"],
    )
    words = outcome.stderr.strip() or outcome.stdout.strip()
    if outcome.returncode != 0 and not words:
        raise SmokeTestError(f"with HOME unset it exited {outcome.returncode} without a word")
    if outcome.returncode == 1 and folders["XDG_DATA_HOME"] not in words:
        raise SmokeTestError(f"with HOME unset it looked somewhere else: {words}")
    child = subprocess.Popen(
        bundle.command(bundle.program, "--exit-after", "loaded"),
        env=bundle.environment(None, QT_QPA_PLATFORM="offscreen", **folders),
        cwd=bundle.scratch,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        stdout, stderr = child.communicate(timeout=MESSAGE_WAIT_S)
        window = f"window: exit {child.returncode}"
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGTERM)
        stdout, stderr = child.communicate(timeout=30)
        window = "window: a message box, ended by SIGTERM"
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    if TRACEBACK in stdout + stderr:
        raise SmokeTestError(f"the window with HOME unset printed a traceback:\n{stderr}")
    if child.returncode not in (0, 1, -signal.SIGTERM) or (
        child.returncode == 1 and not stderr.strip()
    ):
        raise SmokeTestError(f"the window with HOME unset exited {child.returncode}:\n{stderr}")
    return f"check: {first_line(words)}; {window}"


def check_read_only_folder(bundle: Bundle) -> str:
    """The bundle copied into a folder no one may write, then run from there."""
    copy = bundle.scratch / "read-only" / PROGRAM_NAME
    shutil.copytree(bundle.folder, copy, symlinks=True)
    for path in [copy, *copy.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o222)
    try:
        home = new_home(bundle, "from-read-only")
        bundle.succeed("demo", home=home, program=copy / PROGRAM_NAME)
        bundle.succeed(
            "--exit-after",
            "loaded",
            home=home,
            program=copy / PROGRAM_NAME,
            QT_QPA_PLATFORM="offscreen",
        )
    finally:
        for path in [copy, *copy.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | 0o200)
    return "demo and window"


def check_unusual_path(bundle: Bundle) -> str:
    copy = bundle.scratch / "Mes programmes à moi" / "Zoë's apps" / PROGRAM_NAME
    shutil.copytree(bundle.folder, copy, symlinks=True)
    home = new_home(bundle, "unusual home ü")
    bundle.succeed("demo", home=home, program=copy / PROGRAM_NAME)
    pdf = home / "report.pdf"
    bundle.succeed("report", "--out", str(pdf), home=home, program=copy / PROGRAM_NAME)
    window = bundle.succeed(
        "--exit-after",
        "loaded",
        home=home,
        program=copy / PROGRAM_NAME,
        QT_QPA_PLATFORM="offscreen",
    )
    if "Could not parse" in window.stderr:  # the stylesheet names its icons by their path
        raise SmokeTestError(f"the window lost its stylesheet:\n{window.stderr}")
    return f"demo, report and window from {copy.parent}"


def check_no_fonts(bundle: Bundle) -> str:
    empty_config = bundle.scratch / "no-fonts.conf"
    empty_config.write_text("<?xml version='1.0'?>\n<fontconfig></fontconfig>\n", encoding="utf-8")
    home = new_home(bundle, "no-fonts")
    bundle.succeed("demo", home=home, FONTCONFIG_FILE=str(empty_config))
    outcome = bundle.run(
        "--exit-after",
        "loaded",
        home=home,
        FONTCONFIG_FILE=str(empty_config),
        QT_QPA_PLATFORM="offscreen",
    )
    if outcome.returncode != 0 and not outcome.stderr.strip():
        raise SmokeTestError(f"with no fonts the window exited {outcome.returncode} silently")
    report = bundle.run(
        "report", "--out", str(home / "r.pdf"), home=home, FONTCONFIG_FILE=str(empty_config)
    )
    if report.returncode != 0 and not report.stderr.strip():
        raise SmokeTestError(f"with no fonts the report exited {report.returncode} silently")
    return f"window: exit {outcome.returncode}; report: exit {report.returncode}"


def first_line(words: str) -> str:
    return words.splitlines()[0][:90] if words else "(nothing said)"


CHECKS: list[tuple[str, Callable[[Bundle], str]]] = [
    ("--version", check_version),
    ("commands", check_commands),
    ("passphrase", check_passphrase),
    ("window", check_window),
    ("window, SIGTERM", check_sigterm),
    ("HOME unset", check_home_unset),
    ("read-only folder", check_read_only_folder),
    ("spaces and non-ASCII path", check_unusual_path),
    ("no fonts configured", check_no_fonts),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / PROGRAM_NAME))
    args = parser.parse_args(argv)
    folder = Path(args.bundle).absolute()
    if not (folder / PROGRAM_NAME).is_file():
        print(f"There is no bundle at {folder}; build it with scripts/build-bundle.sh.")
        return 1
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    failures = 0
    with tempfile.TemporaryDirectory(prefix="kap-smoke-") as scratch:
        bundle = Bundle(folder, Path(scratch))
        for name, check in CHECKS:
            started = time.monotonic()
            try:
                said = check(bundle)
            except (SmokeTestError, subprocess.TimeoutExpired, OSError) as failure:
                failures += 1
                print(f"FAIL {name}: {failure}")
            else:
                print(f"ok   {name} ({time.monotonic() - started:.1f} s): {said}")
            left = bundle.leftovers()
            if left:
                failures += 1
                print(f"FAIL {name}: processes left running: {left}")
                for pid in left:
                    os.kill(pid, signal.SIGKILL)
    print("smoke test passed" if not failures else f"smoke test FAILED ({failures})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
