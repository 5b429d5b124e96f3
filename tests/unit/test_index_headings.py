"""The package's 目录: a section heading never ends a page without its first entry."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from gdiiot_desktop.domain.enums import AttachmentClass
from gdiiot_desktop.domain.model import Applicant, Application, Attachment
from gdiiot_desktop.services.exports.package_front import index
from gdiiot_desktop.services.exports.package_plan import PackagePlan, PlanEntry, PlanSection
from gdiiot_desktop.services.exports.printables import PrintItem
from gdiiot_desktop.services.pdf.document import render
from gdiiot_desktop.services.pdf.fonts import shipped_fonts
from gdiiot_desktop.services.pdf.styles import styles_for


def plan(sections: int, per_section: int) -> PackagePlan:
    app = Application(project_name="测试项目", applicant=Applicant(uscc="", name="测试公司"), county="浈江区", category_id="c", direction_id="d")
    page = 5
    built = []
    for s in range(sections):
        entries = []
        for i in range(per_section):
            att = Attachment(AttachmentClass.OTHER, f"第{s}类证明材料之{i}.pdf", "0" * 64, 1)
            entries.append(PlanEntry(PrintItem(att, "pdf", 1), page, page))
            page += 1
        built.append(PlanSection(f"第{s}类佐证材料", tuple(entries)))
    return PackagePlan(app, tuple(built), 4, 5, page - 1)


@pytest.mark.parametrize("per_section", [1, 2, 3, 4, 5])
def test_no_page_ends_on_a_heading(per_section: int) -> None:
    st = styles_for(shipped_fonts())
    data, pages = render(index(plan(14, per_section), st), st.fonts)
    assert pages >= 2
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages[:-1]:
            block = [c for c in page.chars if c["bottom"] < page.height - 35 * 72 / 25.4]  # above the page number
            lowest = max(c["top"] for c in block)
            last_line = [c for c in block if abs(c["top"] - lowest) < 4]
            assert not any(c["size"] > 15 for c in last_line), "".join(c["text"] for c in last_line)  # a 3号 heading
