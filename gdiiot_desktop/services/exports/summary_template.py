"""Filling the province's official summary-table template (.xlsx) without damaging it.

- The table is found by its header row(s); columns are matched by meaning through a synonym table
  (template_headers.py): 所属类别 = 类别 = 试点示范类别, 具体方向 = 方向, 申报单位 = 企业名称 …
- Projects go into the template's own empty (pre-bordered) data rows; when there are more projects
  than rows, rows are inserted inside the table, so what follows it (notes, 填表人, signature lines)
  moves down intact with its merged cells, row heights and styles (sheet_rows.py).
- Blank "推荐单位（盖章）：" and "填表日期：" lines of the template are completed from the snapshot.
- Every template column that stays empty is named (`TemplateFill.empty_columns`), and
  `inspect_template` tells the same before anything is exported.
The snapshot id goes into the page footer and the document properties, never over a template cell.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from ...domain.campaign import Campaign
from . import summary_data as data
from .errors import ExportError
from .sheet_rows import copy_row_format, insert_rows_keeping_layout
from .snapshot import Snapshot
from .summary_xlsx import BODY_FONT, BORDER, LEFT, set_properties, text_units
from .template_headers import TEXT_KEYS, extra_values, label_of, match_header, normalize
from .template_pdf import SheetRegion
from .xlsx_cells import put, xml_text
from .xlsx_output import save_workbook_at

HEADER_SCAN_ROWS = 20
MIN_MATCHES = 3
LINE_POINTS = 15.0
_BLANK = r"[ \u3000_＿]*"
_NEXT_LABEL = r"(?=$|[ \u3000_＿]*(?:推荐|填报|填表|报送|联系|日期|审核|负责))"  # the blank ends the text or another label follows
_RECOMMENDER_LINE = re.compile(rf"((?:推荐单位|填报单位|报送单位)(?:（盖章）|\(盖章\))?[:：]){_BLANK}{_NEXT_LABEL}")
_FILLER_LINE = re.compile(rf"((?:填表人|填报人|经办人)[:：]){_BLANK}{_NEXT_LABEL}")
_PHONE_LINE = re.compile(rf"((?:联系电话|联系方式|电话)[:：]){_BLANK}{_NEXT_LABEL}")
_DATE_LINE = re.compile(rf"((?:填表日期|填报日期)[:：]){_BLANK}(?:年{_BLANK}月{_BLANK}日)?{_BLANK}{_NEXT_LABEL}")


@dataclass(frozen=True)
class TemplateTable:
    """Where the table sits in the template."""

    sheet: Any
    header_rows: tuple[int, ...]
    columns: tuple[int, int]  # first and last column of the table
    mapping: dict[int, str]  # template column → our key
    headers: dict[int, str]  # template column → its header text
    slots: int  # empty data rows the template provides

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1

    @property
    def unrecognised(self) -> tuple[str, ...]:
        return tuple(text for column, text in sorted(self.headers.items()) if column not in self.mapping)


@dataclass(frozen=True)
class TemplateFill:
    path: Path
    unmatched: tuple[str, ...]  # our columns the template has no place for (left out)
    empty_columns: tuple[str, ...] = ()  # template columns that stay empty in every row
    inserted_rows: int = 0
    region: SheetRegion | None = None  # what the PDF draws (template_pdf.py)

    def warnings(self) -> list[str]:
        out = []
        if self.empty_columns:
            out.append(f"汇总表模板中以下列程序无法填写或没有数据，已留空，请人工补填：{'、'.join(self.empty_columns)}")
        if self.unmatched:
            out.append(f"汇总表模板中没有以下列，未填写：{'、'.join(self.unmatched)}")
        return out


@dataclass(frozen=True)
class TemplateCheck:
    """What filling the template would do, known before exporting."""

    sheet_name: str
    recognised: dict[str, str]  # template header → what goes there
    unrecognised: tuple[str, ...]  # template headers left empty
    unmatched: tuple[str, ...]  # our columns with no place in the template
    slots: int


def inspect_template(template: Path) -> TemplateCheck:
    """Read the template and say which of its columns will be filled and which stay empty."""
    table = _find_table(_open(template), template)
    recognised = {table.headers[c]: label_of(k) for c, k in sorted(table.mapping.items())}
    return TemplateCheck(table.sheet.title, recognised, table.unrecognised, _unmatched(table), table.slots)


def fill_template(campaign: Campaign, snapshot: Snapshot, template: Path, target: Path) -> TemplateFill:
    """Fill the official template's table with the snapshot's rows and save it to `target`."""
    wb = _open(template)
    table = _find_table(wb, template)
    ws = table.sheet
    rows = [
        {**values, **extra_values(app)}
        for values, app in zip(data.rows(campaign, snapshot), snapshot.applications, strict=True)
    ]
    first = table.first_data_row
    prototype = first + table.slots - 1 if table.slots else None
    inserted = max(0, len(rows) - table.slots)
    if inserted:
        at = first + table.slots
        insert_rows_keeping_layout(ws, at, inserted)
        for row in range(at, at + inserted):
            if prototype is not None:
                copy_row_format(ws, prototype, row, table.columns)
            else:
                _plain_row(ws, row, table.columns)
    for offset, values in enumerate(rows):
        row = first + offset
        for column, key in table.mapping.items():
            cell = put(ws, row, column, values.get(key, ""))
            if key in TEXT_KEYS:
                cell.number_format = "@"
        _fit_height(ws, row, values, table)
    _fill_label_lines(ws, snapshot, table, len(rows) + inserted)
    _stamp_page_footer(ws, snapshot)
    set_properties(wb, campaign, snapshot)
    save_workbook_at(wb, target, snapshot.created_at)
    empty = tuple(
        table.headers[column]
        for column in sorted(table.headers)
        if column not in table.mapping or not any(str(v.get(table.mapping[column], "") or "").strip() for v in rows)
    )
    region = SheetRegion(ws.title, table.header_rows, table.columns)
    return TemplateFill(target, _unmatched(table), empty, inserted, region)


def _unmatched(table: TemplateTable) -> tuple[str, ...]:
    return tuple(c.header for c in data.COLUMNS if c.key not in table.mapping.values())


def _open(template: Path) -> Any:
    if not template.is_file():
        raise ExportError(f"找不到汇总表模板：{template}")
    if template.suffix.lower() != ".xlsx":
        raise ExportError(f"汇总表模板须为 .xlsx 文件（可在 Excel/WPS 中“另存为 .xlsx”）：{template.name}")
    from ..intake_package import WorkbookRefusedError, inspect_package

    try:
        inspect_package(template)  # a template from outside: bounded before openpyxl loads it whole
    except WorkbookRefusedError as refused:
        raise ExportError(f"汇总表模板不能使用：{refused.message}") from refused
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(template)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise ExportError(f"汇总表模板无法打开（文件可能已损坏）：{template.name}") from exc


def _find_table(wb: Any, template: Path) -> TemplateTable:
    """The sheet and header row(s) with the most recognised column titles; sub-headers under a
    merged group header (e.g. 联系人 / 职务 / 手机 under 联系人信息) count for their column.
    """
    best: tuple[int, Any, list[int], dict[int, str]] | None = None
    for ws in wb.worksheets:
        for row in range(1, min(ws.max_row, HEADER_SCAN_ROWS) + 1):
            mapping = _row_matches(ws, row)
            if len(mapping) < MIN_MATCHES:
                continue
            rows = [row]
            below = _row_matches(ws, row + 1)
            if below and all(ws.cell(row=row + 1, column=c).value is not None for c in below):
                mapping.update(below)
                rows.append(row + 1)
            if best is None or len(mapping) > best[0]:
                best = (len(mapping), ws, rows, mapping)
    if best is None:
        names = "、".join(c.header for c in data.COLUMNS[:6])
        raise ExportError(f"在模板“{template.name}”中找不到汇总表的表头（如 {names} 等列）。")
    _count, ws, rows, mapping = best
    headers = _header_texts(ws, rows)
    columns = (min(headers), max(headers))
    slots = _count_slots(ws, rows[-1] + 1, columns, mapping)
    return TemplateTable(ws, tuple(rows), columns, mapping, headers, slots)


def _row_matches(ws: Any, row: int) -> dict[int, str]:
    found: dict[int, str] = {}
    for column in range(1, ws.max_column + 1):
        key = match_header(ws.cell(row=row, column=column).value)
        if key is not None:
            found[column] = key
    return found


def _header_texts(ws: Any, rows: list[int]) -> dict[int, str]:
    """Each column's header: the lowest non-empty header cell (a sub-header under a group)."""
    spans = {}
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= rows[-1] and merged.max_row >= rows[0]:
            for column in range(merged.min_col, merged.max_col + 1):
                spans[column] = merged
    headers: dict[int, str] = {}
    for column in range(1, ws.max_column + 1):
        for row in reversed(rows):
            value = ws.cell(row=row, column=column).value
            merged = spans.get(column)
            if value is None and merged is not None and merged.min_col == column and merged.min_row <= row:
                value = ws.cell(row=merged.min_row, column=column).value
            if value is not None and normalize(value):
                headers[column] = " ".join(str(value).split())
                break
    return headers


def _count_slots(ws: Any, first: int, columns: tuple[int, int], mapping: dict[int, str]) -> int:
    """Empty data rows under the header: nothing in them but, perhaps, a pre-printed 序号."""
    numbered = {c for c, k in mapping.items() if k == "priority"}
    merged_starts = {r.min_row for r in ws.merged_cells.ranges if r.max_col > r.min_col and r.min_row >= first}
    count = 0
    row = first
    while row <= ws.max_row and row not in merged_starts:
        values = {c: ws.cell(row=row, column=c).value for c in range(columns[0], columns[1] + 1)}
        filled = {c for c, v in values.items() if v is not None and str(v).strip()}
        if filled - numbered or any(not str(values[c]).strip().isdigit() for c in filled):
            break
        count += 1
        row += 1
    return count


def _plain_row(ws: Any, row: int, columns: tuple[int, int]) -> None:
    for column in range(columns[0], columns[1] + 1):
        cell = ws.cell(row=row, column=column)
        cell.font, cell.border, cell.alignment = copy(BODY_FONT), copy(BORDER), copy(LEFT)


def _fit_height(ws: Any, row: int, values: dict[str, Any], table: TemplateTable) -> None:
    """A row tall enough for its wrapped text (openpyxl does not size rows); never lower than the template's."""
    lines = 1
    for column, key in table.mapping.items():
        width = ws.column_dimensions[get_column_letter(column)].width or 8.43
        usable = max(1, int(width - 1.5))
        lines = max(lines, -(-text_units(str(values.get(key, "") or "")) // usable))
    current = ws.row_dimensions[row].height
    needed = lines * LINE_POINTS + 5
    if current is None or current < needed:
        ws.row_dimensions[row].height = needed


def _fill_label_lines(ws: Any, snapshot: Snapshot, table: TemplateTable, data_rows: int) -> None:
    """Blank "推荐单位（盖章）：", "填表日期：", "填表人：" and "联系电话：" lines above or below the
    table, completed from the snapshot (填表人 and phone as frozen with its letter).
    """
    contact, phone = data.filled_by(snapshot)
    date_text = f"{snapshot.created_at.year}年{snapshot.created_at.month}月{snapshot.created_at.day}日"
    inside = range(table.header_rows[0], table.first_data_row + data_rows)
    for row in ws.iter_rows():
        for cell in row:
            if cell.row in inside or not isinstance(cell.value, str):
                continue
            text = _RECOMMENDER_LINE.sub(_filler(snapshot.recommender), cell.value)
            text = _DATE_LINE.sub(_filler(date_text), text)
            if contact:
                text = _FILLER_LINE.sub(_filler(contact), text)
            if phone:
                text = _PHONE_LINE.sub(_filler(phone), text)
            if text != cell.value:
                cell.value = xml_text(text)


def _filler(value: str) -> Any:
    def fill(match: re.Match[str]) -> str:
        gap = "\u3000\u3000" if match.end() < len(match.string) else ""  # keep the next label apart
        return f"{match.group(1)}{value}{gap}"

    return fill


def _stamp_page_footer(ws: Any, snapshot: Snapshot) -> None:
    """The snapshot id on every printed page, in a footer section the template leaves free."""
    stamp = f"快照编号 {snapshot.id}"
    for section in (ws.oddFooter.left, ws.oddFooter.right, ws.oddHeader.right):
        if not section.text:
            section.text = stamp
            section.size = 8
            return
