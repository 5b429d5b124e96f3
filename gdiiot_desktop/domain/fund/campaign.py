"""The special-fund campaign (kind `special-fund`): directions with subsidy rules, budget, deadline.

The file format is described in resources/campaigns/README.md ("Special-fund campaigns") and
validated against resources/campaigns/special-fund.schema.json before `build_fund_campaign`
runs; `fund_data_checks` and `fund_consistency` catch what a schema cannot express.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import Any

from ..campaign import Deadline, Problem, RuleSpec
from ..enums import Grade
from ..rules.registry import registered_rule
from ..tasks.model import TARGET_KINDS
from .money import to_money

FUND_KIND = "special-fund"
FUND_VERSION = 1


@dataclass(frozen=True)
class InvestmentCategory:
    """A kind of spending an application declares (工业互联网, 云服务, …), with the invoices behind it."""

    id: str
    name: str
    note: str = ""


@dataclass(frozen=True)
class SubsidyRule:
    """扶持标准 of one direction: every limit is optional, the tightest one applies."""

    clause: str
    clause_text: str
    ratio_percent: Decimal | None = None  # of the eligible investment
    eligible_categories: tuple[str, ...] = ()  # empty: every category counts
    project_cap: Decimal | None = None  # per project
    enterprise_cap: Decimal | None = None  # per enterprise, across its projects in this direction
    cluster_cap: Decimal | None = None  # per industrial cluster, across its enterprises
    min_sessions: int | None = None  # training: at least this many sessions …
    min_people: int | None = None  # … and this many people trained

    @property
    def citation(self) -> str:
        return f"{self.clause}：{self.clause_text}"

    @property
    def needs_cluster(self) -> bool:
        return self.cluster_cap is not None

    @property
    def needs_training(self) -> bool:
        return self.min_sessions is not None or self.min_people is not None


@dataclass(frozen=True)
class SubDirection:
    id: str
    name: str


@dataclass(frozen=True)
class FundDirection:
    """A support direction (支持方向) of the call, e.g. 中小企业上云上平台."""

    id: str
    no: int
    name: str
    clause: str
    description: str
    subsidy: SubsidyRule
    subdirections: tuple[SubDirection, ...] = ()
    counts_as: tuple[str, ...] = ()  # task-list kinds a pooled project counts as by default

    def subdirection(self, sub_id: str) -> SubDirection | None:
        return next((s for s in self.subdirections if s.id == sub_id), None)


@dataclass(frozen=True)
class FundMaterial:
    """A material an application hands in; `directions` empty means every direction."""

    id: str
    name: str
    required: bool
    directions: tuple[str, ...] = ()

    def applies_to(self, direction_id: str) -> bool:
        return not self.directions or direction_id in self.directions


@dataclass(frozen=True)
class FundCampaign:
    id: str
    title: str
    year: int
    version: int
    city: str  # the city that issues the call (short form, e.g. 江门)
    issuer: str
    notice_number: str
    notice_date: date | None
    basis: str  # the measures the call implements
    deadline: Deadline
    deadline_clause: str
    budget: Decimal | None  # None: the call states none; the city sets it
    budget_note: str
    counties: tuple[str, ...]
    categories: tuple[InvestmentCategory, ...]
    directions: tuple[FundDirection, ...]
    materials: tuple[FundMaterial, ...]
    rules: Mapping[str, RuleSpec]
    source_text: str = field(default="", repr=False, compare=False)

    kind = FUND_KIND

    def direction(self, direction_id: str) -> FundDirection | None:
        return next((d for d in self.directions if d.id == direction_id), None)

    def direction_by_name(self, text: str) -> FundDirection | None:
        """A direction by id, full name, a name with its numbering ((二)中小企业上云上平台), or a
        distinctive part of it (人才培养, 上云上平台) when only one direction has it."""
        key = "".join(text.split())
        if not key:
            return None
        for d in self.directions:
            if key in (d.id, d.name) or key.endswith(d.name):
                return d
        found = [d for d in self.directions if len(key) >= 2 and (key in d.name or d.name in key)]
        return found[0] if len(found) == 1 else None

    def category(self, category_id: str) -> InvestmentCategory | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def materials_for(self, direction_id: str) -> list[FundMaterial]:
        return [m for m in self.materials if m.applies_to(direction_id)]

    def rule(self, rule_id: str) -> RuleSpec:
        return self.rules[rule_id]

    def city_matches(self, name: str) -> bool:
        return name.strip().removeprefix("广东省").removesuffix("市") == self.city


# ---------------------------------------------------------------------------------------
# Building from validated data (the schema has passed)
# ---------------------------------------------------------------------------------------


def _money(value: Any) -> Decimal | None:
    return None if value is None else to_money(value)


def _subsidy(data: Mapping[str, Any]) -> SubsidyRule:
    ratio = data.get("ratio_percent")
    return SubsidyRule(
        clause=data["clause"],
        clause_text=data["clause_text"],
        ratio_percent=None if ratio is None else Decimal(str(ratio)),
        eligible_categories=tuple(data.get("eligible_categories", ())),
        project_cap=_money(data.get("project_cap")),
        enterprise_cap=_money(data.get("enterprise_cap")),
        cluster_cap=_money(data.get("cluster_cap")),
        min_sessions=data.get("min_sessions"),
        min_people=data.get("min_people"),
    )


def build_fund_campaign(data: Mapping[str, Any], text: str) -> FundCampaign:
    notice = data["notice"]
    deadline = data["deadline"]
    budget = data.get("budget", {})
    return FundCampaign(
        id=data["id"],
        title=data["title"],
        year=data["year"],
        version=data["version"],
        city=data["city"],
        issuer=data["issuer"],
        notice_number=notice.get("number", ""),
        notice_date=date.fromisoformat(notice["date"]) if notice.get("date") else None,
        basis=notice.get("basis", ""),
        deadline=Deadline(
            day=date.fromisoformat(deadline["date"]),
            time_of_day=time.fromisoformat(deadline["time"]),
            text=deadline["text"],
        ),
        deadline_clause=deadline["clause"],
        budget=_money(budget.get("total")),
        budget_note=budget.get("note", ""),
        counties=tuple(data.get("counties", ())),
        categories=tuple(
            InvestmentCategory(c["id"], c["name"], c.get("note", "")) for c in data["categories"]
        ),
        directions=tuple(
            FundDirection(
                id=d["id"],
                no=d["no"],
                name=d["name"],
                clause=d["clause"],
                description=d.get("description", ""),
                subsidy=_subsidy(d["subsidy"]),
                subdirections=tuple(SubDirection(s["id"], s["name"]) for s in d.get("subdirections", ())),
                counts_as=tuple(d.get("counts_as", ())),
            )
            for d in data["directions"]
        ),
        materials=tuple(
            FundMaterial(m["id"], m["name"], m["required"], tuple(m.get("directions", ())))
            for m in data["materials"]
        ),
        rules={
            rule_id: RuleSpec(
                id=rule_id,
                title=r["title"],
                grade=Grade(r["grade"]),
                overridable=r.get("overridable", False),
                clause=r["clause"],
                clause_text=r["clause_text"],
            )
            for rule_id, r in data["rules"].items()
        },
        source_text=text,
    )


def fund_data_checks(data: Mapping[str, Any]) -> list[Problem]:
    """Dates, times and amounts that match the schema's patterns but do not exist or do not parse."""
    problems: list[Problem] = []
    checks: list[tuple[str, Any, Any]] = [
        ("deadline.date", data["deadline"]["date"], date.fromisoformat),
        ("deadline.time", data["deadline"]["time"], time.fromisoformat),
    ]
    if data["notice"].get("date"):
        checks.append(("notice.date", data["notice"]["date"], date.fromisoformat))
    for location, value, parse in checks:
        try:
            parse(value)
        except ValueError:
            problems.append(Problem(location, f"不存在的日期或时间：{value!r}"))
    amounts: list[tuple[str, Any]] = [("budget.total", data.get("budget", {}).get("total"))]
    for i, d in enumerate(data["directions"], 1):
        for key in ("project_cap", "enterprise_cap", "cluster_cap"):
            amounts.append((f"directions[{i}].subsidy.{key}", d["subsidy"].get(key)))
    for location, value in amounts:
        if value is not None:
            try:
                to_money(value)
            except ValueError as exc:
                problems.append(Problem(location, str(exc)))
    return problems


def fund_consistency(campaign: FundCampaign) -> list[Problem]:
    """Cross-references: ids unique, categories and directions named exist, rules registered."""
    problems: list[Problem] = []
    problems += _duplicates("directions", [d.id for d in campaign.directions], "方向编号")
    problems += _duplicates("directions", [str(d.no) for d in campaign.directions], "方向序号（no）")
    if abs(campaign.deadline.day.year - campaign.year) > 1:
        problems.append(
            Problem("deadline.date", f"截止日期 {campaign.deadline.day} 与活动年度 {campaign.year} 年相差一年以上")
        )
    problems += _duplicates("categories", [c.id for c in campaign.categories], "投入类别编号")
    problems += _duplicates("materials", [m.id for m in campaign.materials], "材料编号")
    category_ids = {c.id for c in campaign.categories}
    direction_ids = {d.id for d in campaign.directions}
    for i, d in enumerate(campaign.directions, 1):
        rule = d.subsidy
        for cat in rule.eligible_categories:
            if cat not in category_ids:
                problems.append(Problem(f"directions[{i}].subsidy.eligible_categories", f"未知投入类别 {cat!r}"))
        if rule.ratio_percent is not None and not (0 < rule.ratio_percent <= 100):
            problems.append(Problem(f"directions[{i}].subsidy.ratio_percent", "补贴比例应在 0 到 100 之间"))
        if rule.ratio_percent is None and rule.project_cap is None and rule.enterprise_cap is None:
            problems.append(Problem(f"directions[{i}].subsidy", "至少应有补贴比例或金额上限之一"))
        problems += _duplicates(f"directions[{i}].subdirections", [s.id for s in d.subdirections], "子方向编号")
        # A misspelt kind would make the direction's pooled projects count toward no task, silently.
        for kind in d.counts_as:
            if kind not in TARGET_KINDS:
                problems.append(
                    Problem(f"directions[{i}].counts_as", f"未知的任务类别 {kind!r}（可用：{'、'.join(TARGET_KINDS)}）")
                )
    for i, m in enumerate(campaign.materials, 1):
        for direction_id in m.directions:
            if direction_id not in direction_ids:
                problems.append(Problem(f"materials[{i}].directions", f"未知方向 {direction_id!r}"))
    # Only registered rules can be enabled: a campaign names the rules it uses (open registry).
    from . import rules as _fund_rules  # noqa: F401  (registers the FUND_* rules)

    for rule_id in campaign.rules:
        found = registered_rule(rule_id)
        if found is None or found.kind != FUND_KIND:
            problems.append(Problem(f"rules.{rule_id}", "未知规则编号（专项资金活动可用的规则见 README）"))
    return problems


def _duplicates(where: str, values: list[str], what: str) -> list[Problem]:
    return [Problem(where, f"{what}重复：{v}") for v, n in Counter(values).items() if n > 1]
