"""An ISO image of a disc's folder tree: ISO 9660 (level 3) + Joliet + UDF 2.60, via pycdlib.

Windows reads UDF first (long Chinese names, files over 4 GiB) and falls back to Joliet; the
ISO 9660 tree carries short generated ASCII names for anything older. All three trees hold the
same files (one copy of the data) under the same names as the folder tree.

Names: the folder tree holds the full names (UDF gets them as they are); Joliet gets each name
shortened to 64 UTF-16 units with the "…" marker, ISO 9660 a readable ASCII name (names.py).

Three small overrides of pycdlib 1.22 internals, in `DiscPyCdlib` (tests/exports/test_iso.py
checks each and that the methods they replace still exist):
- pycdlib counts Joliet's 64-character name limit in UTF-8 bytes, so only 21 Chinese characters
  fit; here it is counted in UTF-16 code units, as the Joliet specification does.
- reading a UDF path back, pycdlib decodes every folder above an entry with the entry's own
  encoding: an ASCII folder name (8-bit in UDF) above a Chinese file (16-bit) raised
  UnicodeDecodeError (odd length) or turned into garbage CJK (even length). Here each name is
  decoded with its own encoding.
- pycdlib copies file data through Python in blocks; where the OS offers `copy_file_range`
  (Linux) the kernel copies it, which keeps a 2 GB image as fast as xorriso. Elsewhere (Windows),
  or if the kernel refuses, pycdlib's own copy runs.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pycdlib
from pycdlib import inode, pycdlibexception, utils
from pycdlib import udf as udfmod

from ..files import atomic_output
from .iso_clock import frozen_clock
from .names import JOLIET_MAX, iso9660_name, iso9660_word, joliet_names, utf16_units

WRITE_BLOCK = 4 * 1024 * 1024
# Prefecture-level cities of Guangdong in pinyin, for an ASCII volume label that says whose disc it is.
CITY_PINYIN = {
    "广州": "GUANGZHOU", "深圳": "SHENZHEN", "珠海": "ZHUHAI", "汕头": "SHANTOU", "佛山": "FOSHAN",
    "韶关": "SHAOGUAN", "河源": "HEYUAN", "梅州": "MEIZHOU", "惠州": "HUIZHOU", "汕尾": "SHANWEI",
    "东莞": "DONGGUAN", "中山": "ZHONGSHAN", "江门": "JIANGMEN", "阳江": "YANGJIANG", "湛江": "ZHANJIANG",
    "茂名": "MAOMING", "肇庆": "ZHAOQING", "清远": "QINGYUAN", "潮州": "CHAOZHOU", "揭阳": "JIEYANG",
    "云浮": "YUNFU",
}  # fmt: skip


class DiscPyCdlib(pycdlib.PyCdlib):
    """pycdlib with Joliet's name limit counted in UTF-16 units (64), UDF paths read back with each
    folder's own encoding, and kernel-side data copies.
    """

    def full_path_from_dirrecord(self, rec: Any, rockridge: bool = False, encoding: str | None = None) -> str:
        if encoding is not None or not isinstance(rec, udfmod.UDFFileEntry):
            return str(super().full_path_from_dirrecord(rec, rockridge=rockridge, encoding=encoding))
        if not self._initialized:
            raise pycdlibexception.PyCdlibInvalidInput("This object is not initialized")
        if rec.parent is None:
            return "/"
        names: list[str] = []
        entry: Any = rec
        while entry is not None:
            ident = entry.file_identifier()
            if ident != b"/" and entry.file_ident is not None:
                names.insert(0, ident.decode(entry.file_ident.encoding))
            elif ident != b"/":
                names.insert(0, ident.decode("utf-8"))
            else:
                names.insert(0, "")
            entry = entry.parent
        return "/".join(names)

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


def volume_id(division: str, year: int, part: int, city: str = "") -> str:
    """Volume label, e.g. SHAOGUAN_2023_1: d-characters, at most 16 (Joliet stores it in UTF-16
    within the same 32 bytes). A city without a known pinyin keeps its division code (GD440200_2023_1).
    """
    name = CITY_PINYIN.get(city.removesuffix("市"), f"GD{division}")
    tail = f"_{year}_{part}"
    return name[: 16 - len(tail)] + tail


def build_iso(
    folder: Path,
    target: Path,
    volume: str,
    progress: Callable[[int, int], None] | None = None,
    at: datetime | None = None,
) -> IsoResult:
    """Write an image of everything under `folder` to `target` (atomically).

    `at` dates the volume and every entry (the snapshot's time: the same tree gives the same
    bytes); None uses the clock. `progress(done, total)` is called as bytes are written; it may
    raise to cancel, and then no file is left under `target`.
    """
    clock = frozen_clock(at, volume) if at is not None else contextlib.nullcontext()
    with clock:
        iso = DiscPyCdlib()
        iso.new(interchange_level=3, vol_ident=volume, joliet=3, udf="2.60")
        files = 0
        try:
            files = _add_tree(iso, folder, "/", "/", "/", 0, "")
            with atomic_output(target) as tmp, tmp.open("wb") as out:
                callback = None
                if progress is not None:
                    def callback(done: int, total: int, _opaque: Any) -> None:
                        progress(done, total)
                iso.write_fp(out, blocksize=WRITE_BLOCK, progress_cb=callback)
        finally:
            iso.close()
    return IsoResult(target, target.stat().st_size, files)


def _add_tree(iso: Any, folder: Path, iso_dir: str, joliet_dir: str, udf_dir: str, depth: int, word: str) -> int:
    """Add `folder`'s entries (directories first, each sorted by name); returns files added."""
    with os.scandir(folder) as it:
        entries = sorted(
            (e for e in it if not e.is_symlink()),  # a disc holds files, never links (the export makes none)
            key=lambda e: (not e.is_dir(follow_symlinks=False), e.name),
        )
    joliet = joliet_names(e.name for e in entries)
    taken: set[str] = set()
    count = 0
    for entry in entries:
        is_dir = entry.is_dir()
        iso_name = iso9660_name(entry.name, is_dir, taken, depth, word)
        iso_path = iso_dir + iso_name
        joliet_path = joliet_dir + joliet[entry.name]
        udf_path = udf_dir + entry.name
        if is_dir:
            iso.add_directory(iso_path=iso_path, joliet_path=joliet_path, udf_path=udf_path)
            count += _add_tree(
                iso, Path(entry.path), iso_path + "/", joliet_path + "/", udf_path + "/", depth + 1,
                iso9660_word(entry.name) or word,
            )
        else:
            iso.add_file(entry.path, iso_path=iso_path + ";1", joliet_path=joliet_path, udf_path=udf_path)
            count += 1
    return count
