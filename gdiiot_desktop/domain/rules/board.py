"""What a recommendation order means before it is saved: the quota line, who is over it, what blocks.

The board in the window draws this; it is pure arithmetic over the campaign, the applications and the
engine's violations, so it lives here and is tested without a window."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..campaign import Campaign
from ..enums import Grade
from ..model import Application, Violation

QUOTA_RULE = "CITY_QUOTA"


@dataclass(frozen=True)
class BoardState:
    """The quota line and the blockers of one recommendation order."""

    limit: int
    counted: list[int]  # non-central recommended ids in order
    over_quota: list[int]  # ids below the quota line
    line_after: int | None  # id of the last application inside the quota (the line is drawn under it)
    blocked: dict[int, list[Violation]]  # recommended ids with blocking errors (the quota aside)
    blockers: list[str]  # what still blocks submission, in Chinese


def blocking(violations: Sequence[Violation]) -> list[Violation]:
    """Errors that keep an application off the recommendation (the quota is the order's own business)."""
    return [v for v in violations if v.blocks and v.rule != QUOTA_RULE]


def board_state(
    campaign: Campaign,
    limit: int,
    apps: Mapping[int, Application],
    violations_by_app: Mapping[int, Sequence[Violation]],
    city_violations: Sequence[Violation],
    ordered_ids: Sequence[int],
    *,
    overdue: bool,
) -> BoardState:
    """The state of `ordered_ids` as the recommended order, central enterprises outside the quota."""
    counted = [i for i in ordered_ids if i in apps and not apps[i].applicant.is_central_enterprise]
    over = counted[limit:]
    line_after = counted[limit - 1] if len(counted) >= limit and limit > 0 else None
    blocked = {i: found for i in ordered_ids if (found := blocking(violations_by_app.get(i, ())))}
    blockers: list[str] = []
    if over:
        blockers.append(
            f"推荐项目超出名额 {len(over)} 项（本市最多 {limit} 项，中央企业不占名额）：请把名额线以下的项目移出推荐名单"
        )
    for app_id, found in blocked.items():
        rules = "、".join(sorted({_rule_title(campaign, v.rule) for v in found}))
        blockers.append(f"“{apps[app_id].project_name}”有错误（{rules}），不能推荐：请改正或移出推荐名单")
    if not ordered_ids:
        blockers.append("尚未推荐任何项目")
    if not campaign.directions_confirmed:
        blockers.append("方向清单尚未确认：请在“活动与方向”中核对通知附件2后确认")
    blockers += [v.message for v in city_violations if v.rule != QUOTA_RULE and v.grade is Grade.ERROR]
    if overdue:
        blockers.append(f"已过报送截止时间（{campaign.deadline.text}）")
    return BoardState(limit, counted, over, line_after, blocked, blockers)


def _rule_title(campaign: Campaign, rule_id: str) -> str:
    spec = campaign.rules.get(rule_id)
    return spec.title if spec else rule_id
