"""Bundle JSON: the strict, bounded reading of services/jsonio.py, failing with BundleFormatError."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from .. import jsonio
from ..errors import InputError
from .errors import BundleFormatError, BundleTamperedError
from .format import LIST_CAPS
from .zipsafe import member_chunks, stream_member

MAX_TEXT = jsonio.MAX_TEXT
MAX_INT = jsonio.MAX_INT
type_name = jsonio.type_name


class Node(jsonio.Node):
    """A value inside a bundle's JSON member ("数据包中的 applications.json … [3].uid …")."""

    prefix: ClassVar[str] = "数据包中的 "
    error: ClassVar[type[InputError]] = BundleFormatError
    refusal: ClassVar[str] = "，已拒绝导入。"


def source(member: str) -> jsonio.Source:
    return jsonio.Source(f"数据包中的 {member}", BundleFormatError)


def parse_json(data: bytes, member: str) -> Any:
    """The value in `data` (a small member: the manifest, a decisions file), bounded in depth and numbers."""
    return jsonio.parse_bytes(data, source(member))


def iter_list(
    chunks: Iterable[bytes | memoryview], member: str, *, max_items: int, max_item_bytes: int
) -> Iterator[Node]:
    """The elements of a JSON list member, parsed one at a time from the stream, each as a Node."""
    for i, value in enumerate(
        jsonio.iter_array(chunks, source(member), max_items=max_items, max_item_chars=max_item_bytes)
    ):
        yield Node(value, member, f"[{i}]")


def read_list_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, sha256: str, path: Path) -> Node:
    """A JSON list member: hashed in one streaming pass (BundleTamperedError unless it is `sha256`),
    then parsed in another, one element at a time under the member's caps (format.LIST_CAPS), so no
    input takes more memory than the caps allow."""
    name = info.orig_filename
    if stream_member(archive, info, path).sha256 != sha256:
        raise BundleTamperedError(
            f"成员“{name}”的内容与清单不符（SHA-256 不同），数据包在导出后被改动或已损坏，已拒绝导入。"
        )
    _, items, item_bytes = LIST_CAPS[name]
    chunks = member_chunks(archive, info, path)
    return Node([n.value for n in iter_list(chunks, name, max_items=items, max_item_bytes=item_bytes)], name)
