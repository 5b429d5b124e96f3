"""A city's progress against its tasks: projects counted by the marks the user set on them.

A task of a year's list counts only the projects of that year's campaigns, recommended or pooled
by its deadline: the province's 2021 list is met by what the city did in 2021, so a 2022 fund
pool counts toward neither the 2020 nor the 2021 list. A project's date is its campaign's deadline
(申报截止日): the day by which its campaign recommends or takes projects in — the same on every
run, unlike the moment someone pressed 入库.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .model import ProvinceTask, Target


@dataclass(frozen=True)
class CountedProject:
    """A project of the city that can count towards a task: recommended or entered into the pool."""

    ref: str  # "pilot:12" (a recommended pilot application) or "fund:3" (a pooled fund application)
    label: str  # 项目名称（单位）
    source: str  # 试点示范推荐 / 专项资金入库
    marks: frozenset[str]  # the target kinds it counts as
    campaign_id: str = ""
    campaign: str = ""  # the campaign's title
    year: int | None = None  # the campaign's year
    day: date | None = None  # the campaign's deadline: when it recommends / pools its projects


@dataclass(frozen=True)
class Eligibility:
    """Whether a task counts a project's campaign at all (before its marks), and why, in Chinese."""

    counted: bool
    reason: str


def task_year(task: ProvinceTask, list_year: int | None) -> int | None:
    """The year a task belongs to: its list's (from the title), else its deadline's."""
    if list_year is not None:
        return list_year
    return task.deadline.year if task.deadline is not None else None


def eligibility(task: ProvinceTask, list_year: int | None, project: CountedProject) -> Eligibility:
    name = project.campaign or "本库的活动"
    year = task_year(task, list_year)
    if project.year is None:
        return Eligibility(True, f"{name}的年度不明，其项目计入")
    if year is None:
        return Eligibility(True, f"清单和完成时限都没有年份，{name}（{project.year}年）的项目计入")
    if project.year != year:
        return Eligibility(
            False, f"{name}是{project.year}年的活动，本任务属{year}年的清单，其项目不计入"
        )
    if task.deadline is not None and project.day is not None and project.day > task.deadline:
        return Eligibility(
            False,
            f"{name}截止于{project.day.isoformat()}，晚于完成时限{task.deadline_text}"
            f"（{task.deadline.isoformat()}），其项目不计入",
        )
    until = f"，截止于{project.day.isoformat()}" if project.day is not None else ""
    limit = f"，不晚于完成时限{task.deadline.isoformat()}" if task.deadline is not None else ""
    return Eligibility(True, f"{name}是{year}年的活动{until}{limit}，其项目计入")


@dataclass(frozen=True)
class TargetProgress:
    task: ProvinceTask
    target: Target
    projects: tuple[CountedProject, ...]
    today: date
    # Projects carrying the target's marks that the task does not count (another year, too late), with why.
    excluded: tuple[tuple[CountedProject, str], ...] = ()

    @property
    def done(self) -> int:
        return len(self.projects)

    @property
    def missing(self) -> int:
        return max(self.target.count - self.done, 0)

    @property
    def met(self) -> bool:
        return self.target.count > 0 and self.done >= self.target.count

    @property
    def fraction(self) -> float:
        """For the progress bar only (display), 0..1."""
        return min(self.done / self.target.count, 1.0) if self.target.count else 0.0

    @property
    def days_left(self) -> int | None:
        return days_left(self.task, self.today)


def days_left(task: ProvinceTask, today: date) -> int | None:
    """Days from today to the task's deadline (negative when past); None without a date."""
    return None if task.deadline is None else (task.deadline - today).days


def counted(target: Target, projects: Iterable[CountedProject]) -> tuple[CountedProject, ...]:
    """The projects carrying the target's marks (both, for a sub-target)."""
    needed = {target.kind} | ({target.within} if target.within else set())
    return tuple(p for p in projects if needed <= p.marks)


def city_progress(
    tasks: Sequence[ProvinceTask],
    projects: Sequence[CountedProject],
    today: date,
    list_year: int | None = None,
) -> list[TargetProgress]:
    out = []
    for task in tasks:
        verdicts = {p.ref: eligibility(task, list_year, p) for p in projects}
        for target in task.targets:
            marked = counted(target, projects)
            out.append(
                TargetProgress(
                    task,
                    target,
                    tuple(p for p in marked if verdicts[p.ref].counted),
                    today,
                    tuple((p, verdicts[p.ref].reason) for p in marked if not verdicts[p.ref].counted),
                )
            )
    return out
