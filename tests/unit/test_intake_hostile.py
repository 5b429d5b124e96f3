"""Crafted .xlsx files: every cap and numbering rule ends in a Chinese refusal, never an exception.

The workbooks start as a real sheet written by openpyxl; one XML part is then rewritten the way
an attacker (or a broken generator) would.
"""

from __future__ import annotations

import re
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from gdiiot_desktop.domain.campaign import Campaign
from gdiiot_desktop.services import intake_package
from gdiiot_desktop.services.intake_sheet import IntakeResult, read_sheet
from tests.unit.test_intake_sheet import good_row, make_files, write_sheet

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    make_files(tmp_path)
    return tmp_path


def repack(path: Path, changes: dict[str, bytes | Callable[[bytes], bytes]]) -> Path:
    """Rewrite members of the .xlsx (a callable gets the old bytes); new names are added."""
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    for name, change in changes.items():
        members[name] = change(members[name]) if callable(change) else change
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def in_sheet(old: str, new: str) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        text = data.decode()
        assert old in text, old
        return text.replace(old, new, 1).encode()

    return change


def refusal(result: IntakeResult) -> str:
    assert not result.rows and result.sheet_errors, (result.rows, result.errors)
    return "\n".join(result.sheet_errors)


def crafted(folder: Path, rows: int = 2, **changes: bytes | Callable[[bytes], bytes]) -> Path:
    path = write_sheet(folder, [good_row(项目名称=f"项目{i}") for i in range(rows)])
    return repack(path, {name.replace("__", "/").replace("_xml", ".xml"): c for name, c in changes.items()})


def sheet(change: Callable[[bytes], bytes]) -> dict[str, Callable[[bytes], bytes]]:
    return {SHEET: change}


# ---------------------------------------------------------------------------------------
# Numbering: rows and cells as Excel could have written them
# ---------------------------------------------------------------------------------------


def test_row_zero_is_refused_with_its_place(folder: Path, campaign: Campaign) -> None:
    path = repack(write_sheet(folder, [good_row()]), sheet(in_sheet('<row r="2">', '<row r="0">')))
    text = refusal(read_sheet(path, campaign))
    assert 'r="0"' in text and "1～1048576" in text and "丢掉这一行" in text


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('<row r="3">', '<row r="2">', "行号 2 出现在第2行之后"),
        ('<row r="3">', '<row r="1">', "行号 1 出现在第2行之后"),
        ('<row r="2">', '<row r="abc">', "不是数字"),
        ('<row r="2">', '<row r="99999999999">', "不是数字"),
        ('<row r="2">', '<row r="1048577">', "1～1048576"),
    ],
)
def test_rows_out_of_order_or_out_of_range(
    folder: Path, campaign: Campaign, old: str, new: str, expected: str
) -> None:
    rows = [good_row(), good_row(项目名称="第二个")]
    path = repack(write_sheet(folder, rows), sheet(in_sheet(old, new)))
    assert expected in refusal(read_sheet(path, campaign))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('<c r="B2"', '<c r="B3"', "第2行中的单元格 B3 属于第3行"),
        ('<c r="B2"', '<c r="A2"', "单元格重复或顺序错乱"),
        ('<c r="B2"', '<c r="AAAA2"', "单元格引用“AAAA2”无效"),
        ('<c r="B2"', '<c r="XFE2"', "最后一列 XFD"),
        ('<c r="B2"', '<c r="B0"', "单元格引用“B0”无效"),
    ],
)
def test_cell_references_that_excel_cannot_write(
    folder: Path, campaign: Campaign, old: str, new: str, expected: str
) -> None:
    path = repack(write_sheet(folder, [good_row()]), sheet(in_sheet(old, new)))
    assert expected in refusal(read_sheet(path, campaign))


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("AAAA1:B2", "合并单元格区域“AAAA1:B2”无效"),
        ("A0:B2", "合并单元格区域“A0:B2”无效：行号 0"),
        ("A1:B9999999", "合并单元格区域“A1:B9999999”无效"),
        ("A1:", "合并单元格区域“A1:”无效"),
        ("garbage", "合并单元格区域“garbage”无效"),
    ],
)
def test_bad_merge_references_are_refused(folder: Path, campaign: Campaign, ref: str, expected: str) -> None:
    path = repack(
        write_sheet(folder, [good_row()]),
        sheet(
            in_sheet(
                "</sheetData>", f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
            )
        ),
    )
    assert expected in refusal(read_sheet(path, campaign))


def test_good_merge_below_the_header_still_marks_its_rows(folder: Path, campaign: Campaign) -> None:
    path = repack(
        write_sheet(folder, [good_row(), good_row(项目名称="第二个")]),
        sheet(
            in_sheet(
                "</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="c2:c3"/></mergeCells>'
            )
        ),
    )
    result = read_sheet(path, campaign)
    assert not result.rows and {e.row for e in result.errors} == {2, 3}
    assert "C2:C3 是合并单元格" in result.errors[0].reason


# ---------------------------------------------------------------------------------------
# Cached values openpyxl would turn into an exception or a wrong value
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9" * 5000, "不是有效的数字"),
        ("nan", "不是有效的数字"),
        ("1e999", "不是有效的数字"),
        ("12abc", "不是有效的数字"),
    ],
)
def test_numbers_that_are_not_numbers(folder: Path, campaign: Campaign, value: str, expected: str) -> None:
    path = repack(
        write_sheet(folder, [good_row()]),
        sheet(in_sheet('<c r="A2" t="n"><v>1</v></c>', f'<c r="A2" t="n"><v>{value}</v></c>')),
    )
    text = refusal(read_sheet(path, campaign))
    assert "单元格 A2 标为数字" in text and expected in text


SST = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
    b"<si><t>shared</t></si></sst>"
)


def with_shared_strings(path: Path, sst: bytes, cell_value: str) -> Path:
    return repack(
        path,
        {
            "xl/sharedStrings.xml": sst,
            "[Content_Types].xml": in_sheet(
                "</Types>",
                '<Override PartName="/xl/sharedStrings.xml" ContentType='
                '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            ),
            SHEET: in_sheet('<c r="A2" t="n"><v>1</v></c>', f'<c r="A2" t="s"><v>{cell_value}</v></c>'),
        },
    )


@pytest.mark.parametrize("index", ["1", "-1", "99999999999", "x"])
def test_shared_string_that_does_not_exist(folder: Path, campaign: Campaign, index: str) -> None:
    path = with_shared_strings(write_sheet(folder, [good_row()]), SST, index)
    assert "单元格 A2 引用了不存在的共享字符串" in refusal(read_sheet(path, campaign))


def test_shared_string_that_exists_is_read(folder: Path, campaign: Campaign) -> None:
    path = with_shared_strings(write_sheet(folder, [good_row()]), SST, "0")
    result = read_sheet(path, campaign)
    assert result.ok and len(result.rows) == 1


def test_a_bad_date_cell_is_a_message_with_its_row(folder: Path, campaign: Campaign) -> None:
    # what the scan does not check still ends as a message: openpyxl's own error, with the place
    path = repack(
        write_sheet(folder, [good_row(), good_row(项目名称="第二个")]),
        sheet(in_sheet('<c r="A3" t="n"><v>1</v></c>', '<c r="A3" t="d"><v>not a date</v></c>')),
    )
    text = refusal(read_sheet(path, campaign))
    assert "工作表“申报项目”第3行附近的内容已损坏或无法识别" in text


# ---------------------------------------------------------------------------------------
# Size: refused while streaming, before anything large is built
# ---------------------------------------------------------------------------------------


def wide_row(cells: int) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        filler = b"".join(b'<c t="n"><v>1</v></c>' for _ in range(cells))
        return re.sub(rb'(<row r="2"[^>]*>)', lambda m: m.group(1) + filler, data, count=1)

    return change


def test_a_row_wider_than_excel_is_refused_quickly_and_small(folder: Path, campaign: Campaign) -> None:
    path = repack(write_sheet(folder, [good_row()]), sheet(in_sheet("</sheetData>", "</sheetData>")))
    # cells before the real ones: 20,000 in row 3 (Excel holds 16,384 columns)
    path = repack(
        path,
        sheet(
            lambda d: d.replace(
                b"</sheetData>", b'<row r="3">' + b"<c><v>1</v></c>" * 20_000 + b"</row></sheetData>"
            )
        ),
    )
    tracemalloc.start()
    started = time.perf_counter()
    text = refusal(read_sheet(path, campaign))
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "第3行的单元格超过 16384 个" in text
    assert peak < 20 * 1024**2, peak  # nothing row-sized was built
    assert elapsed < 10


@pytest.mark.parametrize(
    ("cap", "value", "build", "expected"),
    [
        ("MAX_CELLS_PER_ROW", 30, wide_row(40), "第2行的单元格超过 30 个"),
        ("MAX_CELLS", 50, wide_row(60), "工作表的单元格超过 50 个"),
        ("MAX_ELEMENTS_PER_ROW", 100, wide_row(60), "第2行的内容过多"),
        ("MAX_SHEET_BYTES", 1000, wide_row(1), "sheet1.xml 解压后过大"),
        ("MAX_DEPTH", 4, wide_row(1), "嵌套层数过深"),
    ],
)
def test_sheet_caps(
    folder: Path,
    campaign: Campaign,
    monkeypatch: pytest.MonkeyPatch,
    cap: str,
    value: int,
    build: Callable[[bytes], bytes],
    expected: str,
) -> None:
    path = repack(write_sheet(folder, [good_row()]), sheet(build))
    monkeypatch.setattr(intake_package, cap, value)
    assert expected in refusal(read_sheet(path, campaign))


def test_huge_cell_text_is_refused(folder: Path, campaign: Campaign) -> None:
    long_text = "长" * 70_000
    path = repack(
        write_sheet(folder, [good_row(项目名称="PROJECT-NAME")]),
        sheet(in_sheet("<t>PROJECT-NAME</t>", f"<t>{long_text}</t>")),
    )
    assert "单元格 C2 的内容过长" in refusal(read_sheet(path, campaign))


def test_shared_strings_caps(folder: Path, campaign: Campaign, monkeypatch: pytest.MonkeyPatch) -> None:
    many = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si><t>x</t></si>" * 20
        + b"</sst>"
    )
    path = with_shared_strings(write_sheet(folder, [good_row()]), many, "0")
    monkeypatch.setattr(intake_package, "MAX_SHARED_STRINGS", 10)
    assert "共享字符串过多（超过 10 个）" in refusal(read_sheet(path, campaign))
    monkeypatch.setattr(intake_package, "MAX_SHARED_STRINGS", 100)
    monkeypatch.setattr(intake_package, "MAX_SHARED_STRINGS_BYTES", 100)
    assert "sharedStrings.xml 解压后过大" in refusal(read_sheet(path, campaign))


def test_other_parts_are_capped_too(
    folder: Path, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_sheet(folder, [good_row()])
    monkeypatch.setattr(intake_package, "MAX_PART_ELEMENTS", 20)
    assert "元素过多（超过 20 个）" in refusal(read_sheet(path, campaign))


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>'
)


def test_doctype_and_entities_are_refused(folder: Path, campaign: Campaign) -> None:
    path = with_shared_strings(write_sheet(folder, [good_row()]), BILLION_LAUGHS, "0")
    assert "DOCTYPE" in refusal(read_sheet(path, campaign))


def test_a_hostile_second_sheet_is_refused_before_it_is_peeked_at(folder: Path, campaign: Campaign) -> None:
    # no sheet is named 申报项目: every visible sheet is looked at, so every sheet is scanned
    path = write_sheet(folder, [good_row()], title="Sheet1")
    path = repack(
        path, {SHEET: lambda d: d.replace(b'<row r="1">', b'<row r="1">' + b"<c><v>1</v></c>" * 17_000, 1)}
    )
    assert "第1行的单元格超过 16384 个" in refusal(read_sheet(path, campaign))


def test_an_ordinary_sheet_passes_every_scan(folder: Path, campaign: Campaign) -> None:
    facts = intake_package.inspect_package(write_sheet(folder, [good_row(), good_row(项目名称="二")]))
    assert facts is not None
    sheet_facts = facts.sheet("/" + SHEET)
    assert sheet_facts.last_row == 3 and sheet_facts.cells > 30
