"""The province task list on a city database of either kind: import, marks, targets, progress."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ...domain.campaign import CampaignError, parse_any_campaign
from ...domain.fund.campaign import FUND_KIND
from ...domain.fund.loader import parse_fund_campaign
from ...domain.tasks.model import TARGET_KINDS, ProvinceTask, Target, TaskList
from ...domain.tasks.progress import (
    CountedProject,
    TargetProgress,
    Timing,
    city_progress,
    days_left,
    task_year,
    timing,
)
from ...storage.database import Database
from ...storage.fund_repository import read_setup
from ...storage.task_repository import TaskRepository
from ..errors import InputError, NotFoundError, ServiceError
from .linked import LinkedSource, read_links, with_host_marks
from .sheet import read_task_list

SOURCES = {"pilot": "试点示范推荐", "fund": "专项资金入库"}


@dataclass(frozen=True)
class CampaignOrigin:
    """The campaign a database works under: its projects belong to its year, dated by its deadline."""

    id: str
    title: str
    year: int | None
    day: date | None
    kind: str  # pilot / special-fund

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "year": self.year, "kind": self.kind,
            "date": self.day.isoformat() if self.day else None,
        }  # fmt: skip


def campaign_origin(db: Database) -> CampaignOrigin | None:
    """The database's campaign as the task list sees it (None when the stored file cannot be read)."""
    settings, text = read_setup(db)
    if text is None:
        return None
    try:
        campaign = parse_any_campaign(text, schema=False)
    except CampaignError:
        return None
    kind = "special-fund" if settings.get("campaign_kind") == FUND_KIND else "pilot"
    return CampaignOrigin(campaign.id, campaign.title, campaign.year, campaign.deadline.day, kind)


@dataclass
class CityDatabase:
    """A city database of any campaign kind, as far as the task list needs it."""

    db: Database
    city: str
    operator: str
    default_marks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # fund direction → kinds
    _origin: list[CampaignOrigin | None] = field(default_factory=list, repr=False)

    @property
    def origin(self) -> CampaignOrigin | None:
        """The campaign this database's projects belong to (read once)."""
        if not self._origin:
            self._origin.append(campaign_origin(self.db))
        return self._origin[0]

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


def _with_marks(explicit: dict[str, set[str]], ref: str, marks: set[str]) -> set[str]:
    """Default marks with the user's explicit ones applied (`!kind` takes a default away)."""
    for mark in explicit.get(ref, set()):
        if mark.startswith("!"):
            marks.discard(mark[1:])
        else:
            marks.add(mark)
    return marks


def own_projects(cdb: CityDatabase) -> list[CountedProject]:
    """This database's recommended or pooled projects with their marks."""
    explicit = cdb.repo.marks()
    origin = cdb.origin
    found = []
    for row in cdb.repo.projects():
        defaults = set(cdb.default_marks.get(row.direction_id, ())) if row.source == "fund" else set()
        found.append(
            CountedProject(
                row.ref, f"{row.project}（{row.applicant}）", SOURCES[row.source],
                frozenset(_with_marks(explicit, row.ref, defaults)),
                campaign_id=origin.id if origin else "", campaign=origin.title if origin else "",
                year=origin.year if origin else None, day=origin.day if origin else None,
            )  # fmt: skip
        )
    return found


def counted_projects(cdb: CityDatabase, links: list[LinkedSource] | None = None) -> list[CountedProject]:
    """This database's projects, then those of the linked databases (`links`, read now if not given)."""
    explicit = cdb.repo.marks()
    found = own_projects(cdb)
    for source in read_links(cdb) if links is None else links:
        found += with_host_marks(source.projects, lambda ref, marks: _with_marks(explicit, ref, marks))
    return found


def progress(
    cdb: CityDatabase, today: date, city: str | None = None, links: list[LinkedSource] | None = None
) -> tuple[list[tuple[TaskList, list[TargetProgress]]], list[CountedProject]]:
    """Per imported list, the city's targets with their progress; and the projects that can count.

    This database holds only its own city's projects: another city's targets are shown with
    nothing counted against them, never with this city's projects."""
    city = city or cdb.city
    own = city.removesuffix("市") == cdb.city.removesuffix("市")
    projects = counted_projects(cdb, links) if own else []
    return [
        (tl, city_progress(tl.of_city(city), projects, today, tl.year)) for tl in cdb.repo.lists()
    ], projects


def set_marks(cdb: CityDatabase, ref: str, add: list[str], remove: list[str]) -> CountedProject:
    refs = {p.ref: p for p in counted_projects(cdb)}
    if ref not in refs:
        shown = "、".join(refs) or "（尚无已推荐或已入库的项目）"
        raise NotFoundError(
            f"找不到项目 {ref}：可标记的是已推荐（pilot:编号）或已入库（fund:编号）的项目，"
            f"关联数据库的项目前加活动编号（如 2022-jiangmen-fund/fund:3）：{shown}"
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
    lists: list[tuple[TaskList, list[TargetProgress]]],
    projects: list[CountedProject],
    city: str,
    today: date,
    origin: CampaignOrigin | None = None,
    links: list[LinkedSource] | None = None,
) -> dict[str, Any]:
    """What `tasks show --json` prints. The marks decide what counts; each task says, per campaign
    whose projects it sees, whether that campaign lies in its period (`periods`, with the reason),
    and each target names the counted projects of a campaign outside it (`cautions`, with why)."""
    campaigns = campaigns_of(origin, projects)
    out_lists = []
    for task_list, items in lists:
        tasks: dict[int | None, dict[str, Any]] = {}
        for task in task_list.of_city(city):  # a task without a measurable target still shows
            tasks[task.id] = _task_json(task, task_list.year, today, campaigns)
        for item in items:
            tasks.setdefault(item.task.id, _task_json(item.task, task_list.year, today, campaigns))
            tasks[item.task.id]["targets"].append(
                {
                    "kind": item.target.kind, "count": item.target.count, "within": item.target.within,
                    "confirmed": item.target.confirmed, "label": item.target.label, "done": item.done,
                    "missing": item.missing, "met": item.met,
                    "projects": [{"ref": p.ref, "label": p.label, "source": p.source} for p in item.projects],
                    "cautions": [
                        {"ref": p.ref, "label": p.label, "source": p.source, "reason": why}
                        for p, why in item.cautions
                    ],
                }
            )  # fmt: skip
        out_lists.append({"title": task_list.title, "year": task_list.year, "tasks": list(tasks.values())})
    return {
        "city": city,
        "today": today.isoformat(),
        "campaign": origin.as_json() if origin else None,
        "linked": [source.as_json() for source in links or []],
        "lists": out_lists,
        "projects": [
            {
                "ref": p.ref, "label": p.label, "source": p.source, "marks": sorted(p.marks),
                "campaign_id": p.campaign_id, "campaign": p.campaign, "year": p.year,
                "date": p.day.isoformat() if p.day else None,
            }
            for p in projects
        ],  # fmt: skip
    }


def campaigns_of(origin: CampaignOrigin | None, projects: list[CountedProject]) -> list[CountedProject]:
    """One stand-in project per campaign whose projects a task sees: this database's first."""
    found: dict[str, CountedProject] = {}
    if origin is not None:
        found[origin.id] = CountedProject("", "", "", frozenset(), origin.id, origin.title, origin.year, origin.day)
    for p in projects:
        found.setdefault(p.campaign_id, p)
    return list(found.values())


def periods_of(task: ProvinceTask, list_year: int | None, campaigns: list[CountedProject]) -> list[tuple[CountedProject, Timing]]:
    """Whether each campaign lies in the task's period, and why."""
    return [(c, timing(task, list_year, c)) for c in campaigns]


def _task_json(
    task: ProvinceTask, list_year: int | None, today: date, campaigns: list[CountedProject]
) -> dict[str, Any]:
    return {
        "id": task.id, "seq": task.seq, "name": task.name, "requirement": task.requirement,
        "nature": task.nature, "method": task.method, "standard": task.standard,
        "workload": task.workload, "deadline_text": task.deadline_text,
        "deadline": task.deadline.isoformat() if task.deadline else None,
        "days_left": days_left(task, today), "year": task_year(task, list_year),
        "periods": [
            {
                "campaign_id": c.campaign_id, "campaign": c.campaign, "year": c.year,
                "date": c.day.isoformat() if c.day else None, "in_period": t.in_period, "reason": t.reason,
            }
            for c, t in periods_of(task, list_year, campaigns)
        ],
        "targets": [],
    }  # fmt: skip


def city_database_of(
    db: Database, city: str, operator: str, default_marks: dict[str, tuple[str, ...]]
) -> CityDatabase:
    """The task-list view of a database already open (a window's special-fund workspace)."""
    return CityDatabase(db, city, operator, default_marks)


def task_list_database(ws: Any) -> CityDatabase:
    """The task-list view of an open pilot workspace (anything with `db`, `city`, `operator`)."""
    return CityDatabase(ws.db, ws.city, ws.operator, {})
