"""GB/T 9704-2012 page geometry (SPEC "Reference facts"), in reportlab points."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

PAGE = A4
PAGE_LANDSCAPE = landscape(A4)
TOP: float = 37 * mm
LEFT: float = 28 * mm  # binding side on odd pages
TEXT_WIDTH: float = 156 * mm
TEXT_HEIGHT: float = 225 * mm
BOTTOM: float = PAGE[1] - TOP - TEXT_HEIGHT  # 35 mm
RIGHT: float = PAGE[0] - LEFT - TEXT_WIDTH  # 26 mm
PAGE_NUMBER_GAP: float = 7 * mm  # page number 7 mm below the text block
BODY_SIZE = 16  # 3号
TITLE_SIZE = 22  # 2号
PAGE_NUMBER_SIZE = 14  # 4号
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_HEIGHT: float = TEXT_HEIGHT / LINES_PER_PAGE


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


# --- Double-sided printing and page furniture (exports, minutes) --------------------------

FOOTER_SIZE = 7  # the snapshot line under every exported page: small, but still text
FOOTER_Y: float = 12 * mm  # its baseline, well below the page number


def text_block_left(number: int, page_width: float = PAGE[0]) -> float:
    """Left edge of the text block on page `number`: binding margin on the left of odd pages,
    mirrored (the narrow margin on the left) on even pages.
    """
    return LEFT if number % 2 else page_width - LEFT - TEXT_WIDTH


def page_number_position(number: int, text_width: float, page_size: tuple[float, float] = PAGE) -> tuple[float, float]:
    """Where to draw a page number on a page of any size, keeping GB/T 9704's distances from the
    edges: outer side (right on odd, left on even pages), one character in, 7 mm below the text
    block. On A4 this is `page_number_x`/`page_number_y`.
    """
    width, _height = page_size
    x = width - RIGHT - PAGE_NUMBER_SIZE - text_width if number % 2 else RIGHT + PAGE_NUMBER_SIZE
    return x, page_number_y()
