"""Task progress across campaigns: a pilot database links the city's special-fund database and
counts its pooled projects too (`gdiiot tasks link|links|unlink`), through the real CLI."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.domain.fund.model import FundApplication
from gdiiot_desktop.resources import resource
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.fund.workspace import create_fund_workspace
from gdiiot_desktop.services.workspace import create_workspace
from tests.meeting.factory import add_applications

from .sheets import sheet_2021


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _fund_db(path: Path, city: str = "江门") -> Path:
    ws = create_fund_workspace(path, city, resource("campaigns", "2022-jiangmen-fund.toml"))
    try:
        ids = ws.repo.add_many(
            [
                FundApplication(
                    "江门甲", "甲标杆", "蓬江区", "benchmark", Decimal(100), {"cloud": Decimal(1000)}
                ),
                FundApplication(
                    "江门乙", "乙上云", "新会区", "cloud", Decimal(100), {"cloud": Decimal(1000)}
                ),
            ],
            source="test",
        )
        ws.repo.set_ranking(ids)
    finally:
        ws.close()
    return path


@pytest.fixture
def pilot_db(tmp_path: Path) -> Path:
    path = tmp_path / "江门试点.sqlite3"
    ws = create_workspace(path, "江门")
    try:
        ids = add_applications(ws, 2)
        ApplicationService(ws).set_order(ids[:1])
    finally:
        ws.close()
    return path


def test_a_linked_fund_database_counts_toward_the_pilot_databases_list(
    pilot_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fund = _fund_db(tmp_path / "江门专项.sqlite3")
    assert run(capsys, "--db", pilot_db, "tasks", "import", sheet_2021(tmp_path / "2022.xlsx", 2022))[0] == 0
    code, out, _ = run(capsys, "--db", pilot_db, "tasks", "link", fund)
    assert (
        code == 0
        and "2022年第二批江门市工业互联网专项资金项目（2022年）" in out
        and "可计入的项目 2 个" in out
    )

    code, out, _ = run(capsys, "--db", pilot_db, "tasks", "show", "--json", "--today", "2022-10-01")
    shown = json.loads(out)
    (linked,) = shown["linked"]
    assert linked["path"] == str(fund) and linked["projects"] == 2 and linked["problem"] is None
    refs = {p["ref"]: p for p in shown["projects"]}
    fund_ref = "2022-jiangmen-fund/fund:1"
    assert refs[fund_ref]["marks"] == ["标杆示范"] and refs[fund_ref]["year"] == 2022
    assert refs[fund_ref]["source"] == "专项资金入库"
    (task,) = shown["lists"][0]["tasks"]
    # Both campaigns are named per task: the 2023 pilot outside the 2022 list, the 2022 call inside.
    assert [(p["campaign_id"], p["in_period"]) for p in task["periods"]] == [
        ("2023-pilot", False), ("2022-jiangmen-fund", True)
    ]  # fmt: skip
    bench, five_g = task["targets"]
    assert (bench["done"], [p["ref"] for p in bench["projects"]]) == (1, [fund_ref])

    # A linked project is marked in the host database; the linked one is not written to.
    before = fund.read_bytes()
    assert run(capsys, "--db", pilot_db, "tasks", "mark", fund_ref, "5G+")[0] == 0
    code, out, _ = run(capsys, "--db", pilot_db, "tasks", "show", "--json", "--today", "2022-10-01")
    five_g = json.loads(out)["lists"][0]["tasks"][0]["targets"][1]
    assert (five_g["done"], five_g["met"]) == (1, True)
    assert fund.read_bytes() == before

    # The report names the project's campaign.
    assert (
        run(capsys, "--db", pilot_db, "tasks", "report", tmp_path / "报告.xlsx", "--today", "2022-10-01")[0]
        == 0
    )
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "报告.xlsx")["计入的项目"]
    rows = {r[3]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[fund_ref][4] == "2022年第二批江门市工业互联网专项资金项目" and rows[fund_ref][5] == 2022

    # Unlinking by number takes its projects out again.
    code, out, _ = run(capsys, "--db", pilot_db, "tasks", "unlink", "1")
    assert code == 0 and str(fund) in out
    code, out, _ = run(capsys, "--db", pilot_db, "tasks", "show", "--json", "--today", "2022-10-01")
    assert fund_ref not in {p["ref"] for p in json.loads(out)["projects"]}


def test_a_moved_linked_database_is_named_and_counts_nothing(
    pilot_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fund = _fund_db(tmp_path / "江门专项.sqlite3")
    assert run(capsys, "--db", pilot_db, "tasks", "link", fund)[0] == 0
    shutil.move(fund, tmp_path / "别处.sqlite3")
    code, out, _ = run(capsys, "--db", pilot_db, "tasks", "links")
    assert code == 0 and "找不到该数据库文件" in out
    code, out, _ = run(capsys, "--db", pilot_db, "tasks", "show", "--json")
    shown = json.loads(out)
    assert "找不到该数据库文件" in shown["linked"][0]["problem"]
    assert all(not p["ref"].startswith("2022-jiangmen-fund/") for p in shown["projects"])


def test_links_that_would_count_wrongly_are_refused(
    pilot_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", pilot_db, "tasks", "link", pilot_db)
    assert code == 2 and "不能关联本数据库自身" in err
    code, _, err = run(capsys, "--db", pilot_db, "tasks", "link", tmp_path / "没有.sqlite3")
    assert code == 2 and "找不到数据库文件" in err
    other_city = tmp_path / "韶关试点.sqlite3"
    create_workspace(other_city, "韶关").close()
    code, _, err = run(capsys, "--db", pilot_db, "tasks", "link", other_city)
    assert code == 2 and "只能关联本市的数据库" in err
    same_campaign = tmp_path / "江门试点副本.sqlite3"
    create_workspace(same_campaign, "江门").close()
    code, _, err = run(capsys, "--db", pilot_db, "tasks", "link", same_campaign)
    assert code == 2 and "同一活动" in err

    fund = _fund_db(tmp_path / "江门专项.sqlite3")
    copy = _fund_db(tmp_path / "江门专项二.sqlite3")
    assert run(capsys, "--db", pilot_db, "tasks", "link", fund)[0] == 0
    code, _, err = run(capsys, "--db", pilot_db, "tasks", "link", fund)
    assert code == 2 and "已经关联了该数据库" in err
    code, _, err = run(capsys, "--db", pilot_db, "tasks", "link", copy)
    assert code == 2 and "重复计入" in err
    code, _, err = run(capsys, "--db", pilot_db, "tasks", "unlink", "7")
    assert code == 2 and "没有关联“7”" in err
    code, out, _ = run(capsys, "--db", pilot_db, "tasks", "links", "--json")
    assert [link["path"] for link in json.loads(out)] == [str(fund)]
