"""The province task list on a city database of either kind: import, marks, targets, progress."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ...domain.campaign import CampaignError
from ...domain.fund.campaign import FUND_KIND
from ...domain.fund.loader import parse_fund_campaign
from ...domain.tasks.model import TARGET_KINDS, Target, TaskList
from ...domain.tasks.progress import CountedProject, TargetProgress, city_progress
from ...storage.database import Database
from ...storage.fund_repository import read_setup
from ...storage.task_repository import TaskRepository
from ..errors import InputError, NotFoundError, ServiceError
from .sheet import read_task_list

SOURCES = {"pilot": "试点示范推荐", "fund": "专项资金入库"}


@dataclass
class CityDatabase:
    """A city database of any campaign kind, as far as the task list needs it."""

    db: Database
    city: str
    operator: str
    default_marks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # fund direction → kinds

    @property
    def repo(self) -> TaskRepository:
        return TaskRepository(self.db, self.operator)

    def close(self) -> None:
        self.db.close()


def open_city_database(path: Path, operator: str | None = None) -> CityDatabase:
    db = Database.open(path)
    try:
        settings, text = read_setup(db)
        if "city" not in settings:
            raise ServiceError("数据库尚未初始化（缺少城市设置）。请先运行 gdiiot init --city 城市名。")
        defaults: dict[str, tuple[str, ...]] = {}
        if settings.get("campaign_kind") == FUND_KIND and text is not None:
            try:
                campaign = parse_fund_campaign(text, schema=False)
            except CampaignError as exc:
                raise ServiceError("数据库中的活动设置无法读取，数据库可能已损坏。请从备份恢复。") from exc
            defaults = {d.id: d.counts_as for d in campaign.directions}
    except Exception:
        db.close()
        raise
    return CityDatabase(db, settings["city"], operator or settings.get("operator", "操作员"), defaults)


def import_task_list(cdb: CityDatabase, path: Path) -> tuple[TaskList, bool]:
    task_list = read_task_list(path)
    _, replaced = cdb.repo.save_list(task_list, path.name)
    return task_list, replaced


def counted_projects(cdb: CityDatabase) -> list[CountedProject]:
    explicit = cdb.repo.marks()
    found = []
    for row in cdb.repo.projects():
        marks = set(cdb.default_marks.get(row.direction_id, ())) if row.source == "fund" else set()
        for mark in explicit.get(row.ref, set()):
            if mark.startswith("!"):
                marks.discard(mark[1:])
            else:
                marks.add(mark)
        found.append(
            CountedProject(
                row.ref, f"{row.project}（{row.applicant}）", SOURCES[row.source], frozenset(marks)
            )
        )
    return found


def progress(
    cdb: CityDatabase, today: date, city: str | None = None
) -> tuple[list[tuple[TaskList, list[TargetProgress]]], list[CountedProject]]:
    """Per imported list, the city's targets with their progress; and the projects that can count.

    This database holds only its own city's projects: another city's targets are shown with
    nothing counted against them, never with this city's projects."""
    city = city or cdb.city
    own = city.removesuffix("市") == cdb.city.removesuffix("市")
    projects = counted_projects(cdb) if own else []
    return [(tl, city_progress(tl.of_city(city), projects, today)) for tl in cdb.repo.lists()], projects


def set_marks(cdb: CityDatabase, ref: str, add: list[str], remove: list[str]) -> CountedProject:
    refs = {p.ref: p for p in counted_projects(cdb)}
    if ref not in refs:
        shown = "、".join(refs) or "（尚无已推荐或已入库的项目）"
        raise NotFoundError(
            f"找不到项目 {ref}：可标记的是已推荐（pilot:编号）或已入库（fund:编号）的项目：{shown}"
        )
    known = set(TARGET_KINDS) | {t.kind for tl in cdb.repo.lists() for task in tl.tasks for t in task.targets}
    unknown = [m for m in add + remove if m not in known]
    if unknown:
        raise InputError(f"未知的任务类别：{'、'.join(unknown)}（可用：{'、'.join(sorted(known))}）")
    cdb.repo.set_marks(ref, add, remove)
    return next(p for p in counted_projects(cdb) if p.ref == ref)


_TARGET_SPEC = re.compile(r"^(?P<kind>[^=@]+?)(?:@(?P<within>[^=]+?))?=(?P<count>\d{1,9})$")


MAX_TARGET_COUNT = 999_999_999  # the task-list parser reads at most 9 digits too


def parse_target_specs(specs: list[str]) -> list[Target]:
    """'标杆示范=4', '5G+@标杆示范=2' (2 of the 标杆示范 projects are 5G+)."""
    targets = []
    for spec in specs:
        m = _TARGET_SPEC.match(spec.strip())
        if m is None:
            raise InputError(
                f"目标写法应为 类别=数量 或 类别@上级类别=数量（如 5G+@标杆示范=2），实际为“{spec}”"
            )
        targets.append(Target(m["kind"].strip(), int(m["count"]), (m["within"] or "").strip() or None))
    parents = {t.kind for t in targets if t.within is None}
    for t in targets:
        if t.within is not None and t.within not in parents:
            raise InputError(f"“{t.kind}”的上级类别“{t.within}”不在本任务的目标中")
    return targets


def set_targets(cdb: CityDatabase, task_id: int, specs: list[str]) -> Any:
    return set_task_targets(cdb, task_id, parse_target_specs(specs))


def set_task_targets(cdb: CityDatabase, task_id: int, targets: list[Target]) -> Any:
    """Store the targets the user confirmed or corrected (from the command line or the form)."""
    for t in targets:
        if not t.kind.strip() or t.count < 0:
            raise InputError("每个目标须有类别和不小于 0 的数量")
        if t.count > MAX_TARGET_COUNT:
            raise InputError(f"目标“{t.kind[:20]}”的数量过大（最多 {MAX_TARGET_COUNT:,}）")
    parents = {t.kind for t in targets if t.within is None}
    for t in targets:
        if t.within is not None and t.within not in parents:
            raise InputError(f"“{t.kind}”的上级类别“{t.within}”不在本任务的目标中")
    try:
        return cdb.repo.set_targets(task_id, targets)
    except KeyError as exc:
        raise NotFoundError(f"找不到编号为 {task_id} 的任务（见 gdiiot tasks show）") from exc


def progress_json(
    lists: list[tuple[TaskList, list[TargetProgress]]], projects: list[CountedProject], city: str, today: date
) -> dict[str, Any]:
    out_lists = []
    for task_list, items in lists:
        tasks: dict[int | None, dict[str, Any]] = {}
        for item in items:
            task = item.task
            entry = tasks.setdefault(
                task.id,
                {
                    "id": task.id, "seq": task.seq, "name": task.name, "requirement": task.requirement,
                    "nature": task.nature, "method": task.method, "standard": task.standard,
                    "workload": task.workload, "deadline_text": task.deadline_text,
                    "deadline": task.deadline.isoformat() if task.deadline else None,
                    "days_left": item.days_left, "targets": [],
                },
            )  # fmt: skip
            entry["targets"].append(
                {
                    "kind": item.target.kind, "count": item.target.count, "within": item.target.within,
                    "confirmed": item.target.confirmed, "label": item.target.label, "done": item.done,
                    "missing": item.missing, "met": item.met,
                    "projects": [{"ref": p.ref, "label": p.label, "source": p.source} for p in item.projects],
                }
            )  # fmt: skip
        for task in task_list.of_city(city):
            if task.id not in tasks:  # a task without a measurable target still shows
                tasks[task.id] = {
                    "id": task.id, "seq": task.seq, "name": task.name, "requirement": task.requirement,
                    "nature": task.nature, "method": task.method, "standard": task.standard,
                    "workload": task.workload, "deadline_text": task.deadline_text,
                    "deadline": task.deadline.isoformat() if task.deadline else None,
                    "days_left": None if task.deadline is None else (task.deadline - today).days, "targets": [],
                }  # fmt: skip
        out_lists.append({"title": task_list.title, "year": task_list.year, "tasks": list(tasks.values())})
    return {
        "city": city,
        "today": today.isoformat(),
        "lists": out_lists,
        "projects": [
            {"ref": p.ref, "label": p.label, "source": p.source, "marks": sorted(p.marks)} for p in projects
        ],
    }


def city_database_of(
    db: Database, city: str, operator: str, default_marks: dict[str, tuple[str, ...]]
) -> CityDatabase:
    """The task-list view of a database already open (a window's special-fund workspace)."""
    return CityDatabase(db, city, operator, default_marks)


def task_list_database(ws: Any) -> CityDatabase:
    """The task-list view of an open pilot workspace (anything with `db`, `city`, `operator`)."""
    return CityDatabase(ws.db, ws.city, ws.operator, {})
