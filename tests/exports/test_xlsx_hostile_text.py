"""Characters XML 1.0 forbids, in any field of a snapshot, never make the summary .xlsx malformed:
the cell writer strips them (intake should already have), for our layout and for the template."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import openpyxl

from gdiiot_desktop.services.exports.snapshot import freeze
from gdiiot_desktop.services.exports.summary_template import fill_template
from gdiiot_desktop.services.exports.summary_xlsx import write_summary_xlsx
from tests.exports.builders import City
from tests.exports.conftest import BEFORE_DEADLINE

BAD = "\uffff\ufffe\x07\x0b\x1f\ud800\u202e"


def _hostile(city: City):  # type: ignore[no-untyped-def]
    snapshot = freeze(city.ws, BEFORE_DEADLINE)
    app = snapshot.applications[0]
    app = replace(
        app,
        project_name=f"坏{BAD}项目",
        applicant=replace(app.applicant, name=f"单位{BAD}", uscc=app.applicant.uscc + "\uffff"),
        contact=replace(app.contact, name=f"张{BAD}伟", email=f"zw{BAD}@example.com"),
        overrides={"VIDEO_DURATION": f"理由{BAD}"},
    )
    return replace(snapshot, recommender=f"韶关市{BAD}工业和信息化局", applications=(app, *snapshot.applications[1:]))


def _well_formed(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(z.read(name))  # raises on malformed XML


def test_forbidden_characters_are_stripped_in_every_cell_and_property(city: City, tmp_path: Path) -> None:
    snapshot = _hostile(city)
    ours = write_summary_xlsx(city.ws.campaign, snapshot, tmp_path / "ours.xlsx")
    template = tmp_path / "模板.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["推荐单位（盖章）："])  # completed with the (hostile) recommender
    wb.active.append(["序号", "项目名称", "申报单位", "统一社会信用代码", "联系人", "备注"])
    wb.save(template)
    filled = fill_template(city.ws.campaign, snapshot, template, tmp_path / "filled.xlsx").path
    for path in (ours, filled):
        _well_formed(path)
        sheet = openpyxl.load_workbook(path).active
        texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        assert any("坏项目" in t for t in texts) and any(t == "单位" for t in texts), path.name
        assert not [t for t in texts if any(ch in t for ch in BAD)], path.name
    assert openpyxl.load_workbook(filled).active["A1"].value == "推荐单位（盖章）：韶关市工业和信息化局"
