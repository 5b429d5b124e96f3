"""Turning one row of the intake sheet into an application, every bad cell collected with its reason."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..domain import fields as registry
from ..domain.campaign import Campaign, Category, Direction
from ..domain.enums import ApplicantType, BuildStatus, InnovationAcceptance, OtherChannel, Status
from ..domain.model import Applicant, Application, Contact
from ..domain.names import clean_text, normalize_name
from ..domain.text import describe_removed, find_unsafe
from ..domain.uscc import normalize_uscc
from . import intake_columns as cols
from .contained_paths import PathRefusedError, resolve_inside
from .intake_columns import COLUMNS, DIRECTIONS_SHEET, CellValueError, Column
from .intake_results import CellError, IntakeRow, SheetLayout

# Fields stored as filed, checked against the registry's caps (category and direction are stored as ids).
_CAPPED = tuple(
    (f, column)
    for f in registry.intake_fields()
    if f.is_text and f.name not in ("category_id", "direction_id")
    and (column := cols.match_header(f.intake_header)) is not None
)


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


class RowReader:
    """Turns one row's cells into an application, collecting every bad cell."""

    def __init__(self, campaign: Campaign, base: Path, layout: SheetLayout, uncached: set[tuple[int, int]]):
        self.campaign = campaign
        self.base = base
        self.real_base = os.path.realpath(base)
        self.located: dict[str, tuple[Path | None, str | None]] = {}  # a sheet names the same files often
        self.layout = layout
        self.uncached = uncached
        self.lookup = _Lookup(campaign)
        self.priorities: dict[int, int] = {}  # priority → the first row that took it
        self.used = [c for c in COLUMNS if c.key in layout.columns and c is not cols.SEQ]

    def locate(self, text: str) -> tuple[Path | None, str | None]:
        """The file a cell names inside the workbook's folder, or why it cannot be used."""
        found = self.located.get(text)
        if found is None:
            try:
                path = resolve_inside(text, self.base, real_base=self.real_base)
            except PathRefusedError as refused:
                found = None, (
                    f"路径不能使用：{refused.reason}。请把文件放在表格所在文件夹（或其子文件夹）中，"
                    "填写相对路径，如“视频\\项目名称.mp4”"
                )
            else:
                if path.is_file():
                    found = path, None
                else:
                    found = None, f"找不到文件“{text}”（相对于表格所在文件夹 {self.base}）"
            self.located[text] = found
        return found

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
            elif isinstance(value, str) and (bad := find_unsafe(value)):
                # XML-forbidden characters break every export; bidi controls make a name read as another
                broken[column.key] = (
                    f"{column.header}含有不允许的字符：{describe_removed(bad)}，请删除后重新填写"
                    "（这些字符看不见，可在单元格中重新输入该内容）"
                )
            values[column.key] = value
        if all(cols.is_blank(v) for v in values.values()):
            return None, []  # empty, or only formulas that produced nothing
        return _RowParse(self, row_number, values, broken).run()


class _RowParse:
    """The parsing of one non-empty row."""

    def __init__(self, reader: RowReader, row_number: int, values: dict[str, Any], broken: dict[str, str]):
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
        for column, problem in _length_problems(application):
            self.fail(column, problem)
        if self.errors:
            return None, self.errors
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
        path, problem = self.reader.locate(text)
        if problem is not None:
            self.fail(column, problem)
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


def _length_problems(app: Application) -> list[tuple[Column, str]]:
    """Values longer than the field registry allows: past it, the exports can no longer lay them out."""
    out = []
    for f, column in _CAPPED:
        value = f.get(app)
        if isinstance(value, str):
            problem = f.text_problem(value, form=False)
            if problem is not None:
                out.append((column, problem))
    return out
