"""The applications counted for the 统计图表, grouped in SQL: one row per county, category, direction,
status and central-enterprise flag, so a city of 10,000 applications is counted without loading them."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import ApplicantRecord, ApplicationRecord, County


class Tally(NamedTuple):
    county: str
    category_id: str
    direction_id: str
    status: str  # domain.enums.Status value
    central: bool  # the applicant is a central enterprise (outside the quota)
    n: int  # applications in this group


def application_tallies(session: Session) -> list[Tally]:
    rows = session.execute(
        select(
            County.name,
            ApplicationRecord.category_id,
            ApplicationRecord.direction_id,
            ApplicationRecord.status,
            ApplicantRecord.is_central_enterprise,
            func.count(),
        )
        .join(County, ApplicationRecord.county_id == County.id)
        .join(ApplicantRecord, ApplicationRecord.applicant_id == ApplicantRecord.id)
        .group_by(
            County.name,
            ApplicationRecord.category_id,
            ApplicationRecord.direction_id,
            ApplicationRecord.status,
            ApplicantRecord.is_central_enterprise,
        )
    ).all()
    return [
        Tally(county, cat, direction, status, bool(central), n)
        for county, cat, direction, status, central, n in rows
    ]
