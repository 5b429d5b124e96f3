"""排序优选: ranking by hand or by review scores, the budget, statuses; the pool as it stands."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ...domain.fund.model import FundApplication, FundStatus
from ...domain.fund.money import MoneyError, to_money
from ...domain.fund.pool import Pool, build_pool, order_by_score
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


def rank_by_score(ws: FundWorkspace) -> tuple[list[int], list[FundApplication]]:
    """Rank every active application that has a review score and no error, best first; returns the
    order and the applications left out (no score, or an error that would block the 入库 export:
    ranking it would only make the export refuse until it is taken out by hand)."""
    from .checks import check_fund_workspace

    apps = ws.repo.all()
    blocked = {
        v.application_id
        for v in check_fund_workspace(ws, apps=apps).violations
        if v.blocks and v.application_id is not None and v.rule not in RANKING_RULES
    }
    ids, unscored = order_by_score(a for a in apps if a.id not in blocked)
    if not ids:
        raise InputError(
            "还没有可排序的项目：需要有评审得分且没有错误"
            "（评审得分可在导入表的“评审得分”列填写，或用 gdiiot fund score 录入）"
        )
    ws.repo.set_ranking(ids)
    left_out = [a for a in apps if a.id in blocked and a.status.is_active] + unscored
    return ids, left_out


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
