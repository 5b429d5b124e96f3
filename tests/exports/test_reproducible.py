"""A frozen snapshot exported again, on another day, gives the same bytes: every file of the
table, the packages, the disc tree (manifest.json, SHA256SUMS, index.html, 说明.txt) and the ISO."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pycdlib
import pycdlib.headervd
import pycdlib.pycdlib
import pycdlib.udf

from gdiiot_desktop.services.exports import ExportKind, ExportRequest, run_export
from gdiiot_desktop.services.exports.iso_clock import CLOCK_MODULES, RANDOM_MODULES
from tests.exports.builders import City

FROZEN = datetime(2023, 11, 28, 9, 30)
LATER = datetime(2023, 12, 20, 16, 5)  # three weeks on, after the deadline


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_re_exporting_a_snapshot_on_another_day_gives_identical_bytes(city: City, tmp_path: Path) -> None:
    first = run_export(city.ws, ExportRequest(frozenset(ExportKind), tmp_path / "a"), now=FROZEN)
    again = run_export(
        city.ws, ExportRequest(frozenset(ExportKind), tmp_path / "b", snapshot_id=first.snapshot.id), now=LATER
    )
    assert again.snapshot.id == first.snapshot.id
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert sorted(a) == sorted(b)
    assert any(name.endswith(".iso") for name in a) and any(name.endswith(".xlsx") for name in a)
    assert any(name.endswith("manifest.json") for name in a) and any(name.endswith("SHA256SUMS") for name in a)
    different = [name for name in a if a[name] != b[name]]
    assert different == []
    # The times inside are the snapshot's, not the clock's.
    xlsx = next(tmp_path.glob("a/汇总表/*.xlsx"))
    with zipfile.ZipFile(xlsx) as z:
        core = z.read("docProps/core.xml").decode("utf-8")
        assert all(info.date_time == (2023, 11, 28, 9, 30, 0) for info in z.infolist())
    assert "2023-11-28T09:30:00Z" in core and "<dcterms:modified" in core
    iso = pycdlib.PyCdlib()
    iso.open(str(next(tmp_path.glob("a/*.iso"))))
    try:
        created = iso.pvd.volume_creation_date
        assert (created.year, created.month, created.dayofmonth, created.hour, created.minute) == (2023, 11, 28, 9, 30)
        record = iso.get_record(joliet_path="/manifest.json")
        assert (record.date.years_since_1900 + 1900, record.date.month, record.date.day_of_month) == (2023, 11, 28)
    finally:
        iso.close()
    disc_file = next(tmp_path.glob("a/光盘/*/申报材料（打印版）.pdf"))
    assert datetime.fromtimestamp(disc_file.stat().st_mtime) == FROZEN


def test_the_clock_patch_still_reaches_pycdlib() -> None:
    # iso_clock replaces these module attributes while an image is built: they must still exist.
    assert set(CLOCK_MODULES) == {pycdlib.pycdlib, pycdlib.headervd, pycdlib.udf}
    for module in CLOCK_MODULES:
        assert hasattr(module, "time") and hasattr(module.time, "time")
    for module in RANDOM_MODULES:
        assert hasattr(module.random, "getrandbits")
