"""File and folder names that every disc format and Windows accept, and that stay readable.

Joliet allows 64 UTF-16 units per name; the disc keeps every name within that (and UDF, which
allows more, gets the same names), so the folder tree, the ISO's Joliet and UDF trees and the
manifest all agree. Windows' forbidden characters and reserved device names are avoided.
"""

from __future__ import annotations

import re
import unicodedata

JOLIET_MAX = 64  # UTF-16 code units
FILE_MAX = 60
FOLDER_MAX = 40
_FORBIDDEN = re.compile(r'[\\/:*?"<>|;\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, units: int) -> str:
    out = ""
    for ch in text:
        if utf16_units(out + ch) > units:
            break
        out += ch
    return out


def safe_name(name: str, max_units: int = FILE_MAX, fallback: str = "文件") -> str:
    """`name` made safe: forbidden characters become _, ends trimmed, cut to `max_units` keeping the
    extension, reserved device names prefixed.
    """
    text = unicodedata.normalize("NFC", name)
    text = _FORBIDDEN.sub("_", text).strip().strip(". ")
    stem, dot, ext = text.rpartition(".")
    if not dot or not stem or len(ext) > 8 or " " in ext:
        stem, ext = text, ""
    ext = ("." + ext) if ext else ""
    stem = stem.strip().strip(". ") or fallback
    stem = _cut(stem, max(1, max_units - utf16_units(ext))).rstrip(". ")
    if stem.upper() in _RESERVED:
        stem = "_" + stem
    return stem + ext


def unique_name(name: str, taken: set[str], max_units: int = FILE_MAX) -> str:
    """`name`, or `name(2)`, `name(3)`… so no two entries of one folder collide (case-insensitively)."""
    if name.casefold() not in taken:
        taken.add(name.casefold())
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    ext = ("." + ext) if ext else ""
    n = 2
    while True:
        suffix = f"({n})"
        candidate = _cut(stem, max_units - utf16_units(suffix + ext)) + suffix + ext
        if candidate.casefold() not in taken:
            taken.add(candidate.casefold())
            return candidate
        n += 1


def project_folder(priority: int, project_name: str) -> str:
    return f"{priority:02d}_{safe_name(project_name, FOLDER_MAX - 3, fallback='项目')}"
