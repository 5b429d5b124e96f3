"""Reading attachments out of the store with their SHA-256 re-checked (SPEC: exports re-check every hash)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from ...domain.model import Application, Attachment
from ...storage.store import CHUNK, AttachmentStore
from ..files import atomic_output
from .errors import AttachmentIntegrityError


def _broken(app: Application | None, att: Attachment, why: str) -> AttachmentIntegrityError:
    where = f"项目“{app.project_name}”的" if app is not None else ""
    return AttachmentIntegrityError(
        f"{where}附件“{att.file_name}”{why}，已停止导出。请重新添加该附件（或从备份恢复）后再导出。"
    )


def _path(store: AttachmentStore, app: Application | None, att: Attachment) -> Path:
    path = store.path_of(att.sha256)
    if not path.is_file():
        raise _broken(app, att, "在附件库中找不到")
    return path


def check_attachments(
    store: AttachmentStore,
    items: Iterable[tuple[Application, Attachment]],
    tick: Callable[[Attachment], None] | None = None,
) -> None:
    """Every attachment present with its recorded hash; raises naming the first that is not."""
    for app, att in items:
        if tick is not None:
            tick(att)
        path = _path(store, app, att)
        if _sha256_file(path) != att.sha256:
            raise _broken(app, att, "的内容与登记时不一致（文件已被改动或损坏）")


def read_verified(store: AttachmentStore, att: Attachment, app: Application | None = None) -> bytes:
    """The attachment's bytes, after checking they still hash to its name."""
    data = _path(store, app, att).read_bytes()
    if hashlib.sha256(data).hexdigest() != att.sha256:
        raise _broken(app, att, "的内容与登记时不一致（文件已被改动或损坏）")
    return data


def copy_verified(
    store: AttachmentStore,
    att: Attachment,
    target: Path,
    app: Application | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> None:
    """Copy an attachment to `target` atomically, hashing while copying; a mismatch leaves no file."""
    source = _path(store, app, att)
    digest = hashlib.sha256()
    with atomic_output(target) as tmp, source.open("rb") as src, tmp.open("wb") as out:
        while chunk := src.read(CHUNK * 4):
            digest.update(chunk)
            out.write(chunk)
            if on_chunk is not None:
                on_chunk(len(chunk))
        out.flush()
        if digest.hexdigest() != att.sha256:
            raise _broken(app, att, "的内容与登记时不一致（文件已被改动或损坏）")


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK * 4):
            digest.update(chunk)
    return digest.hexdigest()


__all__ = ["check_attachments", "copy_verified", "read_verified"]
