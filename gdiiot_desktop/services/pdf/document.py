"""A reportlab document on GB/T 9704 pages: mirrored text blocks for double-sided printing,
page numbers counted from any start, and a footer line on every page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from .fonts import FontSet
from .layout import BOTTOM, PAGE, TEXT_HEIGHT, TEXT_WIDTH, text_block_left
from .stamps import draw_footer, draw_page_number


class OfficialDoc(BaseDocTemplate):  # type: ignore[misc]
    """Pages numbered from `first_number` ("— n —" on the outer side; none on pages listed in
    `unnumbered`), text block mirrored on even pages, `footer` at the foot of every page.
    """

    def __init__(
        self,
        target: Any,
        fonts: FontSet,
        *,
        first_number: int = 1,
        footer: str = "",
        unnumbered: Sequence[int] = (),
        **kwargs: Any,
    ) -> None:
        # The canvas starts on our font, so no page refers to a non-embedded Helvetica.
        kwargs.setdefault("initialFontName", fonts.body)
        super().__init__(target, pagesize=PAGE, invariant=True, **kwargs)
        self.fonts = fonts
        self.first_number = first_number
        self.footer = footer
        self.unnumbered = set(unnumbered)
        templates = []
        for parity in ("odd", "even"):
            left = text_block_left(1 if parity == "odd" else 2)
            frame = Frame(
                left, BOTTOM, TEXT_WIDTH, TEXT_HEIGHT, id=parity,
                leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
            )
            templates.append(PageTemplate(id=parity, frames=[frame], onPage=self._furnish))
        if first_number % 2 == 0:
            templates.reverse()  # the first template is the one the document starts with
        self.addPageTemplates(templates)
        self._by_parity = {t.id: t for t in templates}

    def handle_pageBegin(self) -> None:  # noqa: N802 - reportlab's name
        """Each page takes the template of its number's parity. (reportlab 4.4's autoNextPageTemplate
        keeps a stale index after every second page, so pages 3, 5, … repeated the previous side.)
        """
        upcoming = self.number_of(self.page + 1)
        self.pageTemplate = self._by_parity["odd" if upcoming % 2 else "even"]
        super().handle_pageBegin()

    def number_of(self, canvas_page: int) -> int:
        return self.first_number + canvas_page - 1

    def _furnish(self, canvas: Any, _doc: Any) -> None:
        number = self.number_of(canvas.getPageNumber())
        if number not in self.unnumbered:
            draw_page_number(canvas, number, self.fonts)
        draw_footer(canvas, self.footer, self.fonts)


class PageMark(Flowable):  # type: ignore[misc]
    """Zero-size marker that records the page it lands on: where a section starts."""

    def __init__(self, marks: dict[str, int], key: str) -> None:
        super().__init__()
        self.marks = marks
        self.key = key
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.marks[self.key] = self.canv.getPageNumber()


def render(story: Sequence[Flowable], fonts: FontSet, **options: Any) -> tuple[bytes, int]:
    """Build a story into PDF bytes with `OfficialDoc`; returns the bytes and the page count."""
    buffer = io.BytesIO()
    doc = OfficialDoc(buffer, fonts, **options)
    doc.build(list(story))
    return buffer.getvalue(), doc.page
