"""An ISO image of a disc's folder tree: ISO 9660 (level 3) + Joliet + UDF 2.60, via pycdlib.

Windows reads UDF first (long Chinese names, files over 4 GiB) and falls back to Joliet; the
ISO 9660 tree carries short generated ASCII names for anything older. All three trees hold the
same files (one copy of the data) under the same names as the folder tree.

Two small overrides of pycdlib 1.22 internals, in `_DiscPyCdlib` (tests/exports/test_iso.py
checks both and that the methods they replace still exist):
- pycdlib counts Joliet's 64-character name limit in UTF-8 bytes, so only 21 Chinese characters
  fit; here it is counted in UTF-16 code units, as the Joliet specification does.
- pycdlib copies file data through Python in blocks; where the OS offers `copy_file_range`
  (Linux) the kernel copies it, which keeps a 2 GB image as fast as xorriso. Elsewhere (Windows),
  or if the kernel refuses, pycdlib's own copy runs.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycdlib
from pycdlib import inode, pycdlibexception, utils

from ..files import atomic_output
from .names import JOLIET_MAX, utf16_units

WRITE_BLOCK = 4 * 1024 * 1024
_NOT_D_CHARS = re.compile(r"[^A-Z0-9_]")


class _DiscPyCdlib(pycdlib.PyCdlib):
    """pycdlib with Joliet's name limit counted in UTF-16 units (64), and kernel-side data copies."""

    def _joliet_name_and_parent_from_path(self, joliet_path: bytes) -> tuple[bytes, Any]:
        splitpath = utils.split_path(joliet_path)
        name = splitpath.pop()
        text = name.decode("utf-8")
        if utf16_units(text) > JOLIET_MAX:
            raise pycdlibexception.PyCdlibInvalidInput("Joliet names can be a maximum of 64 characters")
        parent = self._find_joliet_record(b"/" + b"/".join(splitpath))
        return text.encode("utf-16_be"), parent

    def _output_file_data(self, outfp: Any, blocksize: int, ino: Any) -> Generator[Any, None, None]:
        copy_range = getattr(os, "copy_file_range", None)
        if copy_range is None or ino.boot_info_table is not None or self._track_writes:
            yield from super()._output_file_data(outfp, blocksize, ino)
            return
        start = ino.extent_location() * self.logical_block_size
        outfp.seek(start)
        with inode.InodeOpenData(ino, self.logical_block_size) as (data_fp, data_len):
            try:
                in_fd, out_fd = data_fp.fileno(), outfp.fileno()
            except (AttributeError, OSError, io.UnsupportedOperation):
                in_fd = out_fd = -1
            src, dst, left = data_fp.tell(), start, data_len
            outfp.flush()
            while left > 0 and in_fd >= 0:
                try:
                    copied = copy_range(in_fd, out_fd, min(left, blocksize), src, dst)
                except OSError:
                    break  # e.g. across file systems on older kernels: copy the rest in Python
                if copied == 0:
                    break
                src, dst, left = src + copied, dst + copied, left - copied
                yield copied
            if left > 0:
                data_fp.seek(src)
                outfp.seek(dst)
                yield from utils.copy_data_yield(left, blocksize, data_fp, outfp)
            else:
                outfp.seek(dst)
            yield utils.zero_pad(outfp, data_len, self.logical_block_size)


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
    iso = _DiscPyCdlib()
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
