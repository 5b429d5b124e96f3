"""Marks decide what counts; a campaign outside a task's period (another year, closing after its
deadline) is counted with a caution naming why (domain/tasks)."""

from __future__ import annotations

from datetime import date

from gdiiot_desktop.domain.tasks.model import ProvinceTask, Target
from gdiiot_desktop.domain.tasks.progress import CountedProject, city_progress, timing


def _task(deadline: date | None, text: str = "2021年底") -> ProvinceTask:
    return ProvinceTask(
        1, "江门", "工业互联网标杆示范", "", "约束性任务", "因素法分配", "", "培育2个…", text, deadline,
        (Target("标杆示范", 2),), id=1,
    )  # fmt: skip


def _project(ref: str, year: int | None, day: date | None) -> CountedProject:
    return CountedProject(ref, ref, "专项资金入库", frozenset({"标杆示范"}), "c", f"{year}年专项", year, day)


def test_marked_projects_count_and_those_outside_the_period_carry_a_caution() -> None:
    task = _task(date(2021, 12, 31))
    on_time = _project("a", 2021, date(2021, 11, 30))
    on_the_day = _project("b", 2021, date(2021, 12, 31))
    late = _project("c", 2021, date(2022, 1, 1))  # a call of 2021 that closes in January
    other_year = _project("d", 2022, date(2022, 11, 30))
    (progress,) = city_progress([task], [on_time, on_the_day, late, other_year], date(2021, 6, 1), 2021)
    assert [p.ref for p in progress.projects] == ["a", "b", "c", "d"] and progress.done == 4
    assert [(p.ref, "晚于完成时限" in why) for p, why in progress.cautions] == [("c", True), ("d", False)]
    assert "2022年的活动，本任务属2021年的清单" in progress.cautions[1][1]
    assert "请取消该项目的标记" in progress.cautions[1][1]


def test_without_a_list_year_the_deadline_year_decides() -> None:
    assert not timing(_task(date(2021, 12, 31)), None, _project("a", 2022, date(2022, 3, 1))).in_period
    assert timing(_task(date(2022, 12, 31)), None, _project("a", 2022, date(2022, 3, 1))).in_period


def test_without_any_year_every_project_counts_and_says_so() -> None:
    verdict = timing(_task(None, "尽快"), None, _project("a", 2022, date(2022, 3, 1)))
    assert verdict.in_period and "都没有年份" in verdict.reason
    # A task with a list year but no date compares the year only.
    assert timing(_task(None, "年内"), 2022, _project("a", 2022, date(2022, 3, 1))).in_period
    assert not timing(_task(None, "年内"), 2021, _project("a", 2022, date(2022, 3, 1))).in_period
