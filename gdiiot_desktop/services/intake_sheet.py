"""Reading a filled intake sheet (申报项目) into applications: finds the sheet and its header, then reads row by row.

The zip/XML checks live in `intake_package`, the parsing of one row in `intake_rows`, the template
writing in `intake_template` (re-exported here as `write_template`).
"""

from __future__ import annotations

import os
import struct
import warnings
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..domain.campaign import Campaign
from ..domain.names import clean_text
from . import intake_columns as cols
from .intake_columns import COLUMNS, SHEET_NAME, Column
from .intake_package import PackageFacts, SheetFacts, WorkbookRefusedError, inspect_package
from .intake_results import CellError, IntakeResult, IntakeRow, SheetLayout
from .intake_rows import RowReader
from .intake_template import write_template

__all__ = [
    "CellError",
    "IntakeResult",
    "IntakeRow",
    "read_sheet",
    "write_template",
]

HEADER_SEARCH_ROWS = 5  # a title line or two above the header is tolerated
# Bounds against huge or crafted workbooks: a city files hundreds of applications, not millions.
MAX_DATA_ROWS = 20_000  # non-empty rows below the header
MAX_SCANNED_ROWS = 200_000  # rows looked at, empty ones included
MAX_COLUMNS = 200  # the header row's width that is read
# What openpyxl and the zip module raise on a damaged or crafted file.
_BROKEN = (
    OSError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, TypeError,
    IndexError, AttributeError, ElementTree.ParseError, struct.error, NotImplementedError, OverflowError,
    RecursionError, UnicodeDecodeError,
)  # fmt: skip
_MIN_HEADER_MATCHES = 3
_MAX_MERGED_ROWS = 10 * MAX_DATA_ROWS  # rows covered by merged ranges below the header, summed


# ---------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------


def read_sheet(path: str | os.PathLike[str], campaign: Campaign) -> IntakeResult:
    """Read a filled intake workbook; attachment paths are taken relative to its folder."""
    path = Path(path)
    try:
        package = inspect_package(path)
    except WorkbookRefusedError as refused:
        return IntakeResult(sheet_errors=[str(refused)])
    # openpyxl warns about features it drops (extensions, unknown parts, odd dates); none
    # matter for reading values, and a warning must not abort an import.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except FileNotFoundError:
            return IntakeResult(sheet_errors=[f"找不到文件：{path}"])
        except InvalidFileException:
            return IntakeResult(
                sheet_errors=[
                    f"无法打开 {path.name}：只支持 .xlsx 格式（.xls 请在 Excel/WPS 中另存为 .xlsx）"
                ]
            )
        except _BROKEN:
            return IntakeResult(
                sheet_errors=[f"无法打开 {path.name}：文件已损坏或不是 Excel 工作簿（.xlsx）"]
            )
        try:
            return _read_workbook(workbook, path, campaign, package or PackageFacts())
        finally:
            workbook.close()


def _read_workbook(workbook: Any, path: Path, campaign: Campaign, package: PackageFacts) -> IntakeResult:
    result = IntakeResult()
    # read-only openpyxl reads a sheet lazily: damage deep inside shows up only while rows are read
    where = _Progress()
    try:
        return _read_sheets(workbook, path, campaign, package, result, where)
    except _BROKEN as problem:
        place = f"第{where.row}行附近" if where.row else "开头"
        return IntakeResult(
            sheet_errors=[
                f"无法读取 {path.name}：工作表“{where.sheet}”{place}的内容已损坏或无法识别"
                f"（{type(problem).__name__}），已拒绝导入。请在 Excel/WPS 中打开并另存后再导入"
            ]
        )


@dataclass
class _Progress:
    """Where reading has got to, for the message when a damaged part stops it."""

    sheet: str = ""
    row: int = 0


def _read_sheets(
    workbook: Any,
    path: Path,
    campaign: Campaign,
    package: PackageFacts,
    result: IntakeResult,
    where: _Progress,
) -> IntakeResult:
    sheets = list(workbook.worksheets)
    for ws in sheets:
        ws.reset_dimensions()  # a stale <dimension> must neither cut rows nor pad a million empty ones
    named = [ws for ws in sheets if clean_text(ws.title) == SHEET_NAME]
    where.sheet = named[0].title if named else ""

    if named and _is_hidden(named[0]):
        result.sheet_errors.append(
            f"工作表“{named[0].title}”被隐藏了，内容可能与看到的不同。请在 Excel/WPS 中取消隐藏并核对后再导入"
        )
        return result
    if named:
        ws = named[0]
        head = _peek(ws, where)
    else:
        visible = [ws for ws in sheets if not _is_hidden(ws)]
        candidates = [(ws, head) for ws in visible if _looks_like_intake(head := _peek(ws, where))]
        if len(candidates) != 1:
            titles = "、".join(f"“{ws.title}”" for ws in sheets) or "（无）"
            if candidates:
                result.sheet_errors.append(
                    f"工作簿中没有名为“{SHEET_NAME}”的工作表，而有多个工作表像是申报项目表"
                    f"（{'、'.join(ws.title for ws, _ in candidates)}），请把要导入的工作表命名为“{SHEET_NAME}”"
                )
            else:
                result.sheet_errors.append(
                    f"找不到工作表“{SHEET_NAME}”（本工作簿中的工作表：{titles}），请使用程序提供的模板"
                )
            return result
        ws, head = candidates[0]
    result.sheet_name = ws.title

    layout = _layout(head, result)
    if layout is None:
        return result
    result.columns = {key: get_column_letter(index) for key, index in layout.columns.items()}

    where.sheet = ws.title
    facts = package.sheet(getattr(ws, "_worksheet_path", None))
    reader = RowReader(campaign, path.absolute().parent, layout, facts.uncached)
    merged = _merged_errors(facts, layout)
    if merged is None:
        result.sheet_errors.append(
            f"工作表“{ws.title}”中表头以下的合并单元格过多，请取消合并，并在每一行填写完整后再导入"
        )
        return result
    data_rows = 0
    hidden_rows: list[int] = []
    last_column = max(layout.columns.values())
    rows = ws.iter_rows(min_row=layout.header_row + 1, max_col=last_column)
    for row_number, cells in enumerate(rows, layout.header_row + 1):
        where.row = row_number
        if row_number - layout.header_row > MAX_SCANNED_ROWS:
            result.sheet_errors.append(
                f"工作表“{ws.title}”的行数超过上限（{MAX_SCANNED_ROWS} 行），可能含有大量空行。"
                "请删除多余的行后另存再导入"
            )
            result.rows.clear()
            result.errors.clear()
            return result
        row, errors = reader.read(row_number, cells)
        if row is None and not errors:
            continue  # an empty row
        data_rows += 1
        if data_rows > MAX_DATA_ROWS:
            result.sheet_errors.append(
                f"工作表“{ws.title}”中的申报项目超过 {MAX_DATA_ROWS} 行（上限），请分成几个表格分别导入"
            )
            result.rows.clear()
            result.errors.clear()
            return result
        if row_number in facts.hidden_rows:
            hidden_rows.append(row_number)
        if row_number in merged:
            spanned = {e.header for e in merged[row_number]}
            errors = [*merged[row_number], *(e for e in errors if e.header not in spanned)]
            row = None
        result.errors.extend(errors)
        if row is not None:
            result.rows.append(row)
    if hidden_rows:
        shown = "、".join(map(str, hidden_rows[:20])) + ("……" if len(hidden_rows) > 20 else "")
        result.warnings.append(f"第 {shown} 行是隐藏行，已与其他行一样读取，请核对")
    hidden_columns = sorted(i for i in layout.columns.values() if i in facts.hidden_columns)
    if hidden_columns:
        letters = "、".join(f"{get_column_letter(i)}列" for i in hidden_columns)
        result.warnings.append(f"{letters}是隐藏列，已读取其中的内容，请核对")
    if data_rows == 0:
        result.sheet_errors.append(f"工作表“{ws.title}”中没有任何申报项目（表头以下都是空行）")
    return result


def _peek(ws: Any, where: _Progress) -> list[tuple[Any, ...]]:
    """The first rows, where the header is looked for."""
    where.sheet, where.row = ws.title, 1
    head = []
    for values in ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS, values_only=True):
        head.append(values)
        where.row += 1
    where.row = 0
    return head


def _header_matches(values: Sequence[Any]) -> list[tuple[int, Column]]:
    found = []
    for index, value in enumerate(values, 1):
        column = cols.match_header(value)
        if column is not None:
            found.append((index, column))
    return found


def _looks_like_intake(head: list[tuple[Any, ...]]) -> bool:
    for values in head:
        keys = {c.key for _, c in _header_matches(values)}
        if all(c.key in keys for c in cols.REQUIRED_COLUMNS):
            return True
    return False


def _layout(head: list[tuple[Any, ...]], result: IntakeResult) -> SheetLayout | None:
    """Find the header row and map each known column to its position; sheet errors when unusable."""
    header_row, matches = 0, []
    for number, values in enumerate(head, 1):
        found = _header_matches(values)
        if len({c.key for _, c in found}) >= _MIN_HEADER_MATCHES:
            header_row, matches = number, found
            break
    if not header_row:
        if not any(not cols.is_blank(v) for values in head for v in values):
            result.sheet_errors.append(f"工作表“{result.sheet_name}”是空的")
        else:
            expected = "、".join(c.header for c in COLUMNS)
            result.sheet_errors.append(f"第1行不是可识别的表头，表头应包含：{expected}")
        return None

    positions: dict[str, list[int]] = {}
    for index, column in matches:
        positions.setdefault(column.key, []).append(index)
    by_key = {c.key: c for c in COLUMNS}
    for key, indexes in positions.items():
        if len(indexes) > 1:
            letters = "、".join(f"{get_column_letter(i)}列" for i in indexes)
            result.sheet_errors.append(
                f"表头“{by_key[key].header}”出现了{len(indexes)}次（{letters}），请删除或改名多余的列"
            )
    missing = [c.header for c in cols.REQUIRED_COLUMNS if c.key not in positions]
    if missing:
        result.sheet_errors.append(f"缺少必需的列：{'、'.join(missing)}（表头在第{header_row}行）")
    if result.sheet_errors:
        return None

    known = {index for index, _ in matches}
    unknown = [
        f"{get_column_letter(i)}列“{cols.cell_text(v)}”"
        for i, v in enumerate(head[header_row - 1], 1)
        if i not in known and not cols.is_blank(v)
    ]
    if unknown:
        result.warnings.append(f"以下列无法识别，已忽略：{'、'.join(unknown)}")
    absent = [c.header for c in COLUMNS if c.key not in positions and c is not cols.SEQ]
    if absent:
        result.warnings.append(f"表中没有以下列，按空白处理：{'、'.join(absent)}")
    return SheetLayout(header_row, {key: indexes[0] for key, indexes in positions.items()})


def _is_hidden(ws: Any) -> bool:
    return getattr(ws, "sheet_state", "visible") != "visible"


def _merged_errors(facts: SheetFacts, layout: SheetLayout) -> dict[int, list[CellError]] | None:
    """A merged range below the header holds its value in its first cell only: each row it spans is bad.

    None when merged ranges span more rows than a sheet of applications could hold.
    """
    by_index = {index: key for key, index in layout.columns.items()}
    headers = {c.key: c.header for c in COLUMNS}
    out: dict[int, list[CellError]] = {}
    spanned = 0
    for r1, c1, r2, c2 in facts.merged:
        if r2 <= layout.header_row:
            continue  # a title above the header may be merged
        used = [i for i in range(c1, c2 + 1) if i in by_index]
        if not used:
            continue
        span = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        rows = range(
            max(r1, layout.header_row + 1), min(r2, facts.last_row) + 1
        )  # rows past the data hold nothing
        spanned += len(rows)
        if spanned > _MAX_MERGED_ROWS:
            return None
        for row in rows:
            out.setdefault(row, []).append(
                CellError(
                    row,
                    get_column_letter(used[0]),
                    headers[by_index[used[0]]],
                    "",
                    f"单元格 {span} 是合并单元格，只有第一个单元格有值。请取消合并，并在每一行填写完整",
                )
            )
    return out
