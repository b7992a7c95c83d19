"""The print preview's controls show their whole words at the usual and a larger system type,
in light and dark: the page count, "Smaller", "Larger", "Print…" and "Close"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kapcompanion.report.content.options import ReportOptions
from kapcompanion.report.paint.paper import default_page_size
from kapcompanion.store import Store
from ui.application import create_application
from ui.printout.output import report_pages
from ui.printout.preview import LocalPages, ReportPreview
from ui.widgets.style import ColourScheme, apply_style


@pytest.fixture(
    params=[
        (1.0, ColourScheme.LIGHT),
        (1.6, ColourScheme.LIGHT),
        (1.6, ColourScheme.DARK),
    ],
    ids=["usual type", "larger type", "larger type, dark"],
)
def system_type(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[None]:
    """The system's type at a scale, in a scheme, while the preview is made; as it was after."""
    create_application()
    scale, scheme = request.param
    usual = QFont(QApplication.font())
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * scale)
    QApplication.setFont(larger)
    apply_style(qapp, scheme)
    yield
    QApplication.setFont(usual)
    apply_style(qapp, ColourScheme.LIGHT)


def whole_words(widget: QWidget) -> bool:
    """Whether `widget` has at least the room it asks for, inside its window."""
    hint = widget.sizeHint()
    inside = QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())
    return (
        widget.width() >= hint.width()
        and widget.height() >= hint.height()
        and widget.window().rect().contains(inside)
    )


def test_the_preview_bar_shows_every_word_whole(
    demo_store: Store, qtbot: QtBot, system_type: None
) -> None:
    pages = report_pages(demo_store, ReportOptions(), default_page_size())
    preview = ReportPreview(LocalPages(pages))
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    controls: list[QWidget] = [
        preview.count_label,
        preview.zoom_out_button,
        preview.zoom_in_button,
        preview.print_button,
        preview.close_button,
    ]
    for control in controls:
        assert control.isVisible()
        assert whole_words(control), control.accessibleName() or control.objectName()
    # Still whole after the pages are made larger and smaller.
    preview.zoom_in_button.click()
    preview.zoom_out_button.click()
    preview.zoom_out_button.click()
    QApplication.processEvents()
    assert all(whole_words(control) for control in controls)
    preview.close()
