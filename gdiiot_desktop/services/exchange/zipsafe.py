"""Reading an untrusted zip: every member checked by name, kind and size before a byte is read.

Nothing is ever extracted by name: members are read through the zip API, streamed in chunks,
counted against the sizes declared (and the manifest's) and hashed on the way.
"""

from __future__ import annotations

import hashlib
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import BundleDamagedError, BundleFormatError, BundleUnsafeError
from .format import (
    FILE_MEMBER_RE,
    LIST_CAPS,
    MANIFEST,
    MAX_FILE_BYTES,
    MAX_JSON_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_SIGNATURE_BYTES,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR,
    SIGNATURE,
)

CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
# What the zip module raises on damaged input, besides BadZipFile.
ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    OverflowError,
    KeyError,
    IndexError,
)


def shown(name: str) -> str:
    """A member name fit for a message: control characters made visible, length bounded."""
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name)
    return text if len(text) <= 120 else text[:117] + "…"


def damaged(path: Path, what: str) -> BundleDamagedError:
    return BundleDamagedError(
        f"数据包 {path.name} 已损坏，无法读取（{what}）。可能拷贝不完整，请从县区重新拷贝或重新导出。"
    )


@contextmanager
def open_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    """The bundle opened as a zip; BundleDamagedError / BundleUnsafeError when it cannot be."""
    if not path.is_file():
        raise BundleDamagedError(f"找不到数据包文件：{path}")
    try:
        archive = zipfile.ZipFile(path)
    except UnicodeDecodeError as exc:
        raise BundleUnsafeError(
            f"数据包 {path.name} 中有成员的文件名不是有效的 UTF-8 编码，已拒绝导入。"
        ) from exc
    except ZIP_ERRORS as exc:
        raise damaged(path, "不是完整的 .gdiiot 数据包（zip 结构无法识别）") from exc
    try:
        yield archive
    finally:
        archive.close()


def unsafe_path_reason(name: str) -> str | None:
    """Why a member name could escape a target folder, or None when it is a plain relative path."""
    if not name:
        return "文件名为空"
    if "\x00" in name:
        return "文件名中含有空字符"
    if "\\" in name:
        return "路径中含有反斜杠（\\）"
    if name.startswith("/"):
        return "是绝对路径"
    if _DRIVE.match(name):
        return "是带盘符的路径"
    parts = name.split("/")
    if ".." in parts:
        return "指向上级文件夹（../）"
    return None


def member_limit(name: str) -> int:
    if name == MANIFEST:
        return MAX_MANIFEST_BYTES
    if name == SIGNATURE:
        return MAX_SIGNATURE_BYTES
    if FILE_MEMBER_RE.fullmatch(name):
        return MAX_FILE_BYTES
    if name in LIST_CAPS:
        return LIST_CAPS[name][0]
    return MAX_JSON_BYTES


def check_members(archive: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    """Every member's name, kind and size judged before anything is read; the members by name."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BundleUnsafeError(f"数据包 {path.name} 中的成员过多（{len(infos)} 个，上限 {MAX_MEMBERS}），已拒绝导入。")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.orig_filename
        if not (info.flag_bits & _UTF8_FLAG) and not name.isascii():
            raise BundleUnsafeError(
                f"数据包中的成员“{shown(name)}”的文件名不是 UTF-8 编码（可能是 GBK 编码），已拒绝导入。"
            )
        reason = unsafe_path_reason(name)
        if reason is not None:
            raise BundleUnsafeError(
                f"数据包中的成员“{shown(name)}”{reason}，可能越出目标文件夹，是恶意构造的数据包，已拒绝导入。"
            )
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BundleUnsafeError(f"数据包中的成员“{shown(name)}”是符号链接，已拒绝导入。")
        if name in by_name:
            raise BundleUnsafeError(f"数据包中的成员名称“{shown(name)}”重复出现，已拒绝导入。")
        if info.is_dir() or stat.S_ISDIR(mode):
            raise BundleFormatError(f"数据包中有文件夹条目“{shown(name)}”，不属于本格式，已拒绝导入。")
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise BundleFormatError(f"数据包中的成员“{shown(name)}”已加密，不属于本格式，已拒绝导入。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleFormatError(
                f"数据包中的成员“{shown(name)}”使用了不支持的压缩方式（{info.compress_type}），已拒绝导入。"
            )
        limit = member_limit(name)
        if info.file_size > limit:
            raise BundleUnsafeError(
                f"数据包中的成员“{shown(name)}”解压后过大（{info.file_size} 字节，上限 {limit} 字节），已拒绝导入。"
            )
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise damaged(path, f"成员“{shown(name)}”的大小记录前后不一致")
        if (
            info.compress_type == zipfile.ZIP_DEFLATED
            and info.file_size > RATIO_FLOOR
            and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise BundleUnsafeError(
                f"数据包中的成员“{shown(name)}”压缩比异常（{info.compress_size} 字节解压为 {info.file_size} 字节），"
                "疑似“压缩炸弹”，已拒绝导入。"
            )
        total += info.file_size
        by_name[name] = info
    if total > MAX_TOTAL_BYTES:
        raise BundleUnsafeError(f"数据包解压后总大小过大（{total} 字节，上限 {MAX_TOTAL_BYTES} 字节），已拒绝导入。")
    try:
        end = path.stat().st_size
    except OSError as exc:
        raise damaged(path, str(exc)) from exc
    for info in by_name.values():
        if info.header_offset + info.compress_size > end:
            raise damaged(path, f"成员“{shown(info.orig_filename)}”超出了文件末尾，文件可能被截断")
    return by_name


@dataclass(frozen=True)
class MemberDigest:
    sha256: str
    size: int


def stream_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    path: Path,
    sink: Callable[[bytes | memoryview], object] | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> MemberDigest:
    """Read one member in chunks, hashing it and passing each chunk to `sink`; never more than declared.

    Stored (uncompressed) members — the attachments — are read straight from the file after their
    local header is checked: one pass, no CRC on top of the SHA-256 that is checked anyway.
    """
    if info.compress_type == zipfile.ZIP_STORED:
        return _stream_stored(info, path, sink, on_chunk)
    digest = hashlib.sha256()
    size = 0
    for chunk in member_chunks(archive, info, path):
        size += len(chunk)
        digest.update(chunk)
        if sink is not None:
            sink(chunk)  # a failure to write is the caller's, not a damaged bundle
        if on_chunk is not None:
            on_chunk(len(chunk))
    if size != info.file_size:
        raise damaged(path, f"成员“{shown(info.orig_filename)}”的内容不完整（{size} / {info.file_size} 字节）")
    return MemberDigest(digest.hexdigest(), size)


STORED_CHUNK = 4 * 1024 * 1024
# The local file header (APPNOTE.TXT 4.3.7): signature, versions, flags, method, time, date, CRC,
# sizes, then the lengths of the name and the extra field that follow it.
LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
LOCAL_SIGNATURE = b"PK\x03\x04"
_NAME_LENGTH, _EXTRA_LENGTH = 10, 11


def _stream_stored(
    info: zipfile.ZipInfo,
    path: Path,
    sink: Callable[[bytes | memoryview], object] | None,
    on_chunk: Callable[[int], None] | None,
) -> MemberDigest:
    name = shown(info.orig_filename)
    digest = hashlib.sha256()
    buffer = bytearray(STORED_CHUNK)
    view = memoryview(buffer)
    left = info.compress_size
    try:
        with path.open("rb", buffering=0) as f:
            f.seek(info.header_offset)
            header = f.read(LOCAL_HEADER.size)
            if len(header) != LOCAL_HEADER.size:
                raise damaged(path, f"成员“{name}”的文件头不完整")
            fields = LOCAL_HEADER.unpack(header)
            if fields[0] != LOCAL_SIGNATURE:
                raise damaged(path, f"成员“{name}”的文件头无法识别")
            raw_name = f.read(fields[_NAME_LENGTH])
            encoding = "utf-8" if info.flag_bits & _UTF8_FLAG else "cp437"
            if raw_name.decode(encoding, errors="replace") != info.orig_filename:
                raise BundleUnsafeError(f"数据包中的成员“{name}”的文件头与目录记录的名称不一致，已拒绝导入。")
            f.seek(fields[_EXTRA_LENGTH], 1)
            while left > 0:
                n = f.readinto(view[: min(STORED_CHUNK, left)])
                if not n:
                    break
                left -= n
                digest.update(view[:n])
                if sink is not None:
                    sink(view[:n])
                if on_chunk is not None:
                    on_chunk(n)
    except OSError as exc:
        raise damaged(path, f"成员“{name}”无法读取：{exc.strerror or exc}") from exc
    if left:
        raise damaged(path, f"成员“{name}”的内容不完整（文件可能被截断）")
    return MemberDigest(digest.hexdigest(), info.compress_size)


def member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> Iterator[bytes]:
    """A deflated member's bytes, a chunk at a time, never more than its declared size (already capped)."""
    name = shown(info.orig_filename)
    size = 0
    try:
        src = archive.open(info)
    except ZIP_ERRORS as exc:
        raise damaged(path, f"成员“{name}”无法读取：{type(exc).__name__}") from exc
    with src:
        while True:
            try:
                chunk = src.read(CHUNK)
            except ZIP_ERRORS as exc:
                raise damaged(path, f"成员“{name}”无法读取：{type(exc).__name__}") from exc
            if not chunk:
                return
            size += len(chunk)
            if size > info.file_size:
                raise BundleUnsafeError(f"数据包中的成员“{name}”的实际内容比声明的大小更长，已拒绝导入。")
            yield chunk


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> tuple[bytes, MemberDigest]:
    """A small member's bytes (its size was bounded by `check_members`) and its digest."""
    parts: list[bytes] = []
    digest = stream_member(archive, info, path, lambda chunk: parts.append(bytes(chunk)))
    return b"".join(parts), digest
