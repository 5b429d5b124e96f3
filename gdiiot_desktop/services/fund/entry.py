"""Entering one special-fund application by hand, or correcting one: the same checks as a row of
the Excel intake (services/fund/intake.py `read_cells`: caps and text rules of the field registry,
amounts exact to the fen, the code's check character, the call's counties, directions and
sub-directions), plus what a form can get wrong that a sheet's columns cannot: a cluster or training
figures on a direction that has none, and a second copy of an application already held.

An edit changes only the fields the user gave; the city's decisions (status, 入库 rank, review score)
and the materials received stay. When a ranked (入库) application's amounts change, the result says
how its proposed subsidy moved, since the pool's figures follow from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ...domain.fund import fields as registry
from ...domain.fund.campaign import FundCampaign, FundDirection, InvestmentCategory
from ...domain.fund.model import FundApplication, FundStatus, enterprise_keys
from ...domain.fund.money import format_money
from ...domain.fund.pool import Pool
from ...domain.fund.subsidy import SubsidyCap
from ...domain.model import Violation
from ...domain.names import normalize_name
from ..errors import InputError
from .checks import check_fund_workspace
from .details import get_application, subsidy_cap
from .intake import (
    CLUSTER,
    CONTACT,
    COUNTY,
    DIRECTION,
    ENTERPRISE,
    NOTE,
    PEOPLE,
    PROJECT,
    REQUESTED,
    SESSIONS,
    SUBDIRECTION,
    USCC,
    investment_header,
    read_cells,
)
from .ranking import current_pool
from .workspace import FundWorkspace

INVESTMENT = "投入类别"  # the header a problem of an unknown category is named under
# Header of the intake ↔ attribute of FundApplication, for the fields a hand entry sets.
FIELD_OF = {
    COUNTY: "county", ENTERPRISE: "enterprise", USCC: "uscc", PROJECT: "project_name",
    DIRECTION: "direction_id", SUBDIRECTION: "subdirection_id", REQUESTED: "requested", CLUSTER: "cluster",
    SESSIONS: "training_sessions", PEOPLE: "training_people", CONTACT: "contact", NOTE: "note",
}  # fmt: skip
# Everything a county files except the materials received (ticked in the details dialog).
ENTRY_FIELDS = (*FIELD_OF.values(), "investment")
AMOUNT_FIELDS = frozenset({"direction_id", "investment", "requested"})  # what the subsidy follows from


@dataclass(frozen=True)
class FundEntry:
    """What the user typed, as text (a sheet's cells). None: not given — an edit keeps the stored
    value, a new application leaves it empty. `investment` maps a category (its id or its name) to
    an amount; an edit changes only the categories named ("" or 0 removes one)."""

    enterprise: str | None = None
    uscc: str | None = None
    county: str | None = None
    project: str | None = None
    direction: str | None = None
    subdirection: str | None = None
    investment: Mapping[str, str] | None = None
    requested: str | None = None
    cluster: str | None = None
    sessions: str | None = None
    people: str | None = None
    contact: str | None = None
    note: str | None = None

    def given(self) -> dict[str, str]:
        """{intake header: text} of the scalar fields given."""
        values = {
            COUNTY: self.county, ENTERPRISE: self.enterprise, USCC: self.uscc, PROJECT: self.project,
            DIRECTION: self.direction, SUBDIRECTION: self.subdirection, REQUESTED: self.requested,
            CLUSTER: self.cluster, SESSIONS: self.sessions, PEOPLE: self.people, CONTACT: self.contact,
            NOTE: self.note,
        }  # fmt: skip
        return {header: value for header, value in values.items() if value is not None}


class EntryRefusedError(InputError):
    """The entry has bad fields; nothing was saved. `problems` are (intake header, message), so a
    form can point at the field."""

    def __init__(self, problems: list[tuple[str, str]]):
        details = [f"“{header}”：{message}" for header, message in problems]
        super().__init__(f"未保存：有 {len(problems)} 处需要更正", details)
        self.problems = problems


@dataclass(frozen=True)
class EntryResult:
    app: FundApplication
    added: bool
    changed: tuple[str, ...]  # Chinese labels of the fields changed (an edit); every field on an add
    cap: SubsidyCap | None
    violations: tuple[Violation, ...]  # what the check finds on this application now
    pool_note: str = ""  # a ranked application whose amounts changed: how its proposed subsidy moved
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        app = self.app
        if self.added:
            return f"已新增专项资金申报项目 [{app.id}] {app.label}"
        if not self.changed:
            return f"[{app.id}] {app.label}：没有改动"
        return f"已修改 [{app.id}] {app.label}：{'、'.join(self.changed)}"

    def cap_text(self) -> str:
        requested = "未填写" if self.app.requested is None else f"{format_money(self.app.requested)} 元"
        if self.cap is None:
            return f"申请补贴 {requested}；支持方向不在本次活动中，无法计算最高可补贴金额"
        return f"最高可补贴 {format_money(self.cap.amount)} 元（{self.cap.explain()}）；申请补贴 {requested}"


def add_application(ws: FundWorkspace, entry: FundEntry) -> EntryResult:
    """A new application typed by hand: 已登记, not ranked."""
    held = ws.repo.all()  # read once: the duplicate check, then the check with the new one
    app = _checked(ws, None, entry, held)
    stored = get_application(ws, ws.repo.add_one(app))
    labels = tuple(registry.label(name) for name in ENTRY_FIELDS if getattr(stored, name) not in ("", None, {}))
    return _result(ws, stored, [*held, stored], added=True, changed=labels)


def edit_application(ws: FundWorkspace, app_id: int, entry: FundEntry) -> EntryResult:
    """Correct the fields given of one application; its status, rank and score stay."""
    old = get_application(ws, app_id)
    held = ws.repo.all()  # read once: the duplicate check, the pool before and after, the check
    app = _checked(ws, old, entry, held)
    changed = [name for name in ENTRY_FIELDS if getattr(app, name) != getattr(old, name)]
    stored = ws.repo.edit(app_id, app, changed) if changed else old
    after = [stored if a.id == app_id else a for a in held]
    moved = old.status is FundStatus.POOLED and bool(AMOUNT_FIELDS & set(changed))
    labels = tuple(registry.label(name) for name in changed)
    return _result(ws, stored, after, added=False, changed=labels, pool_before=held if moved else None)


def entry_cap(campaign: FundCampaign, entry: FundEntry) -> SubsidyCap | None:
    """The maximum subsidy of what is typed so far (None: no direction yet); amounts that do not read
    count as nothing. Cheap (no database): a form shows it as the user types."""
    from ...domain.fund.money import MoneyError, to_money

    direction = campaign.direction_by_name(entry.direction or "")
    if direction is None:
        return None
    investment: dict[str, Decimal] = {}
    for key, text in (entry.investment or {}).items():
        category = _category(campaign, key)
        try:
            amount = to_money(text) if category is not None and text.strip() else None
        except MoneyError:
            amount = None
        if category is not None and amount:
            investment[category.id] = amount
    probe = FundApplication("", "", "", direction.id, None, investment)
    return subsidy_cap(campaign, probe)


# --- checking ------------------------------------------------------------------------------------


def _checked(
    ws: FundWorkspace, old: FundApplication | None, entry: FundEntry, held: list[FundApplication]
) -> FundApplication:
    campaign = ws.campaign
    cells = _cells_of(campaign, old)
    given = entry.given()
    cells.update(given)
    problems: list[tuple[str, str]] = []
    direction = campaign.direction_by_name(cells[DIRECTION])
    moved = old is not None and (direction is None or direction.id != old.direction_id)
    if moved and SUBDIRECTION not in given:
        cells[SUBDIRECTION] = ""  # another direction: the old sub-direction is not one of its own
    for key, text in (entry.investment or {}).items():
        category = _category(campaign, key)
        if category is None:
            names = "、".join(c.name for c in campaign.categories)
            problems.append((INVESTMENT, f"“{key[:30]}”不是本次的投入类别（{names}）"))
        else:
            cells[investment_header(category.name)] = text
    app, found = read_cells(campaign, cells)
    problems += found
    if direction is not None:
        problems += _direction_fits(campaign, direction, cells, given)
    if app is not None and not problems:
        problems += _duplicate(held, old, app)
    if problems or app is None:
        raise EntryRefusedError(problems)
    if old is None:
        return app
    # Investments under categories this call does not name (none are expected) are kept as they were.
    foreign = {k: v for k, v in old.investment.items() if campaign.category(k) is None}
    app.investment = {**foreign, **app.investment}
    app.id, app.uid, app.status, app.rank = old.id, old.uid, old.status, old.rank
    app.review_score, app.materials_received, app.overrides = old.review_score, old.materials_received, old.overrides
    return app


def _cells_of(campaign: FundCampaign, app: FundApplication | None) -> dict[str, Any]:
    """The stored application as the intake's cells (all empty for a new one)."""
    cells: dict[str, Any] = dict.fromkeys(FIELD_OF, "")
    cells.update({investment_header(c.name): "" for c in campaign.categories})
    if app is None:
        return cells
    direction = campaign.direction(app.direction_id)
    for header, name in FIELD_OF.items():
        value = getattr(app, name)
        cells[header] = "" if value is None else str(value)
    cells[DIRECTION] = direction.name if direction else app.direction_id
    for c in campaign.categories:
        if c.id in app.investment:
            cells[investment_header(c.name)] = str(app.investment[c.id])
    return cells


def _category(campaign: FundCampaign, key: str) -> InvestmentCategory | None:
    """A category by its id, its name, its column header or its name without 投入."""
    text = "".join(key.split()).replace("(", "（").replace(")", "）")
    for c in campaign.categories:
        if text in (c.id, c.name, investment_header(c.name), c.name.removesuffix("投入"), f"{c.name}投入"):
            return c
    return None


def _direction_fits(
    campaign: FundCampaign, direction: FundDirection, cells: dict[str, Any], given: dict[str, str]
) -> list[tuple[str, str]]:
    """A cluster or training figures only on the directions whose rule uses them. Checked on what the
    entry sets (or when it changes the direction), so an old value never blocks another correction."""
    problems: list[tuple[str, str]] = []
    touched = DIRECTION in given
    rule = direction.subsidy
    if not rule.needs_cluster and str(cells[CLUSTER]).strip() and (touched or CLUSTER in given):
        which = "、".join(f"“{d.name}”" for d in campaign.directions if d.subsidy.needs_cluster) or "任何方向"
        problems.append((CLUSTER, f"只有{which}的项目填写所属产业集群，“{direction.name}”的项目请留空"))
    if not rule.needs_training:
        which = "、".join(f"“{d.name}”" for d in campaign.directions if d.subsidy.needs_training) or "任何方向"
        for header in (SESSIONS, PEOPLE):
            if str(cells[header]).strip() and (touched or header in given):
                problems.append((header, f"只有{which}的项目填写{header}，“{direction.name}”的项目请留空"))
    return problems


def _duplicate(
    held: list[FundApplication], old: FundApplication | None, app: FundApplication
) -> list[tuple[str, str]]:
    """The intake takes an application with the same enterprise and project as the same one (a second
    import updates it): a second copy typed by hand would count twice against the caps."""
    others = [other for other in held if old is None or other.id != old.id]
    key_of = enterprise_keys([*others, app])  # a row without its code is the enterprise its name names
    key = (key_of(app), normalize_name(app.project_name))
    for other in others:
        if (key_of(other), normalize_name(other.project_name)) == key:
            return [
                (PROJECT, f"已有同一企业的同一项目 [{other.id}] {other.label}（{other.status.label}），"
                          f"请修改该项目（gdiiot fund edit {other.id}）")
            ]  # fmt: skip
    return []


# --- the result ----------------------------------------------------------------------------------


def _result(
    ws: FundWorkspace,
    app: FundApplication,
    apps: list[FundApplication],
    *,
    added: bool,
    changed: tuple[str, ...],
    pool_before: list[FundApplication] | None = None,
) -> EntryResult:
    """`apps`: every application as it stands after the write (read before it, the one written put in)."""
    report = check_fund_workspace(ws, apps=apps)
    mine = tuple(v for v in report.violations if v.application_id == app.id)
    note = ""
    if pool_before is not None:
        note = _pool_note(app, current_pool(ws, pool_before), current_pool(ws, apps))
    return EntryResult(app, added, changed, subsidy_cap(ws.campaign, app), mine, note)


def _pool_note(app: FundApplication, before: Pool, after: Pool) -> str:
    old = next((line for line in before.lines if line.app.id == app.id), None)
    new = next((line for line in after.lines if line.app.id == app.id), None)
    if old is None or new is None:
        return ""
    text = f"该项目已入库（第 {new.rank} 位），金额有改动："
    if old.proposed == new.proposed:
        text += f"拟补贴仍为 {format_money(new.proposed)} 元"
    else:
        text += f"拟补贴由 {format_money(old.proposed)} 元变为 {format_money(new.proposed)} 元"
    others = sum(1 for a, b in zip(before.lines, after.lines, strict=True) if a.app.id != app.id and a.proposed != b.proposed)
    if others:
        text += f"，另有 {others} 个入库项目的拟补贴随之变化"
    if old.within_budget != new.within_budget:
        text += "，现在在预算线以内" if new.within_budget else "，现在在预算线以下"
    return text + "。请核对入库排序和预算线。"
