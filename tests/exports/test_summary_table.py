"""The summary table (附件4) read back: values in priority order, merged cells, print settings,
no formula from user text, the snapshot id in properties and footer; its PDF; the official template."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from gdiiot_desktop.services.exports import ExportError
from gdiiot_desktop.services.exports.snapshot import freeze
from gdiiot_desktop.services.exports.summary_data import COLUMNS
from gdiiot_desktop.services.exports.summary_template import fill_template
from gdiiot_desktop.services.exports.summary_xlsx import SNAPSHOT_PROPERTY
from tests.exports.builders import PROJECTS, City
from tests.exports.conftest import BEFORE_DEADLINE, Exported

HEADERS = [c.header for c in COLUMNS]


def test_xlsx_layout_values_and_order(exported: Exported) -> None:
    wb = openpyxl.load_workbook(exported.one("汇总表/*.xlsx"))
    ws = wb.active
    assert ws["A1"].value == "附件4"
    assert ws["A2"].value == "2023年工业互联网试点示范推荐项目汇总表"
    assert ws["A3"].value.startswith("推荐单位（盖章）：韶关市工业和信息化局")
    assert "填表日期：2023年11月28日" in ws["A3"].value and "填表人：" in ws["A3"].value
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A2:N2", "A3:N3", "A4:A5", "B4:B5", "I4:L4", "N4:N5"} <= merged
    assert ws["I4"].value == "联系人信息"
    header = [ws.cell(row=5, column=i).value or ws.cell(row=4, column=i).value for i in range(1, 15)]
    assert header == HEADERS
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=6, max_row=8)]
    assert [r[0] for r in rows] == [1, 2, 3]
    assert [(r[1], r[2]) for r in rows] == PROJECTS
    assert rows[0][6] == "工信厅" and rows[0][7] == "韶关市/浈江区" and rows[0][12] == "否"
    assert "革命老区" in rows[0][13]
    assert all(ws.cell(row=6, column=i).border.left.style == "thin" for i in range(1, 15))
    # codes, phones and e-mails on one line: not wrapped, their columns as wide as the longest value
    for column in ("D", "K", "L"):
        assert not ws[f"{column}6"].alignment.wrap_text
        longest = max(len(str(ws[f"{column}{r}"].value)) for r in range(6, 9))
        assert ws.column_dimensions[column].width >= longest


def test_xlsx_never_turns_user_text_into_a_formula(exported: Exported) -> None:
    ws = openpyxl.load_workbook(exported.one("汇总表/*.xlsx")).active
    project = ws["B7"]
    assert project.value.startswith("=HYPERLINK") and project.data_type == "s" and project.quotePrefix
    assert ws["K7"].value == "-13800138000" and ws["K7"].data_type == "s"
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate


def test_xlsx_print_settings(exported: Exported) -> None:
    ws = openpyxl.load_workbook(exported.one("汇总表/*.xlsx")).active
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$4:$5"
    assert ws.freeze_panes == "A6"


def test_xlsx_carries_the_snapshot_id(exported: Exported) -> None:
    snapshot_id = exported.result.snapshot.id
    wb = openpyxl.load_workbook(exported.one("汇总表/*.xlsx"))
    assert wb.properties.keywords == snapshot_id and wb.properties.identifier == snapshot_id
    assert {p.name: p.value for p in wb.custom_doc_props.props}[SNAPSHOT_PROPERTY] == snapshot_id
    ws = wb.active
    assert snapshot_id in ws["A10"].value and "A10:N10" in {str(r) for r in ws.merged_cells.ranges}
    assert snapshot_id in ws.oddFooter.left.text


def test_summary_pdf(exported: Exported) -> None:
    with pdfplumber.open(exported.one("汇总表/*.pdf")) as pdf:
        page = pdf.pages[0]
        assert page.width > page.height  # landscape
        text = page.extract_text()
        assert exported.result.snapshot.id in text
        assert "2023年工业互联网试点示范推荐项目汇总表" in text and "— 1 —" in text
        assert text.startswith("附件4")
        assert "推荐单位（盖章）：韶关市工业和信息化局" in text and "填表日期：2023年11月28日" in text
        x0, top, x1, bottom = page.find_tables()[0].bbox
        sizes = {round(c["size"], 1) for c in page.chars if x0 < c["x0"] < x1 and top < c["top"] < bottom}
        assert min(sizes) >= 10.5  # 五号 or larger
        table = page.extract_table()
    rows = [[(cell or "").replace("\n", "") for cell in row] for row in table]
    body = [r for r in rows if r[0] in ("1", "2", "3")]
    assert [(r[1], r[2]) for r in body] == PROJECTS
    assert body[0][3] == exported.result.snapshot.applications[0].applicant.uscc


def test_official_template_is_filled_by_header_text(city: City, tmp_path: Path) -> None:
    template = tmp_path / "附件4模板.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "省厅模板标题"
    ws.append([])
    ws.append(["序号", "项目 名称", "申报单位名称", "统一社会\n信用代码", "备注", "所在地市"])
    wb.save(template)
    snapshot = freeze(city.ws, BEFORE_DEADLINE)
    filled = fill_template(city.ws.campaign, snapshot, template, tmp_path / "filled.xlsx")
    assert "职务" in filled.unmatched and "项目名称" not in filled.unmatched
    out = openpyxl.load_workbook(filled.path).active
    assert out["A1"].value == "省厅模板标题"
    assert [out.cell(row=4, column=c).value for c in (1, 2, 3)] == [1, *PROJECTS[0]]
    assert out["B5"].data_type == "s" and out["B5"].value.startswith("=")
    assert out["A8"].value is None  # nothing written under the table: the id goes in the page footer
    assert snapshot.id in out.oddFooter.left.text and snapshot.id in str(out.parent.properties.keywords)

    bad = tmp_path / "bad.xlsx"
    openpyxl.Workbook().save(bad)
    with pytest.raises(ExportError, match="表头"):
        fill_template(city.ws.campaign, snapshot, bad, tmp_path / "x.xlsx")
