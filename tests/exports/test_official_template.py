"""Filling an official-looking template without damage: projects in its pre-bordered rows, rows
inserted inside the table when more are needed (the note, 填表人 and 审核人 lines move down with
their merges, heights and styles), headers matched by meaning, every empty column named, and a
PDF drawn from the template's layout."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from gdiiot_desktop.services import document_settings
from gdiiot_desktop.services.exports import ExportKind, ExportRequest, run_export
from gdiiot_desktop.services.exports.snapshot import Snapshot, freeze
from gdiiot_desktop.services.exports.summary_template import fill_template, inspect_template
from gdiiot_desktop.services.exports.template_headers import match_header
from gdiiot_desktop.services.exports.template_pdf import write_template_pdf
from tests.exports.builders import PROJECTS, City
from tests.exports.conftest import BEFORE_DEADLINE
from tests.exports.official_template import (
    CHECKER,
    NOTE,
    NOTE_ROW,
    SIGNER,
    SIGNER_ROW,
    make_official_template,
)


def _merged(ws: openpyxl.worksheet.worksheet.Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def _many(snapshot: Snapshot, count: int) -> Snapshot:
    apps = [replace(snapshot.applications[i % 3], priority=i + 1) for i in range(count)]
    return replace(snapshot, applications=tuple(apps))


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("所属类别", "category"), ("类别", "category"), ("试点示范类别", "category"),
        ("具体方向", "direction"), ("方向", "direction"), ("申报单位", "applicant"), ("企业名称", "applicant"),
        ("*项目 名称", "project"), ("所属类别（从下拉列表选择）", "category"), ("E-mail", "email"),
        ("联系电话", "mobile"), ("项目总投资（万元）", "investment"), ("联系人信息", None), ("审核意见", None),
    ],
)  # fmt: skip
def test_headers_are_matched_by_meaning(header: str, key: str | None) -> None:
    assert match_header(header) == key


def test_projects_fill_the_templates_own_rows(city: City, tmp_path: Path) -> None:
    template = make_official_template(tmp_path / "附件4模板.xlsx")
    check = inspect_template(template)  # known before exporting
    assert check.unrecognised == ("审核意见",) and check.slots == 5
    assert check.recognised["所属类别"] == "试点示范类别"
    snapshot = freeze(city.ws, BEFORE_DEADLINE)
    filled = fill_template(city.ws.campaign, snapshot, template, tmp_path / "filled.xlsx")
    assert filled.inserted_rows == 0
    assert "审核意见" in filled.empty_columns and "审核意见" in filled.warnings()[0]
    ws = openpyxl.load_workbook(filled.path)["附件4"]
    assert [(ws.cell(row=r, column=2).value, ws.cell(row=r, column=3).value) for r in (5, 6, 7)] == PROJECTS
    category = city.ws.campaign.category(snapshot.applications[0].category_id)
    assert category is not None and ws["E5"].value == category.name  # 所属类别 filled
    assert ws["N5"].value == "3200.5"  # 项目总投资（万元）
    assert ws["B8"].value is None and ws["B8"].border.left.style == "thin"  # the unused rows stay as they were
    assert ws[f"A{NOTE_ROW}"].value == NOTE and ws[f"A{SIGNER_ROW}"].value == SIGNER
    assert f"A{NOTE_ROW}:P{NOTE_ROW}" in _merged(ws) and "A1:P1" in _merged(ws) and "I3:L3" in _merged(ws)
    assert ws["A2"].value.startswith(f"推荐单位（盖章）：{snapshot.recommender}")
    assert "填表日期：2023年11月28日" in ws["A2"].value
    assert snapshot.id in ws.oddFooter.left.text


def test_more_projects_than_rows_insert_rows_inside_the_table(city: City, tmp_path: Path) -> None:
    template = make_official_template(tmp_path / "附件4模板.xlsx")
    snapshot = _many(freeze(city.ws, BEFORE_DEADLINE), 8)
    filled = fill_template(city.ws.campaign, snapshot, template, tmp_path / "filled.xlsx")
    assert filled.inserted_rows == 3
    ws = openpyxl.load_workbook(filled.path)["附件4"]
    assert [ws.cell(row=r, column=1).value for r in range(5, 13)] == list(range(1, 9))
    note, signer = NOTE_ROW + 3, SIGNER_ROW + 3
    assert ws[f"A{note}"].value == NOTE and ws[f"A{note}"].font.i  # moved down with its style
    assert ws[f"A{signer}"].value == SIGNER and ws[f"H{signer}"].value == CHECKER
    merged = _merged(ws)
    assert {f"A{note}:P{note}", f"A{signer}:F{signer}", f"H{signer}:P{signer}"} <= merged
    assert f"A{NOTE_ROW}:P{NOTE_ROW}" not in merged  # nothing left behind over the data
    assert ws.row_dimensions[note].height == 45 and ws.row_dimensions[signer].height == 28
    for row in (10, 11, 12):  # the new rows look like the template's own
        assert ws.cell(row=row, column=16).border.right.style == "thin"
        assert ws.row_dimensions[row].height >= 30
    assert ws.print_area.endswith(f"$P${signer}")
    assert str(ws.data_validations.dataValidation[0].sqref) == "E5:E12"


def test_pdf_is_drawn_from_the_template_layout(city: City, tmp_path: Path) -> None:
    template = make_official_template(tmp_path / "附件4模板.xlsx")
    snapshot = _many(freeze(city.ws, BEFORE_DEADLINE), 8)
    filled = fill_template(city.ws.campaign, snapshot, template, tmp_path / "filled.xlsx")
    assert filled.region is not None
    pdf = write_template_pdf(filled.path, filled.region, tmp_path / "filled.pdf", snapshot, "汇总表")
    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
        words = doc.pages[0].extract_words()
    flat = text.replace("\n", "").replace(" ", "")
    for expected in ("所属类别", "审核意见", "联系人信息", "注：1.请按推荐顺序填写", "填表人：", snapshot.id):
        assert expected in flat, expected
    assert "试点示范类别" not in flat  # the program's own header wording is not used
    x = {w["text"]: w["x0"] for w in words}
    assert x["序号"] < x["项目名称"] < x["申报单位"] < x["所属类别"] < x["备注"] < x["审核意见"]  # the template's order


def test_export_with_the_template_warns_and_uses_its_layout(city: City, tmp_path: Path) -> None:
    template = make_official_template(tmp_path / "附件4模板.xlsx")
    document_settings.set_contact(city.ws, "张伟", "0751-8888123")
    result = run_export(
        city.ws, ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "out", template=template),
        now=datetime(2023, 11, 28, 10),
    )
    assert any("审核意见" in w for w in result.warnings)
    pdf = next(p for p in result.files if p.suffix == ".pdf" and "汇总表" in p.name)
    with pdfplumber.open(pdf) as doc:
        assert "所属类别" in (doc.pages[0].extract_text() or "")
    xlsx = next(p for p in result.files if p.suffix == ".xlsx")
    signer = openpyxl.load_workbook(xlsx)["附件4"][f"A{SIGNER_ROW}"].value
    assert signer.startswith("填表人：张伟") and signer.endswith("联系电话：0751-8888123")  # from the frozen letter
