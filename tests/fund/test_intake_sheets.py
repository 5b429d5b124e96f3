"""Intake sheets written by hand from the documented columns, not from `fund template`: merged
cells, a repeated row, a bad credit code, a sheet with only its header, hidden rows — each through
the real CLI, with nothing saved when the sheet is refused."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.domain.uscc import check_character
from gdiiot_desktop.resources import resource

CAMPAIGN = resource("campaigns", "2022-jiangmen-fund.toml")
FOSHAN = Path(__file__).with_name("foshan-2023-fund.toml")

# Shuffled, in the other wordings the docs accept (申报单位, 县区, 申报方向, 申请金额（元）, <category>（元）,
# the bare material name).
HEADER = ["项目名称", "申报单位", "统一社会信用代码", "县区", "申报方向", "子方向", "工业互联网（元）", "设备投入（元）",
          "云服务投入（元）", "申请金额（元）", "所属产业集群", "专项资金申报书", "营业执照（复印件）",
          "材料：项目投入发票（复印件）", "材料：产业集群试点实施方案及集群企业名单", "评审得分"]  # fmt: skip


def uscc(n: int) -> str:
    body = f"91440700MA{n:07d}"
    return body + check_character(body)


def row(
    project: str, enterprise: str, n: int, county: str, direction: str, requested: object, **more: object
) -> list[object]:
    values: dict[str, object] = {
        "项目名称": project, "申报单位": enterprise, "统一社会信用代码": uscc(n), "县区": county,
        "申报方向": direction, "申请金额（元）": requested, "专项资金申报书": "是", "营业执照（复印件）": "是",
        "材料：项目投入发票（复印件）": "是", "材料：产业集群试点实施方案及集群企业名单": "是", "评审得分": 80,
    }  # fmt: skip
    values.update(more)
    return [values.get(h) for h in HEADER]


ROWS = [
    row(
        "甲标杆",
        "江门甲",
        1,
        "蓬江区",
        "标杆示范",
        "500,000",
        子方向="方向一",
        **{"工业互联网（元）": "1,000,000"},
    ),
    row(
        "乙集群一",
        "江门乙",
        2,
        "鹤山市",
        "产业集群",
        400_000,
        所属产业集群="五金卫浴",
        **{"设备投入（元）": 500_000},
    ),
    row(
        "乙集群二",
        "江门乙",
        2,
        "鹤山市",
        "产业集群",
        100_000,
        所属产业集群="五金卫浴",
        **{"设备投入（元）": 125_000},
    ),
    row("丙上云", "江门丙", 3, "鹤山市", "上云上平台", 80_000, **{"云服务投入（元）": 100_000}),
]


def write(
    path: Path, rows: list[list[object]], merges: tuple[str, ...] = (), hidden: tuple[int, ...] = ()
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2022年第二批江门市工业互联网专项资金申报汇总表"])
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(HEADER)  # row 3: data from row 4
    for values in rows:
        ws.append(values)
    for span in merges:
        first, last = span.split(":")
        col = "".join(c for c in first if c.isalpha())
        for r in range(int(first[len(col) :]) + 1, int(last[len(col) :]) + 1):
            ws[f"{col}{r}"] = None
        ws.merge_cells(span)
    for r in hidden:
        ws.row_dimensions[r].hidden = True
    wb.save(path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "江门.sqlite3"
    assert run(capsys, "--db", path, "init", "--city", "江门", "--campaign", CAMPAIGN)[0] == 0
    return path


def listed(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "--db", db, "fund", "list", "--json")
    assert code == 0
    return list(json.loads(out))


def test_merged_county_and_enterprise_cells_hold_for_every_row_they_span(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 县区 (column D) merged over the three 鹤山市 rows, 申报单位 and its code (B, C) over 江门乙's two projects.
    sheet = write(tmp_path / "合并.xlsx", ROWS, merges=("D5:D7", "B5:B6", "C5:C6"))
    code, out, _ = run(capsys, "--db", db, "fund", "import", sheet)
    assert code == 0 and "已导入 4 个" in out
    apps = listed(capsys, db)
    assert [(a["project"], a["enterprise"], a["county"]) for a in apps] == [
        ("甲标杆", "江门甲", "蓬江区"), ("乙集群一", "江门乙", "鹤山市"), ("乙集群二", "江门乙", "鹤山市"),
        ("丙上云", "江门丙", "鹤山市"),
    ]  # fmt: skip
    assert apps[2]["uscc"] == uscc(2)
    # Read as one enterprise, its two cluster projects meet the per-enterprise cap together (500,000).
    code, out, _ = run(capsys, "--db", db, "check", "--json")
    assert code == 0 and json.loads(out)["violations"] == []


def test_a_merged_amount_is_refused_naming_the_range_and_nothing_is_saved(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write(tmp_path / "合并金额.xlsx", ROWS, merges=("J5:J6",))
    code, _, err = run(capsys, "--db", db, "fund", "import", sheet)
    assert code == 2 and "未导入任何项目" in err
    assert "第5行“申请补贴金额（元）”：单元格 J5:J6 是合并单元格" in err
    assert "第6行“申请补贴金额（元）”：单元格 J5:J6 是合并单元格" in err and "不能为空" not in err
    assert listed(capsys, db) == []


def test_the_same_project_twice_in_one_sheet_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Imported twice, it would count twice against its enterprise's and cluster's caps.
    sheet = write(tmp_path / "重复.xlsx", [*ROWS, ROWS[1]])
    code, _, err = run(capsys, "--db", db, "fund", "import", sheet)
    assert code == 2 and "第8行“项目名称”：与第5行是同一企业的同一项目（“乙集群一”）" in err
    assert listed(capsys, db) == []
    code, out, _ = run(capsys, "--db", db, "fund", "import", sheet, "--skip-bad-rows")
    assert code == 0 and "已导入 4 个" in out and "跳过 1 行" in out
    assert len(listed(capsys, db)) == 4


def test_a_wrong_credit_code_is_refused(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = list(ROWS[0])
    bad[HEADER.index("统一社会信用代码")] = uscc(1)[:17] + ("0" if uscc(1)[17] != "0" else "1")
    code, _, err = run(capsys, "--db", db, "fund", "import", write(tmp_path / "代码.xlsx", [bad, *ROWS[1:]]))
    assert code == 2 and "第4行“统一社会信用代码”：统一社会信用代码校验位错误" in err
    assert listed(capsys, db) == []
    # A blank code is allowed (the docs do not require one): the enterprise is then known by its name.
    blank = list(ROWS[0])
    blank[HEADER.index("统一社会信用代码")] = None
    assert run(capsys, "--db", db, "fund", "import", write(tmp_path / "无代码.xlsx", [blank]))[0] == 0


def test_a_sheet_with_only_its_header_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", db, "fund", "import", write(tmp_path / "空表.xlsx", [[], []]))
    assert code == 2 and "中没有任何申报项目" in err


def test_hidden_rows_are_read_and_named(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "fund", "import", write(tmp_path / "隐藏.xlsx", ROWS, hidden=(5,)))
    assert code == 0 and "提示：第 5 行是隐藏行" in out and "已导入 4 个" in out


def test_the_template_notes_name_this_calls_directions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 佛山's call has no sub-directions; its cluster and training directions have other names.
    db = tmp_path / "佛山.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "佛山", "--campaign", FOSHAN)[0] == 0
    assert run(capsys, "--db", db, "fund", "template", tmp_path / "模板.xlsx")[0] == 0
    notes = [
        r[0] for r in openpyxl.load_workbook(tmp_path / "模板.xlsx")["填写说明"].iter_rows(values_only=True)
    ]
    assert (
        "集群数字化的项目须填写所属产业集群。" in notes
        and "人才培训的项目须填写培训场次和培训人数。" in notes
    )
    assert not any(str(n).startswith("子方向") for n in notes)
    jiangmen = tmp_path / "江门.sqlite3"
    assert run(capsys, "--db", jiangmen, "init", "--city", "江门", "--campaign", CAMPAIGN)[0] == 0
    assert run(capsys, "--db", jiangmen, "fund", "template", tmp_path / "江门模板.xlsx")[0] == 0
    notes = [
        r[0]
        for r in openpyxl.load_workbook(tmp_path / "江门模板.xlsx")["填写说明"].iter_rows(values_only=True)
    ]
    assert (
        "子方向（仅工业互联网标杆示范项目）：方向一：工业企业工业互联网应用标杆；方向二：特定行业工业互联网平台标杆"
        in notes
    )


def test_an_amount_with_float_noise_from_a_formula_reads_as_excel_shows_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A cell computed as =60000.1+0.2 holds 60000.299999999996; Excel shows 60000.3, and so does the reader.
    noisy = list(ROWS[3])
    noisy[HEADER.index("申请金额（元）")] = 60000.1 + 0.2
    noisy[HEADER.index("云服务投入（元）")] = 100000.1 + 0.2
    assert repr(noisy[HEADER.index("申请金额（元）")]) == "60000.299999999996"
    code, out, err = run(capsys, "--db", db, "fund", "import", write(tmp_path / "公式.xlsx", [noisy]))
    assert code == 0, err
    (app,) = listed(capsys, db)
    assert (app["requested"], app["investment"]) == ("60000.30", {"cloud": "100000.30"})


def test_one_enterprise_with_its_code_left_out_on_one_row_is_still_one_enterprise(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 上云上平台: at most 600,000 per enterprise. Without its code on the second row, 江门丙 once counted
    # as two enterprises and its 600,001 passed.
    second = row("丙上云二", "江门丙", 3, "鹤山市", "上云上平台", 520_001, **{"云服务投入（元）": 700_000})
    second[HEADER.index("统一社会信用代码")] = None
    code, _, err = run(capsys, "--db", db, "fund", "import", write(tmp_path / "同名.xlsx", [ROWS[3], second]))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "check", "--json")
    found = [(v["rule"], v["project"]) for v in json.loads(out)["violations"]]
    assert found == [("FUND_ENTERPRISE_CAP", "丙上云"), ("FUND_ENTERPRISE_CAP", "丙上云二")]
    assert "合计申请 600,001 元" in json.loads(out)["violations"][0]["message"]
    # Ranked together, the second gets only what is left of the enterprise's cap.
    assert run(capsys, "--db", db, "fund", "rank", "丙上云", "丙上云二")[0] == 0
    code, out, _ = run(capsys, "--db", db, "fund", "rank", "--json")
    assert [x["proposed"] for x in json.loads(out)["lines"]] == ["80000.00", "520000.00"]


def test_a_formula_without_its_result_and_an_ambiguous_direction_are_named_once(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write(tmp_path / "公式.xlsx", [row("甲", "江门甲", 1, "蓬江区", "工业互联网", "=1+1"), ROWS[3]])
    code, _, err = run(capsys, "--db", db, "fund", "import", sheet)
    assert code == 2
    assert "第4行“申请补贴金额（元）”：单元格中的公式没有计算结果，请在 Excel/WPS 中打开并保存后再导入" in err
    assert "不能为空" not in err
    assert (
        "第4行“支持方向”：“工业互联网”可指多个支持方向（工业互联网标杆示范项目、工业互联网人才培养），请填写全称"
        in err
    )
    assert listed(capsys, db) == []


def test_a_request_of_zero_is_called_zero_not_missing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            capsys,
            "--db",
            db,
            "fund",
            "import",
            write(tmp_path / "零.xlsx", [row("零", "江门丁", 4, "蓬江区", "上云上平台", 0)]),
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "--db", db, "check", "--json")
    (violation,) = json.loads(out)["violations"]
    assert (code, violation["rule"], violation["message"]) == (1, "FUND_REQUEST_MISSING", "申请补贴金额为 0")


def test_the_table_on_another_sheet_than_the_first_is_found(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "两表.xlsx", ROWS)
    wb = openpyxl.load_workbook(path)
    wb.active.title = "汇总"
    wb.create_sheet("填报说明", 0).append(["请各县（市、区）按表填写"])
    wb.save(path)
    code, out, _ = run(capsys, "--db", db, "fund", "import", path)
    assert code == 0 and "已导入 4 个" in out
    wb.copy_worksheet(wb["汇总"]).title = "汇总（二）"
    wb.save(path)
    code, _, err = run(capsys, "--db", db, "fund", "import", path)
    assert (
        code == 2
        and "有多个工作表像是申报汇总表（“汇总”、“汇总（二）”），请把要导入的工作表命名为“专项资金申报”"
        in err
    )


def test_a_column_the_program_does_not_know_is_named_not_silently_dropped(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "万元.xlsx", ROWS[:1])
    wb = openpyxl.load_workbook(path)
    wb.active.cell(3, len(HEADER) + 1, "设备投入（万元）")
    wb.active.cell(4, len(HEADER) + 1, 50)
    wb.save(path)
    code, out, _ = run(capsys, "--db", db, "fund", "import", path)
    assert code == 0 and "提示：未识别的列没有读取：“设备投入（万元）”（列名见 gdiiot fund template）" in out


def test_headers_with_a_note_in_brackets_are_read_but_never_a_different_unit(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县（市、区）", "企业名称（全称）", "项目名称（盖章）", "申报企业名称", "支持方向", "云服务投入（元）",
               "申请补贴金额（元）", "申请补贴金额（万元）", "材料：专项资金申报书", "营业执照（复印件）"])  # fmt: skip
    ws.append(["蓬江区", "江门甲", "甲上云", "", "上云上平台", 100_000, 80_000, 8, "是", "是"])
    wb.save(tmp_path / "全称.xlsx")
    code, out, _ = run(capsys, "--db", db, "fund", "import", tmp_path / "全称.xlsx")
    assert code == 0 and "未识别的列没有读取：“申请补贴金额（万元）”" in out
    (app,) = listed(capsys, db)
    assert (app["enterprise"], app["project"], app["requested"]) == ("江门甲", "甲上云", "80000.00")
