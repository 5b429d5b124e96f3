"""The applications a database holds, as returns (退回) and flags see them, whatever the campaign kind:
a uid, an id, names, the county and a status. Returns are kept by uid in the exchange tables; only
reading the applications and setting a returned or re-registered status differ by kind."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from ...domain.enums import Status
from ...domain.fund.model import FundStatus
from ...storage.exchange_repository import ExchangeRepository
from ...storage.fund_exchange_repository import FundExchangeRepository
from ...storage.repository import ApplicationRepository
from .format import FUND_KIND
from .office import Office

if TYPE_CHECKING:
    from ...storage.database import Session

RETURNED, REGISTERED, WITHDRAWN = "returned", "registered", "withdrawn"  # the same values in both kinds


@dataclass(frozen=True)
class Held:
    id: int
    uid: str
    project_name: str
    applicant_name: str
    county: str
    status: str  # the status's value (both kinds share registered, returned, withdrawn)


class Roster(Protocol):
    def held(self) -> dict[str, Held]: ...

    def set_status(self, app_id: int, status: str) -> dict[str, object]:
        """Set `status` (returned: out of the order; registered), returning the changes for the audit log."""
        ...

    def updated_at(self, app_id: int) -> datetime | None: ...

    def set_county(self, app_id: int, county: str) -> dict[str, object]:
        """Move the application to another county, returning the changes for the audit log."""
        ...


class PilotRoster:
    def __init__(self, session: Session) -> None:
        self.repo = ApplicationRepository(session)
        self.session = session

    def held(self) -> dict[str, Held]:
        return {
            a.uid: Held(a.id, a.uid, a.project_name, a.applicant.name, a.county, a.status.value)
            for a in self.repo.load_all()
            if a.id is not None
        }

    def set_status(self, app_id: int, status: str) -> dict[str, object]:
        app = self.repo.get(app_id)
        assert app is not None
        priority = None if status == RETURNED else app.priority
        _, changes = self.repo.save(replace(app, status=Status(status), priority=priority), before=app)
        return dict(changes)

    def updated_at(self, app_id: int) -> datetime | None:
        return ExchangeRepository(self.session).application_updated_at(app_id)

    def set_county(self, app_id: int, county: str) -> dict[str, object]:
        app = self.repo.get(app_id)
        assert app is not None
        _, changes = self.repo.save(replace(app, county=county), before=app)
        return dict(changes)


class FundRoster:
    def __init__(self, session: Session) -> None:
        self.repo = FundExchangeRepository(session)

    def held(self) -> dict[str, Held]:
        return {
            a.uid: Held(a.id, a.uid, a.project_name, a.enterprise, a.county, a.status.value)
            for a, _ in self.repo.load_all()
            if a.id is not None
        }

    def set_status(self, app_id: int, status: str) -> dict[str, object]:
        found = self.repo.get(app_id)
        assert found is not None
        app = found[0]
        rank = None if status == RETURNED else app.rank
        changes = self.repo.save(replace(app, status=FundStatus(status), rank=rank))
        if app.status is FundStatus.POOLED and rank is None:
            self.repo.close_rank_gaps()  # as services/fund/ranking.set_status: those below move up
        return changes

    def updated_at(self, app_id: int) -> datetime | None:
        return self.repo.updated_at(app_id)

    def set_county(self, app_id: int, county: str) -> dict[str, object]:
        found = self.repo.get(app_id)
        assert found is not None
        return self.repo.save(replace(found[0], county=county))


def roster(ws: Office, session: Session) -> Roster:
    return FundRoster(session) if ws.campaign_kind == FUND_KIND else PilotRoster(session)
