"""The recommendation letter as a PDF for the disc, laid out by GB/T 9704-2012 (信函格式 first page).

Text block 156 × 225 mm at 37 mm from the top and 28 mm from the binding edge, 22 lines of
28 characters: the body is set on a 28-character grid (glyph pitch 156 mm / 28, as Word's
document grid does for 3号) with a line pitch of 225 mm / 22. The first page carries the
issuing organ's mark in red at 30 mm from the top, the red double lines (thick over thin under
the mark, thin over thick 20 mm above the bottom edge) and no page number.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from ..pdf.document import OfficialDoc
from ..pdf.fonts import FontSet
from ..pdf.layout import LEFT, LINE_HEIGHT, PAGE, TEXT_HEIGHT, TEXT_WIDTH, TITLE_SIZE, TOP
from .letter import Letter, heading_level
from .pdf_meta import escape

RED = Color(0.9, 0.0, 0.07)
GRID = TEXT_WIDTH / 28  # one character cell of the body: 28 to a line
MARK_TOP = 30 * mm  # 信函格式: the mark's top edge 30 mm below the page's
MARK_MAX = 30.0  # pt: the mark's size when the name is short
RULE_LENGTH = 170 * mm
BOTTOM_RULE = 20 * mm  # the lower double line, 20 mm above the bottom edge
IMPRINT_SIZE = 14  # 版记 in 4号


class LetterDoc(OfficialDoc):
    """An official document whose first page carries the letter head."""

    def __init__(self, target: Any, fonts: FontSet, letter: Letter, **kwargs: Any) -> None:
        super().__init__(target, fonts, unnumbered=(1,), **kwargs)
        self.letter = letter

    def _furnish(self, canvas: Any, doc: Any) -> None:
        super()._furnish(canvas, doc)
        if canvas.getPageNumber() == 1:
            draw_letter_head(canvas, self.letter, self.fonts)


def mark_size(text: str, font: str) -> float:
    """The mark's size: MARK_MAX, smaller when a long name would not fit the text block."""
    width = float(stringWidth(text, font, MARK_MAX))
    return MARK_MAX if width <= TEXT_WIDTH else float(MARK_MAX * TEXT_WIDTH / width)


def head_height(letter: Letter, fonts: FontSet) -> float:
    """How far below the text block's top edge the first page's text starts (below the lines)."""
    return float(_rule_y_from_top(letter, fonts) + 1.6 * mm + 3 * mm - TOP)


def _rule_y_from_top(letter: Letter, fonts: FontSet) -> float:
    size = mark_size(letter.issuer_mark, fonts.title)
    return float(MARK_TOP + size + 4 * mm)  # 4 mm below the mark


def draw_letter_head(canvas: Any, letter: Letter, fonts: FontSet) -> None:
    width, height = PAGE
    centre = LEFT + TEXT_WIDTH / 2
    size = mark_size(letter.issuer_mark, fonts.title)
    canvas.saveState()
    canvas.setFillColor(RED)
    canvas.setStrokeColor(RED)
    canvas.setFont(fonts.title, size)
    # top edge at 30 mm: the glyphs' ascent is about 0.88 em in the CJK fonts used
    canvas.drawCentredString(centre, height - MARK_TOP - 0.88 * size, letter.issuer_mark)
    rule = height - _rule_y_from_top(letter, fonts)
    _double_rule(canvas, centre, rule, thick_first=True)
    _double_rule(canvas, centre, BOTTOM_RULE + 1.6 * mm, thick_first=False)
    canvas.restoreState()
    del width


def _double_rule(canvas: Any, centre: float, y: float, *, thick_first: bool) -> None:
    """Two red lines 170 mm long; the upper one thick when `thick_first`."""
    upper, lower = (2.0, 0.6) if thick_first else (0.6, 2.0)
    x0, x1 = centre - RULE_LENGTH / 2, centre + RULE_LENGTH / 2
    canvas.setLineWidth(upper)
    canvas.line(x0, y, x1, y)
    canvas.setLineWidth(lower)
    canvas.line(x0, y - 1.6 * mm, x1, y - 1.6 * mm)


class Imprint(Flowable):  # type: ignore[misc]
    """The 版记 at the foot of the last page: 抄送 and 印发 between lines."""

    def __init__(self, letter: Letter, fonts: FontSet) -> None:
        super().__init__()
        self.letter = letter
        self.fonts = fonts
        self.rows = []
        if letter.copy_to:
            self.rows.append(f"抄送：{letter.copy_to}")
        if letter.printer or letter.printed_on:
            self.rows.append(f"{letter.printer}\t{letter.printed_on}印发" if letter.printed_on else letter.printer)
        self.need = len(self.rows) * IMPRINT_SIZE * 2.0 + 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = max(available_height, self.need)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        row = IMPRINT_SIZE * 2.0
        y = 0.0
        canvas.setLineWidth(1.0)
        canvas.line(0, y, self.width, y)
        for i, text in enumerate(reversed(self.rows)):
            base = y + row * i + row * 0.35
            canvas.setFont(self.fonts.body, IMPRINT_SIZE)
            if "\t" in text:
                left, right = text.split("\t")
                canvas.drawString(IMPRINT_SIZE, base, left)
                canvas.drawRightString(self.width - IMPRINT_SIZE, base, right)
            else:
                canvas.drawString(IMPRINT_SIZE, base, text)
            canvas.setLineWidth(1.0 if i == len(self.rows) - 1 else 0.5)
            canvas.line(0, y + row * (i + 1), self.width, y + row * (i + 1))


def styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "letter_body", fontName=fonts.body, fontSize=GRID, leading=LINE_HEIGHT,
        alignment=TA_JUSTIFY, wordWrap="CJK", firstLineIndent=2 * GRID,
    )
    return {
        "body": body,
        "h1": ParagraphStyle("letter_h1", parent=body, fontName=fonts.heading1, keepWithNext=1),
        "h2": ParagraphStyle("letter_h2", parent=body, fontName=fonts.heading2, keepWithNext=1),
        "number": ParagraphStyle("letter_number", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
        "title": ParagraphStyle(
            "letter_title", fontName=fonts.title, fontSize=TITLE_SIZE, leading=LINE_HEIGHT * 1.25,
            alignment=TA_CENTER, wordWrap="CJK",
        ),
        "addressee": ParagraphStyle("letter_to", parent=body, firstLineIndent=0, alignment=TA_LEFT),
        "attachment": ParagraphStyle(
            "letter_attachment", parent=body, firstLineIndent=0, leftIndent=5 * GRID, alignment=TA_LEFT,
        ),
    }


def story(letter: Letter, fonts: FontSet) -> list[Flowable]:
    st = styles(fonts)
    flow: list[Flowable] = [
        Spacer(1, head_height(letter, fonts)),
        Paragraph(escape(letter.number), st["number"]) if letter.number else Spacer(1, LINE_HEIGHT),
        Spacer(1, LINE_HEIGHT),
        Paragraph(escape(letter.title), st["title"]),
        Spacer(1, LINE_HEIGHT),
        Paragraph(escape(f"{letter.addressee}："), st["addressee"]),
    ]
    paragraphs = [Paragraph(escape(text), st[_style_of(text)]) for text in letter.body]
    flow += paragraphs[:-1]
    closing: list[Flowable] = paragraphs[-1:]
    if letter.attachment:
        # 附件：name, the following lines aligned under the name (hanging indent after "附件：")
        closing += [Spacer(1, LINE_HEIGHT), Paragraph(escape(f"附件：{letter.attachment}"), _attachment_style(st))]
    closing += signature(letter, fonts, st)
    flow.append(KeepTogether(closing))  # the signature never stands alone on a page
    if letter.has_imprint:
        flow.append(Imprint(letter, fonts))
    return flow


def _attachment_style(st: dict[str, ParagraphStyle]) -> ParagraphStyle:
    return ParagraphStyle("letter_att", parent=st["body"], firstLineIndent=-3 * GRID, leftIndent=5 * GRID)


def signature(letter: Letter, fonts: FontSet, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Space for the seal, the organ's name centred over the date, the date 4 characters from the
    right; then the contact line.
    """
    date_width = stringWidth(letter.date, fonts.body, GRID)
    signer_width = stringWidth(letter.signer, fonts.body, GRID)
    date_right = 4 * GRID
    centre_from_right = date_right + date_width / 2
    signer_right = max(0.0, centre_from_right - signer_width / 2)
    signer_style = ParagraphStyle("letter_signer", parent=st["body"], alignment=TA_RIGHT, firstLineIndent=0, rightIndent=signer_right)
    date_style = ParagraphStyle("letter_date", parent=st["body"], alignment=TA_RIGHT, firstLineIndent=0, rightIndent=date_right)
    return [
        Spacer(1, 2 * LINE_HEIGHT),  # the seal presses on the name and the date, its top within a line of the text
        Paragraph(escape(letter.signer), signer_style),
        Paragraph(escape(letter.date), date_style),
        Spacer(1, LINE_HEIGHT),
        Paragraph(escape(letter.contact_line), st["body"]),
    ]


def _style_of(text: str) -> str:
    level = heading_level(text)
    if level == 1 and len(text) <= 28:
        return "h1"
    if level == 2 and len(text) <= 28:
        return "h2"
    return "body"


def render_letter_pdf(letter: Letter, fonts: FontSet, subject: str = "") -> tuple[bytes, int]:
    import io

    buffer = io.BytesIO()
    doc = LetterDoc(
        buffer, fonts, letter, title=letter.title, author=letter.signer, subject=subject, creator="GDIIoT Desktop"
    )
    doc.build(story(letter, fonts))
    return buffer.getvalue(), doc.page


__all__ = ["GRID", "TEXT_HEIGHT", "render_letter_pdf"]
