"""Simple bar charts for PDF reports (the special-fund pool, the task report, the pilot 统计图表), drawn with reportlab's own graphics (vector, no extra
dependency): Qt Charts lives in PySide6-Addons, which the program does not ship (it pins
PySide6-Essentials only), and a plotting library would add tens of MB for a few bars."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

BAR = colors.HexColor("#4472C4")
ALT = colors.HexColor("#2F5597")  # every other segment of a strip
LIGHT = colors.HexColor("#BDD7EE")  # the whole of a bar whose darker part is a subset
OVER = colors.HexColor("#BFBFBF")
LINE = colors.HexColor("#C00000")
DONE = colors.HexColor("#70AD47")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # display only: the figures themselves are printed from exact values
    note: str = ""  # printed after the bar, e.g. '1,200,000 元'
    dimmed: bool = False
    part: float | None = None  # a darker inner part from the start (e.g. recommended among applied)


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
    legend: Sequence[tuple[colors.Color, str]] = (),
    notes_at_end: bool = False,
) -> Drawing:
    """Horizontal bars, one a row, with an optional vertical line at `limit` (a budget, a quota) and an
    optional legend above the bars (for bars with a darker part). `notes_at_end` prints every note after
    the whole scale rather than after its bar (fractions against a target line: no note crosses it)."""
    gap = bar_height * 0.6
    legend_room = 14 if legend else 0
    top_room = (14 if limit is not None else 4) + legend_room
    height = top_room + len(bars) * (bar_height + gap) + 4
    drawing = Drawing(
        width, height, initialFontName=font
    )  # else the renderer sets Times-Roman (not embedded)
    x = label_width
    for color, text in legend:
        drawing.add(Rect(x, height - 10, 8, 8, fillColor=color, strokeColor=None))
        drawing.add(String(x + 11, height - 9, text, fontName=font, fontSize=8))
        x += 11 + stringWidth(text, font, 8) + 14
    span = width - label_width - note_width
    biggest = max([b.value for b in bars] + [limit or 0, scale_max or 0, 1e-9])
    y = height - top_room - bar_height
    for bar in bars:
        label = fitted(bar.label, label_width - 6, font, 8)
        drawing.add(
            String(label_width - 4, y + bar_height * 0.25, label, fontName=font, fontSize=8, textAnchor="end")
        )
        length = span * (bar.value / biggest)
        whole = LIGHT if bar.part is not None else OVER if bar.dimmed else BAR
        drawing.add(Rect(label_width, y, max(length, 0.5), bar_height, fillColor=whole, strokeColor=None))
        if bar.part:
            drawing.add(
                Rect(label_width, y, span * (bar.part / biggest), bar_height, fillColor=BAR, strokeColor=None)
            )
        if bar.note:
            drawing.add(
                String(
                    label_width + (span + 6 if notes_at_end else length + 4),
                    y + bar_height * 0.25,
                    bar.note,
                    fontName=font,
                    fontSize=8,
                )
            )
        y -= bar_height + gap
    if limit is not None:
        x = label_width + span * (limit / biggest)
        top = height - legend_room
        drawing.add(Line(x, 2, x, top - 4, strokeColor=LINE, strokeWidth=1.2, strokeDashArray=[3, 2]))
        drawing.add(
            String(x, top - 11, limit_label, fontName=font, fontSize=8, fillColor=LINE, textAnchor="middle")
        )
    return drawing


def fitted(text: str, width: float, font: str, size: float) -> str:
    """`text`, cut short with "…" where it would be wider than `width` (a long direction name)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def strip(
    segments: Sequence[tuple[float, bool]],
    line: float | None,
    width: float,
    font: str,
    caption: str,
    *,
    line_label: str = "",
    height: float = 16,
) -> Drawing:
    """One strip of segments end to end (projects in order), those past the line grey, the line red:
    the running total against a budget or a quota, as the windows' strip shows it."""
    total = sum(amount for amount, _ in segments)
    biggest = max(total, line or 0, 1e-9)
    drawing = Drawing(width, 12 + height + 16, initialFontName=font)
    y = 12.0  # room below for the line's label, above for the caption
    drawing.add(Rect(0, y, width, height, fillColor=colors.white, strokeColor=colors.grey, strokeWidth=0.5))
    x = 0.0
    for i, (amount, within) in enumerate(segments):
        w = width * amount / biggest
        fill = (BAR if i % 2 == 0 else ALT) if within else OVER
        drawing.add(Rect(x, y, w, height, fillColor=fill, strokeColor=colors.white, strokeWidth=0.5))
        x += w
    drawing.add(String(0, y + height + 5, caption, fontName=font, fontSize=9))
    if line is not None:
        lx = width * line / biggest
        drawing.add(Line(lx, y - 3, lx, y + height + 3, strokeColor=LINE, strokeWidth=2))
        if line_label:
            anchor = "end" if lx > width - 40 else "middle"
            drawing.add(
                String(lx, 1, line_label, fontName=font, fontSize=7, fillColor=LINE, textAnchor=anchor)
            )
    return drawing


def progress_bar(fraction: float, width: float, height: float, font: str, text: str) -> Drawing:
    """A single progress bar (task targets): filled part, outline, the figures beside it."""
    drawing = Drawing(
        width, height, initialFontName=font
    )  # else the renderer sets Times-Roman (not embedded)
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
