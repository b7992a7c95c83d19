"""Starts the window: application identity, style, profile lock, then the main window.

Order matters for start-up time: the window is shown before the storage layer is imported
and the database opened, so the first paint costs no more than an empty Qt window.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, TracebackType

from PySide6.QtCore import QDir, QLockFile, QSettings, Qt, QTemporaryDir, QTimer
from PySide6.QtWidgets import QApplication

from kapcompanion import private_files
from kapcompanion.errors import KapError, ProfileUnavailableError
from kapcompanion.profile import Profile, ProfileLock, resolve_profile_dir
from kapcompanion.wording.translation import install_translations
from ui.main_window import MainWindow
from ui.widgets.error_messages import show_error, show_message
from ui.widgets.icons import icon
from ui.widgets.input_guard import install_input_guard
from ui.widgets.style import ColourScheme, apply_style, stored_colour_scheme


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("kap-companion")
    app.setApplicationDisplayName("KAP Companion")
    app.setDesktopFileName("kap-companion")
    app.setWindowIcon(icon("app"))
    install_input_guard(app)
    if existing is None:
        install_translations(app)
    return app


def window_settings(profile: Profile) -> QSettings:
    """The window's own state (geometry, last screen, colours), kept inside the profile.

    The file is made empty and private (0600) before Qt writes it: Qt's atomic save keeps the
    mode of the file it replaces, and would otherwise give a new one the umask's 0644."""
    path = profile.window_state_path
    if profile.folder.is_dir():
        with contextlib.suppress(OSError):  # unwritable: Qt says so when it syncs
            private_files.create_private_file(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _report_unexpected(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    import traceback  # only when something went wrong: not a cost of every start

    traceback.print_exception(kind, value, tb, file=sys.stderr)
    show_message(
        None,
        QApplication.translate("Application", "Something went wrong"),
        QApplication.translate(
            "Application",
            "Something unexpected happened. What you saved before is safe. If it keeps "
            "happening, closing and reopening KAP Companion may help.",
        ),
    )


def _cannot_load_locked() -> None:
    print(
        QApplication.translate(
            "Application",
            "The data in this folder is protected with a passphrase, which only the window can "
            "ask for, so --exit-after loaded stops here. Nothing was changed.",
        ),
        file=sys.stderr,
    )


def _cannot_load_damaged() -> None:
    print(
        QApplication.translate(
            "Application",
            "The data file could not be opened, and the window offers a backup to put back; "
            "no one can choose one for a timed start, so it stops here. Nothing was changed.",
        ),
        file=sys.stderr,
    )


# The sample course's throw-away profile: a folder in the system's temporary folder, named so
# that one left by a killed sample course is recognised and removed at the next start.
SAMPLE_FOLDER_PREFIX = "kap-companion-sample-"
# A folder without a lock file this young may belong to a sample course that is just starting.
SAMPLE_FOLDER_GRACE_SECONDS = 600
# What a timed start (--exit-after) prints as it quits, with the time on the monotonic clock.
READY_AT = "ready-at"
SIGNAL_CHECK_MS = 200  # how often Python gets control to run a SIGTERM or SIGINT handler


def new_sample_folder() -> QTemporaryDir:
    return QTemporaryDir(str(Path(QDir.tempPath()) / f"{SAMPLE_FOLDER_PREFIX}XXXXXX"))


def remove_abandoned_sample_folders() -> list[Path]:
    """Remove the sample-course folders whose process has gone (killed, so it could not clean
    up); never one whose lock a live process holds. Returns the folders removed."""
    removed = []
    for folder in Path(QDir.tempPath()).glob(f"{SAMPLE_FOLDER_PREFIX}*"):
        if not folder.is_dir() or folder.is_symlink():
            continue
        lock_path = Profile(folder).lock_path
        try:
            if not lock_path.exists() and (
                time.time() - folder.stat().st_mtime < SAMPLE_FOLDER_GRACE_SECONDS
            ):
                continue
        except OSError:
            continue
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)  # a lock whose process is gone is stale at once
        if not lock.tryLock(0):
            continue  # a live sample course holds it (or it cannot be read): leave it be
        import shutil  # only when there is a folder to remove: not a cost of every start

        try:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            lock.unlock()
        if not folder.exists():
            removed.append(folder)
    return removed


@contextlib.contextmanager
def quitting_on_signals(app: QApplication, before_quitting: Callable[[], object]) -> Iterator[None]:
    """While inside, SIGTERM and SIGINT end the event loop as closing the window does, so
    what runs after it (saving, the sample course's cleanup) still runs. Python runs a signal
    handler only when it gets control, so a timer gives it control a few times a second."""
    previous: dict[signal.Signals, object] = {}

    def handle(_number: int, _frame: FrameType | None) -> None:
        with contextlib.suppress(Exception):
            before_quitting()
        app.quit()

    ticker = QTimer()
    ticker.setInterval(SIGNAL_CHECK_MS)
    ticker.timeout.connect(lambda: None)
    try:
        for number in (signal.SIGTERM, signal.SIGINT):
            previous[number] = signal.signal(number, handle)
    except ValueError:  # not the main thread: leave signals as they are
        previous.clear()
    else:
        ticker.start()
    try:
        yield
    finally:
        ticker.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]


def run_window(args: argparse.Namespace) -> int:
    app = create_application()
    sample_folder: QTemporaryDir | None = None
    with contextlib.suppress(OSError):
        remove_abandoned_sample_folders()
    if args.demo:
        sample_folder = new_sample_folder()
        if not sample_folder.isValid():
            apply_style(app, ColourScheme.SYSTEM)
            show_error(
                None, ProfileUnavailableError(Path(QDir.tempPath()), sample_folder.errorString())
            )
            return 1
        profile = Profile(Path(sample_folder.path()))
    else:
        profile = Profile(resolve_profile_dir(args.data_dir))
    lock = ProfileLock(profile)
    try:
        lock.acquire()
    except KapError as error:
        apply_style(app, stored_colour_scheme(window_settings(profile)))
        show_error(None, error)
        return 1
    previous_hook, sys.excepthook = sys.excepthook, _report_unexpected
    try:
        settings = window_settings(profile)
        # Style first, so each widget is polished once, as it is made.
        apply_style(app, stored_colour_scheme(settings))
        window = MainWindow(profile, settings, demo=args.demo, lock=lock)
        window.profile_failed.connect(lambda: app.exit(1), Qt.ConnectionType.QueuedConnection)
        if getattr(args, "minimised", False):
            window.showMinimized()
        else:
            window.show()
        exit_after = getattr(args, "exit_after", None)

        def ready() -> None:
            # When, on the clock every process shares: benchmarks/startup.py takes the time
            # from launch to here (the process's exit, after, is not start-up).
            print(f"{READY_AT} {time.monotonic():.6f}", flush=True)
            app.quit()

        if exit_after == "shown":
            QTimer.singleShot(0, ready)
        else:
            if exit_after == "locked":  # the unlock screen shows (or, unprotected, the data)
                window.locked.connect(ready, Qt.ConnectionType.QueuedConnection)
                window.profile_opened.connect(ready, Qt.ConnectionType.QueuedConnection)
            if exit_after == "loaded":
                window.profile_opened.connect(ready, Qt.ConnectionType.QueuedConnection)
                # No one can type a passphrase for a timed start: say so rather than wait.
                window.locked.connect(_cannot_load_locked)
                window.locked.connect(lambda: app.exit(1), Qt.ConnectionType.QueuedConnection)
            if exit_after in ("loaded", "locked"):
                window.recovery_offered.connect(_cannot_load_damaged)
                window.recovery_offered.connect(
                    lambda: app.exit(1), Qt.ConnectionType.QueuedConnection
                )
            QTimer.singleShot(0, window.open_profile_in_background)
        with quitting_on_signals(app, window.save_open_work):
            code = app.exec()
        window.close_store(back_up=True)
        if window.is_locked() or window.is_recovering():  # a timed start stopped there
            window.hide()
        return code
    except KapError as error:  # one of our own data files (style, icons) is broken
        show_error(None, error)
        return 1
    finally:
        sys.excepthook = previous_hook
        lock.release()
        if sample_folder is not None:
            sample_folder.remove()
