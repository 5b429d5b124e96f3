"""The ISO read back with pycdlib: Joliet and UDF names in Chinese, every file's SHA-256 equal to the
manifest; the Joliet name-length patch; xorriso's view when it is installed."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pycdlib
import pytest

from gdiiot_desktop.services.exports.iso import DiscPyCdlib, build_iso
from tests.exports.conftest import Exported


def _files(iso: pycdlib.PyCdlib, kind: str) -> set[str]:
    out = set()
    for root, _dirs, files in iso.walk(**{kind: "/"}):
        out |= {(root.rstrip("/") + "/" + f).lstrip("/") for f in files}
    return out


def _read(iso: pycdlib.PyCdlib, **path: str) -> bytes:
    buffer = io.BytesIO()
    iso.get_file_from_iso_fp(buffer, **path)
    return buffer.getvalue()


def test_iso_holds_the_tree_under_chinese_names(exported: Exported) -> None:
    image = exported.result.isos[0].path
    iso = pycdlib.PyCdlib()
    iso.open(str(image))
    try:
        assert iso.has_joliet() and iso.has_udf()
        manifest = json.loads(_read(iso, joliet_path="/manifest.json"))
        assert manifest["snapshot_id"] == exported.result.snapshot.id
        listed = {f["path"] for f in manifest["files"]}
        joliet, udf = _files(iso, "joliet_path"), _files(iso, "udf_path")
        assert joliet == udf == listed | {"manifest.json", "SHA256SUMS"}
        assert "01_基于5G的陶瓷智能工厂建设/01_申报书/项目申报书.pdf" in joliet
        for f in manifest["files"]:
            for kind in ("joliet_path", "udf_path"):
                data = _read(iso, **{kind: "/" + f["path"]})
                assert hashlib.sha256(data).hexdigest() == f["sha256"], (kind, f["path"])
        assert len(_files(iso, "iso_path")) == len(joliet)  # plain ISO 9660 names for old readers
    finally:
        iso.close()


def test_joliet_patch_counts_utf16_units(tmp_path: Path) -> None:
    # The method the patch replaces must still exist in pycdlib (else the patch silently does nothing).
    assert "_joliet_name_and_parent_from_path" in vars(pycdlib.PyCdlib)
    tree = tmp_path / "tree"
    tree.mkdir()
    name64 = "工" * 60 + ".pdf"
    (tree / name64).write_bytes(b"x")
    image = tmp_path / "a.iso"
    build_iso(tree, image, "TEST")
    iso = pycdlib.PyCdlib()
    iso.open(str(image))
    assert _files(iso, "joliet_path") == {name64}
    iso.close()
    plain = pycdlib.PyCdlib()
    plain.new(interchange_level=3, joliet=3)
    with pytest.raises(pycdlib.pycdlibexception.PyCdlibInvalidInput):  # what the patch fixes
        plain.add_fp(io.BytesIO(b"x"), 1, "/A.PDF;1", joliet_path="/" + name64)
    patched = DiscPyCdlib()
    patched.new(interchange_level=3, joliet=3)
    patched.add_fp(io.BytesIO(b"x"), 1, "/A.PDF;1", joliet_path="/" + name64)
    with pytest.raises(pycdlib.pycdlibexception.PyCdlibInvalidInput):
        patched.add_fp(io.BytesIO(b"x"), 1, "/B.PDF;1", joliet_path="/" + "工" * 61 + ".pdf")


@pytest.mark.skipif(shutil.which("xorriso") is None, reason="xorriso is not installed")
def test_xorriso_reads_the_joliet_names(exported: Exported) -> None:
    image = exported.result.isos[0].path
    out = subprocess.run(
        ["xorriso", "-indev", str(image), "-find", "/", "-type", "f"], capture_output=True, text=True, check=True
    ).stdout
    assert "01_基于5G的陶瓷智能工厂建设/10_视频/项目视频.mp4" in out


def test_data_copy_override_and_its_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "_output_file_data" in vars(pycdlib.PyCdlib)
    tree = tmp_path / "tree"
    (tree / "视频").mkdir(parents=True)
    blobs = {"视频/a.mp4": bytes(range(256)) * 40_000 + b"tail", "b.pdf": b"%PDF-1.4 x", "空.txt": b""}
    for rel, data in blobs.items():
        (tree / rel).write_bytes(data)
    images = [tmp_path / "kernel.iso", tmp_path / "python.iso"]
    build_iso(tree, images[0], "TEST")
    monkeypatch.delattr(os, "copy_file_range", raising=False)
    build_iso(tree, images[1], "TEST")
    for image in images:
        iso = pycdlib.PyCdlib()
        iso.open(str(image))
        try:
            for rel, data in blobs.items():
                assert _read(iso, udf_path="/" + rel) == data, (image.name, rel)
        finally:
            iso.close()


def test_plain_iso9660_names_and_volume_label_are_readable(exported: Exported) -> None:
    iso = pycdlib.PyCdlib()
    iso.open(str(exported.result.isos[0].path))
    try:
        assert iso.pvd.volume_identifier.decode("ascii").strip() == "SHAOGUAN_2023_1"
        names = _files(iso, "iso_path")
    finally:
        iso.close()
    for expected in (
        "README.TXT;1", "INDEX.HTML;1", "00_SUMMARY_TABLE/SUMMARY_TABLE_2023.XLSX;1", "PROJECT_01/PACKAGE.PDF;1",
        "PROJECT_01/02_AUDIT_REPORT/AUDIT_REPORT_2021.PDF;1", "PROJECT_01/10_VIDEO/VIDEO.MP4;1",
    ):  # fmt: skip
        assert expected in names, sorted(names)
