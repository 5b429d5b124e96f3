"""The city's counties (县/区) in the database: the only place their ORM queries live."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import ApplicationRecord, County


def counties_with_counts(session: Session) -> list[tuple[str, int]]:
    """(name, applications) of every county, in the order they were added."""
    counts: dict[int, int] = {
        county_id: n
        for county_id, n in session.execute(
            select(ApplicationRecord.county_id, func.count()).group_by(ApplicationRecord.county_id)
        )
    }
    rows = session.execute(select(County.id, County.name).order_by(County.id)).all()
    return [(name, counts.get(county_id, 0)) for county_id, name in rows]


def county_exists(session: Session, name: str) -> bool:
    return session.scalar(select(County.id).where(County.name == name)) is not None


def add_county(session: Session, name: str) -> None:
    session.add(County(name=name))


def rename_county(session: Session, old: str, new: str) -> bool:
    """Rename; False when there is no county `old`. Its applications follow (they refer to the row)."""
    record = session.scalar(select(County).where(County.name == old))
    if record is None:
        return False
    record.name = new
    return True


def applications_in(session: Session, name: str) -> int | None:
    """How many applications the county holds; None when there is no such county."""
    county_id = session.scalar(select(County.id).where(County.name == name))
    if county_id is None:
        return None
    used = session.scalar(
        select(func.count()).select_from(ApplicationRecord).where(ApplicationRecord.county_id == county_id)
    )
    return int(used or 0)


def delete_county(session: Session, name: str) -> None:
    record = session.scalar(select(County).where(County.name == name))
    if record is not None:
        session.delete(record)
