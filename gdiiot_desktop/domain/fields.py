"""The application's fields, written down once.

Each field has its flat name ("project_name", "applicant.name", "contact.mobile"), its Chinese
label, its JSON key and type, the Excel intake column that carries it, its maximum length, the
check of its form (with a Chinese message saying what is expected) and its label on the printed
data sheet. The JSON codec, the repository's flat view, the diff labels, the intake columns, the
data sheet and the editor's mapping are all derived from `FIELDS`: a new field is one entry here.

Text caps are where the exports can still lay a value out (see docs/bundle-format.md, "Caps"):
generous for real filings, finite so no accepted input can break a summary table or a PDF page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from .enums import ApplicantType, BuildStatus, InnovationAcceptance, OtherChannel, PriorityCondition, Status
from .model import Applicant, Application, Attachment, Contact
from .text import describe_removed, find_unsafe


class Kind(StrEnum):
    """A field's type, as the domain holds it and as JSON carries it."""

    UID = "uid"  # 32 lowercase hex digits
    TEXT = "text"  # str
    OPEN_ENUM = "open_enum"  # str: one of the enum's values, or what was filed instead
    ENUM = "enum"  # the enum member; JSON: its value
    DATE = "date"  # date | None; JSON: "YYYY-MM-DD" or null
    INT = "int"  # int | None
    NUMBER = "number"  # float | None
    BOOL = "bool"  # bool
    OPT_BOOL = "opt_bool"  # bool | None
    ENUM_SET = "enum_set"  # frozenset of enum members; JSON: sorted list of values
    TEXT_SET = "text_set"  # frozenset[str]; JSON: sorted list
    TEXT_MAP = "text_map"  # dict[str, str]; JSON: object, keys sorted


class Owner(StrEnum):
    """Who decides a field when a county's bundle meets the city's database."""

    COUNTY = "county"
    CITY = "city"


Check = Callable[[str], str | None]  # a non-empty text → what is wrong with it in Chinese, or None


@dataclass(frozen=True)
class Field:
    name: str  # flat name; "group.key" for the applicant's and the contact's fields
    label: str  # Chinese, in messages, diffs and headings
    kind: Kind
    max_length: int = 0  # characters, for text kinds (each element's for sets and maps)
    enum: type[StrEnum] | None = None
    low: float | None = None  # numbers and years: the smallest allowed value
    high: float | None = None
    intake_header: str | None = None  # the Excel intake column that carries it (None: not in the sheet)
    print_label: str | None = None  # its label on the package's data sheet (None: not printed alone)
    check: Check | None = None  # the form of a stored, non-empty text value
    owner: Owner = Owner.COUNTY

    @property
    def group(self) -> str | None:
        """ "applicant" or "contact" for a field of the nested objects, else None."""
        head, dot, _ = self.name.partition(".")
        return head if dot else None

    @property
    def key(self) -> str:
        """The JSON key inside its object (the applicant's, the contact's or the application's)."""
        return self.name.rpartition(".")[2]

    @property
    def is_text(self) -> bool:
        return self.kind in (Kind.TEXT, Kind.OPEN_ENUM, Kind.UID)

    # --- values -----------------------------------------------------------------------------
    def get(self, app: Application) -> Any:
        """The field's value in the domain's form."""
        if self.name == "applicant.applicant_type":
            return app.applicant.type_text
        owner: Any = getattr(app, self.group) if self.group else app
        return getattr(owner, self.key)

    def to_json(self, value: Any) -> Any:
        """A domain value as a plain JSON value."""
        if value is None:
            return None
        if self.kind is Kind.ENUM:
            return value.value
        if self.kind is Kind.DATE:
            return value.isoformat()
        if self.kind is Kind.ENUM_SET:
            return sorted(v.value for v in value)
        if self.kind is Kind.TEXT_SET:
            return sorted(value)
        if self.kind is Kind.TEXT_MAP:
            return dict(sorted(value.items()))
        if self.kind is Kind.NUMBER:
            return float(value)
        return value

    def text_problem(self, text: str, *, form: bool = True) -> str | None:
        """What is wrong with a text value of this field, naming the field; None when nothing is.

        Characters and length always; with `form`, also the check of its form (a mobile number's
        digits). Bundles are read without `form`: what a county's editor accepted stays readable.
        """
        bad = find_unsafe(text)
        if bad:
            return f"{self.label}含有不允许的字符：{describe_removed(bad)}，请删除后重新填写"
        if self.max_length and len(text) > self.max_length:
            return f"{self.label}过长（{len(text)}个字，最多{self.max_length}个字）"
        if form and text and self.check is not None:
            problem = self.check(text)
            if problem:
                return f"{self.label}{problem}"
        return None


# ---------------------------------------------------------------------------------------------
# Checks of form (the stored value; intake and the editor normalise first, see normalize_*)
# ---------------------------------------------------------------------------------------------

_MOBILE = re.compile(r"1\d{10}")
_PHONE = re.compile(r"[0-9+()（）\- 转ext.]{3,40}", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_UID = re.compile(r"[0-9a-f]{32}")
_MOBILE_SEPARATORS = re.compile(r"[\s\-()（）.]")


def _mobile(text: str) -> str | None:
    return None if _MOBILE.fullmatch(text) else "应为以1开头的11位数字"


def _phone(text: str) -> str | None:
    return (
        None if _PHONE.fullmatch(text) and any(c.isdigit() for c in text) else "应为电话号码，如 020-12345678"
    )


def _email(text: str) -> str | None:
    return None if _EMAIL.fullmatch(text) else "应为电子邮箱地址，如 name@example.com"


def _uid(text: str) -> str | None:
    return None if _UID.fullmatch(text) else "应为32位小写十六进制的项目标识"


def normalize_mobile(text: str) -> str:
    """A mobile number as stored: half-width digits, separators and a +86 prefix dropped."""
    digits = _MOBILE_SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == 11 + len(prefix):
            return digits[len(prefix) :]
    return digits


def normalize_email(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("。", ".").strip()


# ---------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------

FIRST_PILOT_YEAR = 2017  # the first year of the industrial internet pilot demonstrations
MAX_AMOUNT = 1e12  # 万元: far beyond any enterprise; keeps sums exact in a float and printable
MAX_PRIORITY = 100_000  # far beyond any city's list; also keeps the number inside SQLite's integers

FIELDS: tuple[Field, ...] = (
    Field("uid", "项目标识", Kind.UID, 32, check=_uid, owner=Owner.CITY),
    Field("project_name", "项目名称", Kind.TEXT, 100, intake_header="项目名称", print_label="项目名称"),
    Field("county", "县区", Kind.TEXT, 32, intake_header="县区"),
    Field("category_id", "试点示范类别", Kind.TEXT, 32, intake_header="试点示范类别", print_label="试点示范类别"),
    Field("direction_id", "具体方向", Kind.TEXT, 32, intake_header="具体方向", print_label="具体方向"),
    Field("build_status", "建设状态", Kind.ENUM, enum=BuildStatus, intake_header="建设状态", print_label="建设状态"),
    Field(
        "innovation_acceptance", "创新发展工程验收", Kind.ENUM, enum=InnovationAcceptance,
        intake_header="创新发展工程验收", print_label="创新发展工程项目",
    ),
    Field(
        "other_channel", "已通过其他渠道推荐", Kind.ENUM, enum=OtherChannel,
        intake_header="已通过其他渠道推荐", print_label="已通过其他渠道推荐",
    ),
    Field(
        "pilot_year", "曾列入试点示范年份", Kind.INT, low=FIRST_PILOT_YEAR, high=2200,
        intake_header="曾列入试点示范年份", print_label="曾列入试点示范",
    ),
    Field("location_city", "实施地点（市）", Kind.TEXT, 32),
    Field("location_county", "实施地点（县区）", Kind.TEXT, 32),
    Field("build_start", "建设开始时间", Kind.DATE),
    Field("build_end", "建设结束时间", Kind.DATE),
    Field("total_investment", "总投资（万元）", Kind.NUMBER, low=0, high=MAX_AMOUNT, print_label="总投资（万元）"),
    Field("co_applicants", "联合申报单位", Kind.TEXT, 500, print_label="联合申报单位"),
    Field("priority_conditions", "优先条件", Kind.ENUM_SET, enum=PriorityCondition, print_label="符合的优先支持条件"),
    Field("credit_checked", "已查询信用中国", Kind.BOOL, print_label="“信用中国”查询"),
    Field("commitment_letter", "无重大事故承诺函", Kind.BOOL, print_label="无重大事故承诺函"),
    Field("filed_on", "申报日期", Kind.DATE, print_label="申报日期"),
    Field("contact.name", "联系人", Kind.TEXT, 50, intake_header="联系人", print_label="姓名"),
    Field("contact.title", "联系人职务", Kind.TEXT, 50, print_label="职务"),
    Field("contact.phone", "联系人电话", Kind.TEXT, 40, check=_phone, print_label="电话"),
    Field("contact.mobile", "联系人手机", Kind.TEXT, 20, check=_mobile, intake_header="手机", print_label="手机"),
    Field("contact.email", "联系人邮箱", Kind.TEXT, 100, check=_email, intake_header="邮箱", print_label="邮箱"),
    Field("status", "状态", Kind.ENUM, enum=Status, owner=Owner.CITY),
    Field(
        "priority", "推荐顺序", Kind.INT, low=1, high=MAX_PRIORITY, owner=Owner.CITY,
        intake_header="推荐顺序", print_label="推荐顺序",
    ),
    Field("materials_received", "已收纸质材料", Kind.TEXT_SET, 64),
    Field("overrides", "审核说明", Kind.TEXT_MAP, 2000, owner=Owner.CITY, print_label="审核说明"),
    Field("note", "备注", Kind.TEXT, 2000),
    Field("applicant.uscc", "统一社会信用代码", Kind.TEXT, 40, intake_header="统一社会信用代码", print_label="统一社会信用代码"),
    Field("applicant.name", "申报单位", Kind.TEXT, 100, intake_header="申报单位", print_label="单位名称"),
    Field(
        "applicant.applicant_type", "单位类型", Kind.OPEN_ENUM, 50, enum=ApplicantType,
        intake_header="单位类型", print_label="单位类型",
    ),
    Field(
        "applicant.is_central_enterprise", "是否中央企业", Kind.BOOL,
        intake_header="是否中央企业", print_label="是否中央企业",
    ),
    Field(
        "applicant.independent_legal_person", "是否独立法人", Kind.OPT_BOOL,
        intake_header="是否独立法人", print_label="是否独立法人",
    ),
    Field("applicant.registered_city", "注册地", Kind.TEXT, 32, intake_header="注册地"),
    Field("applicant.registered_address", "注册地址", Kind.TEXT, 200, print_label="注册地址"),
    Field("applicant.founded", "成立时间", Kind.DATE, print_label="成立时间"),
    Field(
        "applicant.registered_capital", "注册资本（万元）", Kind.NUMBER, low=0, high=MAX_AMOUNT,
        print_label="注册资本（万元）",
    ),
    Field("applicant.legal_representative", "法定代表人", Kind.TEXT, 50, print_label="法定代表人"),
    Field("applicant.employees", "职工人数", Kind.INT, low=0, high=10**8, print_label="职工人数"),
    Field("applicant.revenue", "上年度营业收入（万元）", Kind.NUMBER, low=0, high=MAX_AMOUNT, print_label="上年度营业收入（万元）"),
    Field("applicant.profit", "上年度利润（万元）", Kind.NUMBER, low=-MAX_AMOUNT, high=MAX_AMOUNT, print_label="上年度利润（万元）"),
    Field(
        "applicant.rnd_spending", "上年度研发投入（万元）", Kind.NUMBER, low=0, high=MAX_AMOUNT,
        print_label="上年度研发投入（万元）",
    ),
    Field("applicant.industry", "所属行业", Kind.TEXT, 100, print_label="所属行业"),
)  # fmt: skip

# The attachments' fields, as JSON carries them ("class" is the attachment class's value).
ATTACHMENT_FIELDS: tuple[Field, ...] = (
    Field("class", "附件类别", Kind.TEXT, 32),
    Field("file_name", "附件文件名", Kind.TEXT, 255),
    Field("source_path", "附件原路径", Kind.TEXT, 1000),
    Field("sha256", "附件哈希值", Kind.TEXT, 64),
    Field("size", "附件大小", Kind.INT, low=0, high=2**62),
    Field("year", "附件年度", Kind.INT, low=1900, high=2200),
    Field("pages", "附件页数", Kind.INT, low=0, high=10**7),
    Field("duration_seconds", "视频时长", Kind.NUMBER, low=0, high=1e9),
    Field("note", "附件说明", Kind.TEXT, 500),
)

ATTACHMENTS_LABEL = "附件"
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
GROUPS = ("contact", "applicant")  # the nested JSON objects, in the order the application's keys put them
CITY_OWNED = frozenset(f.name for f in FIELDS if f.owner is Owner.CITY)


def field(name: str) -> Field:
    return BY_NAME[name]


def label(name: str) -> str:
    """The Chinese label of a flat field name ("attachments" included); the name itself when unknown."""
    if name == "attachments":
        return ATTACHMENTS_LABEL
    found = BY_NAME.get(name)
    return found.label if found else name


def in_group(group: str | None) -> Iterator[Field]:
    """The fields of one JSON object: the application's own (None), "applicant" or "contact"."""
    return (f for f in FIELDS if f.group == group)


def intake_fields() -> tuple[Field, ...]:
    return tuple(f for f in FIELDS if f.intake_header is not None)


def application_values(app: Application) -> dict[str, Any]:
    """{flat name: domain value} of every field."""
    return {f.name: f.get(app) for f in FIELDS}


def build_application(values: Mapping[str, Any], attachments: list[Attachment] | None = None) -> Application:
    """An application from {flat name: domain value}; a field left out takes the model's default."""
    applicant = {f.key: values[f.name] for f in in_group("applicant") if f.name in values}
    kind = applicant.pop("applicant_type", "") or ""
    known = kind in ApplicantType._value2member_map_
    contact = {f.key: values[f.name] for f in in_group("contact") if f.name in values}
    own = {f.key: values[f.name] for f in in_group(None) if f.name in values}
    return Application(
        **own,
        applicant=Applicant(
            **applicant,
            applicant_type=ApplicantType(kind) if known else None,
            applicant_type_text="" if known else kind,
        ),
        contact=Contact(**contact),
        attachments=list(attachments or []),
    )


def text_problems(app: Application, *, form: bool = False) -> dict[str, str]:
    """{field name: what is wrong} for every text of the application that breaks the text rules or its
    cap (with `form`, also its form check): what a save from any face refuses, naming the field."""
    out: dict[str, str] = {}
    for f in FIELDS:
        value = f.get(app)
        if f.kind is Kind.TEXT_SET:
            texts = list(value)
        elif f.kind is Kind.TEXT_MAP:
            texts = list(value.values())
        elif f.is_text:
            texts = [value]
        else:
            continue
        for text in texts:
            problem = f.text_problem(text, form=form)
            if problem:
                out[f.name] = problem
                break
    for attachment in app.attachments:
        for f in ATTACHMENT_FIELDS[1:]:
            value = getattr(attachment, f.key)
            if isinstance(value, str) and (problem := f.text_problem(value, form=form)):
                out.setdefault(f"attachments.{f.key}", problem)
    return out


def value_problems(app: Application, *, form: bool = False) -> dict[str, str]:
    """`text_problems`, and numbers, years and dates outside their field's range: everything a
    bundle's reader refuses in an application's own values, named by field."""
    out = text_problems(app, form=form)
    for f in FIELDS:
        value = f.get(app)
        if value is None or f.name in out:
            continue
        if f.kind in (Kind.INT, Kind.NUMBER):
            low = f.low if f.low is not None else -(2**53)
            high = f.high if f.high is not None else 2**53
            if not low <= value <= high:
                out[f.name] = f"{f.label}应在{_shown(low)}～{_shown(high)}之间，实际为{_shown(value)}"
        elif f.kind is Kind.DATE and not date_in_range(value):
            out[f.name] = f"{f.label}应在1900—2200年之间，实际为{value.isoformat()}"
    return out


def _shown(number: float) -> str:
    """A number for a message: whole numbers without an exponent or ".0"."""
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def date_in_range(value: date) -> bool:
    """Dates the program can compute with and print (1900–2200), whatever Python's date allows."""
    return 1900 <= value.year <= 2200
