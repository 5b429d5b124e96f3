"""Simple bar charts for PDF reports, drawn with reportlab's own graphics (vector, no extra
dependency): Qt Charts lives in PySide6-Addons, which the program does not ship (it pins
PySide6-Essentials only), and a plotting library would add tens of MB for a few bars."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

BAR = colors.HexColor("#4472C4")
OVER = colors.HexColor("#BFBFBF")
LINE = colors.HexColor("#C00000")
DONE = colors.HexColor("#70AD47")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # display only: the figures themselves are printed from exact values
    note: str = ""  # printed after the bar, e.g. '1,200,000 元'
    dimmed: bool = False


def bar_chart(
    bars: Sequence[Bar],
    width: float,
    font: str,
    *,
    limit: float | None = None,
    limit_label: str = "",
    scale_max: float | None = None,
    bar_height: float = 12,
    label_width: float = 150,
    note_width: float = 150,
) -> Drawing:
    """Horizontal bars, one a row, with an optional vertical line at `limit` (a budget)."""
    gap = bar_height * 0.6
    top_room = 14 if limit is not None else 4
    height = top_room + len(bars) * (bar_height + gap) + 4
    drawing = Drawing(width, height)
    span = width - label_width - note_width
    biggest = max([b.value for b in bars] + [limit or 0, scale_max or 0, 1e-9])
    y = height - top_room - bar_height
    for bar in bars:
        drawing.add(
            String(
                label_width - 4, y + bar_height * 0.25, bar.label, fontName=font, fontSize=8, textAnchor="end"
            )
        )
        length = span * (bar.value / biggest)
        drawing.add(
            Rect(
                label_width,
                y,
                max(length, 0.5),
                bar_height,
                fillColor=OVER if bar.dimmed else BAR,
                strokeColor=None,
            )
        )
        if bar.note:
            drawing.add(
                String(label_width + length + 4, y + bar_height * 0.25, bar.note, fontName=font, fontSize=8)
            )
        y -= bar_height + gap
    if limit is not None:
        x = label_width + span * (limit / biggest)
        drawing.add(Line(x, 2, x, height - 4, strokeColor=LINE, strokeWidth=1.2, strokeDashArray=[3, 2]))
        drawing.add(
            String(
                x, height - 11, limit_label, fontName=font, fontSize=8, fillColor=LINE, textAnchor="middle"
            )
        )
    return drawing


def progress_bar(fraction: float, width: float, height: float, font: str, text: str) -> Drawing:
    """A single progress bar (task targets): filled part, outline, the figures beside it."""
    drawing = Drawing(width, height)
    bar_width = width * 0.6
    drawing.add(
        Rect(0, 1, bar_width, height - 2, fillColor=colors.white, strokeColor=colors.grey, strokeWidth=0.5)
    )
    filled = bar_width * max(0.0, min(fraction, 1.0))
    if filled > 0:
        drawing.add(
            Rect(0, 1, filled, height - 2, fillColor=DONE if fraction >= 1 else BAR, strokeColor=None)
        )
    drawing.add(String(bar_width + 4, height * 0.3, text, fontName=font, fontSize=8))
    return drawing
