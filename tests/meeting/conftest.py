"""Fixtures of the meeting tests: a 韶关 database with applications, a meeting and a panel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.meeting.factory import World, make_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    made = make_world(tmp_path)
    yield made
    made.ws.close()
