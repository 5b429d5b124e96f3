"""Another city's call, written from the format docs only (foshan-2023-fund.toml: other ratios and
caps, no sub-directions, no counties, eligible categories on one direction only, a budget in the
file), driven through `gdiiot` at its boundaries; and campaign files the program must refuse."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from gdiiot_desktop.cli import main

FOSHAN = Path(__file__).with_name("foshan-2023-fund.toml")
TEXT = FOSHAN.read_text(encoding="utf-8")
HEADER = ["县（市、区）", "企业名称", "项目名称", "支持方向", "软件投入（元）", "硬件设备投入（元）", "服务费投入（元）",
          "申请补贴金额（元）", "所属产业集群", "培训场次", "培训人数", "材料：申报书", "材料：培训方案", "评审得分"]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def line(enterprise: str, project: str, direction: str, requested: object, **more: object) -> list[object]:
    values = {"县（市、区）": "南海区", "企业名称": enterprise, "项目名称": project, "支持方向": direction,
              "申请补贴金额（元）": requested, "材料：申报书": "是", **more}  # fmt: skip
    return [values.get(h) for h in HEADER]


ROWS = [
    # 标杆示范: 30 % of software + hardware (服务费 is not eligible), at most 2,000,000 a project.
    line("甲", "30%整", "标杆示范", "300,000", **{"软件投入（元）": "1,000,000", "服务费投入（元）": 500_000, "评审得分": 90}),
    line("乙", "超一分", "标杆示范", "300000.01", **{"软件投入（元）": 600_000, "硬件设备投入（元）": 400_000, "评审得分": 89}),
    line("丙", "上限整", "标杆示范", 2_000_000, **{"软件投入（元）": 10_000_000, "评审得分": 88}),
    line("丁", "超上限一元", "标杆示范", 2_000_001, **{"软件投入（元）": 10_000_000, "评审得分": 87}),
    # 上云上平台: 50 % of every category (no eligible_categories), 300,000 per enterprise across projects.
    line("戊", "上云一", "上云上平台", 200_000, **{"服务费投入（元）": 400_000, "评审得分": 86}),
    line("戊", "上云二", "上云上平台", 100_001, **{"服务费投入（元）": 400_000, "评审得分": 85}),
    line("己", "上云整", "上云上平台", 300_000, **{"服务费投入（元）": 600_000, "评审得分": 84}),
    # 人才培训: at most 500,000, at least 5 sessions and 200 people; 培训方案 required for it only.
    line("庚", "培训整", "人才培训", 500_000, **{"培训场次": 5, "培训人数": 200, "材料：培训方案": "是", "评审得分": 80}),
    line("辛", "少一人", "人才培训", 400_000, **{"培训场次": 5, "培训人数": 199, "材料：培训方案": "是"}),
    line("壬", "缺方案", "人才培训", 400_000, **{"培训场次": 6, "培训人数": 300}),
] + [
    # 集群数字化: 60 %, 200,000 per enterprise, 3,000,000 per cluster: 15 × 200,000 + 1 yuan is over.
    line(f"陶瓷{i:02d}", f"集群{i:02d}", "集群数字化", 200_000, **{"硬件设备投入（元）": 400_000, "所属产业集群": "陶瓷"})
    for i in range(15)
] + [line("陶瓷15", "集群15", "集群数字化", 1, **{"硬件设备投入（元）": 400_000, "所属产业集群": "陶瓷"})]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "佛山.sqlite3"
    code, out, _ = run(capsys, "--db", path, "init", "--city", "佛山市", "--campaign", FOSHAN)
    assert code == 0 and "专项资金申报数据库" in out
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2023年佛山市工业互联网专项资金申报汇总表"])
    ws.append(HEADER)
    for values in ROWS:
        ws.append(values)
    wb.save(tmp_path / "汇总.xlsx")
    code, out, _ = run(capsys, "--db", path, "fund", "import", tmp_path / "汇总.xlsx")
    assert code == 0 and f"已导入 {len(ROWS)} 个" in out
    return path


def test_the_caps_at_their_boundaries_cite_the_calls_own_clauses(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db, "check", "--json")
    report = json.loads(out)
    assert code == 1 and (report["city"], report["campaign"]) == ("佛山", "2023-foshan-fund")
    found = {(v["rule"], v["project"]) for v in report["violations"]}
    cluster = {("FUND_CLUSTER_CAP", f"集群{i:02d}") for i in range(16)}
    assert found == {
        ("FUND_REQUEST_OVER_CAP", "超一分"), ("FUND_REQUEST_OVER_CAP", "超上限一元"),
        ("FUND_ENTERPRISE_CAP", "上云一"), ("FUND_ENTERPRISE_CAP", "上云二"),
        ("FUND_TRAINING_MINIMUM", "少一人"), ("FUND_MATERIALS_MISSING", "缺方案"),
    } | cluster  # fmt: skip
    by = {(v["rule"], v["project"]): v for v in report["violations"]}
    over = by[("FUND_REQUEST_OVER_CAP", "超一分")]
    assert over["clause"] == "三(一)：不超过可补贴投入的30%，单个项目不超过200万元"
    assert "300,000.01 元" in over["message"] and "最高可补贴 300,000 元" in over["message"]
    assert by[("FUND_ENTERPRISE_CAP", "上云一")]["clause"].startswith("三(二)")
    assert "合计申请 3,000,001 元" in by[("FUND_CLUSTER_CAP", "集群15")]["message"]
    assert by[("FUND_MATERIALS_MISSING", "缺方案")]["clause"] == "四：材料"

    code, out, _ = run(capsys, "--db", db, "fund", "list", "--json")
    listed = {a["project"]: a for a in json.loads(out)}
    assert (listed["30%整"]["eligible_investment"], listed["30%整"]["max_subsidy"]) == (
        "1000000.00",
        "300000.00",
    )
    assert listed["上云整"]["eligible_investment"] == "600000.00"  # every category counts without a list


def test_the_budget_line_from_the_file_and_the_export(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 300,000 + 300,000 + 500,000 = 1,100,000 exactly at a budget of 1,100,000: all three within.
    code, out, _ = run(capsys, "--db", db, "fund", "rank", "--json")
    assert json.loads(out)["budget"] == "2000000.00"  # the file's budget.total until one is set
    assert run(capsys, "--db", db, "fund", "budget", "1,100,000")[0] == 0
    assert run(capsys, "--db", db, "fund", "rank", "30%整", "上云整", "培训整", "上限整")[0] == 0
    code, out, _ = run(capsys, "--db", db, "fund", "rank", "--json")
    ranking = json.loads(out)
    assert (ranking["funded"], ranking["funded_total"], ranking["remaining"]) == (3, "1100000.00", "0.00")
    assert [(x["running_total"], x["within_budget"]) for x in ranking["lines"]] == [
        ("300000.00", True), ("600000.00", True), ("1100000.00", True), ("3100000.00", False)
    ]  # fmt: skip
    code, out, _ = run(capsys, "--db", db, "fund", "export", tmp_path / "出")
    assert code == 0
    (xlsx,) = (tmp_path / "出").glob("*.xlsx")
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["入库汇总", "标杆示范", "上云上平台", "集群数字化", "人才培训"]
    rows = [r for r in wb["入库汇总"].iter_rows(values_only=True)]
    ranks = [r[0] for r in rows[3:]]
    assert ranks[:3] == [1, 2, 3] and str(ranks[3]).startswith("—— 预算线") and ranks[4] == 4
    with pdfplumber.open(xlsx.with_suffix(".pdf")) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
        tables = [t for p in pdf.pages for t in p.extract_tables()]
    assert "预算线：预算 1,100,000 元，以上 3 个项目拟补贴合计 1,100,000 元，结余 0 元" in text
    # The table of every pooled project names each one's direction, as the docs' columns say.
    overall = next(t for t in tables if t[0][0] == "排序")
    assert overall[0][3:5] == ["项目名称", "支持方向"] and overall[0][-1] == "累计拟补贴"
    assert [r[4] for r in overall[1:4]] == ["标杆示范", "上云上平台", "人才培训"]
    assert overall[-1][0] == "合计" and overall[-1][-3:-1] == ["3,100,000", "3,100,000"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('counts_as = ["标杆示范"]', 'counts_as = ["标杆"]'), "未知的任务类别 '标杆'"),
        (('date = "2023-09-30"', 'date = "2026-09-30"'), "与活动年度 2023 年相差一年以上"),
        (('id = "cloud"\nno = 2', 'id = "cloud"\nno = 1'), "方向序号（no）重复：1"),
    ],
)
def test_campaign_mistakes_that_would_count_wrongly_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], message: str
) -> None:
    assert change[0] in TEXT
    path = tmp_path / "佛山.toml"
    path.write_text(TEXT.replace(change[0], change[1]), encoding="utf-8")
    code, out, err = run(capsys, "campaign", "validate", path)
    assert code == 2 and message in out + err
    code, _, err = run(capsys, "--db", tmp_path / "x.sqlite3", "init", "--city", "佛山", "--campaign", path)
    assert code == 2 and message in err and not (tmp_path / "x.sqlite3").exists()


def test_attach_takes_a_category_or_material_by_its_name(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoice = tmp_path / "发票.pdf"
    invoice.write_bytes(b"%PDF-1.4 invoice")
    code, out, _ = run(capsys, "--db", db, "fund", "list", "--json")
    ids = {a["project"]: a["id"] for a in json.loads(out)}
    assert run(capsys, "--db", db, "fund", "attach", ids["30%整"], invoice, "--category", "软件")[0] == 0
    assert run(capsys, "--db", db, "fund", "attach", ids["缺方案"], invoice, "--material", "培训方案")[0] == 0
    code, out, _ = run(capsys, "--db", db, "fund", "list", "--json")
    listed = {a["project"]: a for a in json.loads(out)}
    assert [(a["category"], a["file_name"]) for a in listed["30%整"]["attachments"]] == [
        ("software", "发票.pdf")
    ]
    assert [a["material"] for a in listed["缺方案"]["attachments"]] == ["plan"]
    code, out, _ = run(capsys, "--db", db, "check", "--json")  # the material now received
    assert not any(v["rule"] == "FUND_MATERIALS_MISSING" for v in json.loads(out)["violations"])
    code, _, err = run(capsys, "--db", db, "fund", "attach", ids["30%整"], invoice, "--category", "显卡")
    assert code == 2 and "未知投入类别“显卡”。可选：software（软件）" in err


def test_looking_at_a_score_does_not_clear_it(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "fund", "score", "1")
    assert code == 0 and out.strip() == "[1] 30%整：评审得分 90"
    code, out, _ = run(capsys, "--db", db, "fund", "score", "1")  # once a bare `fund score 1` cleared it
    assert out.strip() == "[1] 30%整：评审得分 90"
    assert run(capsys, "--db", db, "fund", "score", "1", "--clear")[1].strip() == "[1] 已清除评审得分"
    assert run(capsys, "--db", db, "fund", "score", "1")[1].strip() == "[1] 30%整：评审得分 未录入"
    code, _, err = run(capsys, "--db", db, "fund", "score", "1", "88", "--clear")
    assert code == 2 and "--clear 与得分不能同时使用" in err
    code, _, err = run(capsys, "--db", db, "fund", "score", "999")
    assert code == 2 and "找不到编号为 999" in err


def test_the_plain_template_command_on_a_fund_database_writes_the_calls_template(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # import-xlsx on a fund database reads the call's sheet: `template` there once wrote the pilot's.
    code, out, _ = run(capsys, "--db", db, "template", tmp_path / "模板.xlsx")
    assert code == 0 and "专项资金申报导入模板" in out and "2023年佛山市工业互联网专项资金项目" in out
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "模板.xlsx").active[2]]
    assert "软件投入（元）" in header and "材料：培训方案" in header
    code, out, _ = run(capsys, "template", tmp_path / "文件.xlsx", "--campaign", FOSHAN)
    assert code == 0 and "专项资金申报导入模板" in out


def test_an_export_into_a_file_or_onto_a_folder_is_refused_in_chinese_and_leaves_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", db, "fund", "rank", "30%整", "上云整")[0] == 0
    (tmp_path / "一个文件").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "fund", "export", tmp_path / "一个文件")
    assert code == 2 and "是一个文件，不是文件夹" in err
    (tmp_path / "出" / "清单.pdf").mkdir(parents=True)  # the PDF's name taken by a folder
    code, _, err = run(capsys, "--db", db, "fund", "export", tmp_path / "出" / "清单.xlsx")
    assert code == 2 and "无法写入 清单.xlsx、清单.pdf（已有同名的文件夹），没有留下本次导出的文件" in err
    assert [p.name for p in (tmp_path / "出").iterdir()] == ["清单.pdf"]  # the .xlsx written first is gone
    code, _, err = run(capsys, "--db", db, "tasks", "report", tmp_path / "一个文件")
    assert code == 2 and "是一个文件，不是文件夹" in err


def test_a_call_without_budget_or_materials_as_the_readme_allows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = TEXT.replace("[budget]\ntotal = 2_000_000\n", "")
    start = text.index("[[materials]]")
    text = text[:start] + text[text.index("[rules.") :]
    text = text.replace("\n[notice]\n", "\nmaterials = []\n\n[notice]\n")
    path = tmp_path / "无预算.toml"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "佛山.sqlite3"
    code, out, _ = run(capsys, "--db", db, "init", "--city", "佛山", "--campaign", path)
    assert code == 0 and "活动文件未列明资金预算" in out
    assert run(capsys, "--db", db, "fund", "template", tmp_path / "模板.xlsx")[0] == 0
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "模板.xlsx").active[2]]
    assert not any(str(h).startswith("材料：") for h in header)
    # Its 入库 list says in words that no budget line is drawn: no command text on the printed page.
    wb = openpyxl.Workbook()
    wb.active.append(["2023年佛山市工业互联网专项资金申报汇总表"])
    wb.active.append(HEADER)
    for values in ROWS:
        wb.active.append(values)
    wb.save(tmp_path / "汇总.xlsx")
    assert run(capsys, "--db", db, "fund", "import", tmp_path / "汇总.xlsx")[0] == 0
    assert run(capsys, "--db", db, "fund", "rank", "30%整", "上云整")[0] == 0
    assert run(capsys, "--db", db, "fund", "export", tmp_path / "出")[0] == 0
    (xlsx,) = (tmp_path / "出").glob("*.xlsx")
    with pdfplumber.open(xlsx.with_suffix(".pdf")) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    sheet_text = " ".join(
        str(v) for r in openpyxl.load_workbook(xlsx)["入库汇总"].iter_rows(values_only=True) for v in r
    )
    assert "未设定资金预算，不划预算线" in text and "预算：未设定" in sheet_text
    assert "gdiiot" not in text and "gdiiot" not in sheet_text
