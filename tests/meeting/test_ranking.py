"""The ranking: the stated tie-break, unscored applications last, and the quota line."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from gdiiot_desktop.domain.meeting import rubric as rubric_mod
from gdiiot_desktop.domain.meeting.aggregates import aggregate
from gdiiot_desktop.domain.meeting.ranking import RankInput, adopted_order, propose, rank, tie_break_text

RUBRIC = rubric_mod.from_dict(
    {
        "criteria": [
            {"id": "innovation", "name": "创新性", "max_points": 50},
            {"id": "results", "name": "实施成效", "max_points": 50},
        ],
        "tie_break_criterion": "innovation",
    }
)


def item(
    app_id: int, totals: list[float], innovation: list[float] | None = None, filed: date | None = None
) -> RankInput:
    points = {"innovation": [Fraction(str(v)) for v in innovation]} if innovation else {}
    return RankInput(app_id, aggregate([Fraction(str(t)) for t in totals], points), filed)


def order(items: list[RankInput]) -> list[int]:
    return [r.application_id for r in rank(items, RUBRIC)]


def test_higher_trimmed_mean_first() -> None:
    ranked = rank([item(1, [80, 82, 84]), item(2, [90, 91, 92]), item(3, [70, 99, 60])], RUBRIC)
    assert [(r.application_id, r.rank) for r in ranked] == [(2, 1), (1, 2), (3, 3)]
    assert all(r.tie_note == "" for r in ranked)


def test_rubric_rule_chooses_the_ranking_aggregate() -> None:
    mean_rubric = rubric_mod.from_dict({**RUBRIC.to_dict(), "aggregate": "mean"})
    a, b = item(1, [60, 90, 91]), item(2, [85, 86, 87])  # trimmed 90 vs 86; mean 80.33 vs 86
    assert order([a, b]) == [1, 2]
    assert [r.application_id for r in rank([a, b], mean_rubric)] == [2, 1]


def test_equal_trimmed_mean_and_median_then_top_criterion() -> None:
    c = item(3, [80, 90, 85], innovation=[40, 45, 42])  # trimmed 85, median 85
    d = item(4, [75, 85, 95], innovation=[48, 49, 47])  # trimmed 85, median 85
    ranked = rank([c, d], RUBRIC)
    assert [r.application_id for r in ranked] == [4, 3]
    assert ranked[1].tie_note == "与上一名汇总得分相同，按创新性平均得分排序"


def test_median_breaks_a_tie_of_trimmed_means() -> None:
    a = item(1, [80, 83, 85, 87, 95])  # trimmed 85, median 85
    b = item(2, [80, 82, 86, 87, 95])  # trimmed 85, median 86
    ranked = rank([a, b], RUBRIC)
    assert [r.application_id for r in ranked] == [2, 1]
    assert ranked[1].tie_note == "与上一名汇总得分相同，按中位数排序"


def test_full_tie_ends_at_the_application_number() -> None:
    a = item(1, [84, 85, 86, 70, 100])  # trimmed (84+85+86)/3 = 85, median 85
    b = item(2, [80, 85, 90, 84, 86])  # trimmed (84+85+86)/3 = 85, median 85 → equal so far
    c = item(3, [85, 85])  # trimmed = mean = 85, median 85
    ranked = rank([a, b, c], RUBRIC)
    assert [r.rank for r in ranked] == [1, 2, 3]  # never equal ranks
    assert [r.application_id for r in ranked] == [1, 2, 3]  # down to the application number
    assert ranked[1].tie_note.endswith("按登记编号排序")


def test_earlier_filing_date_before_application_number() -> None:
    late = item(1, [80], filed=date(2023, 12, 7))
    early = item(2, [80], filed=date(2023, 12, 1))
    unknown = item(3, [80])
    ranked = rank([late, early, unknown], RUBRIC)
    assert [r.application_id for r in ranked] == [2, 1, 3]
    assert ranked[1].tie_note.endswith("按申报日期排序")


def test_unscored_come_last_unranked() -> None:
    ranked = rank([item(5, []), item(1, [60]), item(3, [])], RUBRIC)
    assert [(r.application_id, r.rank) for r in ranked] == [(1, 1), (3, None), (5, None)]


def test_quota_line_central_enterprises_do_not_count() -> None:
    ranked = rank([item(i, [100 - i]) for i in range(1, 7)], RUBRIC)
    lines = propose(ranked, quota=3, central={2}, ineligible={4: "存在未处理的错误（VIDEO_REQUIRED）"})
    assert [(line.item.application_id, line.recommended) for line in lines] == [
        (1, True), (2, True), (3, True), (4, False), (5, True), (6, False)
    ]  # fmt: skip
    assert lines[1].note == "中央企业，不占指标" and not lines[1].counts_quota
    assert lines[3].note.startswith("存在未处理的错误")
    assert lines[5].note == "超出推荐指标（3个）"
    assert adopted_order(lines) == [1, 2, 3, 5]


def test_tie_break_is_stated() -> None:
    text = tie_break_text(RUBRIC)
    assert "中位数" in text and "“创新性”" in text and "申报日期" in text and "登记编号" in text
