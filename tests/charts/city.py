"""A 佛山 city database for the charts, built through the services on a real SQLite file, with figures
known by construction: 12 applications in three counties (and a fourth county with none), three
directions in two categories, ten recommended (one a central enterprise, so 9 take quota against
佛山's 8), one withdrawn."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from gdiiot_desktop.demo import generate_applications, make_uscc
from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.services import settings as settings_service
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.workspace import Workspace, create_workspace
from gdiiot_desktop.storage.repository import ApplicationRepository

CITY = "佛山"
COUNTIES = ["禅城区"] * 5 + ["南海区"] * 4 + ["顺德区"] * 3
EMPTY_COUNTY = "高明区"
RECOMMENDED = [0, 1, 2, 3, 6, 7, 9, 10, 11, 5]  # positions in the order
CENTRAL = 2
WITHDRAWN = 4


@dataclass
class ChartsCity:
    ws: Workspace
    ids: list[int]
    categories: tuple[str, str]  # names of the two categories used
    directions: tuple[str, str, str]  # "no. name" of the three directions used


def build_charts_city(folder: Path, city: str = CITY) -> ChartsCity:
    ws = create_workspace(folder / f"{city}.sqlite3", city, operator="测试员")
    campaign = ws.campaign
    cat_a, cat_b = campaign.categories[0], campaign.categories[1]
    d1, d2 = campaign.directions_of(cat_a.id)[:2]
    d3 = campaign.directions_of(cat_b.id)[0]
    plan = [d1] * 6 + [d2] * 3 + [d3] * 3
    apps = generate_applications(campaign, city, 12, seed=11, counties=sorted(set(COUNTIES)))
    rng = random.Random(11)
    division = campaign.city(city).division  # type: ignore[union-attr]
    made = []
    for i, app in enumerate(apps):  # one applicant each, so the central flag is this project's alone
        applicant = replace(app.applicant, uscc=make_uscc(rng, division), name=f"{app.applicant.name}{i + 1}",
                            is_central_enterprise=i == CENTRAL)  # fmt: skip
        made.append(replace(app, county=COUNTIES[i], category_id=plan[i].category_id, direction_id=plan[i].id,
                            applicant=applicant))  # fmt: skip
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        ids = [repo.save(app, diff=False)[0] for app in made]
    settings_service.add_county(ws, EMPTY_COUNTY)
    service = ApplicationService(ws)
    service.set_order([ids[i] for i in RECOMMENDED])
    service.set_status(ids[WITHDRAWN], Status.WITHDRAWN, "企业放弃申报")
    return ChartsCity(ws, ids, (cat_a.name, cat_b.name), tuple(f"{d.no}. {d.name}" for d in (d1, d2, d3)))  # type: ignore[arg-type]
