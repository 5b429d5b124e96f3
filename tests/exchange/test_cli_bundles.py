"""`gdiiot bundle …` end to end: export, diff, import with --prefer, mark-return, return, returns; exit codes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.services.applications import ApplicationService

from .helpers import make_city, make_county


def test_cli_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "county").mkdir()
    (tmp_path / "city").mkdir()
    county = make_county(tmp_path / "county")
    county_db = county.db.path
    county.close()
    city = make_city(tmp_path / "city")
    city_db = city.db.path
    city.close()
    first = tmp_path / "南海区.gdiiot"

    assert main(["--db", str(county_db), "bundle", "export", str(first)]) == 0
    assert "已导出南海区数据包（第 1 号）" in capsys.readouterr().out
    assert main(["--db", str(county_db), "keys", "fingerprint", "--json"]) == 0
    county_fp = json.loads(capsys.readouterr().out)["fingerprint"]
    assert len(county_fp.split()) == 6 and all(len(g) == 5 and g.isdigit() for g in county_fp.split())
    # A look is allowed before the key is confirmed, and says what to check by phone.
    assert main(["--db", str(city_db), "bundle", "diff", str(first)]) == 0
    out = capsys.readouterr().out
    assert "尚未确认" in out and county_fp in out
    assert main(["--db", str(city_db), "bundle", "diff", str(first), "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert [a["state"] for a in diff["applications"]] == ["added"] * 4
    assert diff["trust"] == {"state": "unconfirmed", "fingerprint": county_fp}
    # The first import needs the confirmed fingerprint; a wrong one is refused.
    assert main(["--db", str(city_db), "bundle", "import", str(first)]) == 2
    err = capsys.readouterr().err
    assert "第一次导入南海区" in err and county_fp in err and "Traceback" not in err
    assert main(["--db", str(city_db), "bundle", "import", str(first), "--trust", "1" * 30]) == 2
    assert "不符" in capsys.readouterr().err
    assert main(["--db", str(city_db), "bundle", "import", str(first), "--trust", county_fp]) == 0
    assert "新增 4 项" in capsys.readouterr().out
    assert main(["--db", str(city_db), "bundle", "import", str(first)]) == 0
    assert "已导入过" in capsys.readouterr().out
    assert main(["--db", str(city_db), "keys", "list", "--json"]) == 0
    pins = json.loads(capsys.readouterr().out)
    assert [(p["peer"], p["fingerprint"]) for p in pins] == [("南海区", county_fp)]

    assert main(["--db", str(city_db), "bundle", "mark-return", "1", "--reason", "缺少审计报告"]) == 0
    assert main(["--db", str(city_db), "bundle", "mark-return", "2", "--reason", " "]) == 2
    back = tmp_path / "退回.gdiiot"
    assert main(["--db", str(city_db), "bundle", "return", "--county", "南海区", str(back)]) == 0
    capsys.readouterr()
    assert main(["--db", str(county_db), "bundle", "diff", str(back), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)  # the JSON alone, a return bundle too
    assert (shown["kind"], shown["county"], [r["reason"] for r in shown["returns"]]) == (
        "return", "南海区", ["缺少审计报告"]
    )  # fmt: skip
    assert main(["--db", str(county_db), "bundle", "import", str(back)]) == 2
    assert "第一次导入佛山市局" in capsys.readouterr().err
    assert main(["--db", str(city_db), "keys", "fingerprint", "--json"]) == 0
    city_fp = json.loads(capsys.readouterr().out)["fingerprint"]
    assert main(["--db", str(county_db), "bundle", "import", str(back), "--trust", city_fp]) == 0
    assert "缺少审计报告" in capsys.readouterr().out
    assert main(["--db", str(county_db), "bundle", "returns", "--json"]) == 0
    returns = json.loads(capsys.readouterr().out)
    assert [r["reason"] for r in returns] == ["缺少审计报告"]

    # A conflict: refused without a decision (exit 2), merged with --prefer county.
    from gdiiot_desktop.services.workspace import open_workspace

    for path, value in ((county_db, 111.0), (city_db, 222.0)):
        ws = open_workspace(path)
        try:
            app = next(a for a in ApplicationService(ws).list() if a.uid == returns[0]["uid"])
            ApplicationService(ws).save(replace(app, total_investment=value))
        finally:
            ws.close()
    second = tmp_path / "南海区-2.gdiiot"
    assert main(["--db", str(county_db), "bundle", "export", str(second)]) == 0
    template = tmp_path / "decisions.json"
    assert main(["--db", str(city_db), "bundle", "diff", str(second), "--decisions-template", str(template)]) == 0
    out = capsys.readouterr().out
    assert "冲突 总投资（万元）" in out and "已确认的密钥" in out
    assert main(["--db", str(city_db), "bundle", "import", str(second)]) == 2
    assert "冲突" in capsys.readouterr().err
    decided = json.loads(template.read_text(encoding="utf-8"))
    decided["decisions"][0]["choose"] = "county"
    template.write_text(json.dumps(decided, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(city_db), "bundle", "import", str(second), "--decisions", str(template)]) == 0
    assert "更新 1 项" in capsys.readouterr().out
    assert main(["--db", str(city_db), "list", "--json"]) == 0
    capsys.readouterr()
    assert main(["--db", str(city_db), "bundle", "export", str(tmp_path / "x.gdiiot"), "--county", "无此区"]) == 2
    assert "没有“无此区”" in capsys.readouterr().err


@pytest.mark.parametrize("county", ["天河区", "不存在县"])
def test_county_export_refuses_a_county_the_city_would_refuse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], county: str
) -> None:
    # 天河区 is in 广州, not 佛山: the city refuses such a bundle, so the county must not write one.
    ws = make_county(tmp_path, county=county, count=1)
    db = ws.db.path
    ws.close()
    out = tmp_path / "x.gdiiot"
    assert main(["--db", str(db), "bundle", "export", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"“{county}”不是佛山市的县区" in err and "南海区" in err and "未导出" in err
    assert "Traceback" not in err
    assert not out.exists()
