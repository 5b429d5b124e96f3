"""`gdiiot export …` and `gdiiot snapshots` end to end: outputs, warnings, refusals and exit codes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.domain.enums import BuildStatus
from gdiiot_desktop.services.applications import ApplicationService
from tests.exports.builders import City


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_table_then_package_from_the_same_snapshot(city: City, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = city.ws.db.path
    city.ws.close()  # the CLI opens the database itself
    code, out, err = run(capsys, "--db", db, "export", "table", tmp_path / "out", "--at", "2023-11-28T10:00", "--json")
    assert code == 0, err
    first = json.loads(out)
    assert [Path(f).name for f in first["files"]] == [
        "2023年工业互联网试点示范推荐项目汇总表.xlsx", "2023年工业互联网试点示范推荐项目汇总表.pdf",
        "推荐函.docx", "推荐函.pdf",
    ]  # fmt: skip
    assert first["late"] is None and any("docx" in w for w in first["warnings"])
    code, out, err = run(capsys, "--db", db, "export", "package", tmp_path / "out", "--snapshot", first["snapshot"])
    assert code == 0, err
    assert f"快照编号：{first['snapshot']}" in out and "报送清单.pdf" in out
    code, out, _ = run(capsys, "--db", db, "snapshots")
    assert first["snapshot"] in out


def test_late_export_warns_on_stderr(city: City, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = city.ws.db.path
    city.ws.close()
    code, out, err = run(capsys, "--db", db, "export", "iso", tmp_path / "out", "--medium", "cd", "--at", "2023-12-08T18:00")
    assert code == 0, err
    assert "警告：已过报送截止时间" in err and "已校验" in out
    assert len(list((tmp_path / "out").glob("*.iso"))) == 1
    assert not (tmp_path / "out" / "光盘").exists()  # the tree was only a means to the ISO
    assert run(capsys, "verify", next((tmp_path / "out").glob("*.iso")))[0] == 0


def test_blocked_export_names_the_error_and_exits_2(city: City, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service = ApplicationService(city.ws)
    app = service.get(city.ids[0])
    service.save(replace(app, build_status=BuildStatus.NOT_BUILT))
    db = city.ws.db.path
    city.ws.close()
    code, _out, err = run(capsys, "--db", db, "export", "all", tmp_path / "out", "--at", "2023-11-28T10:00")
    assert code == 2
    assert "不能导出" in err and app.project_name in err and "PROJECT_NOT_BUILT" in err
    assert not any((tmp_path / "out").rglob("*.*")) if (tmp_path / "out").exists() else True


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (["export", "paper", str(tmp_path)], ["export", "iso", str(tmp_path), "--medium", "bluray"]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 2


def test_export_with_a_template_names_its_empty_columns_first(city: City, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.exports.official_template import make_official_template

    template = make_official_template(tmp_path / "附件4模板.xlsx")
    db = city.ws.db.path
    city.ws.close()
    code, out, err = run(capsys, "--db", db, "export", "table", tmp_path / "out", "--at", "2023-11-28T10:00", "--template", template)
    assert code == 0, err
    assert "将留空：审核意见" in err and "预留 5 行" in err
    assert err.index("将留空") < err.index("警告：汇总表模板中以下列")  # said before, and again after
