"""The summary table (附件4) as a PDF ready to print: A4 landscape, header rows on every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ...domain.campaign import Campaign
from ..files import atomic_output
from ..pdf.layout import PAGE_LANDSCAPE
from ..pdf.stamps import draw_footer, draw_page_number
from ..pdf.styles import Styles, styles
from . import summary_data as data
from .pdf_meta import escape as _escape
from .pdf_meta import set_metadata
from .snapshot import Snapshot
from .summary_xlsx import CENTERED_KEYS, CONTACT_GROUP, CONTACT_GROUP_HEADER

MARGIN_X = 10 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 30 * mm  # room for the page number (GB/T 9704 distances) and the footer
CELL_SIZE = 8


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


def story(campaign: Campaign, snapshot: Snapshot, st: Styles, width: float) -> list[Flowable]:
    cell = ParagraphStyle("sum_cell", parent=st.cell, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.3)
    center = ParagraphStyle("sum_center", parent=cell, alignment=TA_CENTER)
    head = ParagraphStyle("sum_head", parent=center, fontName=st.fonts.heading)
    stamp = ParagraphStyle("sum_stamp", parent=st.body, fontSize=12, leading=18)
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
    body = [
        [
            Paragraph(_escape(str(values[c.key])), center if c.key in CENTERED_KEYS else cell)
            for c in columns
        ]
        for values in data.rows(campaign, snapshot)
    ]
    fixed = sum(c.pdf_mm for c in columns) * mm
    rest = max(width - fixed, 15 * mm) / max(1, sum(1 for c in columns if not c.pdf_mm))
    widths = [c.pdf_mm * mm if c.pdf_mm else rest for c in columns]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), st.fonts.body),  # empty cells too: no stray Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#F2F2F2")),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for i in range(len(columns)):
        if i not in group:
            commands.append(("SPAN", (i, 0), (i, 1)))
    if group:
        commands.append(("SPAN", (group[0], 0), (group[-1], 0)))
    table = Table([top, bottom, *body], colWidths=widths, repeatRows=2)
    table.setStyle(TableStyle(commands))
    return [
        Paragraph(_escape(data.title(campaign)), st.title),
        Paragraph(_escape(data.stamp_line(snapshot)), stamp),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(_escape(data.footer_text(snapshot)), note),
    ]

