"""The main window's header, worded for display: city, campaign, deadline countdown, quota gauge.

Pure: computed from the campaign, the city's name and who is recommended, so the header can be
shown from the quick first read of the database as well as from the open workspace.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from gdiiot_desktop.domain.campaign import Campaign


@dataclass(frozen=True)
class HeaderTexts:
    """What the header shows, already worded for display."""

    city: str = "未选择"
    campaign: str = "未加载"
    deadline: str = "—"
    quota: str = "—"
    quota_used: int = 0
    quota_limit: int = 0
    directions_unconfirmed: bool = False
    overdue: bool = False


def deadline_text(campaign: Campaign, now: datetime) -> tuple[str, bool]:
    """("12月8日 17:30（还剩 3 天）", overdue)."""
    deadline = campaign.deadline
    left = deadline.moment - now
    when = f"{deadline.day.month}月{deadline.day.day}日 {deadline.time_of_day:%H:%M}"
    if left.total_seconds() <= 0:
        return f"已截止（{when}）", True
    if left.days >= 1:
        return f"{when}（还剩 {left.days} 天）", False
    return f"{when}（还剩 {int(left.total_seconds() // 3600)} 小时）", False


def header_texts(campaign: Campaign, city_name: str, recommended_central: Iterable[bool], now: datetime) -> HeaderTexts:
    """The header for `city_name`; `recommended_central` holds, per recommended application, whether
    its applicant is a central enterprise (those do not count against the quota)."""
    city = campaign.city(city_name)
    flags = list(recommended_central)
    central = sum(flags)
    used = len(flags) - central
    limit = campaign.quota_for(city) if city is not None else 0
    quota = f"已推荐 {used}/{limit}"
    if central:
        quota += f"（另有中央企业 {central} 项，不占名额）"
    city_text = city.full_name if city is not None else city_name
    if city is not None and city.direct_quota is not None:
        city_text += "（计划单列市，直接报送）"
    deadline, overdue = deadline_text(campaign, now)
    return HeaderTexts(
        city=city_text,
        campaign=f"{campaign.title}（{campaign.province_notice}）",
        deadline=deadline,
        quota=quota,
        quota_used=used,
        quota_limit=limit,
        directions_unconfirmed=not campaign.directions_confirmed,
        overdue=overdue,
    )
