"""The fields of the application form (附件3) as the package's data sheet prints them; which fields and
under which labels come from the field registry (domain/fields.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...domain import fields as registry
from ...domain.campaign import Campaign
from ...domain.enums import PriorityCondition
from ...domain.fields import Kind
from ...domain.model import Application

EMPTY = "—"


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    wide: bool = False  # takes a whole row


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]


# The sheet's sections: registry fields by name (labels are the registry's print labels), and a few
# rows that combine fields ("@…"). A `True` makes the row take the whole width.
LAYOUT: tuple[tuple[str, tuple[tuple[str, bool], ...]], ...] = (
    (
        "一、申报单位情况",
        (
            ("applicant.name", True),
            ("applicant.uscc", False),
            ("applicant.applicant_type", False),
            ("applicant.registered_address", True),
            ("applicant.is_central_enterprise", False),
            ("applicant.independent_legal_person", False),
            ("applicant.founded", False),
            ("applicant.registered_capital", False),
            ("applicant.legal_representative", False),
            ("applicant.employees", False),
            ("applicant.revenue", False),
            ("applicant.profit", False),
            ("applicant.rnd_spending", False),
            ("applicant.industry", False),
            ("co_applicants", True),
        ),
    ),
    (
        "二、项目情况",
        (
            ("project_name", True),
            ("category_id", False),
            ("@authority", False),
            ("direction_id", True),
            ("@location", False),
            ("build_status", False),
            ("@build_period", False),
            ("total_investment", False),
            ("innovation_acceptance", False),
            ("pilot_year", False),
            ("other_channel", False),
            ("filed_on", False),
        ),
    ),
    (
        "三、联系人",
        (
            ("contact.name", False),
            ("contact.title", False),
            ("contact.phone", False),
            ("contact.mobile", False),
            ("contact.email", True),
        ),
    ),
    (
        "四、优先支持条件及审核情况",
        (
            ("priority_conditions", True),
            ("credit_checked", False),
            ("commitment_letter", False),
            ("@recommender", False),
            ("priority", False),
            ("overrides", True),
        ),
    ),
)
_COMBINED_LABELS = {
    "@authority": "负责单位",
    "@location": "实施地点",
    "@build_period": "建设起止时间",
    "@recommender": "推荐单位",
}


def sections(campaign: Campaign, app: Application, recommender: str) -> list[Section]:
    combined = _combined(campaign, app, recommender)
    out = []
    for title, rows in LAYOUT:
        printed = []
        for name, wide in rows:
            if name in combined:
                printed.append(Field(_COMBINED_LABELS[name], combined[name], wide))
                continue
            f = registry.field(name)
            assert f.print_label is not None, name
            printed.append(Field(f.print_label, _printed(f, f.get(app), campaign, app), wide))
        out.append(Section(title, tuple(printed)))
    return out


def _combined(campaign: Campaign, app: Application, recommender: str) -> dict[str, str]:
    direction = campaign.direction(app.direction_id)
    return {
        "@authority": direction.authority_text if direction else "",
        "@location": "/".join(p for p in (app.location_city, app.location_county or app.county) if p),
        "@build_period": _period(app.build_start, app.build_end),
        "@recommender": recommender,
    }


def _printed(f: registry.Field, value: Any, campaign: Campaign, app: Application) -> str:
    """A field's value as the sheet prints it."""
    special = _SPECIAL.get(f.name)
    if special is not None:
        return special(value, campaign, app)
    if f.kind is Kind.DATE:
        return _date(value)
    if f.kind in (Kind.INT, Kind.NUMBER):
        return _number(value)
    if f.kind in (Kind.BOOL, Kind.OPT_BOOL):
        return _yes_no(value)
    if f.kind is Kind.ENUM:
        return str(value.value)
    return str(value)


def _category(value: Any, campaign: Campaign, app: Application) -> str:
    category = campaign.category(value)
    return category.name if category else str(value)


def _direction(value: Any, campaign: Campaign, app: Application) -> str:
    direction = campaign.direction(value)
    return direction.name if direction else str(value)


def _overrides(value: Any, campaign: Campaign, app: Application) -> str:
    reasons = [
        f"{campaign.rules[r].title if r in campaign.rules else r}：{why}" for r, why in sorted(value.items())
    ]
    return "；".join(reasons) if reasons else "无"


def _conditions(value: Any, campaign: Campaign, app: Application) -> str:
    met = [p.value for p in PriorityCondition if p in value]
    return "；".join(met) if met else "无"


_SPECIAL: dict[str, Callable[[Any, Campaign, Application], str]] = {
    "applicant.registered_address": lambda v, c, app: v or app.applicant.registered_city,
    "category_id": _category,
    "direction_id": _direction,
    "pilot_year": lambda v, c, app: f"{v}年" if v else "否",
    "priority": lambda v, c, app: f"第{v}位" if v else EMPTY,
    "credit_checked": lambda v, c, app: "已查询" if v else "未登记",
    "commitment_letter": lambda v, c, app: "已提供" if v else "未登记",
    "priority_conditions": _conditions,
    "overrides": _overrides,
}


def _yes_no(value: bool | None) -> str:
    return EMPTY if value is None else ("是" if value else "否")


def _date(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else EMPTY


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return EMPTY
    return f"{_date(start)}至{_date(end)}"


def _number(value: float | int | None) -> str:
    if value is None:
        return EMPTY
    return f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
