"""SQLAlchemy models of frozen export snapshots and the exports made from them (migration 0003)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class ExportSnapshotRecord(Base):
    """The city's recommendation frozen for export: applications, order and attachment hashes.

    `payload` is canonical JSON; its SHA-256 is part of the id, so a snapshot cannot change
    without its id changing. Snapshots are never updated or deleted.
    """

    __tablename__ = "export_snapshots"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # e.g. 20231128-3FA2C1D0
    created_at: Mapped[datetime] = mapped_column(DateTime)  # local time of the bureau's PC
    actor: Mapped[str] = mapped_column(Text)
    city: Mapped[str] = mapped_column(String(16))
    campaign_id: Mapped[str] = mapped_column(String(64))
    projects: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    payload_sha256: Mapped[str] = mapped_column(String(64), index=True)
    warnings: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of Chinese texts


class ExportRunRecord(Base):
    """One export made from a snapshot: what, where, when, by whom, and what was warned about."""

    __tablename__ = "export_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    snapshot_id: Mapped[str] = mapped_column(ForeignKey("export_snapshots.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # table | package | disc | iso
    target: Mapped[str] = mapped_column(Text)  # the output folder
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(Text)
    late: Mapped[bool] = mapped_column(Boolean, default=False)  # made after the deadline
    warnings: Mapped[str] = mapped_column(Text, default="[]")
    files: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{"path", "size", "sha256"}]


__all__ = ["Base", "ExportRunRecord", "ExportSnapshotRecord"]
