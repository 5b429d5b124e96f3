"""The fields of the application form (附件3) as the package's data sheet prints them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.campaign import Campaign
from ...domain.enums import PriorityCondition
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


def sections(campaign: Campaign, app: Application, recommender: str) -> list[Section]:
    a = app.applicant
    c = app.contact
    category = campaign.category(app.category_id)
    direction = campaign.direction(app.direction_id)
    met = [p.value for p in PriorityCondition if p in app.priority_conditions]
    overrides = [
        f"{campaign.rules[r].title if r in campaign.rules else r}：{reason}" for r, reason in sorted(app.overrides.items())
    ]
    return [
        Section(
            "一、申报单位情况",
            (
                Field("单位名称", a.name, wide=True),
                Field("统一社会信用代码", a.uscc),
                Field("单位类型", a.type_text),
                Field("注册地址", a.registered_address or a.registered_city, wide=True),
                Field("是否中央企业", _yes_no(a.is_central_enterprise)),
                Field("是否独立法人", _yes_no(a.independent_legal_person)),
                Field("成立时间", _date(a.founded)),
                Field("注册资本（万元）", _number(a.registered_capital)),
                Field("法定代表人", a.legal_representative),
                Field("职工人数", _number(a.employees)),
                Field("上年度营业收入（万元）", _number(a.revenue)),
                Field("上年度利润（万元）", _number(a.profit)),
                Field("上年度研发投入（万元）", _number(a.rnd_spending)),
                Field("所属行业", a.industry),
                Field("联合申报单位", app.co_applicants, wide=True),
            ),
        ),
        Section(
            "二、项目情况",
            (
                Field("项目名称", app.project_name, wide=True),
                Field("试点示范类别", category.name if category else app.category_id),
                Field("负责单位", direction.authority_text if direction else ""),
                Field("具体方向", direction.name if direction else app.direction_id, wide=True),
                Field("实施地点", "/".join(p for p in (app.location_city, app.location_county or app.county) if p)),
                Field("建设状态", app.build_status.value),
                Field("建设起止时间", _period(app.build_start, app.build_end)),
                Field("总投资（万元）", _number(app.total_investment)),
                Field("创新发展工程项目", app.innovation_acceptance.value),
                Field("曾列入试点示范", f"{app.pilot_year}年" if app.pilot_year else "否"),
                Field("已通过其他渠道推荐", app.other_channel.value),
                Field("申报日期", _date(app.filed_on)),
            ),
        ),
        Section(
            "三、联系人",
            (
                Field("姓名", c.name),
                Field("职务", c.title),
                Field("电话", c.phone),
                Field("手机", c.mobile),
                Field("邮箱", c.email, wide=True),
            ),
        ),
        Section(
            "四、优先支持条件及审核情况",
            (
                Field("符合的优先支持条件", "；".join(met) if met else "无", wide=True),
                Field("“信用中国”查询", "已查询" if app.credit_checked else "未登记"),
                Field("无重大事故承诺函", "已提供" if app.commitment_letter else "未登记"),
                Field("推荐单位", recommender),
                Field("推荐顺序", f"第{app.priority}位" if app.priority else EMPTY),
                Field("审核说明", "；".join(overrides) if overrides else "无", wide=True),
            ),
        ),
    ]


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
