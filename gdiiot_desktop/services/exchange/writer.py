"""Writing a bundle: JSON members compressed, attachments stored as they are and re-hashed on the way."""

from __future__ import annotations

import errno
import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from ...storage.store import AttachmentStore
from ..files import atomic_output
from .errors import ExchangeUsageError
from .format import MANIFEST, SIGNATURE, file_member
from .keys import OfficeSigner
from .manifest import MemberEntry
from .trust import signature_json
from .zipsafe import CHUNK


@contextmanager
def bundle_output(out: Path) -> Iterator[Path]:
    """A temporary path that becomes `out` on success (files.atomic_output); a write that fails — a full
    disk, a write-protected USB stick, a folder that cannot be made — is said in Chinese, and no file
    is left under the final name."""
    try:
        with atomic_output(out) as tmp:
            yield tmp
    except OSError as exc:
        reason = "磁盘空间不足" if exc.errno == errno.ENOSPC else (exc.strerror or type(exc).__name__)
        raise ExchangeUsageError(
            f"无法写入数据包文件 {out}（{reason}），没有导出任何数据包。请检查 U 盘是否写保护、空间是否足够，"
            "或换一个位置保存。"
        ) from exc


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


class BundleWriter:
    """A zip being written to a temporary path; `finish()` adds the manifest last."""

    def __init__(self, path: Path, stamp: datetime) -> None:
        self.archive = zipfile.ZipFile(path, "w", allowZip64=True)
        self.date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
        self.members: list[MemberEntry] = []

    def _info(self, name: str, compress: int, size: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, self.date_time)
        info.compress_type = compress
        info.file_size = size
        info.external_attr = 0o644 << 16
        return info

    def add_bytes(self, name: str, data: bytes) -> MemberEntry:
        info = self._info(name, zipfile.ZIP_DEFLATED, len(data))
        self.archive.writestr(info, data)
        entry = MemberEntry(name, len(data), hashlib.sha256(data).hexdigest())
        self.members.append(entry)
        return entry

    def add_json(self, name: str, value: Any) -> MemberEntry:
        return self.add_bytes(name, json_bytes(value))

    def add_stored_file(
        self, store: AttachmentStore, sha256: str, on_chunk: Callable[[int], None] | None = None
    ) -> MemberEntry:
        """Copy an attachment from the store uncompressed, checking its hash as it goes (exports re-check)."""
        source = store.path_of(sha256)
        size = source.stat().st_size
        digest = hashlib.sha256()
        info = self._info(file_member(sha256), zipfile.ZIP_STORED, size)
        with store.open(sha256) as src, self.archive.open(info, "w", force_zip64=size > 2**31) as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
                if on_chunk is not None:
                    on_chunk(len(chunk))
        if digest.hexdigest() != sha256:
            raise ExchangeUsageError(
                f"本地附件库中的文件 {sha256[:12]}… 已损坏（内容与哈希值不符），无法导出。请重新添加该附件后再导出。"
            )
        entry = MemberEntry(file_member(sha256), size, sha256)
        self.members.append(entry)
        return entry

    def finish(self, manifest: dict[str, Any], signer: OfficeSigner) -> bytes:
        """Write the manifest and this office's signature over its exact bytes, and close; returns the manifest."""
        data = json_bytes(manifest)
        self.archive.writestr(self._info(MANIFEST, zipfile.ZIP_DEFLATED, len(data)), data)
        signed = json_bytes(signature_json(signer, data))
        self.archive.writestr(self._info(SIGNATURE, zipfile.ZIP_DEFLATED, len(signed)), signed)
        self.archive.close()
        return data

    def __enter__(self) -> BundleWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            self.archive.close()
