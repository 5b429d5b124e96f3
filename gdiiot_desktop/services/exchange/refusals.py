"""Every refused bundle leaves a trace: an audit entry with the file's name, SHA-256, size, the county
when it is known and the reason, so the city can tell the county exactly why (and the screen lists them).

The entry is written in its own transaction after the refused import rolled back: nothing of the
bundle is kept, only this record of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ...storage.errors import StorageError
from ...storage.exchange_repository import ExchangeRepository
from .errors import BundleError
from .office import Office

REFUSED_ACTION = "bundle_refused"
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Refusal:
    at: datetime
    actor: str
    file_name: str
    sha256: str | None
    size: int | None
    county: str | None
    reason: str

    def line(self) -> str:
        where = f"（{self.county}）" if self.county else ""
        digest = f"，SHA-256 {self.sha256[:16]}…" if self.sha256 else ""
        size = f"，{self.size} 字节" if self.size is not None else ""
        return f"{self.at:%Y-%m-%d %H:%M} {self.file_name}{where}{size}{digest}：{self.reason}"


def _file_facts(path: Path) -> tuple[str | None, int | None]:
    digest = hashlib.sha256()
    try:
        if not path.is_file():  # a device (/dev/zero) or a pipe would be read for ever
            return None, None
        size = path.stat().st_size
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
    except OSError:
        return None, None
    return digest.hexdigest(), size


def record_refusal(ws: Office, path: Path, error: BundleError, county: str | None) -> None:
    """Write the refusal into the audit log; a database that cannot be written to is left alone."""
    if ws.read_only:
        return
    sha256, size = _file_facts(Path(path))
    details: dict[str, object] = {
        "file": Path(path).name,
        "sha256": sha256,
        "size": size,
        "county": county,
        "error": type(error).__name__,
        "reason": error.message,
        "details": error.details[:20],
    }
    with contextlib.suppress(StorageError, OSError), ws.db.session() as session:
        ws.audit(session, REFUSED_ACTION, "bundle", sha256 or Path(path).name, details)


def list_refusals(ws: Office, limit: int = 200) -> list[Refusal]:
    """The newest refusals first."""
    with ws.db.session() as session:
        entries = ExchangeRepository(session).audit_of(REFUSED_ACTION, limit)
        rows = [(e.at, e.actor, e.details) for e in entries]
    out = []
    for at, actor, text in rows:
        try:
            d = json.loads(text)
        except ValueError:
            continue
        out.append(
            Refusal(at, actor, str(d.get("file", "")), d.get("sha256"), d.get("size"), d.get("county"), str(d.get("reason", "")))
        )
    return out
