"""File and folder names on the disc (and of the paper packages): the rule that shortens them.

The rule (also in docs/disc-names.md):

1. Every name is made safe for Windows first: the characters \\ / : * ? " < > | ; and control
   characters become "_", leading/trailing spaces and dots go, reserved device names (CON, NUL,
   COM1 …) get a leading "_".
2. Full names — the folder tree, the ISO's UDF tree (what Windows shows from the disc), the paper
   package's file name, manifest.json — keep the whole name up to a per-level length: project
   folders 80 UTF-16 units (e.g. "03_" + 77 characters), material folders 20, files 80. 80 units
   are at most 240 bytes of UTF-8, within the 255-byte names of Linux file systems (ext4), and
   with the separators no path on the disc is longer than 182 units, so copied under a typical
   base folder such as ``C:\\Users\\Administrator\\Documents\\2023年工业互联网试点示范\\光盘1\\``
   (52 characters; up to 77 fit) it stays within Windows' 260-character MAX_PATH, which most
   office PCs (LongPathsEnabled off) and disc-burning tools still enforce.
3. Joliet (the tree of older Windows and of many disc readers) allows 64 UTF-16 units per
   name. A longer name is cut and marked with "…" (U+2026) before its extension:
   "03_基于工业互联网平台的…绿色低碳" never silently, "…" shows it was shortened. Two names
   cut to the same text get "~2", "~3" before the extension.
4. A name cut by rule 2 carries the same "…" marker; the index page, the 目录 of each package
   and 说明.txt always print the full project name, and manifest.json lists both the full path
   and, where it differs, the Joliet path ("joliet").
5. Plain ISO 9660 names (for the oldest readers) are ASCII: the number prefix plus an English
   word for what the entry is (PROJECT_01, 02_AUDIT_REPORT, SUMMARY_TABLE.XLSX, README.TXT …).

Lengths are counted in UTF-16 code units, as Joliet, UDF and Windows count them (an emoji is 2).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ...domain.enums import AttachmentClass

MARK = "…"  # U+2026 HORIZONTAL ELLIPSIS: one unit, shows a name was shortened
JOLIET_MAX = 64  # UTF-16 code units per name (Joliet specification)
UDF_MAX = 126  # UTF-16 units per name in UDF 2.60 with 16-bit characters
PROJECT_MAX = 80
CLASS_MAX = 20
FILE_MAX = 80
PATH_MAX = PROJECT_MAX + 1 + CLASS_MAX + 1 + FILE_MAX  # 182: any path on the disc
TYPICAL_BASE = "C:\\Users\\Administrator\\Documents\\2023年工业互联网试点示范\\光盘1\\"
WINDOWS_MAX_PATH = 259  # MAX_PATH is 260 including the terminating NUL
FOLDER_MAX = PROJECT_MAX  # kept for callers of the old name

_FORBIDDEN = re.compile(r'[\\/:*?"<>|;\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_NOT_D_CHARS = re.compile(r"[^A-Z0-9_]+")
_NUMBER_PREFIX = re.compile(r"^(\d{2})_")


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, units: int) -> str:
    """The longest prefix of `text` within `units` UTF-16 units (never half a surrogate pair)."""
    out, used = [], 0
    for ch in text:
        width = 2 if ord(ch) > 0xFFFF else 1
        if used + width > units:
            break
        out.append(ch)
        used += width
    return "".join(out)


def split_ext(name: str) -> tuple[str, str]:
    """("报告", ".pdf"); a dot that does not start a short extension stays in the stem."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 8 or " " in ext:
        return name, ""
    return stem, "." + ext


def shorten(name: str, max_units: int) -> str:
    """`name` if it fits, else its start + "…" + its extension, within `max_units` UTF-16 units."""
    if utf16_units(name) <= max_units:
        return name
    stem, ext = split_ext(name)
    room = max(1, max_units - utf16_units(MARK + ext))
    return _cut(stem, room).rstrip(". ") + MARK + ext


def safe_name(name: str, max_units: int = FILE_MAX, fallback: str = "文件") -> str:
    """`name` made safe for Windows and every disc format, shortened with the marker if too long."""
    text = unicodedata.normalize("NFC", name)
    text = _FORBIDDEN.sub("_", text).strip().strip(". ")
    stem, ext = split_ext(text)
    stem = stem.strip().strip(". ") or fallback
    if stem.upper() in _RESERVED or stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return shorten(stem + ext, max_units)


def unique_name(name: str, taken: set[str], max_units: int = FILE_MAX) -> str:
    """`name`, or `name~2`, `name~3`… so no two entries of one folder collide (case-insensitively)."""
    if name.casefold() not in taken:
        taken.add(name.casefold())
        return name
    stem, ext = split_ext(name)
    n = 2
    while True:
        suffix = f"~{n}"
        candidate = shorten(stem, max_units - utf16_units(suffix + ext)) + suffix + ext
        if candidate.casefold() not in taken:
            taken.add(candidate.casefold())
            return candidate
        n += 1


def project_stem(priority: int, project_name: str) -> str:
    """"03_项目名称": the project's folder on the disc and its package's file name on paper."""
    return f"{priority:02d}_{safe_name(project_name, PROJECT_MAX - 3, fallback='项目')}"


def project_folder(priority: int, project_name: str) -> str:
    return project_stem(priority, project_name)


def package_file(priority: int, project_name: str) -> str:
    """The paper package's PDF: the same name as the project's disc folder, plus ".pdf"."""
    return project_stem(priority, project_name) + ".pdf"


def joliet_names(siblings: Iterable[str]) -> dict[str, str]:
    """Each name of one folder → its Joliet name (≤ 64 units, unique), assigned in sorted order."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(siblings)):
        out[name] = unique_name(shorten(name, JOLIET_MAX), taken, JOLIET_MAX)
    return out


def joliet_paths(paths: Iterable[str]) -> dict[str, str]:
    """Every "/"-separated path (files; their folders are implied) → its Joliet path."""
    children: dict[str, set[str]] = {}
    all_paths = list(paths)
    for path in all_paths:
        parts = path.split("/")
        for depth in range(len(parts)):
            children.setdefault("/".join(parts[:depth]), set()).add(parts[depth])
    names = {parent: joliet_names(kids) for parent, kids in children.items()}
    out = {}
    for path in all_paths:
        parts = path.split("/")
        out[path] = "/".join(names["/".join(parts[:depth])][part] for depth, part in enumerate(parts))
    return out


def fits_windows_path(rel: str, base: str = TYPICAL_BASE) -> bool:
    """Whether `base` + `rel` (with "\\" separators) stays within Windows' MAX_PATH."""
    return utf16_units(base + rel.replace("/", "\\")) <= WINDOWS_MAX_PATH


# --- plain ISO 9660 names --------------------------------------------------------------------

_WORDS: tuple[tuple[str, str], ...] = (
    ("推荐项目汇总表", "SUMMARY_TABLE"),
    ("汇总表", "SUMMARY_TABLE"),
    ("报送清单", "TRANSMITTAL"),
    ("推荐函", "LETTER"),
    ("申报材料（打印版）", "PACKAGE"),
    ("说明", "README"),
    ("审计报告", "AUDIT_REPORT"),
    ("承诺函", "COMMITMENT_LETTER"),
    ("信用中国", "CREDIT_CHECK"),
    ("专精特新", "SRDI_CERTIFICATE"),
    ("知识产权", "IP"),
    ("专利", "IP"),
    ("获奖", "AWARD"),
    ("应用证明", "APPLICATION_PROOF"),
    ("申报书", "APPLICATION_FORM"),
    ("视频", "VIDEO"),
    *((cls.label, cls.value.upper()) for cls in AttachmentClass),
)


def iso9660_word(name: str) -> str:
    """An English word for what a Chinese name is about ("" when none is known)."""
    for word, english in _WORDS:
        if word in name:
            return english
    return ""


def iso9660_name(name: str, is_dir: bool, taken: set[str], depth: int = 0, parent_word: str = "") -> str:
    """A unique level-3 ISO 9660 name (A–Z, 0–9, _; ≤ 30 with extension) that still says what it is.

    Project folders (top level, "03_…") become PROJECT_03; known kinds take their English word
    plus the name's own ASCII letters and digits (02_AUDIT_REPORT, AUDIT_REPORT_2021.PDF,
    SUMMARY_TABLE_2023.XLSX); otherwise those letters and digits alone, or the folder's word
    (AUDIT_REPORT_2.PDF), or DIR/FILE.
    """
    stem, ext = ("", "") if is_dir else split_ext(name)
    if is_dir:
        stem = name
    prefix_match = _NUMBER_PREFIX.match(stem)
    number = prefix_match.group(1) if prefix_match else ""
    rest = stem[prefix_match.end():] if prefix_match else stem
    word = iso9660_word(rest)
    ascii_part = _NOT_D_CHARS.sub("_", unicodedata.normalize("NFKC", rest).upper()).strip("_")
    if is_dir and depth == 0 and number and not word:
        base = f"PROJECT_{number}"
    else:
        base = f"{word}_{ascii_part}" if word and ascii_part else (word or ascii_part or parent_word or ("DIR" if is_dir else "FILE"))
        if number:
            base = f"{number}_{base}"
    base = base[:24].rstrip("_") or ("DIR" if is_dir else "FILE")
    suffix = _NOT_D_CHARS.sub("", ext[1:].upper())[:5]
    n = 1
    while True:
        candidate = (base if n == 1 else f"{base[:20]}_{n}") + ("." + suffix if suffix else "")
        if candidate not in taken:
            taken.add(candidate)
            return candidate
        n += 1
