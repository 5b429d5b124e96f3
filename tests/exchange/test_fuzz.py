"""A short fuzz run for CI (~50 cases each): mutated bundles and intake sheets either import correctly or
are refused with a message and nothing written. benchmarks/fuzz_bundles.py runs 10,000."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from .fuzzing import BundleLab, Outcomes, SheetLab, bundle_case, sheet_case

SETTINGS = settings(
    max_examples=50, deadline=None, database=None, derandomize=True,
    suppress_health_check=list(HealthCheck),
)  # fmt: skip


@pytest.fixture(scope="module")
def bundle_lab(tmp_path_factory: pytest.TempPathFactory) -> BundleLab:
    return BundleLab(tmp_path_factory.mktemp("bundle-fuzz"))


@pytest.fixture(scope="module")
def sheet_lab(tmp_path_factory: pytest.TempPathFactory) -> SheetLab:
    return SheetLab(tmp_path_factory.mktemp("sheet-fuzz"))


def test_mutated_bundles_import_or_are_refused_cleanly(bundle_lab: BundleLab) -> None:
    outcomes = Outcomes()

    @SETTINGS
    @given(case=bundle_case(bundle_lab))
    def one(case: Path) -> None:
        bundle_lab.run(case, outcomes)

    one()
    assert outcomes.total() >= 50
    assert outcomes.counts["refused"] > 0


def test_mutated_intake_sheets_import_or_are_refused_cleanly(sheet_lab: SheetLab) -> None:
    outcomes = Outcomes()

    @SETTINGS
    @given(case=sheet_case(sheet_lab))
    def one(case: tuple[Path, bool]) -> None:
        sheet_lab.run(case[0], outcomes, case[1])

    one()
    assert outcomes.total() >= 50
