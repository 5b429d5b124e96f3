"""Columns of the Excel intake sheet: their headers, how a header is recognised, how a cell is read."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from functools import cache
from typing import TypeVar

from openpyxl.utils.datetime import to_excel

from ..domain import fields as registry
from ..domain.fields import FIRST_PILOT_YEAR, MAX_PRIORITY, Field, Kind
from ..domain.names import clean_text

SHEET_NAME = "申报项目"
INSTRUCTIONS_SHEET = "填写说明"
DIRECTIONS_SHEET = "方向清单"


@dataclass(frozen=True)
class Column:
    """One column of the intake sheet; the columns that carry a field take its key and header
    from the field registry (domain/fields.py)."""

    key: str  # the registry's field name for a field's column ("applicant.name"), else its own
    header: str  # the header text the template writes
    width: float  # Excel character units; a Chinese character takes about two
    required: bool = False  # the sheet is refused when the column is absent
    text: bool = True  # formatted as text ("@") in the template, so Excel keeps codes and phones as typed
    aliases: tuple[str, ...] = ()
    field: Field | None = None  # the registry field it carries (None: 序号, the file columns)


def _of(
    name: str, width: float, *, required: bool = False, text: bool = True, aliases: tuple[str, ...] = ()
) -> Column:
    """The column of a registry field."""
    f = registry.field(name)
    assert f.intake_header is not None, name
    return Column(name, f.intake_header, width, required, text, aliases, f)


SEQ = Column("seq", "序号", 6, text=False, aliases=("编号",))
COUNTY = _of("county", 12, required=True, aliases=("区县", "县/区", "县市区", "所在县区"))
PROJECT = _of("project_name", 40, required=True, aliases=("项目名",))
APPLICANT = _of("applicant.name", 32, required=True, aliases=("申报单位名称", "申报主体", "单位名称"))
USCC = _of("applicant.uscc", 22, aliases=("社会信用代码", "信用代码"))
APPLICANT_TYPE = _of("applicant.applicant_type", 18, aliases=("申报主体类型", "申报单位类型"))
CENTRAL = _of("applicant.is_central_enterprise", 12, aliases=("是否央企",))
REGISTERED_CITY = _of("applicant.registered_city", 12, aliases=("注册地市", "注册所在地"))
INDEPENDENT = _of(
    "applicant.independent_legal_person",
    12,
    aliases=("是否具有独立法人资格", "是否具备独立法人资格", "独立法人"),
)
CATEGORY = _of("category_id", 14, aliases=("类别", "申报类别", "试点示范类型"))  # the category's name
DIRECTION = _of("direction_id", 44, required=True, aliases=("方向", "申报方向", "试点示范方向"))  # its name
BUILD_STATUS = _of("build_status", 10, required=True, aliases=("项目建设状态",))
PILOT_YEAR = _of("pilot_year", 12, text=False, aliases=("曾列入试点示范", "列入试点示范年份"))
INNOVATION = _of(
    "innovation_acceptance", 14, aliases=("创新发展工程验收情况", "创新发展工程项目", "创新发展工程项目验收")
)
OTHER_CHANNEL = _of("other_channel", 14, aliases=("其他渠道推荐",))
CONTACT = _of("contact.name", 10, aliases=("联系人姓名",))
MOBILE = _of("contact.mobile", 15, aliases=("手机号", "手机号码", "联系人手机", "联系手机"))
EMAIL = _of("contact.email", 26, aliases=("电子邮箱", "电子邮件", "邮件", "email", "e-mail"))
VIDEO = Column("video", "视频文件", 32, aliases=("视频", "项目视频"))
FORM = Column("form", "申报书文件", 32, aliases=("申报书",))
PRIORITY = _of("priority", 10, text=False, aliases=("推荐排序", "优先顺序"))

# The template's order, as SPEC lists the columns.
COLUMNS: tuple[Column, ...] = (
    SEQ, COUNTY, PROJECT, APPLICANT, USCC, APPLICANT_TYPE, CENTRAL, REGISTERED_CITY, INDEPENDENT,
    CATEGORY, DIRECTION, BUILD_STATUS, PILOT_YEAR, INNOVATION, OTHER_CHANNEL, CONTACT, MOBILE,
    EMAIL, VIDEO, FORM, PRIORITY,
)  # fmt: skip
assert {c.field.name for c in COLUMNS if c.field} == {f.name for f in registry.intake_fields()}
REQUIRED_COLUMNS = tuple(c for c in COLUMNS if c.required)

_BRACKETS = re.compile(r"[()\[\]{}【】〔〕<>《》]")
_EXPLANATION = re.compile(r"[(\[【〔<《:：,，;；/]")
_DROPPED = re.compile(r"[\s*#、]")


def _header_key(text: str) -> str:
    return _DROPPED.sub("", unicodedata.normalize("NFKC", text)).casefold()


_BY_KEY: dict[str, Column] = {}
for _column in COLUMNS:
    for _name in (_column.header, *_column.aliases):
        _BY_KEY[_header_key(_name)] = _column


def match_header(value: object) -> Column | None:
    """The column a header cell names: trimmed, full-width tolerant, explanations ignored.

    "是否中央企业（是/否）", " 县（区） ", "推荐顺序\\n空=不推荐" and "*项目名称" are all recognised.
    """
    text = clean_text(value)
    if not text:
        return None
    first_line = text.splitlines()[0]
    for candidate in (text, first_line):
        key = _header_key(candidate)
        for variant in (key, _BRACKETS.sub("", key), _EXPLANATION.split(key, maxsplit=1)[0]):
            column = _BY_KEY.get(variant)
            if column is not None:
                return column
    return None


# ---------------------------------------------------------------------------------------
# Cell values
# ---------------------------------------------------------------------------------------


class CellValueError(ValueError):
    """A cell whose value cannot be stored; the message is the Chinese reason."""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def cell_text(value: object) -> str:
    """Any cell value as the text a user sees: numbers without a spurious ".0", dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return clean_text(value)


def _folded(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


_TRUE = {"是", "y", "yes", "true", "1", "√", "✓"}
_FALSE = {"否", "n", "no", "false", "0", "×", "✗", "不是"}


def parse_bool(value: object) -> bool | None:
    """是/否 (also Y/N, 1/0, TRUE/FALSE, ticks); None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    key = _folded(cell_text(value))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise CellValueError(f"“{cell_text(value)}”无法识别，请填“是”或“否”")


E = TypeVar("E", bound=StrEnum)


def parse_enum(value: object, enum: type[E], what: str) -> E | None:
    """One of an enumeration's Chinese values; None when blank."""
    if is_blank(value):
        return None
    member: E | None = _enum_index(enum).get(_folded(cell_text(value)))
    if member is not None:
        return member
    allowed = "、".join(m.value for m in enum)
    raise CellValueError(f"{what}“{cell_text(value)}”无法识别，应为{allowed}之一")


@cache
def _enum_index(enum: type[E]) -> dict[str, E]:
    return {_folded(member.value): member for member in enum}


_YEAR_TEXT = re.compile(r"^(\d{4})(?:\.0+)?年?$")
_DATE_TEXT = re.compile(r"^\d{4}(?:[-/.年]\d{1,2})(?:[-/.月]\d{1,2}日?)?月?$")
_INT_TEXT = re.compile(r"^[+]?(\d+)(?:\.0+)?$")


def _serial_number(value: datetime | date) -> float | None:
    """A number Excel shows as a date because of the cell's format (2022 → 1905-07-14)."""
    try:
        return float(to_excel(value))
    except (TypeError, ValueError, OverflowError):
        return None


def _whole_number(value: object) -> int | None:
    """An integer however it was typed (2, 2.0, "2", "２"); None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value == int(value) else None
    if isinstance(value, str):
        match = _INT_TEXT.match(_folded(value))
        return int(match.group(1)) if match else None
    return None


def parse_year(value: object, latest: int) -> int | None:
    """曾列入试点示范年份: blank, or a year from 2017 to the campaign's year."""
    if is_blank(value):
        return None
    year: int | None
    if isinstance(value, datetime | date):
        serial = _serial_number(value) if value.year < 1950 else None
        year = int(serial) if serial is not None and serial == int(serial) else value.year
    elif isinstance(value, str):
        match = _YEAR_TEXT.match(_folded(value))
        year = int(match.group(1)) if match else None
    else:
        year = _whole_number(value)
    if year is None:
        if isinstance(value, str) and _DATE_TEXT.match(_folded(value)):
            raise CellValueError(f"“{cell_text(value)}”是日期，这里只填年份（如2022），未列入的留空")
        raise CellValueError(f"“{cell_text(value)}”不是年份，请填写4位年份（如2022）或留空")
    if not FIRST_PILOT_YEAR <= year <= latest:
        raise CellValueError(f"年份{year}不在{FIRST_PILOT_YEAR}—{latest}年之间")
    return year


def parse_priority(value: object) -> int | None:
    """推荐顺序: blank (not recommended) or a positive integer."""
    if is_blank(value):
        return None
    if isinstance(value, datetime | date):
        serial = _serial_number(value)
        number = int(serial) if serial is not None and serial == int(serial) else None
    else:
        number = _whole_number(value)
    if number is None or number < 1:
        raise CellValueError(f"推荐顺序“{cell_text(value)}”应为正整数（1、2、3……），不推荐的留空")
    if number > MAX_PRIORITY:
        raise CellValueError(f"推荐顺序“{cell_text(value)}”过大，应为1～{MAX_PRIORITY}之间的整数")
    return number


_MOBILE = re.compile(r"^1\d{10}$")
_MOBILE_SEPARATORS = re.compile(r"[\s\-()（）.]")


def parse_mobile(value: object) -> str:
    """An 11-digit mainland mobile number (spaces, dashes and a +86 prefix dropped); "" when blank."""
    if is_blank(value):
        return ""
    digits = _MOBILE_SEPARATORS.sub("", unicodedata.normalize("NFKC", cell_text(value)))
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == 11 + len(prefix):
            digits = digits[len(prefix) :]
            break
    if not _MOBILE.match(digits):
        raise CellValueError(f"手机号码“{cell_text(value)}”应为以1开头的11位数字")
    return digits


_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")


def parse_email(value: object) -> str:
    """A plausible e-mail address (full-width forms made half-width); "" when blank."""
    if is_blank(value):
        return ""
    text = unicodedata.normalize("NFKC", cell_text(value)).replace("。", ".")
    if not _EMAIL.match(text):
        raise CellValueError(f"邮箱“{cell_text(value)}”格式不正确")
    return text


def cell_value(f: Field, value: object) -> str | int | None:
    """A field's domain value as the template writes it in its cell (是/否, the enum's Chinese word)."""
    if value is None:
        return None
    if f.kind in (Kind.BOOL, Kind.OPT_BOOL):
        return "是" if value else "否"
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, int | str):
        return value
    return str(value)
