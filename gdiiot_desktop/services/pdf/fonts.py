"""Chinese fonts by role, found at export time where the machine keeps them.

GB/T 9704 names a font for each role of an official document: 小标宋 titles, 仿宋 body, 黑体 and
楷体 headings, 宋体 tables and page numbers. Each role is filled from the first font found:
a file the user chose in the settings, then the Windows fonts folders (%WINDIR%\\Fonts and the
per-user %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts), or on Linux the fontconfig paths, and last
the shipped WenQuanYi Micro Hei. reportlab embeds TrueType outlines only: CFF-based OpenType
(.otf, Noto/Source Han) cannot be used, and a user pointing at one is told so.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ... import resources

SHIPPED_FONT = "wqy-microhei.ttc"
SHIPPED_LABEL = "文泉驿微米黑（随程序提供）"
ROLES: tuple[str, ...] = ("title", "body", "heading1", "heading2", "table")
ROLE_LABELS = {"title": "标题", "body": "正文", "heading1": "一级标题", "heading2": "二级标题", "table": "表格"}


@dataclass(frozen=True)
class Candidate:
    family: str  # the name Word/WPS knows the font by (w:eastAsia)
    files: tuple[str, ...]  # file names as installed (matched without regard to case)
    preferred: bool = True  # False: a stand-in the standard tolerates (宋体 for 小标宋)
    aliases: tuple[str, ...] = ()  # fontconfig family names


CANDIDATES: dict[str, tuple[Candidate, ...]] = {
    "title": (
        Candidate(
            "方正小标宋简体",
            ("FZXBSJW.TTF", "FZXBSJW--GB1-0.ttf", "方正小标宋简体.ttf", "FZXiaoBiaoSong-B05S.ttf", "FZXBSK.TTF"),
            aliases=("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"),
        ),
        Candidate("宋体", ("simsun.ttc", "simsun.ttf"), preferred=False, aliases=("宋体", "SimSun")),
        Candidate("黑体", ("simhei.ttf",), preferred=False, aliases=("黑体", "SimHei")),
    ),
    "body": (
        Candidate("仿宋_GB2312", ("FS_GB2312.ttf", "仿宋_GB2312.ttf", "SIMFANG_GB2312.TTF"),
                  aliases=("仿宋_GB2312", "FangSong_GB2312")),
        Candidate("仿宋", ("simfang.ttf",), aliases=("仿宋", "FangSong")),
    ),
    "heading1": (Candidate("黑体", ("simhei.ttf",), aliases=("黑体", "SimHei")),),
    "heading2": (
        Candidate("楷体_GB2312", ("楷体_GB2312.ttf", "KT_GB2312.ttf", "SIMKAI_GB2312.TTF"),
                  aliases=("楷体_GB2312", "KaiTi_GB2312")),
        Candidate("楷体", ("simkai.ttf",), aliases=("楷体", "KaiTi")),
    ),
    "table": (Candidate("宋体", ("simsun.ttc", "simsun.ttf"), aliases=("宋体", "SimSun")),),
}
# What a .docx names when only the shipped font was found here: the bureau's Windows has these.
DOCX_DEFAULT = {"title": "方正小标宋简体", "body": "仿宋_GB2312", "heading1": "黑体", "heading2": "楷体", "table": "宋体"}


@dataclass(frozen=True)
class RoleChoice:
    """The font that fills one role, and how it was found."""

    role: str
    family: str  # for the .docx
    path: Path
    index: int  # subfont of a .ttc
    source: str  # "user" | "system" | "substitute" | "bundled"
    note: str = ""  # Chinese: why a stand-in or the bundled font is used

    @property
    def label(self) -> str:
        return SHIPPED_LABEL if self.source == "bundled" else f"{self.family}（{self.path.name}）"

    @property
    def is_fallback(self) -> bool:
        return self.source == "bundled"


@dataclass(frozen=True)
class FontSources:
    """Where to look for fonts; injected by tests (a fake fonts folder, another platform)."""

    platform: str = sys.platform
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    home: Path = field(default_factory=Path.home)
    fc_list: Callable[[], list[tuple[Path, tuple[str, ...]]]] | None = None

    def folders(self) -> list[Path]:
        if self.platform.startswith("win"):
            found = []
            root = self.env.get("WINDIR") or self.env.get("SystemRoot")  # noqa: SIM112 - Windows spells it so
            if root:
                found.append(Path(root) / "Fonts")
            local = self.env.get("LOCALAPPDATA")
            if local:
                found.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
            return found
        return [
            self.home / ".fonts",
            self.home / ".local" / "share" / "fonts",
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
        ]

    def installed(self) -> tuple[dict[str, Path], dict[str, Path]]:
        """(lower-case file name → path, family name → path) of the fonts installed."""
        by_file: dict[str, Path] = {}
        by_family: dict[str, Path] = {}
        if not self.platform.startswith("win"):
            for path, families in (self.fc_list or _fc_list)():
                by_file.setdefault(path.name.lower(), path)
                for family in families:
                    by_family.setdefault(family, path)
        for folder in self.folders():
            for path in _font_files(folder, recursive=not self.platform.startswith("win")):
                by_file.setdefault(path.name.lower(), path)
        return by_file, by_family


def _font_files(folder: Path, recursive: bool) -> list[Path]:
    if not folder.is_dir():
        return []
    try:
        paths = folder.rglob("*") if recursive else folder.iterdir()
        return [p for p in paths if p.suffix.lower() in (".ttf", ".ttc", ".otf") and p.is_file()]
    except OSError:
        return []


def _fc_list() -> list[tuple[Path, tuple[str, ...]]]:
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run(
            [exe, "--format", "%{file}|%{family}\\n"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    rows = []
    for line in out.splitlines():
        path, _, families = line.partition("|")
        if path:
            rows.append((Path(path), tuple(f.strip() for f in families.split(",") if f.strip())))
    return rows


def outline_problem(path: Path) -> str | None:
    """None when reportlab can embed the file; else why not, in Chinese."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        return f"无法读取字体文件 {path}"
    tag = head[:4]
    if tag == b"ttcf" and len(head) >= 16:
        try:
            with path.open("rb") as f:
                f.seek(int.from_bytes(head[12:16], "big"))
                tag = f.read(4)
        except OSError:
            return f"无法读取字体文件 {path}"
    if tag == b"OTTO":
        return (
            f"“{path.name}”是 CFF（PostScript 轮廓）OpenType 字体，PDF 生成组件（reportlab）只能嵌入 TrueType 轮廓字体"
            "（.ttf/.ttc，如 simfang.ttf、simsun.ttc）。请选择 TrueType 字体文件。"
        )
    if tag not in (b"\x00\x01\x00\x00", b"true"):
        return f"“{path.name}”不是 TrueType 字体文件（.ttf/.ttc）。"
    return None


def find_fonts(sources: FontSources | None = None, chosen: Mapping[str, str] | None = None) -> dict[str, RoleChoice]:
    """Which font fills each role: the user's file, the machine's, or the shipped one."""
    sources = sources or FontSources()
    by_file, by_family = sources.installed()
    shipped = resources.fonts_dir() / SHIPPED_FONT
    found: dict[str, RoleChoice] = {}
    for role in ROLES:
        ideal = CANDIDATES[role][0].family
        user = (chosen or {}).get(role)
        note = ""
        if user:
            path = Path(user)
            problem = outline_problem(path) if path.is_file() else f"找不到所选字体文件 {path}"
            if problem is None:
                found[role] = RoleChoice(role, _family_of(path, role), path, 0, "user")
                continue
            note = problem + " "
        for candidate in CANDIDATES[role]:
            located = _locate(candidate, by_file, by_family)
            if located is not None and outline_problem(located) is None:
                source = "system" if candidate.preferred else "substitute"
                substitute_note = "" if candidate.preferred else f"未找到{ideal}，以{candidate.family}代替"
                found[role] = RoleChoice(role, candidate.family, located, 0, source, (note + substitute_note).strip())
                break
        else:
            found[role] = RoleChoice(
                role, DOCX_DEFAULT[role], shipped, 0, "bundled",
                (note + f"本机未找到{ideal}等{ROLE_LABELS[role]}字体，PDF 使用随程序提供的文泉驿微米黑").strip(),
            )
    return found


def _locate(candidate: Candidate, by_file: Mapping[str, Path], by_family: Mapping[str, Path]) -> Path | None:
    for name in candidate.files:
        if name.lower() in by_file:
            return by_file[name.lower()]
    for alias in candidate.aliases:
        if alias in by_family:
            return by_family[alias]
    return None


def _family_of(path: Path, role: str) -> str:
    """The Word family name for a file the user picked: known file names map to their family."""
    for candidates in CANDIDATES.values():
        for candidate in candidates:
            if path.name.lower() in (n.lower() for n in candidate.files):
                return candidate.family
    return DOCX_DEFAULT[role]


@dataclass(frozen=True)
class FontSet:
    """reportlab font names for the roles of an official document, and the .docx family names."""

    title: str  # 小标宋 (宋体/黑体 stand in): titles
    body: str  # 仿宋: body text
    heading1: str  # 黑体: 一、
    heading2: str  # 楷体: （一）
    table: str  # 宋体: tables and page numbers
    families: tuple[tuple[str, str], ...] = ()  # role → Word family name

    @property
    def heading(self) -> str:
        return self.heading1

    @property
    def kai(self) -> str:
        return self.heading2

    @property
    def song(self) -> str:
        return self.table

    def family(self, role: str) -> str:
        return dict(self.families).get(role, DOCX_DEFAULT[role])

    @property
    def embedded_files(self) -> tuple[str, ...]:
        return tuple(sorted({self.body, self.title, self.heading1, self.heading2, self.table}))


def register(choices: Mapping[str, RoleChoice]) -> FontSet:
    """Register the chosen files with reportlab (once each); a file that fails to load gives its
    role the shipped font.
    """
    shipped = _register(resources.fonts_dir() / SHIPPED_FONT, 0)
    assert shipped is not None, "the shipped CJK font is missing from resources/fonts"
    names = {role: _register(choice.path, choice.index) or shipped for role, choice in choices.items()}
    return FontSet(
        **{role: names.get(role, shipped) for role in ROLES},
        families=tuple((role, choices[role].family) for role in ROLES if role in choices),
    )


def _register(path: Path, index: int) -> str | None:
    digest = hashlib.sha1(f"{path}|{index}".encode()).hexdigest()[:8]
    name = f"GDIIoT-{path.stem[:20]}-{digest}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if not path.is_file():
        return None
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None
    return name


def resolve(chosen: Mapping[str, str] | None = None, sources: FontSources | None = None) -> FontSet:
    """Find and register the fonts for an export (settings' choices first)."""
    return register(find_fonts(sources, chosen))


@cache
def machine_fonts() -> FontSet:
    """This machine's fonts with no choice made in the settings (found once per process)."""
    return resolve()


@cache
def shipped_fonts() -> FontSet:
    """Every role in the shipped font: for tests and pages that must look the same everywhere."""
    name = _register(resources.fonts_dir() / SHIPPED_FONT, 0)
    assert name is not None, "the shipped CJK font is missing from resources/fonts"
    return FontSet(name, name, name, name, name)


_ACTIVE: ContextVar[FontSet | None] = ContextVar("gdiiot_fonts", default=None)


@contextlib.contextmanager
def active_fonts(fonts: FontSet) -> Iterator[FontSet]:
    """Within the block, `font_set()` (and every page made) uses `fonts`: one export's choice."""
    token = _ACTIVE.set(fonts)
    try:
        yield fonts
    finally:
        _ACTIVE.reset(token)


def font_set(use_system: bool = True) -> FontSet:
    """The fonts pages are made with: the export's choice, else this machine's."""
    active = _ACTIVE.get()
    if active is not None:
        return active
    return machine_fonts() if use_system else shipped_fonts()
