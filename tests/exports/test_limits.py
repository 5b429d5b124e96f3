"""Every field at its intake maximum (domain/fields.py), and beyond (an 800-character 所属行业, a
1,500-character 联合申报单位): covers, data sheets, summary table, letter and transmittal lay out
without an exception; the cover stays on one page."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pdfplumber

from gdiiot_desktop.domain.fields import FIELDS
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exports import ExportKind, ExportRequest, run_export
from gdiiot_desktop.services.exports.package import build_package
from gdiiot_desktop.services.exports.snapshot import freeze
from gdiiot_desktop.services.exports.summary_pdf import write_summary_pdf
from tests.exports.builders import City
from tests.exports.conftest import BEFORE_DEADLINE

ALPHABET = "工业互联网平台智能制造数字孪生协同管控与绿色低碳（有限公司）、，ABCabc123"


def text_of(length: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(ALPHABET) for _ in range(length))


def at_limits(city: City) -> None:
    """The first project with every capped text field filled to its cap."""
    service = ApplicationService(city.ws)
    app = service.get(city.ids[0])
    caps = {f.name: f.max_length for f in FIELDS if f.max_length and f.is_text}
    applicant = replace(
        app.applicant,
        name=text_of(caps["applicant.name"], 1),
        registered_address=text_of(caps["applicant.registered_address"], 2),
        legal_representative=text_of(caps["applicant.legal_representative"], 3),
        industry=text_of(caps["applicant.industry"], 4),
    )
    contact = replace(
        app.contact,
        name=text_of(caps["contact.name"], 5),
        title=text_of(caps["contact.title"], 6),
        email=("a" * (caps["contact.email"] - 12)) + "@example.com",
    )
    service.save(
        replace(
            app,
            project_name=text_of(caps["project_name"], 7),
            applicant=applicant,
            contact=contact,
            co_applicants=text_of(caps["co_applicants"], 8),
            note=text_of(caps["note"], 9),
        )
    )


def export(city: City, out: Path) -> None:
    run_export(city.ws, ExportRequest(frozenset({ExportKind.TABLE, ExportKind.PACKAGE}), out), now=BEFORE_DEADLINE)


def test_every_field_at_its_cap(city: City, tmp_path: Path) -> None:
    at_limits(city)
    export(city, tmp_path / "out")
    package = sorted((tmp_path / "out" / "纸质材料").glob("01_*.pdf"))[0]
    with pdfplumber.open(package) as pdf:
        cover = (pdf.pages[0].extract_text() or "").replace("\n", "")
        second = pdf.pages[1].extract_text() or ""
    project = ApplicationService(city.ws).get(city.ids[0]).project_name
    assert project[:20] in cover and project[-10:] in cover
    assert "2023年11月28日" in cover  # the date closes the cover on its own page
    assert "2023年11月28日" not in second
    with pdfplumber.open(next((tmp_path / "out" / "汇总表").glob("*.pdf"))) as pdf:
        cells = [(c or "").replace("\n", "") for p in pdf.pages for row in (p.extract_table() or []) for c in row]
    assert project in cells


def test_far_beyond_the_caps_wraps_and_continues(city: City, tmp_path: Path) -> None:
    """Values no intake accepts any more (an 800-character 所属行业, a 1,500-character 联合申报单位,
    as an older database or bundle may hold) still lay out: rows continue across pages."""
    at_limits(city)
    snapshot = freeze(city.ws, BEFORE_DEADLINE)
    first = snapshot.applications[0]
    app = replace(
        first,
        applicant=replace(first.applicant, industry=text_of(800, 4)),
        co_applicants=text_of(1500, 8),
    )
    snapshot = replace(snapshot, applications=(app, *snapshot.applications[1:]))
    package = build_package(city.ws.campaign, snapshot, app, city.ws.db.store, tmp_path / "p.pdf").path
    write_summary_pdf(city.ws.campaign, snapshot, tmp_path / "s.pdf")
    with pdfplumber.open(package) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
        for page in pdf.pages[2:8]:  # 目录 and data sheet: no 3号 heading left alone at a page's foot
            block = [c for c in page.chars if c["bottom"] < page.height - 35 * 72 / 25.4]
            if block:
                lowest = max(c["top"] for c in block)
                assert not any(c["size"] > 15 for c in block if abs(c["top"] - lowest) < 4), page.page_number
    assert app.co_applicants[-30:] in text and app.applicant.industry[-30:] in text
