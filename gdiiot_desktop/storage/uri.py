"""SQLite `file:` URIs, which let a path be opened read-only (mode=ro) or never created (mode=rw)."""

from __future__ import annotations

import os
from pathlib import Path


def sqlite_uri(path: Path, **params: str) -> str:
    """A `file:` URI for sqlite3.connect(uri=True); non-ASCII and '?', '#', '%' are percent-encoded."""
    uri = path.absolute().as_uri()
    if not uri.startswith("file:///"):  # a UNC path: SQLite wants an empty authority
        uri = "file:////" + uri.removeprefix("file://")
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{uri}?{query}" if query else uri


def on_read_only_medium(path: Path) -> bool:
    """Neither the file nor its folder can be written (a CD, a write-protected stick, a read-only share)."""
    return not os.access(path.parent, os.W_OK) and not os.access(path, os.W_OK)


def read_only_uri(path: Path) -> str:
    """`mode=ro`; on a read-only medium also `immutable=1`: SQLite would otherwise need to create the
    -shm file of a WAL database beside it, fail, and the file would look damaged. Nobody can change
    a file there, which is what `immutable` promises."""
    if on_read_only_medium(path):
        return sqlite_uri(path, mode="ro", immutable="1")
    return sqlite_uri(path, mode="ro")
