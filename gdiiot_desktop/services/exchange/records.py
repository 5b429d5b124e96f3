"""The exchange tables inside one session: the bundle journal, merge snapshots and returns."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...storage.audit import canonical_json
from ...storage.models_exchange import ExchangeBundle, ExchangeReturn, ExchangeSnapshot
from ...storage.repository import now_utc
from .codec import Flat


class ExchangeRecords:
    """Reads and writes the exchange tables within the caller's unit of work."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- bundles ----------------------------------------------------------------------------------

    def seen(self, bundle_id: str, direction: str) -> ExchangeBundle | None:
        return self.session.scalar(
            select(ExchangeBundle).where(ExchangeBundle.bundle_id == bundle_id, ExchangeBundle.direction == direction)
        )

    def last_import(self, county: str, kind: str) -> ExchangeBundle | None:
        return self.session.scalar(
            select(ExchangeBundle)
            .where(ExchangeBundle.county == county, ExchangeBundle.kind == kind, ExchangeBundle.direction == "in")
            .order_by(ExchangeBundle.exported_at.desc(), ExchangeBundle.id.desc())
            .limit(1)
        )

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

    def put_snapshot(self, uid: str, county: str, bundle_id: str, data: Flat) -> None:
        record = self.session.get(ExchangeSnapshot, uid)
        if record is None:
            record = ExchangeSnapshot(uid=uid)
            self.session.add(record)
        record.county, record.bundle_id, record.data, record.updated_at = county, bundle_id, canonical_json(data), now_utc()

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


def summary_json(value: dict[str, Any]) -> str:
    return canonical_json(value)
