"""`verify` re-reads a disc folder or an ISO against its manifest: missing and altered files found."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.services.exports import VerifyInputError, verify
from tests.exports.conftest import Exported


@pytest.fixture
def disc(exported: Exported, tmp_path: Path) -> Path:
    copy = tmp_path / "E盘"
    shutil.copytree(exported.out / "光盘", copy)
    return copy


def test_intact_folder_and_iso(exported: Exported) -> None:
    assert verify(exported.out / "光盘").ok
    report = verify(exported.result.isos[0].path)
    assert report.ok and report.checked == len(report.manifest.files)


def test_changed_byte_and_missing_file(disc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    video = next(disc.rglob("*.mp4"))
    data = bytearray(video.read_bytes())
    data[len(data) // 2] ^= 0x01
    video.write_bytes(bytes(data))
    audit = next(disc.rglob("2021年度审计报告.pdf"))
    audit.unlink()
    (disc / "多余.txt").write_text("x", encoding="utf-8")
    report = verify(disc)
    assert not report.ok
    assert report.altered == [video.relative_to(disc).as_posix()]
    assert report.missing == [audit.relative_to(disc).as_posix()]
    assert report.extra == ["多余.txt"]
    assert main(["verify", str(disc)]) == 1
    out = capsys.readouterr().out
    assert "缺少" in out and "内容不符" in out and audit.name in out
    assert main(["verify", str(disc), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["missing"] == report.missing


def test_changed_byte_inside_the_iso(exported: Exported, tmp_path: Path) -> None:
    image = tmp_path / "copy.iso"
    shutil.copyfile(exported.result.isos[0].path, image)
    data = bytearray(image.read_bytes())
    index = (exported.out / "光盘" / "index.html").read_bytes()
    at = data.find(index)  # where index.html's bytes sit in the image
    assert at > 0
    data[at + len(index) // 2] ^= 0x20
    image.write_bytes(bytes(data))
    report = verify(image)
    assert not report.ok and report.altered == ["index.html"] and not report.missing


def test_tampered_manifest_is_noticed(disc: Path) -> None:
    manifest = disc / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["files"][0]["size"] += 0  # same content, re-written
    data["recommender"] = "别的单位"
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = verify(disc)
    assert not report.ok and any("manifest.json" in n for n in report.notes)


def test_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(VerifyInputError):
        verify(tmp_path)  # a folder with no manifest
    junk = tmp_path / "x.iso"
    junk.write_bytes(b"not an iso")
    with pytest.raises(VerifyInputError):
        verify(junk)
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")
    with pytest.raises(VerifyInputError):
        verify(tmp_path)
    assert main(["verify", str(tmp_path / "nothing")]) == 2
    assert "找不到" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("[" * 200_000 + "]" * 200_000, "嵌套层次过深"), ('{"parts": ' + "9" * 5000 + "}", "位数过多")],
)
def test_hostile_manifests_are_refused_with_a_message(tmp_path: Path, text: str, fragment: str) -> None:
    (tmp_path / "manifest.json").write_text(text, encoding="utf-8")
    with pytest.raises(VerifyInputError, match=fragment):
        verify(tmp_path)
