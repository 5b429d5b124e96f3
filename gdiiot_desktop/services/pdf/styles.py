"""Paragraph styles of official documents (GB/T 9704 sizes) on the registered Chinese fonts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from .fonts import FontSet, font_set
from .layout import BODY_SIZE, LINE_HEIGHT, TITLE_SIZE
from .linebreak import install_line_breaking


@dataclass(frozen=True)
class Styles:
    """The paragraph styles exports and minutes share."""

    fonts: FontSet
    title: ParagraphStyle  # 2号 小标宋, centred
    subtitle: ParagraphStyle  # 3号 楷体, centred
    heading: ParagraphStyle  # 3号 黑体: 一、
    body: ParagraphStyle  # 3号 仿宋, 22 lines a page
    cell: ParagraphStyle  # table text, 小四
    cell_bold: ParagraphStyle  # table labels, 小四 黑体
    cell_center: ParagraphStyle
    small: ParagraphStyle  # notes, 五号


def styles(use_system_fonts: bool = True) -> Styles:
    """The styles on the fonts in use now (the export's choice, else this machine's)."""
    return styles_for(font_set(use_system_fonts))


@cache
def styles_for(fonts: FontSet) -> Styles:
    install_line_breaking()
    cell = ParagraphStyle("cell", fontName=fonts.table, fontSize=12, leading=16, wordWrap="CJK")
    return Styles(
        fonts=fonts,
        title=ParagraphStyle(
            "title", fontName=fonts.title, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.5,
            alignment=TA_CENTER, wordWrap="CJK", spaceAfter=LINE_HEIGHT / 2,
        ),
        subtitle=ParagraphStyle(
            "subtitle", fontName=fonts.kai, fontSize=BODY_SIZE, leading=LINE_HEIGHT,
            alignment=TA_CENTER, wordWrap="CJK",
        ),
        heading=ParagraphStyle(
            "heading", fontName=fonts.heading, fontSize=BODY_SIZE, leading=LINE_HEIGHT,
            alignment=TA_LEFT, wordWrap="CJK",
        ),
        body=ParagraphStyle(
            "body", fontName=fonts.body, fontSize=BODY_SIZE, leading=LINE_HEIGHT,
            alignment=TA_JUSTIFY, wordWrap="CJK",
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=fonts.heading),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        small=ParagraphStyle("small", fontName=fonts.body, fontSize=10.5, leading=14, wordWrap="CJK"),
    )
