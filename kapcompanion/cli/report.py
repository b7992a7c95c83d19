"""`kap-companion report`: the therapist printout as a PDF, from the command line.

`kap-companion [--data-dir DIR] report --out FILE.pdf [--from YYYY-MM-DD] [--to YYYY-MM-DD]
[--include-all] [--medications] [--name TEXT] [--note TEXT] [--paper a4|letter]`

The same engine as the window's Save as PDF. Only the reflections and insights marked
shareable go in unless --include-all is given. A profile with no data file yet gets the friendly
one-page report, and no data file is created for it.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kapcompanion.cli.exit_codes import EXIT_OK
from kapcompanion.cli.passphrase_commands import profile_passphrase
from kapcompanion.errors import NoDataFileError
from kapcompanion.profile import Profile, ProfileLock

if TYPE_CHECKING:  # the parser is built on every start: the store and Qt load only to run
    from kapcompanion.report.content.options import ReportOptions
    from kapcompanion.store import Store


PAPER_SIZES = ("a4", "letter")


def day_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, for example 2026-11-25"
        ) from None


def add_report_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    shared: argparse.ArgumentParser,
) -> None:
    """Add the `report` command to the command line's subcommands."""
    report = commands.add_parser(
        "report",
        parents=[shared],
        help="save a PDF report to share with your therapist",
        description=(
            "Save the report for your therapist as a PDF. Only the reflections and insights "
            "you marked as shareable are included, unless you add --include-all. The sessions "
            "section lists each session with your notes on its after-effects."
        ),
    )
    report.add_argument("--out", metavar="FILE.pdf", required=True, help="where to save the PDF")
    report.add_argument(
        "--from",
        dest="start",
        metavar="YYYY-MM-DD",
        type=day_argument,
        help="first day (default: the start)",
    )
    report.add_argument(
        "--to",
        dest="end",
        metavar="YYYY-MM-DD",
        type=day_argument,
        help="last day (default: today)",
    )
    report.add_argument(
        "--include-all",
        action="store_true",
        help=(
            "include every finished reflection and insight in the period, shareable or not "
            "(your notes on after-effects are printed with the sessions either way)"
        ),
    )
    report.add_argument(
        "--medications",
        action="store_true",
        help="add your medication list, current and past, for the prescriber",
    )
    report.add_argument(
        "--name",
        metavar="TEXT",
        default="",
        help="your name or initials for the header (up to 80 characters)",
    )
    report.add_argument(
        "--note", metavar="TEXT", default="", help="a note to your therapist on the first page"
    )
    report.add_argument(
        "--paper", choices=PAPER_SIZES, help="paper size (default: the one your locale uses)"
    )


def report_options(store: Store, args: argparse.Namespace) -> ReportOptions:
    """The options the command line asks for, from the same defaults as the window."""
    from kapcompanion.course.trends import Period
    from kapcompanion.report.content.options import (
        PeriodChoice,
        ReportSection,
        period_for,
        preselected_options,
        report_candidates,
        shown_name,
    )

    chosen = Period(args.start, args.end)
    period = period_for(store, PeriodChoice.CUSTOM, date.today(), chosen)
    candidates = report_candidates(store, period)
    options = preselected_options(period, candidates)
    if args.include_all:
        options = replace(
            options,
            reflection_ids=frozenset(r.id for r in candidates.reflections),
            insight_ids=frozenset(i.id for i in candidates.insights),
        )
    if args.medications:
        options = replace(options, sections=options.sections | {ReportSection.MEDICATIONS})
    return replace(options, client_name=shown_name(args.name), note_to_therapist=args.note.strip())


@contextmanager
def _profile_store(profile: Profile) -> Iterator[Store]:
    """The profile's store; a folder with no data file is refused (a mistyped --data-dir
    must not give an empty PDF), and asking for a report never creates one."""
    from kapcompanion.store import Store

    if not profile.database_path.exists():
        raise NoDataFileError(profile.database_path)
    with (
        ProfileLock(profile),
        Store.open(profile.database_path, passphrase=profile_passphrase(profile)) as store,
    ):
        yield store


def run_report(profile: Profile, args: argparse.Namespace) -> int:
    """Write the PDF the arguments ask for; print where it went. KapErrors reach the caller,
    which prints their message."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window: no display needed
    from PySide6.QtGui import QGuiApplication, QPageSize

    from kapcompanion.report.paint.render import default_page_size, save_report_pdf
    from kapcompanion.wording.translation import install_translations

    application = QGuiApplication.instance()
    if application is None:
        application = QGuiApplication(["kap-companion"])
        install_translations(application)  # the printout in the client's language
    page_size = (
        QPageSize(
            QPageSize.PageSizeId.Letter if args.paper == "letter" else QPageSize.PageSizeId.A4
        )
        if args.paper
        else default_page_size()
    )
    with _profile_store(profile) as store:
        options = report_options(store, args)
        saved = save_report_pdf(store, options, Path(args.out), page_size=page_size)
    del application
    reflections, insights = len(options.reflection_ids), len(options.insight_ids)
    print(
        f"Report saved to {saved.path} ({saved.pages} page{'s' if saved.pages != 1 else ''}; "
        f"{reflections} reflection{'s' if reflections != 1 else ''} and "
        f"{insights} insight{'s' if insights != 1 else ''} included)."
    )
    return EXIT_OK


PAINT_CHILD_COMMAND = "paint-report"


def add_paint_child_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Add the hidden command the window starts to paint a printout in a process of its own
    (kapcompanion.report.paint.child); it is not for people, so --help leaves it out."""
    commands.add_parser(PAINT_CHILD_COMMAND)  # with no help=, argparse lists it nowhere


def run_paint_child(_profile: Profile, _args: argparse.Namespace) -> int:
    """Paint what the window sends on standard input and answer on standard output (see
    kapcompanion.report.paint.child). The profile is never opened."""
    import sys

    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window of its own
    # Only the answers may reach the window: anything else printed goes to standard error.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    from PySide6.QtGui import QGuiApplication

    from kapcompanion.report.paint import render  # noqa: F401  (loaded while the window reads)
    from kapcompanion.report.paint.child import serve
    from kapcompanion.wording.translation import install_translations

    application = QGuiApplication(["kap-companion"])
    install_translations(application)  # the printout in the client's language
    try:
        return serve(sys.stdin.buffer, answers)
    except (BrokenPipeError, EOFError):  # the window stopped (Cancel): nothing to say
        return 0
    finally:
        del application
