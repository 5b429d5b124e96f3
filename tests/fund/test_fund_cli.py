"""A special-fund call end to end through `gdiiot`: init → template → import → check --json →
budget → rank → export, on a real SQLite file, the .xlsx and PDF read back."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.resources import resource
from gdiiot_desktop.services.fund.export_xlsx import as_decimal
from gdiiot_desktop.services.fund.workspace import open_fund_workspace

CAMPAIGN = resource("campaigns", "2022-jiangmen-fund.toml")
ALL_MATERIALS = [
    "专项资金申报书",
    "营业执照（复印件）",
    "项目投入发票（复印件）",
    "产业集群试点实施方案及集群企业名单",
    "培训活动方案",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def fill(template: Path, target: Path, rows: list[dict[str, object]]) -> Path:
    wb = openpyxl.load_workbook(template)
    ws = wb.active
    headers = [c.value for c in ws[2]]
    for values in rows:
        line: list[object] = [None] * len(headers)
        for material in ALL_MATERIALS:
            line[headers.index(f"材料：{material}")] = "是"
        for key, value in values.items():
            line[headers.index(key)] = value
        ws.append(line)
    wb.save(target)
    return target


ROWS: list[dict[str, object]] = [
    {"县（市、区）": "蓬江区", "企业名称": "江门甲制造有限公司", "项目名称": "甲智能工厂", "支持方向": "工业互联网标杆示范项目",
     "子方向": "方向一：工业企业工业互联网应用标杆", "工业互联网投入（元）": 1_200_000, "设备投入（元）": 800_000,
     "其他投入（元）": 3_000_000, "申请补贴金额（元）": 1_000_000, "评审得分": 90},
    {"县（市、区）": "新会区", "企业名称": "江门乙公司", "项目名称": "乙上云", "支持方向": "中小企业上云上平台",
     "云服务投入（元）": 500_000, "申请补贴金额（元）": "400,000", "评审得分": 85},
    {"县（市、区）": "台山市", "企业名称": "江门培训中心", "项目名称": "人才培养计划", "支持方向": "工业互联网人才培养",
     "申请补贴金额（元）": 900_000, "培训场次": 12, "培训人数": 600, "评审得分": 80},
]  # fmt: skip


@pytest.fixture
def fund_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "江门.sqlite3"
    code, out, _ = run(capsys, "--db", db, "init", "--city", "江门", "--campaign", CAMPAIGN)
    assert code == 0 and "专项资金申报数据库" in out and "fund budget" in out
    template = tmp_path / "模板.xlsx"
    assert run(capsys, "--db", db, "fund", "template", template)[0] == 0
    sheet = fill(template, tmp_path / "汇总.xlsx", ROWS)
    code, out, _ = run(capsys, "--db", db, "import-xlsx", sheet)
    assert code == 0 and "已导入 3 个" in out
    return db


def test_init_refuses_another_city(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "--db", tmp_path / "x.sqlite3", "init", "--city", "韶关", "--campaign", CAMPAIGN
    )
    assert code == 2 and "江门市的专项资金申报" in err and not (tmp_path / "x.sqlite3").exists()


def test_imported_applications_keep_exact_amounts(fund_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", fund_db, "fund", "list", "--json")
    rows = json.loads(out)
    first = rows[0]
    assert first["investment"] == {
        "industrial_internet": "1200000.00",
        "equipment": "800000.00",
        "other": "3000000.00",
    }
    assert (first["total_investment"], first["eligible_investment"], first["max_subsidy"]) == (
        "5000000.00",
        "2000000.00",
        "1000000.00",
    )
    assert first["subdirection_id"] == "enterprise" and rows[1]["requested"] == "400000.00"
    assert rows[2]["training_sessions"] == 12 and rows[2]["review_score"] == "80"


def test_check_json_follows_the_spec_contract(
    fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", fund_db, "check", "--json")
    assert code == 0 and json.loads(out)["violations"] == []
    # One more project, over its cap, for the same enterprise as 乙上云: two errors.
    template = tmp_path / "模板.xlsx"
    extra = {"县（市、区）": "新会区", "企业名称": "江门乙公司", "项目名称": "乙二期", "支持方向": "中小企业上云上平台",
             "云服务投入（元）": 300_000, "申请补贴金额（元）": 240_001}  # fmt: skip
    run(capsys, "--db", fund_db, "fund", "import", fill(template, tmp_path / "补充.xlsx", [extra]))
    code, out, _ = run(capsys, "--db", fund_db, "check", "--json")
    report = json.loads(out)
    assert code == 1
    assert set(report) == {"city", "campaign", "violations", "overridden", "summary"}
    assert report["campaign"] == "2022-jiangmen-fund" and report["summary"]["applications"] == 4
    rules = sorted((v["rule"], v["project"]) for v in report["violations"])
    assert rules == [
        ("FUND_ENTERPRISE_CAP", "乙上云"),
        ("FUND_ENTERPRISE_CAP", "乙二期"),
        ("FUND_REQUEST_OVER_CAP", "乙二期"),
    ]
    over = next(v for v in report["violations"] if v["rule"] == "FUND_REQUEST_OVER_CAP")
    assert (
        over["severity"] == "error"
        and over["clause"].startswith("四(二)：")
        and "240,000 元" in over["message"]
    )


def test_a_bad_sheet_imports_nothing_and_says_where(
    fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = [
        {"县（市、区）": "广州", "企业名称": "甲", "项目名称": "甲2", "支持方向": "不存在的方向", "申请补贴金额（元）": "很多"},
        {"县（市、区）": "蓬江区", "企业名称": "丙", "项目名称": "丙1", "支持方向": "产业集群试点", "申请补贴金额（元）": 100},
    ]  # fmt: skip
    code, _, err = run(
        capsys, "--db", fund_db, "fund", "import", fill(tmp_path / "模板.xlsx", tmp_path / "坏.xlsx", bad)
    )
    assert code == 2 and "未导入任何项目" in err
    assert "第3行“县（市、区）”：“广州”不是江门市的县（市、区）" in err
    assert "第3行“支持方向”" in err and "第3行“申请补贴金额（元）”" in err
    ws = open_fund_workspace(fund_db)
    try:
        assert len(ws.repo.all()) == 3
    finally:
        ws.close()
    code, out, _ = run(capsys, "--db", fund_db, "fund", "import", tmp_path / "坏.xlsx", "--skip-bad-rows")
    assert code == 0 and "已导入 1 个" in out and "跳过" in out


def test_rank_by_score_budget_line_and_export_read_back(
    fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "--db", fund_db, "fund", "budget", "1,500,000")[0] == 0
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--by-score", "--json")
    pool = json.loads(out)
    assert [line["project"] for line in pool["lines"]] == ["甲智能工厂", "乙上云", "人才培养计划"]
    assert [line["within_budget"] for line in pool["lines"]] == [True, True, False]
    assert (pool["funded_total"], pool["remaining"]) == ("1400000.00", "100000.00")
    code, out, _ = run(capsys, "--db", fund_db, "check", "--json")
    assert code == 0 and [v["rule"] for v in json.loads(out)["violations"]] == ["FUND_BELOW_BUDGET_LINE"]

    code, out, _ = run(capsys, "--db", fund_db, "fund", "export", tmp_path / "out" / "入库清单.xlsx")
    assert code == 0 and "快照" in out
    wb = openpyxl.load_workbook(tmp_path / "out" / "入库清单.xlsx")
    assert wb.sheetnames == [
        "入库汇总",
        "工业互联网标杆示范项目",
        "中小企业上云上平台",
        "产业集群试点",
        "工业互联网人才培养",
    ]
    ws = wb["入库汇总"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    assert rows[0][:5] == [
        1,
        "工业互联网标杆示范项目（方向一：工业企业工业互联网应用标杆）",
        "蓬江区",
        "江门甲制造有限公司",
        "甲智能工厂",
    ]
    assert [as_decimal(v) for v in rows[0][5:11]] == [
        Decimal(x) for x in ("5000000", "2000000", "1000000", "1000000", "1000000", "1000000")
    ]
    assert str(rows[2][0]).startswith("—— 预算线：预算 1,500,000 元，以上 2 个项目拟补贴合计 1,400,000 元")
    assert rows[3][4] == "人才培养计划" and rows[3][11] == "否（预算线以下）"
    assert rows[4][0] == "合计" and as_decimal(rows[4][9]) == Decimal(2_300_000)
    talent = [[c.value for c in r] for r in wb["工业互联网人才培养"].iter_rows(min_row=4)]
    assert talent[0][0] == 3 and as_decimal(talent[0][7]) == Decimal(1_000_000)

    with pdfplumber.open(tmp_path / "out" / "入库清单.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "2022年第二批江门市工业互联网专项资金项目入库清单" in text
    assert "预算线：预算 1,500,000 元" in text and "甲智能工厂" in text and "人才培养计划" in text
    snapshot_id = out.split("快照 ")[1].split("，")[0]
    assert snapshot_id in text


def test_export_refuses_ranked_errors_and_an_empty_pool(
    fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", fund_db, "fund", "export", tmp_path / "out")
    assert code == 2 and "尚未排序入库" in err
    extra = {"县（市、区）": "蓬江区", "企业名称": "丁", "项目名称": "丁培训", "支持方向": "工业互联网人才培养",
             "申请补贴金额（元）": 100_000, "培训场次": 3, "培训人数": 50}  # fmt: skip
    run(
        capsys, "--db", fund_db, "fund", "import", fill(tmp_path / "模板.xlsx", tmp_path / "补.xlsx", [extra])
    )
    assert run(capsys, "--db", fund_db, "fund", "rank", "丁培训", "1")[0] == 0
    code, _, err = run(capsys, "--db", fund_db, "fund", "export", tmp_path / "out")
    assert code == 2 and "FUND_TRAINING_MINIMUM" in err and not (tmp_path / "out").exists()


def test_rank_by_score_leaves_out_applications_with_errors(
    fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 丁培训 has the best score but too few training sessions: ranking it would only make the export
    # refuse, so it stays out (and is named), while the budget line never keeps one out.
    extra = {"县（市、区）": "蓬江区", "企业名称": "丁", "项目名称": "丁培训", "支持方向": "工业互联网人才培养",
             "申请补贴金额（元）": 100_000, "培训场次": 3, "培训人数": 50, "评审得分": 99}  # fmt: skip
    run(capsys, "--db", fund_db, "fund", "import", fill(tmp_path / "模板.xlsx", tmp_path / "补.xlsx", [extra]))
    assert run(capsys, "--db", fund_db, "fund", "budget", "1,500,000")[0] == 0
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--by-score")
    assert code == 0 and "丁培训" in out and "未排序（有错误" in out
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--json")
    assert [line["project"] for line in json.loads(out)["lines"]] == ["甲智能工厂", "乙上云", "人才培养计划"]
    assert run(capsys, "--db", fund_db, "fund", "export", tmp_path / "out")[0] == 0


def test_statuses_and_rank_by_hand(fund_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", fund_db, "fund", "rank", "3", "乙上云", "1")[0] == 0
    code, _, err = run(capsys, "--db", fund_db, "fund", "status", "2", "withdrawn")
    assert code == 2 and "理由" in err
    assert run(capsys, "--db", fund_db, "fund", "status", "2", "withdrawn", "--reason", "企业放弃")[0] == 0
    code, out, _ = run(capsys, "--db", fund_db, "fund", "rank", "--json")
    assert [(line["rank"], line["id"]) for line in json.loads(out)["lines"]] == [(1, 3), (2, 1)]
    code, _, err = run(capsys, "--db", fund_db, "fund", "rank", "2")
    assert code == 2 and "已撤回" in err
    code, _, err = run(capsys, "--db", fund_db, "fund", "score", "1", "九十")
    assert code == 2 and "评审得分应为数字" in err


def test_fund_commands_refuse_a_pilot_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "韶关.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "韶关")[0] == 0
    code, _, err = run(capsys, "--db", db, "fund", "list")
    assert code == 2 and "不是专项资金申报的数据库" in err


def test_invoices_and_materials_as_attachments(
    fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    invoice = tmp_path / "发票.pdf"
    invoice.write_bytes(b"%PDF-1.4 invoice")
    code, out, _ = run(capsys, "--db", fund_db, "fund", "attach", "2", invoice, "--category", "cloud")
    assert code == 0 and "已添加附件 发票.pdf" in out
    code, _, err = run(capsys, "--db", fund_db, "fund", "attach", "2", invoice, "--category", "nonsense")
    assert code == 2 and "未知投入类别" in err
    code, _, err = run(capsys, "--db", fund_db, "fund", "attach", "2", tmp_path / "无.pdf")
    assert code == 2 and "找不到文件" in err
    code, out, _ = run(capsys, "--db", fund_db, "fund", "list", "--json")
    (stored,) = json.loads(out)[1]["attachments"]
    assert (stored["file_name"], stored["category"], stored["size"]) == ("发票.pdf", "cloud", 16)
    store_file = fund_db.with_name(f"{fund_db.stem}.files") / stored["sha256"][:2] / stored["sha256"]
    assert store_file.read_bytes() == b"%PDF-1.4 invoice"


def test_pilot_commands_on_a_fund_database_say_so(fund_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", fund_db, "order", "1")
    assert code == 2 and "是专项资金申报的数据库" in err and "Traceback" not in err
    code, out, _ = run(capsys, "--db", fund_db, "list")
    assert code == 0 and "[1] 甲智能工厂" in out


def test_a_county_sheet_in_its_own_words_is_read(
    fund_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No template: other header words, directions by a distinctive part of their name."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2022年第二批专项资金申报汇总（鹤山市）"])
    ws.append(["序号", "县区", "申报单位", "项目名称", "申报方向", "子方向", "云服务（元）", "其他投入（元）",
               "申请金额（元）", "培训场次", "培训人数", "专项资金申报书", "营业执照（复印件）", "项目投入发票（复印件）"])  # fmt: skip
    ws.append(
        [
            1,
            "鹤山市",
            "鹤山庚公司",
            "庚云平台",
            "标杆示范",
            "方向二",
            800_000,
            100_000,
            "400,000.50",
            None,
            None,
            "是",
            "是",
            "是",
        ]
    )
    ws.append(
        [
            2,
            "鹤山市",
            "鹤山培训学校",
            "庚人才",
            "人才培养",
            None,
            None,
            None,
            500_000,
            10,
            500,
            "是",
            "是",
            None,
        ]
    )
    wb.save(tmp_path / "鹤山.xlsx")
    code, out, _ = run(capsys, "--db", fund_db, "fund", "import", tmp_path / "鹤山.xlsx")
    assert code == 0 and "已导入 2 个" in out
    rows = {r["project"]: r for r in json.loads(run(capsys, "--db", fund_db, "fund", "list", "--json")[1])}
    assert (rows["庚云平台"]["direction_id"], rows["庚云平台"]["subdirection_id"]) == (
        "benchmark",
        "platform",
    )
    assert (rows["庚云平台"]["eligible_investment"], rows["庚云平台"]["requested"]) == (
        "800000.00",
        "400000.50",
    )
    assert rows["庚人才"]["direction_id"] == "talent" and rows["庚人才"]["training_people"] == 500
    code, out, _ = run(capsys, "--db", fund_db, "check", "--json")
    found = {(v["rule"], v["project"]) for v in json.loads(out)["violations"]}
    assert found == {("FUND_REQUEST_OVER_CAP", "庚云平台"), ("FUND_MATERIALS_MISSING", "庚人才")}


@pytest.mark.parametrize("amount", ["1e400", 1e300, "9" * 5000, "1000000000001"])
def test_huge_amounts_are_refused_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], amount: object
) -> None:
    # Decimal cannot quantize 1e400 to the fen (InvalidOperation), and 1e15 yuan would overflow
    # SQLite's integers as fen: both must be a message, in the budget and in a sheet's cell.
    db = tmp_path / "江门.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "江门", "--campaign", CAMPAIGN)[0] == 0
    code, _, err = run(capsys, "--db", db, "fund", "budget", str(amount))
    assert code == 2 and "金额" in err and "Traceback" not in err
    assert len(err) < 300
    template = tmp_path / "模板.xlsx"
    assert run(capsys, "--db", db, "fund", "template", template)[0] == 0
    sheet = fill(template, tmp_path / "汇总.xlsx", [{**ROWS[1], "申请补贴金额（元）": amount}])
    code, _, err = run(capsys, "--db", db, "import-xlsx", sheet)
    assert code == 2 and "申请补贴金额" in err and "Traceback" not in err
    assert run(capsys, "--db", db, "fund", "list", "--json")[1].strip() == "[]"


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("培训场次", "9" * 5000, "数字过大"),
        ("培训人数", 1e300, "数字过大"),
        ("培训场次", "²", "应为整数"),
        ("企业名称", "江门\u202e乙公司", "不允许的字符"),
        ("项目名称", "长" * 5000, "过长"),
        ("统一社会信用代码", "9" * 5000, "过长"),
        ("所属产业集群", "集群\u2066", "不允许的字符"),
        ("评审得分", "1e400", "0 到 1000"),
        ("县（市、区）", "9" * 5000, "不是江门市"),
    ],
)
def test_hostile_cells_in_a_fund_sheet_are_named_and_nothing_is_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str, value: object, expected: str
) -> None:
    db = tmp_path / "江门.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "江门", "--campaign", CAMPAIGN)[0] == 0
    template = tmp_path / "模板.xlsx"
    assert run(capsys, "--db", db, "fund", "template", template)[0] == 0
    row = {**ROWS[2], column: value}
    sheet = fill(template, tmp_path / "汇总.xlsx", [row])
    code, _, err = run(capsys, "--db", db, "import-xlsx", sheet)
    assert code == 2 and column in err and expected in err, err
    assert "Traceback" not in err and len(err) < 600
    assert run(capsys, "--db", db, "fund", "list", "--json")[1].strip() == "[]"


def test_fund_rank_with_an_absurd_id_is_not_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "江门.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "江门", "--campaign", CAMPAIGN)[0] == 0
    code, _, err = run(capsys, "--db", db, "fund", "rank", "9" * 5000)
    assert code == 2 and "找不到" in err and "Traceback" not in err


def test_importing_a_sheet_again_updates_instead_of_duplicating(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "江门.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "江门", "--campaign", CAMPAIGN)[0] == 0
    template = tmp_path / "模板.xlsx"
    assert run(capsys, "--db", db, "fund", "template", template)[0] == 0
    sheet = fill(template, tmp_path / "汇总.xlsx", ROWS)
    code, out, _ = run(capsys, "--db", db, "import-xlsx", sheet)
    assert code == 0 and "新增 3 项" in out
    assert run(capsys, "--db", db, "fund", "rank", "1", "2")[0] == 0
    code, out, _ = run(capsys, "--db", db, "import-xlsx", sheet)
    assert code == 0 and "新增 0 项，更新 0 项，未变 3 项" in out
    changed = fill(template, tmp_path / "改.xlsx", [ROWS[0], {**ROWS[1], "申请补贴金额（元）": 300_000}, ROWS[2]])
    code, out, _ = run(capsys, "--db", db, "import-xlsx", changed)
    assert code == 0 and "新增 0 项，更新 1 项，未变 2 项" in out
    apps = json.loads(run(capsys, "--db", db, "fund", "list", "--json")[1])
    assert len(apps) == 3
    second = next(a for a in apps if a["id"] == 2)
    assert Decimal(second["requested"]) == 300_000 and second["rank"] == 2  # the city's ranking kept


def test_rank_with_json_prints_the_json_object_alone(fund_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Scripts read stdout as JSON; what was done goes to stderr, for every way of ranking.
    for argv in (["3", "1", "--json"], ["--by-score", "--json"], ["--clear", "--json"], ["--json"]):
        code, out, err = run(capsys, "--db", fund_db, "fund", "rank", *argv)
        assert code == 0 and json.loads(out)["budget"] is None, argv
        if argv[0] == "3":
            assert "已设定入库排序：共 2 个项目" in err and [x["id"] for x in json.loads(out)["lines"]] == [3, 1]
    assert json.loads(out)["lines"] == []  # after --clear
