"""The .xlsx as a zip of XML parts: bounds checked before openpyxl reads anything, and facts openpyxl hides."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

MAX_PACKAGE_BYTES = 300 * 1024 * 1024  # all parts of the .xlsx, uncompressed
MAX_PACKAGE_MEMBERS = 5_000
_MAX_HIDDEN_COLUMN = 16_384  # Excel's last column (XFD)


def package_problem(path: Path) -> str | None:
    """Refuse a workbook whose parts would expand beyond sane bounds, before openpyxl reads any."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except FileNotFoundError:
        return None  # reported by the reader with its own message
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error, UnicodeDecodeError):
        return None  # not a zip: the reader says what it is instead
    if len(infos) > MAX_PACKAGE_MEMBERS:
        return f"无法导入 {path.name}：文件内部的部件过多（{len(infos)} 个），不像是正常的 Excel 工作簿"
    total = sum(i.file_size for i in infos)
    if total > MAX_PACKAGE_BYTES:
        return (
            f"无法导入 {path.name}：文件解压后过大（{total // 1024**2} MB，上限 {MAX_PACKAGE_BYTES // 1024**2} MB），"
            "可能含有大量空行或是恶意构造的文件。请只保留申报项目所在的行后另存再导入"
        )
    return None


_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_MERGE_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")
_HIDDEN_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b([^>]*?)\bhidden=\"(?:1|true)\"([^>]*)>")
_HIDDEN_COL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\b([^>]*?)\bhidden=\"(?:1|true)\"([^>]*)>")
_ATTR_R = re.compile(rb"\br=\"(\d+)\"")
_ATTR_MIN = re.compile(rb"\bmin=\"(\d+)\"")
_ATTR_MAX = re.compile(rb"\bmax=\"(\d+)\"")


@dataclass
class SheetFacts:
    """What read-only openpyxl does not tell: uncalculated formulas, merged cells, hidden rows and columns."""

    uncached: set[tuple[int, int]] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(
        default_factory=list
    )  # min_row, min_col, max_row, max_col
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def _is_hidden(ws: Any) -> bool:
    return getattr(ws, "sheet_state", "visible") != "visible"


def sheet_facts(path: Path, ws: Any) -> SheetFacts:
    """The sheet's XML read once more (its size was bounded by `_package_problem`)."""
    facts = SheetFacts()
    part = getattr(ws, "_worksheet_path", None)
    if not part:
        return facts
    with zipfile.ZipFile(path) as archive:
        data = archive.read(part.lstrip("/"))
    for first, last in _MERGE_REF.findall(data):
        c1, r1 = coordinate_from_string(first.decode())
        c2, r2 = coordinate_from_string(last.decode())
        facts.merged.append((r1, column_index_from_string(c1), r2, column_index_from_string(c2)))
    for before, after in _HIDDEN_ROW.findall(data):
        ref = _ATTR_R.search(before + after)
        if ref:
            facts.hidden_rows.add(int(ref.group(1)))
    for before, after in _HIDDEN_COL.findall(data):
        low, high = _ATTR_MIN.search(before + after), _ATTR_MAX.search(before + after)
        if low and high:
            facts.hidden_columns.update(
                range(int(low.group(1)), min(int(high.group(1)), _MAX_HIDDEN_COLUMN) + 1)
            )
    if _FORMULA_TAG.search(data):
        facts.uncached = _uncached_formulas(data)
    return facts


def _uncached_formulas(data: bytes) -> set[tuple[int, int]]:
    """(row, column) of formula cells that carry no computed value (the file was never recalculated).

    openpyxl's data_only mode gives None for them, the same as an empty cell, so the sheet's XML
    is scanned once more, and only when it contains a formula at all.
    """
    found: set[tuple[int, int]] = set()
    row_no = col_no = 0
    for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
        tag = element.tag.rpartition("}")[2]
        if event == "start":
            if tag == "row":
                ref = element.get("r")
                row_no, col_no = (int(ref) if ref else row_no + 1), 0
            continue
        if tag == "c":
            ref = element.get("r")
            if ref:
                letters, row_no = coordinate_from_string(ref)
                col_no = column_index_from_string(letters)
            else:
                col_no += 1
            children = {child.tag.rpartition("}")[2]: child for child in element}
            value = children.get("v")
            cached = "is" in children or (
                value is not None and (bool(value.text) or element.get("t") == "str")
            )
            if "f" in children and not cached:
                found.add((row_no, col_no))
            element.clear()
        elif tag == "row":
            element.clear()
    return found
