"""A cancelled or failed export leaves no half file under a final name, and nothing staged."""

from __future__ import annotations

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
    left = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert not [p for p in left if p.endswith(".iso") or "光盘" in p or ".~" in p], left
    if phase != "正在生成纸质材料：第2位":
        assert "纸质材料/01_基于5G的陶瓷智能工厂建设.pdf" in left  # finished files stay complete
    for pdf in out.rglob("*.pdf"):
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")


def test_atomic_output_removes_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "汇总表.xlsx"
    with pytest.raises(StopError), atomic_output(target) as tmp:
        tmp.write_bytes(b"half")
        raise StopError
    assert list(tmp_path.iterdir()) == []
