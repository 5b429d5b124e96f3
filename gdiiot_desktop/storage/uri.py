"""SQLite `file:` URIs, which let a path be opened read-only (mode=ro) or never created (mode=rw)."""

from __future__ import annotations

from pathlib import Path


def sqlite_uri(path: Path, **params: str) -> str:
    """A `file:` URI for sqlite3.connect(uri=True); non-ASCII and '?', '#', '%' are percent-encoded."""
    uri = path.absolute().as_uri()
    if not uri.startswith("file:///"):  # a UNC path: SQLite wants an empty authority
        uri = "file:////" + uri.removeprefix("file://")
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{uri}?{query}" if query else uri
