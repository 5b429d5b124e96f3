"""An ISO image of a disc's folder tree: ISO 9660 (level 3) + Joliet + UDF 2.60, via pycdlib.

Windows reads UDF first (long Chinese names, files over 4 GiB) and falls back to Joliet; the
ISO 9660 tree carries short generated ASCII names for anything older. All three trees hold the
same files (one copy of the data) under the same names as the folder tree.

pycdlib 1.22 counts Joliet's 64-character name limit in UTF-8 bytes, so only 21 Chinese
characters fit. `_JolietPyCdlib` counts UTF-16 code units, as the Joliet specification does
(tests/exports/test_iso.py checks the patch and that the method it replaces still exists).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycdlib
from pycdlib import pycdlibexception, utils

from ..files import atomic_output
from .names import JOLIET_MAX, utf16_units

WRITE_BLOCK = 4 * 1024 * 1024
_NOT_D_CHARS = re.compile(r"[^A-Z0-9_]")


class _JolietPyCdlib(pycdlib.PyCdlib):  # type: ignore[misc]
    """pycdlib with Joliet's name limit counted in UTF-16 units (64), not UTF-8 bytes."""

    def _joliet_name_and_parent_from_path(self, joliet_path: bytes) -> tuple[bytes, Any]:
        splitpath = utils.split_path(joliet_path)
        name = splitpath.pop()
        text = name.decode("utf-8")
        if utf16_units(text) > JOLIET_MAX:
            raise pycdlibexception.PyCdlibInvalidInput("Joliet names can be a maximum of 64 characters")
        parent = self._find_joliet_record(b"/" + b"/".join(splitpath))
        return text.encode("utf-16_be"), parent


@dataclass(frozen=True)
class IsoResult:
    path: Path
    size: int
    files: int


def volume_id(division: str, year: int, part: int) -> str:
    """Volume label, e.g. GD440200_2023_1: d-characters, at most 16 (Joliet stores it in UTF-16
    within the same 32 bytes).
    """
    return f"GD{division}_{year}_{part}"[:16]


def build_iso(
    folder: Path,
    target: Path,
    volume: str,
    progress: Callable[[int, int], None] | None = None,
) -> IsoResult:
    """Write an image of everything under `folder` to `target` (atomically).

    `progress(done, total)` is called as bytes are written; it may raise to cancel, and then no
    file is left under `target`.
    """
    iso = _JolietPyCdlib()
    iso.new(interchange_level=3, vol_ident=volume, joliet=3, udf="2.60")
    files = 0
    try:
        files = _add_tree(iso, folder, "/", "/")
        with atomic_output(target) as tmp, tmp.open("wb") as out:
            callback = None
            if progress is not None:
                def callback(done: int, total: int, _opaque: Any) -> None:
                    progress(done, total)
            iso.write_fp(out, blocksize=WRITE_BLOCK, progress_cb=callback)
    finally:
        iso.close()
    return IsoResult(target, target.stat().st_size, files)


def _add_tree(iso: Any, folder: Path, iso_dir: str, name_dir: str) -> int:
    """Add `folder`'s entries (directories first, each sorted by name); returns files added."""
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: (not e.is_dir(follow_symlinks=False), e.name))
    taken: set[str] = set()
    count = 0
    for entry in entries:
        if entry.is_symlink():
            continue  # a disc holds files, never links (the export makes none)
        is_dir = entry.is_dir()
        iso_name = _iso9660_name(entry.name, is_dir, taken)
        iso_path = iso_dir + iso_name
        name_path = name_dir + entry.name
        if is_dir:
            iso.add_directory(iso_path=iso_path, joliet_path=name_path, udf_path=name_path)
            count += _add_tree(iso, Path(entry.path), iso_path + "/", name_path + "/")
        else:
            iso.add_file(entry.path, iso_path=iso_path + ";1", joliet_path=name_path, udf_path=name_path)
            count += 1
    return count


def _iso9660_name(name: str, is_dir: bool, taken: set[str]) -> str:
    """A unique level-3 ISO 9660 name (A–Z, 0–9, _): the ASCII part of the real name, else a number."""
    stem, dot, ext = name.rpartition(".")
    if is_dir or not dot or not stem:
        stem, ext = name, ""
    stem = _NOT_D_CHARS.sub("_", stem.upper()).strip("_")[:20] or ("D" if is_dir else "F")
    ext = _NOT_D_CHARS.sub("", ext.upper())[:5]
    n = 1
    while True:
        base = stem if n == 1 else f"{stem[:16]}_{n}"
        candidate = base + ("." + ext if ext else "")
        if candidate not in taken:
            taken.add(candidate)
            return candidate
        n += 1
