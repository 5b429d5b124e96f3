"""Chinese line-breaking rules (禁则) in reportlab paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from gdiiot_desktop.services.pdf.fonts import shipped_fonts
from gdiiot_desktop.services.pdf.linebreak import CANNOT_END, CANNOT_START, break_lines

STYLE = ParagraphStyle("t", fontName=shipped_fonts().body, fontSize=12, leading=16, wordWrap="CJK")


def lines_of(text: str, width: float, markup: bool = False) -> list[str]:
    p = Paragraph(("<b></b>" if markup else "") + text, STYLE)
    p.wrap(width, 10_000)
    out = []
    for line in p.blPara.lines:
        out.append("".join(w.text for w in line.words) if hasattr(line, "words") else "".join(line[1]))
    return out


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one() -> None:
    text = "一二三四五六七八九十，一二三四五六七八九（十）。一二三四五六七八“九十”；《一二三四》、"
    for width in range(60, 200, 7):
        for markup in (False, True):
            lines = lines_of(text, width, markup)
            assert "".join(lines) == text
            assert not any(line[0] in CANNOT_START for line in lines[1:]), lines
            assert not any(line[-1] in CANNOT_END for line in lines[:-1]), lines


def test_codes_phones_and_addresses_are_never_cut() -> None:
    text = "统一社会信用代码91440200MA4UXXXX1B，手机13800138000，邮箱zhang.san@example.com。"
    for width in range(140, 300, 11):
        lines = lines_of(text, width)
        for token in ("91440200MA4UXXXX1B", "13800138000", "zhang.san@example.com"):
            assert any(token in line for line in lines), (token, lines)


def test_a_unit_longer_than_the_line_is_cut_rather_than_overflowing() -> None:
    lines = lines_of("A" * 80, 100)
    assert len(lines) > 1 and "".join(lines) == "A" * 80


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="中文字，。（）《》、A1 @.", min_size=1, max_size=60), st.floats(min_value=1.5, max_value=12))
def test_break_lines_covers_the_text_in_order(text: str, cells: float) -> None:
    ranges = break_lines([1.0] * len(text), text, [cells])
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in zip(ranges, ranges[1:], strict=False))
