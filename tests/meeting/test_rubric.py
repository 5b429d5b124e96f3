"""The scoring rubric from the campaign file: the shipped default, checks, and the meeting's copy."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gdiiot_desktop.domain.campaign import Campaign, CampaignError, parse_campaign
from gdiiot_desktop.domain.meeting import rubric as rubric_mod
from gdiiot_desktop.domain.meeting.rubric import AggregateRule, RubricError, rubric_from_campaign_text


def test_shipped_campaign_has_the_default_rubric(campaign: Campaign) -> None:
    rubric = rubric_from_campaign_text(campaign.source_text)
    assert rubric is not None
    assert [c.name for c in rubric.criteria] == ["创新性", "实施成效", "推广价值", "材料完整性"]
    assert rubric.total_max == 100
    assert rubric.aggregate is AggregateRule.TRIMMED_MEAN
    assert rubric.top_criterion.id == "innovation"
    assert "调整" in rubric.note  # marked as the bureau's to change


def test_copy_round_trips(campaign: Campaign) -> None:
    rubric = rubric_from_campaign_text(campaign.source_text)
    assert rubric is not None
    assert rubric_mod.from_dict(rubric.to_dict()) == rubric


def test_weighted_total(campaign: Campaign) -> None:
    rubric = rubric_mod.from_dict(
        {
            "criteria": [
                {"id": "a", "name": "甲", "max_points": 10, "weight": 0.6},
                {"id": "b", "name": "乙", "max_points": 10, "weight": 0.4},
            ]
        }
    )
    assert rubric.total_max == 10
    assert rubric.total({"a": Decimal("10"), "b": Decimal("5")}) == 8


def test_point_problems(campaign: Campaign) -> None:
    rubric = rubric_from_campaign_text(campaign.source_text)
    assert rubric is not None
    problems = rubric.point_problems(
        {
            "innovation": Decimal("31"),
            "results": Decimal("20.3"),
            "replicability": Decimal(1),
            "x": Decimal(1),
        }
    )
    assert any("未知评分项" in p for p in problems)
    assert any("创新性" in p and "超出范围" in p for p in problems)
    assert any("实施成效" in p and "整数倍" in p for p in problems)
    assert any("缺少“材料完整性”" in p for p in problems)


def test_bad_rubric_lists_every_problem() -> None:
    with pytest.raises(RubricError) as caught:
        rubric_mod.from_dict(
            {
                "aggregate": "best_of",
                "trim_min_scores": 2,
                "tie_break_criterion": "nope",
                "criteria": [
                    {"id": "a", "name": "甲", "max_points": 0},
                    {"id": "a", "name": "乙", "max_points": 5},
                ],
            }
        )
    text = str(caught.value)
    for fragment in ("满分应大于 0", "编号重复", "汇总方法", "trim_min_scores", "nope"):
        assert fragment in text


def test_campaign_schema_checks_the_rubric(campaign: Campaign) -> None:
    text = campaign.source_text.replace('aggregate = "trimmed_mean"', 'aggregate = "best_of"')
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text)
    assert any(p.location == "rubric.aggregate" for p in caught.value.problems)


def test_campaign_without_rubric_is_still_valid(campaign: Campaign) -> None:
    text = campaign.source_text[: campaign.source_text.index("[rubric]")]
    assert rubric_from_campaign_text(parse_campaign(text).source_text) is None
