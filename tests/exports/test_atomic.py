"""A cancelled or failed export leaves nothing: no half file under a final name, no finished part
of the export either (all or nothing), and nothing staged; a failure says so in Chinese."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from gdiiot_desktop.services.exports import ExportKind, ExportRequest, run_export
from gdiiot_desktop.services.files import atomic_output
from tests.exports.builders import City


class StopError(Exception):
    pass


def _stop_at(words: str):  # type: ignore[no-untyped-def]
    def progress(done: int, total: int, text: str) -> None:
        if words in text:
            raise StopError

    return progress


@pytest.mark.parametrize("phase", ["正在生成纸质材料：第2位", "正在复制：第3位", "正在生成光盘镜像", "正在校验光盘镜像"])
def test_cancel_leaves_no_final_files(city: City, tmp_path: Path, phase: str) -> None:
    out = tmp_path / "out"
    request = ExportRequest(frozenset({ExportKind.PACKAGE, ExportKind.ISO}), out)
    with pytest.raises(StopError):
        run_export(city.ws, request, now=datetime(2023, 11, 28, 10), progress=_stop_at(phase))
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == []


def test_atomic_output_removes_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "汇总表.xlsx"
    with pytest.raises(StopError), atomic_output(target) as tmp:
        tmp.write_bytes(b"half")
        raise StopError
    assert list(tmp_path.iterdir()) == []


def test_a_failing_pdf_after_the_table_leaves_nothing_and_says_why(
    city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlab.platypus.doctemplate import LayoutError

    from gdiiot_desktop.services.exports import ExportError, exporter

    def broken(*args: object, **kwargs: object) -> None:
        raise LayoutError("Flowable too large")

    monkeypatch.setattr(exporter, "build_package", broken)
    out = tmp_path / "out"
    out.mkdir()
    (out / "以前的文件.txt").write_text("留着", encoding="utf-8")
    request = ExportRequest(frozenset({ExportKind.TABLE, ExportKind.PACKAGE}), out)
    with pytest.raises(ExportError, match="生成纸质材料时出错，导出已撤销") as caught:
        run_export(city.ws, request, now=datetime(2023, 11, 28, 10))
    assert "没有留下本次导出的任何文件" in str(caught.value)
    assert sorted(p.name for p in out.rglob("*")) == ["以前的文件.txt"]  # the table written first is gone too


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_an_output_file_is_an_ordinary_file_under_the_umask(tmp_path: Path) -> None:
    umask = os.umask(0o022)  # the test owns the process here: nothing else creates files meanwhile
    try:
        with atomic_output(tmp_path / "汇总表.xlsx") as tmp:
            tmp.write_bytes(b"x")
        assert (tmp_path / "汇总表.xlsx").stat().st_mode & 0o777 == 0o644
        assert [p.name for p in tmp_path.iterdir()] == ["汇总表.xlsx"]
    finally:
        os.umask(umask)


def test_a_full_disk_is_named_and_nothing_is_left(city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from gdiiot_desktop.services.exports import ExportError
    from gdiiot_desktop.services.exports import disc as disc_module

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(disc_module, "copy_verified", full)
    out = tmp_path / "out"
    with pytest.raises(ExportError, match="生成光盘文件夹时无法写入输出文件夹（磁盘空间不足）"):
        run_export(city.ws, ExportRequest(frozenset(ExportKind), out), now=datetime(2023, 11, 28, 10))
    assert list(out.rglob("*")) == []
