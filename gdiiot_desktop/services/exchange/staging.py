"""Attachments from a bundle into the store: hashed while copied, published only under a verified hash.

Files are copied into the store's temporary folder first; a file whose bytes do not hash to its
name is refused before anything is published. `publish()` renames them into place (called inside
the database transaction, just before the commit); `discard()` removes every trace otherwise.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...storage.durable import fsync_dir as _fsync_dir
from ...storage.errors import ReadOnlyDatabaseError
from ...storage.store import AttachmentStore
from .errors import BundleTamperedError, ExchangeUsageError
from .format import file_member
from .zipsafe import check_members, open_zip, stream_member

SPACE_MARGIN = 64 * 1024 * 1024


@dataclass
class _Staged:
    sha256: str
    temp: Path | None  # None: the store already holds the file


def _free_space(folder: Path) -> int:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def _writer(fd: int) -> Callable[[bytes | memoryview], None]:
    """Write every byte of each chunk (a raw write may take only part of it)."""

    def write(chunk: bytes | memoryview) -> None:
        view = memoryview(chunk)
        while view:
            view = view[os.write(fd, view) :]

    return write


class Stager:
    """Verified copies of a bundle's attachments waiting in the store's temporary folder."""

    def __init__(self, store: AttachmentStore) -> None:
        if store.read_only:
            raise ReadOnlyDatabaseError()
        self.store = store
        self.staged: list[_Staged] = []
        self._created = [p for p in (store.root, store.temp_dir) if not p.exists()]

    def stage(
        self,
        bundle_path: Path,
        files: dict[str, int],
        on_chunk: Callable[[int], None] | None = None,
    ) -> None:
        """Copy and verify every file (sha256 → size); BundleTamperedError when one does not match."""
        new = {sha: size for sha, size in files.items() if not self._present(sha, size)}
        need = sum(new.values())
        if new and need + SPACE_MARGIN > _free_space(self.store.root):
            raise ExchangeUsageError(
                f"磁盘空间不足：导入需要约 {need / 1024**3:.1f} GB，请清理磁盘后再导入。"
            )
        with open_zip(bundle_path) as archive:
            infos = check_members(archive, bundle_path)
            for sha, size in files.items():
                info = infos.get(file_member(sha))
                if info is None or info.file_size != size:
                    raise BundleTamperedError("数据包在读取过程中被改动（附件与清单不符），已拒绝导入。")
                if sha not in new:
                    digest = stream_member(archive, info, bundle_path, None, on_chunk)
                    self._check(digest.sha256, sha)
                    self.staged.append(_Staged(sha, None))
                    continue
                self.store.temp_dir.mkdir(parents=True, exist_ok=True)
                fd, name = tempfile.mkstemp(dir=self.store.temp_dir, prefix="bundle-", suffix=".part")
                temp = Path(name)
                self.staged.append(_Staged(sha, temp))
                try:
                    digest = stream_member(archive, info, bundle_path, _writer(fd), on_chunk)
                finally:
                    os.close(fd)
                self._check(digest.sha256, sha)
        # One fsync per file at the end rather than after each: the disk writes the first files
        # back while the later ones are still being hashed.
        for item in self.staged:
            if item.temp is not None:
                fd = os.open(item.temp, os.O_RDWR)  # Windows flushes only handles open for writing
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)

    def _present(self, sha: str, size: int) -> bool:
        path = self.store.path_of(sha)
        try:
            return path.stat().st_size == size
        except OSError:
            return False

    @staticmethod
    def _check(actual: str, expected: str) -> None:
        if actual != expected:
            raise BundleTamperedError(
                f"附件 {expected[:12]}… 的内容与清单中的哈希值不符，数据包在导出后被改动或已损坏，已拒绝导入。"
            )

    def copies(self) -> dict[str, Path]:
        """sha256 → where its verified bytes are now: the staged copy, or the store's own file."""
        return {
            item.sha256: item.temp if item.temp is not None else self.store.path_of(item.sha256)
            for item in self.staged
        }

    def publish(self) -> int:
        """Move every verified copy to its final name; returns how many files were added."""
        added = 0
        folders: set[Path] = set()
        for item in self.staged:
            if item.temp is None:
                continue
            final = self.store.path_of(item.sha256)
            if not final.parent.is_dir():
                final.parent.mkdir(parents=True, exist_ok=True)
                folders.add(self.store.root)
            os.replace(item.temp, final)
            item.temp = None
            folders.add(final.parent)
            added += 1
        for folder in folders:
            _fsync_dir(folder)
        return added

    def discard(self) -> None:
        """Remove staged copies, and the folders this import created when they are empty again."""
        for item in self.staged:
            if item.temp is not None:
                with contextlib.suppress(OSError):
                    item.temp.unlink()
        self.staged.clear()
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                folder.rmdir()
