"""Page furniture drawn on every exported page: GB/T 9704 page numbers and a small footer line.

Pages made here get them while they are drawn; pages of applicants' own PDFs get them from an
overlay (`overlay_pdf`) merged onto each page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from .fonts import FontSet
from .layout import FOOTER_SIZE, FOOTER_Y, PAGE, PAGE_NUMBER_SIZE, page_number_position, page_number_text

FOOTER_COLOR = Color(0.35, 0.35, 0.35)


def draw_page_number(canvas: Canvas, number: int, fonts: FontSet, page_size: tuple[float, float] = PAGE) -> None:
    """"— n —" in 4号 宋体 on the outer side, 7 mm below the text block."""
    text = page_number_text(number)
    width = canvas.stringWidth(text, fonts.song, PAGE_NUMBER_SIZE)
    x, y = page_number_position(number, width, page_size)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(fonts.song, PAGE_NUMBER_SIZE)
    canvas.drawString(x, y, text)
    canvas.restoreState()


def draw_footer(canvas: Canvas, text: str, fonts: FontSet, page_size: tuple[float, float] = PAGE) -> None:
    """A small grey line centred at the foot of the page (the snapshot id that ties paper to disc)."""
    if not text:
        return
    canvas.saveState()
    canvas.setFillColor(FOOTER_COLOR)
    canvas.setFont(fonts.body, FOOTER_SIZE)
    canvas.drawCentredString(page_size[0] / 2, FOOTER_Y, text)
    canvas.restoreState()


def overlay_pdf(
    page_sizes: Sequence[tuple[float, float]],
    first_number: int | None,
    footer: str,
    fonts: FontSet,
) -> bytes:
    """One transparent page per size with its page number (from `first_number`; None: no numbers)
    and the footer, to be merged onto other documents' pages.
    """
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=page_sizes[0] if page_sizes else PAGE, invariant=True, initialFontName=fonts.body
    )
    for offset, size in enumerate(page_sizes):
        canvas.setPageSize(size)
        if first_number is not None:
            draw_page_number(canvas, first_number + offset, fonts, size)
        draw_footer(canvas, footer, fonts, size)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
