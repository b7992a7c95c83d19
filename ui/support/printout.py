"""The safety plan on paper: a plain document of headings and lines, printed or saved as a PDF.

The document holds the safety plan, the therapist's and clinic's contacts and the crisis lines
for the client's country: nothing else the client has written goes into it. Black text in the
app's own font, headings by weight and size. Empty sections keep a little room to write by hand.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from kapcompanion.course.own_crisis_lines import OwnLine
from kapcompanion.course.support import Country, CrisisLine, crisis_lines
from kapcompanion.files import FileWriteError, write_atomically
from kapcompanion.wording.translation import fill
from ui.support.wording import (
    elsewhere,
    lines_in_order,
    not_an_emergency_service,
    section_wording,
)

BODY_POINTS = 11.0
HEADING_POINTS = 13.5
TITLE_POINTS = 20.0
PAGE_MARGIN_MM = 20.0
PDF_RESOLUTION = 300
HANDWRITING_LINE = "_" * 48
LETTER_COUNTRIES = frozenset({"US", "CA"})
HEADING_PROPERTY = QTextFormat.Property.UserProperty + 1


def _tr(source: str) -> str:
    return QCoreApplication.translate("SafetyPlanPrintout", source)


def _ink() -> QColor:
    # Paper is white whatever the screen's colours are, so the printout is always black ink.
    return QColor(0, 0, 0)


class _Writer:
    """Appends headings, lines and lists to a document, every piece in the printout's type."""

    def __init__(self, document: QTextDocument) -> None:
        self.cursor = QTextCursor(document)
        self.family = document.defaultFont().family()
        self._first = True

    def _char_format(self, points: float, *, bold: bool = False) -> QTextCharFormat:
        char_format = QTextCharFormat()
        char_format.setFontFamilies([self.family])
        char_format.setFontPointSize(points)
        char_format.setFontWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
        char_format.setForeground(_ink())
        return char_format

    def _block(
        self,
        char_format: QTextCharFormat,
        *,
        top: float,
        bottom: float = 4.0,
        heading: bool = False,
    ) -> None:
        block_format = QTextBlockFormat()
        block_format.setTopMargin(top)
        block_format.setBottomMargin(bottom)
        block_format.setLineHeight(120.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block_format.setProperty(HEADING_PROPERTY, heading)
        if self._first:
            self.cursor.setBlockFormat(block_format)
            self.cursor.setBlockCharFormat(char_format)
            self._first = False
        else:
            # The block's own character format sizes a list's bullet like its words.
            self.cursor.insertBlock(block_format, char_format)

    def paragraph(
        self,
        words: str,
        *,
        points: float = BODY_POINTS,
        bold: bool = False,
        top: float = 0.0,
        heading: bool = False,
    ) -> None:
        char_format = self._char_format(points, bold=bold)
        self._block(char_format, top=top, heading=heading)
        self.cursor.insertText(words, char_format)

    def heading(self, words: str) -> None:
        self.paragraph(words, points=HEADING_POINTS, bold=True, top=14.0, heading=True)

    def bullets(self, lines: list[str]) -> None:
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDisc)
        list_format.setIndent(1)
        char_format = self._char_format(BODY_POINTS)
        self._block(char_format, top=2.0, bottom=2.0)
        self.cursor.createList(list_format)
        for number, line in enumerate(lines):
            if number:  # the new block joins the same list
                self.cursor.insertBlock(self.cursor.blockFormat(), char_format)
            self.cursor.insertText(line, char_format)


def safety_plan_document(
    plan: dict[str, list[str]],
    contacts: dict[str, str],
    country: Country,
    own: tuple[OwnLine, ...] = (),
    plan_lines: tuple[CrisisLine, ...] = (),
) -> QTextDocument:
    """The printable safety plan: its sections and lines, who to contact, the crisis lines (the
    client's `own` first, then their therapist's plan's, then the country's)."""
    document = QTextDocument()
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, _tr("My safety plan"))
    writer = _Writer(document)
    writer.paragraph(_tr("My safety plan"), points=TITLE_POINTS, bold=True)
    writer.paragraph(
        _tr("Steps for a hard moment, in my own words. Start at the top and go on if you need to."),
        top=4.0,
    )
    for section in section_wording():
        writer.heading(section.title)
        lines = plan.get(section.key, [])
        if lines:
            writer.bullets(lines)
        else:
            for _ in range(2):
                writer.paragraph(HANDWRITING_LINE, top=8.0)

    writer.heading(_tr("People to contact"))
    people = [
        (
            _tr("My therapist"),
            contacts.get("therapist_name", ""),
            contacts.get("therapist_phone", ""),
        ),
        (_tr("My clinic"), contacts.get("clinic_name", ""), contacts.get("clinic_phone", "")),
    ]
    for role, name, phone in people:
        details = ", ".join(part for part in (name.strip(), phone.strip()) if part)
        writer.paragraph(fill(_tr("%1: %2"), role, details or HANDWRITING_LINE), top=4.0)

    writer.heading(fill(_tr("Crisis lines (%1)"), country.name))
    lines = lines_in_order(own, plan_lines, country)
    if lines:
        writer.bullets(lines)
    if not country.is_listed:
        writer.paragraph(elsewhere(crisis_lines().directory), top=4.0)
    writer.paragraph(not_an_emergency_service(country), top=10.0)
    return document


def page_size_for(country_code: str) -> QPageSize:
    """Letter paper where it is usual, A4 elsewhere."""
    size = (
        QPageSize.PageSizeId.Letter if country_code in LETTER_COUNTRIES else QPageSize.PageSizeId.A4
    )
    return QPageSize(size)


def lay_out_for(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Lay `document` out in pages for `device` (margins included), headings kept with what
    follows them.

    The device's paint area must be the whole sheet: the margins are the document's own.
    """
    document.documentLayout().setPaintDevice(device)
    # The page is in the device's pixels, but the layout scales frame margins from the
    # screen's logical resolution (as it does every length in a document) to the device's.
    screen = QGuiApplication.primaryScreen()
    source_dpi = screen.logicalDotsPerInchY() if screen is not None else 96.0
    frame_format = document.rootFrame().frameFormat()
    frame_format.setMargin(PAGE_MARGIN_MM / 25.4 * source_dpi)
    document.rootFrame().setFrameFormat(frame_format)
    document.setPageSize(QSizeF(device.width(), device.height()))
    _keep_headings_with_next(document)


def print_document(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Print `document` on `device` in pages of its own (the document itself is not changed)."""
    printable = document.clone()
    lay_out_for(printable, device)
    printable.print_(device)
    # The copy's layout holds on to the device, so the copy goes first.
    del printable


def _keep_headings_with_next(document: QTextDocument) -> None:
    """Start a heading on a new page when it would otherwise end a page alone."""
    layout = document.documentLayout()
    page_height = document.pageSize().height()
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().property(HEADING_PROPERTY) and following.isValid():
            top = layout.blockBoundingRect(block).top()
            bottom = layout.blockBoundingRect(following).bottom()
            if int(top // page_height) != int(bottom // page_height):
                cursor = QTextCursor(block)
                moved = QTextBlockFormat()
                moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.mergeBlockFormat(moved)
        block = following


def write_pdf(document: QTextDocument, path: str, country_code: str) -> None:
    """Save `document` as a PDF at `path`, replacing any file there, by the one file writer
    (kapcompanion.files): all at once, and readable by the user only.

    Raises OSError with a plain reason if the file cannot be written.
    """
    pdf = QBuffer()
    pdf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(pdf)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("KAP Companion")
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            page_size_for(country_code),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    print_document(document, writer)
    del writer  # finishes the PDF before it is written
    try:
        write_atomically(Path(path), bytes(pdf.data().data()), overwrite=True)
    except FileWriteError as error:
        raise OSError(error.reason) from error
