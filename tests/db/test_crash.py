"""Crash loop: kill a writer at random moments, then check every acknowledged save survived."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "crash_test.py"


@pytest.mark.slow
def test_killed_writer_loses_no_acknowledged_save(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("gdiiot_crash_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    try:
        spec.loader.exec_module(module)
        totals = module.run(20, tmp_path / "崩溃测试.sqlite3", seed=1234, verbose=False)
    finally:
        sys.modules.pop(spec.name, None)
    assert totals.failures == []
    assert totals.runs == 20 and totals.kills == 20
    assert totals.checked > 0
