"""Start-up benchmark: the time from launch until KAP Companion's window is shown.

Each variant is a fresh Python process. Two times are taken: **ready**, from launch until the
process says it is ready (app.py's `--exit-after` and bare_window.py print `ready-at` and the
time on the monotonic clock, which every process shares, on the event loop's turn after the
window is shown, the data loaded or the unlock screen shown), and **whole**, until the process
has ended (which adds the tearing down of everything it made). The target is judged on ready:
start-up to the first visible window.

- bare window: benchmarks/bare_window.py, an empty PySide6 window shown then quit (the floor);
- app shown: `app.py --data-dir DIR --exit-after shown`, the real window shown then quit, before
  the storage layer is imported;
- app loaded: `app.py --data-dir DIR --exit-after loaded`, shown and the database opened and Home
  filled, on the sample course and on a synthetic ten-year profile built once per run;
- unlock screen: `app.py --data-dir DIR --exit-after locked` on the ten-year profile protected
  with a passphrase: shown, found protected, and the unlock screen painted;
- app shown (Trends last), app shown (Printout last): `--exit-after shown` on copies of the
  ten-year profile whose window.ini names that screen as the last one on show (the window paints
  first; the screen itself is built after the first paint).

The variants run interleaved (order rotated each round) after two warm-up rounds. The target is
app shown ≤ 1.3 × bare window (by median). One extra `-X importtime` run checks that matplotlib
and sqlite_utils are not yet imported when the window is shown. It reports; it always exits 0
unless a variant fails to run.

Run from the repository root:

    .venv/bin/python benchmarks/startup.py [--rounds 15]
    .venv/bin/python -m benchmarks.startup [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGET_RATIO = 1.3
WARM_UP_ROUNDS = 2
BARE = "bare window"
BARE_QT = "bare window + Qt namespace"
SHOWN = "app shown"
LOADED_SAMPLE = "app loaded (sample course)"
LOADED_LARGE = "app loaded (10-year profile)"
LOCKED_LARGE = "unlock screen (protected 10-y)"
SHOWN_TRENDS = "app shown (Trends last)"
SHOWN_PRINTOUT = "app shown (Printout last)"
PASSPHRASE = "a passphrase for the benchmark"
READY_AT = "ready-at"  # as ui.application and bare_window.py print it


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Installed copies run from cached bytecode (pip compiles it); let the warm-up rounds
    # write it here too, so every variant is measured as a user would run it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return result


@dataclass(frozen=True)
class Timing:
    ready: float  # seconds from launch until the process said it was ready
    whole: float  # seconds from launch until the process ended


def timed(command: list[str], env: dict[str, str]) -> Timing:
    start = time.monotonic()
    result = run(command, env)
    whole = time.monotonic() - start
    said = [line.split() for line in result.stdout.splitlines() if line.startswith(READY_AT)]
    if not said:
        sys.exit(f"{' '.join(command)} did not say when it was ready ({READY_AT} …)")
    return Timing(ready=float(said[-1][1]) - start, whole=whole)


def interleaved(
    commands: dict[str, list[str]], rounds: int, env: dict[str, str]
) -> dict[str, list[Timing]]:
    """Each command once per round, its place in the round moving each time, after
    WARM_UP_ROUNDS not counted: every variant meets the machine in the same states."""
    names = list(commands)
    samples: dict[str, list[Timing]] = {name: [] for name in names}
    for round_number in range(WARM_UP_ROUNDS + rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            elapsed = timed(commands[name], env)
            if round_number >= WARM_UP_ROUNDS:
                samples[name].append(elapsed)
    return samples


def app_command(data_dir: Path, *extra: str) -> list[str]:
    return [PYTHON, str(ROOT / "app.py"), "--data-dir", str(data_dir), *extra]


def protected_copy(source: Path, destination: Path) -> None:
    """The 10-year profile again, protected with a passphrase (the window stops at its unlock
    screen; opening it is measured by benchmarks/protected.py)."""
    import shutil

    from kapcompanion.profile import Profile
    from kapcompanion.store import protection

    profile = Profile(destination)
    shutil.copyfile(Profile(source).database_path, profile.database_path)
    protection.protect(profile.database_path, profile.backups_folder, PASSPHRASE)


def last_screen_copy(source: Path, destination: Path, screen: str) -> None:
    """The 10-year profile again, its window.ini naming `screen` as the last one on show."""
    import shutil

    from kapcompanion.profile import Profile

    profile = Profile(destination)
    shutil.copyfile(Profile(source).database_path, profile.database_path)
    profile.window_state_path.write_text(f"[window]\ndestination={screen}\n", encoding="utf-8")


def check_imports(data_dir: Path, env: dict[str, str]) -> list[str]:
    """One `-X importtime` run of `--exit-after shown`: what of the heavy modules was imported."""
    command = app_command(data_dir, "--exit-after", "shown")
    command[1:1] = ["-X", "importtime"]
    result = run(command, env)
    modules = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ]
    lines = []
    for name in ("matplotlib", "sqlite_utils"):
        found = [module for module in modules if module.split(".")[0] == name]
        verdict = f"IMPORTED ({len(found)} modules)" if found else "not imported"
        lines.append(f"  {name:<13} {verdict}")
    return lines


def summarise(samples: list[float]) -> tuple[float, float]:
    """Median and 90th percentile, in seconds."""
    if len(samples) < 2:
        return samples[0], samples[0]
    return statistics.median(samples), statistics.quantiles(samples, n=10, method="inclusive")[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15, help="measured rounds (default 15)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    env = environment()
    with tempfile.TemporaryDirectory(prefix="kap-bench-") as temp:
        folders = {
            name: Path(temp) / name
            for name in ("empty", "sample", "large", "protected", "trends", "report")
        }
        for folder in folders.values():
            folder.mkdir()
        run(app_command(folders["sample"], "demo"), env)
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        from benchmarks import ten_years

        ten_years.build(folders["large"])
        protected_copy(folders["large"], folders["protected"])
        for screen in ("trends", "report"):
            last_screen_copy(folders["large"], folders[screen], screen)
        commands = {
            BARE: [PYTHON, str(ROOT / "benchmarks" / "bare_window.py")],
            BARE_QT: [PYTHON, str(ROOT / "benchmarks" / "bare_window.py"), "--with-qt-namespace"],
            SHOWN: app_command(folders["empty"], "--exit-after", "shown"),
            LOADED_SAMPLE: app_command(folders["sample"], "--exit-after", "loaded"),
            LOADED_LARGE: app_command(folders["large"], "--exit-after", "loaded"),
            LOCKED_LARGE: app_command(folders["protected"], "--exit-after", "locked"),
            SHOWN_TRENDS: app_command(folders["trends"], "--exit-after", "shown"),
            SHOWN_PRINTOUT: app_command(folders["report"], "--exit-after", "shown"),
        }
        names = list(commands)
        samples = interleaved(commands, args.rounds, env)
        imports = {
            label: check_imports(folders[folder], env)
            for label, folder in (
                ("empty profile", "empty"),
                ("Trends last", "trends"),
                ("Printout last", "report"),
            )
        }

    print(
        f"KAP Companion start-up: {args.rounds} rounds after {WARM_UP_ROUNDS} warm-up, "
        f"{os.cpu_count()} CPUs, QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}"
    )
    print(
        "10-year profile: benchmarks/ten_years.py (500 sessions, 1,500 reflections, 1,000 insights)"
    )
    print(f"{'variant':<30} {'ready s':>8} {'p90 s':>7} {'× bare':>7} {'whole s':>8} {'× bare':>7}")
    ready = {name: [timing.ready for timing in samples[name]] for name in names}
    whole = {name: [timing.whole for timing in samples[name]] for name in names}
    bare_ready, bare_whole = statistics.median(ready[BARE]), statistics.median(whole[BARE])
    for name in names:
        median, p90 = summarise(ready[name])
        whole_median = statistics.median(whole[name])
        print(
            f"{name:<30} {median:>8.3f} {p90:>7.3f} {median / bare_ready:>7.2f}"
            f" {whole_median:>8.3f} {whole_median / bare_whole:>7.2f}"
        )
    for name in (SHOWN, SHOWN_TRENDS, SHOWN_PRINTOUT):
        ratio = statistics.median(ready[name]) / bare_ready
        verdict = "within target" if ratio <= TARGET_RATIO else "over target"
        print(f"Target: {name} ≤ {TARGET_RATIO}× bare window. Now {ratio:.2f}×: {verdict}.")
    print("Imported by the time the window is shown (-X importtime, --exit-after shown):")
    for label, lines in imports.items():
        print(f" {label}:")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
