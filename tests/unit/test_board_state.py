"""The recommendation order's quota line and blockers, computed in the domain (the board only draws them)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gdiiot_desktop.domain.campaign import Campaign, parse_campaign
from gdiiot_desktop.domain.enums import Grade
from gdiiot_desktop.domain.model import Violation
from gdiiot_desktop.domain.rules.board import blocking, board_state
from gdiiot_desktop.resources import campaign_file
from tests.unit.test_rules import application, company


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return replace(parse_campaign(campaign_file().read_text(encoding="utf-8")), directions_confirmed=True)


def error(rule: str, app_id: int, *, grade: Grade = Grade.ERROR, reason: str | None = None) -> Violation:
    return Violation(rule, grade, f"{rule} 的说明", "二(三)", application_id=app_id, override_reason=reason)


def test_the_line_falls_after_the_last_counted_application_and_central_enterprises_stay_outside(
    campaign: Campaign,
) -> None:
    apps = {i: application(id=i) for i in range(1, 8)}
    apps[3] = application(id=3, applicant=company(3, is_central_enterprise=True))
    state = board_state(campaign, 5, apps, {}, [], [1, 2, 3, 4, 5, 6, 7], overdue=False)
    assert state.counted == [1, 2, 4, 5, 6, 7]
    assert state.line_after == 6 and state.over_quota == [7]
    assert state.blockers == ["推荐项目超出名额 1 项（本市最多 5 项，中央企业不占名额）：请把名额线以下的项目移出推荐名单"]

    within = board_state(campaign, 5, apps, {}, [], [1, 2, 3, 4], overdue=False)
    assert within.line_after is None and within.over_quota == [] and within.blockers == []
    exactly = board_state(campaign, 5, apps, {}, [], [1, 2, 4, 5, 6], overdue=False)
    assert exactly.line_after == 6 and exactly.over_quota == []


def test_errors_block_but_the_quota_warnings_and_overridden_errors_do_not(campaign: Campaign) -> None:
    apps = {i: application(id=i, project=f"项目{i}") for i in (1, 2, 3)}
    found = {
        1: [error("VIDEO_REQUIRED", 1), error("CITY_QUOTA", 1)],
        2: [error("USCC_INVALID", 2, reason="早期代码，已核实")],
        3: [error("APPLICANT_NOT_ELIGIBLE", 3, grade=Grade.WARNING)],
    }
    assert [v.rule for v in blocking(found[1])] == ["VIDEO_REQUIRED"]
    state = board_state(campaign, 5, apps, found, [], [1, 2, 3], overdue=False)
    assert list(state.blocked) == [1]
    title = campaign.rules["VIDEO_REQUIRED"].title
    assert state.blockers == [f"“项目1”有错误（{title}），不能推荐：请改正或移出推荐名单"]


def test_what_else_stands_in_the_way_of_submitting(campaign: Campaign) -> None:
    unconfirmed = replace(campaign, directions_confirmed=False)
    deadline = Violation("DEADLINE", Grade.ERROR, "已过截止时间", "四(一)")
    state = board_state(unconfirmed, 5, {}, {}, [deadline, error("CITY_QUOTA", 1)], [], overdue=True)
    assert state.blockers == [
        "尚未推荐任何项目",
        "方向清单尚未确认：请在“活动与方向”中核对通知附件2后确认",
        "已过截止时间",
        f"已过报送截止时间（{campaign.deadline.text}）",
    ]
