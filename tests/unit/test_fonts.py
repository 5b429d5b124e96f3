"""Font roles found in a fake fonts folder: stand-in TrueType files named as on Windows or Linux."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gdiiot_desktop import resources
from gdiiot_desktop.services.pdf.fonts import (
    SHIPPED_FONT,
    FontSources,
    find_fonts,
    outline_problem,
    register,
)

SHIPPED = resources.fonts_dir() / SHIPPED_FONT


def stand_in(folder: Path, name: str) -> Path:
    """A real TrueType collection (the shipped font) under an official font's file name."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(SHIPPED, folder / name))


def windows(tmp_path: Path) -> FontSources:
    return FontSources(
        platform="win32",
        env={"WINDIR": str(tmp_path / "Windows"), "LOCALAPPDATA": str(tmp_path / "Local")},
        home=tmp_path,
    )


def test_windows_folder_fills_each_role_with_the_government_fonts(tmp_path: Path) -> None:
    fonts = tmp_path / "Windows" / "Fonts"
    for name in ("simfang.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf"):
        stand_in(fonts, name)
    stand_in(tmp_path / "Local" / "Microsoft" / "Windows" / "Fonts", "FZXBSJW.TTF")  # per-user install
    found = find_fonts(windows(tmp_path))
    assert {r: (c.family, c.path.name, c.source) for r, c in found.items()} == {
        "title": ("方正小标宋简体", "FZXBSJW.TTF", "system"),
        "body": ("仿宋", "simfang.ttf", "system"),
        "heading1": ("黑体", "simhei.ttf", "system"),
        "heading2": ("楷体", "simkai.ttf", "system"),
        "table": ("宋体", "simsun.ttc", "system"),
    }
    font_set = register(found)
    assert len({font_set.title, font_set.body, font_set.heading1, font_set.heading2, font_set.table}) == 5
    assert font_set.family("body") == "仿宋" and font_set.song == font_set.table


def test_without_xiaobiaosong_simsun_stands_in_and_gb2312_fangsong_wins(tmp_path: Path) -> None:
    fonts = tmp_path / "Windows" / "Fonts"
    for name in ("SIMSUN.TTC", "simfang.ttf", "FS_GB2312.ttf"):
        stand_in(fonts, name)
    found = find_fonts(windows(tmp_path))
    assert (found["title"].family, found["title"].source) == ("宋体", "substitute")
    assert "未找到方正小标宋简体" in found["title"].note
    assert found["body"].family == "仿宋_GB2312"
    assert found["heading1"].is_fallback and "文泉驿" in found["heading1"].label


def test_linux_fontconfig_and_home_fonts(tmp_path: Path) -> None:
    kai = stand_in(tmp_path / "elsewhere", "KaiTi-Regular.ttf")
    stand_in(tmp_path / ".fonts", "simhei.ttf")
    sources = FontSources(platform="linux", env={}, home=tmp_path, fc_list=lambda: [(kai, ("KaiTi", "楷体"))])
    found = find_fonts(sources)
    assert found["heading2"].path == kai and found["heading2"].family == "楷体"
    assert found["heading1"].path.name == "simhei.ttf"
    assert found["body"].is_fallback


def test_nothing_installed_gives_the_shipped_font_everywhere(tmp_path: Path) -> None:
    found = find_fonts(windows(tmp_path))
    assert all(c.is_fallback and c.path == SHIPPED for c in found.values())
    assert found["body"].family == "仿宋_GB2312"  # the .docx still names the bureau's font


def test_cff_opentype_is_refused_with_the_reason(tmp_path: Path) -> None:
    otf = tmp_path / "SourceHanSerifSC-Regular.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 60)
    message = outline_problem(otf)
    assert message is not None and "CFF" in message and "TrueType" in message
    chosen = find_fonts(windows(tmp_path), {"body": str(otf)})
    assert chosen["body"].is_fallback and "CFF" in chosen["body"].note
    assert outline_problem(SHIPPED) is None


def test_user_choice_comes_first(tmp_path: Path) -> None:
    stand_in(tmp_path / "Windows" / "Fonts", "simfang.ttf")
    mine = stand_in(tmp_path / "mine", "simfang.ttf")
    found = find_fonts(windows(tmp_path), {"body": str(mine)})
    assert found["body"].path == mine and found["body"].source == "user" and found["body"].family == "仿宋"


@pytest.mark.parametrize("name", ["x.ttf", "y.txt"])
def test_not_a_font(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"hello world, not a font")
    assert "不是 TrueType" in (outline_problem(path) or "")
