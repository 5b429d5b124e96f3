"""The recommendation letter (推荐函): wording frozen with the snapshot, .docx read back with
python-docx, the PDF's text and its GB/T 9704 page geometry measured on pages rendered at 150 dpi.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from PIL import Image

from gdiiot_desktop.services import document_settings
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.exports import ExportError, ExportKind, ExportRequest, run_export
from gdiiot_desktop.services.exports.letter import date_text, heading_level, parse, to_text
from gdiiot_desktop.services.exports.letter_files import letter_of
from tests.exports.builders import PROJECTS, City
from tests.exports.conftest import BEFORE_DEADLINE, Exported

MM = 150 / 25.4  # pixels per millimetre at 150 dpi


def test_letter_files_are_in_the_export_folder_and_on_the_disc(exported: Exported) -> None:
    assert exported.one("推荐函/推荐函.docx").stat().st_size > 0
    pdf = exported.one("推荐函/推荐函.pdf")
    on_disc = list(exported.out.glob("光盘*/**/推荐函.pdf")) + list(exported.out.glob("光盘*/**/推荐函.docx"))
    assert len(on_disc) == 2
    assert on_disc[0].read_bytes() == pdf.read_bytes() or on_disc[1].read_bytes() == pdf.read_bytes()


def test_letter_pdf_text(exported: Exported) -> None:
    with pdfplumber.open(exported.one("推荐函/推荐函.pdf")) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
        first = pdf.pages[0].extract_text()
    flat = text.replace("\n", "")
    assert "韶关市工业和信息化局关于推荐2023年工业互联网试点示范项目的函" in flat
    assert "广东省工业和信息化厅：" in flat
    assert "共推荐3个项目" in flat
    for i, (project, applicant) in enumerate(PROJECTS, start=1):
        assert f"{i}.{project}（{applicant}）" in flat
    assert "附件：2023年工业互联网试点示范推荐项目汇总表" in flat
    assert "2023年11月28日" in flat  # the snapshot's day, no leading zeros
    assert "联系人：" in flat and "联系电话：" in flat
    assert "— 1 —" not in first  # 信函格式: no number on the first page


def test_docx_read_back(exported: Exported) -> None:
    document = docx.Document(str(exported.one("推荐函/推荐函.docx")))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.top_margin.mm) == 37 and round(section.bottom_margin.mm) == 35
    assert round(section.left_margin.mm) == 28 and round(section.right_margin.mm) == 26
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579" and grid.get(qn("w:type")) == "linesAndChars"

    def east_asia(paragraph: docx.text.paragraph.Paragraph) -> set[str]:
        return {r._element.rPr.rFonts.get(qn("w:eastAsia")) for r in paragraph.runs}

    def size(paragraph: docx.text.paragraph.Paragraph) -> set[float]:
        return {r.font.size.pt for r in paragraph.runs}

    by_text = {p.text: p for p in document.paragraphs if p.text}
    title = by_text["韶关市工业和信息化局关于推荐2023年工业互联网试点示范项目的函"]
    assert east_asia(title) == {"方正小标宋简体"} and size(title) == {22}
    body = next(p for t, p in by_text.items() if t.startswith("根据"))
    assert east_asia(body) == {"仿宋_GB2312"} and size(body) == {16}
    assert east_asia(by_text["一、推荐项目"]) == {"黑体"}
    mark = document.paragraphs[0]
    assert mark.text == "韶关市工业和信息化局" and mark.runs[0].font.color.rgb is not None
    assert "2023年11月28日" in by_text
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    assert section.different_first_page_header_footer
    assert document.settings.odd_and_even_pages_header_footer  # "— N —" right on odd, left on even pages
    assert document.settings.element.find(qn("w:mirrorMargins")) is not None
    assert grid.get(qn("w:charSpace")) == "-842"  # 28 characters of 3号 a line
    even = section.even_page_footer.paragraphs[0]
    assert footer.alignment == 2 and even.alignment == 0  # right / left
    assert east_asia(footer) == {"宋体"} and size(footer) == {14}


def test_letter_wording_is_edited_and_frozen_with_the_snapshot(city: City, tmp_path: Path) -> None:
    document_settings.set_contact(city.ws, "张伟", "0751-8888123")
    first = run_export(city.ws, ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "a"), now=BEFORE_DEADLINE)
    letter = letter_of(city.ws, first.snapshot)
    assert (letter.contact, letter.phone) == ("张伟", "0751-8888123")
    edited = to_text(letter).replace("请予审核。", "请予审核，并优先推荐第1位项目。")
    second = run_export(
        city.ws, ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "b", letter_text=edited), now=BEFORE_DEADLINE
    )
    assert second.snapshot.id != first.snapshot.id  # another wording is another snapshot
    with pdfplumber.open(tmp_path / "b" / "推荐函" / "推荐函.pdf") as pdf:
        assert "优先推荐第1位项目" in "".join(p.extract_text() for p in pdf.pages).replace("\n", "")
    # Later changes to the settings do not change a frozen snapshot's letter or table.
    document_settings.set_contact(city.ws, "李四", "")
    again = run_export(
        city.ws,
        ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "c", snapshot_id=second.snapshot.id),
        now=datetime(2023, 12, 1, 9, 0),
    )
    for name in ("推荐函/推荐函.pdf", "推荐函/推荐函.docx"):
        assert (tmp_path / "c" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert again.snapshot.letter == edited
    with pytest.raises(ExportError, match="已随快照冻结"):
        run_export(
            city.ws,
            ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "d", snapshot_id=second.snapshot.id, letter_text=to_text(letter)),
            now=BEFORE_DEADLINE,
        )
    with pytest.raises(ExportError, match="缺少：发文机关标志、标题"):
        run_export(city.ws, ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "e", letter_text="正文：\n你好"), now=BEFORE_DEADLINE)


def test_text_form_round_trip_and_errors() -> None:
    text = (
        "\ufeff发文机关标志：韶关市工业和信息化局\n标题：关于推荐的函\n主送机关：广东省工业和信息化厅\n正文：\n第一段。\n\n一、标题\n"
        "（一）小标题\n附件：汇总表\n发文机关署名：韶关市工业和信息化局\n成文日期：2023年12月1日\n"
    )
    letter = parse(text)
    assert letter.body == ("第一段。", "一、标题", "（一）小标题") and letter.attachment == "汇总表"
    assert parse(to_text(letter)) == letter
    with pytest.raises(InputError, match="月、日不编虚位"):
        parse(text.replace("2023年12月1日", "2023年12月01日"))
    with pytest.raises(InputError, match="不属于任何部分"):
        parse("随便写的一行\n" + text)
    with pytest.raises(InputError, match="出现了两次"):
        parse(text + "标题：又一个\n")
    assert date_text(datetime(2024, 1, 5).date()) == "2024年1月5日"
    assert [heading_level(t) for t in ("一、a", "（二）b", "3.c", "（4）d", "正文")] == [1, 2, 3, 4, 0]


def ink_bounds(png: Path, above_mm: float = 297) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in mm of the dark pixels of a page above `above_mm` from the top
    (red head and lines left out: only dark grey and black count).
    """
    image = Image.open(png).convert("RGB")
    width, height = image.size
    pixels = image.load()
    xs, ys = [], []
    for y in range(0, min(height, int(above_mm * MM))):
        for x in range(0, width, 1):
            r, g, b = pixels[x, y]
            dark = r < 110 and g < 110 and b < 110
            if dark:
                xs.append(x)
                ys.append(y)
    return min(xs) / MM, min(ys) / MM, max(xs) / MM, max(ys) / MM


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_text_block_measured_on_rendered_pages(exported: Exported, tmp_path: Path) -> None:
    pdf = exported.one("推荐函/推荐函.pdf")
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 1
    left, top, right, bottom = ink_bounds(pages[0])
    # First page: text from the binding margin (28 mm), never past the block's right edge (28 + 156)
    assert 27.0 <= left <= 30.0 and right <= 28 + 156 + 1.0
    assert bottom <= 297 - 35 + 1.0  # nothing black below the block: no page number on page 1
    if len(pages) > 1:
        # Even page: the block mirrors (26 mm on the left), page number "— 2 —" on the left below it
        left, top, right, bottom = ink_bounds(pages[1])
        assert 25.0 <= left <= 29.0 + 5.0 and right <= 26 + 156 + 1.0
        assert top >= 37 - 1.0
        assert 297 - 35 + 3.0 <= bottom <= 297 - 35 + 7 + 8  # the page number, 7 mm under the block


def test_letter_docx_is_byte_identical_for_the_same_snapshot(exported: Exported) -> None:
    from gdiiot_desktop.services.exports.letter_docx import render_letter_docx
    from gdiiot_desktop.services.pdf.fonts import font_set

    letter = letter_of(exported.city.ws, exported.result.snapshot)
    made = render_letter_docx(letter, font_set(), created=exported.result.snapshot.created_at)
    assert made == exported.one("推荐函/推荐函.docx").read_bytes()
    assert docx.Document(io.BytesIO(made)).core_properties.created.year == 2023


def test_body_grid_is_28_characters_in_156_mm(exported: Exported) -> None:
    from collections import defaultdict

    with pdfplumber.open(exported.one("推荐函/推荐函.pdf")) as pdf:
        page = pdf.pages[0]
        lines: dict[int, list[dict[str, object]]] = defaultdict(list)
        for c in page.chars:
            if abs(float(c["size"]) - 156 / 28 / 25.4 * 72) < 0.05:  # body characters (3号 on the 28-character grid)
                lines[round(float(c["top"]))].append(c)
        full = []
        for chars in lines.values():
            text = "".join(str(c["text"]) for c in sorted(chars, key=lambda c: float(c["x0"])))  # type: ignore[arg-type]
            if all(ord(ch) > 0x2E80 for ch in text) and len(text) >= 27:
                full.append((len(text), min(float(c["x0"]) for c in chars), max(float(c["x1"]) for c in chars)))  # type: ignore[arg-type]
    assert full, "no full line of Chinese text on the first page"
    to_mm = 25.4 / 72
    for count, x0, x1 in full:
        assert count <= 28
        assert x0 * to_mm >= 28 - 0.5 and x1 * to_mm <= 28 + 156 + 0.5
    assert any(count == 28 for count, _x0, _x1 in full)


def test_imprint_when_used(tmp_path: Path) -> None:
    from gdiiot_desktop.services.exports.letter_docx import render_letter_docx
    from gdiiot_desktop.services.exports.letter_pdf import render_letter_pdf
    from gdiiot_desktop.services.pdf.fonts import shipped_fonts

    text = (
        "发文机关标志：韶关市工业和信息化局\n标题：关于推荐的函\n主送机关：广东省工业和信息化厅\n正文：\n第一段。\n"
        "发文机关署名：韶关市工业和信息化局\n成文日期：2023年12月1日\n抄送：韶关市人民政府办公室\n"
        "印发机关：韶关市工业和信息化局办公室\n印发日期：2023年12月1日\n"
    )
    letter = parse(text)
    assert letter.has_imprint and not parse(text.split("抄送")[0]).has_imprint
    data, _pages = render_letter_pdf(letter, shipped_fonts())
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        last = (pdf.pages[-1].extract_text() or "").replace("\n", "")
    assert "抄送：韶关市人民政府办公室" in last and "2023年12月1日印发" in last
    document = docx.Document(io.BytesIO(render_letter_docx(letter, shipped_fonts())))
    assert any(p.text == "抄送：韶关市人民政府办公室" for p in document.paragraphs)
