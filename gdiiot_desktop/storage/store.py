"""Content-addressed attachment store: files named by their SHA-256, written atomically."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .durable import fsync_dir as _fsync_dir
from .errors import AttachmentMissingError, ReadOnlyDatabaseError

CHUNK = 1024 * 1024
TEMP_DIR = "tmp"
_SHA_RE = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int


def is_sha256(text: str) -> bool:
    return _SHA_RE.fullmatch(text) is not None


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class AttachmentStore:
    """Files under `root/ab/abcdef…` (the first two hex digits as a folder).

    A file only ever appears under its final name by `os.replace` of a complete, fsynced temporary
    file from `root/tmp/`, so a crash leaves either nothing or a correct file under a given name;
    leftovers in `root/tmp/` are removed by `clean_temp()` (called when the database is opened for
    writing). Stored files are never modified in place, which is why the SQLite backups need not
    copy them: a backup's rows refer to files that stay valid as long as the store is kept.
    """

    def __init__(self, root: Path, *, read_only: bool = False) -> None:
        self.root = root
        self.read_only = read_only

    @property
    def temp_dir(self) -> Path:
        return self.root / TEMP_DIR

    # --- reading ----------------------------------------------------------------------------

    def path_of(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it is there)."""
        if not is_sha256(sha256):
            raise ValueError(f"not a lowercase SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def verify(self, sha256: str) -> bool:
        """True when the file is present and its bytes hash to its name."""
        path = self.path_of(sha256)
        try:
            return sha256_of(path) == sha256
        except FileNotFoundError:
            return False

    def open(self, sha256: str) -> BinaryIO:
        """The stored file opened for binary reading; `AttachmentMissingError` if it is gone."""
        path = self.path_of(sha256)
        try:
            return path.open("rb")
        except FileNotFoundError as exc:
            raise AttachmentMissingError(sha256, path) from exc

    def iter_hashes(self) -> Iterator[str]:
        """Hashes of every file stored under a well-formed name (the temp folder excluded)."""
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.name == TEMP_DIR or not sub.is_dir() or len(sub.name) != 2:
                continue
            for f in sorted(sub.iterdir()):
                if f.is_file() and is_sha256(f.name) and f.name[:2] == sub.name:
                    yield f.name

    # --- writing ----------------------------------------------------------------------------

    def put_file(self, src: Path) -> StoredFile:
        """Copy `src` into the store, reading it once; returns its hash and size."""
        self._check_writable()
        with src.open("rb") as f:
            return self._put_stream(f)

    def put_bytes(self, data: bytes) -> StoredFile:
        self._check_writable()
        return self._put_chunks(data[i : i + CHUNK] for i in range(0, len(data), CHUNK))

    def clean_temp(self) -> int:
        """Remove leftovers of interrupted writes; returns how many were removed."""
        removed = 0
        if not self.temp_dir.is_dir():
            return 0
        for f in self.temp_dir.iterdir():
            with contextlib.suppress(OSError):
                f.unlink()
                removed += 1
        return removed

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyDatabaseError()

    def _put_stream(self, f: BinaryIO) -> StoredFile:
        return self._put_chunks(iter(lambda: f.read(CHUNK), b""))

    def _put_chunks(self, chunks: Iterable[bytes]) -> StoredFile:
        self.temp_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.temp_dir, prefix="put-", suffix=".part")
        tmp = Path(tmp_name)
        try:
            digest = hashlib.sha256()
            size = 0
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_of(sha)
            if _is_good(final, sha, size):
                tmp.unlink()
            else:
                if not final.parent.is_dir():
                    final.parent.mkdir(exist_ok=True)
                    _fsync_dir(self.root)
                os.replace(tmp, final)
                _fsync_dir(final.parent)
            return StoredFile(sha, size)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise


def _is_good(path: Path, sha256: str, size: int) -> bool:
    """An existing file is kept only when it has the right size and hash."""
    try:
        if path.stat().st_size != size:
            return False
        return sha256_of(path) == sha256
    except FileNotFoundError:
        return False


