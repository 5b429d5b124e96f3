"""Chinese fonts for reportlab: Windows' official-document fonts when present, else the shipped one.

reportlab embeds TrueType outlines only (TECH-NOTES): on Windows FangSong/SimSun/SimHei/KaiTi
are used as GB/T 9704 asks; elsewhere WenQuanYi Micro Hei, shipped in resources/fonts, stands in
for all four roles. Text is embedded and searchable either way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ... import resources

SHIPPED_FONT = "wqy-microhei.ttc"


@dataclass(frozen=True)
class FontSet:
    """reportlab font names for the four roles of an official document."""

    body: str  # 仿宋: body text
    title: str  # 小标宋 (SimSun stands in): titles
    heading: str  # 黑体: first-level headings
    kai: str  # 楷体: second-level headings
    song: str  # 宋体: page numbers

    @property
    def embedded_files(self) -> tuple[str, ...]:
        return tuple(sorted({self.body, self.title, self.heading, self.kai, self.song}))


# role → candidate files in the Windows fonts folder (file name, subfont index for .ttc)
_WINDOWS = {
    "body": [("simfang.ttf", 0)],
    "title": [("simsun.ttc", 0), ("simsun.ttf", 0)],
    "heading": [("simhei.ttf", 0)],
    "kai": [("simkai.ttf", 0)],
    "song": [("simsun.ttc", 0), ("simsun.ttf", 0)],
}


def windows_fonts_dir() -> Path | None:
    root = os.environ.get("WINDIR") or os.environ.get("SystemRoot")  # noqa: SIM112 - Windows spells it so
    if not root:
        return None
    folder = Path(root) / "Fonts"
    return folder if folder.is_dir() else None


@cache
def font_set(use_system: bool = True) -> FontSet:
    """Register (once) and return the fonts to use; falls back to the shipped font per role."""
    fallback = _register("GDIIoT-WQY", resources.fonts_dir() / SHIPPED_FONT, 0)
    assert fallback is not None, "the shipped CJK font is missing from resources/fonts"
    folder = windows_fonts_dir() if use_system else None
    chosen: dict[str, str] = {}
    for role, candidates in _WINDOWS.items():
        chosen[role] = fallback
        if folder is None:
            continue
        for file_name, index in candidates:
            name = _register(f"GDIIoT-{Path(file_name).stem}", folder / file_name, index)
            if name is not None:
                chosen[role] = name
                break
    return FontSet(**chosen)


def _register(name: str, path: Path, index: int) -> str | None:
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if not path.is_file():
        return None
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    except (TTFError, OSError):
        return None
    return name
