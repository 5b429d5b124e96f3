"""Freezing the city's recommendation into a snapshot with an id that every exported file carries.

A snapshot holds the recommended applications in priority order with every field the exports
print and each attachment by its SHA-256. Its id is the freezing day plus the first hex digits of
the SHA-256 of its canonical JSON, so the same recommendation frozen twice on one day is the
same snapshot, and a changed one can never carry an old id.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ...domain.enums import Grade
from ...domain.model import Application, Attachment, Violation
from ...storage.audit import canonical_json
from ...storage.snapshot_repository import StoredSnapshot, add_snapshot, find_snapshot, snapshot_list
from ..application_codec import application_from_json, application_to_json
from ..applications import ApplicationService
from ..checks import CheckReport, check_workspace
from ..settings import get_recommender
from ..workspace import Workspace
from .errors import ExportBlockedError, NothingRecommendedError, SnapshotNotFoundError
from .integrity import check_attachments
from .printables import inspect

FORMAT = "gdiiot-export-snapshot"
VERSION = 1


@dataclass(frozen=True)
class Snapshot:
    """The frozen recommendation: what the summary table, the package and the disc all print."""

    id: str
    created_at: datetime
    city: str
    campaign_id: str
    recommender: str  # 推荐单位, e.g. 韶关市工业和信息化局
    applications: tuple[Application, ...]  # recommended, in priority order
    warnings: tuple[str, ...]  # found when frozen (Word files, warnings of the rules)
    payload_sha256: str
    letter: str | None = None  # the recommendation letter's wording (text form), frozen with it

    @property
    def footer(self) -> str:
        """The line printed at the foot of every exported page."""
        return f"{self.recommender} 推荐材料 · 快照编号 {self.id}"

    def attachments(self) -> list[tuple[Application, Attachment]]:
        return [(app, att) for app in self.applications for att in app.attachments]


@dataclass(frozen=True)
class Preflight:
    """What freezing would find: errors that block, warnings to show first, the applications."""

    report: CheckReport
    recommended: list[Application]
    blocking: list[Violation]
    warnings: list[str]
    late: Violation | None  # the DEADLINE warning when exporting after the deadline

    @property
    def blocked(self) -> bool:
        return bool(self.blocking) or not self.recommended


def preflight(ws: Workspace, now: datetime) -> Preflight:
    """Check the recommendation as an export would, without writing anything."""
    apps = ApplicationService(ws).list()
    recommended = sorted((a for a in apps if a.is_recommended), key=lambda a: (a.priority or 0, a.id or 0))
    report = check_workspace(ws, now=now, apps=apps)
    ids = {a.id for a in recommended}
    mine = [v for v in report.violations if v.application_id is None or v.application_id in ids]
    blocking = [v for v in mine if v.blocks]
    late = next((v for v in mine if v.rule == "DEADLINE"), None)
    warnings = [
        _violation_text(v)
        for v in mine
        if not v.blocks and not v.is_overridden and v.grade is not Grade.HINT and v.rule != "DEADLINE"
    ]
    store = ws.db.store
    for app in recommended:
        for att in app.attachments:
            item = inspect(store, att)
            if item.problem is not None:
                warnings.append(
                    f"第{app.priority}位“{app.project_name}”：附件“{att.file_name}”{item.problem}"
                )
    return Preflight(report, recommended, blocking, warnings, late)


def blocked_error(pre: Preflight) -> ExportBlockedError | NothingRecommendedError:
    if not pre.recommended:
        return NothingRecommendedError("还没有推荐任何项目。请先在“推荐排序”中确定推荐项目及其顺序，再导出。")
    return ExportBlockedError(
        f"推荐项目中还有 {len(pre.blocking)} 个错误，不能导出。请逐一处理（修改、退回或记录接受理由）后再导出：",
        [_violation_text(v) for v in pre.blocking],
    )


def freeze(
    ws: Workspace,
    now: datetime,
    pre: Preflight | None = None,
    tick: Callable[[Attachment], None] | None = None,
    letter: str | None = None,
) -> Snapshot:
    """Freeze the recommendation (or reuse the identical snapshot frozen earlier the same day).

    Refused while an error-grade violation remains among the recommended applications, or when a
    stored attachment no longer matches its hash.
    """
    pre = pre or preflight(ws, now)
    if pre.blocked:
        raise blocked_error(pre)
    check_attachments(ws.db.store, [(a, x) for a in pre.recommended for x in a.attachments], tick)
    recommender = get_recommender(ws)  # the settings' 推荐单位, frozen into the snapshot
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "city": ws.city,
        "campaign_id": ws.campaign.id,
        "recommender": recommender,
        "applications": [application_to_json(a) for a in pre.recommended],
    }
    if letter is not None:
        payload["letter"] = letter  # another wording is another snapshot
    text = canonical_json(payload)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    snapshot_id = f"{now:%Y%m%d}-{digest[:8].upper()}"
    stored = StoredSnapshot(
        id=snapshot_id,
        created_at=now.replace(microsecond=0),
        actor=ws.operator,
        city=ws.city,
        campaign_id=ws.campaign.id,
        projects=len(pre.recommended),
        payload=text,
        payload_sha256=digest,
        warnings=tuple(pre.warnings),
    )
    with ws.db.session() as session:
        if add_snapshot(session, stored):
            ws.audit(
                session,
                "freeze",
                "export_snapshot",
                snapshot_id,
                {
                    "projects": [a.project_name for a in pre.recommended],
                    "payload_sha256": digest,
                    "warnings": pre.warnings,
                },
            )
    return load_snapshot(ws, snapshot_id)


def load_snapshot(ws: Workspace, snapshot_id: str) -> Snapshot:
    with ws.db.session() as session:
        stored = find_snapshot(session, snapshot_id.strip().upper())
    if stored is None:
        raise SnapshotNotFoundError(f"找不到快照 {snapshot_id}。可用 gdiiot snapshots 查看已有快照。")
    return _from_stored(stored)


def list_snapshots(ws: Workspace) -> list[tuple[str, datetime, int]]:
    """(id, created_at, projects) of every snapshot, newest first."""
    with ws.db.session() as session:
        return snapshot_list(session)


def _from_stored(stored: StoredSnapshot) -> Snapshot:
    if hashlib.sha256(stored.payload.encode("utf-8")).hexdigest() != stored.payload_sha256:
        raise SnapshotNotFoundError(f"快照 {stored.id} 的内容与其校验值不符（数据库可能被改动），不能使用。")
    data: dict[str, Any] = json.loads(stored.payload)
    return Snapshot(
        id=stored.id,
        created_at=stored.created_at,
        city=data["city"],
        campaign_id=data["campaign_id"],
        recommender=data["recommender"],
        applications=tuple(application_from_json(a) for a in data["applications"]),
        warnings=stored.warnings,
        payload_sha256=stored.payload_sha256,
        letter=data.get("letter"),
    )


def _violation_text(v: Violation) -> str:
    where = f"“{v.project}”：" if v.project else ""
    return f"{where}{v.message}（{v.rule}，{v.grade.label}）"
