"""Fixtures: a county database with applications and files, its first bundle, and an empty city database.

They are built once per session and copied for each test (copying is much faster than building).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.exchange.keys import OfficeSigner
from gdiiot_desktop.services.workspace import Workspace, open_workspace

from .fund_offices import fund, fund_template  # noqa: F401  (fixtures of the special-fund bundle tests)
from .helpers import CITY, COUNTY, make_city, make_county, pin_both, signer_of

BUNDLE = "南海区-1.gdiiot"


@dataclass
class Offices:
    county: Workspace
    city: Workspace
    bundle: Path
    folder: Path

    @property
    def city_path(self) -> Path:
        return self.city.db.path

    @property
    def signer(self) -> OfficeSigner:
        """The county's own key (crafted bundles signed with it test what lies behind the signature)."""
        return signer_of(self.county)


@pytest.fixture(scope="session")
def offices_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("offices")
    (folder / "county").mkdir()
    (folder / "city").mkdir()
    county = make_county(folder / "county")
    city = make_city(folder / "city")
    try:
        pin_both(county, city)  # each office has confirmed the other's key (first use is tested apart)
        exchange.export_county_bundle(county, folder / BUNDLE)
    finally:
        county.close()
        city.close()
    return folder


@pytest.fixture
def offices(tmp_path: Path, offices_template: Path) -> Iterator[Offices]:
    folder = tmp_path / "offices"
    shutil.copytree(offices_template, folder)
    county = open_workspace(folder / "county" / f"{COUNTY}.sqlite3")
    city = open_workspace(folder / "city" / f"{CITY}.sqlite3")
    yield Offices(county, city, folder / BUNDLE, folder)
    county.close()
    city.close()


@pytest.fixture
def city_db(offices: Offices) -> Path:
    """The city's database file, closed (tests open it themselves to compare the bytes)."""
    offices.city.close()
    return offices.city_path
