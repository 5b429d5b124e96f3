"""The three-way merge of a county's newer bundle: its changes, the city's, and where they collide.

Pure: works on flat field dicts (see codec.flatten). The base is the county's version as last
imported (a snapshot); the county changed what differs from the base in the new bundle, the city
what differs from the base in its own copy. A field both changed to different values is a conflict
the city decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ...domain.enums import Status
from ...domain.model import Application
from .codec import CITY_OWNED, Flat, field_label, flatten
from .errors import BundleConflictError, ExchangeUsageError

Side = Literal["city", "county"]
SIDES: tuple[Side, Side] = ("city", "county")


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any

    @property
    def label(self) -> str:
        return field_label(self.field)


@dataclass(frozen=True)
class Conflict:
    uid: str
    project_name: str
    field: str
    base: Any
    city: Any
    county: Any

    @property
    def label(self) -> str:
        return field_label(self.field)


@dataclass
class AppDiff:
    """What one application of the bundle means for the city."""

    uid: str
    project_name: str
    applicant_name: str
    state: Literal["added", "changed", "removed", "unchanged"]
    changes: list[FieldChange] = field(default_factory=list)
    files_added: list[dict[str, Any]] = field(default_factory=list)
    files_removed: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    city_id: int | None = None
    county_app: Application | None = None
    city_status: Status | None = None
    city_priority: int | None = None  # the city's recommended position, which a bundle never changes

    @property
    def needs_yes(self) -> bool:
        """Withdraws an application the city holds, or touches one in the city's recommended order."""
        return self.state == "removed" or (self.state == "changed" and self.city_priority is not None)

    @property
    def county_values(self) -> Flat:
        return flatten(self.county_app) if self.county_app is not None else {}


@dataclass
class MergePlan:
    county: str
    bundle_id: str
    apps: list[AppDiff]

    def of(self, state: str) -> list[AppDiff]:
        return [a for a in self.apps if a.state == state]

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for a in self.apps for c in a.conflicts]

    @property
    def needs_yes(self) -> list[AppDiff]:
        """What is applied only with a person's explicit yes (--accept-removals, or the dialog's confirmation)."""
        return [a for a in self.apps if a.needs_yes]

    @property
    def has_changes(self) -> bool:
        return any(a.state != "unchanged" for a in self.apps)


def _file_key(a: dict[str, Any]) -> tuple[str, str, str]:
    return (str(a["class"]), str(a["sha256"]), str(a["file_name"]))


def _files(before: list[dict[str, Any]] | None, after: list[dict[str, Any]]) -> tuple[list[Any], list[Any]]:
    old = {_file_key(a): a for a in before or []}
    new = {_file_key(a): a for a in after}
    return [new[k] for k in new if k not in old], [old[k] for k in old if k not in new]


MEASURED = ("pages", "duration_seconds")  # read from the file's bytes by each office, never compared


def _comparable(flat: Flat) -> Flat:
    """The fields as a diff compares them: attachments without the facts measured from their bytes."""
    files = flat.get("attachments")
    if not isinstance(files, list):
        return flat
    out = dict(flat)
    out["attachments"] = [
        {k: v for k, v in a.items() if k not in MEASURED} if isinstance(a, dict) else a for a in files
    ]
    return out


def plan_merge(
    county: str,
    bundle_id: str,
    bundle_apps: list[Application],
    snapshots: dict[str, Flat],
    city_apps: dict[str, Application],
) -> MergePlan:
    """Compare the bundle with the county's last bundle (snapshots) and with the city's copies (by uid)."""
    diffs: list[AppDiff] = []
    incoming = set()
    for app in bundle_apps:
        incoming.add(app.uid)
        new = _comparable(flatten(app))
        base = _comparable(snapshots[app.uid]) if app.uid in snapshots else None
        current = city_apps.get(app.uid)
        diff = AppDiff(app.uid, app.project_name, app.applicant.name, "added", county_app=app)
        if current is None:
            diff.files_added = list(new["attachments"])
            diffs.append(diff)
            continue
        diff.city_id, diff.city_status, diff.city_priority = current.id, current.status, current.priority
        mine = _comparable(flatten(current))
        reference = base if base is not None else mine
        county_changed = [k for k in new if new[k] != reference.get(k)]
        # Never imported before: every difference is the city's call.
        city_changed = set(county_changed) if base is None else {k for k in mine if mine[k] != base.get(k)}
        diff.state = "changed" if county_changed else "unchanged"
        diff.changes = [FieldChange(k, reference.get(k), new[k]) for k in county_changed]
        diff.conflicts = [
            Conflict(app.uid, app.project_name, k, reference.get(k), mine.get(k), new[k])
            for k in county_changed
            if k in city_changed and mine.get(k) != new[k]
        ]
        if "attachments" in county_changed:
            diff.files_added, diff.files_removed = _files(reference.get("attachments"), new["attachments"])
        diffs.append(diff)
    for uid in snapshots:
        if uid in incoming:
            continue
        current = city_apps.get(uid)
        if current is None or current.status is Status.WITHDRAWN:
            continue
        diffs.append(
            AppDiff(
                uid,
                current.project_name,
                current.applicant.name,
                "removed",
                city_id=current.id,
                city_status=current.status,
                city_priority=current.priority,
            )
        )
    return MergePlan(county, bundle_id, diffs)


Choices = dict[tuple[str, str], Side]


def resolve(plan: MergePlan, prefer: Side | None, decisions: Choices | None) -> Choices:
    """A side for every conflict: the decisions given, else `prefer`; BundleConflictError if any is left."""
    decisions = decisions or {}
    known = {(c.uid, c.field) for c in plan.conflicts}
    stray = [key for key in decisions if key not in known]
    if stray:
        uid, name = stray[0]
        raise ExchangeUsageError(
            f"决定中的项目 {uid} 的字段“{field_label(name)}”不是本数据包的冲突，请按 gdiiot bundle diff 的结果填写。"
        )
    choices: Choices = {}
    open_: list[Conflict] = []
    for c in plan.conflicts:
        side = decisions.get((c.uid, c.field), prefer)
        if side is None:
            open_.append(c)
        else:
            choices[(c.uid, c.field)] = side
    if open_:
        raise BundleConflictError(
            f"有 {len(open_)} 处冲突需要市局决定（市局与县区都改了同一字段），未导入任何数据。"
            "请逐项选择（图形界面），或用 --prefer city|county 或 --decisions 文件指定。",
            [f"{c.project_name} · {c.label}：市局为 {c.city!r}，县区为 {c.county!r}" for c in open_[:50]],
        )
    return choices


def merged_values(diff: AppDiff, choices: Choices) -> Flat:
    """The fields to write into the city's copy: the county's changes, except conflicts the city kept."""
    new = diff.county_values
    conflicted = {c.field for c in diff.conflicts}
    out: Flat = {}
    for change in diff.changes:
        if change.field in CITY_OWNED:
            continue
        if change.field in conflicted and choices.get((diff.uid, change.field)) != "county":
            continue
        out[change.field] = new[change.field]
    return out
