"""Business settings of a city database: its counties (县/区), the operator's and the bureau's names, audited."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..storage import county_repository as counties_repo
from ..storage.backup import BackupInfo, list_backups, restore_backup
from ..storage.settings_repository import read_settings, write_setting
from .errors import InputError, NotFoundError
from .workspace import DEFAULT_OPERATOR, Workspace

__all__ = [
    "BackupInfo",
    "CountyInfo",
    "add_county",
    "backup_now",
    "backups",
    "default_recommender",
    "get_operator",
    "get_recommender",
    "list_counties",
    "remove_county",
    "rename_county",
    "restore",
    "set_operator",
    "set_recommender",
]

OPERATOR_KEY = "operator"
RECOMMENDER_KEY = "recommender_name"  # 推荐单位 as exports print it; absent means the default
MAX_NAME_LENGTH = 64


@dataclass(frozen=True)
class CountyInfo:
    """One county of the city and how many applications it holds (a county in use cannot be removed)."""

    name: str
    applications: int

    @property
    def in_use(self) -> bool:
        return self.applications > 0


def list_counties(ws: Workspace) -> list[CountyInfo]:
    """The city's counties in the order they were added, with their application counts."""
    with ws.db.session() as session:
        counties = [CountyInfo(name, n) for name, n in counties_repo.counties_with_counts(session)]
    ws.counties = [c.name for c in counties]
    return counties


def add_county(ws: Workspace, name: str) -> CountyInfo:
    name = _clean(name, "县区名称")
    with ws.db.session() as session:
        if counties_repo.county_exists(session, name):
            raise InputError(f"县区“{name}”已存在")
        counties_repo.add_county(session, name)
        ws.audit(session, "add", "county", name, {"name": name})
    ws.counties = [*ws.counties, name]
    return CountyInfo(name, 0)


def rename_county(ws: Workspace, old: str, new: str) -> None:
    """Rename a county; its applications follow it (they refer to the county's row)."""
    new = _clean(new, "县区名称")
    if new == old:
        return
    with ws.db.session() as session:
        if not counties_repo.county_exists(session, old):
            raise NotFoundError(f"找不到县区“{old}”")
        if counties_repo.county_exists(session, new):
            raise InputError(f"县区“{new}”已存在，不能重名")
        counties_repo.rename_county(session, old, new)
        ws.audit(session, "rename", "county", old, {"name": [old, new]})
    ws.counties = [new if c == old else c for c in ws.counties]


def remove_county(ws: Workspace, name: str) -> None:
    """Remove a county that no application uses."""
    with ws.db.session() as session:
        used = counties_repo.applications_in(session, name)
        if used is None:
            raise NotFoundError(f"找不到县区“{name}”")
        if used:
            raise InputError(
                f"县区“{name}”下还有 {used} 个申报项目，不能删除。可以改名，或先把这些项目改到其他县区。"
            )
        counties_repo.delete_county(session, name)
        ws.audit(session, "remove", "county", name, {"name": name})
    ws.counties = [c for c in ws.counties if c != name]


def get_operator(ws: Workspace) -> str:
    with ws.db.session() as session:
        value = read_settings(session, [OPERATOR_KEY]).get(OPERATOR_KEY)
    return value or DEFAULT_OPERATOR


def set_operator(ws: Workspace, name: str) -> None:
    """Store the operator's name; every later change in the audit log is recorded under it."""
    name = _clean(name, "操作员姓名")
    with ws.db.session() as session:
        changed, old = write_setting(session, OPERATOR_KEY, name)
        if not changed:
            ws.operator = name
            return
        # Recorded under the new name, with the old one in the details.
        previous, ws.operator = ws.operator, name
        try:
            ws.audit(session, "operator", "settings", OPERATOR_KEY, {"operator": [old, name]})
        except BaseException:
            ws.operator = previous
            raise


def default_recommender(ws: Workspace) -> str:
    """The bureau's name when none is set: 〈city〉市工业和信息化局."""
    return f"{ws.city}市工业和信息化局"


def get_recommender(ws: Workspace) -> str:
    """The bureau's full name (推荐单位) that exports print: the one set, else the default."""
    with ws.db.session() as session:
        value = read_settings(session, [RECOMMENDER_KEY]).get(RECOMMENDER_KEY)
    return value or default_recommender(ws)


def set_recommender(ws: Workspace, name: str | None) -> str:
    """Set the bureau's full name; blank (or None, or the default itself) goes back to the default.

    Returns the name exports will print. Snapshots frozen earlier keep the name they were frozen with.
    """
    cleaned = " ".join((name or "").split())
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InputError(f"推荐单位名称太长（最多{MAX_NAME_LENGTH}个字）")
    # Storing the default itself would pin today's default; no row means "follow the city".
    value = cleaned if cleaned and cleaned != default_recommender(ws) else None
    with ws.db.session() as session:
        changed, old = write_setting(session, RECOMMENDER_KEY, value)
        if not changed:
            return value or default_recommender(ws)
        ws.audit(session, "recommender", "settings", RECOMMENDER_KEY, {"recommender_name": [old, value]})
    return value or default_recommender(ws)


def _clean(text: str, what: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise InputError(f"请填写{what}")
    if len(text) > MAX_NAME_LENGTH:
        raise InputError(f"{what}太长（最多{MAX_NAME_LENGTH}个字）")
    return text


# --- backups: the storage layer's functions for this workspace's database ---------------------


def backups(ws: Workspace) -> list[BackupInfo]:
    """This database's backups, newest first."""
    return list_backups(ws.db.backups_dir)


def backup_now(ws: Workspace, reason: str = "manual") -> Path:
    path = ws.db.backup(reason)
    if not ws.db.read_only:  # a database another window holds can be backed up but not written
        with ws.db.session() as session:
            ws.audit(session, "backup", "database", ws.city, {"file": path.name, "reason": reason})
    return path


def restore(db_path: Path, backup: Path) -> Path | None:
    """Replace the (closed) database at `db_path` by `backup`; returns the backup taken of it first."""
    return restore_backup(backup, db_path)
