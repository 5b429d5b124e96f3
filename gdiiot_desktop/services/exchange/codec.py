"""Applications as bundle JSON and back, and as flat county-owned fields for diffs and merges."""

from __future__ import annotations

import copy
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from ...domain.enums import (
    ApplicantType,
    AttachmentClass,
    BuildStatus,
    InnovationAcceptance,
    OtherChannel,
    PriorityCondition,
    Status,
)
from ...domain.model import Applicant, Application, Attachment, Contact
from ...domain.uscc import normalize_uscc
from .format import UID_RE
from .jsonio import Node

APPLICANT_KEYS = (
    "uscc", "name", "applicant_type", "is_central_enterprise", "independent_legal_person",
    "registered_city", "registered_address", "founded", "registered_capital", "legal_representative",
    "employees", "revenue", "profit", "rnd_spending", "industry",
)  # fmt: skip
CONTACT_KEYS = ("name", "title", "phone", "mobile", "email")
ATTACHMENT_KEYS = (
    "class", "file_name", "source_path", "sha256", "size", "year", "pages", "duration_seconds", "note",
)  # fmt: skip
APPLICATION_KEYS = (
    "uid", "project_name", "county", "category_id", "direction_id", "build_status",
    "innovation_acceptance", "other_channel", "pilot_year", "location_city", "location_county",
    "build_start", "build_end", "total_investment", "co_applicants", "priority_conditions",
    "credit_checked", "commitment_letter", "filed_on", "contact", "status", "priority",
    "materials_received", "overrides", "note", "applicant", "attachments",
)  # fmt: skip

# The city decides these; a county's bundle never changes them at the city.
CITY_OWNED = frozenset({"uid", "status", "priority", "overrides"})

FIELD_LABELS = {
    "project_name": "项目名称", "county": "县区", "category_id": "试点示范类别", "direction_id": "具体方向",
    "build_status": "建设状态", "innovation_acceptance": "创新发展工程验收", "other_channel": "已通过其他渠道推荐",
    "pilot_year": "曾列入试点示范年份", "location_city": "实施地点（市）", "location_county": "实施地点（县区）",
    "build_start": "建设开始时间", "build_end": "建设结束时间", "total_investment": "总投资（万元）",
    "co_applicants": "联合申报单位", "priority_conditions": "优先条件", "credit_checked": "已查询信用中国",
    "commitment_letter": "无重大事故承诺函", "filed_on": "申报日期", "materials_received": "已收纸质材料",
    "note": "备注", "attachments": "附件",
    "contact.name": "联系人", "contact.title": "联系人职务", "contact.phone": "联系人电话",
    "contact.mobile": "联系人手机", "contact.email": "联系人邮箱",
    "applicant.uscc": "统一社会信用代码", "applicant.name": "申报单位", "applicant.applicant_type": "单位类型",
    "applicant.is_central_enterprise": "是否中央企业", "applicant.independent_legal_person": "是否独立法人",
    "applicant.registered_city": "注册地", "applicant.registered_address": "注册地址",
    "applicant.founded": "成立时间", "applicant.registered_capital": "注册资本（万元）",
    "applicant.legal_representative": "法定代表人", "applicant.employees": "职工人数",
    "applicant.revenue": "上年度营业收入（万元）", "applicant.profit": "上年度利润（万元）",
    "applicant.rnd_spending": "上年度研发投入（万元）", "applicant.industry": "所属行业",
}  # fmt: skip


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


# ---------------------------------------------------------------------------------------------
# Application → JSON
# ---------------------------------------------------------------------------------------------


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def attachment_json(a: Attachment) -> dict[str, Any]:
    return {
        "class": a.attachment_class.value,
        "file_name": a.file_name,
        "source_path": a.source_path,
        "sha256": a.sha256,
        "size": a.size,
        "year": a.year,
        "pages": a.pages,
        "duration_seconds": a.duration_seconds,
        "note": a.note,
    }


def application_json(app: Application) -> dict[str, Any]:
    """The bundle's JSON object of one application (every key always present)."""
    p = app.applicant
    return {
        "uid": app.uid,
        "project_name": app.project_name,
        "county": app.county,
        "category_id": app.category_id,
        "direction_id": app.direction_id,
        "build_status": app.build_status.value,
        "innovation_acceptance": app.innovation_acceptance.value,
        "other_channel": app.other_channel.value,
        "pilot_year": app.pilot_year,
        "location_city": app.location_city,
        "location_county": app.location_county,
        "build_start": _day(app.build_start),
        "build_end": _day(app.build_end),
        "total_investment": app.total_investment,
        "co_applicants": app.co_applicants,
        "priority_conditions": sorted(c.value for c in app.priority_conditions),
        "credit_checked": app.credit_checked,
        "commitment_letter": app.commitment_letter,
        "filed_on": _day(app.filed_on),
        "contact": {k: getattr(app.contact, k) for k in CONTACT_KEYS},
        "status": app.status.value,
        "priority": app.priority,
        "materials_received": sorted(app.materials_received),
        "overrides": dict(sorted(app.overrides.items())),
        "note": app.note,
        "applicant": {
            "uscc": p.uscc,
            "name": p.name,
            "applicant_type": p.type_text,
            "is_central_enterprise": p.is_central_enterprise,
            "independent_legal_person": p.independent_legal_person,
            "registered_city": p.registered_city,
            "registered_address": p.registered_address,
            "founded": _day(p.founded),
            "registered_capital": p.registered_capital,
            "legal_representative": p.legal_representative,
            "employees": p.employees,
            "revenue": p.revenue,
            "profit": p.profit,
            "rnd_spending": p.rnd_spending,
            "industry": p.industry,
        },
        "attachments": sorted((attachment_json(a) for a in app.attachments), key=_attachment_key),
    }


def _attachment_key(a: dict[str, Any]) -> tuple[str, str, str]:
    return (str(a["class"]), str(a["sha256"]), str(a["file_name"]))


# ---------------------------------------------------------------------------------------------
# JSON → Application (validating every key and type)
# ---------------------------------------------------------------------------------------------

E = TypeVar("E", bound=StrEnum)


def _enum(node: Node, enum: type[E]) -> E:
    text = node.text()
    try:
        return enum(text)
    except ValueError:
        node.fail(f"的值“{text[:40]}”不是允许的取值")


def _date(node: Node) -> date | None:
    if node.is_null:
        return None
    text = node.text(max_len=10)
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        node.fail(f"应为日期（如 2023-11-28），实际为“{text}”")


def _sha(node: Node) -> str:
    text = node.text(max_len=64)
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        node.fail("应为 64 位小写十六进制的 SHA-256 值")
    return text


def parse_uid(node: Node) -> str:
    text = node.text(max_len=32)
    if not UID_RE.fullmatch(text):
        node.fail("应为 32 位小写十六进制的项目标识（uid）")
    return text


def parse_attachment(node: Node, max_size: int) -> Attachment:
    node.obj(ATTACHMENT_KEYS)
    return Attachment(
        attachment_class=_enum(node["class"], AttachmentClass),
        file_name=node["file_name"].text(max_len=1000),
        source_path=node["source_path"].text(max_len=4000),
        sha256=_sha(node["sha256"]),
        size=node["size"].integer(0, max_size),
        year=node["year"].opt_integer(1900, 2200),
        pages=node["pages"].opt_integer(0, 10**7),
        duration_seconds=node["duration_seconds"].opt_number(1e9),
        note=node["note"].text(),
    )


def parse_application(node: Node, max_file_size: int) -> Application:
    """An application from its bundle JSON; BundleFormatError on any missing key or wrong type."""
    node.obj(APPLICATION_KEYS)
    p = node["applicant"].obj(APPLICANT_KEYS)
    c = node["contact"].obj(CONTACT_KEYS)
    kind = p["applicant_type"].text(max_len=200)
    known = kind in ApplicantType._value2member_map_
    overrides = {key: value.text() for key, value in node["overrides"].mapping()}
    return Application(
        uid=parse_uid(node["uid"]),
        project_name=node["project_name"].text(max_len=1000),
        county=node["county"].text(max_len=64),
        category_id=node["category_id"].text(max_len=32),
        direction_id=node["direction_id"].text(max_len=32),
        build_status=_enum(node["build_status"], BuildStatus),
        innovation_acceptance=_enum(node["innovation_acceptance"], InnovationAcceptance),
        other_channel=_enum(node["other_channel"], OtherChannel),
        pilot_year=node["pilot_year"].opt_integer(1900, 2200),
        location_city=node["location_city"].text(),
        location_county=node["location_county"].text(),
        build_start=_date(node["build_start"]),
        build_end=_date(node["build_end"]),
        total_investment=node["total_investment"].opt_number(),
        co_applicants=node["co_applicants"].text(),
        priority_conditions=frozenset(_enum(n, PriorityCondition) for n in node["priority_conditions"].items()),
        credit_checked=node["credit_checked"].boolean(),
        commitment_letter=node["commitment_letter"].boolean(),
        filed_on=_date(node["filed_on"]),
        contact=Contact(**{k: c[k].text(max_len=1000) for k in CONTACT_KEYS}),
        status=_enum(node["status"], Status),
        priority=node["priority"].opt_integer(1, 10**6),
        materials_received=frozenset(n.text(max_len=200) for n in node["materials_received"].items()),
        overrides=overrides,
        note=node["note"].text(),
        applicant=Applicant(
            uscc=normalize_uscc(p["uscc"].text(max_len=64)),
            name=p["name"].text(max_len=1000),
            applicant_type=ApplicantType(kind) if known else None,
            applicant_type_text="" if known else kind,
            is_central_enterprise=p["is_central_enterprise"].boolean(),
            independent_legal_person=p["independent_legal_person"].opt_boolean(),
            registered_city=p["registered_city"].text(),
            registered_address=p["registered_address"].text(),
            founded=_date(p["founded"]),
            registered_capital=p["registered_capital"].opt_number(),
            legal_representative=p["legal_representative"].text(),
            employees=p["employees"].opt_integer(0, 10**9),
            revenue=p["revenue"].opt_number(),
            profit=p["profit"].opt_number(),
            rnd_spending=p["rnd_spending"].opt_number(),
            industry=p["industry"].text(),
        ),
        attachments=[parse_attachment(a, max_file_size) for a in node["attachments"].items()],
    )


# ---------------------------------------------------------------------------------------------
# Flat, county-owned fields: what diffs compare and merges choose between
# ---------------------------------------------------------------------------------------------

Flat = dict[str, Any]


def flatten(app: Application) -> Flat:
    """{field: plain JSON value} of the county-owned fields; nested objects as "applicant.name"."""
    doc = application_json(app)
    out: Flat = {}
    for key, value in doc.items():
        if key in CITY_OWNED:
            continue
        if key in ("applicant", "contact"):
            for sub, v in value.items():
                out[f"{key}.{sub}"] = v
        elif key == "attachments":
            out[key] = value
        else:
            out[key] = value
    return out


def with_fields(app: Application, values: Flat) -> Application:
    """`app` with some flat fields replaced (the city-owned ones and the id are kept)."""
    doc = application_json(app)
    for key, value in values.items():
        if key in CITY_OWNED:
            continue
        head, _, sub = key.partition(".")
        if sub:
            doc[head][sub] = copy.deepcopy(value)
        else:
            doc[key] = copy.deepcopy(value)
    merged = parse_application(Node(doc, "merge"), 2**62)
    merged.id = app.id
    # Attachment ids survive so the merge can tell which stored rows to keep.
    ids = {(a.attachment_class.value, a.sha256, a.file_name): a.id for a in app.attachments}
    for a in merged.attachments:
        a.id = ids.get((a.attachment_class.value, a.sha256, a.file_name))
    return merged


def attachment_label(a: dict[str, Any]) -> str:
    try:
        cls = AttachmentClass(a["class"]).label
    except ValueError:
        cls = str(a["class"])
    return f"{cls}：{a['file_name']}（{str(a['sha256'])[:8]}）"
