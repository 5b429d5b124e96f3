"""ISO images of awkward names, read back with pycdlib: ASCII of odd and even length (pycdlib's
UDF reader used to decode an ASCII folder with its child's UTF-16), mixed, emoji, right-to-left,
Windows-reserved and maximum length. UDF keeps the full names, Joliet the shortened ones (≤ 64
units, marked "…"), ISO 9660 readable ASCII; every file reads back intact through each tree."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from pathlib import Path

import pycdlib
import pytest

from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exports import ExportKind, ExportRequest, run_export, verify
from gdiiot_desktop.services.exports.iso import DiscPyCdlib, build_iso
from gdiiot_desktop.services.exports.names import (
    JOLIET_MAX,
    MARK,
    PATH_MAX,
    PROJECT_MAX,
    fits_windows_path,
    joliet_paths,
    project_folder,
    safe_name,
    utf16_units,
)
from tests.exports.builders import City

NAMES = {
    "ascii-odd": "iMES Platform",
    "ascii-even": "ABCD",
    "ascii-one": "A",
    "mixed": "基于5G+MEC的iMES平台（二期）",
    "emoji": "智能工厂🏭数字孪生😀平台",
    "rtl-arabic": "منصة الإنترنت الصناعي",
    "rtl-hebrew": "פלטפורמה תעשייתית",
    "reserved-con": "CON",
    "reserved-com1": "com1.项目",
    "forbidden": 'a:b*c?"d<e>f|g;h',
    "max-chinese": "基于工业互联网平台的智能制造" * 72,  # 1,000 characters: the bundle's cap
    "max-ascii": "Industrial Internet Platform " * 40,
    "max-emoji": "🏭" * 300,
}


def _walk(iso: pycdlib.PyCdlib, kind: str) -> set[str]:
    out = set()
    for root, _dirs, files in iso.walk(**{kind: "/"}):
        out |= {(root.rstrip("/") + "/" + f).lstrip("/") for f in files}
    return out


def _read(iso: pycdlib.PyCdlib, **path: str) -> bytes:
    buffer = io.BytesIO()
    iso.get_file_from_iso_fp(buffer, **path)
    return buffer.getvalue()


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_iso_of_a_name_reads_back_through_every_tree(tmp_path: Path, name: str) -> None:
    folder = project_folder(1, name)
    files = {
        f"{folder}/01_申报书/{safe_name(name + '.pdf')}": b"%PDF-1.4 form",
        f"{folder}/{safe_name(name + ' 说明.txt')}": b"readme",
        f"{safe_name(name)}.txt": b"root",
        "index.html": b"<html></html>",
    }
    tree = tmp_path / "tree"
    for rel, data in files.items():
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_bytes(data)
        assert utf16_units(rel) <= PATH_MAX and fits_windows_path(rel)
    image = tmp_path / "a.iso"
    build_iso(tree, image, "TEST_2023_1", at=datetime(2023, 11, 28, 9, 30))
    joliet = joliet_paths(files)

    iso = DiscPyCdlib()
    iso.open(str(image))
    try:
        assert _walk(iso, "udf_path") == set(files)  # UDF: the full names
        assert _walk(iso, "joliet_path") == set(joliet.values())
        for rel, short in joliet.items():
            assert all(utf16_units(part) <= JOLIET_MAX for part in short.split("/"))
            if short != rel:
                assert MARK in short  # shortened visibly, never silently
        for path in _walk(iso, "iso_path"):
            assert re.fullmatch(r"[A-Z0-9_/.;]+", path), path
    finally:
        iso.close()
    plain = pycdlib.PyCdlib()  # stock pycdlib reads every file by its path in each tree
    plain.open(str(image))
    try:
        for rel, data in files.items():
            assert _read(plain, udf_path="/" + rel) == data
            assert _read(plain, joliet_path="/" + joliet[rel]) == data
    finally:
        plain.close()


def test_export_of_ascii_emoji_and_long_names_verifies(city: City, tmp_path: Path) -> None:
    service = ApplicationService(city.ws)
    renamed = ["iMES Platform", "ABCD", "智能工厂🏭数字孪生平台" + "基于工业互联网的协同管控与绿色低碳" * 4]
    for app_id, new_name in zip(city.ids, renamed, strict=True):
        app = service.get(app_id)
        service.save(app.__class__(**{**app.__dict__, "project_name": new_name}))
    out = tmp_path / "out"
    result = run_export(city.ws, ExportRequest(frozenset({ExportKind.PACKAGE, ExportKind.ISO}), out), now=datetime(2023, 11, 28, 10))
    assert [r.ok for r in result.verified] == [True]
    report = verify(result.isos[0].path)
    assert report.ok and not report.missing
    # Paper and disc agree: each package PDF is named after its project's disc folder.
    iso = DiscPyCdlib()
    iso.open(str(result.isos[0].path))
    try:
        manifest = json.loads(_read(iso, udf_path="/manifest.json"))
        readme = _read(iso, udf_path="/说明.txt")
        udf_dirs = {root.strip("/") for root, _d, _f in iso.walk(udf_path="/")}
    finally:
        iso.close()
    folders = [p["folder"] for p in manifest["projects"]]
    assert sorted(f"{f}.pdf" for f in folders) == sorted(p.name for p in (out / "纸质材料").glob("0*.pdf"))
    assert set(folders) <= udf_dirs
    long_folder = folders[2]
    assert long_folder.endswith(MARK) and utf16_units(long_folder) == PROJECT_MAX
    assert any(f.get("joliet") for f in manifest["files"])  # the long folder's Joliet path is listed
    # Copied under a typical Windows base folder, no path passes MAX_PATH (disc and paper alike).
    assert all(fits_windows_path(f["path"]) for f in manifest["files"])
    assert all(fits_windows_path(f"纸质材料/{p.name}") for p in (out / "纸质材料").iterdir())
    text = readme.decode("utf-8")
    assert readme.startswith(b"\xef\xbb\xbf") and "\r\n" in text
    assert renamed[2] in text and "iMES Platform" in text  # the full names, uncut
    assert "在只读取 Joliet 目录的电脑上显示为" in text


def test_a_drive_showing_joliet_names_still_verifies(city: City, tmp_path: Path) -> None:
    service = ApplicationService(city.ws)
    app = service.get(city.ids[0])
    service.save(app.__class__(**{**app.__dict__, "project_name": "基于工业互联网平台的协同管控与绿色低碳" * 4}))
    result = run_export(city.ws, ExportRequest(frozenset({ExportKind.DISC}), tmp_path / "out"), now=datetime(2023, 11, 28, 10))
    disc = result.discs[0].folder
    manifest = json.loads((disc / "manifest.json").read_text(encoding="utf-8"))
    long_folder = manifest["projects"][0]["folder"]
    joliet_folder = next(f["joliet"] for f in manifest["files"] if f["path"].startswith(long_folder + "/")).split("/")[0]
    assert joliet_folder != long_folder and utf16_units(joliet_folder) == JOLIET_MAX and joliet_folder.endswith(MARK)
    (disc / long_folder).rename(disc / joliet_folder)  # what a Linux mount of the Joliet tree shows
    report = verify(disc)
    assert report.ok, report.lines()
    (disc / joliet_folder / "申报材料（打印版）.pdf").write_bytes(b"tampered")
    assert not verify(disc).ok  # tampering is still caught under the Joliet names


def test_an_output_folder_too_deep_for_windows_is_refused_before_copying(
    city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gdiiot_desktop.services.exports import ExportError, exporter

    monkeypatch.setattr(exporter, "WINDOWS_PATHS", True)
    deep = tmp_path.joinpath(*["很深的文件夹名称" * 3] * 8)
    with pytest.raises(ExportError, match="输出文件夹的路径太长"):
        run_export(city.ws, ExportRequest(frozenset({ExportKind.DISC}), deep), now=datetime(2023, 11, 28, 10))
    assert [p for p in deep.rglob("*")] == []
    shallow = run_export(city.ws, ExportRequest(frozenset({ExportKind.DISC}), tmp_path / "out"), now=datetime(2023, 11, 28, 10))
    assert shallow.discs  # a short folder passes the same check
