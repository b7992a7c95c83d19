"""`passphrase set|change|remove`, and asking for the passphrase of a protected profile.

Every command that opens a protected profile asks for its passphrase: at a terminal without
echo, otherwise one line per passphrase from standard input, in the order asked (current; new;
new again), so scripts and tests can answer. A wrong passphrase changes nothing and exits 1.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kapcompanion.cli.exit_codes import EXIT_OK
from kapcompanion.errors import (
    AlreadyProtectedError,
    KapError,
    NoDataFileError,
    NotProtectedError,
    PassphraseRefusedError,
)
from kapcompanion.profile import Profile, ProfileLock

if TYPE_CHECKING:
    from kapcompanion.store.protection import ProtectionReport


class NoPassphraseGivenError(KapError):
    """Standard input ended before the passphrase the command needed."""

    def __init__(self) -> None:
        super().__init__(
            "No passphrase was given (standard input ended), so nothing was opened or changed."
        )


def ask(prompt: str) -> str:
    """One passphrase: typed at the terminal unseen, else the next line of standard input."""
    if sys.stdin.isatty():
        try:
            return getpass.getpass(prompt)
        except EOFError as error:
            raise NoPassphraseGivenError() from error
    line = sys.stdin.readline()
    if not line:
        raise NoPassphraseGivenError()
    # Only the line's end goes: spaces may be part of a passphrase.
    return line.removesuffix("\n").removesuffix("\r")


def profile_passphrase(profile: Profile) -> str | None:
    """The passphrase for `profile`'s data, asked for only when it is protected."""
    from kapcompanion.store import protection

    if not protection.is_protected(profile.database_path):
        return None
    return ask(f"Passphrase for the data in {profile.folder}: ")


def add_passphrase_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: argparse.ArgumentParser
) -> None:
    passphrase = commands.add_parser(
        "passphrase",
        parents=[shared],
        help="protect your data with a passphrase, change it, or remove it",
        description=(
            "Protect the data file and its backups with a passphrase (encrypted on disk), "
            "change the passphrase, or remove it. Nothing can recover the data if the "
            "passphrase is forgotten. Passphrases are asked for at the terminal without "
            "echo, or read one per line from standard input."
        ),
    )
    action = passphrase.add_subparsers(dest="passphrase_action", metavar="ACTION", required=True)
    set_ = action.add_parser(
        "set", parents=[shared], help="protect data that has no passphrase yet"
    )
    set_.add_argument(
        "--leave-backups",
        action="store_true",
        help="do not protect the backups already made (they are listed as not protected)",
    )
    action.add_parser(
        "change", parents=[shared], help="choose a new passphrase (asks for the current one)"
    )
    action.add_parser(
        "remove", parents=[shared], help="take the passphrase away (asks for the current one)"
    )


def run_passphrase(profile: Profile, args: argparse.Namespace) -> int:
    from kapcompanion.store import protection

    database = profile.database_path
    if not database.exists():
        raise NoDataFileError(database)
    # Said before any passphrase is asked for.
    if args.passphrase_action == "set" and protection.is_protected(database):
        raise AlreadyProtectedError(database)
    if args.passphrase_action != "set" and not protection.is_protected(database):
        raise NotProtectedError(database)
    with ProfileLock(profile):
        if args.passphrase_action == "set":
            report = protection.protect(
                database,
                profile.backups_folder,
                _new_passphrase(),
                backups=not args.leave_backups,
            )
            done = "is now protected with a passphrase"
        elif args.passphrase_action == "change":
            current = ask("Current passphrase: ")
            report = protection.change(database, profile.backups_folder, current, _new_passphrase())
            done = "now opens with the new passphrase"
        else:
            current = ask("Current passphrase: ")
            report = protection.remove(database, profile.backups_folder, current)
            done = "no longer has a passphrase: anyone who can read your files can read it"
    print(f"The data in {profile.folder} {done}.")
    _describe_backups(report)
    return EXIT_OK


def _new_passphrase() -> str:
    new = ask("New passphrase: ")
    if ask("New passphrase again: ") != new:
        raise PassphraseRefusedError("The two new passphrases differ. Nothing was changed.")
    return new


def _describe_backups(report: ProtectionReport) -> None:
    if report.converted:
        print(f"Backups in the backups folder that changed with it: {len(report.converted)}.")
    _list(
        "These backups are not protected: anyone who can read your files can read them.",
        report.left_unprotected,
    )
    _list(
        "These backups did not open with that passphrase, so they were left as they were.",
        report.not_opened,
    )


def _list(heading: str, paths: list[Path]) -> None:
    if paths:
        print(heading)
        for path in paths:
            print(f"  {path}")
