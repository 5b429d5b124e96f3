"""The printed package read back: page count, cover and index text with page ranges, GB/T 9704 page
numbers on the outer side, embedded fonts, the snapshot id on every page, images and Word files."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pdfplumber
from pypdf import PdfReader

from gdiiot_desktop.domain.enums import AttachmentClass
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exports.package import build_package
from gdiiot_desktop.services.exports.snapshot import freeze
from tests.exports.builders import PROJECTS, City, make_pdf
from tests.exports.conftest import BEFORE_DEADLINE, Exported


def _text(page: Any) -> str:
    return str(page.extract_text() or "")


def test_every_page_numbered_footed_and_counted(exported: Exported) -> None:
    snapshot_id = exported.result.snapshot.id
    for package in exported.result.packages:
        with pdfplumber.open(package.path) as pdf:
            assert len(pdf.pages) == package.plan.total_pages
            for number, page in enumerate(pdf.pages, 1):
                text = _text(page)
                assert snapshot_id in text, (package.path.name, number)
                if number in (1, 2):
                    assert f"— {number} —" not in text  # the cover and its blank back carry no number
                    continue
                hits = page.search(f"— {number} —")
                assert hits, (package.path.name, number)
                x = hits[0]["x0"]
                assert (x > page.width / 2) if number % 2 else (x < page.width / 2), number  # outer side
                assert page.height - hits[0]["bottom"] > 20 * 2.83  # below the text block


def test_cover_and_index(exported: Exported) -> None:
    package = exported.result.packages[0]
    plan = package.plan
    with pdfplumber.open(package.path) as pdf:
        cover = _text(pdf.pages[0])
        index = "".join(_text(p) for p in pdf.pages[1 : plan.front_pages])
    project, applicant = PROJECTS[0]
    for expected in (project, applicant, "韶关市工业和信息化局", "新技术类", "申 报 材 料", "推荐顺序：第 1 位", "2023年11月28日"):
        assert expected in cover, expected
    assert "目" in index and "录" in index
    form = next(e for e in plan.entries() if e.item.attachment.attachment_class is AttachmentClass.APPLICATION_FORM)
    assert f"项目申报书{form.first}–{form.last}" in index.replace(" ", "").replace("\n", "")
    assert "项目基本信息表" in index and "项目介绍" in index and "仅电子版" in index
    assert "项目视频" in index and "见光盘" in index
    assert ".pdf" not in index and ".docx" not in index  # document titles, not file names
    with pdfplumber.open(package.path) as pdf:
        assert pdf.pages[1].extract_text() in (None, "") or exported.result.snapshot.id in pdf.pages[1].extract_text()
        assert "目" in _text(pdf.pages[2])  # the 目录 starts on a right-hand page
    # the campaign's order: form, audit reports (newest first), …, proof, other, video
    order = [index.index(t) for t in ("项目申报书", "2022年度", "2021年度", "2020年度", "专利证书扫描件", "应用证明", "项目介绍", "项目视频")]
    assert order == sorted(order)


def test_attachments_land_on_the_pages_the_index_gives(exported: Exported) -> None:
    package = exported.result.packages[0]
    with pdfplumber.open(package.path) as pdf:
        for entry in package.plan.entries():
            if entry.first is None:
                continue
            page = pdf.pages[entry.first - 1]
            name = entry.item.attachment.file_name
            if entry.item.kind == "image":
                assert page.images, name
            elif name == "项目申报书.pdf":
                assert "申报书1 第1页" in _text(page)
                assert "申报书1 第3页" in _text(pdf.pages[entry.last - 1])  # type: ignore[operator]
        landscape = pdf.pages[package.plan.total_pages - 1]
        assert landscape.width > landscape.height  # 应用证明 page 2 kept its landscape size


def test_data_sheet_and_fonts_embedded(exported: Exported) -> None:
    package = exported.result.packages[0]
    with pdfplumber.open(package.path) as pdf:
        sheet = _text(pdf.pages[package.plan.datasheet_page - 1]).replace("\n", "")
    assert "项目基本信息表" in sheet and "统一社会信用代码" in sheet
    assert exported.result.snapshot.applications[0].applicant.uscc in sheet
    reader = PdfReader(package.path)
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert descriptor is not None, font.get("/BaseFont")
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
            seen += 1
    assert seen
    assert reader.metadata is not None and exported.result.snapshot.id in str(reader.metadata.get("/Keywords"))


def test_transmittal_lists_copies_and_print_plan(exported: Exported) -> None:
    with pdfplumber.open(exported.one("纸质材料/报送清单.pdf")) as pdf:
        text = "".join(_text(p) for p in pdf.pages).replace("\n", "")
    assert "报送清单" in text and exported.result.snapshot.id in text
    assert "电子版光盘" in text and "打印计划" in text and "双面" in text
    total = exported.result.packages[0].plan.total_pages
    assert f"{(total + 1) // 2}×6={(total + 1) // 2 * 6}" in text
    assert "项目介绍.docx" in text  # the Word file is listed as electronic only
    with pdfplumber.open(exported.one("纸质材料/报送清单.pdf")) as pdf:
        cells = [(c or "").replace("\n", "") for row in pdf.pages[0].extract_table() for c in row]
    # the letter is handed in too, one stamped copy
    assert "推荐函：韶关市工业和信息化局关于推荐2023年工业互联网试点示范项目的函" in cells


def test_rotated_pages_get_an_upright_stamp(city: City, tmp_path: Path) -> None:
    service = ApplicationService(city.ws)
    service.attach(city.ids[1], make_pdf(tmp_path / "旋转.pdf", 2, "旋转页", rotate=90), AttachmentClass.OTHER)
    snapshot = freeze(city.ws, BEFORE_DEADLINE)
    app = snapshot.applications[1]
    result = build_package(city.ws.campaign, snapshot, app, city.ws.db.store, tmp_path / "p.pdf")
    entry = next(e for e in result.plan.entries() if e.item.attachment.file_name == "旋转.pdf")
    with pdfplumber.open(result.path) as pdf:
        page = pdf.pages[entry.first - 1]  # type: ignore[operator]
        assert page.search(f"— {entry.first} —")
        assert page.width > page.height  # the portrait page turned by 90° prints landscape
    assert PdfReader(io.BytesIO(result.path.read_bytes())).pages[entry.first - 1].rotation == 0  # type: ignore[operator]


def test_index_page_measured_at_150_dpi(exported: Exported, tmp_path: Path) -> None:
    """The 目录 starts on page 3, a right-hand page: its text block 28 mm from the left (binding) edge."""
    import shutil
    import subprocess

    import pytest

    from tests.exports.test_letter import ink_bounds

    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils is not installed")
    package = exported.result.packages[0].path
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "2", "-l", "3", str(package), str(tmp_path / "p")], check=True)
    blank, index = sorted(tmp_path.glob("p-*.png"))
    left, top, right, bottom = ink_bounds(index, above_mm=297 - 20)  # the snapshot footer line left out
    assert 27.0 <= left <= 29.0 and right <= 28 + 156 + 0.5
    assert top >= 37 - 0.5
    assert 297 - 35 + 3 <= bottom <= 297 - 35 + 7 + 8  # the page number, 7 mm under the block
    with pytest.raises(ValueError):
        ink_bounds(blank, above_mm=297 - 20)  # the cover's back: nothing but the footer
