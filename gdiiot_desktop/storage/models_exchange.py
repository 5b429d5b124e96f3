"""SQLAlchemy models of county bundles, merges and returns (issue 5, migration 0004), and the offices'
 signing keys, pinned keys and board flags (issue 10, migration 0006)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text
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
    # The signed counter and the signer's fingerprint (format 2); "older" means a lower sequence
    # from the same key, never an earlier clock.
    sequence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    signer: Mapped[str | None] = mapped_column(String(64), nullable=True)


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


class OfficeKey(Base):
    """This office's Ed25519 signing key (one row). The private key stays in this database and its
    backups: whoever holds a copy of the database can sign in the office's name."""

    __tablename__ = "office_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32 bytes
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32 bytes
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PeerKey(Base):
    """Another office's key pinned here (a county's at the city, the city's at a county), with its history.

    The pin in force has `retired_at` NULL. After an audited key change the new pin holds only the
    fingerprint the person confirmed by phone; `public_key` is filled by the first bundle that matches.
    """

    __tablename__ = "peer_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_kind: Mapped[str] = mapped_column(String(8))  # "county" or "city"
    peer: Mapped[str] = mapped_column(Text, index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # the digits, without spaces
    public_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    pinned_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ExchangeFlag(Base):
    """A county bundle withdrew or changed an application in the city's recommended order: the order
    stays as the city made it, and the board shows the flag until the city clears it."""

    __tablename__ = "exchange_flags"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), index=True)
    county: Mapped[str] = mapped_column(Text)
    bundle_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # "withdrawn" or "changed"
    created_at: Mapped[datetime] = mapped_column(DateTime)
    cleared_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


__all__ = ["Base", "ExchangeBundle", "ExchangeFlag", "ExchangeReturn", "ExchangeSnapshot", "OfficeKey", "PeerKey"]
