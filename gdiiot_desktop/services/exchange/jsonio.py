"""Strict JSON for bundles: parsing that refuses duplicate keys and NaN, and typed access with paths."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NoReturn

from .errors import BundleFormatError

MAX_TEXT = 100_000  # characters in one string value
MAX_INT = 2**53  # larger integers do not fit every reader (and SQLite's columns) exactly


def parse_json(data: bytes, member: str) -> Any:
    """The value in `data`, or BundleFormatError naming the member and where it goes wrong."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleFormatError(f"数据包中的 {member} 不是 UTF-8 编码的文本（第 {exc.start} 字节处），已拒绝导入。") from exc
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise BundleFormatError(
            f"数据包中的 {member} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}），已拒绝导入。"
        ) from exc
    except RecursionError as exc:
        raise BundleFormatError(f"数据包中的 {member} 嵌套层次过深，已拒绝导入。") from exc


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise BundleFormatError(f"JSON 对象中的键“{key}”重复出现，已拒绝导入。")
        out[key] = value
    return out


def _no_constant(name: str) -> NoReturn:
    raise BundleFormatError(f"JSON 中出现了非标准的数值 {name}，已拒绝导入。")


_TYPE_NAMES = {
    str: "文字",
    int: "整数",
    float: "数字",
    bool: "true/false",
    list: "列表",
    dict: "对象",
    type(None): "null",
}


def type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class Node:
    """A value inside a bundle's JSON member, with its path for messages ("applications[3].uid")."""

    def __init__(self, value: Any, member: str, path: str = "") -> None:
        self.value = value
        self.member = member
        self.path = path

    def fail(self, what: str) -> NoReturn:
        where = self.path or "顶层"
        raise BundleFormatError(f"数据包中的 {self.member} 格式不正确：{where} {what}，已拒绝导入。")

    def _expect(self, kind: str, ok: bool) -> None:
        if not ok:
            self.fail(f"应为{kind}，实际为{type_name(self.value)}")

    def _child(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    # --- containers -----------------------------------------------------------------------------

    def obj(self, keys: tuple[str, ...] | None = None) -> Node:
        """This node, which must be an object; with `keys`, exactly those keys (none missing, none extra)."""
        self._expect("对象", isinstance(self.value, dict))
        if keys is not None:
            missing = [k for k in keys if k not in self.value]
            if missing:
                self.fail(f"缺少字段 {'、'.join(missing)}")
            extra = sorted(k for k in self.value if k not in keys)
            if extra:
                self.fail(f"有未知字段 {'、'.join(extra[:5])}")
        return self

    def __getitem__(self, key: str) -> Node:
        self.obj()
        if key not in self.value:
            self.fail(f"缺少字段 {key}")
        return Node(self.value[key], self.member, self._child(key))

    def has(self, key: str) -> bool:
        return isinstance(self.value, dict) and key in self.value

    def items(self) -> Iterator[Node]:
        self._expect("列表", isinstance(self.value, list))
        for i, v in enumerate(self.value):
            yield Node(v, self.member, self._child(i))

    def mapping(self) -> Iterator[tuple[str, Node]]:
        self.obj()
        for k, v in self.value.items():
            yield k, Node(v, self.member, self._child(k))

    # --- scalars ----------------------------------------------------------------------------------

    @property
    def is_null(self) -> bool:
        return self.value is None

    def text(self, *, max_len: int = MAX_TEXT) -> str:
        self._expect("文字", isinstance(self.value, str))
        value: str = self.value
        if len(value) > max_len:
            self.fail(f"过长（{len(value)} 个字符，上限 {max_len}）")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.fail("含有无效的 Unicode 字符")
        if "\x00" in value:
            self.fail("含有空字符")
        return value

    def integer(self, low: int = -MAX_INT, high: int = MAX_INT) -> int:
        self._expect("整数", isinstance(self.value, int) and not isinstance(self.value, bool))
        value: int = self.value
        if not low <= value <= high:
            self.fail(f"应在 {low}～{high} 之间，实际为 {value}")
        return value

    def number(self, limit: float = 1e15) -> float:
        ok = isinstance(self.value, int | float) and not isinstance(self.value, bool)
        self._expect("数字", ok)
        if isinstance(self.value, int) and abs(self.value) > MAX_INT:
            self.fail("数值过大")
        value = float(self.value)
        if not -limit <= value <= limit:
            self.fail(f"数值超出范围（{value}）")
        return value

    def boolean(self) -> bool:
        self._expect("true/false", isinstance(self.value, bool))
        return bool(self.value)

    def opt_text(self) -> str | None:
        return None if self.is_null else self.text()

    def opt_integer(self, low: int = -MAX_INT, high: int = MAX_INT) -> int | None:
        return None if self.is_null else self.integer(low, high)

    def opt_number(self, limit: float = 1e15) -> float | None:
        return None if self.is_null else self.number(limit)

    def opt_boolean(self) -> bool | None:
        return None if self.is_null else self.boolean()
