"""The command line: the same core as the window, without one.

`kap-companion [--data-dir DIR] demo | check | backup [--out FILE] | export [--format json|csv]
[--out FILE] | import FILE | report --out FILE.pdf [...]`. With no command, app.py opens the
window instead. Every failure a person can cause prints one clear sentence and exits non-zero;
nothing here prints a traceback unless KAP_COMPANION_DEBUG is set.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kapcompanion import __version__
from kapcompanion.cli.report import add_report_parser, run_report
from kapcompanion.errors import KapError
from kapcompanion.profile import ENVIRONMENT_VARIABLE, Profile, ProfileLock, resolve_profile_dir

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_UNEXPECTED = 70


def build_parser() -> argparse.ArgumentParser:
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
    # For benchmarks/ and end-to-end tests: quit once the window is shown or its data loaded.
    parser.add_argument("--exit-after", choices=("shown", "loaded"), help=argparse.SUPPRESS)

    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--data-dir", metavar="DIR", help=data_dir_help, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "demo", parents=[shared], help="fill an empty data folder with a sample course"
    )
    commands.add_parser(
        "check", parents=[shared], help="check that the data file is whole (changes nothing)"
    )
    backup = commands.add_parser(
        "backup", parents=[shared], help="write a consistent copy of the data file"
    )
    backup.add_argument(
        "--out",
        metavar="FILE",
        help="where to write it (default: the backups folder in the data folder)",
    )
    _add_exchange_commands(commands, shared)
    add_report_parser(commands, shared)
    return parser


def _add_exchange_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: argparse.ArgumentParser
) -> None:
    export = commands.add_parser(
        "export",
        parents=[shared],
        help="write everything you have to a JSON file (or CSV files in a zip)",
    )
    export.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json (the default) can be imported again; csv is for spreadsheets",
    )
    export.add_argument(
        "--out",
        metavar="FILE",
        help="where to write it (default: kap-companion-export-DATE.json or .zip here)",
    )
    imported = commands.add_parser(
        "import",
        parents=[shared],
        help="add the entries of a JSON export; what is already here stays as it is",
    )
    imported.add_argument("file", metavar="FILE", help="a JSON file made by export")


def run_command(args: argparse.Namespace) -> int:
    """Run the subcommand in `args`; return the process exit code."""
    handlers: dict[str, Callable[[Profile, argparse.Namespace], int]] = {
        "demo": _demo,
        "check": _check,
        "backup": _backup,
        "export": _export,
        "import": _import,
        "report": run_report,
    }
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


def _demo(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.demo import fill_demo
    from kapcompanion.store import Store

    with ProfileLock(profile), Store.open(profile.database_path) as store:
        summary = fill_demo(store)
    print(
        f"Added a sample course to {profile.folder}: {summary.dosing_sessions} dosing sessions, "
        f"{summary.other_sessions} other appointment(s), {summary.reflections} reflections "
        f"and {summary.insights} insights."
    )
    return EXIT_OK


def _check(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.store.file_checks import check_database

    report = check_database(profile.database_path)
    if not report.healthy:
        print(f"The data file {report.path} is damaged:", file=sys.stderr)
        for problem in report.problems[:20]:
            print(f"  - {problem}", file=sys.stderr)
        print(
            "Nothing was changed. Keep the file safe; a backup can be restored from it.",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    held = ", ".join(f"{count} {table}" for table, count in report.counts.items())
    print(f"All is well with {report.path} ({held}).")
    if report.pending_migrations:
        print("It will be updated to this version's layout the next time KAP Companion opens it.")
    return EXIT_OK


def _backup(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.store.backup import backup_database, default_backup_path

    destination = (
        Path(args.out).expanduser().absolute()
        if args.out
        else default_backup_path(profile.backups_folder, datetime.now())
    )
    written = backup_database(profile.database_path, destination)
    print(f"Backup written to {written} ({written.stat().st_size:,} bytes).")
    return EXIT_OK


def _export(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.exchange import ExchangeError, write_csv_export, write_json_export
    from kapcompanion.store import Store

    if not profile.database_path.exists():  # never create an empty profile just to export it
        raise ExchangeError(f"There are no entries in {profile.folder} yet, so nothing to export.")
    suffix = ".zip" if args.format == "csv" else ".json"
    destination = Path(args.out or f"kap-companion-export-{datetime.now():%Y-%m-%d}{suffix}")
    write = write_csv_export if args.format == "csv" else write_json_export
    with Store.open(profile.database_path) as store:
        summary = write(store, destination.expanduser().absolute())
    print(summary.describe())
    return EXIT_OK


def _import(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.exchange import import_document, read_export
    from kapcompanion.store import Store

    source = Path(args.file).expanduser().absolute()
    document = read_export(source)  # checked whole before the profile is even opened
    with ProfileLock(profile), Store.open(profile.database_path) as store:
        summary = import_document(store, document, source=str(source))
    print(f"Imported {source}. {summary.describe()}")
    return EXIT_OK
