"""The three-way merge of a county's newer bundle: its changes, the city's, and where they collide.

Pure: works on flat field dicts (see codec.flatten). The base is the county's version as last
imported (a snapshot); the county changed what differs from the base in the new bundle, the city
what differs from the base in its own copy. A field both changed to different values is a conflict
the city decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal

from typing_extensions import TypeVar

from ...domain.enums import Status
from ...domain.model import Application
from .codec import CITY_OWNED, Flat, field_label, flatten
from .errors import BundleConflictError, ExchangeUsageError

# The application type a plan carries: the pilot's Application unless said otherwise (a special-fund
# plan carries services.fund.codec.FundRecord). The merge itself only sees flat field dicts.
A = TypeVar("A", default=Application)

Side = Literal["city", "county"]
SIDES: tuple[Side, Side] = ("city", "county")


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any
    label: str  # the field's Chinese label (from the registry of the campaign kind)


@dataclass(frozen=True)
class Conflict:
    uid: str
    project_name: str
    field: str
    base: Any
    city: Any
    county: Any
    label: str


@dataclass
class AppDiff(Generic[A]):
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
    county_app: A | None = None
    city_status: object = None  # the city's status of its copy (a pilot Status or a FundStatus)
    city_priority: int | None = None  # the city's recommended position (or 入库 rank), which a bundle never changes
    county_flat: Flat | None = None  # the county's county-owned fields, flat (set when planned)

    @property
    def needs_yes(self) -> bool:
        """Withdraws an application the city holds, or touches one in the city's recommended order."""
        return self.state == "removed" or (self.state == "changed" and self.city_priority is not None)

    @property
    def county_values(self) -> Flat:
        if self.county_flat is not None:
            return self.county_flat
        return flatten(self.county_app) if isinstance(self.county_app, Application) else {}


@dataclass
class MergePlan(Generic[A]):
    county: str
    bundle_id: str
    apps: list[AppDiff[A]]
    order: str = "推荐顺序"  # what the city's order is called: 推荐顺序 (pilot), 入库排序 (special fund)

    def of(self, state: str) -> list[AppDiff[A]]:
        return [a for a in self.apps if a.state == state]

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for a in self.apps for c in a.conflicts]

    @property
    def needs_yes(self) -> list[AppDiff[A]]:
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


@dataclass(frozen=True)
class Incoming(Generic[A]):
    """One application of a bundle as the merge sees it."""

    uid: str
    project_name: str
    applicant_name: str
    flat: Flat  # its county-owned fields
    app: A


@dataclass(frozen=True)
class Held:
    """The city's copy of an application as the merge sees it."""

    id: int | None
    project_name: str
    applicant_name: str
    flat: Flat
    status: object
    withdrawn: bool
    priority: int | None  # the city's order (pilot) or 入库 rank (special fund)


def plan_merge(
    county: str,
    bundle_id: str,
    bundle_apps: list[Application],
    snapshots: dict[str, Flat],
    city_apps: dict[str, Application],
) -> MergePlan:
    """Compare the bundle with the county's last bundle (snapshots) and with the city's copies (by uid)."""
    incoming = [Incoming(a.uid, a.project_name, a.applicant.name, flatten(a), a) for a in bundle_apps]
    held = {
        uid: Held(a.id, a.project_name, a.applicant.name, flatten(a), a.status, a.status is Status.WITHDRAWN, a.priority)
        for uid, a in city_apps.items()
    }
    return plan_items(county, bundle_id, incoming, snapshots, held, field_label)


def plan_items(
    county: str,
    bundle_id: str,
    bundle_items: list[Incoming[A]],
    snapshots: dict[str, Flat],
    held: dict[str, Held],
    label: Callable[[str], str],
    order: str = "推荐顺序",
) -> MergePlan[A]:
    """The three-way plan of any campaign kind's applications, from their flat county-owned fields."""
    diffs: list[AppDiff[A]] = []
    incoming = set()
    for item in bundle_items:
        uid = item.uid
        incoming.add(uid)
        new = _comparable(item.flat)
        base = _comparable(snapshots[uid]) if uid in snapshots else None
        current = held.get(uid)
        diff = AppDiff(uid, item.project_name, item.applicant_name, "added", county_app=item.app, county_flat=item.flat)
        if current is None:
            diff.files_added = list(new["attachments"])
            diffs.append(diff)
            continue
        diff.city_id, diff.city_status, diff.city_priority = current.id, current.status, current.priority
        mine = _comparable(current.flat)
        reference = base if base is not None else mine
        county_changed = [k for k in new if new[k] != reference.get(k)]
        # Never imported before: every difference is the city's call.
        city_changed = set(county_changed) if base is None else {k for k in mine if mine[k] != base.get(k)}
        diff.state = "changed" if county_changed else "unchanged"
        diff.changes = [FieldChange(k, reference.get(k), new[k], label(k)) for k in county_changed]
        diff.conflicts = [
            Conflict(uid, item.project_name, k, reference.get(k), mine.get(k), new[k], label(k))
            for k in county_changed
            if k in city_changed and mine.get(k) != new[k]
        ]
        if "attachments" in county_changed:
            diff.files_added, diff.files_removed = _files(reference.get("attachments"), new["attachments"])
        diffs.append(diff)
    for uid in snapshots:
        if uid in incoming:
            continue
        found = held.get(uid)
        if found is None or found.withdrawn:
            continue
        diffs.append(
            AppDiff(
                uid,
                found.project_name,
                found.applicant_name,
                "removed",
                city_id=found.id,
                city_status=found.status,
                city_priority=found.priority,
            )
        )
    return MergePlan(county, bundle_id, diffs, order)


Choices = dict[tuple[str, str], Side]


def resolve(plan: MergePlan[A], prefer: Side | None, decisions: Choices | None) -> Choices:
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


def merged_values(diff: AppDiff[A], choices: Choices, city_owned: frozenset[str] = CITY_OWNED) -> Flat:
    """The fields to write into the city's copy: the county's changes, except conflicts the city kept."""
    new = diff.county_values
    conflicted = {c.field for c in diff.conflicts}
    out: Flat = {}
    for change in diff.changes:
        if change.field in city_owned:
            continue
        if change.field in conflicted and choices.get((diff.uid, change.field)) != "county":
            continue
        out[change.field] = new[change.field]
    return out
