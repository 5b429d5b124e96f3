"""The Excel intake sheet (申报项目): writes the template and exports, reads a filled sheet into applications."""

from __future__ import annotations

import io
import os
import re
import struct
import tempfile
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path, PurePath
from typing import Any
from xml.etree import ElementTree

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from ..domain.campaign import Campaign, Category, Direction
from ..domain.enums import ApplicantType, BuildStatus, InnovationAcceptance, OtherChannel, Status
from ..domain.model import Applicant, Application, Contact
from ..domain.names import clean_text, normalize_name
from ..domain.uscc import normalize_uscc
from . import intake_columns as cols
from .intake_columns import COLUMNS, DIRECTIONS_SHEET, INSTRUCTIONS_SHEET, SHEET_NAME, CellValueError, Column

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
MAX_PACKAGE_BYTES = 300 * 1024 * 1024  # all parts of the .xlsx, uncompressed
MAX_PACKAGE_MEMBERS = 5_000
# What openpyxl and the zip module raise on a damaged or crafted file.
_BROKEN = (
    OSError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, TypeError,
    IndexError, AttributeError, ElementTree.ParseError, struct.error, NotImplementedError,
)  # fmt: skip
_MIN_HEADER_MATCHES = 3
_TEMPLATE_SPARE_ROWS = 2000  # rows below the data that still get the drop-downs
_INLINE_LIST_LIMIT = 255  # Excel's limit for an inline list validation


# ---------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellError:
    """A cell whose value cannot be stored, with the reason in Chinese."""

    row: int
    column_letter: str
    header: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"第{self.row}行 {self.column_letter}列（{self.header}）：{self.reason}"


@dataclass
class IntakeRow:
    """One good row: the application (id None) and its attachment files.

    `video_path`/`form_path` are resolved (absolute, existing files); `video_text`/`form_text`
    are the paths as filed in the sheet, cleaned, "" when blank.
    """

    row_number: int
    application: Application
    video_path: Path | None = None
    form_path: Path | None = None
    video_text: str = ""
    form_text: str = ""


@dataclass
class IntakeResult:
    """What a sheet holds: the good rows, every bad cell, and problems of the sheet as a whole.

    `rows` holds only rows without a bad cell; a row with any bad cell is left out and its
    cells are listed in `errors`. `warnings` notes what was ignored (unknown columns, absent
    optional columns) and never stops an import.
    """

    rows: list[IntakeRow] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    sheet_errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sheet_name: str = ""

    @property
    def ok(self) -> bool:
        """Nothing wrong: the whole sheet can be imported."""
        return not self.errors and not self.sheet_errors

    @property
    def bad_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})

    @property
    def applications(self) -> list[Application]:
        return [r.application for r in self.rows]


# ---------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------


def read_sheet(path: str | os.PathLike[str], campaign: Campaign) -> IntakeResult:
    """Read a filled intake workbook; attachment paths are taken relative to its folder."""
    path = Path(path)
    problem = _package_problem(path)
    if problem is not None:
        return IntakeResult(sheet_errors=[problem])
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
            return _read_workbook(workbook, path, campaign)
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError, ElementTree.ParseError, struct.error):
            # read-only mode reads the sheet lazily: damage deep inside shows up only now
            return IntakeResult(sheet_errors=[f"无法读取 {path.name}：工作表内容已损坏"])
        finally:
            workbook.close()


def _package_problem(path: Path) -> str | None:
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


@dataclass
class _Layout:
    header_row: int
    columns: dict[str, int]  # column key → 1-based column index


def _read_workbook(workbook: Any, path: Path, campaign: Campaign) -> IntakeResult:
    result = IntakeResult()
    sheets = list(workbook.worksheets)
    for ws in sheets:
        ws.reset_dimensions()  # a stale <dimension> must neither cut rows nor pad a million empty ones
    named = [ws for ws in sheets if clean_text(ws.title) == SHEET_NAME]
    if named and _is_hidden(named[0]):
        result.sheet_errors.append(
            f"工作表“{named[0].title}”被隐藏了，内容可能与看到的不同。请在 Excel/WPS 中取消隐藏并核对后再导入"
        )
        return result
    if named:
        ws = named[0]
        head = _peek(ws)
    else:
        visible = [ws for ws in sheets if not _is_hidden(ws)]
        candidates = [(ws, head) for ws in visible if _looks_like_intake(head := _peek(ws))]
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

    facts = _sheet_facts(path, ws)
    reader = _RowReader(campaign, path.absolute().parent, layout, facts.uncached)
    merged = _merged_errors(facts.merged, layout, head[layout.header_row - 1])
    data_rows = 0
    hidden_rows: list[int] = []
    last_column = max(layout.columns.values())
    rows = ws.iter_rows(min_row=layout.header_row + 1, max_col=last_column)
    for row_number, cells in enumerate(rows, layout.header_row + 1):
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


def _peek(ws: Any) -> list[tuple[Any, ...]]:
    return list(ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS, values_only=True))


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


def _layout(head: list[tuple[Any, ...]], result: IntakeResult) -> _Layout | None:
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
    return _Layout(header_row, {key: indexes[0] for key, indexes in positions.items()})


_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_MERGE_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")
_HIDDEN_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b([^>]*?)\bhidden=\"(?:1|true)\"([^>]*)>")
_HIDDEN_COL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\b([^>]*?)\bhidden=\"(?:1|true)\"([^>]*)>")
_ATTR_R = re.compile(rb"\br=\"(\d+)\"")
_ATTR_MIN = re.compile(rb"\bmin=\"(\d+)\"")
_ATTR_MAX = re.compile(rb"\bmax=\"(\d+)\"")


@dataclass
class _SheetFacts:
    """What read-only openpyxl does not tell: uncalculated formulas, merged cells, hidden rows and columns."""

    uncached: set[tuple[int, int]] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def _is_hidden(ws: Any) -> bool:
    return getattr(ws, "sheet_state", "visible") != "visible"


def _sheet_facts(path: Path, ws: Any) -> _SheetFacts:
    """The sheet's XML read once more (its size was bounded by `_package_problem`)."""
    facts = _SheetFacts()
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
            facts.hidden_columns.update(range(int(low.group(1)), min(int(high.group(1)), MAX_COLUMNS * 100) + 1))
    if _FORMULA_TAG.search(data):
        facts.uncached = _uncached_formulas(data)
    return facts


def _merged_errors(
    ranges: list[tuple[int, int, int, int]], layout: _Layout, header: Sequence[Any]
) -> dict[int, list[CellError]]:
    """A merged range below the header holds its value in its first cell only: each row it spans is bad."""
    by_index = {index: key for key, index in layout.columns.items()}
    headers = {c.key: c.header for c in COLUMNS}
    out: dict[int, list[CellError]] = {}
    for r1, c1, r2, c2 in ranges:
        if r2 <= layout.header_row:
            continue  # a title above the header may be merged
        used = [i for i in range(c1, c2 + 1) if i in by_index]
        if not used:
            continue
        span = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        for row in range(max(r1, layout.header_row + 1), min(r2, r1 + MAX_DATA_ROWS) + 1):
            out.setdefault(row, []).append(
                CellError(
                    row,
                    get_column_letter(used[0]),
                    headers[by_index[used[0]]],
                    "",
                    f"单元格 {span} 是合并单元格，只有第一个单元格有值。请取消合并，并在每一行填写完整",
                )
            )
    del header
    return out


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


class _Lookup:
    """Categories and directions by name, as people type them."""

    def __init__(self, campaign: Campaign):
        self.campaign = campaign
        self.directions: dict[str, Direction] = {}
        self.direction_keys: dict[str, list[Direction]] = {}
        for d in campaign.directions:
            self.directions[clean_text(d.name)] = d
            self.direction_keys.setdefault(normalize_name(d.name), []).append(d)

    def category(self, text: str) -> Category | None:
        found = self.campaign.category_by_name(text)
        if found is not None:
            return found
        key = normalize_name(text)
        return next(
            (
                c
                for c in self.campaign.categories
                if key in (normalize_name(c.name), normalize_name(c.name).removesuffix("类"), c.id.casefold())
            ),
            None,
        )

    def direction(self, text: str, category: Category | None) -> Direction | None:
        """By exact name anywhere; else by normalised name (full-width forms, punctuation ignored)."""
        found = self.directions.get(text)
        if found is not None:
            return found
        similar = self.direction_keys.get(normalize_name(text), [])
        if len(similar) > 1 and category is not None:
            similar = [d for d in similar if d.category_id == category.id]
        return similar[0] if len(similar) == 1 else None


class _RowReader:
    """Turns one row's cells into an application, collecting every bad cell."""

    def __init__(self, campaign: Campaign, base: Path, layout: _Layout, uncached: set[tuple[int, int]]):
        self.campaign = campaign
        self.base = base
        self.layout = layout
        self.uncached = uncached
        self.lookup = _Lookup(campaign)
        self.priorities: dict[int, int] = {}  # priority → the first row that took it
        self.used = [c for c in COLUMNS if c.key in layout.columns and c is not cols.SEQ]

    def read(self, row_number: int, cells: Sequence[Any]) -> tuple[IntakeRow | None, list[CellError]]:
        values: dict[str, Any] = {}
        broken: dict[str, str] = {}  # column key → why the cell has no usable value
        for column in self.used:
            index = self.layout.columns[column.key]
            cell = cells[index - 1] if index <= len(cells) else None
            value = getattr(cell, "value", None)
            if getattr(cell, "data_type", None) == "e":
                broken[column.key] = f"单元格是错误值 {value}（公式出错），请改正后再导入"
                value = None
            elif value is None and (row_number, index) in self.uncached:
                broken[column.key] = "单元格中的公式没有计算结果，请在 Excel/WPS 中打开并保存后再导入"
            values[column.key] = value
        if all(cols.is_blank(v) for v in values.values()):
            return None, []  # empty, or only formulas that produced nothing
        return _RowParse(self, row_number, values, broken).run()


class _RowParse:
    """The parsing of one non-empty row."""

    def __init__(self, reader: _RowReader, row_number: int, values: dict[str, Any], broken: dict[str, str]):
        self.reader = reader
        self.row = row_number
        self.values = values
        self.errors: list[CellError] = []
        self.bad: set[str] = set()
        for key, reason in broken.items():
            self.fail(next(c for c in COLUMNS if c.key == key), reason)

    def fail(self, column: Column, reason: str) -> None:
        if column.key in self.bad:
            return
        self.bad.add(column.key)
        index = self.reader.layout.columns.get(column.key)
        letter = get_column_letter(index) if index else ""
        value = cols.cell_text(self.values.get(column.key))
        self.errors.append(CellError(self.row, letter, column.header, value, reason))

    def raw(self, column: Column) -> Any:
        return None if column.key in self.bad else self.values.get(column.key)

    def text(self, column: Column) -> str:
        value = self.raw(column)
        if isinstance(value, datetime | date | time):
            self.fail(
                column,
                f"{column.header}应填写文字，单元格中却是日期或时间（{cols.cell_text(value)}），"
                "请把单元格设为文本格式后重新填写",
            )
            return ""
        return cols.cell_text(value)

    def required_text(self, column: Column) -> str:
        text = self.text(column)
        if not text:
            self.fail(column, f"请填写{column.header}")
        return text

    def parsed(self, column: Column, parse: Any, *args: Any) -> Any:
        try:
            return parse(self.raw(column), *args)
        except CellValueError as problem:
            self.fail(column, str(problem))
            return None

    def run(self) -> tuple[IntakeRow | None, list[CellError]]:
        campaign = self.reader.campaign
        county = self.required_text(cols.COUNTY)
        project_name = self.required_text(cols.PROJECT)
        applicant_name = self.required_text(cols.APPLICANT)
        uscc = self.uscc()
        type_text = self.text(cols.APPLICANT_TYPE)
        applicant_type = next(
            (t for t in ApplicantType if normalize_name(t.value) == normalize_name(type_text)), None
        )
        central = self.parsed(cols.CENTRAL, cols.parse_bool)
        independent = self.parsed(cols.INDEPENDENT, cols.parse_bool)
        category_id, direction_id = self.category_and_direction()
        build_status = self.parsed(cols.BUILD_STATUS, cols.parse_enum, BuildStatus, "建设状态")
        if build_status is None and cols.BUILD_STATUS.key not in self.bad:
            self.fail(cols.BUILD_STATUS, "请选择建设状态（已建成/在建/未建）")
        pilot_year = self.parsed(cols.PILOT_YEAR, cols.parse_year, campaign.year)
        innovation = self.parsed(
            cols.INNOVATION, cols.parse_enum, InnovationAcceptance, "创新发展工程验收情况"
        )
        other_channel = self.parsed(cols.OTHER_CHANNEL, cols.parse_enum, OtherChannel, "其他推荐渠道")
        contact = Contact(
            name=self.text(cols.CONTACT),
            mobile=self.parsed(cols.MOBILE, cols.parse_mobile) or "",
            email=self.parsed(cols.EMAIL, cols.parse_email) or "",
        )
        video_text, video_path = self.file(cols.VIDEO)
        form_text, form_path = self.file(cols.FORM)
        priority = self.priority()
        if self.errors:
            return None, self.errors
        application = Application(
            project_name=project_name,
            applicant=Applicant(
                uscc=uscc,
                name=applicant_name,
                applicant_type=applicant_type,
                applicant_type_text="" if applicant_type else type_text,
                is_central_enterprise=bool(central),
                independent_legal_person=independent,
                registered_city=self.text(cols.REGISTERED_CITY),
            ),
            county=county,
            category_id=category_id,
            direction_id=direction_id,
            build_status=build_status,
            innovation_acceptance=innovation or InnovationAcceptance.NOT_APPLICABLE,
            other_channel=other_channel or OtherChannel.NONE,
            pilot_year=pilot_year,
            contact=contact,
            status=Status.RECOMMENDED if priority is not None else Status.REGISTERED,
            priority=priority,
        )
        return IntakeRow(self.row, application, video_path, form_path, video_text, form_text), []

    def uscc(self) -> str:
        value = self.raw(cols.USCC)
        if isinstance(value, float):
            # Excel keeps 15 significant digits: an 18-digit code typed as a number has lost its end.
            self.fail(
                cols.USCC, "统一社会信用代码被存成了数字，末几位可能已丢失，请把单元格设为文本后重新填写"
            )
            return ""
        return normalize_uscc(cols.cell_text(value))

    def category_and_direction(self) -> tuple[str, str]:
        """Ids of the category as filed and of the direction by its name.

        A direction filed under another category keeps the category as filed, so the rule
        DIRECTION_AUTHORITY reports the mismatch with its clause instead of the intake hiding it.
        """
        lookup = self.reader.lookup
        category_text = self.text(cols.CATEGORY)
        category = None
        if category_text:
            category = lookup.category(category_text)
            if category is None:
                names = "、".join(c.name for c in self.reader.campaign.categories)
                self.fail(cols.CATEGORY, f"试点示范类别“{category_text}”不是本年度的类别（{names}）")
        direction_text = self.text(cols.DIRECTION)
        direction = None
        if not direction_text:
            if cols.DIRECTION.key not in self.bad:
                self.fail(cols.DIRECTION, "请填写具体方向")
        else:
            direction = lookup.direction(direction_text, category)
            if direction is None:
                self.fail(
                    cols.DIRECTION,
                    f"具体方向“{direction_text}”不在本年度的方向清单中，请从下拉列表中选择（见“{DIRECTIONS_SHEET}”工作表）",
                )
        if direction is None:
            return "", ""
        return (category.id if category else direction.category_id), direction.id

    def file(self, column: Column) -> tuple[str, Path | None]:
        """The path as filed (quotes from Explorer's "copy as path" dropped) and the file it names."""
        text = self.text(column).strip("\"'").strip()
        if not text:
            return "", None
        path = resolve_attachment(text, self.reader.base)
        if not path.is_file():
            where = "" if _is_absolute(text) else f"（相对于表格所在文件夹 {self.reader.base}）"
            self.fail(column, f"找不到文件“{text}”{where}")
            return text, None
        return text, path

    def priority(self) -> int | None:
        number: int | None = self.parsed(cols.PRIORITY, cols.parse_priority)
        if number is None:
            return None
        first = self.reader.priorities.setdefault(number, self.row)
        if first != self.row:
            self.fail(cols.PRIORITY, f"推荐顺序{number}与第{first}行重复")
            return None
        return number


_WINDOWS_ABSOLUTE = re.compile(r"^(?:[A-Za-z]:[\\/]|[\\/]{2})")


def _is_absolute(text: str) -> bool:
    return bool(_WINDOWS_ABSOLUTE.match(text)) or os.path.isabs(text)


def resolve_attachment(text: str, base: Path) -> Path:
    """A path from the sheet: absolute as it is, else relative to `base`; "\\" and "/" both separate."""
    if _WINDOWS_ABSOLUTE.match(text):
        return Path(text)  # a Windows path: exists only on Windows
    relative = text.replace("\\", "/")
    path = Path(relative) if os.path.isabs(relative) else base / relative
    return Path(os.path.normpath(path))


# ---------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FFE699")
_HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
# Text that a spreadsheet would take for a formula when typed (and CSV readers when exported).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_MAX_CELL_TEXT = 32767

AttachmentNames = Mapping[int, tuple[str | PurePath | None, str | PurePath | None]]


def write_template(
    path: str | os.PathLike[str],
    campaign: Campaign,
    applications: Iterable[Application] = (),
    attachment_names: AttachmentNames | None = None,
) -> Path:
    """Write the intake template, filled with `applications` when given (the export half of a round trip).

    `attachment_names` maps an application's id to its video and form paths relative to the
    workbook's folder. The file is written to a temporary file beside it, then renamed over it.
    """
    target = Path(path)
    workbook = _template_workbook(campaign, list(applications), attachment_names or {})
    _save_atomically(workbook, target)
    return target


def _template_workbook(
    campaign: Campaign, applications: list[Application], attachment_names: AttachmentNames
) -> Any:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = SHEET_NAME
    for index, column in enumerate(COLUMNS, 1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font = _HEADER_FONT
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.alignment = _HEADER_ALIGNMENT
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = max(column.width, 2 * len(column.header) + 2)
        if column.text:
            dimension.number_format = "@"  # what users type later stays text: codes, phones
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"

    for row, app in enumerate(applications, 2):
        values = _row_values(app, campaign, row - 1, attachment_names)
        for index, column in enumerate(COLUMNS, 1):
            _put(ws, row, index, values[column.key])

    last_row = len(applications) + 1 + _TEMPLATE_SPARE_ROWS
    directions = _write_directions(workbook.create_sheet(DIRECTIONS_SHEET), campaign)
    _add_validations(ws, campaign, last_row, directions)
    _write_instructions(workbook.create_sheet(INSTRUCTIONS_SHEET, 1), campaign)
    return workbook


def _row_values(
    app: Application, campaign: Campaign, seq: int, attachment_names: AttachmentNames
) -> dict[str, str | int | None]:
    applicant = app.applicant
    category = campaign.category(app.category_id)
    direction = campaign.direction(app.direction_id)
    video, form = attachment_names.get(app.id, (None, None)) if app.id is not None else (None, None)
    independent = applicant.independent_legal_person
    recommended = app.status is Status.RECOMMENDED and app.priority is not None
    return {
        cols.SEQ.key: seq,
        cols.COUNTY.key: app.county,
        cols.PROJECT.key: app.project_name,
        cols.APPLICANT.key: applicant.name,
        cols.USCC.key: applicant.uscc,
        cols.APPLICANT_TYPE.key: applicant.type_text,
        cols.CENTRAL.key: "是" if applicant.is_central_enterprise else "否",
        cols.REGISTERED_CITY.key: applicant.registered_city,
        cols.INDEPENDENT.key: None if independent is None else ("是" if independent else "否"),
        cols.CATEGORY.key: category.name if category else app.category_id,
        cols.DIRECTION.key: direction.name if direction else app.direction_id,
        cols.BUILD_STATUS.key: app.build_status.value,
        cols.PILOT_YEAR.key: app.pilot_year,
        cols.INNOVATION.key: app.innovation_acceptance.value,
        cols.OTHER_CHANNEL.key: app.other_channel.value,
        cols.CONTACT.key: app.contact.name,
        cols.MOBILE.key: app.contact.mobile,
        cols.EMAIL.key: app.contact.email,
        cols.VIDEO.key: None if video is None else str(video),
        cols.FORM.key: None if form is None else str(form),
        cols.PRIORITY.key: app.priority if recommended else None,
    }


def _put(ws: Any, row: int, column: int, value: str | int | float | None) -> Any:
    """Write one value; text is always stored as text and never becomes a formula."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return ws.cell(row=row, column=column, value=value)
    text = ILLEGAL_CHARACTERS_RE.sub("", value)[:_MAX_CELL_TEXT]
    cell = ws.cell(row=row, column=column)
    cell.value = text
    cell.data_type = "s"  # openpyxl makes "=…" a formula (and "#N/A" an error): undo that
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True  # Excel's leading apostrophe: stays text when the user edits the cell
    return cell


def _write_directions(ws: Any, campaign: Campaign) -> int:
    """The list behind the 具体方向 drop-down; returns how many directions it holds."""
    for index, (header, width) in enumerate((("类别", 12), ("方向", 50), ("负责单位", 22)), 1):
        cell = ws.cell(row=1, column=index, value=header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    order = {c.id: i for i, c in enumerate(campaign.categories)}
    directions = sorted(campaign.directions, key=lambda d: (order.get(d.category_id, len(order)), d.no))
    for row, direction in enumerate(directions, 2):
        category = campaign.category(direction.category_id)
        _put(ws, row, 1, category.name if category else direction.category_id)
        _put(ws, row, 2, direction.name)
        _put(ws, row, 3, direction.authority_text)
    return len(directions)


def _list_validation(values: Sequence[str], what: str, *, strict: bool = True) -> DataValidation | None:
    formula = '"' + ",".join(values) + '"'
    if len(formula) > _INLINE_LIST_LIMIT or any("," in v or '"' in v for v in values):
        return None  # cannot be an inline list; the import still checks the value
    return _validation(formula, what, strict=strict)


def _validation(formula: str, what: str, *, strict: bool = True) -> DataValidation:
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=False,
        errorStyle="stop" if strict else "warning",
        errorTitle="输入有误",
        error=f"请从下拉列表中选择{what}",
    )


def _add_validations(ws: Any, campaign: Campaign, last_row: int, direction_count: int) -> None:
    yes_no = ["是", "否"]
    lists: list[tuple[Column, DataValidation | None]] = [
        (cols.CENTRAL, _list_validation(yes_no, "“是”或“否”")),
        (cols.INDEPENDENT, _list_validation(yes_no, "“是”或“否”")),
        # Other types are let through with a warning: the rule APPLICANT_NOT_ELIGIBLE reports them.
        (cols.APPLICANT_TYPE, _list_validation(campaign.eligible_types, "单位类型", strict=False)),
        (cols.CATEGORY, _list_validation([c.name for c in campaign.categories], "试点示范类别")),
        (cols.BUILD_STATUS, _list_validation([s.value for s in BuildStatus], "建设状态")),
        (cols.INNOVATION, _list_validation([s.value for s in InnovationAcceptance], "创新发展工程验收情况")),
        (cols.OTHER_CHANNEL, _list_validation([s.value for s in OtherChannel], "其他推荐渠道")),
        # 27 names exceed the 255-character inline limit: the list lives on its own sheet.
        (
            cols.DIRECTION,
            _validation(f"'{DIRECTIONS_SHEET}'!$B$2:$B${max(direction_count, 1) + 1}", "具体方向"),
        ),
    ]
    year = DataValidation(
        type="whole",
        operator="between",
        formula1=str(cols.FIRST_PILOT_YEAR),
        formula2=str(campaign.year),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="输入有误",
        error=f"请填写{cols.FIRST_PILOT_YEAR}—{campaign.year}之间的年份，未列入的留空",
    )
    priority = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="输入有误",
        error="推荐顺序应为正整数（1、2、3……），不推荐的留空",
    )
    lists += [(cols.PILOT_YEAR, year), (cols.PRIORITY, priority)]
    positions = {c.key: i for i, c in enumerate(COLUMNS, 1)}
    for column, validation in lists:
        if validation is None:
            continue
        letter = get_column_letter(positions[column.key])
        validation.add(f"{letter}2:{letter}{last_row}")
        ws.add_data_validation(validation)


def _write_instructions(ws: Any, campaign: Campaign) -> None:
    low, high = campaign.video_min_seconds / 60, campaign.video_max_seconds / 60
    required = "、".join(c.header for c in cols.REQUIRED_COLUMNS)
    lines: list[tuple[str, str]] = [
        ("适用", f"{campaign.title}（{campaign.province_notice}）"),
        (
            "基本要求",
            f"在“{SHEET_NAME}”工作表中每行填写一个项目；表头在第1行，请勿修改表头文字，列的顺序可以调整。",
        ),
        ("必填列", f"{required}。未填或无法识别的单元格会在导入时逐个列出。"),
        ("统一社会信用代码", "18位，按营业执照填写。单元格已设为文本格式，请勿改成数字格式。"),
        ("单位类型", f"从下拉列表选择：{'、'.join(campaign.eligible_types)}。"),
        ("是否中央企业", "填“是”或“否”，留空视为“否”。"),
        ("注册地", "填写注册所在地市，如“广州市”。"),
        ("是否独立法人", "填“是”或“否”。"),
        ("试点示范类别", f"从下拉列表选择：{'、'.join(c.name for c in campaign.categories)}。"),
        ("具体方向", f"从下拉列表选择，须属于所填类别；完整清单及负责单位见“{DIRECTIONS_SHEET}”工作表。"),
        ("建设状态", "已建成、在建或未建（未建项目不可申报）。"),
        ("曾列入试点示范年份", "未列入过的留空；列入过的填写年份，如2022。"),
        ("创新发展工程验收", "不涉及、已验收、未验收或验收未通过，留空视为“不涉及”。"),
        ("已通过其他渠道推荐", "否、通信管理局或中央企业，留空视为“否”。"),
        ("手机、邮箱", "手机为11位号码；邮箱如 name@example.com。"),
        (
            "视频文件、申报书文件",
            f"填写文件相对于本表格所在文件夹的路径，如“视频\\项目名称.mp4”“申报书\\项目名称.pdf”；"
            f"拷贝时请把文件与表格一起拷贝。视频时长须为{low:g}~{high:g}分钟。",
        ),
        ("推荐顺序", "拟推荐的项目按优先顺序填写1、2、3……，不推荐的留空；顺序号不能重复。"),
        ("报送截止", campaign.deadline.text),
    ]
    if not campaign.directions_confirmed:
        lines.append(
            ("注意", f"本年度的方向名称尚未经确认，以正式通知为准。{campaign.directions_note}".strip())
        )
    title = ws.cell(row=1, column=1, value=f"{SHEET_NAME}表 填写说明")
    title.font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    for row, (name, text) in enumerate(lines, 3):
        label = _put(ws, row, 1, name)
        label.font = _HEADER_FONT
        label.alignment = _WRAP
        _put(ws, row, 2, text).alignment = _WRAP
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90


def _save_atomically(workbook: Any, target: Path) -> None:
    """Write beside the target and rename over it: a crash never leaves half a workbook."""
    folder = target.absolute().parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            workbook.save(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)  # mkstemp creates 0600; a shared workbook should be readable
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
