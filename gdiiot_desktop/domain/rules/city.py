"""Rules over the city as a whole: the recommendation quota and the deadline."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Application, Violation
from .context import RuleContext, order_key


def check_quota(ctx: RuleContext, apps: Sequence[Application]) -> list[Violation]:
    """One violation for each recommended application beyond the limit, in priority order."""
    if ctx.city is None:
        return []
    limit = ctx.campaign.quota_for(ctx.city)
    counted = [a for a in apps if a.is_recommended and not a.applicant.is_central_enterprise]
    if len(counted) <= limit:
        return []
    counted.sort(key=lambda a: (a.priority is None, order_key(a, 0)))
    route = "作为计划单列市直接报送，" if ctx.city.direct_quota is not None else ""
    region = ctx.campaign.region(ctx.city.region_id).name
    where = f"{ctx.city.full_name}{route}" if route else f"{region}地区的{ctx.city.full_name}"
    return [
        ctx.violation(
            "CITY_QUOTA",
            f"{where}最多推荐{limit}个项目（中央企业不占指标），"
            f"本项目排在第{position}位，超出指标",
            app,
            field="priority",
        )
        for position, app in enumerate(counted[limit:], start=limit + 1)
    ]


def check_deadline(ctx: RuleContext) -> list[Violation]:
    deadline = ctx.campaign.deadline
    if ctx.now is None or ctx.now <= deadline.moment:
        return []
    return [
        ctx.violation(
            "DEADLINE",
            f"已过报送截止时间（{deadline.moment:%Y年%m月%d日 %H:%M}，{deadline.text}）",
        )
    ]
