"""A province task list: rows per city, each with targets the city must meet by a deadline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# What a target counts; a project carries the marks of what it counts as (user-set).
BENCHMARK = "标杆示范"
FIVE_G = "5G+"
CHAIN = "产业链协同"
CLOUD = "上云上平台"
TARGET_KINDS = (BENCHMARK, FIVE_G, CHAIN, CLOUD)


@dataclass(frozen=True)
class Target:
    """At least `count` projects of `kind`; a sub-target (`within` set) counts among those of the
    parent kind only: "其中至少2个5G+…" is 2 projects marked both 标杆示范 and 5G+."""

    kind: str
    count: int
    within: str | None = None
    confirmed: bool = True  # False: the parser was unsure; the user confirms or corrects it

    @property
    def label(self) -> str:
        if self.within:
            return f"其中{self.kind} ≥ {self.count}"
        return f"{self.kind} ≥ {self.count}"


@dataclass(frozen=True)
class ProvinceTask:
    """One row of the list (a city may have several), with its original 工作量 text kept."""

    seq: int | None
    city: str
    name: str
    requirement: str
    nature: str  # 任务性质, e.g. 约束性任务
    method: str  # 实施方式, e.g. 因素法分配 / 服务券补助
    standard: str  # 实施标准
    workload: str  # 工作量: the text the targets are parsed from
    deadline_text: str  # 完成时限, e.g. 2021年底
    deadline: date | None
    targets: tuple[Target, ...] = ()
    id: int | None = None
    row: int | None = None  # the sheet row it came from


@dataclass(frozen=True)
class TaskList:
    title: str
    year: int | None
    tasks: tuple[ProvinceTask, ...] = field(default=())

    def of_city(self, city: str) -> list[ProvinceTask]:
        key = city.strip().removesuffix("市")
        return [t for t in self.tasks if t.city == key]
