"""End to end through the `gdiiot` command: intake sheet → import → check --json → order → export."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from gdiiot_desktop.cli import main
from tests.videos import make_video

HEADERS = [
    "序号", "县区", "项目名称", "申报单位", "统一社会信用代码", "单位类型", "是否中央企业", "注册地",
    "是否独立法人", "试点示范类别", "具体方向", "建设状态", "曾列入试点示范年份", "创新发展工程验收",
    "已通过其他渠道推荐", "联系人", "手机", "邮箱", "视频文件", "申报书文件", "推荐顺序",
]  # fmt: skip
CODES = ["91310110666007217T", "91310115591693856A", "91350500676532779B", "91510100MA6BKY6U36"]


def row(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "县区": "浈江区", "项目名称": "智能工厂项目", "申报单位": "甲公司", "统一社会信用代码": CODES[0],
        "单位类型": "工业企业", "是否中央企业": "否", "注册地": "韶关", "是否独立法人": "是",
        "试点示范类别": "工厂类", "具体方向": "5G工厂", "建设状态": "已建成", "创新发展工程验收": "不涉及",
        "已通过其他渠道推荐": "否", "联系人": "张伟", "手机": "13800138000", "邮箱": "zw@example.com",
        "视频文件": "videos/ok.mp4", "申报书文件": "forms/form.pdf",
    }  # fmt: skip
    base.update(over)
    return base


def write_sheet(folder: Path, rows: list[dict[str, object]], name: str = "intake.xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "申报项目"
    ws.append(HEADERS)
    for i, r in enumerate(rows, 1):
        ws.append([i if h == "序号" else r.get(h) for h in HEADERS])
    path = folder / name
    wb.save(path)
    return path


@pytest.fixture
def sheet_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sheet"
    make_video(folder / "videos" / "ok.mp4", 400)
    make_video(folder / "videos" / "short.mp4", 299)
    make_video(folder / "videos" / "long.mp4", 601)
    (folder / "forms").mkdir()
    (folder / "forms" / "form.pdf").write_bytes(_pdf())
    return folder


def _pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "form")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def init_db(capsys: pytest.CaptureFixture[str], tmp_path: Path, city: str = "韶关") -> Path:
    db = tmp_path / "city.sqlite3"
    code, out, _ = run(capsys, "--db", db, "init", "--city", city)
    assert code == 0 and city in out
    return db


def check_json(capsys: pytest.CaptureFixture[str], db: Path) -> tuple[int, dict[str, object]]:
    code, out, _ = run(capsys, "--db", db, "check", "--json")
    return code, json.loads(out)


def found(report: dict[str, object]) -> set[tuple[str, str | None]]:
    return {(v["rule"], v["project"]) for v in report["violations"]}  # type: ignore[index,union-attr]


def test_clean_sheet_imports_and_checks_clean(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    sheet = write_sheet(sheet_dir, [row(), row(项目名称="平台项目", 申报单位="乙公司", 统一社会信用代码=CODES[1])])
    code, out, _ = run(capsys, "--db", db, "import-xlsx", sheet)
    assert code == 0, out
    code, report = check_json(capsys, db)
    assert code == 0
    assert report["city"] == "韶关" and report["campaign"] == "2023-pilot"
    assert report["violations"] == []
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    listed = json.loads(out)
    assert [(a["project"], a["uscc"], a["county"], a["category"], a["direction"], a["status"]) for a in listed] == [
        ("智能工厂项目", CODES[0], "浈江区", "工厂类", "5G工厂", "registered"),
        ("平台项目", CODES[1], "浈江区", "工厂类", "5G工厂", "registered"),
    ]


def test_every_rule_found_from_a_sheet(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    rows = [
        row(项目名称="5G 智能工厂（一期）", 推荐顺序=1),
        row(项目名称="５Ｇ智能工厂一期", 县区="武江区", 推荐顺序=2),  # duplicate across counties
        row(项目名称="数字孪生产线", 试点示范类别="新技术类", 具体方向="工业互联网+数字孪生应用"),
        row(项目名称="第三个项目", 试点示范类别="平台类", 具体方向="平台+智能化制造"),  # third project
        row(项目名称="两个方向A", 申报单位="丙公司", 统一社会信用代码=CODES[2]),
        row(项目名称="两个方向B", 申报单位="丙公司", 统一社会信用代码=CODES[2], 具体方向="工业互联网+绿色低碳"),
        row(项目名称="短视频", 申报单位="丁公司", 统一社会信用代码=CODES[3], 视频文件="videos/short.mp4"),
        row(项目名称="长视频", 申报单位="戊公司", 统一社会信用代码="91440200MA4UUUUUU0", 视频文件="videos/long.mp4"),
        row(项目名称="未建项目", 申报单位="己公司", 统一社会信用代码="", 建设状态="未建"),
        row(项目名称="已推荐项目", 申报单位="庚公司", 统一社会信用代码="", 已通过其他渠道推荐="通信管理局"),
        row(项目名称="示范期项目", 申报单位="辛公司", 统一社会信用代码="", 曾列入试点示范年份=2022),
        row(项目名称="未验收项目", 申报单位="壬公司", 统一社会信用代码="", 创新发展工程验收="未验收"),
        row(项目名称="外省项目", 申报单位="癸公司", 统一社会信用代码="", 注册地="长沙"),
        row(项目名称="网络项目", 申报单位="子公司", 统一社会信用代码="", 试点示范类别="网络类",
            具体方向="企业内网(网络化)改造(5G/TSN/工业PON/IPv6等)"),
        row(项目名称="无视频无申报书", 申报单位="丑公司", 统一社会信用代码="", 视频文件=None, 申报书文件=None),
    ]
    code, out, err = run(capsys, "--db", db, "import-xlsx", write_sheet(sheet_dir, rows))
    assert code == 0, out + err
    code, report = check_json(capsys, db)
    assert code == 1
    expected = {
        ("DUPLICATE_PROJECT", "５Ｇ智能工厂一期"),
        ("APPLICANT_MAX_PROJECTS", "第三个项目"),
        ("APPLICANT_ONE_DIRECTION_PER_CATEGORY", "两个方向B"),
        ("VIDEO_REQUIRED", "短视频"),
        ("VIDEO_REQUIRED", "长视频"),
        ("USCC_INVALID", "长视频"),
        ("PROJECT_NOT_BUILT", "未建项目"),
        ("ALREADY_RECOMMENDED", "已推荐项目"),
        ("IN_DEMONSTRATION_PERIOD", "示范期项目"),
        ("INNOVATION_PROJECT_NOT_ACCEPTED", "未验收项目"),
        ("APPLICANT_NOT_ELIGIBLE", "外省项目"),
        ("DIRECTION_AUTHORITY", "网络项目"),
        ("VIDEO_REQUIRED", "无视频无申报书"),
        ("MATERIALS_MISSING", "无视频无申报书"),
    }
    # Rows without a code report USCC_INVALID too: a careful official wants the code.
    no_code = {r["项目名称"] for r in rows if r["统一社会信用代码"] == ""}
    expected |= {("USCC_INVALID", p) for p in no_code}
    assert found(report) == expected
    for v in report["violations"]:
        assert v["severity"] in ("error", "warning") and v["message"] and v["clause"]
    dup = next(v for v in report["violations"] if v["rule"] == "DUPLICATE_PROJECT")
    assert dup["applicant_uscc"] == CODES[0] and dup["severity"] == "error"


def test_quota_for_a_north_city(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path, "清远")
    rows = [
        row(项目名称=f"项目{i}", 申报单位=f"公司{i}", 统一社会信用代码="", 县区="清城区", 推荐顺序=i)
        for i in range(1, 8)
    ]
    rows.append(row(项目名称="央企项目", 申报单位="央企分公司", 统一社会信用代码="", 是否中央企业="是", 推荐顺序=8))
    assert run(capsys, "--db", db, "import-xlsx", write_sheet(sheet_dir, rows))[0] == 0
    _, report = check_json(capsys, db)
    quota = [v["project"] for v in report["violations"] if v["rule"] == "CITY_QUOTA"]
    assert quota == ["项目6", "项目7"]


def test_bad_sheet_imports_nothing_unless_asked(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    rows = [row(), row(项目名称="坏行", 申报单位="乙公司", 手机="12345", 建设状态="快建好了")]
    sheet = write_sheet(sheet_dir, rows)
    code, out, err = run(capsys, "--db", db, "import-xlsx", sheet)
    assert code == 2
    assert "第3行" in err and "手机" in err and "建设状态" in err
    assert json.loads(run(capsys, "--db", db, "list", "--json")[1]) == []
    code, out, _ = run(capsys, "--db", db, "import-xlsx", sheet, "--skip-bad-rows")
    assert code == 0 and "第3行" in out
    assert [a["project"] for a in json.loads(run(capsys, "--db", db, "list", "--json")[1])] == ["智能工厂项目"]


def test_import_twice_creates_no_duplicates(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    sheet = write_sheet(sheet_dir, [row(), row(项目名称="另一个", 申报单位="乙公司", 统一社会信用代码=CODES[1])])
    assert run(capsys, "--db", db, "import-xlsx", sheet)[0] == 0
    code, out, _ = run(capsys, "--db", db, "import-xlsx", sheet)
    assert code == 0 and "新增 0 项" in out
    listed = json.loads(run(capsys, "--db", db, "list", "--json")[1])
    assert len(listed) == 2 and all(a["attachments"] == 2 for a in listed)


def test_order_sets_priorities_and_quota(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path, "韶关")
    rows = [row(项目名称=f"项目{i}", 申报单位=f"公司{i}", 统一社会信用代码="") for i in range(1, 7)]
    assert run(capsys, "--db", db, "import-xlsx", write_sheet(sheet_dir, rows))[0] == 0
    ids = [a["id"] for a in json.loads(run(capsys, "--db", db, "list", "--json")[1])]
    assert run(capsys, "--db", db, "order", *reversed(ids))[0] == 0
    listed = json.loads(run(capsys, "--db", db, "list", "--json")[1])
    assert {a["project"]: a["priority"] for a in listed}["项目6"] == 1
    assert all(a["status"] == "recommended" for a in listed)
    _, report = check_json(capsys, db)
    assert [v["project"] for v in report["violations"] if v["rule"] == "CITY_QUOTA"] == ["项目1"]
    assert run(capsys, "--db", db, "order", "--clear")[0] == 0
    assert all(a["priority"] is None for a in json.loads(run(capsys, "--db", db, "list", "--json")[1]))
    assert run(capsys, "--db", db, "order", "999")[0] == 2
    assert run(capsys, "--db", db, "order", "项目2", "项目3")[0] == 0
    listed = json.loads(run(capsys, "--db", db, "list", "--json")[1])
    assert {a["project"]: a["priority"] for a in listed if a["priority"]} == {"项目2": 1, "项目3": 2}
    assert run(capsys, "--db", db, "order", "没有这个项目")[0] == 2


def test_round_trip_template_import_export(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    template = tmp_path / "template.xlsx"
    assert run(capsys, "template", template)[0] == 0
    wb = openpyxl.load_workbook(template)
    ws = wb["申报项目"]
    headers = [c.value for c in ws[1]]
    first = row(推荐顺序=1, 曾列入试点示范年份=2019)
    second = row(项目名称="=HYPERLINK(\"x\")", 申报单位="乙公司", 统一社会信用代码=CODES[1], 视频文件=None)
    for r in (first, second):
        ws.append([r.get(str(h).split("（")[0].split("(")[0].strip()) for h in headers])
    ws.cell(ws.max_row, headers.index("项目名称") + 1).data_type = "s"  # typed text, not a formula
    filled = sheet_dir / "filled.xlsx"
    wb.save(filled)
    code, out, err = run(capsys, "--db", db, "import-xlsx", filled)
    assert code == 0, out + err
    exported = tmp_path / "out" / "export.xlsx"
    assert run(capsys, "--db", db, "export-xlsx", exported)[0] == 0
    assert (exported.parent / "videos" / "ok.mp4").exists()
    out_ws = openpyxl.load_workbook(exported)["申报项目"]
    assert out_ws.cell(3, headers.index("项目名称") + 1).data_type == "s"  # never a formula
    db2 = tmp_path / "second.sqlite3"
    assert run(capsys, "--db", db2, "init", "--city", "韶关")[0] == 0
    assert run(capsys, "--db", db2, "import-xlsx", exported)[0] == 0
    drop_uid = lambda rows: [{k: v for k, v in r.items() if k != "uid"} for r in rows]  # noqa: E731
    one = json.loads(run(capsys, "--db", db, "list", "--json")[1])
    two = json.loads(run(capsys, "--db", db2, "list", "--json")[1])
    assert drop_uid(one) == drop_uid(two)
    exported_again = tmp_path / "again" / "export.xlsx"
    assert run(capsys, "--db", db2, "export-xlsx", exported_again)[0] == 0
    values = lambda p: [[c.value for c in r] for r in openpyxl.load_workbook(p)["申报项目"].iter_rows()]  # noqa: E731
    assert values(exported) == values(exported_again)


def test_directions_export_import_confirm(capsys, tmp_path):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    out = tmp_path / "directions.xlsx"
    code, text, _ = run(capsys, "--db", db, "directions", "export", out)
    assert code == 0 and "未确认" in text
    wb = openpyxl.load_workbook(out)
    ws = wb["方向清单"]
    ws.cell(2, 3).value = "工业互联网+人工智能应用（正式名称）"
    wb.save(out)
    code, text, _ = run(capsys, "--db", db, "directions", "import", out, "--confirm")
    assert code == 0 and "正式名称" in text
    run(capsys, "--db", db, "directions", "export", out)
    assert openpyxl.load_workbook(out)["方向清单"].cell(2, 3).value == "工业互联网+人工智能应用（正式名称）"
    ws.cell(3, 4).value = "国家局"
    ws.delete_rows(5)
    wb.save(out)
    code, _, err = run(capsys, "--db", db, "directions", "import", out)
    assert code == 2 and "第3行" in err


def test_usage_and_bad_input_exit_2(capsys, tmp_path):  # type: ignore[no-untyped-def]
    assert run(capsys, "--db", tmp_path / "x.sqlite3", "init", "--city", "长沙")[0] == 2
    assert run(capsys, "--db", tmp_path / "missing.sqlite3", "list")[0] == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    db = init_db(capsys, tmp_path)
    code, _, err = run(capsys, "--db", db, "import-xlsx", tmp_path / "none.xlsx")
    assert code == 2 and "错误" in err


def test_backup_and_restore(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    code, out, _ = run(capsys, "--db", db, "backup")
    assert code == 0
    backup = Path(out.strip().split("已备份到 ")[1])
    with sqlite3.connect(db) as conn:  # audited, as the settings window's backup is
        details = conn.execute("SELECT details FROM audit_log WHERE action = 'backup'").fetchall()
    assert [json.loads(d)["file"] for (d,) in details] == [backup.name]
    assert run(capsys, "--db", db, "import-xlsx", write_sheet(sheet_dir, [row()]))[0] == 0
    assert len(json.loads(run(capsys, "--db", db, "list", "--json")[1])) == 1
    assert run(capsys, "--db", db, "restore", backup)[0] == 0
    assert json.loads(run(capsys, "--db", db, "list", "--json")[1]) == []
    assert str(backup.name) in run(capsys, "--db", db, "backup", "--list")[1]


def test_console_output_is_utf8(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "gdiiot_desktop.cli", "--db", str(db), "init", "--city", "广州"],
        capture_output=True,
        env={"PYTHONIOENCODING": "gbk", "PATH": "", "SYSTEMROOT": ""},
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert "广州" in result.stdout.decode("utf-8")


def test_return_through_status_records_the_reason(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    assert run(capsys, "--db", db, "import-xlsx", write_sheet(sheet_dir, [row()]))[0] == 0
    app_id = json.loads(run(capsys, "--db", db, "list", "--json")[1])[0]["id"]
    assert run(capsys, "--db", db, "status", str(app_id), "returned")[0] == 2  # a return needs a reason
    code, out, _ = run(capsys, "--db", db, "status", str(app_id), "returned", "--reason", "缺少审计报告")
    assert code == 0 and "已退回" in out
    code, out, _ = run(capsys, "--db", db, "bundle", "returns", "--json")
    assert code == 0 and "缺少审计报告" in out


def test_delete_needs_a_reason_refuses_recommended_and_is_audited(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    sheet = write_sheet(
        sheet_dir, [row(), row(项目名称="重复录入的项目", 统一社会信用代码=CODES[1], 申报单位="乙公司")]
    )
    assert run(capsys, "--db", db, "import-xlsx", sheet)[0] == 0
    first, second = (a["id"] for a in json.loads(run(capsys, "--db", db, "list", "--json")[1]))

    code, _, err = run(capsys, "--db", db, "delete", second)
    assert code == 2 and "请填写删除理由" in err
    assert run(capsys, "--db", db, "order", second)[0] == 0
    code, _, err = run(capsys, "--db", db, "delete", second, "--reason", "重复录入")
    assert code == 2 and "已列入推荐" in err and "移出推荐" in err
    code, _, err = run(capsys, "--db", db, "delete", 999, "--reason", "重复录入")
    assert code == 2 and "找不到编号为 999" in err
    assert len(json.loads(run(capsys, "--db", db, "list", "--json")[1])) == 2

    assert run(capsys, "--db", db, "order", "--clear")[0] == 0
    code, out, _ = run(capsys, "--db", db, "delete", second, "--reason", "重复录入")
    assert code == 0 and f"已删除 [{second}] 重复录入的项目（乙公司）" in out
    assert [a["id"] for a in json.loads(run(capsys, "--db", db, "list", "--json")[1])] == [first]

    from sqlalchemy import select

    from gdiiot_desktop.services.workspace import open_workspace
    from gdiiot_desktop.storage.audit import verify_chain
    from gdiiot_desktop.storage.models import AuditEntry

    ws = open_workspace(db)
    try:
        with ws.db.session() as session:
            entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
            assert entry is not None and entry.action == "delete" and entry.entity_id == str(second)
            details = json.loads(entry.details)
            assert details["reason"] == "重复录入"
            assert details["application"]["project_name"] == "重复录入的项目"
            assert verify_chain(session) == []
    finally:
        ws.close()


def test_settings_recommender_shows_sets_and_clears(capsys, tmp_path):  # type: ignore[no-untyped-def]
    db = init_db(capsys, tmp_path)
    code, out, _ = run(capsys, "--db", db, "settings", "recommender")
    assert code == 0 and out.strip() == "推荐单位：韶关市工业和信息化局（默认）"
    name = "韶关市工业和信息化局（市中小企业局）"
    code, out, _ = run(capsys, "--db", db, "settings", "recommender", f" {name} ")
    assert code == 0 and out.strip() == f"已设定推荐单位：{name}"
    assert run(capsys, "--db", db, "settings", "recommender")[1].strip() == f"推荐单位：{name}"
    code, _, err = run(capsys, "--db", db, "settings", "recommender", "局" * 65)
    assert code == 2 and "太长" in err
    code, _, err = run(capsys, "--db", db, "settings", "recommender", "某局", "--clear")
    assert code == 2 and "--clear" in err
    code, out, _ = run(capsys, "--db", db, "settings", "recommender", "--clear")
    assert code == 0 and out.strip() == "已设定推荐单位：韶关市工业和信息化局（默认）"
    assert run(capsys, "--db", db, "settings", "recommender", "")[0] == 0  # blank also means the default
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), "settings"])
    assert exit_info.value.code == 2


def test_a_county_outside_the_city_is_imported_with_a_warning(capsys, tmp_path, sheet_dir):  # type: ignore[no-untyped-def]
    # 韶关's counties are GB/T 2260's; 天河区 is 广州's. The row is imported, and the user is told now
    # that this county's bundles would be refused at the city. A spelling with a full-width space is 浈江区.
    db = init_db(capsys, tmp_path)
    rows = [row(县区="天河区"), row(县区="浈江区\u3000", 项目名称="工业互联网平台", 统一社会信用代码=CODES[1], 申报单位="乙公司")]
    code, out, err = run(capsys, "--db", db, "import-xlsx", write_sheet(sheet_dir, rows))
    assert code == 0 and "“天河区”不是韶关市的县区" in out + err and "第2行" in out + err
    assert sorted(a["county"] for a in json.loads(run(capsys, "--db", db, "list", "--json")[1])) == ["天河区", "浈江区"]
