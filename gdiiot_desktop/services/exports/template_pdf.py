"""The PDF of a summary table filled into the official template, drawn from that template's layout.

The filled .xlsx is read back and its sheet drawn as it is: the template's columns in its order
with its relative widths, its merged title and header cells, its borders, bold and alignment,
its notes and 填表人 lines under the table. Rows above the header (title, 推荐单位 line) are drawn
once; the header rows repeat on every page. Page numbers (GB/T 9704) and the snapshot footer are
the program's, as on every exported page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ..files import atomic_output
from ..pdf.stamps import draw_footer, draw_page_number
from ..pdf.styles import styles
from .pdf_meta import escape, set_metadata
from .snapshot import Snapshot

MARGIN_X = 12 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 30 * mm  # room for the page number and the footer
DEFAULT_WIDTH = 8.43  # Excel's default column width, in characters
MIN_SIZE, MAX_SIZE = 7.0, 12.0  # body text after scaling to the page
TITLE_MIN = 14.0  # template font sizes from here up are titles
TITLE_SIZES = (12.0, 18.0)
TOKEN_MIN_SIZE = 5.0  # a code shrinks to this before it may wrap
_TOKEN = re.compile(r"[-+@.\w]{8,}", re.ASCII)  # one unbroken Latin token: code, phone, e-mail
_LINE_WIDTH = {"hair": 0.25, "thin": 0.5, "medium": 1.0, "thick": 1.5, "double": 1.0}
_ALIGN = {"center": TA_CENTER, "centerContinuous": TA_CENTER, "right": TA_RIGHT}


@dataclass(frozen=True)
class SheetRegion:
    """The part of the filled sheet to draw: all rows, the table's columns."""

    sheet_name: str
    header_rows: tuple[int, ...]
    columns: tuple[int, int]


def write_template_pdf(xlsx: Path, region: SheetRegion, target: Path, snapshot: Snapshot, title: str) -> Path:
    ws = openpyxl.load_workbook(xlsx)[region.sheet_name]
    st = styles()
    first_col, last_col = region.columns
    widths_chars = [
        ws.column_dimensions[get_column_letter(c)].width or DEFAULT_WIDTH for c in range(first_col, last_col + 1)
    ]
    page = landscape(A4) if (ws.page_setup.orientation != "portrait" or sum(widths_chars) > 110) else A4
    usable = page[0] - 2 * MARGIN_X
    scale = usable / sum(w * 7 + 5 for w in widths_chars)  # Excel: a character ≈ 7 px (+5 px padding)
    col_widths = [(w * 7 + 5) * scale for w in widths_chars]
    size_scale = min(1.0, max(0.6, scale * 96 / 72))  # px→pt at 96 dpi, then the page's reduction

    last_row = _last_row(ws, region.columns)
    top_rows = range(1, region.header_rows[0])
    body_rows = range(region.header_rows[0], last_row + 1)
    story: list[Flowable] = []
    if len(top_rows):
        story.append(_table(ws, top_rows, region.columns, col_widths, size_scale, st, repeat=0))
    story.append(_table(ws, body_rows, region.columns, col_widths, size_scale, st, repeat=len(region.header_rows)))

    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=page, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=True, initialFontName=st.fonts.body,
        )  # fmt: skip
        set_metadata(doc, title, snapshot)
        doc.subject = f"快照编号 {snapshot.id}；按省厅汇总表模板的版式生成"

        def on_page(canvas: Any, _doc: Any) -> None:
            draw_page_number(canvas, canvas.getPageNumber(), st.fonts, page)
            draw_footer(canvas, snapshot.footer, st.fonts, page)

        doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return target


def _last_row(ws: Any, columns: tuple[int, int]) -> int:
    """The last row holding a value or a border within the table's columns."""
    last = 1
    for row in ws.iter_rows(min_col=columns[0], max_col=columns[1]):
        for cell in row:
            border = cell.border
            has_border = any(getattr(border, side).style for side in ("left", "right", "top", "bottom"))
            if (cell.value is not None and str(cell.value).strip()) or has_border:
                last = max(last, cell.row)
    return last


def _table(
    ws: Any, rows: range, columns: tuple[int, int], widths: list[float], size_scale: float, st: Any, repeat: int
) -> Table:
    first_col = columns[0]
    merged_hidden: set[tuple[int, int]] = set()
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("FONT", (0, 0), (-1, -1), st.fonts.table),
    ]
    for merged in ws.merged_cells.ranges:
        if merged.min_row < rows.start or merged.min_row >= rows.stop:
            continue
        if merged.max_col < columns[0] or merged.min_col > columns[1]:
            continue
        c0, c1 = max(merged.min_col, columns[0]) - first_col, min(merged.max_col, columns[1]) - first_col
        r0, r1 = merged.min_row - rows.start, min(merged.max_row, rows.stop - 1) - rows.start
        commands.append(("SPAN", (c0, r0), (c1, r1)))
        merged_hidden |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
    data: list[list[Any]] = []
    for r_index, row in enumerate(rows):
        line: list[Any] = []
        for c_index, column in enumerate(range(columns[0], columns[1] + 1)):
            cell = ws.cell(row=row, column=column)
            _borders(cell, c_index, r_index, commands)
            if (r_index, c_index) in merged_hidden or cell.value is None:
                line.append("")
                continue
            text = _text(cell.value)
            style = _style(cell, size_scale, st)
            if _TOKEN.fullmatch(text):  # a credit code, phone number or e-mail: smaller, never broken
                style = _fit_one_line(text, style, widths[c_index] - 4)
            line.append(Paragraph(escape(text), style))
        data.append(line)
    table = Table(data, colWidths=widths, repeatRows=repeat)
    table.setStyle(TableStyle(commands))
    return table


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _style(cell: Any, size_scale: float, st: Any) -> ParagraphStyle:
    font = cell.font
    size = float(font.sz or 11) * size_scale
    bold = bool(font.b) or (font.name or "") in ("黑体", "SimHei")
    if float(font.sz or 11) >= TITLE_MIN:  # a title keeps its prominence
        size = max(TITLE_SIZES[0], min(TITLE_SIZES[1], size))
    else:
        size = max(MIN_SIZE, min(MAX_SIZE, size))
    align = _ALIGN.get((cell.alignment.horizontal or "") if cell.alignment else "", TA_LEFT)
    title = float(font.sz or 11) >= TITLE_MIN
    name = st.fonts.title if title else (st.fonts.heading if bold else st.fonts.table)
    return ParagraphStyle(
        f"tpl_{size:.1f}_{name}_{align}",
        fontName=name,
        fontSize=size,
        leading=size * 1.3,
        alignment=align,
        wordWrap="CJK",
    )


def _fit_one_line(text: str, style: ParagraphStyle, width: float) -> ParagraphStyle:
    size = style.fontSize
    while size > TOKEN_MIN_SIZE and stringWidth(text, style.fontName, size) > width:
        size -= 0.25
    if size == style.fontSize:
        return style
    return ParagraphStyle(f"{style.name}_fit{size}", parent=style, fontSize=size, leading=size * 1.3)


def _borders(cell: Any, col: int, row: int, commands: list[tuple[Any, ...]]) -> None:
    border = cell.border
    for side, command in (("left", "LINEBEFORE"), ("right", "LINEAFTER"), ("top", "LINEABOVE"), ("bottom", "LINEBELOW")):
        style = getattr(border, side).style
        if style:
            commands.append((command, (col, row), (col, row), _LINE_WIDTH.get(style, 0.5), colors.black))
