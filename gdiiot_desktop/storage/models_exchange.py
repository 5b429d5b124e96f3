"""SQLAlchemy models of county bundles, merges and returns (issue 5); tables created by migration 0004."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class ExchangeBundle(Base):
    """One bundle this office exported or imported: the journal that makes imports idempotent."""

    __tablename__ = "exchange_bundles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(32), index=True)
    direction: Mapped[str] = mapped_column(String(8))  # "in" (imported) or "out" (exported)
    kind: Mapped[str] = mapped_column(String(16))  # "county" or "return"
    county: Mapped[str] = mapped_column(Text, index=True)
    campaign_id: Mapped[str] = mapped_column(String(64))
    city: Mapped[str] = mapped_column(Text)
    exported_at: Mapped[datetime] = mapped_column(DateTime)
    processed_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(Text)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    audit_head_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    audit_head_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON: counts and findings


class ExchangeSnapshot(Base):
    """The county's version of an application as last imported: the base of the next three-way merge."""

    __tablename__ = "exchange_snapshots"
    uid: Mapped[str] = mapped_column(String(32), primary_key=True)
    county: Mapped[str] = mapped_column(Text, index=True)
    bundle_id: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text)  # canonical JSON of the county-owned fields
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ExchangeReturn(Base):
    """An application returned (退回) by the city with its reason, on the city's or the county's side."""

    __tablename__ = "exchange_returns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), index=True)
    side: Mapped[str] = mapped_column(String(8))  # "city" (made here) or "county" (received here)
    county: Mapped[str] = mapped_column(Text)
    project_name: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    returned_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(Text)
    bundle_id: Mapped[str | None] = mapped_column(String(32), nullable=True)  # the return bundle
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(32), nullable=True)  # the county bundle


__all__ = ["Base", "ExchangeBundle", "ExchangeReturn", "ExchangeSnapshot"]
