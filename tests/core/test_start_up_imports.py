"""What the program loads before it knows what to do: the command line is read on every start,
window or not, so it must not pull in the store, numpy, matplotlib or Qt's GUI."""

from __future__ import annotations

import subprocess
import sys

from tests.paths import REPOSITORY

ROOT = REPOSITORY
HEAVY = ("sqlite_utils", "numpy", "matplotlib", "PySide6.QtGui", "PySide6.QtWidgets")


def test_reading_the_command_line_loads_nothing_heavy() -> None:
    program = (
        "import sys\n"
        "from kapcompanion.cli.main import build_parser\n"
        "build_parser().parse_args(['report', '--out', 'x.pdf'])\n"
        f"loaded = [name for name in {HEAVY!r} if name in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", program], cwd=ROOT, check=True)


def test_opening_the_data_leaves_numpy_for_the_charts() -> None:
    """numpy costs a fifth of a second and megabytes: the data opens without it, and the charts
    still get it when they need it."""
    program = (
        "import sys, pathlib, tempfile\n"
        "from kapcompanion.store import Store\n"
        "folder = pathlib.Path(tempfile.mkdtemp())\n"
        "with Store.open(folder / 'profile.sqlite3') as store:\n"
        "    store.insights.add('A quiet morning.')\n"
        "    assert [insight.text for insight in store.insights.list()] == ['A quiet morning.']\n"
        "assert 'numpy' not in sys.modules, 'numpy imported by opening the data'\n"
        "import numpy\n"
        "assert numpy.arange(3).sum() == 3\n"
    )
    subprocess.run([sys.executable, "-c", program], cwd=ROOT, check=True)


def test_opening_the_window_reads_its_options_without_any_commands_module() -> None:
    program = (
        "import sys\n"
        "from kapcompanion.cli.main import parse_arguments\n"
        "args = parse_arguments(['--data-dir', 'somewhere', '--demo'])\n"
        "assert (args.command, args.data_dir, args.demo) == (None, 'somewhere', True), args\n"
        "loaded = sorted(name for name in sys.modules if name.endswith('_commands'))\n"
        "assert not loaded, loaded\n"
        "assert 'kapcompanion.cli.report' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", program], cwd=ROOT, check=True)
