"""Fixtures: one 韶关 city exported in full once per session (read-only tests share it)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from gdiiot_desktop.services.exports import ExportKind, ExportRequest, ExportResult, run_export
from tests.exports.builders import City, build_city

BEFORE_DEADLINE = datetime(2023, 11, 28, 9, 30)
AFTER_DEADLINE = datetime(2023, 12, 9, 10, 0)


@dataclass
class Exported:
    city: City
    result: ExportResult
    out: Path

    def one(self, pattern: str) -> Path:
        found = sorted(self.out.glob(pattern))
        assert len(found) == 1, (pattern, found)
        return found[0]


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    root = tmp_path_factory.mktemp("exported")
    city = build_city(root)
    out = root / "out"
    result = run_export(city.ws, ExportRequest(frozenset(ExportKind), out), now=BEFORE_DEADLINE)
    yield Exported(city, result, out)
    city.ws.close()


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    built = build_city(tmp_path)
    yield built
    built.ws.close()
