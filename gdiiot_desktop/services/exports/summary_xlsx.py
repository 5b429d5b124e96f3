"""The summary table (附件4) as an .xlsx that opens cleanly in Excel and WPS, ready to print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from ...domain.campaign import Campaign
from . import summary_data as data
from .snapshot import Snapshot
from .xlsx_cells import put, xml_text
from .xlsx_output import save_workbook_at

SHEET_NAME = "推荐项目汇总表"
SNAPSHOT_PROPERTY = "GDIIoT快照编号"
LABEL_ROW, TITLE_ROW, STAMP_ROW, HEADER_ROW, SUBHEADER_ROW, FIRST_DATA_ROW = 1, 2, 3, 4, 5, 6
# The four contact columns sit under one merged group header; the others span both header rows.
CONTACT_GROUP = ("contact", "title", "mobile", "email")
CONTACT_GROUP_HEADER = "联系人信息"

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
LABEL_FONT = Font(name="黑体", size=14)
TITLE_FONT = Font(name="宋体", size=18, bold=True)
STAMP_FONT = Font(name="仿宋", size=12)
HEADER_FONT = Font(name="黑体", size=11)
BODY_FONT = Font(name="仿宋", size=11)
FOOTER_FONT = Font(name="仿宋", size=9, color="595959")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
NO_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=False)
CENTERED_KEYS = {"priority", "category", "authority", "contact", "central", "uscc", "mobile"}
# Codes, phone numbers and addresses are never broken inside: their columns are as wide as the longest.
UNBROKEN_KEYS = ("uscc", "mobile", "email")


def write_summary_xlsx(campaign: Campaign, snapshot: Snapshot, target: Path) -> Path:
    """Write the table to `target` atomically and return it."""
    return save_workbook_at(build_workbook(campaign, snapshot), target, snapshot.created_at)


def build_workbook(campaign: Campaign, snapshot: Snapshot) -> Any:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    columns = data.COLUMNS
    last = get_column_letter(len(columns))

    cell = put(ws, LABEL_ROW, 1, data.LABEL)
    cell.font, cell.alignment = LABEL_FONT, Alignment(horizontal="left", vertical="center")
    ws.row_dimensions[LABEL_ROW].height = 22
    ws.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    cell = put(ws, TITLE_ROW, 1, data.title(campaign))
    cell.font, cell.alignment = TITLE_FONT, CENTER
    ws.row_dimensions[TITLE_ROW].height = 36
    ws.merge_cells(f"A{STAMP_ROW}:{last}{STAMP_ROW}")
    cell = put(ws, STAMP_ROW, 1, data.stamp_line(snapshot))
    cell.font, cell.alignment = STAMP_FONT, LEFT
    ws.row_dimensions[STAMP_ROW].height = 26

    write_header(ws)
    table = data.rows(campaign, snapshot)
    widths = column_widths(table)
    for offset, values in enumerate(table):
        row = FIRST_DATA_ROW + offset
        for index, column in enumerate(columns, 1):
            cell = put(ws, row, index, values[column.key])
            cell.font = BODY_FONT
            cell.border = BORDER
            cell.alignment = NO_WRAP if column.key in UNBROKEN_KEYS else CENTER if column.key in CENTERED_KEYS else LEFT
            if column.key in ("uscc", "mobile"):
                cell.number_format = "@"
        ws.row_dimensions[row].height = row_height(values, columns, widths=widths)
    end = FIRST_DATA_ROW + len(snapshot.applications)
    write_footer(ws, end + 1, len(columns), snapshot)

    for index, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = widths[column.key]
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    setup_print(ws, f"{HEADER_ROW}:{SUBHEADER_ROW}", snapshot)
    set_properties(wb, campaign, snapshot)
    return wb


def text_units(text: str) -> int:
    """Width in Excel's units (one per Latin character, two per Chinese one)."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def column_widths(rows: list[dict[str, str | int]]) -> dict[str, float]:
    """Each column's width: the design's, widened where a code, phone or address would not fit on one line."""
    widths = {c.key: float(c.width) for c in data.COLUMNS}
    for key in UNBROKEN_KEYS:
        longest = max((text_units(str(r[key])) for r in rows), default=0)
        widths[key] = max(widths[key], longest * 1.1 + 2)
    return widths


def row_height(
    values: dict[str, str | int],
    columns: tuple[data.Column, ...],
    line: float = 15.0,
    widths: dict[str, float] | None = None,
) -> float:
    """Points for a row whose wrapped text fits: openpyxl does not size rows, and not every
    spreadsheet program does it on open (LibreOffice keeps the default height).
    """
    lines = 1
    for column in columns:
        if column.key in UNBROKEN_KEYS:
            continue  # one line, never wrapped
        text = str(values[column.key])
        usable = max(1.0, (widths or {}).get(column.key, column.width) - 1.5)
        lines = max(lines, -(-text_units(text) // int(usable)))
    return max(20.0, lines * line + 5)


def write_header(ws: Any) -> None:
    columns = data.COLUMNS
    group = [i for i, c in enumerate(columns, 1) if c.key in CONTACT_GROUP]
    for index, column in enumerate(columns, 1):
        for row in (HEADER_ROW, SUBHEADER_ROW):
            cell = ws.cell(row=row, column=index)
            cell.font, cell.alignment, cell.border = HEADER_FONT, CENTER, BORDER
        if index in group:
            put(ws, SUBHEADER_ROW, index, column.header)
        else:
            put(ws, HEADER_ROW, index, column.header)
            ws.merge_cells(start_row=HEADER_ROW, start_column=index, end_row=SUBHEADER_ROW, end_column=index)
    if group:
        put(ws, HEADER_ROW, group[0], CONTACT_GROUP_HEADER)
        ws.merge_cells(start_row=HEADER_ROW, start_column=group[0], end_row=HEADER_ROW, end_column=group[-1])
    ws.row_dimensions[HEADER_ROW].height = 22
    ws.row_dimensions[SUBHEADER_ROW].height = 30


def write_footer(ws: Any, row: int, width: int, snapshot: Snapshot) -> None:
    """The snapshot id under the table, in a cell of its own (merged across the table)."""
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    cell = put(ws, row, 1, data.footer_text(snapshot))
    cell.font, cell.alignment = FOOTER_FONT, LEFT


def setup_print(ws: Any, title_rows: str, snapshot: Snapshot) -> None:
    """A4 landscape, fit to one page wide, header rows on every page, snapshot id in the page footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # without it Excel ignores fitToWidth
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.oddFooter.left.text = f"快照编号 {snapshot.id}"
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9


def set_properties(wb: Any, campaign: Campaign, snapshot: Snapshot) -> None:
    """Document properties, all from the snapshot (its time, never the clock's), so one snapshot
    always gives the same file.
    """
    props = wb.properties
    props.title = xml_text(data.title(campaign))
    props.subject = xml_text(f"{snapshot.recommender} 推荐项目汇总表")
    props.creator = "GDIIoT Desktop"
    props.lastModifiedBy = None
    props.keywords = snapshot.id
    props.description = xml_text(f"快照编号 {snapshot.id}；{campaign.province_notice} 附件4")
    props.identifier = snapshot.id
    props.created = snapshot.created_at
    props.modified = snapshot.created_at
    wb.custom_doc_props.append(StringProperty(name=SNAPSHOT_PROPERTY, value=snapshot.id))
