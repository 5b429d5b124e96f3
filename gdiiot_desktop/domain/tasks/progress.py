"""A city's progress against its tasks: projects counted by the marks the user set on them.

The marks decide what counts (the issue's "user-set mark for what counts"). The period is checked
beside them: the province's 2021 list is met by what the city did in 2021, so a marked project of
a 2022 campaign, or of a campaign closing after the task's deadline, still counts but carries a
caution naming why, for the official to unmark it if it should not count. A project's date is its
campaign's deadline (申报截止日): the same on every run, unlike the moment someone pressed 入库.
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
class Timing:
    """Whether a project's campaign falls in a task's period (its year, by its deadline), and why."""

    in_period: bool
    reason: str


def task_year(task: ProvinceTask, list_year: int | None) -> int | None:
    """The year a task belongs to: its list's (from the title), else its deadline's."""
    if list_year is not None:
        return list_year
    return task.deadline.year if task.deadline is not None else None


UNMARK_HINT = "按标记计入；如不应计入，请取消该项目的标记"


def timing(task: ProvinceTask, list_year: int | None, project: CountedProject) -> Timing:
    """Whether the project's campaign lies in the task's period, in words an official can check."""
    name = project.campaign or "本库的活动"
    year = task_year(task, list_year)
    if project.year is None:
        return Timing(True, f"{name}的年度不明，按标记计入")
    if year is None:
        return Timing(True, f"清单和完成时限都没有年份，{name}（{project.year}年）的项目按标记计入")
    if project.year != year:
        return Timing(False, f"{name}是{project.year}年的活动，本任务属{year}年的清单：{UNMARK_HINT}")
    if task.deadline is not None and project.day is not None and project.day > task.deadline:
        return Timing(
            False,
            f"{name}截止于{project.day.isoformat()}，晚于完成时限{task.deadline_text}"
            f"（{task.deadline.isoformat()}）：{UNMARK_HINT}",
        )
    until = f"，截止于{project.day.isoformat()}" if project.day is not None else ""
    limit = f"，不晚于完成时限{task.deadline.isoformat()}" if task.deadline is not None else ""
    return Timing(True, f"{name}是{year}年的活动{until}{limit}")


@dataclass(frozen=True)
class TargetProgress:
    task: ProvinceTask
    target: Target
    projects: tuple[CountedProject, ...]
    today: date
    # Counted projects whose campaign lies outside the task's period (another year, too late), with why.
    cautions: tuple[tuple[CountedProject, str], ...] = ()

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
        outside = {p.ref: t.reason for p in projects if not (t := timing(task, list_year, p)).in_period}
        for target in task.targets:
            marked = counted(target, projects)
            cautions = tuple((p, outside[p.ref]) for p in marked if p.ref in outside)
            out.append(TargetProgress(task, target, marked, today, cautions))
    return out
