"""Results of a meeting: aggregates, the ranking proposal, adoption as the priority order, locking.

Locking is final: a locked meeting refuses every change and no unlock is offered. Should the
panel need to score again, a new meeting is created (the locked one and the audit log keep what
was decided). Locking records a SHA-256 digest of the results in the audit log; the minutes
print it, so a printed copy can be matched to the database.

A special-fund meeting has no quota (`quota` is None): every eligible scored application is
proposed, in rank order; the budget line is drawn afterwards by `fund rank` (services/fund/ranking).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from fractions import Fraction

from ...domain.meeting.aggregates import Aggregate, aggregate, shown
from ...domain.meeting.model import MeetingState, ScoreSheet
from ...domain.meeting.ranking import ProposalLine, RankInput, adopted_order, propose, rank
from ...domain.meeting.subjects import ReviewSubject
from ...storage import meeting_repository as repo
from ...storage.audit import canonical_json
from .errors import MeetingError, MeetingNotFoundError, UnresolvedSheetsError
from .records import load_state, meeting_record
from .scoring import SheetStatus, sheet_status
from .subjects import MeetingWorkspace, adopt_order, ineligible, kind_of, quota_of, review_subjects


@dataclass(frozen=True)
class ItemResult:
    subject: ReviewSubject  # the application under review (pilot or special fund)
    scores: list[ScoreSheet]  # the counting ones, in expert order
    totals: dict[int, Fraction]  # expert id → weighted total
    aggregate: Aggregate


@dataclass(frozen=True)
class MeetingResults:
    state: MeetingState
    items: dict[int, ItemResult]  # by application id, for every application under review
    proposal: list[ProposalLine]  # in rank order
    quota: int | None  # None: a special-fund meeting (no quota; `fund rank` draws the budget line)
    sheets: SheetStatus
    subjects: dict[int, ReviewSubject]  # every application of the database, by id

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


def meeting_state(ws: MeetingWorkspace, meeting_id: int) -> MeetingState:
    with ws.db.session() as session:
        return load_state(session, meeting_id)


def compute_results(ws: MeetingWorkspace, meeting_id: int) -> MeetingResults:
    """Aggregates and the ranking proposal of a meeting, from the scores as they stand."""
    state = meeting_state(ws, meeting_id)
    if state.info.subject_kind is not kind_of(ws):
        raise MeetingNotFoundError(
            f"评审会“{state.info.title}”评审的是{state.info.subject_kind.label}，不属于本数据库的申报类型"
        )
    subjects = review_subjects(ws)
    by_id = {s.id: s for s in subjects}
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
        [RankInput(i, r.aggregate, r.subject.filed_on) for i, r in items.items()],
        rubric,
    )
    quota = quota_of(ws)
    central = {i for i, r in items.items() if r.subject.central}
    # Without a quota every eligible scored application is proposed (the budget line comes later).
    limit = quota if quota is not None else len(ranked)
    proposal = propose(ranked, limit, central, ineligible(ws, subjects, set(items)))
    return MeetingResults(state, items, proposal, quota, sheet_status(state), by_id)


def adopt_ranking(ws: MeetingWorkspace, meeting_id: int) -> list[int]:
    """Make the proposal the city's priority order (pilot) or 入库 ranking (special fund) in one step."""
    results = compute_results(ws, meeting_id)
    _require_resolved(results)
    order = results.order
    if not order:
        raise MeetingError("评审结果中没有可推荐的项目（尚未评分，或项目均不符合推荐条件）。")
    adopt_order(ws, order, {"by": "meeting", "meeting": meeting_id, "digest": results.digest()})
    with ws.db.session() as session:
        ws.audit(
            session,
            "adopt",
            "meeting",
            meeting_id,
            {"order": order, "locked": results.state.info.locked, "digest": results.digest()},
        )
    return order


def lock_results(ws: MeetingWorkspace, meeting_id: int) -> str:
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
