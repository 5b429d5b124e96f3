"""The .xlsx as a zip of XML parts, streamed once and bounded before openpyxl reads anything.

openpyxl builds a whole row in memory before it hands it over (one row of 6 million cells needs
gigabytes), reads every shared string and style at load, and reads rows it cannot place (row 0,
rows out of order) by dropping them. So every XML part is first streamed here with expat, with
caps counted as it goes: the part is refused at the first element past a cap, before anything
large is built. The same pass collects what read-only openpyxl does not tell (merged ranges,
hidden rows and columns, formulas without a cached value).

Caps (a city files hundreds of applications; the caps sit far above any real intake sheet):
- the package: members, and all parts uncompressed (`MAX_PACKAGE_BYTES`);
- every XML part: size, nesting depth, elements (fewer for the styles part, which openpyxl
  turns into objects at load); no DOCTYPE (an .xlsx never has one);
- shared strings: count, and characters in one string (Excel holds 32,767 per cell);
- a worksheet: size, rows numbered 1…1,048,576 and increasing, cells per row (Excel's 16,384
  columns), elements per row, cells in all, characters in one cell, valid cell and merge
  references, cached numbers that are numbers, shared-string indexes that exist.
"""

from __future__ import annotations

import math
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string

from .errors import InputError

__all__ = [
    "PackageFacts",
    "SheetFacts",
    "WorkbookRefusedError",
    "inspect_package",
]

MAX_PACKAGE_BYTES = 300 * 1024 * 1024  # all parts of the .xlsx, uncompressed
MAX_PACKAGE_MEMBERS = 5_000
MAX_SHEET_BYTES = 100 * 1024 * 1024  # one worksheet's XML (20,000 full rows take about 25 MB)
MAX_SHARED_STRINGS_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 20 * 1024 * 1024  # any other XML part (styles, workbook, relationships…)
MAX_PART_ELEMENTS = 100_000  # in any other XML part (relationships, workbook, theme…; real ones hold hundreds)
# openpyxl builds an object of about 1.5 KB for each cell format at load: 299,000 of them took 540 MB.
# Real workbooks hold a few hundred to a few thousand; Excel itself stops at 64,000 formats.
MAX_STYLE_ELEMENTS = 50_000
MAX_SHARED_STRINGS = 500_000  # 20,000 full rows hold about 150,000 distinct texts; 1,000,000 took 295 MB
MAX_DEPTH = 64  # real parts nest about 10 deep
MAX_ROW_NUMBER = 1_048_576  # Excel's last row
MAX_COLUMN_NUMBER = 16_384  # Excel's last column, XFD
MAX_CELLS_PER_ROW = MAX_COLUMN_NUMBER
MAX_ELEMENTS_PER_ROW = 100_000  # cells with values, formulas and rich-text runs
MAX_CELLS = 1_000_000  # in one sheet (20,000 rows × 21 columns is 420,000)
MAX_CELL_CHARS = 32_767  # Excel's limit for the text of one cell
MAX_MERGED_RANGES = 10_000
_MAX_NUMBER_CHARS = 64  # a cached number longer than this is not one Excel wrote

_CHUNK = 256 * 1024
_COLUMNS = {get_column_letter(i): i for i in range(1, 703)}  # A…ZZ, the columns real sheets use
_SHEET_ROOTS = frozenset({"worksheet", "dialogsheet", "macrosheet"})
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_ROW_NUMBER = re.compile(r"^[0-9]{1,7}(?:\.0+)?$")
_NUMBER = re.compile(r"^\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$")
_INDEX = re.compile(r"^\s*[0-9]{1,9}\s*$")
_BROKEN_ZIP = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    zlib.error,
    struct.error,
    ValueError,
    NotImplementedError,
)


class WorkbookRefusedError(InputError):
    """The workbook is refused; the message (Chinese) says why and where."""


@dataclass
class SheetFacts:
    """What read-only openpyxl does not tell: uncalculated formulas, merged cells, hidden rows and columns."""

    uncached: set[tuple[int, int]] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(
        default_factory=list
    )  # min_row, min_col, max_row, max_col
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    last_row: int = 0  # the highest row number in the sheet's data
    cells: int = 0


@dataclass
class PackageFacts:
    """Every worksheet part's facts, by the part's name inside the zip."""

    sheets: dict[str, SheetFacts] = field(default_factory=dict)
    shared_strings: int = 0

    def sheet(self, part: str | None) -> SheetFacts:
        return self.sheets.get((part or "").lstrip("/"), SheetFacts())


def inspect_package(path: Path) -> PackageFacts | None:
    """Stream every XML part of the workbook and check it against the caps.

    Returns None when the file is missing or not a zip (openpyxl then says what it is);
    raises `WorkbookRefusedError` with a Chinese message when a cap or a rule is broken. Every
    reader of an outside .xlsx calls this before openpyxl opens it.
    """
    if path.exists() and not path.is_file():
        # a folder, a device (/dev/zero, \\.\COM1) or a pipe: opening or reading it could block for ever
        raise WorkbookRefusedError(
            f"无法导入 {path.name}：它不是一个普通文件（是文件夹、设备或管道），请选择 .xlsx 文件"
        )
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        return None
    except (*_BROKEN_ZIP, UnicodeDecodeError):
        return None
    name = path.name
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PACKAGE_MEMBERS:
            raise WorkbookRefusedError(
                f"无法导入 {name}：文件内部的部件过多（{len(infos)} 个），不像是正常的 Excel 工作簿"
            )
        total = sum(i.file_size for i in infos)
        if total > MAX_PACKAGE_BYTES:
            raise WorkbookRefusedError(
                f"无法导入 {name}：文件解压后过大（{total // 1024**2} MB，上限 {MAX_PACKAGE_BYTES // 1024**2} MB），"
                "可能含有大量空行或是恶意构造的文件。请只保留申报项目所在的行后另存再导入"
            )
        facts = PackageFacts()
        sheets: list[zipfile.ZipInfo] = []
        try:
            for info in infos:
                if info.is_dir() or not _looks_like_xml(archive, info):
                    continue
                scan = _PartScan(name, info)
                if _stream(archive, info, scan) == "sheet":
                    sheets.append(info)
                elif scan.root == "sst":
                    facts.shared_strings = max(facts.shared_strings, scan.strings)
            for info in sheets:
                sheet = _SheetScan(name, info, facts.shared_strings)
                _stream(archive, info, sheet)
                facts.sheets[info.filename] = sheet.facts
        except _BROKEN_ZIP:
            return facts  # a damaged part: openpyxl reports it as damaged when it reaches it
    return facts


def _looks_like_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with archive.open(info) as handle:
        head = handle.read(64)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


class _SheetPartError(Exception):
    """A part's root element says it is a worksheet: it gets the worksheet scan instead."""


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, scan: _Scan) -> str:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.text
    parser.StartDoctypeDeclHandler = scan.doctype
    parser.EntityDeclHandler = scan.doctype
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _SheetPartError:
        return "sheet"
    except expat.ExpatError:
        return "broken"  # openpyxl reports malformed XML as a damaged file
    return "part"


class _Scan:
    """Depth, element count and DOCTYPE checks shared by every part."""

    def __init__(self, book: str, info: zipfile.ZipInfo, max_bytes: int, max_elements: int):
        self.book = book
        self.part = info.filename
        self.size = info.file_size
        self.max_bytes = max_bytes
        self.max_elements = max_elements
        self.depth = 0
        self.elements = 0
        self.root = ""
        self._check_size()

    def refuse(self, reason: str) -> WorkbookRefusedError:
        return WorkbookRefusedError(
            f"无法导入 {self.book}：{reason}。文件可能被其他程序改动过或是恶意构造的，已拒绝导入"
        )

    def _check_size(self) -> None:
        if self.size > self.max_bytes:
            raise self.refuse(
                f"文件内部的 {self.part} 解压后过大（{_size(self.size)}，上限 {_size(self.max_bytes)}）"
            )

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > MAX_DEPTH:
            raise self.refuse(f"文件内部的 {self.part} 嵌套层数过深（超过 {MAX_DEPTH} 层）")
        if self.elements > self.max_elements:
            raise self.refuse(f"文件内部的 {self.part} 元素过多（超过 {self.max_elements} 个）")

    def end(self, name: str) -> None:
        self.depth -= 1

    def text(self, data: str) -> None:
        pass

    def doctype(self, *args: object) -> None:
        raise self.refuse(f"文件内部的 {self.part} 含有文档类型声明（DOCTYPE），正常的 Excel 文件没有")


def _size(count: int) -> str:
    return f"{count / 1024**2:.0f} MB" if count >= 1024**2 else f"{count / 1024:.0f} KB"


def _local(name: str) -> str:
    return name.rpartition(":")[2]


class _PartScan(_Scan):
    """Any XML part; shared strings are counted, a worksheet is handed to `_SheetScan`."""

    def __init__(self, book: str, info: zipfile.ZipInfo):
        # the largest cap until the root element says which kind of part this is
        largest = max(MAX_SHEET_BYTES, MAX_SHARED_STRINGS_BYTES, MAX_PART_BYTES)
        super().__init__(book, info, largest, MAX_PART_ELEMENTS)
        self.strings = 0
        self.chars = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if self.depth == 0:
            self.root = local
            if local in _SHEET_ROOTS:
                raise _SheetPartError
            if local == "sst":
                self.max_bytes, self.max_elements = MAX_SHARED_STRINGS_BYTES, 5 * MAX_SHARED_STRINGS
            elif local == "styleSheet":
                self.max_bytes, self.max_elements = MAX_PART_BYTES, MAX_STYLE_ELEMENTS
            else:
                self.max_bytes = MAX_PART_BYTES
            self._check_size()
        elif self.depth == 1 and self.root == "sst" and local == "si":
            self.strings += 1
            self.chars = 0
            if self.strings > MAX_SHARED_STRINGS:
                raise self.refuse(f"共享字符串过多（超过 {MAX_SHARED_STRINGS} 个）")
        super().start(name, attrs)

    def text(self, data: str) -> None:
        if self.root == "sst":
            self.chars += len(data)
            if self.chars > MAX_CELL_CHARS * 2:
                raise self.refuse(
                    f"第 {self.strings} 个共享字符串过长（Excel 每个单元格最多 {MAX_CELL_CHARS} 个字符）"
                )


class _SheetScan(_Scan):
    """A worksheet: row and cell numbering, per-row and total caps, and the facts openpyxl hides."""

    def __init__(self, book: str, info: zipfile.ZipInfo, shared_strings: int):
        super().__init__(book, info, MAX_SHEET_BYTES, 2**62)
        self.shared_strings = shared_strings
        self.facts = SheetFacts()
        self.row = 0  # the current row's number, 0 before the first row
        self.row_text = "0"
        self.row_open = False
        self.row_cells = self.row_elements = 0
        self.column = 0  # the last cell's column in the current row
        self.cell_open = False
        self.cell_type = "n"
        self.cell_chars = 0
        self.has_formula = self.cached = False
        self.value_depth = 0
        self.value: list[str] = []

    # -- elements (called for every element: kept lean) -------------------------------
    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.refuse(f"文件内部的 {self.part} 嵌套层数过深（超过 {MAX_DEPTH} 层）")
        if ":" in name:
            name = name.rpartition(":")[2]
        if self.row_open:
            self.row_elements += 1
            if self.row_elements > MAX_ELEMENTS_PER_ROW:
                raise self.refuse(f"第{self.row}行的内容过多（超过 {MAX_ELEMENTS_PER_ROW} 个 XML 元素）")
            if name == "c":
                self._cell(attrs)
                return
            if self.cell_open:
                if name == "v":
                    self.value_depth = self.depth
                    self.value = []
                elif name == "f":
                    self.has_formula = True
                elif name == "is":
                    self.cached = True
                return
        if name == "row":
            self._row(attrs)
        elif name == "c":
            self._cell(attrs)
        elif name == "mergeCell":
            self._merge(attrs.get("ref", ""))
        elif name == "col" and attrs.get("hidden") in ("1", "true"):
            low, high = attrs.get("min", ""), attrs.get("max", "")
            if low.isdigit() and high.isdigit() and len(low) < 8 and len(high) < 8:
                top = min(int(high), MAX_COLUMN_NUMBER)
                self.facts.hidden_columns.update(range(max(int(low), 1), top + 1))

    def end(self, name: str) -> None:
        if ":" in name:
            name = name.rpartition(":")[2]
        if self.cell_open:
            if name == "v" and self.depth == self.value_depth:
                self._value("".join(self.value))
                self.value_depth = 0
            elif name == "c":
                if self.has_formula and not self.cached:
                    self.facts.uncached.add((self.row, self.column))
                self.cell_open = False
        elif name == "row":
            self.row_open = False
        self.depth -= 1

    def text(self, data: str) -> None:
        if not self.cell_open:
            return
        self.cell_chars += len(data)
        if self.cell_chars > MAX_CELL_CHARS * 2:
            raise self.refuse(f"单元格 {self.cell} 的内容过长（Excel 每个单元格最多 {MAX_CELL_CHARS} 个字符）")
        if self.value_depth:
            self.value.append(data)

    @property
    def cell(self) -> str:
        """The current cell's reference, for messages."""
        return f"{get_column_letter(self.column)}{self.row}"

    # -- rows and cells ---------------------------------------------------------------
    def _row(self, attrs: dict[str, str]) -> None:
        given = attrs.get("r")
        if given is None:
            number = self.row + 1
        elif _ROW_NUMBER.match(given):
            number = int(given.partition(".")[0])
        else:
            raise self.refuse(
                f'第{self.row + 1}行附近有一行的行号“{given[:20]}”不是数字（<row r="{given[:20]}">）'
            )
        if not 1 <= number <= MAX_ROW_NUMBER:
            raise self.refuse(
                f'第{self.row}行之后有一行的行号是 {number}（<row r="{given}">），Excel 的行号只能是 1～{MAX_ROW_NUMBER}；'
                "照原样读取会丢掉这一行"
            )
        if number <= self.row:
            raise self.refuse(
                f"行号 {number} 出现在第{self.row}行之后（行号重复或顺序错乱）；照原样读取会丢掉这一行"
            )
        self.row = self.facts.last_row = number
        self.row_text = str(number)
        self.row_open = True
        self.row_cells = self.row_elements = self.column = 0
        if attrs.get("hidden") in ("1", "true"):
            self.facts.hidden_rows.add(number)

    def _cell(self, attrs: dict[str, str]) -> None:
        if not self.row_open:
            raise self.refuse("有单元格不在任何一行之内")
        self.row_cells += 1
        self.facts.cells += 1
        if self.row_cells > MAX_CELLS_PER_ROW:
            raise self.refuse(
                f"第{self.row}行的单元格超过 {MAX_CELLS_PER_ROW} 个（Excel 每行最多 {MAX_COLUMN_NUMBER} 列）"
            )
        if self.facts.cells > MAX_CELLS:
            raise self.refuse(
                f"工作表的单元格超过 {MAX_CELLS} 个（到第{self.row}行为止），远多于申报项目表所需"
            )
        ref = attrs.get("r")
        if ref is None:
            column = self.column + 1
        else:
            # the usual "B7" of the current row without the regex; anything else takes the full check
            letters = ref.rstrip("0123456789")
            column = _COLUMNS.get(letters, 0)
            if not column or ref[len(letters) :] != self.row_text:
                row, column = self._reference(ref, f"单元格引用“{ref[:20]}”")
                if row != self.row:
                    raise self.refuse(f"第{self.row}行中的单元格 {ref} 属于第{row}行")
        if column <= self.column:
            raise self.refuse(
                f"第{self.row}行中 {get_column_letter(column)}{self.row} 出现在 "
                f"{get_column_letter(self.column)}{self.row} 之后（单元格重复或顺序错乱）"
            )
        if column > MAX_COLUMN_NUMBER:
            raise self.refuse(f"第{self.row}行的单元格超出 Excel 的最后一列 XFD")
        self.column = column
        self.cell_open = True
        self.cell_type = attrs.get("t", "n")
        self.cell_chars = 0
        self.has_formula = self.cached = False

    def _value(self, text: str) -> None:
        if text or self.cell_type == "str":
            self.cached = True
        if not text:
            return
        if self.cell_type == "n":
            if len(text) > _MAX_NUMBER_CHARS or not _NUMBER.match(text) or not math.isfinite(float(text)):
                raise self.refuse(f"单元格 {self.cell} 标为数字，内容却是“{text[:20]}…”，不是有效的数字")
        elif self.cell_type == "s":
            if not _INDEX.match(text) or int(text) >= self.shared_strings:
                raise self.refuse(f"单元格 {self.cell} 引用了不存在的共享字符串（编号“{text[:20]}”）")
        elif self.cell_type == "b" and text.strip() not in ("0", "1"):
            raise self.refuse(f"单元格 {self.cell} 标为是/否（布尔值），内容却是“{text[:20]}”")

    def _reference(self, ref: str, what: str) -> tuple[int, int]:
        """(row, column) of "B7"; refused with the reason when Excel could not have written it."""
        match = _CELL_REF.match(ref)
        if match is None:
            raise self.refuse(f"{what}无效")
        letters, digits = match.groups()
        column = column_index_from_string(letters.upper())
        if column > MAX_COLUMN_NUMBER:
            raise self.refuse(f"{what}无效：列号超出 Excel 的最后一列 XFD")
        row = int(digits)
        if not 1 <= row <= MAX_ROW_NUMBER:
            raise self.refuse(f"{what}无效：行号 {row} 不在 1～{MAX_ROW_NUMBER} 之间")
        return row, column

    def _merge(self, ref: str) -> None:
        if len(self.facts.merged) >= MAX_MERGED_RANGES:
            raise self.refuse(f"合并单元格区域过多（超过 {MAX_MERGED_RANGES} 个）")
        what = f"合并单元格区域“{ref[:40]}”"
        first, colon, last = ref.partition(":")
        r1, c1 = self._reference(first, what)
        r2, c2 = self._reference(last, what) if colon else (r1, c1)
        self.facts.merged.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))


def read_sheet_rows(path: Path, sheet_title: str | None = None) -> list[list[object]]:
    """Every row of a workbook's sheet (`sheet_title`, else the first) as values, for the readers of small
    sheets (task lists, special-fund intake): the caps checked first, then any damage openpyxl meets —
    a date cell holding garbage, a broken part — refused with a Chinese message, never a traceback."""
    return read_sheet_rows_and_facts(path, sheet_title)[0]


def read_sheet_rows_and_facts(path: Path, sheet_title: str | None = None) -> tuple[list[list[object]], SheetFacts]:
    """`read_sheet_rows`, and what read-only openpyxl does not tell about that sheet (merged ranges,
    hidden rows, formulas without a saved result)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    package = inspect_package(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise InputError(f"找不到文件：{path}") from exc
    except (InvalidFileException, OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path.name} 不是可读取的 Excel（.xlsx）文件") from exc
    rows: list[list[object]] = []
    try:
        sheet = wb[sheet_title] if sheet_title and sheet_title in wb.sheetnames else wb.worksheets[0]
        facts = package.sheet(getattr(sheet, "_worksheet_path", None)) if package else SheetFacts()
        for values in sheet.iter_rows(values_only=True):
            rows.append(list(values))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, OSError, zipfile.BadZipFile) as exc:
        raise InputError(
            f"{path.name} 第 {len(rows) + 1} 行附近的单元格无法读取（内容已损坏或格式不对，如日期单元格中不是日期）。"
            "请在 Excel 中检查该行后另存为 .xlsx 再导入。"
        ) from exc
    finally:
        wb.close()
    return rows, facts


def sheet_names(path: Path) -> list[tuple[str, bool]]:
    """Each sheet's name and whether it is visible, in order (after `read_sheet_rows` checked the file)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return [(ws.title, getattr(ws, "sheet_state", "visible") == "visible") for ws in wb.worksheets]
    finally:
        wb.close()
