"""Special-fund applications and their files inside one session: what the exchange reads and writes
when a county's fund bundle is exported or merged at the city (together with the bundle journal,
snapshots and audit entries, in one transaction). Services see domain objects, never the ORM.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.fund.files import FundFile
from ..domain.fund.model import FundApplication, FundStatus
from .fund_repository import add_attachment_row, fill_record, flat_fields, to_domain
from .models_fund import FundApplicationRecord, FundAttachmentRecord
from .repository import now_utc


class FundExchangeRepository:
    """Fund applications with their files, within the caller's unit of work."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- reading -----------------------------------------------------------------------------

    def load_all(self) -> list[tuple[FundApplication, list[FundFile]]]:
        query = select(FundApplicationRecord).options(selectinload(FundApplicationRecord.investments))
        records = self.session.scalars(query.order_by(FundApplicationRecord.id)).all()  # investments in one query
        files = self.files_by_application()
        return [(to_domain(r), files.get(r.id, [])) for r in records]

    def get(self, app_id: int) -> tuple[FundApplication, list[FundFile]] | None:
        record = self.session.get(FundApplicationRecord, app_id)
        if record is None:
            return None
        return to_domain(record), self.files_by_application(app_id).get(app_id, [])

    def files_by_application(self, app_id: int | None = None) -> dict[int, list[FundFile]]:
        query = select(FundAttachmentRecord).order_by(FundAttachmentRecord.id)
        if app_id is not None:
            query = query.where(FundAttachmentRecord.application_id == app_id)
        out: dict[int, list[FundFile]] = {}
        for r in self.session.scalars(query):
            out.setdefault(r.application_id, []).append(
                FundFile(r.file_name, r.sha256, r.size, r.category_id, r.material_id, r.id)
            )
        return out

    def county_names(self) -> list[str]:
        names = self.session.scalars(select(FundApplicationRecord.county).distinct()).all()
        return sorted(n for n in names if n)

    def updated_at(self, app_id: int) -> datetime | None:
        record = self.session.get(FundApplicationRecord, app_id)
        return record.updated_at if record is not None else None

    # --- writing ------------------------------------------------------------------------------

    def add(self, app: FundApplication) -> int:
        """A new application under its uid (the same in every office)."""
        stamp = now_utc()
        record = FundApplicationRecord(uid=app.uid, created_at=stamp)
        fill_record(record, app, stamp)
        self.session.add(record)
        self.session.flush()
        return record.id

    def save(self, app: FundApplication) -> dict[str, Any]:
        """Write `app` over its row; returns the changed fields as [old, new] (for the audit entry)."""
        assert app.id is not None
        record = self.session.get(FundApplicationRecord, app.id)
        if record is None:
            raise KeyError(app.id)
        before = flat_fields(to_domain(record))
        fill_record(record, app, now_utc())
        after = flat_fields(app)
        return {k: [before[k], after[k]] for k in after if before.get(k) != after[k]}

    def set_status(self, app_id: int, status: FundStatus) -> None:
        record = self.session.get(FundApplicationRecord, app_id)
        if record is None:
            raise KeyError(app_id)
        record.status = status.value
        if status is not FundStatus.POOLED:
            record.rank = None
        record.updated_at = now_utc()

    def close_rank_gaps(self) -> None:
        """Number the pooled (入库) applications 1, 2, 3… in their order, after one left the ranking."""
        self.session.flush()
        pooled = self.session.scalars(
            select(FundApplicationRecord)
            .where(FundApplicationRecord.status == FundStatus.POOLED.value)
            .order_by(FundApplicationRecord.rank, FundApplicationRecord.id)
        ).all()
        for n, record in enumerate(pooled, start=1):
            if record.rank != n:
                record.rank, record.updated_at = n, now_utc()

    def add_file(self, app_id: int, f: FundFile) -> int:
        return add_attachment_row(self.session, app_id, f).id

    def remove_file(self, file_id: int) -> None:
        record = self.session.get(FundAttachmentRecord, file_id)
        if record is not None:
            self.session.delete(record)
