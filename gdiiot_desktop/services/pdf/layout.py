"""GB/T 9704-2012 page geometry (SPEC "Reference facts"), in reportlab points."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

PAGE = A4
PAGE_LANDSCAPE = landscape(A4)
TOP = 37 * mm
LEFT = 28 * mm  # binding side on odd pages
TEXT_WIDTH = 156 * mm
TEXT_HEIGHT = 225 * mm
BOTTOM = PAGE[1] - TOP - TEXT_HEIGHT  # 35 mm
RIGHT = PAGE[0] - LEFT - TEXT_WIDTH  # 26 mm
PAGE_NUMBER_GAP = 7 * mm  # page number 7 mm below the text block
BODY_SIZE = 16  # 3号
TITLE_SIZE = 22  # 2号
PAGE_NUMBER_SIZE = 14  # 4号
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_HEIGHT = TEXT_HEIGHT / LINES_PER_PAGE


def page_number_text(number: int) -> str:
    """GB/T 9704's page number: an em dash each side."""
    return f"— {number} —"


def page_number_x(number: int, text_width: float) -> float:
    """Where a page number starts: odd pages at the right of the text block, even pages at the left
    (mirrored margins for double-sided printing), one character in from the edge ("空一字").
    """
    if number % 2:
        return LEFT + TEXT_WIDTH - PAGE_NUMBER_SIZE - text_width
    return RIGHT + PAGE_NUMBER_SIZE


def page_number_y() -> float:
    """Baseline of the page number: 7 mm below the text block."""
    return BOTTOM - PAGE_NUMBER_GAP - PAGE_NUMBER_SIZE * 0.8
