"""What the exchange needs of an open database, whatever its campaign kind: a pilot Workspace and a
special-fund FundWorkspace are both offices. One trust model, one bundle journal, one refusal log for
both; only what a county bundle's applications are, and how the city merges them, differ by kind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ...storage.database import Database, Session


class CampaignRef(Protocol):
    @property
    def id(self) -> str: ...


class Office(Protocol):
    @property
    def db(self) -> Database: ...

    @property
    def city(self) -> str: ...

    @property
    def operator(self) -> str: ...

    @property
    def campaign(self) -> CampaignRef: ...

    @property
    def campaign_kind(self) -> str: ...

    @property
    def read_only(self) -> bool: ...

    def audit(
        self, session: Session, action: str, entity: str, entity_id: object, details: dict[str, object]
    ) -> None: ...


def kind_label(campaign_kind: str) -> str:
    """The Chinese name of a campaign kind (试点示范项目推荐, 专项资金项目申报)."""
    from ...domain.campaign_kinds import find_kind

    found = find_kind(campaign_kind)
    return found.label if found is not None else campaign_kind
