"""Characters that must never reach a stored field, an export or a terminal.

Two kinds are removed from text that comes from outside (a sheet, a bundle, the editor, the CLI):
- characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; lone
  surrogates): one of them in a field makes every .xlsx/.docx written from it malformed;
- bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a name read
  differently from what it holds ("Trojan Source"), on screen and on paper.

Tab, LF and CR stay: they are legal, and multi-line fields (an address, a note) hold them.
`terminal_safe` is a separate, stricter view for echoing text on a terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Sanitized",
    "UnsafeChar",
    "describe_removed",
    "find_unsafe",
    "has_unsafe",
    "sanitize",
    "strip_unsafe",
    "terminal_safe",
]

_XML_FORBIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_XML_FORBIDDEN}{_BIDI}]")
_BIDI_ONLY = re.compile(f"[{_BIDI}]")
# On a terminal, also tab/LF/CR (they move the cursor), DEL, the C1 controls (U+009B is a
# one-character CSI on some terminals) and the bidi marks/embeddings that reorder a line.
_TERMINAL_EXTRA = f"\x7f-\x9f{_BIDI}\u200e\u200f\u061c\ufffe\uffff\ud800-\udfff"
_TERMINAL = re.compile(f"[\x00-\x1f{_TERMINAL_EXTRA}]")
_TERMINAL_LINES = re.compile(f"[\x00-\x08\x0b-\x1f{_TERMINAL_EXTRA}]")

_NAMES = {
    "\ufffe": "非字符 U+FFFE",
    "\uffff": "非字符 U+FFFF",
}


@dataclass(frozen=True)
class UnsafeChar:
    """One removed character: where it was (0-based) and what it is."""

    index: int
    char: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def is_bidi(self) -> bool:
        return bool(_BIDI_ONLY.match(self.char))

    @property
    def description(self) -> str:
        """A Chinese name for the character, e.g. "控制字符 U+0007"."""
        if self.char in _NAMES:
            return _NAMES[self.char]
        if self.is_bidi:
            return f"文字方向控制符 {self.code}"
        if "\ud800" <= self.char <= "\udfff":
            return f"不成对的代理字符 {self.code}"
        return f"控制字符 {self.code}"


@dataclass(frozen=True)
class Sanitized:
    """Text with the unsafe characters removed, and what was removed."""

    text: str
    removed: tuple[UnsafeChar, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.removed)


def find_unsafe(text: str) -> list[UnsafeChar]:
    """Every character of `text` that XML 1.0 forbids or that overrides the text's direction."""
    return [UnsafeChar(m.start(), m.group()) for m in _UNSAFE.finditer(text)]


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def strip_unsafe(text: str) -> str:
    """`text` without the characters `find_unsafe` reports."""
    return _UNSAFE.sub("", text)


def sanitize(text: str) -> Sanitized:
    """The text as it may be stored, and the characters taken out of it (for a message)."""
    found = find_unsafe(text)
    if not found:
        return Sanitized(text)
    return Sanitized(_UNSAFE.sub("", text), tuple(found))


def describe_removed(removed: tuple[UnsafeChar, ...] | list[UnsafeChar], *, limit: int = 3) -> str:
    """A short Chinese list of removed characters: "控制字符 U+0007（第3个字符）等2个"."""
    if not removed:
        return ""
    parts = [f"{c.description}（第{c.index + 1}个字符）" for c in removed[:limit]]
    more = f"等{len(removed)}个" if len(removed) > limit else ""
    return "、".join(parts) + more


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def terminal_safe(text: object, *, lines: bool = False) -> str:
    """`text` for echoing on a terminal: control characters and bidi controls shown as escapes.

    "\\x1b[2J" prints as the characters `\\u001b[2J` and cannot clear the screen; a newline inside
    a name prints as `\\u000a`, so one value stays on one line. With `lines`, newline and tab
    are kept (for whole blocks of output). The escapes are JSON's, so JSON output stays JSON.
    Chinese text is unchanged.
    """
    value = str(text)
    pattern = _TERMINAL_LINES if lines else _TERMINAL
    if pattern.search(value) is None:
        return value
    return pattern.sub(_escape, value)
