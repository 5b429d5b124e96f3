"""Fixtures: a county database with applications and files, its first bundle, and an empty city database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.workspace import Workspace

from .helpers import make_city, make_county


@dataclass
class Offices:
    county: Workspace
    city: Workspace
    bundle: Path
    folder: Path

    @property
    def city_path(self) -> Path:
        return self.city.db.path


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    (tmp_path / "county").mkdir()
    (tmp_path / "city").mkdir()
    county = make_county(tmp_path / "county")
    city = make_city(tmp_path / "city")
    bundle = tmp_path / "南海区-1.gdiiot"
    exchange.export_county_bundle(county, bundle)
    yield Offices(county, city, bundle, tmp_path)
    county.close()
    city.close()


@pytest.fixture
def city_db(offices: Offices) -> Path:
    """The city's database file, closed (tests open it themselves to compare the bytes)."""
    offices.city.close()
    return offices.city_path
