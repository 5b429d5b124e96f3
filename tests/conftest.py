"""Shared fixtures: the shipped 2023 campaign."""

from __future__ import annotations

import pytest

from gdiiot_desktop.domain.campaign import Campaign, parse_campaign
from gdiiot_desktop.resources import campaign_file


@pytest.fixture(scope="session")
def campaign() -> Campaign:
    return parse_campaign(campaign_file().read_text(encoding="utf-8"))
