"""Paints each insight on the board as the card it always was: where it came from and whether
it is pinned and shared, its words, its themes as chips, and its small step in a quiet well
with how far along it is and the latest note.

Rows own no widgets, so a board of years scrolls as lightly as a short one; a card's height is
measured once for what it shows and the width it has, and remembered, so the list lays itself
out again (after a change, a filter, a new page of rows) without measuring every card anew.
The one insight the client opens gets a real `InsightCard` on top of its row (see
`board_list`); this delegate then sizes the row to that card and paints nothing beneath it.
Colours come from the palette and the style tokens, sizes from the spacing grid and the type
scale, so cards follow the light and dark themes and the system font. Painting never changes data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kapcompanion.ids import InsightId
from ui.insights.board_data import InsightCardData
from ui.insights.model import InsightRole
from ui.widgets.building_blocks import CARD_SIDE_PADDING
from ui.widgets.style import colours, ink_on, space, tokens
from ui.widgets.wording import scaled_font

AnyIndex = QModelIndex | QPersistentModelIndex
GAP = space(2)  # between one card and the next
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
CHIP_PADDING = (space(1) + 2, 3)  # sideways, up and down: as the chip labels have
LINK_BORDER = 2  # the "From:" link's focus border, kept so the line sits as it did
NARROWEST = space(30)
REMEMBERED_HEIGHTS = 10_000  # card heights kept (a few per insight at most); then forgotten


def _what_sets_the_height(data: InsightCardData) -> tuple[object, ...]:
    """What a closed card's height depends on besides its width and font: what it shows on
    more than one line or in more than one row (read straight from the card's data: the list
    asks for every row's height at each layout)."""
    step = data.commitment
    latest = data.notes[-1] if data.notes else None
    return (
        data.insight.text,
        tuple(theme.name for theme in data.themes),
        (step.text, step.status) if step is not None else None,
        (latest.noted_at, latest.text) if latest is not None else None,
    )


def _scheme_colour(name: str) -> QColor:
    app = QApplication.instance()
    scheme = str(app.property("kapColourScheme") or "light") if app is not None else "light"
    return QColor(colours(scheme)[name])


TextHeights = dict[tuple[str, int, int], int]  # (words, id of a font kept, width) → height


class _Pen:
    """Draws (when it has a painter) or only measures, top to bottom, inside a column."""

    def __init__(
        self, painter: QPainter | None, left: int, top: int, width: int, heights: TextHeights
    ) -> None:
        self.painter = painter
        self.left = left
        self.top = top
        self.width = width
        self.heights = heights  # shared: the same words in the same width wrap the same way

    def words(self, text: str, font: QFont, colour: QColor, *, left: int = 0) -> int:
        """Wrapped `text`; returns its height and moves below it."""
        area = QRect(self.left + left, self.top, self.width - left, 100_000)
        key = (text, id(font), area.width())
        height = self.heights.get(key)
        if height is None:
            if len(self.heights) >= REMEMBERED_HEIGHTS:
                self.heights.clear()
            height = QFontMetrics(font).boundingRect(area, WRAP, text).height()
            self.heights[key] = height
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(colour)
            self.painter.drawText(QRect(area.left(), area.top(), area.width(), height), WRAP, text)
        self.top += height
        return height


class InsightCardDelegate(QStyledItemDelegate):
    """Paints insight cards; `open_card` says which row (if any) has a real card on it."""

    def __init__(
        self, view: QWidget, open_card: Callable[[AnyIndex], QWidget | None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._open_card = open_card
        self._fonts: dict[str, QFont] = {}  # the card's fonts, kept while their sizes are
        self._text_heights: TextHeights = {}
        self._heights: dict[tuple[object, ...], int] = {}
        # The size last given to each insight's card, with the data it was given for: the list
        # asks every row at each layout, and most rows have not changed since.
        self._sizes: dict[InsightId, tuple[InsightCardData, int, QSize]] = {}

    # Sizes ----------------------------------------------------------------------------------

    def width(self) -> int:
        """The width every card takes."""
        return max(self._view.width(), NARROWEST)

    def forget_sizes(self) -> None:
        """Measure every card again (the font or the style changed)."""
        self._fonts.clear()
        self._text_heights.clear()
        self._heights.clear()
        self._sizes.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self.width()
        card = self._open_card(index)
        if card is not None:
            return QSize(width, card.heightForWidth(width) + GAP)
        data = index.data(InsightRole.DATA)
        if not isinstance(data, InsightCardData):
            return QSize(width, 0)
        known = self._sizes.get(data.id)
        if known is not None and known[0] is data and known[1] == width:
            return known[2]
        key = (width, *_what_sets_the_height(data))  # the font: see forget_sizes
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= REMEMBERED_HEIGHTS:
                self._heights.clear()
            height = self._draw(None, option, QRect(0, 0, width, 0), index) + GAP
            self._heights[key] = height
        size = QSize(width, height)
        self._sizes[data.id] = (data, width, size)
        return size

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        rect: QRect = option.rect
        editor.setGeometry(rect.adjusted(0, 0, 0, -GAP))

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """The open card is kept up to date by the board, never from here."""

    # Painting -------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if self._open_card(index) is not None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect: QRect = option.rect
        card = rect.adjusted(0, 0, 0, -GAP)
        self._paint_frame(painter, option, card)
        self._draw(painter, option, card, index)
        painter.restore()

    def _paint_frame(self, painter: QPainter, option: QStyleOptionViewItem, card: QRect) -> None:
        palette: QPalette = option.palette
        state: QStyle.StateFlag = option.state
        radius = tokens().radius["card"]
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        if focused:
            edge, line = _scheme_colour("focus"), 2
        elif hovered:
            edge, line = palette.color(QPalette.ColorRole.Accent), 1
        else:
            edge, line = _scheme_colour("border"), 1
        pen = QPen(edge)
        pen.setWidth(line)
        painter.setPen(pen)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        inset = line / 2
        painter.drawRoundedRect(QRectF(card).adjusted(inset, inset, -inset, -inset), radius, radius)

    def _draw(
        self, painter: QPainter | None, option: QStyleOptionViewItem, card: QRect, index: AnyIndex
    ) -> int:
        """Paint (or, without a painter, only measure) a card's insides; return its height."""
        palette: QPalette = option.palette
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        fonts = self._fonts_for(option)
        pen = _Pen(
            painter,
            card.left() + CARD_SIDE_PADDING,
            card.top() + space(2),
            card.width(),
            self._text_heights,
        )
        pen.width -= 2 * CARD_SIDE_PADDING

        self._meta_line(pen, index, fonts["body"], palette)
        pen.top += space(1)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        pen.words(text, fonts["reading"], text_colour)
        themes: list[tuple[str, str]] = index.data(InsightRole.THEMES) or []
        if themes:
            pen.top += space(1)
            self._chips(pen, themes, fonts["small"], palette)
        step = str(index.data(InsightRole.STEP) or "")
        if step:
            pen.top += space(1) + space(1) // 2
            self._step_well(pen, index, fonts, (text_colour, muted), palette)
        # A closed card has no buttons: this says it opens, and for what.
        pen.top += space(1) + space(1) // 2
        hint = self.tr("Open to pin, edit, share or add a small step ›")
        pen.words(hint, fonts["small"], palette.color(QPalette.ColorRole.Accent))
        return pen.top + space(2) - card.top()

    def _fonts_for(self, option: QStyleOptionViewItem) -> dict[str, QFont]:
        """The fonts a card is drawn in, made once from the list's font (measured words are
        remembered by font, so the same font objects must come back each time)."""
        if not self._fonts:
            body = QFont(option.font)
            section = QFont(body)
            section.setWeight(QFont.Weight.DemiBold)
            self._fonts.update(
                body=body,
                reading=scaled_font(body, "reading"),
                small=scaled_font(body, "small"),
                section=section,
            )
        return self._fonts

    def _meta_line(self, pen: _Pen, index: AnyIndex, font: QFont, palette: QPalette) -> None:
        metrics = QFontMetrics(font)
        height = metrics.height() + 2 * LINK_BORDER
        x = pen.left
        if pen.painter is not None:
            source = str(index.data(InsightRole.SOURCE) or "")
            state = str(index.data(InsightRole.STATE) or "")
            painter = pen.painter
            line = QRect(x, pen.top, pen.width, height)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            if source:
                linked = bool(index.data(InsightRole.LINKED))
                link_font = QFont(font)
                link_font.setUnderline(linked)
                painter.setFont(link_font)
                colour = QPalette.ColorRole.Accent if linked else QPalette.ColorRole.PlaceholderText
                painter.setPen(palette.color(colour))
                shown = QFontMetrics(link_font).elidedText(
                    source, Qt.TextElideMode.ElideRight, pen.width
                )
                painter.drawText(line.adjusted(LINK_BORDER, 0, 0, 0), align, shown)
                x += QFontMetrics(link_font).horizontalAdvance(shown) + 2 * LINK_BORDER + space(2)
            room = pen.left + pen.width - x
            if room > 0:
                painter.setFont(font)
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                elided = metrics.elidedText(state, Qt.TextElideMode.ElideRight, room)
                painter.drawText(QRect(x, pen.top, room, height), align, elided)
        pen.top += height

    def _chips(
        self, pen: _Pen, themes: list[tuple[str, str]], font: QFont, palette: QPalette
    ) -> None:
        metrics = QFontMetrics(font)
        side, up = CHIP_PADDING
        height = metrics.height() + 2 * up
        radius = tokens().radius["chip"]
        x, right = pen.left, pen.left + pen.width
        for name, colour in themes:
            width = metrics.horizontalAdvance(name) + 2 * side
            if x > pen.left and x + width > right:
                x = pen.left
                pen.top += height + space(1)
            if pen.painter is not None:
                painter = pen.painter
                background = QColor(colour) if colour else palette.color(QPalette.ColorRole.Window)
                chip = QRectF(x, pen.top, min(width, pen.width), height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(background)
                painter.drawRoundedRect(chip, radius, radius)
                painter.setFont(font)
                painter.setPen(ink_on(background))
                painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, name)
            x += width + space(1)
        pen.top += height

    def _step_well(
        self,
        pen: _Pen,
        index: AnyIndex,
        fonts: dict[str, QFont],
        inks: tuple[QColor, QColor],
        palette: QPalette,
    ) -> None:
        """The small step, as the card's well shows it: its words, how far along, the latest
        note."""
        text_colour, muted = inks
        top = pen.top
        font, section = fonts["body"], fonts["section"]
        inner = _Pen(
            None, pen.left + space(2), top + space(2), pen.width - 2 * space(2), pen.heights
        )
        lines: list[tuple[str, QFont, QColor, int]] = [
            (self.tr("What I'll try"), section, text_colour, 0),
            (str(index.data(InsightRole.STEP) or ""), font, text_colour, space(1)),
            (str(index.data(InsightRole.STEP_STATUS) or ""), font, muted, space(1)),
        ]
        note = str(index.data(InsightRole.LATEST_NOTE) or "")
        if note:
            lines.append((self.tr("How it's going"), section, text_colour, space(2)))
            lines.append((note, font, muted, space(1)))
        for words, line_font, _colour, before in lines:
            inner.top += before
            inner.words(words, line_font, _colour)
        bottom = inner.top + space(2)
        if pen.painter is not None:
            painter = pen.painter
            radius = tokens().radius["control"]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Window))
            painter.drawRoundedRect(QRectF(pen.left, top, pen.width, bottom - top), radius, radius)
            inner = _Pen(painter, inner.left, top + space(2), inner.width, pen.heights)
            for words, line_font, colour, before in lines:
                inner.top += before
                inner.words(words, line_font, colour)
        pen.top = bottom
