"""An export finds its fonts by role at export time: a stand-in 黑体 in the user's font folder
fills the heading role of the pages made, the rest stay on the shipped one."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from gdiiot_desktop import resources
from gdiiot_desktop.services import document_settings
from gdiiot_desktop.services.exports import ExportKind, ExportRequest, letter_files, run_export
from gdiiot_desktop.services.pdf.fonts import SHIPPED_FONT, FontSet, FontSources, font_set, machine_fonts
from tests.exports.builders import City
from tests.exports.conftest import BEFORE_DEADLINE


def test_a_heading_font_in_the_users_folder_is_used(city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    (home / ".fonts").mkdir(parents=True)
    shutil.copyfile(resources.fonts_dir() / SHIPPED_FONT, home / ".fonts" / "simhei.ttf")
    sources = FontSources(platform="linux", env={}, home=home, fc_list=lambda: [])
    report = document_settings.font_report(city.ws, sources)
    assert report["heading1"].path.parent == home / ".fonts" and not report["heading1"].is_fallback
    assert report["body"].is_fallback
    monkeypatch.setattr("gdiiot_desktop.services.pdf.fonts.FontSources", lambda: sources)
    used: list[FontSet] = []
    original = letter_files.render_letter_pdf

    def spy(letter: Any, fonts: FontSet, subject: str = "") -> tuple[bytes, int]:
        used.append(fonts)
        return original(letter, fonts, subject)

    monkeypatch.setattr(letter_files, "render_letter_pdf", spy)
    run_export(city.ws, ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "with"), now=BEFORE_DEADLINE)
    assert used and "simhei" in used[0].heading1 and "simhei" not in used[0].body
    assert used[0].family("heading1") == "黑体"
    # outside the export, pages go back to this machine's fonts
    assert font_set() is machine_fonts()
