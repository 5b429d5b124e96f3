"""The campaign a database works under and its basic settings: stored once at creation, read at every opening."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..domain.campaign import Campaign, Direction
from .models import ApplicationRecord, CampaignRecord, DirectionRecord, Setting
from .quick_read import direction_from_row, stored_campaign
from .repository import now_utc


def store_campaign(session: Session, campaign: Campaign, city: str) -> None:
    """A new database's campaign (its file's text verbatim) and city."""
    session.add(
        CampaignRecord(
            id=campaign.id,
            source_text=campaign.source_text,
            directions_confirmed=campaign.directions_confirmed,
            loaded_at=now_utc(),
        )
    )
    session.add(Setting(key="city", value=city))
    session.add(Setting(key="campaign_id", value=campaign.id))


def read_settings(session: Session) -> dict[str, str]:
    return {s.key: s.value for s in session.scalars(select(Setting))}


def load_stored_campaign(session: Session) -> Campaign | None:
    """The database's campaign with the user's direction list; None when the record is missing."""
    campaign_id = session.scalar(select(Setting.value).where(Setting.key == "campaign_id"))
    record = session.get(CampaignRecord, campaign_id)
    if record is None:
        return None
    rows = session.execute(
        select(
            DirectionRecord.id,
            DirectionRecord.no,
            DirectionRecord.category_id,
            DirectionRecord.name,
            DirectionRecord.authorities,
        )
        .where(DirectionRecord.campaign_id == record.id)
        .order_by(DirectionRecord.no)
    ).all()
    # Validated against the schema when the database was created from the file.
    return stored_campaign(
        record.source_text, record.id, [direction_from_row(r) for r in rows], record.directions_confirmed
    )


def direction_use(session: Session) -> dict[str, int]:
    """How many applications use each direction id."""
    return {
        direction_id: count
        for direction_id, count in session.execute(
            select(ApplicationRecord.direction_id, func.count()).group_by(ApplicationRecord.direction_id)
        )
    }


def replace_directions(session: Session, campaign_id: str, directions: Sequence[Direction], *, confirmed: bool) -> None:
    """The campaign's direction list, replaced whole, and whether the user confirmed it."""
    session.execute(delete(DirectionRecord).where(DirectionRecord.campaign_id == campaign_id))
    for d in directions:
        session.add(
            DirectionRecord(
                campaign_id=campaign_id,
                id=d.id,
                no=d.no,
                category_id=d.category_id,
                name=d.name,
                authorities=d.authority_text,
            )
        )
    record = session.get(CampaignRecord, campaign_id)
    assert record is not None, "a database always holds its campaign"
    record.directions_confirmed = confirmed
