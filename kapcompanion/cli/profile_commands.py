"""`demo`, `check`, `backup` (which also lets old automatic backups go) and `delete-all`: the
commands that look after the profile's data.

Each takes the profile and the parsed arguments and returns an exit code; a failure a person
can cause is raised as a `KapError` for `kapcompanion.cli.main` to print in one sentence.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from kapcompanion.cli.exit_codes import EXIT_OK, EXIT_PROBLEM
from kapcompanion.cli.passphrase_commands import profile_passphrase
from kapcompanion.profile import Profile, ProfileLock


def add_profile_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: argparse.ArgumentParser
) -> None:
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
    delete_all = commands.add_parser(
        "delete-all",
        parents=[shared],
        help="delete all your data: entries, backups and window settings (asks for --confirm)",
    )
    delete_all.add_argument(
        "--confirm", action="store_true", help="really delete it; without this nothing changes"
    )


def run_demo(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.demo import fill_demo
    from kapcompanion.store import Store

    with (
        ProfileLock(profile),
        Store.open(profile.database_path, passphrase=profile_passphrase(profile)) as store,
    ):
        summary = fill_demo(store)
    print(
        f"Added a sample course to {profile.folder}: {summary.dosing_sessions} dosing sessions, "
        f"{summary.other_sessions} other appointment(s), {summary.reflections} reflections "
        f"and {summary.insights} insights."
    )
    return EXIT_OK


def run_check(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.store.file_checks import check_database

    passphrase = profile_passphrase(profile)
    report = check_database(profile.database_path, passphrase)
    if not report.healthy:
        print(f"The data file {report.path} is damaged:", file=sys.stderr)
        for problem in report.problems[:20]:
            print(f"  - {problem}", file=sys.stderr)
        print(
            "Nothing was changed. Keep the file safe; a backup can be restored from it.",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    from kapcompanion.cli.held import held_words

    held = held_words(report.counts)
    print(f"All is well with {report.path} ({held}).")
    if passphrase is not None:
        _say_protection(profile)
    if report.pending_migrations:
        print("It will be updated to this version's layout the next time KAP Companion opens it.")
    return EXIT_OK


def _say_protection(profile: Profile) -> None:
    from kapcompanion.store.protection import unprotected_backups

    print("It is protected with a passphrase.")
    open_backups = unprotected_backups(profile.backups_folder)
    if open_backups:
        print(
            f"{len(open_backups)} of its backups are not protected (anyone who can read your "
            "files can read them); `kap-companion passphrase change` protects them too (the new "
            "passphrase may be the same)."
        )


def run_backup(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.store.automatic_backups import rotate
    from kapcompanion.store.backup import backup_database, default_backup_path

    destination = (
        Path(args.out).expanduser().absolute()
        if args.out
        else default_backup_path(profile.backups_folder, datetime.now())
    )
    # No lock is taken (a backup is safe beside the open window), but the profile is opened.
    profile.tighten()
    passphrase = profile_passphrase(profile)
    written = backup_database(profile.database_path, destination, passphrase)
    print(f"Backup written to {written} ({written.stat().st_size:,} bytes).")
    # Only automatic backups are ever let go; this one, made by hand, never is.
    gone = rotate(profile.backups_folder, datetime.now(), passphrase)
    if gone:
        print(f"Older automatic backups let go (each kept day, week and month stays): {len(gone)}.")
    return EXIT_OK


def run_delete_all(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.erase_profile import erase_profile, profile_files

    found = profile_files(profile)
    if found.empty:
        print(f"There is no KAP Companion data in {profile.folder}, so nothing was removed.")
        return EXIT_PROBLEM
    if not args.confirm:
        print(
            f"This would delete {found.describe()} from {profile.folder}, for good. Nothing "
            "else in the folder, and no export you saved elsewhere, would be touched. Nothing "
            "was changed; to delete it, run the same command with --confirm.",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    with ProfileLock(profile) as lock:
        removed = erase_profile(profile, lock)
    print(
        f"Deleted {removed.describe()} from {profile.folder}. Exports you saved elsewhere "
        "were not touched."
    )
    return EXIT_OK
