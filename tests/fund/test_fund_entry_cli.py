"""`gdiiot fund add` and `fund edit`: an application entered and corrected by hand, checked as a
sheet's row is, on a real SQLite file; refusals exit 2 in Chinese and save nothing; every change is
in the audit log with its before and after; a ranked application keeps its rank and is told how its
proposed subsidy moved."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from gdiiot_desktop.domain.fund.model import FundStatus
from gdiiot_desktop.services.fund.workspace import open_fund_workspace
from tests.fund.test_fund_cli import CAMPAIGN, ROWS, fill, run

VALID_USCC = "91440300MA5FUTK518"  # check character right (domain/uscc.py)


@pytest.fixture
def fund_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The three applications of the CLI test's sheet (ids 1–3, with review scores)."""
    db = tmp_path / "江门.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "江门", "--campaign", CAMPAIGN)[0] == 0
    template = tmp_path / "模板.xlsx"
    assert run(capsys, "--db", db, "fund", "template", template)[0] == 0
    assert run(capsys, "--db", db, "fund", "import", fill(template, tmp_path / "汇总.xlsx", ROWS))[0] == 0
    return db


def listed(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict[str, Any]]:
    code, out, _ = run(capsys, "--db", db, "fund", "list", "--json")
    assert code == 0
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def audit(db: Path, action: str) -> list[dict[str, Any]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT entity_id, details FROM audit_log WHERE action = ? ORDER BY id", (action,))
        return [{"id": r[0], **json.loads(r[1])} for r in rows]


def test_add_by_hand_stores_every_field_and_prints_the_cap(
    fund_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "--db", fund_db, "fund", "add", "--enterprise", "江门丁科技有限公司", "--project", "丁数字化车间",
        "--direction", "标杆", "--subdirection", "方向二", "--county", "江海区", "--uscc", VALID_USCC.lower(),
        "--invest", "工业互联网=1,200,000.50", "设备=300000", "--invest", "其他投入=99", "--requested", "600000",
        "--contact", "王五 0750-1234567", "--note", "县区电话报送",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "已新增专项资金申报项目 [4] 丁数字化车间（江门丁科技有限公司）" in out
    # 50 % of the eligible 1,500,000.50 (其他投入 does not count for this direction), floored to the fen.
    assert "最高可补贴 750,000.25 元（可补贴投入 1,500,000.50 元的 50% 为 750,000.25 元；单个项目上限 1,000,000 元）" in out
    assert "申请补贴 600,000 元" in out
    (row,) = [r for r in listed(capsys, fund_db) if r["id"] == 4]
    assert row["investment"] == {"industrial_internet": "1200000.50", "equipment": "300000.00", "other": "99.00"}
    assert (row["county"], row["uscc"], row["subdirection_id"], row["direction_id"]) == (
        "江海区", VALID_USCC, "platform", "benchmark"
    )
    assert (row["status"], row["rank"], row["max_subsidy"]) == ("registered", None, "750000.25")
    (entry,) = audit(fund_db, "fund_add")
    assert entry["id"] == "4" and entry["after"]["note"] == "县区电话报送"
    assert entry["after"]["investment"]["industrial_internet"] == "1200000.50"


def test_a_typo_fixed_keeps_score_status_and_materials(fund_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {r["id"]: r for r in listed(capsys, fund_db)}
    code, out, _ = run(capsys, "--db", fund_db, "fund", "edit", "2", "--enterprise", "江门乙科技有限公司")
    assert code == 0
    assert "已修改 [2] 乙上云（江门乙科技有限公司）：企业名称" in out
    assert "最高可补贴 400,000 元" in out  # 80 % of 500,000
    after = {r["id"]: r for r in listed(capsys, fund_db)}
    assert after[2]["enterprise"] == "江门乙科技有限公司"
    assert {k: v for k, v in after[2].items() if k != "enterprise"} == {
        k: v for k, v in before[2].items() if k != "enterprise"
    }
    assert after[1] == before[1] and after[3] == before[3]
    ws = open_fund_workspace(fund_db)
    try:
        app = ws.repo.get(2)
        assert app is not None and str(app.review_score) == "85" and len(app.materials_received) == 5
    finally:
        ws.close()
    (entry,) = audit(fund_db, "fund_edit")
    assert entry == {
        "id": "2",
        "changed": {"enterprise": {"before": "江门乙公司", "after": "江门乙科技有限公司"}},
    }
    # The same edit again changes nothing and logs nothing.
    code, out, _ = run(capsys, "--db", fund_db, "fund", "edit", "2", "--enterprise", "江门乙科技有限公司")
    assert code == 0 and "没有改动" in out and len(audit(fund_db, "fund_edit")) == 1


def test_edit_amounts_and_categories(fund_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--db", fund_db, "fund", "edit", "1", "--invest", "设备投入=0", "云服务=200000", "--json"
    )
    assert code == 0
    doc = json.loads(out)
    # 设备投入 removed, 云服务 added, 工业互联网 and 其他 kept.
    assert doc["investment"] == {"industrial_internet": "1200000.00", "cloud": "200000.00", "other": "3000000.00"}
    assert doc["changed"] == ["投入（按类别）"] and doc["max_subsidy"] == "700000.00"
    assert doc["pool_note"] is None  # not ranked
    assert [p["rule"] for p in doc["problems"]] == ["FUND_REQUEST_OVER_CAP"]  # requests 1,000,000


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--requested", "12.345"], "“申请补贴金额（元）”：金额最多精确到分：12.345"),
        (["--requested", "很多"], "“申请补贴金额（元）”：“很多”不是金额"),
        (["--invest", "云服务=-5"], "“云服务投入（元）”：金额不能为负数"),
        (["--uscc", "91440300MA5FUTK510"], "“统一社会信用代码”：统一社会信用代码校验位错误"),
        (["--county", "广州市"], "“县（市、区）”：“广州市”不是江门市的县（市、区）"),
        (["--direction", "不存在"], "“支持方向”：“不存在”不是本次的支持方向"),
        (["--subdirection", "方向九"], "“子方向”：“工业互联网标杆示范项目”下没有子方向“方向九”"),
        (["--invest", "土地=100"], "“投入类别”：“土地”不是本次的投入类别"),
        (["--invest", "100"], "参数 --invest 的值“100”应写成 类别=金额"),
        (["--sessions", "12"], "“培训场次”：只有“工业互联网人才培养”的项目填写培训场次"),
        (["--cluster", "水暖卫浴"], "“所属产业集群”：只有“产业集群试点”的项目填写所属产业集群"),
        (["--project", "乙上云", "--enterprise", "江门乙公司"], "已有同一企业的同一项目 [2] 乙上云（江门乙公司）"),
        (["--enterprise", ""], "“企业名称”：不能为空"),
        (["--note", "x" * 2001], "“备注”：过长（2001个字，最多2000个字）"),
    ],
)
def test_bad_input_exits_2_in_chinese_and_saves_nothing(
    fund_db: Path, capsys: pytest.CaptureFixture[str], options: list[str], words: str
) -> None:
    before = listed(capsys, fund_db)
    code, out, err = run(capsys, "--db", fund_db, "fund", "edit", "1", *options)
    assert code == 2 and out == "" and words in err and "Traceback" not in err
    assert listed(capsys, fund_db) == before and audit(fund_db, "fund_edit") == []


def test_add_refused_names_every_bad_field(fund_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "--db", fund_db, "fund", "add", "--enterprise", "戊", "--project", "戊项目", "--direction", "上云",
        "--county", "广州", "--uscc", "123", "--invest", "云服务=1e3x", "--requested", "",
    )  # fmt: skip
    assert code == 2
    assert "未保存：有 4 处需要更正" in err
    for field in ("县（市、区）", "云服务投入（元）", "申请补贴金额（元）", "统一社会信用代码"):
        assert f"“{field}”：" in err
    assert len(listed(capsys, fund_db)) == 3 and audit(fund_db, "fund_add") == []
    # argparse's own refusal is in Chinese too.
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "--db", fund_db, "fund", "add", "--enterprise", "戊")
    assert stopped.value.code == 2 and "缺少必须填写的参数" in capsys.readouterr().err


def test_changing_direction_drops_the_old_subdirection_and_asks_for_the_cluster(
    fund_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--db", fund_db, "fund", "edit", "1", "--direction", "产业集群试点", "--cluster", "水暖卫浴产业集群", "--json"
    )
    assert code == 0
    doc = json.loads(out)
    assert (doc["direction_id"], doc["subdirection_id"], doc["cluster"]) == ("cluster", None, "水暖卫浴产业集群")
    # Back to 上云上平台 with the cluster still filled: refused, naming the field; cleared, accepted.
    code, _, err = run(capsys, "--db", fund_db, "fund", "edit", "1", "--direction", "上云上平台")
    assert code == 2 and "“所属产业集群”：只有“产业集群试点”的项目填写所属产业集群" in err
    code, out, _ = run(capsys, "--db", fund_db, "fund", "edit", "1", "--direction", "上云上平台", "--cluster", "")
    assert code == 0 and "支持方向、所属产业集群" in out


def test_a_ranked_application_edited_keeps_its_rank_and_says_how_its_subsidy_moved(
    fund_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", fund_db, "fund", "budget", "1500000")[0] == 0
    assert run(capsys, "--db", fund_db, "fund", "rank", "1", "2", "3")[0] == 0
    code, out, _ = run(capsys, "--db", fund_db, "fund", "edit", "2", "--requested", "300000")
    assert code == 0
    assert "注意：该项目已入库（第 2 位），金额有改动：拟补贴由 400,000 元变为 300,000 元" in out
    assert "请核对入库排序和预算线" in out
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--json")
    pool = json.loads(out)
    assert [line["id"] for line in pool["lines"]] == [1, 2, 3]
    assert [line["proposed"] for line in pool["lines"]] == ["1000000.00", "300000.00", "900000.00"]
    ws = open_fund_workspace(fund_db)
    try:
        app = ws.repo.get(2)
        assert app is not None and (app.status, app.rank) == (FundStatus.POOLED, 2)
    finally:
        ws.close()
    # A change that moves no amount says nothing about the pool.
    code, out, _ = run(capsys, "--db", fund_db, "fund", "edit", "2", "--contact", "李四 13900000000")
    assert code == 0 and "注意" not in out


def test_edit_of_an_unknown_id_exits_2(fund_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", fund_db, "fund", "edit", "99", "--note", "x")
    assert code == 2 and "找不到编号为 99 的专项资金申报项目" in err


def test_a_second_copy_with_the_code_the_first_left_out_is_refused(
    fund_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The sheet's 江门乙公司 row has no code; the same project typed again with the code is the same
    # enterprise (as its caps count it), so it would count twice.
    before = listed(capsys, fund_db)
    code, _, err = run(
        capsys, "--db", fund_db, "fund", "add", "--enterprise", "江门乙公司", "--uscc", VALID_USCC,
        "--project", "乙上云", "--direction", "中小企业上云上平台", "--county", "新会区", "--requested", "1000",
    )  # fmt: skip
    assert code == 2 and "已有同一企业的同一项目 [2] 乙上云（江门乙公司）" in err
    assert listed(capsys, fund_db) == before
