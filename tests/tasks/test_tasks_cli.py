"""The task list through `gdiiot tasks`: import sheets shaped like seeds 000/001 into a city
database (fund kind and pilot kind), progress counted from marked projects, the report read back."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.domain.fund.model import FundApplication
from gdiiot_desktop.resources import resource
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.fund.workspace import create_fund_workspace
from gdiiot_desktop.services.tasks.service import counted_projects, open_city_database
from gdiiot_desktop.services.tasks.sheet import MAX_CELL_TEXT, read_task_list
from tests.meeting.factory import add_applications, make_workspace

from .sheets import sheet_2020, sheet_2021


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_001_layout_inherits_merged_cells(tmp_path: Path) -> None:
    tl = read_task_list(sheet_2020(tmp_path / "2020.xlsx"))
    assert tl.year == 2020 and tl.title.startswith("2020年省级促进经济高质量发展专项资金")
    foshan = tl.of_city("佛山市")
    assert [t.seq for t in foshan] == [4, 4] and [t.method for t in foshan] == [
        "因素法分配、补助",
        "因素法分配、服务券补助",
    ]
    assert foshan[1].name.startswith("工业企业“上云上平台”、") and foshan[1].requirement.startswith(
        "推动一批"
    )
    assert [[(x.kind, x.count) for x in t.targets] for t in foshan] == [
        [("标杆示范", 3), ("5G+", 1)],
        [("上云上平台", 201)],
    ]
    yunfu = tl.of_city("云浮")
    assert [t.requirement for t in yunfu] == [
        "推动一批工业企业“上云上平台”实施数字化网络化智能化升级",
        "建设一批工业互联网标杆示范项目",
    ]
    assert yunfu[1].name == yunfu[0].name and yunfu[1].deadline == date(2020, 12, 31)


@pytest.fixture
def jiangmen(tmp_path: Path) -> Path:
    path = tmp_path / "江门.sqlite3"
    ws = create_fund_workspace(path, "江门", resource("campaigns", "2022-jiangmen-fund.toml"))
    try:
        apps = [
            FundApplication(
                "江门甲", "甲5G工厂", "蓬江区", "benchmark", Decimal(100), {"cloud": Decimal(1000)}
            ),
            FundApplication(
                "江门乙", "乙标杆", "新会区", "benchmark", Decimal(100), {"cloud": Decimal(1000)}
            ),
            FundApplication("江门丙", "丙上云", "台山市", "cloud", Decimal(100), {"cloud": Decimal(1000)}),
            FundApplication(
                "江门丁", "丁未入库", "台山市", "benchmark", Decimal(100), {"cloud": Decimal(1000)}
            ),
        ]
        ids = ws.repo.add_many(apps, source="test")
        ws.repo.set_ranking(ids[:3])
    finally:
        ws.close()
    return path


def test_progress_on_a_fund_database(
    jiangmen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The 江门 call is a 2022 campaign: its pool counts toward a 2022 list (same layout as seed 000).
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "import", sheet_2021(tmp_path / "2022.xlsx", 2022))
    assert code == 0 and "7 行，本市 1 行" in out and "标杆示范 ≥ 2，其中5G+ ≥ 1" in out

    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "show", "--json", "--today", "2022-10-01")
    shown = json.loads(out)
    assert shown["city"] == "江门" and [tl["year"] for tl in shown["lists"]] == [2022]
    assert shown["campaign"] == {
        "id": "2022-jiangmen-fund", "title": "2022年第二批江门市工业互联网专项资金项目", "year": 2022,
        "kind": "special-fund", "date": "2022-11-30",
    }  # fmt: skip
    assert {(p["ref"], p["year"], p["date"]) for p in shown["projects"]} == {
        ("fund:1", 2022, "2022-11-30"), ("fund:2", 2022, "2022-11-30"), ("fund:3", 2022, "2022-11-30")
    }  # fmt: skip
    (task,) = shown["lists"][0]["tasks"]
    assert task["workload"] == "至少培育2个工业互联网标杆示范项目，其中至少1个5G+工业互联网示范项目"
    assert (task["deadline"], task["days_left"], task["nature"], task["year"]) == (
        "2022-12-31",
        91,
        "约束性任务",
        2022,
    )
    (period,) = task["periods"]
    assert period["in_period"] is True and "2022年的活动" in period["reason"]
    bench, five_g = task["targets"]
    # Pooled benchmark projects count as 标杆示范 by the campaign's counts_as; the unpooled one does not.
    assert (bench["done"], bench["missing"], bench["met"], bench["cautions"]) == (2, 0, True, [])
    assert (five_g["done"], five_g["missing"]) == (0, 1)

    assert run(capsys, "--db", jiangmen, "tasks", "mark", "fund:1", "5G+")[0] == 0
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "show", "--json", "--today", "2022-10-01")
    five_g = json.loads(out)["lists"][0]["tasks"][0]["targets"][1]
    assert (five_g["done"], five_g["met"], five_g["projects"][0]["label"]) == (1, True, "甲5G工厂（江门甲）")

    # A default can be taken away, and a target corrected by hand (the original text stays).
    assert run(capsys, "--db", jiangmen, "tasks", "mark", "fund:2", "--remove", "标杆示范")[0] == 0
    task_id = task["id"]
    code, out, _ = run(
        capsys, "--db", jiangmen, "tasks", "target", str(task_id), "标杆示范=3", "5G+@标杆示范=1"
    )
    assert code == 0 and "工作量原文：至少培育2个" in out
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "show", "--json", "--today", "2022-10-01")
    bench = json.loads(out)["lists"][0]["tasks"][0]["targets"][0]
    assert (bench["count"], bench["done"], bench["missing"]) == (3, 1, 2)

    code, _, err = run(capsys, "--db", jiangmen, "tasks", "mark", "fund:4", "5G+")
    assert code == 2 and "找不到项目 fund:4" in err
    code, _, err = run(capsys, "--db", jiangmen, "tasks", "mark", "fund:1", "区块链")
    assert code == 2 and "未知的任务类别" in err
    code, _, err = run(capsys, "--db", jiangmen, "tasks", "target", str(task_id), "5G+=一")
    assert code == 2 and "目标写法" in err

    # The 2020 list beside it counts the marked 2022 pool too, with a caution naming the year.
    assert run(capsys, "--db", jiangmen, "tasks", "import", sheet_2020(tmp_path / "2020.xlsx"))[0] == 0
    code, out, _ = run(
        capsys, "--db", jiangmen, "tasks", "report", tmp_path / "报告.xlsx", "--today", "2022-10-01"
    )
    assert code == 0
    ws = openpyxl.load_workbook(tmp_path / "报告.xlsx")["任务进度"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert [r[6] for r in rows] == ["上云上平台 ≥ 40", "标杆示范 ≥ 3", "其中5G+ ≥ 1"]
    assert [(r[7], r[8], r[11]) for r in rows] == [(1, 39, "已逾期 639 天"), (1, 2, "91 天"), (1, 0, "91 天")]
    assert rows[0][13].startswith("注意：") and "2020年" in rows[0][13]
    assert rows[1][13].startswith("期内：")
    projects = [
        [c.value for c in r] for r in openpyxl.load_workbook(tmp_path / "报告.xlsx")["计入的项目"].iter_rows()
    ]
    assert projects[0][4:] == ["所属活动", "活动年度"] and projects[1][5] == 2022
    with pdfplumber.open(tmp_path / "报告.pdf") as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "江门市省级任务清单完成情况" in text and "1 / 3" in text and "已逾期 639 天" in text
    assert "注意：" in text


def test_marks_decide_and_a_campaign_outside_the_period_is_named(
    jiangmen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A 2022 pool against the 2020 and 2021 lists: the marks still count it (the official decides),
    # and every task names the year mismatch so the official can unmark what should not count.
    for sheet in (sheet_2021(tmp_path / "2021.xlsx"), sheet_2020(tmp_path / "2020.xlsx")):
        assert run(capsys, "--db", jiangmen, "tasks", "import", sheet)[0] == 0
    # A 2022 list whose 完成时限 falls before the call closes (2022-11-30).
    early = sheet_2021(tmp_path / "2022上半年.xlsx", 2022, "2022年6月底")
    assert run(capsys, "--db", jiangmen, "tasks", "import", early)[0] == 0
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "show", "--json", "--today", "2021-10-01")
    shown = json.loads(out)
    assert code == 0 and [tl["year"] for tl in shown["lists"]] == [2020, 2021, 2022]
    for tl in shown["lists"]:
        for task in tl["tasks"]:
            assert [p["in_period"] for p in task["periods"]] == [False] and task["year"] == tl["year"]
    (task_2021,) = shown["lists"][1]["tasks"]
    assert "2022年的活动，本任务属2021年的清单" in task_2021["periods"][0]["reason"]
    bench = task_2021["targets"][0]
    assert (bench["done"], [p["ref"] for p in bench["projects"]]) == (2, ["fund:1", "fund:2"])
    assert [(p["ref"], "2021年的清单" in p["reason"]) for p in bench["cautions"]] == [
        ("fund:1", True), ("fund:2", True)
    ]  # fmt: skip
    (task_2022,) = shown["lists"][2]["tasks"]
    assert task_2022["deadline"] == "2022-06-30"
    assert "晚于完成时限2022年6月底" in task_2022["periods"][0]["reason"]
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "show", "--today", "2021-10-01")
    assert "注意：2022年第二批江门市工业互联网专项资金项目是2022年的活动，本任务属2021年的清单" in out
    assert "其中 2 个项目不在本任务的期内" in out
    # Unmarking takes a project out, as the caution says.
    assert run(capsys, "--db", jiangmen, "tasks", "mark", "fund:2", "--remove", "标杆示范")[0] == 0
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "show", "--json", "--today", "2021-10-01")
    bench = json.loads(out)["lists"][1]["tasks"][0]["targets"][0]
    assert [p["ref"] for p in bench["projects"]] == ["fund:1"]


def test_progress_on_a_pilot_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = make_workspace(tmp_path)
    try:
        service = ApplicationService(ws)
        ids = add_applications(ws, 3)
        service.set_order(ids[:2])
    finally:
        ws.close()
    db = tmp_path / "韶关.sqlite3"
    # The 2023 pilot recommendation (deadline 2023-12-08) lies in a 2023 list's period, not a 2020 one's.
    assert run(capsys, "--db", db, "tasks", "import", sheet_2020(tmp_path / "2023.xlsx", 2023))[0] == 0
    assert run(capsys, "--db", db, "tasks", "import", sheet_2020(tmp_path / "2020.xlsx"))[0] == 0
    assert run(capsys, "--db", db, "tasks", "mark", f"pilot:{ids[0]}", "上云上平台")[0] == 0
    code, out, _ = run(capsys, "--db", db, "tasks", "show", "--today", "2023-12-01")
    assert code == 0 and "上云上平台 ≥ 4" in out and "1/4  差 3 个" in out and "剩余 30 天" in out
    assert "注意：" in out and "本任务属2020年的清单" in out  # the same target on the 2020 list
    code, out, _ = run(capsys, "--db", db, "tasks", "show", "--json", "--today", "2023-12-01")
    shown = json.loads(out)
    assert shown["campaign"]["kind"] == "pilot" and shown["campaign"]["year"] == 2023
    by_year = {tl["year"]: tl["tasks"][0] for tl in shown["lists"]}
    assert by_year[2023]["periods"][0]["in_period"] and not by_year[2020]["periods"][0]["in_period"]
    cdb = open_city_database(db)
    try:
        refs = [p.ref for p in counted_projects(cdb)]
    finally:
        cdb.close()
    assert refs == [f"pilot:{ids[0]}", f"pilot:{ids[1]}"]  # recommended only, in priority order


def test_a_sheet_without_the_columns_is_refused(
    jiangmen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["项目", "金额"])
    wb.save(tmp_path / "别的表.xlsx")
    code, _, err = run(capsys, "--db", jiangmen, "tasks", "import", tmp_path / "别的表.xlsx")
    assert code == 2 and "找不到任务清单的表头" in err


def test_a_deadline_typed_as_a_date(tmp_path: Path) -> None:
    from datetime import datetime

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2022年地市任务清单"])
    ws.append(
        [
            "序号",
            "地市",
            "工作任务名称",
            "任务要求/目标",
            "任务性质",
            "实施方式",
            "实施标准",
            "工作量",
            "完成时限",
        ]
    )
    ws.append(
        [
            1,
            "江门市",
            "标杆示范",
            "",
            "约束性任务",
            "补助",
            "",
            "培育2个工业互联网标杆示范项目",
            datetime(2022, 12, 31),
        ]
    )
    wb.save(tmp_path / "2022.xlsx")
    (task,) = read_task_list(tmp_path / "2022.xlsx").of_city("江门")
    assert (task.deadline_text, task.deadline, task.city) == ("2022-12-31", date(2022, 12, 31), "江门")


def test_another_citys_targets_count_none_of_this_citys_projects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A 韶关 database holds 韶关's projects only: 广州's targets (tasks show --city 广州) must not
    # be shown as partly met by them.
    ws = make_workspace(tmp_path)
    try:
        ids = add_applications(ws, 2)
        ApplicationService(ws).set_order(ids)
    finally:
        ws.close()
    db = tmp_path / "韶关.sqlite3"  # a 2023 pilot campaign: the 2023 list counts its projects
    assert run(capsys, "--db", db, "tasks", "import", sheet_2020(tmp_path / "2023.xlsx", 2023))[0] == 0
    assert run(capsys, "--db", db, "tasks", "mark", f"pilot:{ids[0]}", "上云上平台", "标杆示范")[0] == 0
    code, out, _ = run(
        capsys, "--db", db, "tasks", "show", "--json", "--city", "广州", "--today", "2020-12-01"
    )
    shown = json.loads(out)
    targets = [g for tl in shown["lists"] for t in tl["tasks"] for g in t["targets"]]
    assert code == 0 and shown["city"] == "广州" and targets
    assert all(g["done"] == 0 and not g["projects"] for g in targets)
    assert shown["projects"] == []
    code, out, _ = run(capsys, "--db", db, "tasks", "show", "--json", "--today", "2020-12-01")
    own = [g for tl in json.loads(out)["lists"] for t in tl["tasks"] for g in t["targets"]]
    assert any(g["done"] == 1 for g in own)  # the city's own targets still count its projects


@pytest.mark.parametrize("count", ["9" * 5000, "99999999999999999999999"])
def test_absurd_counts_in_a_workload_or_a_target_are_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], count: str
) -> None:
    # int() refuses 5,000 digits and SQLite 23: the workload is kept for the user to confirm,
    # a typed target is refused with a message.
    ws = make_workspace(tmp_path)
    ws.close()
    db = tmp_path / "韶关.sqlite3"
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["2021年地市任务清单"])
    sheet.append(
        [
            "序号",
            "地市",
            "工作任务名称",
            "任务要求/目标",
            "任务性质",
            "实施方式",
            "实施标准",
            "工作量",
            "完成时限",
        ]
    )
    sheet.append(
        [
            count,
            "韶关",
            "标杆示范",
            "目标",
            "约束性任务",
            "因素法分配",
            "标准",
            f"至少培育{count}个工业互联网标杆示范项目",
            "2021年底",
        ]
    )
    wb.save(tmp_path / "list.xlsx")
    code, out, err = run(capsys, "--db", db, "tasks", "import", tmp_path / "list.xlsx")
    assert "Traceback" not in out + err
    if len(count) > MAX_CELL_TEXT:  # past the text rules' length: refused with the cell named
        assert code == 2 and "第3行“序号”过长" in err
        return
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "tasks", "show", "--json")
    task = json.loads(out)["lists"][0]["tasks"][0]
    assert [t["confirmed"] for t in task["targets"]] == [False]
    code, _, err = run(capsys, "--db", db, "tasks", "target", str(task["id"]), f"标杆示范={count}")
    assert code == 2 and err.startswith("错误：") and "Traceback" not in err


def test_a_damaged_date_cell_is_refused_in_chinese_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import re
    import zipfile

    good = sheet_2021(tmp_path / "2021.xlsx")
    bad = tmp_path / "损坏.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":  # a date-typed cell that holds no date
                data = re.sub(
                    rb'<c r="I3"[^>]*?(/>|>.*?</c>)', b'<c r="I3" t="d"><v>notadate</v></c>', data, count=1
                )
            out.writestr(item, data)
    db = tmp_path / "广州.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "广州")[0] == 0
    code, out, err = run(capsys, "--db", db, "tasks", "import", bad)
    assert code == 2 and "Traceback" not in out + err
    assert "第 3 行附近的单元格无法读取" in err


def test_task_text_meets_the_intake_text_rules(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = sheet_2021(tmp_path / "2021.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active["C3"] = "标杆\u202e示范"  # a right-to-left override in 工作任务名称
    wb.active["D4"] = "目" * 2001
    wb.save(path)
    db = tmp_path / "广州.sqlite3"
    assert run(capsys, "--db", db, "init", "--city", "广州")[0] == 0
    code, _out, err = run(capsys, "--db", db, "tasks", "import", path)
    assert code == 2 and "第3行“工作任务名称”含有不能保存的字符" in err and "第4行“任务要求/目标”过长" in err


def _two_row_title(path: Path, year: int) -> Path:
    """Seed 001 as typed from the notice: "附件", then the title over two rows, then the header."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["附件"])
    ws.append([f"{year}年省级促进经济高质量发展专项资金（支持工业互联网发展）"])
    ws.append(["地市任务清单"])
    ws.append(
        [
            "序号",
            "地市",
            "工作任务名称",
            "任务要求/目标",
            "任务\n性质",
            "实施方式",
            "实施标准",
            "工作量",
            "完成时限",
        ]
    )
    ws.append([12, "江门", "工业企业“上云上平台”", "推动一批工业企业“上云上平台”", "约束性任务", "因素法分配\n服务券补助",
               "符合省统一的“上云上平台”奖补对象、应用服务目录、标准", "至少带动40个工业企业“上云上平台”项目", f"{year}年底"])  # fmt: skip
    wb.save(path)
    return path


def test_a_title_over_two_rows_is_read_whole_and_two_years_lists_both_stay(
    jiangmen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Read as "地市任务清单" alone, the 2020 list was replaced by the 2019 one (same title).
    for year in (2020, 2019):
        code, out, _ = run(
            capsys, "--db", jiangmen, "tasks", "import", _two_row_title(tmp_path / f"{year}.xlsx", year)
        )
        assert code == 0 and "已导入任务清单" in out and "已重新导入" not in out
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "show", "--json")
    assert [(tl["title"], tl["year"]) for tl in json.loads(out)["lists"]] == [
        ("2019年省级促进经济高质量发展专项资金（支持工业互联网发展）地市任务清单", 2019),
        ("2020年省级促进经济高质量发展专项资金（支持工业互联网发展）地市任务清单", 2020),
    ]


def test_a_target_the_parser_could_not_count_asks_for_its_number(
    jiangmen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2022年地市任务清单"])
    ws.append(
        [
            "序号",
            "地市",
            "工作任务名称",
            "任务要求/目标",
            "任务性质",
            "实施方式",
            "实施标准",
            "工作量",
            "完成时限",
        ]
    )
    ws.append(
        [1, "江门", "工业互联网人才", "培训", "预期性任务", "补助", "", "组织不少于10场培训", "2022年底"]
    )
    wb.save(tmp_path / "培训.xlsx")
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "import", tmp_path / "培训.xlsx")
    assert code == 0 and "1 个目标未能识别" in out
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "show", "--today", "2022-10-01")
    task_id = json.loads(run(capsys, "--db", jiangmen, "tasks", "show", "--json")[1])["lists"][0]["tasks"][0][
        "id"
    ]
    assert f"数量待确认（gdiiot tasks target {task_id} 类别=数量）" in out and "差 0 个" not in out
    assert run(capsys, "--db", jiangmen, "tasks", "target", str(task_id), "培训=10")[0] == 0
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "show", "--today", "2022-10-01")
    assert "培训 ≥ 10  ░░░░░░░░░░ 0/10  差 10 个" in out


@pytest.mark.parametrize("extra", [0, 3])
def test_the_report_never_leaves_a_tasks_table_header_alone_at_a_pages_foot(
    jiangmen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: int
) -> None:
    # Tasks of different heights (a caution line, a wrapped unconfirmed target) over pages: a table's
    # header once ended page 1 with its rows on page 2.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2022年地市任务清单"])
    ws.append(
        [
            "序号",
            "地市",
            "工作任务名称",
            "任务要求/目标",
            "任务性质",
            "实施方式",
            "实施标准",
            "工作量",
            "完成时限",
        ]
    )
    workloads = [
        ("至少培育3个工业互联网标杆示范项目，其中至少1个5G+工业互联网示范项目", "2022年底"),
        ("推动201家企业上云上平台", "2022年底"),
        ("组织不少于10场培训", "2022年11月30日"),
        ("至少培育2个产业链协同示范标杆", "2022年6月底"),
    ] + [(f"至少培育{i + 2}个工业互联网标杆示范项目", "2022年底") for i in range(extra)]
    for i, (workload, deadline) in enumerate(workloads):
        ws.append([1 if i == 0 else None, "江门" if i == 0 else None, f"任务{i}", "目标", "约束性任务", "因素法分配",
                   "", workload, deadline])  # fmt: skip
    wb.save(tmp_path / "多行.xlsx")
    assert run(capsys, "--db", jiangmen, "tasks", "import", tmp_path / "多行.xlsx")[0] == 0
    assert run(capsys, "--db", jiangmen, "tasks", "import", sheet_2021(tmp_path / "2021.xlsx"))[0] == 0
    assert (
        run(capsys, "--db", jiangmen, "tasks", "report", tmp_path / "报告.xlsx", "--today", "2022-10-01")[0]
        == 0
    )
    with pdfplumber.open(tmp_path / "报告.pdf") as pdf:
        pages = [(p.extract_text() or "").splitlines() for p in pdf.pages]
    for lines in pages:
        body = [line for line in lines if not line.startswith("—")]  # the page number
        assert body[-1] != "目标 进度 差额 计入的项目"
    text = "\n".join("\n".join(lines) for lines in pages)
    assert all(f"任务{i}（" in text for i in range(len(workloads)))


def test_a_list_on_the_second_sheet_is_found(
    jiangmen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet_2021(tmp_path / "2022.xlsx", 2022)
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("封面", 0).append(["2022年工业互联网工作任务"])
    wb.save(path)
    code, out, _ = run(capsys, "--db", jiangmen, "tasks", "import", path)
    assert code == 0 and "7 行，本市 1 行" in out
