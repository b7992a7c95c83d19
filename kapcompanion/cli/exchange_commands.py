"""`export` and `import`: everything out to a JSON file (or CSV files in a zip), and a JSON
export back in.

Each takes the profile and the parsed arguments and returns an exit code; a failure a person
can cause is raised as a `KapError` for `kapcompanion.cli.main` to print in one sentence.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from kapcompanion.cli.exit_codes import EXIT_OK
from kapcompanion.cli.passphrase_commands import profile_passphrase
from kapcompanion.profile import Profile, ProfileLock


def add_exchange_parsers(
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


def run_export(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.exchange import ExchangeError, write_csv_export, write_json_export
    from kapcompanion.store import Store

    if not profile.database_path.exists():  # never create an empty profile just to export it
        raise ExchangeError(f"There are no entries in {profile.folder} yet, so nothing to export.")
    suffix = ".zip" if args.format == "csv" else ".json"
    destination = Path(args.out or f"kap-companion-export-{datetime.now():%Y-%m-%d}{suffix}")
    write = write_csv_export if args.format == "csv" else write_json_export
    with Store.open(profile.database_path, passphrase=profile_passphrase(profile)) as store:
        summary = write(store, destination.expanduser().absolute())
    print(summary.describe())
    return EXIT_OK


def run_import(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.exchange import import_document, read_export
    from kapcompanion.store import Store
    from kapcompanion.store.automatic_backups import backup_if_due, backup_on_close

    source = Path(args.file).expanduser().absolute()
    document = read_export(source)  # checked whole before the profile is even opened
    with (
        ProfileLock(profile),
        Store.open(profile.database_path, passphrase=profile_passphrase(profile)) as store,
    ):
        # The data as it was before, if no automatic backup was made today; and as it is after.
        backup_if_due(store, profile.backups_folder, datetime.now())
        summary = import_document(store, document, source=str(source))
        backup_on_close(store, profile.backups_folder, datetime.now())
    print(f"Imported {source}. {summary.describe()}")
    return EXIT_OK
