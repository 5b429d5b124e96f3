"""Table rows that always fit a page: reportlab cannot split a table row, so a row taller than the
frame raises LayoutError. Real data does that (an 800-character 所属行业, a 1,500-character 联合申报
单位, a long override reason): such a row is cut into a row and its continuation rows, each cell's
paragraph split at a line, the other cells left empty below the first piece.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest
from typing import Any

from reportlab.platypus import Paragraph

BIG = 1e9


def split_row(
    cells: Sequence[Any], widths: Sequence[float], max_height: float, *, pad_x: float = 12.0, pad_y: float = 8.0
) -> list[list[Any]]:
    """`cells` as one row when it fits `max_height`, else as several rows that each fit.

    `widths` are the columns' widths (a spanned cell: the width of the span, the spanned-over cells
    being ""); `pad_x`/`pad_y` the cell padding both sides together.
    """
    limit = max_height - pad_y
    heights = [_height(c, w - pad_x) for c, w in zip(cells, widths, strict=True)]
    if max(heights, default=0.0) <= limit:
        return [list(cells)]
    pieces: list[list[Any]] = []
    for cell, width in zip(cells, widths, strict=True):
        pieces.append(_pieces(cell, width - pad_x, limit) if isinstance(cell, Paragraph) else [cell])
    return [[piece if piece is not None else "" for piece in row] for row in zip_longest(*pieces)]


def _height(cell: Any, width: float) -> float:
    if isinstance(cell, Paragraph):
        return float(cell.wrap(max(width, 1.0), BIG)[1])
    return 0.0


def _pieces(paragraph: Paragraph, width: float, limit: float) -> list[Any]:
    width = max(width, 1.0)
    out: list[Any] = []
    rest: Any = paragraph
    while rest is not None:
        _w, height = rest.wrap(width, BIG)
        if height <= limit:
            out.append(rest)
            break
        rest.wrap(width, limit)
        parts = rest.split(width, limit)
        if len(parts) < 2:
            out.append(rest)  # cannot be cut (one enormous line): leave it to reportlab
            break
        out.append(parts[0])
        rest = parts[1]
    return out
