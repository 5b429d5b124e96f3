"""Other campaigns' databases whose projects a city's task lists count (跨活动计入).

One database works under one campaign, but a year's task list is met by everything the city did:
the pilot recommendations and the special-fund pool live in two databases. The database holding
the task list keeps the paths of the others and reads their projects (never writes to them); a
linked project's ref is qualified by its campaign id, and the marks set on it here are kept here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Any

from ...domain.tasks.progress import CountedProject
from ...storage.errors import StorageError
from ..errors import InputError, NotFoundError, ServiceError

if TYPE_CHECKING:
    from .service import CampaignOrigin, CityDatabase


@dataclass(frozen=True)
class LinkedSource:
    """A linked database as read now: its campaign and projects, or why it could not be read."""

    path: str
    origin: CampaignOrigin | None = None
    projects: tuple[CountedProject, ...] = ()
    problem: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "campaign": self.origin.as_json() if self.origin else None,
            "projects": len(self.projects),
            "problem": self.problem or None,
        }


def qualified(campaign_id: str, ref: str) -> str:
    """The ref of a linked database's project as the host database knows it: `2022-jiangmen-fund/fund:3`."""
    return f"{campaign_id}/{ref}"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _open(path: Path) -> CityDatabase:
    from .service import open_city_database

    try:
        return open_city_database(path)
    except (ServiceError, StorageError):
        raise
    except OSError as exc:
        raise ServiceError(f"无法打开数据库 {path}：{exc.strerror or exc}") from exc


def link_database(cdb: CityDatabase, path: Path) -> LinkedSource:
    """Count the projects of another campaign's database of the same city toward this one's lists."""
    path = Path(path).expanduser().absolute()
    if _same_file(path, cdb.db.path):
        raise InputError("不能关联本数据库自身：本库的项目已经计入")
    if not path.is_file():
        raise NotFoundError(f"找不到数据库文件：{path}")
    other = _open(path)
    try:
        if other.city.removesuffix("市") != cdb.city.removesuffix("市"):
            raise InputError(f"该数据库属于{other.city}，本库属于{cdb.city}：只能关联本市的数据库")
        origin = other.origin
        if origin is None:
            raise ServiceError(f"无法读取该数据库的活动设置：{path}")
        own = cdb.origin
        if own is not None and own.id == origin.id:
            raise InputError(f"该数据库与本库是同一活动（{origin.title}），其项目会重复计入")
        stored = cdb.repo.linked_paths()
        for known in read_links(cdb):
            if known.path == str(path) or _same_file(Path(known.path), path):
                raise InputError(f"已经关联了该数据库：{known.path}")
            if known.origin is not None and known.origin.id == origin.id:
                raise InputError(
                    f"已经关联了同一活动（{origin.title}）的数据库 {known.path}，其项目会重复计入"
                )
        source = _read(other, str(path))
    finally:
        other.close()
    cdb.repo.set_linked_paths(
        [*stored, str(path)], {"link": str(path), "campaign": origin.id, "projects": len(source.projects)}
    )
    return source


def unlink_database(cdb: CityDatabase, which: str) -> str:
    """Stop counting a linked database: `which` is its number in `tasks links` or its path."""
    stored = cdb.repo.linked_paths()
    chosen = _choose(stored, which)
    if chosen is None:
        shown = "；".join(f"{n}. {p}" for n, p in enumerate(stored, 1)) or "（尚未关联其他数据库）"
        raise NotFoundError(f"没有关联“{which}”。已关联的数据库：{shown}")
    cdb.repo.set_linked_paths([p for p in stored if p != chosen], {"unlink": chosen})
    return chosen


def _choose(stored: list[str], which: str) -> str | None:
    text = which.strip()
    if text.isdigit() and 1 <= int(text) <= len(stored):
        return stored[int(text) - 1]
    for p in stored:
        if p == text or PureWindowsPath(p) == PureWindowsPath(text) or _same_file(Path(p), Path(text)):
            return p
    return None


def read_links(cdb: CityDatabase) -> list[LinkedSource]:
    """Each linked database with its projects now; one that cannot be read says why and counts nothing."""
    found = []
    for text in cdb.repo.linked_paths():
        path = Path(text)
        if not path.is_file():
            found.append(
                LinkedSource(text, problem="找不到该数据库文件（已移动或在未连接的磁盘上），其项目暂不计入")
            )
            continue
        try:
            other = _open(path)
        except (ServiceError, StorageError) as exc:
            found.append(LinkedSource(text, problem=f"无法读取，其项目暂不计入：{exc}"))
            continue
        try:
            found.append(_read(other, text))
        finally:
            other.close()
    return found


def _read(other: CityDatabase, text: str) -> LinkedSource:
    from .service import own_projects

    origin = other.origin
    if origin is None:
        return LinkedSource(text, problem="无法读取该数据库的活动设置，其项目暂不计入")
    projects = tuple(
        CountedProject(
            qualified(origin.id, p.ref), p.label, p.source, p.marks, p.campaign_id, p.campaign, p.year, p.day
        )
        for p in own_projects(other)
    )
    return LinkedSource(text, origin, projects)


def with_host_marks(
    projects: tuple[CountedProject, ...], apply: Callable[[str, set[str]], set[str]]
) -> list[CountedProject]:
    """Linked projects with the marks set on them in the host database applied over their own."""
    return [
        CountedProject(p.ref, p.label, p.source, frozenset(apply(p.ref, set(p.marks))), p.campaign_id,
                       p.campaign, p.year, p.day)
        for p in projects
    ]  # fmt: skip
