"""Export snapshots and export runs in the database: the only place their ORM queries live.

`services/exports` works with the plain `StoredSnapshot` and `ExportRun` values below and never
imports SQLAlchemy; a session is passed in so a write joins the caller's transaction (and its
audit entry).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models_exports import ExportRunRecord, ExportSnapshotRecord


@dataclass(frozen=True)
class StoredSnapshot:
    id: str
    created_at: datetime
    actor: str
    city: str
    campaign_id: str
    projects: int
    payload: str  # canonical JSON
    payload_sha256: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ExportRun:
    snapshot_id: str
    kind: str
    target: str
    at: datetime
    actor: str
    late: bool
    warnings: list[str]
    files: list[dict[str, Any]]


def find_snapshot(session: Session, snapshot_id: str) -> StoredSnapshot | None:
    record = session.get(ExportSnapshotRecord, snapshot_id)
    if record is None:
        return None
    return StoredSnapshot(
        id=record.id,
        created_at=record.created_at,
        actor=record.actor,
        city=record.city,
        campaign_id=record.campaign_id,
        projects=record.projects,
        payload=record.payload,
        payload_sha256=record.payload_sha256,
        warnings=tuple(json.loads(record.warnings or "[]")),
    )


def add_snapshot(session: Session, snapshot: StoredSnapshot) -> bool:
    """Store `snapshot` unless one of that id exists (snapshots are never changed); True if added."""
    if session.get(ExportSnapshotRecord, snapshot.id) is not None:
        return False
    session.add(
        ExportSnapshotRecord(
            id=snapshot.id,
            created_at=snapshot.created_at,
            actor=snapshot.actor,
            city=snapshot.city,
            campaign_id=snapshot.campaign_id,
            projects=snapshot.projects,
            payload=snapshot.payload,
            payload_sha256=snapshot.payload_sha256,
            warnings=json.dumps(list(snapshot.warnings), ensure_ascii=False),
        )
    )
    return True


def snapshot_list(session: Session) -> list[tuple[str, datetime, int]]:
    """(id, created_at, projects) of every snapshot, newest first."""
    rows = session.execute(
        select(ExportSnapshotRecord.id, ExportSnapshotRecord.created_at, ExportSnapshotRecord.projects).order_by(
            ExportSnapshotRecord.created_at.desc()
        )
    ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def add_export_run(session: Session, run: ExportRun) -> None:
    session.add(
        ExportRunRecord(
            snapshot_id=run.snapshot_id,
            kind=run.kind,
            target=run.target,
            at=run.at,
            actor=run.actor,
            late=run.late,
            warnings=json.dumps(run.warnings, ensure_ascii=False),
            files=json.dumps(run.files, ensure_ascii=False),
        )
    )
