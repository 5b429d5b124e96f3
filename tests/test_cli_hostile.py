"""Hostile input through the `gdiiot` command: every case ends in exit 2 with its own Chinese message,
no traceback, and nothing saved changed (the database file byte for byte, or — where a refusal is
recorded in the audit log — every table but that log, and the attachment store byte for byte).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_cli import row, run, write_sheet

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture
def sheet_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sheet"
    (folder / "forms").mkdir(parents=True)
    (folder / "forms" / "form.pdf").write_bytes(b"%PDF-1.4 not really")
    return folder


@pytest.fixture
def db(capsys: pytest.CaptureFixture[str], tmp_path: Path, sheet_dir: Path) -> Path:
    path = tmp_path / "city.sqlite3"
    assert run(capsys, "--db", path, "init", "--city", "韶关")[0] == 0
    sheet = write_sheet(
        sheet_dir,
        [row(视频文件=None, 推荐顺序=1), row(项目名称="平台项目", 视频文件=None, 申报书文件=None)],
        name="first.xlsx",
    )
    code, out, err = run(capsys, "--db", path, "import-xlsx", sheet)
    assert code == 0, out + err
    return path


def file_state(db: Path) -> dict[str, str]:
    """SHA-256 of the database file, its side files and every file of the attachment store."""
    files = [p for p in db.parent.glob(db.name + "*") if not p.name.endswith(".lock")]
    store = db.with_name(f"{db.stem}.files")
    if store.exists():
        files += [p for p in store.rglob("*") if p.is_file()]
    return {str(p.relative_to(db.parent)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


def store_state(db: Path) -> dict[str, str]:
    return {k: v for k, v in file_state(db).items() if ".files" in k}


def tables_but_audit(db: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [line for line in conn.iterdump() if "audit_log" not in line]
    finally:
        conn.close()


def audit_rows(db: Path, action: str) -> list[dict[str, object]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT details FROM audit_log WHERE action = ? ORDER BY id", (action,)).fetchall()
    finally:
        conn.close()
    return [json.loads(r[0]) for r in rows]


def refused(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    code, out, err = run(capsys, *args)
    assert code == 2, out + err
    assert "Traceback" not in out + err
    return err


# ---------------------------------------------------------------------------------------
# Sheets: paths, characters, lengths, XML, priorities — refused with a trace in the audit log
# ---------------------------------------------------------------------------------------


def assert_refused_sheet(capsys: pytest.CaptureFixture[str], db: Path, sheet: Path, *expected: str) -> str:
    before_tables, before_store = tables_but_audit(db), store_state(db)
    traces = len(audit_rows(db, "import_refused"))
    err = refused(capsys, "--db", db, "import-xlsx", sheet)
    for text in expected:
        assert text in err, err
    assert tables_but_audit(db) == before_tables
    assert store_state(db) == before_store
    trace = audit_rows(db, "import_refused")
    assert len(trace) == traces + 1
    assert trace[-1]["file"] == sheet.name
    assert trace[-1]["sha256"] == hashlib.sha256(sheet.read_bytes()).hexdigest()
    assert trace[-1]["size"] == sheet.stat().st_size
    assert trace[-1]["reasons"]
    return err


def test_paths_leaving_the_sheet_folder_copy_nothing(capsys, db, sheet_dir):  # type: ignore[no-untyped-def]
    sheet = write_sheet(sheet_dir, [row(视频文件="../../../../etc/hostname", 申报书文件="/etc/passwd")])
    assert_refused_sheet(capsys, db, sheet, "“..”", "绝对路径", "视频文件", "申报书文件")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("\\\\host\\share\\x.pdf", "网络共享或设备路径"),
        ("\\\\.\\pipe\\x", "网络共享或设备路径"),
        ("\\\\?\\UNC\\host\\share\\x.pdf", "网络共享或设备路径"),
        ("C:\\Windows\\win.ini", "盘符"),
        ("forms/form.pdf:secret", "冒号"),
        ("forms/NUL.pdf", "设备名"),
        ("forms/form.pdf.", "句点或空格结尾"),
    ],
)
def test_windows_paths_in_cells_are_refused(capsys, db, sheet_dir, path, reason):  # type: ignore[no-untyped-def]
    sheet = write_sheet(sheet_dir, [row(视频文件=None, 申报书文件=path)])
    assert_refused_sheet(capsys, db, sheet, reason, "申报书文件")


def test_invisible_characters_in_cells_name_the_field(capsys, db, sheet_dir):  # type: ignore[no-untyped-def]
    # XML itself keeps C0 controls and U+FFFF out of an .xlsx (the parser refuses the file); bidi controls pass
    sheet = write_sheet(
        sheet_dir, [row(视频文件=None, 项目名称="智能\u202e工厂", 申报单位="甲\u2066公司")], name="chars.xlsx"
    )
    err = assert_refused_sheet(capsys, db, sheet, "项目名称含有不允许的字符：文字方向控制符 U+202E")
    assert "申报单位含有不允许的字符：文字方向控制符 U+2066" in err
    assert "\u2066" not in err and "\u202e" not in err


def test_overlong_fields_are_refused_with_the_cap(capsys, db, sheet_dir):  # type: ignore[no-untyped-def]
    sheet = write_sheet(sheet_dir, [row(视频文件=None, 项目名称="长" * 101, 联系人="名" * 51)], name="long.xlsx")
    assert_refused_sheet(capsys, db, sheet, "项目名称过长（101个字，最多100个字）", "联系人过长")


def test_hostile_xml_is_refused_with_a_trace(capsys, db, sheet_dir):  # type: ignore[no-untyped-def]
    sheet = write_sheet(sheet_dir, [row(视频文件=None)], name="xml.xlsx")
    with zipfile.ZipFile(sheet) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b'<row r="2"', b'<row r="0"', 1
    )
    with zipfile.ZipFile(sheet, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert_refused_sheet(capsys, db, sheet, 'r="0"', "丢掉这一行")


def test_an_import_never_puts_two_projects_at_one_priority(capsys, db, sheet_dir):  # type: ignore[no-untyped-def]
    sheet = write_sheet(sheet_dir, [row(项目名称="新项目", 视频文件=None, 推荐顺序=1)], name="prio.xlsx")
    err = assert_refused_sheet(capsys, db, sheet, "第2行", "推荐顺序1已由项目“智能工厂项目”", "两个项目排在同一位")
    assert "U列" in err  # the cell: 推荐顺序 is the 21st column
    # renumbering the holder in the same sheet is fine: no two projects share a place afterwards
    sheet = write_sheet(
        sheet_dir,
        [row(视频文件=None, 推荐顺序=2), row(项目名称="新项目", 视频文件=None, 推荐顺序=1)],
        name="renumber.xlsx",
    )
    code, out, err = run(capsys, "--db", db, "import-xlsx", sheet)
    assert code == 0, out + err
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    listed = json.loads(out)
    priorities = [a["priority"] for a in listed if a["priority"] is not None]
    assert sorted(priorities) == [1, 2]


def wide_row_workbook(folder: Path) -> Path:
    """A small .xlsx whose second row holds 20,000 cells (Excel has 16,384 columns)."""
    path = write_sheet(folder, [row()], name="wide.xlsx")
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    members["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", b'<row r="3">' + b"<c><v>1</v></c>" * 20_000 + b"</row></sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "command", [["import-xlsx"], ["directions", "import"], ["tasks", "import"], ["bundle", "import"]]
)
@pytest.mark.parametrize("source", ["wide", "device", "folder"])
def test_every_sheet_reader_is_bounded_and_never_blocks(capsys, db, sheet_dir, command, source):  # type: ignore[no-untyped-def]
    path = {"wide": lambda: wide_row_workbook(sheet_dir), "device": lambda: Path("/dev/zero"), "folder": lambda: sheet_dir}[
        source
    ]()
    if source == "device" and not path.exists():
        pytest.skip("no /dev/zero here")
    before = tables_but_audit(db)
    err = refused(capsys, "--db", db, *command, path)
    if command[0] == "bundle":
        assert "数据包" in err  # a workbook or a device is no bundle: refused by the bundle reader
    else:
        assert ("单元格超过 16384 个" if source == "wide" else "不是一个普通文件") in err
    assert tables_but_audit(db) == before


# ---------------------------------------------------------------------------------------
# The database: another program's lock, a read-only medium, damaged text
# ---------------------------------------------------------------------------------------


@pytest.fixture
def foreign_write_lock(db: Path) -> Iterator[None]:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def test_another_programs_write_lock_names_the_file(capsys, db, foreign_write_lock):  # type: ignore[no-untyped-def]
    before = file_state(db)
    err = refused(capsys, "--db", db, "settings", "recommender", "韶关市经济和信息化局")
    assert f"数据库文件 {db} 正被另一个程序占用" in err and "没有保存任何修改" in err
    assert file_state(db) == before


@pytest.fixture
def read_only_copy(db: Path, tmp_path: Path) -> Iterator[Path]:
    """The database on a medium nobody can write: a read-only bind mount (as root), else a 0555 folder."""
    source = tmp_path / "medium-source"
    source.mkdir()
    (source / db.name).write_bytes(db.read_bytes())
    mounted = tmp_path / "medium"
    mounted.mkdir()
    if os.geteuid() == 0:
        made = subprocess.run(["mount", "--bind", str(source), str(mounted)], capture_output=True)
        if made.returncode != 0:
            pytest.skip("cannot make a read-only medium here (no bind mount, running as root)")
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mounted)], check=True)
        try:
            yield mounted / db.name
        finally:
            subprocess.run(["umount", str(mounted)], check=True)
    else:
        mounted.rmdir()
        source.rename(mounted)
        (mounted / db.name).chmod(0o444)
        mounted.chmod(0o555)
        try:
            yield mounted / db.name
        finally:
            mounted.chmod(0o755)


def test_a_read_only_medium_is_read_and_never_called_corrupt(capsys, read_only_copy):  # type: ignore[no-untyped-def]
    before = file_state(read_only_copy)
    code, out, err = run(capsys, "--db", read_only_copy, "list")
    assert code == 0 and "智能工厂项目" in out, out + err
    err = refused(capsys, "--db", read_only_copy, "backup")
    assert "所在的位置是只读的" in err and "数据库本身没有损坏" in err and "损坏，无法" not in err
    err = refused(capsys, "--db", read_only_copy, "settings", "recommender", "某某局")
    assert "只读" in err
    assert file_state(read_only_copy) == before


def test_the_windows_quick_start_reads_a_read_only_medium(read_only_copy):  # type: ignore[no-untyped-def]
    from gdiiot_desktop.storage.quick_read import read_quick_view

    before = file_state(read_only_copy)
    view = read_quick_view(read_only_copy)
    assert view is not None and {e.project_name for e in view.entries} >= {"智能工厂项目", "平台项目"}
    assert file_state(read_only_copy) == before


def flip_text(db: Path, text: str) -> None:
    """Damage one byte inside every copy of `text` in the file (as a bad sector or a bad copy would)."""
    data = bytearray(db.read_bytes())
    needle = text.encode()
    at = data.find(needle)
    assert at >= 0
    while at >= 0:
        data[at + 1] = 0xFF
        at = data.find(needle, at + 1)
    db.write_bytes(bytes(data))


def test_a_flipped_byte_in_text_names_the_restore_command(capsys, db):  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", db, "backup")
    assert code == 0
    backup = out.strip().removeprefix("已备份到 ")
    flip_text(db, "平台项目")
    before = file_state(db)
    err = refused(capsys, "--db", db, "list")
    assert "有一段文字已损坏" in err and f'gdiiot --db "{db}" restore "{backup}"' in err
    assert file_state(db) == before


# ---------------------------------------------------------------------------------------
# Commands: overrides, attachments, arguments, echo
# ---------------------------------------------------------------------------------------


def test_override_of_a_strict_rule_is_refused_naming_its_grade(capsys, db):  # type: ignore[no-untyped-def]
    before = file_state(db)
    err = refused(capsys, "--db", db, "override", 1, "PROJECT_NOT_BUILT", "--reason", "领导同意")
    assert "PROJECT_NOT_BUILT" in err and "等级是“" in err and "没有做任何修改" in err
    assert file_state(db) == before
    code, out, err = run(capsys, "--db", db, "override", 1, "USCC_INVALID", "--reason", "旧版代码属实")
    assert code == 0, out + err


def test_attach_refuses_network_and_device_paths(capsys, db):  # type: ignore[no-untyped-def]
    before = file_state(db)
    for path in ("\\\\host\\share\\x.pdf", "x.pdf:stream"):
        err = refused(capsys, "--db", db, "attach", 1, path, "--class", "application_form")
        assert "不能添加附件" in err
    assert file_state(db) == before


def test_control_characters_in_arguments_are_refused_and_not_echoed(capsys, db):  # type: ignore[no-untyped-def]
    before = file_state(db)
    err = refused(capsys, "--db", db, "status", 1, "withdrawn", "--reason", "\x1b[2J清屏")
    assert "参数 --reason 含有不允许的字符：控制字符 U+001B" in err and "\x1b" not in err
    assert file_state(db) == before


def test_stored_control_characters_are_escaped_on_output(capsys, db):  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db)
    conn.execute("UPDATE applications SET project_name = ? WHERE id = 1", ("恶意\x1b]0;title\x07\u202e名称",))
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "恶意\\u001b]0;title\\u0007\\u202e名称" in out
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert "\x1b" not in out
    assert json.loads(out)[0]["project"] == "恶意\x1b]0;title\x07\u202e名称"


@pytest.mark.parametrize(
    "argv",
    [
        ["order", "9" * 5000],
        ["order", "²"],
        ["export", "all", "OUT", "--explain", "9" * 5000 + "=理由"],
        ["campaign", "new", "--from", "2023-pilot", "OUT.toml", "--set", "regions[" + "9" * 5000 + "].quota=6"],
    ],
)
def test_absurd_numbers_in_arguments_are_a_message(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, argv: list[str]
) -> None:
    # int() refuses more than 4,300 digits with a ValueError: such an id is simply not found.
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in argv]
    code, out, err = run(capsys, "--db", db, *argv)
    assert code == 2 and err.startswith("错误：") and "Traceback" not in err + out


def test_a_reader_that_stops_reading_is_no_traceback(db: Path) -> None:
    # `gdiiot list | head -1`: the pipe closes before the output is written.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        code = (
            "import sys; from gdiiot_desktop.cli import main; "
            "sys.exit(main(['campaign', 'diff', '2023-pilot', '2022-jiangmen-fund']))"  # ~18 KB of output
        )
        done = subprocess.run([sys.executable, "-c", code], stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert done.returncode == 0 and "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["override", "abc", "USCC_INVALID"], "参数 id 的值 'abc' 不是有效的整数"),
        (["keys", "replace", "南海区", "--trust", "1"], "缺少必须填写的参数：--reason"),
        (["list", "--bogus"], "无法识别的参数：--bogus"),
        (["export", "wrong", "out"], "参数 kind 的值 'wrong' 无效，可选：'table', 'package', 'disc', 'iso', 'all'"),
    ],
)
def test_usage_errors_are_said_in_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "--db", tmp_path / "x.sqlite3", *argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and f"用法错误：{expected}" in err
    assert "required" not in err and "invalid" not in err and "unrecognized" not in err
