"""What each attachment becomes on paper: PDF pages, an image page, or "electronic only"."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ...domain.enums import AttachmentClass
from ...domain.model import Attachment
from ...storage.store import AttachmentStore
from ..media import HEAD_SIZE, detect_kind

PrintKind = Literal["pdf", "image", "word", "video", "other"]

WORD_PROBLEM = "是 Word/WPS 文档，只能随光盘提交电子版，不能打印；请转换为 PDF 后重新添加"
OTHER_PROBLEM = "不是 PDF 或图片，只能随光盘提交电子版，不能打印"


@dataclass(frozen=True)
class PrintItem:
    """One attachment as the package sees it: its kind, the pages it takes, and why it is not printed."""

    attachment: Attachment
    kind: PrintKind
    pages: int  # pages in the printed package; 0 when not printed
    problem: str | None = None  # Chinese; set when a printable kind could not be printed

    @property
    def printed(self) -> bool:
        return self.pages > 0


def inspect(store: AttachmentStore, att: Attachment) -> PrintItem:
    """Classify a stored attachment by its content and count the pages it will print as.

    Only PDFs and images are read in full; anything else is judged by its first bytes.
    """
    if att.attachment_class is AttachmentClass.VIDEO:
        return PrintItem(att, "video", 0)
    path = store.path_of(att.sha256)
    try:
        with path.open("rb") as f:
            head = f.read(HEAD_SIZE)
        if printable_kind(att, head, path):
            return inspect_data(att, path.read_bytes(), path)
    except OSError:
        return PrintItem(att, "other", 0, "在附件库中找不到")
    return inspect_data(att, head, path)


def printable_kind(att: Attachment, head: bytes, path: Path | None = None) -> bool:
    """Whether the file is a PDF or an image, judged by its first bytes (and name)."""
    extension = att.file_name.rsplit(".", 1)[-1].lower() if "." in att.file_name else ""
    return detect_kind(head, extension, path)[0] in ("pdf", "image")


def inspect_data(att: Attachment, data: bytes, path: Path | None = None) -> PrintItem:
    """Like `inspect`, on the attachment's bytes already read (and hash-checked) by the caller."""
    if att.attachment_class is AttachmentClass.VIDEO:
        return PrintItem(att, "video", 0)
    extension = att.file_name.rsplit(".", 1)[-1].lower() if "." in att.file_name else ""
    kind, _fmt = detect_kind(data[:HEAD_SIZE], extension, path)
    if kind == "pdf":
        pages = pdf_page_count(data)
        if pages is None:
            return PrintItem(att, "pdf", 0, "无法读取（PDF 可能已损坏或有打开密码），不能打印")
        return PrintItem(att, "pdf", pages)
    if kind == "image":
        if not image_readable(data):
            return PrintItem(att, "image", 0, "图片无法读取，不能打印")
        return PrintItem(att, "image", 1)
    if kind == "word":
        return PrintItem(att, "word", 0, WORD_PROBLEM)
    if kind == "video":
        return PrintItem(att, "video", 0)
    return PrintItem(att, "other", 0, OTHER_PROBLEM)


def pdf_page_count(data: bytes) -> int | None:
    """Pages of a PDF that pypdf can merge (decrypting an empty password), else None."""
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                return None
            count = len(reader.pages)
    except Exception:  # noqa: BLE001 - any parse failure means "cannot print it"
        return None
    return count or None


def image_readable(data: bytes) -> bool:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except Exception:  # noqa: BLE001 - any decode failure means "cannot print it"
        return False
    return True
