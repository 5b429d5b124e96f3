"""What the 入库 ranking came from, in words for the printed list: a review meeting's locked scores,
the 评审得分 field, or the official's own order — read from the ranking's audit entries, so that a
ranking moved by hand after a meeting is not passed off as the meeting's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .workspace import FundWorkspace

BY_HAND = "手工排序"


def ranking_basis(ws: FundWorkspace, order: Sequence[int]) -> str:
    """The basis of the ranking `order` (application ids, rank order) as it stands now."""
    for details in ws.repo.ranking_history():
        basis, past = details.get("basis"), details.get("order")
        if not isinstance(basis, dict) or not isinstance(past, list):
            continue
        source = _describe(ws, basis)
        if list(order) == past:
            return source
        if _is_subsequence(order, past):
            left = len(past) - len(order)
            return f"{source}；其后 {left} 个项目退出入库，其余顺序未变"
        return f"{source}，其后经手工调整"
    return BY_HAND


def _describe(ws: FundWorkspace, basis: dict[str, Any]) -> str:
    if basis.get("by") == "review_score":
        return "按各项目的评审得分排序"
    if basis.get("by") == "meeting":
        from ..meeting.setup import list_meetings

        meeting_id = basis.get("meeting")
        found = next((m for m in list_meetings(ws) if m.id == meeting_id), None)
        digest = str(basis.get("digest") or "")[:16]
        check = f"，结果校验码 {digest}" if digest else ""
        if found is None:
            return f"按评审会 [{meeting_id}] 锁定的评分排序{check}"
        return f"按评审会“{found.title}”（{found.held_on:%Y-%m-%d}）锁定的评分排序{check}"
    return BY_HAND


def _is_subsequence(order: Sequence[int], past: Sequence[Any]) -> bool:
    remaining = iter(past)
    return all(any(app_id == p for p in remaining) for app_id in order)
