"""The applications a meeting reviews, for either kind of database, behind one set of functions.

A pilot database (`Workspace`) reviews pilot applications and its ranking proposal draws the quota
line; a special-fund database (`FundWorkspace`) reviews special-fund applications, has no quota
(the budget line is drawn by `fund rank`), and adopting the ranking sets the 入库 order. The rest
of `services/meeting` asks this module and never looks at which kind it has.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ... import resources
from ...domain.enums import AttachmentClass
from ...domain.fund.money import format_money
from ...domain.meeting.subjects import ReviewSubject, SubjectKind, subject_of_application, subject_of_fund
from ...domain.model import Attachment, Violation
from ...domain.rules import check_city
from ...domain.rules.context import order_key
from ..applications import ApplicationService
from ..fund.checks import check_fund_workspace
from ..fund.workspace import FundWorkspace
from ..workspace import Workspace

MeetingWorkspace = Workspace | FundWorkspace

# Pilot rules whose violations depend on the current order, not on the application: they do not
# make an application ineligible for the proposal.
_ORDER_RULES = {"CITY_QUOTA", "DEADLINE"}
# Special-fund rules that follow from the ranking itself (see services/fund/ranking.RANKING_RULES).
_FUND_ORDER_RULES = {"FUND_BELOW_BUDGET_LINE"}


def kind_of(ws: MeetingWorkspace) -> SubjectKind:
    return SubjectKind.FUND if isinstance(ws, FundWorkspace) else SubjectKind.PILOT


def review_subjects(ws: MeetingWorkspace) -> list[ReviewSubject]:
    """Every application of the database as a meeting sees it."""
    if isinstance(ws, FundWorkspace):
        names = {d.id: d.name for d in ws.campaign.directions}
        return [
            subject_of_fund(a, names.get(a.direction_id, a.direction_id))
            for a in ws.repo.all()
            if a.id is not None
        ]
    return [subject_of_application(a) for a in ApplicationService(ws).list() if a.id is not None]


def default_review_ids(ws: MeetingWorkspace) -> list[int]:
    """The applications a new meeting reviews when none are named: every active one, those already
    ranked (recommended / 入库) first in their order, then the rest in the order entered."""
    if isinstance(ws, FundWorkspace):
        active = [a for a in ws.repo.all() if a.status.is_active and a.id is not None]
        return [
            a.id
            for a in sorted(active, key=lambda a: (a.rank is None, a.rank or 0, a.id))
            if a.id is not None
        ]
    apps = [a for a in ApplicationService(ws).list() if a.status.is_active]
    return [a.id for a in sorted(apps, key=lambda a: order_key(a, 0)) if a.id is not None]


def rubric_texts(ws: MeetingWorkspace) -> tuple[str, str, Path]:
    """The campaign file text the database was made with, its id, and the shipped campaign file to
    fall back on for a database made before its campaign file had a rubric."""
    shipped = (
        resources.campaign_file(ws.campaign.id)
        if isinstance(ws, FundWorkspace)
        else resources.campaign_file()
    )
    return ws.campaign.source_text, ws.campaign.id, shipped


def quota_of(ws: MeetingWorkspace) -> int | None:
    """The city's recommendation quota (pilot); None for a special-fund call (a budget, not a quota)."""
    if isinstance(ws, FundWorkspace):
        return None
    city = ws.campaign.city(ws.city)
    return ws.campaign.quota_for(city) if city is not None else 0


def city_name(ws: MeetingWorkspace) -> str:
    """The city's full name for documents (韶关市)."""
    if isinstance(ws, FundWorkspace):
        return ws.city if ws.city.endswith("市") else f"{ws.city}市"
    city = ws.campaign.city(ws.city)
    return city.full_name if city else ws.city


def ineligible(ws: MeetingWorkspace, subjects: list[ReviewSubject], under_review: set[int]) -> dict[int, str]:
    """Applications under review that cannot be proposed, with the reason the proposal shows."""
    out = {s.id: f"项目{s.status_label}" for s in subjects if s.id in under_review and not s.active}
    for v in blocking_violations(ws):
        if v.application_id in under_review:
            out.setdefault(v.application_id, f"存在未处理的错误（{v.title}）")
    return out


@dataclass(frozen=True)
class _Blocking:
    application_id: int
    title: str


def blocking_violations(ws: MeetingWorkspace) -> list[_Blocking]:
    """Errors that keep an application out of the proposal (not those that follow from the order)."""
    if isinstance(ws, FundWorkspace):
        return [
            _Blocking(
                v.application_id, ws.campaign.rule(v.rule).title if v.rule in ws.campaign.rules else v.rule
            )
            for v in check_fund_workspace(ws).violations
            if v.blocks and v.application_id is not None and v.rule not in _FUND_ORDER_RULES
        ]
    return [
        _Blocking(v.application_id, ws.campaign.rule_title(v.rule))
        for v in check_city(ws.campaign, ws.city, ApplicationService(ws).list())
        if v.blocks and v.rule not in _ORDER_RULES and v.application_id is not None
    ]


def adopt_order(ws: MeetingWorkspace, order: list[int], basis: dict[str, object] | None = None) -> None:
    """Make `order` the city's priority order (pilot) or its 入库 ranking (special fund, with `basis`
    in the ranking's audit entry, as `fund rank --by-score` records it)."""
    if isinstance(ws, FundWorkspace):
        ws.repo.set_ranking(order, dict(basis) if basis is not None else None)
    else:
        ApplicationService(ws).set_order(order)


@dataclass(frozen=True)
class SlideFacts:
    """What the projector shows of one application besides its name and applicant."""

    facts: list[str]
    problems: list[Violation]
    video: Attachment | None


def slide_facts(
    ws: MeetingWorkspace, ids: list[int], shown_grades: tuple[object, ...]
) -> dict[int, SlideFacts]:
    """Facts, open problems (errors and warnings not overridden) and the video of each application."""
    out: dict[int, SlideFacts] = {}
    wanted = set(ids)
    if isinstance(ws, FundWorkspace):
        apps = ws.repo.all()
        problems = _problems(check_fund_workspace(ws, apps=apps).violations, shown_grades, _FUND_ORDER_RULES)
        for fund_app in apps:
            if fund_app.id not in wanted:
                continue
            direction = ws.campaign.direction(fund_app.direction_id)
            line = direction.name if direction else fund_app.direction_id
            sub = direction.subdirection(fund_app.subdirection_id) if direction else None
            facts = [f"{line} · {sub.name}" if sub else line]
            facts.append(f"项目总投入：{format_money(fund_app.total_investment)} 元")
            facts.append(f"申请补贴：{format_money(fund_app.requested)} 元")
            if fund_app.cluster:
                facts.append(f"所属产业集群：{fund_app.cluster}")
            if fund_app.training_sessions is not None or fund_app.training_people is not None:
                facts.append(
                    f"培训：{fund_app.training_sessions or 0} 场，{fund_app.training_people or 0} 人"
                )
            out[fund_app.id] = SlideFacts(facts, problems.get(fund_app.id, []), None)
        return out
    pilot_apps = ApplicationService(ws).list()
    problems = _problems(check_city(ws.campaign, ws.city, pilot_apps), shown_grades, {"CITY_QUOTA"})
    for app in pilot_apps:
        if app.id not in wanted:
            continue
        pilot_direction = ws.campaign.direction(app.direction_id)
        category = ws.campaign.category(app.category_id)
        facts = [
            f"{category.name if category else app.category_id} · {pilot_direction.name if pilot_direction else app.direction_id}",
            f"建设状态：{app.build_status.value}",
        ]
        if app.total_investment is not None:
            facts.append(f"总投资：{app.total_investment:g} 万元")
        if app.applicant.is_central_enterprise:
            facts.append("中央企业（不占本市指标）")
        videos = app.attachments_of(AttachmentClass.VIDEO)
        out[app.id] = SlideFacts(facts, problems.get(app.id, []), videos[-1] if videos else None)
    return out


def _problems(
    violations: list[Violation], shown_grades: tuple[object, ...], skipped: set[str]
) -> dict[int, list[Violation]]:
    found: dict[int, list[Violation]] = {}
    for v in violations:
        if (
            v.application_id is not None
            and v.grade in shown_grades
            and not v.is_overridden
            and v.rule not in skipped
        ):
            found.setdefault(v.application_id, []).append(v)
    return found
