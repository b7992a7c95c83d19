"""The baseline for benchmarks/startup.py: an empty PySide6 window, shown, then quit.

It mirrors what app.py does for `--exit-after shown`: create the QApplication, show a main
window, then quit on the next turn of the event loop. Run it directly to see it work:
`QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bare_window.py [--with-qt-namespace]`.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    if "--with-qt-namespace" in sys.argv:
        # Reference point: the first use of PySide6's `Qt` namespace (roles, flags, alignment)
        # creates all of its enums, a fixed cost every real PySide6 window pays.
        from PySide6.QtCore import Qt

        assert Qt.ItemDataRole.UserRole
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("KAP Companion"))
    window.show()

    def ready() -> None:
        print(f"ready-at {time.monotonic():.6f}", flush=True)  # as app.py --exit-after does
        app.quit()

    QTimer.singleShot(0, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
