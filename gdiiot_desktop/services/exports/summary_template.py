"""Filling the province's official summary-table template (.xlsx), columns matched by header text."""

from __future__ import annotations

import re
import warnings
import zipfile
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl

from ...domain.campaign import Campaign
from . import summary_data as data
from .errors import ExportError
from .snapshot import Snapshot
from .summary_xlsx import BODY_FONT, BORDER, LEFT, set_properties, write_footer
from .xlsx_cells import put
from .xlsx_output import save_workbook_at

HEADER_SCAN_ROWS = 20
MIN_MATCHES = 3
_SPACES = re.compile(r"[\s\u3000]+")
_BRACKETS = str.maketrans({"(": "（", ")": "）", "/": "／", ":": "："})


@dataclass(frozen=True)
class TemplateFill:
    path: Path
    unmatched: tuple[str, ...]  # our columns the template has no place for (left out)


def normalize(text: object) -> str:
    """Header text compared without spaces, line breaks, or half-/full-width bracket differences."""
    return _SPACES.sub("", str(text or "")).translate(_BRACKETS).replace("／", "/")


_KEYS: dict[str, str] = {}
for _column in data.COLUMNS:
    for _name in (_column.header, *_column.aliases):
        _KEYS.setdefault(normalize(_name), _column.key)


def match_header(text: object) -> str | None:
    key = normalize(text)
    if not key:
        return None
    if key in _KEYS:
        return _KEYS[key]
    # "负责单位（工信厅/通信管理局）" written another way: match the part before the bracket.
    head = key.split("（", 1)[0]
    return _KEYS.get(head)


def fill_template(campaign: Campaign, snapshot: Snapshot, template: Path, target: Path) -> TemplateFill:
    """Fill the official template's table with the snapshot's rows and save it to `target`."""
    wb = _open(template)
    ws, header_rows, mapping = _find_table(wb, template)
    first = header_rows[-1] + 1
    styles = {
        c: copy(ws.cell(row=first, column=c)._style) for c in mapping if ws.cell(row=first, column=c).has_style
    }
    for offset, values in enumerate(data.rows(campaign, snapshot)):
        row = first + offset
        for column, key in mapping.items():
            cell = ws.cell(row=row, column=column)
            if column in styles:  # the template's own look for its data rows
                cell._style = copy(styles[column])
            else:
                cell.font, cell.border, cell.alignment = BODY_FONT, BORDER, LEFT
            put(ws, row, column, values[key])
    end = first + len(snapshot.applications)
    write_footer(ws, end + 1, max(mapping) if mapping else ws.max_column, snapshot)
    set_properties(wb, campaign, snapshot)
    save_workbook_at(wb, target, snapshot.created_at)
    unmatched = tuple(c.header for c in data.COLUMNS if c.key not in mapping.values())
    return TemplateFill(target, unmatched)


def _open(template: Path) -> Any:
    if not template.is_file():
        raise ExportError(f"找不到汇总表模板：{template}")
    if template.suffix.lower() != ".xlsx":
        raise ExportError(f"汇总表模板须为 .xlsx 文件（可在 Excel/WPS 中“另存为 .xlsx”）：{template.name}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(template)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ExportError(f"汇总表模板无法打开（文件可能已损坏）：{template.name}") from exc


def _find_table(wb: Any, template: Path) -> tuple[Any, list[int], dict[int, str]]:
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
    return ws, rows, mapping


def _row_matches(ws: Any, row: int) -> dict[int, str]:
    found: dict[int, str] = {}
    for column in range(1, ws.max_column + 1):
        key = match_header(ws.cell(row=row, column=column).value)
        if key is not None and key not in found.values():
            found[column] = key
    return found
