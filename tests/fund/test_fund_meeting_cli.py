"""The expert review meeting on a special-fund database, through `gdiiot` on real SQLite files:
three experts, a recusal found from an enterprise's name, scores, lock; then `fund rank --by-score`
ranks by the meeting's scores (and says which meeting), the 入库 list and the minutes read back.
Without a locked meeting the ranking falls back to each application's 评审得分."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from tests.fund.test_fund_cli import CAMPAIGN, ROWS, fill, run

CONTACTS = ["周工 0750-3300001", "钱经理 13800000002", "王明 0750-3388123"]
EXPERTS = [("张专家", "五邑大学"), ("李专家", "江门乙公司"), ("陈专家", "广东工业大学")]
# (expert, project id, points in the rubric's order: 符合支持方向 20, 实施成效 35, 投入合理性 25, 示范带动 20)
SCORES = [
    ("张专家", 1, "10,20,15,10"), ("李专家", 1, "12,20,15,10"), ("陈专家", 1, "11,20,15,10"),  # 55 57 56
    ("张专家", 2, "15,30,20,15"), ("陈专家", 2, "15,28,20,15"),  # 80 78, 李专家 recused
    ("张专家", 3, "18,32,22,18"), ("李专家", 3, "18,30,22,18"), ("陈专家", 3, "19,33,23,18"),  # 90 88 93
]  # fmt: skip


@pytest.fixture
def fund_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "江门专项.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "江门", "--campaign", CAMPAIGN)[0] == 0
    template = tmp_path / "模板.xlsx"
    assert run(capsys, "--db", db, "fund", "template", template)[0] == 0
    rows = [dict(row, **{"联系人及电话": contact}) for row, contact in zip(ROWS, CONTACTS, strict=True)]
    code, out, _ = run(capsys, "--db", db, "import-xlsx", fill(template, tmp_path / "汇总.xlsx", rows))
    assert code == 0 and "已导入 3 个" in out
    assert run(capsys, "--db", db, "fund", "budget", "1,500,000")[0] == 0
    return db


def hold_meeting(db: Path, capsys: pytest.CaptureFixture[str], *, lock: bool = True) -> int:
    code, out, err = run(
        capsys, "--db", db, "meeting", "create", "--title", "专项资金评审会", "--date", "2022-12-08"
    )
    assert code == 0, err
    assert "评审项目 3 个" in out and "程序默认方案" in out
    meeting_id = int(out.split("[")[1].split("]")[0])
    for name, org in EXPERTS:
        assert run(capsys, "--db", db, "meeting", "expert", "add", name, "--org", org)[0] == 0
    code, out, _ = run(capsys, "--db", db, "meeting", "conflicts", "suggest", "--apply")
    assert code == 0 and "李专家 ↔ 项目 [2]" in out and "江门乙公司" in out and "已记录 1 项回避" in out
    code, _, err = run(capsys, "--db", db, "meeting", "score", "李专家", "2", "--points", "10,10,10,10")
    assert code == 2 and "回避" in err
    for expert, app, points in SCORES:
        code, _, err = run(capsys, "--db", db, "meeting", "score", expert, str(app), "--points", points)
        assert code == 0, err
    if lock:
        code, out, _ = run(capsys, "--db", db, "meeting", "lock", "--yes")
        assert code == 0 and "已锁定" in out
    return meeting_id


def test_meeting_scores_rank_the_pool_and_exports_name_fund_projects(
    fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    meeting_id = hold_meeting(fund_db, capsys)

    code, out, _ = run(capsys, "--db", fund_db, "meeting", "show", "--json")
    shown = json.loads(out)
    assert shown["subject_kind"] == "fund" and shown["applications"] == [1, 2, 3]
    assert shown["recusals"] == [
        {"expert_id": 2, "application_id": 2, "kind": "assigned", "reason": shown["recusals"][0]["reason"]}
    ]
    code, out, _ = run(capsys, "--db", fund_db, "meeting", "ranking", "--json")
    ranking = json.loads(out)
    assert ranking["quota"] is None and ranking["locked"] is True
    assert [(r["project"], r["applicant"], r["score"]) for r in ranking["ranking"]] == [
        ("人才培养计划", "江门培训中心", "90.00"),
        ("乙上云", "江门乙公司", "79.00"),
        ("甲智能工厂", "江门甲制造有限公司", "56.00"),
    ]

    code, out, err = run(capsys, "--db", fund_db, "fund", "rank", "--by-score", "--json")
    assert code == 0
    # stdout is the JSON object alone; what was done is said on stderr.
    assert f"评审会 [{meeting_id}] 专项资金评审会" in err
    pool = json.loads(out)
    assert pool["ranked_by"]["source"] == "meeting"
    assert pool["ranked_by"]["meeting"]["id"] == meeting_id
    assert pool["ranked_by"]["meeting"]["title"] == "专项资金评审会"
    assert pool["ranked_by"]["meeting"]["aggregate"] == "trimmed_mean"
    assert [(x["project"], x["score"]) for x in pool["lines"]] == [
        ("人才培养计划", "90.00"),
        ("乙上云", "79.00"),
        ("甲智能工厂", "56.00"),
    ]  # the 评审得分 field (90/85/80) would give the opposite order
    assert [x["within_budget"] for x in pool["lines"]] == [True, True, False]
    assert (pool["funded_total"], pool["remaining"]) == ("1300000.00", "200000.00")
    assert pool["left_out"] == []
    conn = sqlite3.connect(fund_db)
    try:
        logged = conn.execute(
            "SELECT details FROM audit_log WHERE action = 'fund_rank' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
    finally:
        conn.close()
    assert json.loads(logged)["basis"] == {
        "by": "meeting",
        "meeting": meeting_id,
        "digest": pool["ranked_by"]["meeting"]["digest"],
    }

    code, out, _ = run(capsys, "--db", fund_db, "fund", "export", tmp_path / "out" / "入库清单.xlsx")
    assert code == 0
    wb = openpyxl.load_workbook(tmp_path / "out" / "入库清单.xlsx")
    summary = [[c.value for c in r] for r in wb["入库汇总"].iter_rows(min_row=4)]
    assert [(r[0], r[4]) for r in summary[:2]] == [(1, "人才培养计划"), (2, "乙上云")]
    assert str(summary[2][0]).startswith("—— 预算线") and (summary[3][0], summary[3][4]) == (3, "甲智能工厂")
    with pdfplumber.open(tmp_path / "out" / "入库清单.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    # The printed list says where its order came from: the locked meeting, with its results digest.
    digest = pool["ranked_by"]["meeting"]["digest"][:16]
    assert "排序依据：按评审会“专项资金评审会”" in text.replace("\n", "") and digest in text.replace("\n", "")
    assert "排序依据：按评审会“专项资金评审会”" in wb["入库汇总"].cell(2, 1).value
    whole = text.split("一、全部入库项目")[1].split("二、")[0]
    assert whole.index("1 台山市 江门培训中心 人才培养计划") < whole.index("2 新会区 江门乙公司 乙上云")
    assert (
        whole.index("2 新会区 江门乙公司 乙上云")
        < whole.index("—— 预算线")
        < whole.index("3 蓬江区 江门甲制造有限公司")
    )

    code, out, _ = run(capsys, "--db", fund_db, "meeting", "minutes", tmp_path / "纪要.pdf")
    assert code == 0
    with pdfplumber.open(tmp_path / "纪要.pdf") as pdf:
        minutes = "\n".join(page.extract_text() or "" for page in pdf.pages).replace("\n", "")
    assert "专项资金评审会会议纪要" in minutes and "草稿" not in minutes
    assert "乙上云（江门乙公司，中小企业上云上平台）" in minutes
    assert "人才培养计划（江门培训中心，工业互联网人才培养）" in minutes
    assert "排名及入库建议" in minutes and "排序优选、入库储备" in minutes
    assert "推荐指标" not in minutes and "不推荐" not in minutes
    assert "李专家" in minutes and "回避" in minutes


def test_rank_names_the_meeting_asked_for_and_refuses_an_unlocked_one(
    fund_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = hold_meeting(fund_db, capsys)
    code, out, _ = run(
        capsys, "--db", fund_db, "meeting", "create", "--title", "复审会", "--date", "2022-12-20"
    )
    second = int(out.split("[")[1].split("]")[0])
    # The newer meeting is not locked: the locked one ranks, and the output says the other was passed over.
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--by-score")
    assert code == 0 and f"评审会 [{first}]" in out and f"评审会 [{second}] 复审会 尚未锁定" in out
    code, _, err = run(capsys, "--db", fund_db, "fund", "rank", "--by-score", "--meeting", str(second))
    assert code == 2 and "尚未锁定" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", fund_db, "fund", "rank", "--by-score", "--meeting", "99")
    assert code == 2 and "找不到编号为 99 的评审会" in err
    code, _, err = run(capsys, "--db", fund_db, "fund", "rank", "--meeting", str(first))
    assert code == 2 and "--by-score" in err
    # `meeting adopt` sets the 入库 ranking from a meeting straight away (locked or not).
    code, out, _ = run(capsys, "--db", fund_db, "meeting", "adopt", "--meeting", str(first))
    assert code == 0 and "已按评审排名设定入库排序：共 3 个项目（3、2、1）" in out
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--json")
    pool = json.loads(out)
    assert [x["id"] for x in pool["lines"]] == [3, 2, 1] and pool["ranked_by"] is None


def test_without_a_locked_meeting_the_review_score_field_ranks(
    fund_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--by-score", "--json")
    pool = json.loads(out)
    assert pool["ranked_by"]["source"] == "review_score" and pool["ranked_by"]["meeting"] is None
    assert [(x["project"], x["score"]) for x in pool["lines"]] == [
        ("甲智能工厂", "90"),
        ("乙上云", "85"),
        ("人才培养计划", "80"),
    ]
    # An unlocked meeting changes nothing, and is named as not used.
    hold_meeting(fund_db, capsys, lock=False)
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--by-score", "--json")
    pool = json.loads(out)
    assert pool["ranked_by"]["source"] == "review_score"
    assert pool["ranked_by"]["unlocked_meetings_not_used"] == [1]
    assert [x["project"] for x in pool["lines"]] == ["甲智能工厂", "乙上云", "人才培养计划"]


@pytest.mark.parametrize(
    ("then", "basis"),
    [
        ([], "排序依据：按各项目的评审得分排序"),
        (["fund", "status", "2", "withdrawn", "--reason", "企业放弃"], "其后 1 个项目退出入库，其余顺序未变"),
        (["fund", "rank", "3", "1", "2"], "按各项目的评审得分排序，其后经手工调整"),
    ],
)
def test_the_printed_list_says_what_its_order_came_from(
    fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, then: list[str], basis: str
) -> None:
    assert run(capsys, "--db", fund_db, "fund", "rank", "--by-score")[0] == 0
    if then:
        assert run(capsys, "--db", fund_db, *then)[0] == 0
    assert run(capsys, "--db", fund_db, "fund", "export", tmp_path / "out" / "入库清单.xlsx")[0] == 0
    with pdfplumber.open(tmp_path / "out" / "入库清单.pdf") as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace("\n", "")
    assert basis in text
    assert basis in openpyxl.load_workbook(tmp_path / "out" / "入库清单.xlsx")["入库汇总"].cell(2, 1).value


def test_a_ranking_set_by_hand_says_so(fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "--db", fund_db, "fund", "rank", "2", "1")[0] == 0
    assert run(capsys, "--db", fund_db, "fund", "export", tmp_path / "out" / "入库清单.xlsx")[0] == 0
    cell = openpyxl.load_workbook(tmp_path / "out" / "入库清单.xlsx")["入库汇总"].cell(2, 1).value
    assert "排序依据：手工排序" in cell


def test_meeting_ranking_leaves_out_what_it_did_not_score(
    fund_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        fund_db,
        "meeting",
        "create",
        "--title",
        "评审会",
        "--date",
        "2022-12-08",
        "--apps",
        "3",
        "1",
    )
    assert code == 0 and "评审项目 2 个" in out
    for name, org in EXPERTS:
        run(capsys, "--db", fund_db, "meeting", "expert", "add", name, "--org", org)
    for expert, app, points in SCORES:
        if app == 3:
            assert (
                run(capsys, "--db", fund_db, "meeting", "score", expert, str(app), "--points", points)[0] == 0
            )
    assert run(capsys, "--db", fund_db, "meeting", "lock", "--yes")[0] == 0
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--by-score", "--json")
    pool = json.loads(out)
    assert [x["project"] for x in pool["lines"]] == ["人才培养计划"]
    assert {(x["id"], x["reason"]) for x in pool["left_out"]} == {
        (1, "评审会 [1] 中无有效评分"),
        (2, "未列入评审会 [1] 的评审项目"),
    }


def test_pilot_commands_other_than_meeting_still_refuse_a_fund_database(
    fund_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", fund_db, "order", "1")
    assert code == 2 and "专项资金申报的数据库" in err
    code, out, _ = run(capsys, "--db", fund_db, "meeting", "list")
    assert code == 0 and "尚未建立评审会" in out


def _campaign_without_rubric(tmp_path: Path, campaign_id: str) -> Path:
    text = CAMPAIGN.read_text(encoding="utf-8").split("\n[rubric]")[0]
    target = tmp_path / f"{campaign_id}.toml"
    target.write_text(text.replace('id = "2022-jiangmen-fund"', f'id = "{campaign_id}"'), encoding="utf-8")
    return target


def test_rubric_from_the_shipped_file_or_a_clear_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A database made from the call's file before it had a rubric takes the shipped file's (same id).
    older = tmp_path / "旧.sqlite3"
    campaign = _campaign_without_rubric(tmp_path, "2022-jiangmen-fund")
    assert run(capsys, "--db", older, "init", "--city", "江门", "--campaign", campaign)[0] == 0
    code, out, _ = run(
        capsys, "--db", older, "meeting", "create", "--title", "评审会", "--date", "2022-12-08"
    )
    assert code == 0 and "程序默认方案" in out and "评审项目 0 个" in out
    # Another call's file without one: refused, in Chinese, nothing made.
    other = tmp_path / "其他.sqlite3"
    campaign = _campaign_without_rubric(tmp_path, "2023-jiangmen-fund")
    assert run(capsys, "--db", other, "init", "--city", "江门", "--campaign", campaign)[0] == 0
    code, _, err = run(
        capsys, "--db", other, "meeting", "create", "--title", "评审会", "--date", "2022-12-08"
    )
    assert code == 2 and "没有评分细则" in err and "Traceback" not in err
    code, out, _ = run(capsys, "--db", other, "meeting", "list")
    assert code == 0 and "尚未建立评审会" in out
