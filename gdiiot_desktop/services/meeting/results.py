"""Results of a meeting: aggregates, the ranking proposal, adoption as the priority order, locking.

Locking is final: a locked meeting refuses every change and no unlock is offered. Should the
panel need to score again, a new meeting is created (the locked one and the audit log keep what
was decided). Locking records a SHA-256 digest of the results in the audit log; the minutes
print it, so a printed copy can be matched to the database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from fractions import Fraction

from ...domain.meeting.aggregates import Aggregate, aggregate, shown
from ...domain.meeting.model import MeetingState, ScoreSheet
from ...domain.meeting.ranking import ProposalLine, RankInput, adopted_order, propose, rank
from ...domain.model import Application
from ...domain.rules import check_city
from ...storage import meeting_repository as repo
from ...storage.audit import canonical_json
from ..applications import ApplicationService
from ..workspace import Workspace
from .errors import MeetingError, UnresolvedSheetsError
from .records import load_state, meeting_record
from .scoring import SheetStatus, sheet_status

# Rules whose violations depend on the current order, not on the application: they do not make
# an application ineligible for the proposal.
_ORDER_RULES = {"CITY_QUOTA", "DEADLINE"}


@dataclass(frozen=True)
class ItemResult:
    application: Application
    scores: list[ScoreSheet]  # the counting ones, in expert order
    totals: dict[int, Fraction]  # expert id → weighted total
    aggregate: Aggregate


@dataclass(frozen=True)
class MeetingResults:
    state: MeetingState
    items: dict[int, ItemResult]  # by application id, for every application under review
    proposal: list[ProposalLine]  # in rank order
    quota: int
    sheets: SheetStatus

    @property
    def order(self) -> list[int]:
        return adopted_order(self.proposal)

    def digest(self) -> str:
        """SHA-256 of the results (every counting score, the ranking and the proposal)."""
        body = {
            "meeting": self.state.info.id,
            "scores": sorted(
                [s.expert_id, s.application_id, {k: str(v) for k, v in s.points.items()}, s.opinion]
                for item in self.items.values()
                for s in item.scores
            ),
            "proposal": [
                [line.item.application_id, line.item.rank, shown(line.item.score, 4), line.recommended]
                for line in self.proposal
            ],
        }
        return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def meeting_state(ws: Workspace, meeting_id: int) -> MeetingState:
    with ws.db.session() as session:
        return load_state(session, meeting_id)


def compute_results(ws: Workspace, meeting_id: int, apps: list[Application] | None = None) -> MeetingResults:
    """Aggregates and the ranking proposal of a meeting, from the scores as they stand."""
    state = meeting_state(ws, meeting_id)
    apps = apps if apps is not None else ApplicationService(ws).list()
    by_id = {a.id: a for a in apps if a.id is not None}
    rubric = state.info.rubric
    items: dict[int, ItemResult] = {}
    for app_id in state.application_ids:
        scores = state.counting_scores(app_id)
        totals = {s.expert_id: rubric.total(s.points) for s in scores}
        per_criterion = {c.id: [Fraction(s.points[c.id]) for s in scores] for c in rubric.criteria}
        items[app_id] = ItemResult(
            by_id[app_id],
            scores,
            totals,
            aggregate(list(totals.values()), per_criterion, rubric.trim_min_scores),
        )
    ranked = rank(
        [RankInput(i, r.aggregate, r.application.filed_on) for i, r in items.items()],
        rubric,
    )
    city = ws.campaign.city(ws.city)
    quota = ws.campaign.quota_for(city) if city is not None else 0
    central = {i for i, r in items.items() if r.application.applicant.is_central_enterprise}
    proposal = propose(ranked, quota, central, _ineligible(ws, apps, set(items)))
    return MeetingResults(state, items, proposal, quota, sheet_status(state))


def adopt_ranking(ws: Workspace, meeting_id: int) -> list[int]:
    """Make the proposal the city's priority order in one step (ApplicationService.set_order)."""
    results = compute_results(ws, meeting_id)
    _require_resolved(results)
    order = results.order
    if not order:
        raise MeetingError("评审结果中没有可推荐的项目（尚未评分，或项目均不符合推荐条件）。")
    ApplicationService(ws).set_order(order)
    with ws.db.session() as session:
        ws.audit(
            session,
            "adopt",
            "meeting",
            meeting_id,
            {"order": order, "locked": results.state.info.locked, "digest": results.digest()},
        )
    return order


def lock_results(ws: Workspace, meeting_id: int) -> str:
    """Lock the meeting's results for good; returns the results' digest."""
    results = compute_results(ws, meeting_id)
    _require_resolved(results)
    if not any(item.scores for item in results.items.values()):
        raise MeetingError("尚无任何评分，不能锁定结果。")
    digest = results.digest()
    with ws.db.session() as session:
        record = meeting_record(session, meeting_id, for_change=True)
        repo.lock_meeting(record, ws.operator)
        ws.audit(
            session,
            "lock",
            "meeting",
            meeting_id,
            {
                "digest": digest,
                "ranking": [
                    [line.item.application_id, line.item.rank, shown(line.item.score)]
                    for line in results.proposal
                ],
            },
        )
    return digest


def _require_resolved(results: MeetingResults) -> None:
    sheets = results.sheets
    if sheets.resolved:
        return
    names = {e.id: e.name for e in results.state.experts}
    details = [
        f"专家{names.get(m.expert_id, m.expert_id)}对项目{m.application_id}的“{m.what}”：第1遍 {m.first}，第2遍 {m.second}"
        for m in sheets.mismatches
    ] + [
        f"专家{names.get(k.expert_id, k.expert_id)}对项目{k.application_id}的评分表只录入了第{k.round}遍"
        for k in sheets.single
    ]
    raise UnresolvedSheetsError(
        "还有纸质评分表的两遍录入不一致或未完成，请核对纸质评分表后重新录入。", details
    )


def _ineligible(ws: Workspace, apps: list[Application], under_review: set[int]) -> dict[int, str]:
    """Applications that cannot be recommended, with the reason shown in the proposal."""
    out: dict[int, str] = {}
    for app in apps:
        if app.id in under_review and not app.status.is_active:
            out[app.id] = f"项目{app.status.label}"
    for v in check_city(ws.campaign, ws.city, apps):
        if v.blocks and v.rule not in _ORDER_RULES and v.application_id in under_review:
            out.setdefault(v.application_id, f"存在未处理的错误（{ws.campaign.rule_title(v.rule)}）")
    return out
