"""The exchange tables inside one session: bundle journal, merge snapshots, returns, keys, pins and flags.

The services in `services/exchange` ask this repository; they never write SQL themselves (issue 13).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .audit import canonical_json
from .models import ApplicationRecord, AuditEntry
from .models_exchange import (
    ExchangeBundle,
    ExchangeFlag,
    ExchangeReturn,
    ExchangeSnapshot,
    OfficeKey,
    PeerKey,
)
from .repository import now_utc

Flat = dict[str, Any]


class ExchangeRepository:
    """Reads and writes the exchange tables within the caller's unit of work."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- bundles ----------------------------------------------------------------------------------

    def seen(self, bundle_id: str, direction: str) -> ExchangeBundle | None:
        return self.session.scalar(
            select(ExchangeBundle).where(ExchangeBundle.bundle_id == bundle_id, ExchangeBundle.direction == direction)
        )

    def last_import(self, county: str, kind: str, signer: str | None = None) -> ExchangeBundle | None:
        """The last bundle of `kind` imported for `county` (from `signer` when given), by its counter."""
        query = select(ExchangeBundle).where(
            ExchangeBundle.county == county, ExchangeBundle.kind == kind, ExchangeBundle.direction == "in"
        )
        if signer is not None:
            query = query.where(ExchangeBundle.signer == signer)
        order = (ExchangeBundle.sequence.desc(), ExchangeBundle.id.desc())
        return self.session.scalar(query.order_by(*order).limit(1))

    def last_sequence_out(self, kind: str, county: str) -> int:
        """The highest counter this office has signed for bundles of `kind` about `county` (0: none yet)."""
        value = self.session.scalar(
            select(func.max(ExchangeBundle.sequence)).where(
                ExchangeBundle.direction == "out", ExchangeBundle.kind == kind, ExchangeBundle.county == county
            )
        )
        return int(value or 0)

    def add_bundle(self, record: ExchangeBundle) -> None:
        self.session.add(record)
        self.session.flush()

    def history(self) -> list[ExchangeBundle]:
        return list(self.session.scalars(select(ExchangeBundle).order_by(ExchangeBundle.id)))

    # --- snapshots --------------------------------------------------------------------------------

    def snapshots(self, county: str | None = None) -> dict[str, Flat]:
        query = select(ExchangeSnapshot)
        if county is not None:
            query = query.where(ExchangeSnapshot.county == county)
        return {s.uid: json.loads(s.data) for s in self.session.scalars(query)}

    def snapshot_county(self, uid: str) -> str | None:
        record = self.session.get(ExchangeSnapshot, uid)
        return record.county if record is not None else None

    def put_snapshot(self, uid: str, county: str, bundle_id: str, data: Flat) -> None:
        record = self.session.get(ExchangeSnapshot, uid)
        if record is None:
            record = ExchangeSnapshot(uid=uid)
            self.session.add(record)
        record.county, record.bundle_id, record.data, record.updated_at = county, bundle_id, canonical_json(data), now_utc()

    def move_snapshot(self, uid: str, county: str) -> None:
        record = self.session.get(ExchangeSnapshot, uid)
        if record is not None:
            record.county = county

    def drop_snapshot(self, uid: str) -> None:
        record = self.session.get(ExchangeSnapshot, uid)
        if record is not None:
            self.session.delete(record)

    # --- returns ----------------------------------------------------------------------------------

    def open_returns(self, side: str, uids: set[str] | None = None) -> list[ExchangeReturn]:
        query = select(ExchangeReturn).where(ExchangeReturn.side == side, ExchangeReturn.resolved_at.is_(None))
        if uids is not None:
            query = query.where(ExchangeReturn.uid.in_(uids))
        return list(self.session.scalars(query.order_by(ExchangeReturn.id)))

    def all_returns(self) -> list[ExchangeReturn]:
        return list(self.session.scalars(select(ExchangeReturn).order_by(ExchangeReturn.id)))

    def add_return(self, record: ExchangeReturn) -> None:
        self.session.add(record)
        self.session.flush()

    def application_updated_at(self, app_id: int) -> datetime | None:
        row = self.session.get(ApplicationRecord, app_id)
        return row.updated_at if row is not None else None

    # --- the audit log as a bundle carries it --------------------------------------------------------

    def audit_entries(self) -> list[AuditEntry]:
        return list(self.session.scalars(select(AuditEntry).order_by(AuditEntry.id)))

    def audit_of(self, action: str, limit: int = 200) -> list[AuditEntry]:
        """The newest entries with `action`, newest first (the exchange screen's list of refusals)."""
        query = select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id.desc()).limit(limit)
        return list(self.session.scalars(query))

    # --- this office's key ------------------------------------------------------------------------

    def office_key(self) -> OfficeKey | None:
        return self.session.scalar(select(OfficeKey).order_by(OfficeKey.id).limit(1))

    def add_office_key(self, private_key: bytes, public_key: bytes) -> OfficeKey:
        record = OfficeKey(private_key=private_key, public_key=public_key, created_at=now_utc())
        self.session.add(record)
        self.session.flush()
        return record

    # --- pinned keys of other offices ---------------------------------------------------------------

    def pin(self, peer_kind: str, peer: str) -> PeerKey | None:
        """The pin in force for a peer, if any."""
        return self.session.scalar(
            select(PeerKey)
            .where(PeerKey.peer_kind == peer_kind, PeerKey.peer == peer, PeerKey.retired_at.is_(None))
            .order_by(PeerKey.id.desc())
            .limit(1)
        )

    def pins(self, include_retired: bool = False) -> list[PeerKey]:
        query = select(PeerKey)
        if not include_retired:
            query = query.where(PeerKey.retired_at.is_(None))
        return list(self.session.scalars(query.order_by(PeerKey.peer_kind, PeerKey.peer, PeerKey.id)))

    def add_pin(
        self, peer_kind: str, peer: str, fingerprint: str, public_key: bytes | None, actor: str, reason: str
    ) -> PeerKey:
        record = PeerKey(
            peer_kind=peer_kind,
            peer=peer,
            fingerprint=fingerprint,
            public_key=public_key,
            pinned_at=now_utc(),
            actor=actor,
            reason=reason,
        )
        self.session.add(record)
        self.session.flush()
        return record

    # --- flags on the board ------------------------------------------------------------------------

    def add_flag(self, uid: str, county: str, bundle_id: str, kind: str) -> None:
        self.session.add(
            ExchangeFlag(uid=uid, county=county, bundle_id=bundle_id, kind=kind, created_at=now_utc())
        )

    def open_flags(self) -> list[ExchangeFlag]:
        query = select(ExchangeFlag).where(ExchangeFlag.cleared_at.is_(None)).order_by(ExchangeFlag.id)
        return list(self.session.scalars(query))

    def clear_flags(self, uid: str | None = None) -> int:
        count = 0
        for flag in self.open_flags():
            if uid is None or flag.uid == uid:
                flag.cleared_at = now_utc()
                count += 1
        return count


def summary_json(value: dict[str, Any]) -> str:
    return canonical_json(value)
