"""`export` and `import`: everything out to a JSON file (or CSV files in a zip), and a JSON
export back in; or, with `--format fhir`, only the finished questionnaires of some days as a
file for the client's clinic (docs/fhir-export.md).

Each takes the profile and the parsed arguments and returns an exit code; a failure a person
can cause is raised as a `KapError` for `kapcompanion.cli.main` to print in one sentence.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from kapcompanion.cli.exit_codes import EXIT_OK
from kapcompanion.cli.passphrase_commands import profile_passphrase
from kapcompanion.cli.report import day_argument
from kapcompanion.profile import Profile, ProfileLock


def add_exchange_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: argparse.ArgumentParser
) -> None:
    export = commands.add_parser(
        "export",
        parents=[shared],
        help=(
            "write everything you have to a JSON file (or CSV files in a zip), or only your "
            "questionnaires as a file for your clinic (--format fhir)"
        ),
    )
    export.add_argument(
        "--format",
        choices=("json", "csv", "fhir"),
        default="json",
        help=(
            "json (the default) can be imported again; csv is for spreadsheets; fhir is only "
            "your finished questionnaires, as a file your clinic's record system can import"
        ),
    )
    export.add_argument(
        "--out",
        metavar="FILE",
        help=(
            "where to write it (default here: kap-companion-export-DATE.json or .zip; for fhir, "
            "kap-companion-for-my-clinic-DATE.json)"
        ),
    )
    for_clinic = export.add_argument_group("for --format fhir only")
    for_clinic.add_argument(
        "--from",
        dest="start",
        metavar="YYYY-MM-DD",
        type=day_argument,
        help="first day (default: the start)",
    )
    for_clinic.add_argument(
        "--to",
        dest="end",
        metavar="YYYY-MM-DD",
        type=day_argument,
        help="last day (default: today)",
    )
    for_clinic.add_argument(
        "--name",
        metavar="TEXT",
        default="",
        help="your name or initials, the only thing about you in the file (default: none)",
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
        raise ExchangeError(
            f"There is no KAP Companion data in {profile.folder} yet, so there is nothing to "
            "export. Nothing was saved."
        )
    if args.format == "fhir":
        return _export_for_clinic(profile, args)
    if args.start or args.end or args.name:
        raise ExchangeError(
            "--from, --to and --name are for --format fhir only; nothing was saved."
        )
    suffix = ".zip" if args.format == "csv" else ".json"
    destination = Path(args.out or f"kap-companion-export-{datetime.now():%Y-%m-%d}{suffix}")
    write = write_csv_export if args.format == "csv" else write_json_export
    with Store.open(profile.database_path, passphrase=profile_passphrase(profile)) as store:
        summary = write(store, destination.expanduser().absolute())
    print(summary.describe())
    return EXIT_OK


def _export_for_clinic(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.course.trends import Period
    from kapcompanion.exchange import ExchangeError
    from kapcompanion.exchange.fhir import write_clinic_file
    from kapcompanion.store import Store

    if args.start and args.end and args.end < args.start:
        raise ExchangeError("The last day is before the first; nothing was saved.")
    destination = Path(args.out or f"kap-companion-for-my-clinic-{date.today():%Y-%m-%d}.json")
    with Store.open(profile.database_path, passphrase=profile_passphrase(profile)) as store:
        summary = write_clinic_file(
            store, destination.expanduser().absolute(), Period(args.start, args.end), args.name
        )
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
