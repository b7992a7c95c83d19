"""The command line: the same core as the window, without one. This module holds the parser
and the dispatch; each family of commands has its own module (profile_commands,
exchange_commands, report).

`kap-companion [--data-dir DIR] demo | check | backup [--out FILE] | delete-all [--confirm] |
export [--format json|csv] [--out FILE] | import FILE | report --out FILE.pdf [...] |
passphrase set|change|remove | restore --list [--folder DIR] | restore FILE`. A protected
profile's passphrase is asked for by passphrase_commands. With no command, app.py opens the
window instead. Every failure a person can cause prints one clear sentence and exits
non-zero; nothing here prints a traceback unless KAP_COMPANION_DEBUG is set.

Opening the window is the common case, and every start reads the command line first: with no
command named, only the window's options are built, and no command's module is imported.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from kapcompanion import __version__
from kapcompanion.cli.exit_codes import EXIT_UNEXPECTED
from kapcompanion.errors import KapError
from kapcompanion.profile import ENVIRONMENT_VARIABLE, Profile, resolve_profile_dir

HELP_FLAGS = ("-h", "--help")


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The command line read as the window's options alone when that is all it holds (no
    command's parser is built); otherwise with every command."""
    if not any(flag in argv for flag in HELP_FLAGS):
        window_only = build_parser(with_commands=False)
        window_only.exit_on_error = False  # a mistake is told by the whole parser, below
        try:
            args, rest = window_only.parse_known_args(argv)
        except argparse.ArgumentError:
            rest = ["?"]
        if not rest:
            args.command = None
            return args
    return build_parser().parse_args(argv)


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kap-companion",
        description=(
            "KAP Companion: a private companion for integration work in ketamine-assisted "
            "psychotherapy. Without a command it opens the window. Everything stays on this "
            "computer."
        ),
        epilog=f"Data folder: --data-dir, else ${ENVIRONMENT_VARIABLE}, else your user data "
        "folder.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    data_dir_help = "use the data in DIR instead of the usual folder"
    parser.add_argument("--data-dir", metavar="DIR", help=data_dir_help)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a throw-away sample course (your data is never touched)",
    )
    parser.add_argument(
        "--minimised",
        action="store_true",
        help="open the window minimised (as when it starts at login)",
    )
    # For benchmarks/ and end-to-end tests: quit once the window is shown, its data loaded, or
    # (for a protected profile) the unlock screen shown.
    parser.add_argument(
        "--exit-after", choices=("shown", "loaded", "locked"), help=argparse.SUPPRESS
    )

    if not with_commands:
        return parser
    from kapcompanion.cli.exchange_commands import add_exchange_parsers
    from kapcompanion.cli.passphrase_commands import add_passphrase_parser
    from kapcompanion.cli.profile_commands import add_profile_parsers
    from kapcompanion.cli.report import add_paint_child_parser, add_report_parser
    from kapcompanion.cli.restore_commands import add_restore_parser

    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--data-dir", metavar="DIR", help=data_dir_help, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_profile_parsers(commands, shared)
    add_exchange_parsers(commands, shared)
    add_report_parser(commands, shared)
    add_passphrase_parser(commands, shared)
    add_restore_parser(commands, shared)
    add_paint_child_parser(commands)
    # The window's own drawing process (kapcompanion.charts.drawing_process); not for people.
    commands.add_parser("draw-charts").add_argument("window", type=int)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run the subcommand in `args`; return the process exit code."""
    from kapcompanion.cli.exchange_commands import run_export, run_import
    from kapcompanion.cli.passphrase_commands import run_passphrase
    from kapcompanion.cli.profile_commands import run_backup, run_check, run_delete_all, run_demo
    from kapcompanion.cli.report import PAINT_CHILD_COMMAND, run_paint_child, run_report
    from kapcompanion.cli.restore_commands import run_restore

    handlers: dict[str, Callable[[Profile, argparse.Namespace], int]] = {
        "demo": run_demo,
        "check": run_check,
        "backup": run_backup,
        "delete-all": run_delete_all,
        "export": run_export,
        "import": run_import,
        "report": run_report,
        "passphrase": run_passphrase,
        "restore": run_restore,
        PAINT_CHILD_COMMAND: run_paint_child,
    }
    if args.command == "draw-charts":
        from kapcompanion.charts.drawing_process import run

        return run(args.window)
    profile = Profile(resolve_profile_dir(args.data_dir))
    try:
        return handlers[args.command](profile, args)
    except KapError as error:
        print(error.message, file=sys.stderr)
        return error.exit_code
    except Exception as error:
        if os.environ.get("KAP_COMPANION_DEBUG"):
            raise
        print(
            f"Something unexpected went wrong ({type(error).__name__}: {error}). "
            "Your data has not been changed. Set KAP_COMPANION_DEBUG=1 to see details.",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
