"""A guard on the Qt binding itself: PySide6 6.12.0 lost a reference to None on every call that
returns nothing, which on Python 3.11 aborts the app after a few thousand calls. This fails
fast if an installed binding has that fault again."""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget


def test_qt_calls_that_return_nothing_keep_none_alive(qapp: QApplication) -> None:
    label, button, panel = QLabel(), QPushButton(), QWidget()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(200):  # few enough that a faulty binding fails here rather than aborts
        label.setText("calm")
        button.setVisible(False)
        button.setAccessibleName("button")
        panel.setStyleSheet("")
        panel.repaint()
    gc.collect()
    assert sys.getrefcount(None) >= before - 50
