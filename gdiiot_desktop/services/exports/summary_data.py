"""The rows of the summary table (附件4), shared by the .xlsx, its PDF and the official template."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.campaign import Campaign
from ...domain.model import Application
from ..errors import InputError
from .letter import parse
from .snapshot import Snapshot

LABEL = "附件4"  # the notice's attachment number, top left as the province's template has it
STAMP_LINE = "推荐单位（盖章）：{recommender}　　　填表人：{contact}　　联系电话：{phone}　　　填表日期：{date}"
STAMP_BLANK = "__________"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: float  # Excel character widths
    pdf_mm: float  # width in the PDF (A4 landscape); 0: what is left
    aliases: tuple[str, ...] = ()  # other header texts an official template may use


COLUMNS: tuple[Column, ...] = (
    Column("priority", "推荐顺序", 6, 10, ("序号", "推荐排序", "优先顺序", "排序")),
    Column("project", "项目名称", 26, 30),
    Column("applicant", "申报单位", 22, 27, ("申报主体", "申报单位名称", "单位名称")),
    Column("uscc", "统一社会信用代码", 21, 32, ("信用代码", "社会信用代码")),
    Column("category", "试点示范类别", 11, 12, ("类别", "试点示范类型", "申报类别")),
    Column("direction", "具体方向", 22, 25, ("方向", "申报方向")),
    Column("authority", "负责单位（工信厅/通信管理局）", 12, 13, ("负责单位",)),
    Column("location", "所在地市/县区", 13, 17, ("所在地市", "所在地区", "所在地")),
    Column("contact", "联系人", 8, 11),
    Column("title", "职务", 10, 14),
    Column("mobile", "手机", 13, 21, ("联系电话", "手机号码", "电话")),
    Column("email", "邮箱", 20, 26, ("电子邮箱", "联系邮箱")),
    Column("central", "是否中央企业", 7, 10, ("是否央企",)),
    Column("note", "备注", 24, 0),
)


def title(campaign: Campaign) -> str:
    return f"{campaign.year}年工业互联网试点示范推荐项目汇总表"


def stamp_line(snapshot: Snapshot) -> str:
    """The line above the table: the bureau's name (stamped over by hand), who filled it in and
    their phone (as frozen with the snapshot's letter), and the snapshot's date.
    """
    contact, phone = filled_by(snapshot)
    day = snapshot.created_at
    return STAMP_LINE.format(
        recommender=snapshot.recommender,
        contact=contact or STAMP_BLANK,
        phone=phone or STAMP_BLANK,
        date=f"{day.year}年{day.month}月{day.day}日",
    )


def stamp_parts(snapshot: Snapshot) -> list[str]:
    """The stamp line's four parts (the PDF sets them apart in columns: spaces would collapse)."""
    return [p for p in stamp_line(snapshot).split("　") if p]


def filled_by(snapshot: Snapshot) -> tuple[str, str]:
    """填表人 and 联系电话: the contact frozen in the snapshot's letter ("" for older snapshots)."""
    if snapshot.letter is None:
        return "", ""
    try:
        letter = parse(snapshot.letter)
    except InputError:
        return "", ""
    return letter.contact, letter.phone


def footer_text(snapshot: Snapshot) -> str:
    return (
        f"快照编号：{snapshot.id}　共 {len(snapshot.applications)} 个项目　"
        f"生成时间：{snapshot.created_at:%Y-%m-%d %H:%M}　本表与纸质申报材料、光盘出自同一快照"
    )


def row(campaign: Campaign, app: Application, city_name: str = "") -> dict[str, str | int]:
    category = campaign.category(app.category_id)
    direction = campaign.direction(app.direction_id)
    city = _city(app.location_city or city_name)
    county = app.location_county or app.county
    return {
        "priority": app.priority or 0,
        "project": app.project_name,
        "applicant": app.applicant.name,
        "uscc": app.applicant.uscc,
        "category": category.name if category else app.category_id,
        "direction": direction.name if direction else app.direction_id,
        "authority": direction.authority_text if direction else "",
        "location": "/".join(p for p in (city, county) if p) or county,
        "contact": app.contact.name,
        "title": app.contact.title,
        "mobile": app.contact.mobile or app.contact.phone,
        "email": app.contact.email,
        "central": "是" if app.applicant.is_central_enterprise else "否",
        "note": note(app, campaign),
    }


def note(app: Application, campaign: Campaign) -> str:
    """备注: the MIIT priority conditions met, and every recorded override with its reason."""
    parts = []
    if app.priority_conditions:
        met = "；".join(sorted(c.value for c in app.priority_conditions))
        parts.append(f"符合优先支持条件：{met}")
    for rule_id, reason in sorted(app.overrides.items()):
        spec = campaign.rules.get(rule_id)
        parts.append(f"经审核接受（{spec.title if spec else rule_id}）：{reason}")
    if app.applicant.is_central_enterprise:
        parts.append("中央企业，不占属地指标")
    return "；".join(parts)


def rows(campaign: Campaign, snapshot: Snapshot) -> list[dict[str, str | int]]:
    return [row(campaign, app, snapshot.city) for app in snapshot.applications]


def _city(name: str) -> str:
    name = name.strip()
    return name if not name or name.endswith(("市", "州", "区", "县")) else name + "市"
