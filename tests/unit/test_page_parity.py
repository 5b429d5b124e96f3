"""GB/T 9704 double-sided pages: the text block mirrors by the page's parity on every page."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph

from gdiiot_desktop.services.pdf.document import render
from gdiiot_desktop.services.pdf.fonts import shipped_fonts
from gdiiot_desktop.services.pdf.styles import styles_for


@pytest.mark.parametrize("first_number", [1, 2, 5])
def test_every_page_mirrors_by_its_number(first_number: int) -> None:
    st = styles_for(shipped_fonts())
    story = []
    for i in range(7):
        story += [Paragraph(f"第{i}段" + "正文文字" * 200, st.body), CondPageBreak(200), KeepTogether([Paragraph("标题", st.heading)])]
        if i % 3 == 0:
            story.append(PageBreak())
    data, pages = render(story, st.fonts, first_number=first_number)
    assert pages >= 8
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index, page in enumerate(pdf.pages):
            number = first_number + index
            body = [c for c in page.chars if c["size"] > 12]
            left_mm = min(c["x0"] for c in body) * 25.4 / 72
            expected = 28.0 if number % 2 else 26.0
            assert abs(left_mm - expected) < 0.5, (number, left_mm)
