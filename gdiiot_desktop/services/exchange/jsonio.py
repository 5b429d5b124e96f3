"""Bundle JSON: the strict, bounded reading of services/jsonio.py, failing with BundleFormatError."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from .. import jsonio
from ..errors import InputError
from .errors import BundleFormatError

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
