"""The recommendation letter as .docx: the file the bureau opens in WPS/Word, adjusts and stamps.

GB/T 9704 page: A4, 37/35 mm top/bottom, 28/26 mm binding/outer margins (mirrored), a document
grid of 22 lines × 28 characters (linePitch 579 twips; charSpace -842 narrows 3号 to 28 a line, as
Word itself writes it), 仿宋 body, 小标宋 title, 黑体/楷体 headings, page numbers "— N —" in
4号 宋体 on the outer side of odd and even pages, none on the first page (信函格式). East Asian
fonts are written into w:eastAsia, or Word would set Chinese in the Latin font.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..pdf.fonts import FontSet
from .letter import Letter, heading_level

BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
MARK_PT = 30
LINE_PITCH_TWIPS = 579  # 225 mm / 22 lines
CHAR_SPACE = -842  # 28 characters of 3号 in 156 mm
EXACT_LINE = Pt(LINE_PITCH_TWIPS / 20)
RED = RGBColor(0xE6, 0x00, 0x12)


def render_letter_docx(letter: Letter, fonts: FontSet, *, created: Any = None) -> bytes:
    """The letter as .docx bytes; `created` fixes the core properties' dates (same snapshot, same file)."""
    doc = Document()
    _page(doc)
    _defaults(doc, fonts.family("body"))
    _mark(doc, letter, fonts.family("title"))
    if letter.number:
        _para(doc, letter.number, fonts.family("body"), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    _para(doc, "", fonts.family("body"))
    _para(doc, letter.title, fonts.family("title"), size=TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
          spacing=Pt(TITLE_PT * 1.5))
    _para(doc, "", fonts.family("body"))
    _para(doc, f"{letter.addressee}：", fonts.family("body"), indent=False)
    for text in letter.body:
        level = heading_level(text)
        family = fonts.family("heading1") if level == 1 else fonts.family("heading2") if level == 2 else fonts.family("body")
        p = _para(doc, text, family)
        if level in (1, 2):
            p.paragraph_format.keep_with_next = True
    last = doc.paragraphs[-1]
    last.paragraph_format.keep_with_next = True  # the closing line stays with the signature
    if letter.attachment:
        _para(doc, "", fonts.family("body")).paragraph_format.keep_with_next = True
        p = _para(doc, f"附件：{letter.attachment}", fonts.family("body"), indent=False)
        p.paragraph_format.left_indent = Pt(5 * BODY_PT)
        p.paragraph_format.first_line_indent = Pt(-3 * BODY_PT)
        p.paragraph_format.keep_with_next = True
    for _ in range(2):  # room for the seal, which presses on the name and the date
        _para(doc, "", fonts.family("body")).paragraph_format.keep_with_next = True
    date_right = 4 * BODY_PT
    signer_right = max(0.0, date_right + (_width(letter.date) - _width(letter.signer)) * BODY_PT / 2)
    p = _para(doc, letter.signer, fonts.family("body"), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    p.paragraph_format.right_indent = Pt(signer_right)
    p.paragraph_format.keep_with_next = True
    p = _para(doc, letter.date, fonts.family("body"), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    p.paragraph_format.right_indent = Pt(date_right)
    p.paragraph_format.keep_with_next = True
    _para(doc, "", fonts.family("body")).paragraph_format.keep_with_next = True
    _para(doc, letter.contact_line, fonts.family("body"))
    if letter.has_imprint:
        _imprint(doc, letter, fonts.family("body"))
    _page_numbers(doc, fonts.family("table"))
    props = doc.core_properties
    props.title = letter.title
    props.author = letter.signer
    props.last_modified_by = letter.signer
    props.revision = 1
    if created is not None:
        props.created = created
        props.modified = created
        props.last_printed = created
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip_times(buffer.getvalue(), created)


def _fixed_zip_times(data: bytes, created: Any) -> bytes:
    """python-docx stamps each zip member with the current time: use the snapshot's instead."""
    stamp = (created.year, created.month, created.day, created.hour, created.minute, created.second) if created else (1980, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def _width(text: str) -> float:
    """Width in characters of 3号: Latin letters and digits take half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _page(doc: Any) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(23)  # the page number's top 7 mm below the text block
    section.different_first_page_header_footer = True  # 信函格式: no number on the first page
    doc.settings.odd_and_even_pages_header_footer = True
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))
    # Mirror margins: the binding side alternates for double-sided printing.
    settings = doc.settings.element
    if settings.find(qn("w:mirrorMargins")) is None:
        settings.insert(0, OxmlElement("w:mirrorMargins"))


def _defaults(doc: Any, body_family: str) -> None:
    style = doc.styles["Normal"]
    style.font.size = Pt(BODY_PT)
    _set_family(style.element.get_or_add_rPr(), body_family)
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = EXACT_LINE
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = True


def _set_family(rpr: Any, family: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), family)


def _para(
    doc: Any,
    text: str,
    family: str,
    *,
    size: float = BODY_PT,
    align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = True,
    spacing: Any = None,
) -> Any:
    p = doc.add_paragraph()
    p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(2 * BODY_PT)
    if spacing is not None:
        p.paragraph_format.line_spacing = spacing
    if text:
        _run(p, text, family, size)
    return p


def _run(p: Any, text: str, family: str, size: float, color: RGBColor | None = None) -> Any:
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.name = family
    _set_family(run._element.get_or_add_rPr(), family)
    if color is not None:
        run.font.color.rgb = color
    return run


def _mark(doc: Any, letter: Letter, family: str) -> None:
    """The organ's name in red, over a red double line (thick over thin) 170 mm long."""
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = p.paragraph_format
    fmt.line_spacing = Pt(MARK_PT * 1.3)
    fmt.left_indent = fmt.right_indent = Mm(-7)  # the line is 170 mm, 7 mm wider each side than the text
    size = min(MARK_PT, 156 / 0.3528 / max(1.0, _width(letter.issuer_mark)))
    _run(p, letter.issuer_mark, family, size, RED)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "thickThinSmallGap")
    bottom.set(qn("w:sz"), "24")
    bottom.set(qn("w:space"), "4")
    bottom.set(qn("w:color"), "E60012")
    borders.append(bottom)
    p._p.get_or_add_pPr().append(borders)


def _imprint(doc: Any, letter: Letter, family: str) -> None:
    """版记: 抄送 and 印发 lines between rules, in 4号."""
    rows = []
    if letter.copy_to:
        rows.append(f"抄送：{letter.copy_to}")
    if letter.printer or letter.printed_on:
        rows.append(f"{letter.printer}　　{letter.printed_on}印发" if letter.printed_on else letter.printer)
    _para(doc, "", family)
    for i, text in enumerate(rows):
        p = _para(doc, text, family, size=PAGE_NUMBER_PT, indent=False)
        p.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
        borders = OxmlElement("w:pBdr")
        for side in (("top",) if i == 0 else ()) + ("bottom",):
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:val"), "single")
            edge.set(qn("w:sz"), "8" if side == "top" or i == len(rows) - 1 else "4")
            edge.set(qn("w:space"), "1")
            edge.set(qn("w:color"), "000000")
            borders.append(edge)
        p._p.get_or_add_pPr().append(borders)


def _page_numbers(doc: Any, family: str) -> None:
    """"— N —" in 4号 宋体, one character in from the outer edge: right on odd pages, left on even."""
    section = doc.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT)
        else:
            p.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
        _run(p, "— ", family, PAGE_NUMBER_PT)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = _run(p, "1", family, PAGE_NUMBER_PT)
        p._p.remove(run._element)
        field.append(run._element)
        p._p.append(field)
        _run(p, " —", family, PAGE_NUMBER_PT)
    section.first_page_footer.is_linked_to_previous = False
