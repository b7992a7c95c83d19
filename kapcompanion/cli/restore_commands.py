"""`restore --list` and `restore FILE`: seeing the backups, and putting one back.

Restoring holds the profile lock (the window must be closed), checks the backup whole before
anything moves, and keeps the data it replaces beside the database; a backup that cannot be
restored is refused in one sentence with nothing changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kapcompanion.cli.exit_codes import EXIT_OK, EXIT_PROBLEM
from kapcompanion.cli.held import held_words
from kapcompanion.cli.passphrase_commands import ask, profile_passphrase
from kapcompanion.errors import KapError
from kapcompanion.profile import Profile, ProfileLock

WHEN_FORMAT = "%Y-%m-%d %H:%M"


def add_restore_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: argparse.ArgumentParser
) -> None:
    restore = commands.add_parser(
        "restore",
        parents=[shared],
        help="list the backups, or put one back in place of your data (which is kept)",
        description=(
            "With --list, show each backup: when it was made, whether automatically or by "
            "hand, whether it is protected with a passphrase, and what it holds. With FILE, "
            "check that backup whole and put it in place of your data; the data it replaces is "
            "kept beside it, never deleted. Close the window first."
        ),
    )
    restore.add_argument("file", nargs="?", metavar="FILE", help="the backup to restore")
    restore.add_argument("--list", action="store_true", help="list the backups")
    restore.add_argument(
        "--folder",
        metavar="DIR",
        action="append",
        default=[],
        help="with --list: also list the backups in DIR (for example on an external drive)",
    )


def run_restore(profile: Profile, args: argparse.Namespace) -> int:
    if args.list == bool(args.file):
        raise KapError(
            "Give either --list, to see the backups, or the backup FILE to restore. "
            "Nothing was changed."
        )
    if args.list:
        return _list(profile, [Path(folder).expanduser().absolute() for folder in args.folder])
    return _restore(profile, Path(args.file).expanduser().absolute())


def _list(profile: Profile, folders: list[Path]) -> int:
    from kapcompanion.store.restore import list_backups

    passphrase = profile_passphrase(profile)
    found = list_backups(profile.backups_folder, *folders, passphrase=passphrase)
    where = " or ".join(str(folder) for folder in [profile.backups_folder, *folders])
    if not found and not profile.database_path.exists():  # likely a mistyped folder
        print(
            f"There is no KAP Companion data in {profile.folder} and no backups in {where}, "
            "so there is nothing to restore."
        )
        return EXIT_PROBLEM
    if not found:
        print(f"There are no backups in {where} yet; `kap-companion backup` makes one.")
        return EXIT_OK
    rows = [("When", "Made", "Passphrase", "Holds", "File")]
    for backup in found:
        holds = (
            held_words(backup.counts)
            if backup.usable
            else f"CANNOT BE RESTORED: it {backup.problem}"
        )
        rows.append(
            (
                backup.made.strftime(WHEN_FORMAT),
                backup.kind,
                "protected" if backup.protected else "none",
                holds,
                str(backup.path),
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    print(f"Backups in {where}, newest first:")
    for row in rows:
        *aligned, file = row
        cells = [cell.ljust(width) for cell, width in zip(aligned, widths, strict=True)]
        print("  ".join([*cells, file]))
    print("To put one back: kap-companion restore FILE (the data it replaces is kept).")
    return EXIT_OK


def _restore(profile: Profile, backup: Path) -> int:
    from kapcompanion.store.file_checks import looks_protected
    from kapcompanion.store.restore import RestoreError, restore, summarize

    if not backup.is_file():
        raise RestoreError(f"There is no backup file {backup}. Nothing was changed.")
    with ProfileLock(profile):
        passphrase = profile_passphrase(profile)
        if passphrase is None and looks_protected(backup):
            passphrase = ask(f"Passphrase for the backup {backup}: ")
        kept = restore(profile, backup, passphrase)
        now = summarize(profile.database_path, passphrase)
    holds = held_words(now.counts)
    print(f"Restored {backup}: your data now holds {holds}.")
    if now.protected:
        print("It is protected with the passphrase.")
    if kept is not None:
        print(f"The data it replaced is kept in {kept}.")
    return EXIT_OK
