"""排序优选: ranking by hand or by review scores, the budget, statuses; the pool as it stands.

Ranking by review scores (`rank_by_score`) takes the scores in this order of precedence:
1. a review meeting (`gdiiot meeting …`) named by id, which must be locked;
2. otherwise the locked meeting held last (by its date; the same date: the one created later);
3. otherwise, with no locked meeting, each application's 评审得分 field (sheet column or `fund score`).
With a meeting, its ranking is taken as it stands (its aggregate and tie-break rule): applications
it did not score stay out, named, and the 评审得分 field is not mixed in (another scale).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ...domain.fund.model import FundApplication, FundStatus
from ...domain.fund.money import MoneyError, to_money
from ...domain.fund.pool import Pool, build_pool, order_by_score
from ...domain.meeting.aggregates import shown
from ...domain.meeting.model import MeetingInfo
from ..errors import InputError, NotFoundError
from .workspace import FundWorkspace


def current_pool(ws: FundWorkspace, apps: list[FundApplication] | None = None) -> Pool:
    return build_pool(ws.campaign, apps if apps is not None else ws.repo.all(), ws.budget())


def resolve(apps: Sequence[FundApplication], items: Sequence[str]) -> list[int]:
    """Application ids from ids or project names as typed; only active applications can be ranked."""
    by_id = {a.id: a for a in apps if a.id is not None}
    ids: list[int] = []
    for item in items:
        text = item.strip()
        if text.isascii() and text.isdigit():
            app = by_id.get(int(text)) if len(text) <= 18 else None
            if app is None:
                raise NotFoundError(f"找不到编号为 {text} 的专项资金申报项目（见 gdiiot fund list）")
        else:
            matches = [a for a in apps if a.project_name == text and a.status.is_active]
            if len(matches) != 1:
                problem = "找不到" if not matches else f"有 {len(matches)} 个同名项目，请改用编号"
                raise InputError(f"项目“{text}”：{problem}（见 gdiiot fund list）")
            app = matches[0]
        if not app.status.is_active:
            raise InputError(f"[{app.id}] {app.project_name} 已{app.status.label}，不能排序入库")
        assert app.id is not None
        if app.id in ids:
            raise InputError(f"[{app.id}] {app.project_name} 重复出现在排序中")
        ids.append(app.id)
    return ids


def rank_by_hand(ws: FundWorkspace, items: Sequence[str]) -> list[int]:
    ids = resolve(ws.repo.all(), items)
    ws.repo.set_ranking(ids)
    return ids


# Rules that follow from the ranking itself: they never keep an application out of it.
RANKING_RULES = frozenset({"FUND_BELOW_BUDGET_LINE"})


@dataclass(frozen=True)
class ScoreRanking:
    """What `rank_by_score` did: the order set, the active applications left out (with why), and
    where the scores came from (a locked meeting, or the 评审得分 field when `meeting` is None)."""

    ids: list[int]
    left_out: list[tuple[FundApplication, str]]
    meeting: MeetingInfo | None
    digest: str = ""  # the meeting's results digest (as its minutes print it)
    scores: dict[int, str] = field(default_factory=dict)  # id → the score ranked by, as shown
    unlocked: list[MeetingInfo] = field(default_factory=list)  # meetings not used: not locked

    @property
    def source_text(self) -> str:
        if self.meeting is None:
            return "各项目的“评审得分”字段（没有已锁定的评审会）"
        m = self.meeting
        return f"评审会 [{m.id}] {m.title}（{m.held_on:%Y-%m-%d}）锁定的{m.rubric.aggregate.label}"


def choose_meeting(
    ws: FundWorkspace, meeting_id: int | None = None
) -> tuple[MeetingInfo | None, list[MeetingInfo]]:
    """The meeting whose scores rank (see the module's precedence) and the unlocked meetings passed over."""
    from ..meeting.setup import list_meetings

    meetings = list_meetings(ws)
    unlocked = [m for m in meetings if not m.locked]
    if meeting_id is not None:
        found = next((m for m in meetings if m.id == meeting_id), None)
        if found is None:
            raise NotFoundError(f"找不到编号为 {meeting_id} 的评审会（见 gdiiot meeting list）")
        if not found.locked:
            raise InputError(
                f"评审会 [{found.id}] {found.title} 的结果尚未锁定，不能用于排序入库。"
                f"请先核对评分并锁定（gdiiot meeting lock --yes --meeting {found.id}）。"
            )
        return found, unlocked
    locked = [m for m in meetings if m.locked]
    latest = max(locked, key=lambda m: (m.held_on, m.id)) if locked else None
    return latest, unlocked


def rank_by_score(ws: FundWorkspace, meeting_id: int | None = None) -> ScoreRanking:
    """Rank every active application with a review score and no error, best first, taking the scores
    by the precedence above. Left out: no score, or an error that would block the 入库 export
    (ranking it would only make the export refuse until it is taken out by hand)."""
    from .checks import check_fund_workspace

    meeting, unlocked = choose_meeting(ws, meeting_id)
    apps = ws.repo.all()
    blocked = {
        v.application_id
        for v in check_fund_workspace(ws, apps=apps).violations
        if v.blocks and v.application_id is not None and v.rule not in RANKING_RULES
    }
    if meeting is not None:
        return _rank_by_meeting(ws, meeting, apps, blocked, unlocked)
    ids, unscored = order_by_score(a for a in apps if a.id not in blocked)
    if not ids:
        raise InputError(
            "还没有可排序的项目：需要有评审得分且没有错误"
            "（评审得分可在导入表的“评审得分”列填写，或用 gdiiot fund score 录入；"
            "也可召开评审会并锁定结果，见 gdiiot meeting）"
        )
    ws.repo.set_ranking(ids, {"by": "review_score"})
    left_out = [(a, "有错误，见 gdiiot check") for a in apps if a.id in blocked and a.status.is_active]
    left_out += [(a, "无评审得分") for a in unscored]
    scores = {a.id: str(a.review_score) for a in apps if a.id in ids and a.review_score is not None}
    return ScoreRanking(ids, left_out, None, scores=scores, unlocked=unlocked)


def _rank_by_meeting(
    ws: FundWorkspace,
    meeting: MeetingInfo,
    apps: list[FundApplication],
    blocked: set[int],
    unlocked: list[MeetingInfo],
) -> ScoreRanking:
    """The locked meeting's ranking as the 入库 order, leaving out what it cannot fund."""
    from ..meeting.results import compute_results

    results = compute_results(ws, meeting.id)
    by_rank = {line.item.application_id: line for line in results.proposal}
    ids = [
        line.item.application_id
        for line in results.proposal
        if line.item.rank is not None and line.item.application_id not in blocked and line.recommended
    ]
    left_out: list[tuple[FundApplication, str]] = []
    for app in apps:
        if not app.status.is_active or app.id in ids:
            continue
        line = by_rank.get(app.id or 0)
        if app.id in blocked:
            why = "有错误，见 gdiiot check"
        elif line is None:
            why = f"未列入评审会 [{meeting.id}] 的评审项目"
        elif line.item.rank is None:
            why = f"评审会 [{meeting.id}] 中无有效评分"
        else:
            why = line.note or "评审会建议不入库"
        left_out.append((app, why))
    if not ids:
        raise InputError(
            f"评审会 [{meeting.id}] {meeting.title} 中没有可排序入库的项目（没有有效评分，或项目均有错误）"
        )
    digest = results.digest()
    ws.repo.set_ranking(ids, {"by": "meeting", "meeting": meeting.id, "digest": digest})
    scores = {i: shown(by_rank[i].item.score) for i in ids}
    return ScoreRanking(ids, left_out, meeting, digest, scores, unlocked)


def set_score(ws: FundWorkspace, app_id: int, text: str | None) -> Decimal | None:
    _get(ws, app_id)
    score: Decimal | None = None
    if text is not None and text.strip():
        try:
            score = Decimal(text.strip())
        except ArithmeticError as exc:
            raise InputError(f"评审得分应为数字，实际为“{text}”") from exc
        if not score.is_finite() or not (0 <= score <= 1000):
            raise InputError(f"评审得分应在 0 到 1000 之间，实际为“{text}”")
    ws.repo.set_score(app_id, score)
    return score


def set_budget(ws: FundWorkspace, text: str | None) -> Decimal | None:
    budget: Decimal | None = None
    if text is not None:
        try:
            budget = to_money(text)
        except MoneyError as exc:
            raise InputError(f"预算金额：{exc}") from exc
    ws.repo.set_budget(budget)
    return budget


def set_status(ws: FundWorkspace, app_id: int, status: FundStatus, reason: str) -> FundApplication:
    app = _get(ws, app_id)
    if status is FundStatus.POOLED:
        raise InputError("入库请用 gdiiot fund rank 排序")
    if status in (FundStatus.RETURNED, FundStatus.WITHDRAWN) and not reason.strip():
        raise InputError("退回或撤回须填写理由（--reason）")
    ws.repo.set_status(app_id, status, reason)
    if app.status is FundStatus.POOLED:
        # Close the gap the project leaves in the ranking.
        remaining = [a.id for a in _pooled(ws) if a.id is not None]
        ws.repo.set_ranking(remaining)
    return _get(ws, app_id)


def _pooled(ws: FundWorkspace) -> list[FundApplication]:
    return sorted(
        (a for a in ws.repo.all() if a.status is FundStatus.POOLED), key=lambda a: (a.rank or 0, a.id or 0)
    )


def _get(ws: FundWorkspace, app_id: int) -> FundApplication:
    app = ws.repo.get(app_id)
    if app is None:
        raise NotFoundError(f"找不到编号为 {app_id} 的专项资金申报项目（见 gdiiot fund list）")
    return app
