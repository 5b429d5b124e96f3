"""Strict, bounded JSON from outside: typed access with paths for messages, and parsing whose memory
and time follow from caps rather than from the input.

- Nesting is measured before anything is built (no RecursionError, whatever the depth).
- Integers longer than `MAX_INT_DIGITS` digits and numbers longer than `MAX_NUMBER_CHARS`
  characters are refused before Python converts them (no ValueError from a 5,000-digit integer).
- Duplicate keys, NaN and Infinity are refused.
- A large JSON list is read element by element from a stream (`iter_array`): each element, and the
  whole, must stay under its cap, so a member that inflates to gigabytes is refused at its cap
  instead of being held in memory.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, ClassVar, NoReturn, Self

from ..domain.text import describe_removed, find_unsafe
from .errors import InputError

MAX_DEPTH = 32  # our documents nest 5 deep (a list of applications, each with a list of attachments)
MAX_INT_DIGITS = 20  # 2**63 has 19; every integer the formats hold fits
MAX_NUMBER_CHARS = 40  # "-1.2345678901234567e+300" and then some
MAX_TEXT = 100_000  # characters in one string value unless a field says otherwise
MAX_INT = 2**53  # larger integers do not fit every reader (and SQLite's columns) exactly
FIRST_YEAR, LAST_YEAR = 1900, 2200  # dates and times a record may carry


@dataclass(frozen=True)
class Source:
    """Where JSON comes from, for messages: "数据包中的 audit.json", and the error to raise."""

    name: str
    error: type[InputError] = InputError
    refusal: str = "，已拒绝导入。"

    def fail(self, what: str) -> NoReturn:
        raise self.error(f"{self.name}{what}{self.refusal}")


# ---------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------

# A string (escapes included), a bracket or a comma; everything else is skipped between them.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]')
_OPEN = frozenset("[{")


def check_depth(text: str, source: Source, max_depth: int = MAX_DEPTH) -> None:
    """Refuse text nested deeper than `max_depth`, without recursion and without building anything."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in _OPEN:
            depth += 1
            if depth > max_depth:
                source.fail(f" 嵌套层次过深（超过 {max_depth} 层）")
        elif token in "]}":
            depth -= 1


def loads(text: str, source: Source, max_depth: int = MAX_DEPTH) -> Any:
    """The value in `text`; the source's error, in Chinese, for anything malformed or out of bounds."""
    check_depth(text, source, max_depth)
    try:
        return json.loads(
            text,
            object_pairs_hook=lambda pairs: _unique_keys(pairs, source),
            parse_constant=lambda name: source.fail(f" 中出现了非标准的数值 {name}"),
            parse_int=lambda digits: _integer(digits, source),
            parse_float=lambda digits: _float(digits, source),
        )
    except json.JSONDecodeError as exc:
        source.fail(f" 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）")
    except RecursionError:  # check_depth makes this unreachable; kept so no input can end in a traceback
        source.fail(" 嵌套层次过深")


def decode_utf8(data: bytes, source: Source) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        source.fail(f" 不是 UTF-8 编码的文本（第 {exc.start} 字节处）")


def parse_bytes(data: bytes, source: Source, max_depth: int = MAX_DEPTH) -> Any:
    return loads(decode_utf8(data, source), source, max_depth)


def _unique_keys(pairs: list[tuple[str, Any]], source: Source) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            source.fail(f" 中的键“{key[:40]}”重复出现")
        out[key] = value
    return out


def _integer(digits: str, source: Source) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        source.fail(f" 中有位数过多的整数（{len(digits)} 位，最多 {MAX_INT_DIGITS} 位）")
    return int(digits)


def _float(digits: str, source: Source) -> float:
    if len(digits) > MAX_NUMBER_CHARS:
        source.fail(f" 中有过长的数值（{len(digits)} 个字符）")
    value = float(digits)
    if not math.isfinite(value):
        source.fail(f" 中有超出范围的数值（{digits}）")
    return value


def iter_array(
    chunks: Iterable[bytes | memoryview],
    source: Source,
    *,
    max_items: int,
    max_item_chars: int,
    max_depth: int = MAX_DEPTH,
) -> Iterator[Any]:
    """The elements of a top-level JSON list read from `chunks`, one at a time.

    At most `max_items` elements of at most `max_item_chars` characters each: anything beyond is
    refused as soon as it is seen, so memory stays within one element however large the input.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    buffer = ""  # text read and not yet consumed
    start = 0  # where the current element begins in `buffer`
    pos = 0  # how far `buffer` has been scanned
    depth = 0
    state = _BEFORE
    count = 0
    read = 0  # bytes so far, for messages
    for chunk in _with_end(chunks):
        try:
            buffer += decoder.decode(bytes(chunk), final=not chunk)
        except UnicodeDecodeError as exc:
            source.fail(f" 不是 UTF-8 编码的文本（约第 {read + exc.start} 字节处）")
        read += len(chunk)
        if state == _BEFORE:
            stripped = buffer.lstrip()
            if stripped and stripped[0] != "[":
                source.fail(" 格式不正确：顶层 应为列表（以“[”开始）")
            buffer = stripped[1:]
            if stripped:
                state, depth = _IN, 1
        while state == _IN:
            special = _SPECIAL.search(buffer, pos)
            if special is None:
                pos = len(buffer)
                break
            char = special.group()
            if char == '"':
                string = _STRING.match(buffer, special.start())
                if string is None:
                    pos = special.start()  # an unfinished string: wait for the rest
                    break
                pos = string.end()
                continue
            pos = special.end()
            if char in "[{":
                depth += 1
                if depth > max_depth:
                    source.fail(f" 嵌套层次过深（超过 {max_depth} 层）")
                continue
            if char in "]}":
                depth -= 1
            if depth == 0 or (char == "," and depth == 1):
                text = buffer[start : special.start()]
                if text.strip():
                    count += 1
                    if count > max_items:
                        source.fail(f" 中的条目过多（上限 {max_items} 条）")
                    if len(text) > max_item_chars:  # whole within one chunk: measured here
                        source.fail(f" 第 {count} 条过大（超过 {max_item_chars} 个字符）")
                    yield loads(
                        text, Source(f"{source.name} 第 {count} 条", source.error, source.refusal), max_depth
                    )
                elif char == "," or count:
                    source.fail(" 不是有效的 JSON（列表中有空的条目）")
                start = pos
                if depth == 0:
                    state = _AFTER
        if state == _IN and len(buffer) - start > max_item_chars:
            source.fail(f" 第 {count + 1} 条过大（超过 {max_item_chars} 个字符）")
        if state == _AFTER and buffer[start:].strip():
            source.fail(" 不是有效的 JSON（列表结束后还有多余的内容）")
        buffer, pos, start = buffer[start:], pos - start, 0  # once per chunk: drop what was consumed
    if state != _AFTER:
        source.fail(
            " 不是有效的 JSON（列表没有结束，内容不完整）" if state == _IN else " 不是有效的 JSON（内容为空）"
        )


_BEFORE, _IN, _AFTER = "before", "in", "after"
_SPECIAL = re.compile(r'["\[\]{},]')
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def _with_end(chunks: Iterable[bytes | memoryview]) -> Iterator[bytes | memoryview]:
    """The chunks that hold something, then one empty chunk that marks the end."""
    for chunk in chunks:
        if len(chunk):
            yield chunk
    yield b""


# ---------------------------------------------------------------------------------------------
# Typed access
# ---------------------------------------------------------------------------------------------

_TYPE_NAMES = {
    str: "文字",
    int: "整数",
    float: "数字",
    bool: "true/false",
    list: "列表",
    dict: "对象",
    type(None): "null",
}


def _shown(number: float) -> str:
    """A number for a message: whole numbers without an exponent or ".0"."""
    return str(int(number)) if number.is_integer() and abs(number) < 1e18 else f"{number:g}"


def type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class Node:
    """A value inside a JSON document from outside, with its path for messages ("applications[3].uid")."""

    # How a failure reads: "{member} 格式不正确：{path} {what}" + the source's refusal.
    prefix: ClassVar[str] = ""
    error: ClassVar[type[InputError]] = InputError
    refusal: ClassVar[str] = "。"

    def __init__(self, value: Any, member: str, path: str = "") -> None:
        self.value = value
        self.member = member
        self.path = path

    def fail(self, what: str) -> NoReturn:
        where = self.path or "顶层"
        raise self.error(f"{self.prefix}{self.member} 格式不正确：{where} {what}{self.refusal}")

    def _expect(self, kind: str, ok: bool) -> None:
        if not ok:
            self.fail(f"应为{kind}，实际为{type_name(self.value)}")

    def _child(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def child(self, value: Any, key: str | int) -> Self:
        return type(self)(value, self.member, self._child(key))

    # --- containers -----------------------------------------------------------------------------

    def obj(self, keys: tuple[str, ...] | None = None, *, optional: tuple[str, ...] = ()) -> Self:
        """This node, which must be an object; with `keys`, exactly those keys (none missing, none extra
        but the `optional` ones)."""
        self._expect("对象", isinstance(self.value, dict))
        if keys is not None:
            missing = [k for k in keys if k not in self.value]
            if missing:
                self.fail(f"缺少字段 {'、'.join(missing)}")
            extra = sorted(k for k in self.value if k not in keys and k not in optional)
            if extra:
                self.fail(f"有未知字段 {'、'.join(e[:40] for e in extra[:5])}")
        return self

    def __getitem__(self, key: str) -> Self:
        self.obj()
        if key not in self.value:
            self.fail(f"缺少字段 {key}")
        return self.child(self.value[key], key)

    def has(self, key: str) -> bool:
        return isinstance(self.value, dict) and key in self.value

    def get(self, key: str, default: Any) -> Self:
        """The child at `key`, or a node holding `default` when the key is absent."""
        self.obj()
        return self.child(self.value.get(key, default), key)

    def items(self, max_items: int | None = None) -> Iterator[Self]:
        self._expect("列表", isinstance(self.value, list))
        if max_items is not None and len(self.value) > max_items:
            self.fail(f"条目过多（{len(self.value)} 条，上限 {max_items} 条）")
        for i, v in enumerate(self.value):
            yield self.child(v, i)

    def mapping(self, max_items: int | None = None) -> Iterator[tuple[str, Self]]:
        self.obj()
        if max_items is not None and len(self.value) > max_items:
            self.fail(f"条目过多（{len(self.value)} 条，上限 {max_items} 条）")
        for k, v in self.value.items():
            yield k, self.child(v, k)

    # --- scalars ----------------------------------------------------------------------------------

    @property
    def is_null(self) -> bool:
        return self.value is None

    def text(self, *, max_len: int = MAX_TEXT, raw: bool = False) -> str:
        """A string; unless `raw` (history kept as written), without the characters XML forbids or
        the bidi controls (domain/text.py), which are refused naming where they are."""
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
        if not raw:
            bad = find_unsafe(value)
            if bad:
                self.fail(f"含有不允许的字符：{describe_removed(bad)}")
        return value

    def integer(self, low: int = -MAX_INT, high: int = MAX_INT) -> int:
        self._expect("整数", isinstance(self.value, int) and not isinstance(self.value, bool))
        value: int = self.value
        if not low <= value <= high:
            self.fail(f"应在 {low}～{high} 之间，实际为 {value}")
        return value

    def number(self, limit: float = 1e15, low: float | None = None) -> float:
        ok = isinstance(self.value, int | float) and not isinstance(self.value, bool)
        self._expect("数字", ok)
        if isinstance(self.value, int) and abs(self.value) > MAX_INT:
            self.fail("数值过大")
        value = float(self.value)
        bottom = -limit if low is None else low
        if not bottom <= value <= limit:
            self.fail(f"数值超出范围（{_shown(value)}，应在 {_shown(bottom)}～{_shown(limit)} 之间）")
        return value

    def boolean(self) -> bool:
        self._expect("true/false", isinstance(self.value, bool))
        return bool(self.value)

    def day(self) -> date | None:
        """An ISO date ("2023-11-28") within 1900–2200, or null."""
        if self.is_null:
            return None
        text = self.text(max_len=10)
        try:
            if len(text) != 10:
                raise ValueError(text)
            value = date.fromisoformat(text)
        except ValueError:
            self.fail(f"应为日期（如 2023-11-28），实际为“{text}”")
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            self.fail(f"日期“{text}”不在 {FIRST_YEAR}—{LAST_YEAR} 年之间")
        return value

    def timestamp(self, *, zone: bool | None) -> datetime:
        """An ISO time within 1900–2200, returned as naive UTC. With `zone` it must carry its offset;
        with zone=False it must not (it is UTC already); with None either."""
        text = self.text(max_len=40)
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            if zone:
                self.fail(f"应为带时区的时间（如 2023-11-28T09:00:00+00:00），实际为“{text}”")
            self.fail(f"不是有效的时间“{text}”")
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            self.fail(
                f"时间“{text}”不在 {FIRST_YEAR}—{LAST_YEAR} 年之间，应为导出时的时间（电脑的日期可能设置错了）"
            )
        if zone and value.tzinfo is None:
            self.fail("缺少时区")
        if zone is False and value.tzinfo is not None:
            self.fail("应为不带时区的 UTC 时间")
        return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)

    def opt_text(self) -> str | None:
        return None if self.is_null else self.text()

    def opt_integer(self, low: int = -MAX_INT, high: int = MAX_INT) -> int | None:
        return None if self.is_null else self.integer(low, high)

    def opt_number(self, limit: float = 1e15, low: float | None = None) -> float | None:
        return None if self.is_null else self.number(limit, low)

    def opt_boolean(self) -> bool | None:
        return None if self.is_null else self.boolean()
