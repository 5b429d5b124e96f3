"""The summary table (附件4) as a PDF ready to print: A4 landscape, header rows on every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ...domain.campaign import Campaign
from ..files import atomic_output
from ..pdf.layout import PAGE_LANDSCAPE
from ..pdf.stamps import draw_footer, draw_page_number
from ..pdf.styles import Styles, styles
from ..pdf.tables import split_row
from . import summary_data as data
from .pdf_meta import escape as _escape
from .pdf_meta import set_metadata
from .snapshot import Snapshot
from .summary_xlsx import CENTERED_KEYS, CONTACT_GROUP, CONTACT_GROUP_HEADER

MARGIN_X = 10 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 30 * mm  # room for the page number (GB/T 9704 distances) and the footer


def write_summary_pdf(campaign: Campaign, snapshot: Snapshot, target: Path) -> Path:
    st = styles()
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=PAGE_LANDSCAPE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            invariant=True,
            initialFontName=st.fonts.body,
        )
        set_metadata(doc, data.title(campaign), snapshot)

        def on_page(canvas: Any, _doc: Any) -> None:
            draw_page_number(canvas, canvas.getPageNumber(), st.fonts, PAGE_LANDSCAPE)
            draw_footer(canvas, snapshot.footer, st.fonts, PAGE_LANDSCAPE)

        doc.build(story(campaign, snapshot, st, doc.width), onFirstPage=on_page, onLaterPages=on_page)
    return target


SIZES = (12.0, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # body sizes tried, 五号 (10.5) or larger first
PAD = 2.5  # cell padding each side
UNBROKEN_KEYS = ("uscc", "mobile", "email")  # never broken inside: columns as wide as the longest value
UNBROKEN_SHARE = 0.2
FLEX_WEIGHTS = {"project": 5, "applicant": 4, "direction": 4, "note": 5, "location": 2.5, "authority": 2, "title": 2, "category": 2}
MIN_CHARS = {"project": 4, "applicant": 4, "direction": 4, "note": 4, "location": 2, "authority": 2, "title": 2, "category": 2}


def layout(rows: list[dict[str, str | int]], fonts_table: str, width: float) -> tuple[float, dict[str, float]]:
    """The largest body size (from 12 pt down) at which codes, phones and e-mails fit unbroken and
    every other column keeps a few characters; the column widths at that size.
    """
    for size in SIZES:
        widths = _widths(rows, fonts_table, width, size)
        if widths is not None:
            return size, widths
    size = SIZES[-1]
    fallback = _widths(rows, fonts_table, width, size, force=True)
    assert fallback is not None
    return size, fallback


def _widths(
    rows: list[dict[str, str | int]], font: str, width: float, size: float, force: bool = False
) -> dict[str, float] | None:
    widths: dict[str, float] = {}
    for column in data.COLUMNS:
        if column.key in UNBROKEN_KEYS:
            longest = max((stringWidth(str(r[column.key]), font, size) for r in rows), default=0.0)
            # an address longer than a fifth of the table (up to the 100-character cap) wraps instead
            widths[column.key] = min(max(longest + 2 * PAD + 1, 2 * size + 2 * PAD), width * UNBROKEN_SHARE)
        elif column.key not in FLEX_WEIGHTS:
            widths[column.key] = 2 * size + 2 * PAD  # 推荐顺序, 联系人, 是否中央企业: two characters a line
    rest = width - sum(widths.values())
    total = sum(FLEX_WEIGHTS.values())
    for key, weight in FLEX_WEIGHTS.items():
        share = rest * weight / total
        if share < MIN_CHARS[key] * size + 2 * PAD and not force:
            return None
        widths[key] = max(share, 8.0)
    if force and sum(widths.values()) > width:
        scale = width / sum(widths.values())
        widths = {k: v * scale for k, v in widths.items()}
    return widths


def _stamp_row(parts: list[str], style: ParagraphStyle, width: float, font: str) -> Table:
    """推荐单位（盖章） · 填表人 · 联系电话 · 填表日期 spread across the page, each as wide as it needs."""
    natural = [stringWidth(p, font, style.fontSize) + 24 for p in parts]
    spare = max(0.0, width - sum(natural)) / max(1, len(parts))
    row = Table([[Paragraph(_escape(p), style) for p in parts]], colWidths=[n + spare for n in natural])
    row.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("FONT", (0, 0), (-1, -1), font)]))
    return row


def story(campaign: Campaign, snapshot: Snapshot, st: Styles, width: float) -> list[Flowable]:
    rows_data = data.rows(campaign, snapshot)
    size, widths_by_key = layout(rows_data, st.fonts.table, width)
    cell = ParagraphStyle("sum_cell", parent=st.cell, fontName=st.fonts.table, fontSize=size, leading=size * 1.3)
    center = ParagraphStyle("sum_center", parent=cell, alignment=TA_CENTER)
    head = ParagraphStyle("sum_head", parent=center, fontName=st.fonts.heading)
    stamp = ParagraphStyle("sum_stamp", parent=st.body, fontSize=12, leading=18)
    label = ParagraphStyle("sum_label", parent=st.heading, fontSize=16, leading=22)
    note = ParagraphStyle("sum_note", parent=st.small, fontSize=8, leading=11, textColor=colors.HexColor("#595959"))

    columns = data.COLUMNS
    group = [i for i, c in enumerate(columns) if c.key in CONTACT_GROUP]
    top: list[Any] = []
    bottom: list[Any] = []
    for i, column in enumerate(columns):
        if i in group:
            top.append(Paragraph(CONTACT_GROUP_HEADER, head) if i == group[0] else "")
            bottom.append(Paragraph(column.header, head))
        else:
            top.append(Paragraph(column.header, head))
            bottom.append("")
    widths = [widths_by_key[c.key] for c in columns]
    frame_height = PAGE_LANDSCAPE[1] - MARGIN_TOP - MARGIN_BOTTOM
    body: list[list[Any]] = []
    for values in rows_data:
        cells = [
            Paragraph(_escape(str(values[c.key])), center if c.key in CENTERED_KEYS else cell)
            for c in columns
        ]
        body += split_row(cells, widths, frame_height * 0.5, pad_x=2 * PAD, pad_y=6)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), st.fonts.table),  # empty cells too: no stray Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#F2F2F2")),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
    ]
    for i in range(len(columns)):
        if i not in group:
            commands.append(("SPAN", (i, 0), (i, 1)))
    if group:
        commands.append(("SPAN", (group[0], 0), (group[-1], 0)))
    table = Table([top, bottom, *body], colWidths=widths, repeatRows=2)
    table.setStyle(TableStyle(commands))
    return [
        Paragraph(data.LABEL, label),
        Paragraph(_escape(data.title(campaign)), st.title),
        _stamp_row(data.stamp_parts(snapshot), stamp, width, st.fonts.body),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(_escape(data.footer_text(snapshot)), note),
    ]
