"""Aggregates of the experts' totals: mean, median, trimmed mean (with fewer than 3 scores), spread."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdiiot_desktop.domain.meeting.aggregates import aggregate, shown, trimmed_mean
from gdiiot_desktop.domain.meeting.rubric import AggregateRule


def F(*values: float | str) -> list[Fraction]:  # noqa: N802 - reads like a constructor
    return [Fraction(str(v)) for v in values]


def test_no_scores_gives_no_aggregate() -> None:
    agg = aggregate([])
    assert agg.count == 0
    assert agg.mean is agg.median is agg.trimmed_mean is agg.spread is None
    assert agg.value(AggregateRule.TRIMMED_MEAN) is None


def test_single_expert() -> None:
    agg = aggregate(F(87.5))
    assert (agg.count, agg.mean, agg.median, agg.trimmed_mean) == (
        1,
        Fraction("87.5"),
        Fraction("87.5"),
        Fraction("87.5"),
    )
    assert agg.trimmed is False
    assert agg.spread == 0


def test_two_experts_nothing_is_dropped() -> None:
    agg = aggregate(F(80, 90))
    assert agg.mean == agg.median == agg.trimmed_mean == 85
    assert not agg.trimmed
    assert agg.spread == 10


def test_three_experts_drop_highest_and_lowest() -> None:
    agg = aggregate(F(60, 85, 95))
    assert agg.trimmed and agg.trimmed_mean == 85
    assert agg.mean == Fraction(240, 3)
    assert agg.median == 85
    assert (agg.highest, agg.lowest, agg.spread) == (95, 60, 35)


def test_five_experts_with_an_outlier() -> None:
    agg = aggregate(F(82, 84, 86, 88, 40))
    assert agg.trimmed_mean == 84  # (82 + 84 + 86) / 3
    assert agg.mean == 76
    assert agg.spread == 48


def test_only_one_of_equal_extremes_is_dropped() -> None:
    assert trimmed_mean(F(90, 90, 80, 70, 70)) == (
        Fraction(80),
        True,
    )  # drops one 90 and one 70: (90+80+70)/3


def test_even_count_median_is_the_mean_of_the_middle_two() -> None:
    assert aggregate(F(70, 80, 90, 100)).median == 85


def test_rubric_may_ask_for_more_scores_before_trimming() -> None:
    assert trimmed_mean(F(60, 85, 95), min_scores=5) == (Fraction(80), False)
    assert trimmed_mean(F(60, 85, 95, 70, 75), min_scores=5) == (Fraction(230, 3), True)


def test_exact_arithmetic_makes_equal_scores_equal() -> None:
    assert aggregate(F("80.1", "90.2")).mean == aggregate(F("85.15")).mean


def test_criterion_means() -> None:
    agg = aggregate(F(80, 90), {"innovation": F(25, 28), "empty": []})
    assert agg.criterion_means == {"innovation": Fraction(53, 2)}


@pytest.mark.parametrize(
    ("value", "text"),
    [(Fraction(2, 3), "0.67"), (Fraction(1, 8), "0.13"), (Fraction(85), "85.00"), (None, "—")],
)
def test_shown_rounds_half_up(value: Fraction | None, text: str) -> None:
    assert shown(value) == text


@given(st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=12))
def test_every_aggregate_lies_between_lowest_and_highest(halves: list[int]) -> None:
    totals = [Fraction(h, 2) for h in halves]
    agg = aggregate(totals)
    for value in (agg.mean, agg.median, agg.trimmed_mean):
        assert value is not None and min(totals) <= value <= max(totals)
    assert agg.trimmed == (len(totals) >= 3)
