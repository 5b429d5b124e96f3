"""A city's progress against its tasks: projects counted by the marks the user set on them."""

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


@dataclass(frozen=True)
class TargetProgress:
    task: ProvinceTask
    target: Target
    projects: tuple[CountedProject, ...]
    today: date

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
    needed = {target.kind} | ({target.within} if target.within else set())
    return tuple(p for p in projects if needed <= p.marks)


def city_progress(
    tasks: Sequence[ProvinceTask], projects: Sequence[CountedProject], today: date
) -> list[TargetProgress]:
    return [
        TargetProgress(task, target, counted(target, projects), today)
        for task in tasks
        for target in task.targets
    ]
