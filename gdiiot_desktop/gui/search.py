"""Search keys for the lists: lower-case text plus pinyin initials, computed once per row.

Pinyin initials come from the GB2312 code table, whose 3,755 level-1 characters are ordered by
pinyin: a character's initial is the band its code falls in. That covers the characters of
company and project names at no cost; a few level-2 characters of Guangdong place names and
common alternative readings are listed by hand. No dependency, no data file.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

# First GB2312 code of each initial's band (level-1 characters, sorted by pinyin).
_BANDS = (
    (0xB0A1, "a"), (0xB0C5, "b"), (0xB2C1, "c"), (0xB4EE, "d"), (0xB6EA, "e"), (0xB7A2, "f"),
    (0xB8C1, "g"), (0xB9FE, "h"), (0xBBF7, "j"), (0xBFA6, "k"), (0xC0AC, "l"), (0xC2E8, "m"),
    (0xC4C3, "n"), (0xC5B6, "o"), (0xC5BE, "p"), (0xC6DA, "q"), (0xC8BB, "r"), (0xC8F6, "s"),
    (0xCBFA, "t"), (0xCDDA, "w"), (0xCEF4, "x"), (0xD1B9, "y"), (0xD4D1, "z"),
)  # fmt: skip
_BAND_STARTS = [start for start, _ in _BANDS]
_LEVEL1_END = 0xD7F9
# Characters outside level 1 (or outside GB2312) met in Guangdong names.
_EXTRA = {"圳": "z", "樵": "q", "浈": "z", "濠": "h", "禅": "c", "禺": "y", "莞": "g", "滘": "j", "埗": "b",
          "氹": "d", "鳌": "a", "鲘": "h", "槎": "c", "茔": "y", "炜": "w", "昇": "s", "堃": "k", "珅": "s"}  # fmt: skip
# Characters read another way in names (番禺 Panyu, 行业 hangye, 长 zhang, 重 chong, 厦 sha, 乐 yue).
_ALTERNATIVE = {"番": "p", "行": "h", "长": "z", "重": "c", "厦": "s", "乐": "y", "曾": "z", "单": "s"}


@lru_cache(maxsize=8192)
def initial(ch: str) -> str:
    """The pinyin initial of one Chinese character ('' when unknown); other characters as they are."""
    if ch in _EXTRA:
        return _EXTRA[ch]
    if ch.isascii():
        return ch.lower() if ch.isalnum() else ""
    try:
        code = ch.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    if len(code) != 2:
        return ""
    value = code[0] << 8 | code[1]
    if value < _BAND_STARTS[0] or value > _LEVEL1_END:
        return ""
    return _BANDS[bisect_right(_BAND_STARTS, value) - 1][1]


class _InitialTable(dict[int, str]):
    """A str.translate table that learns each character's initial the first time it meets it."""

    def __init__(self, alternative: dict[str, str] | None = None) -> None:
        super().__init__()
        self._alternative = alternative or {}

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = self._alternative.get(ch) or initial(ch)
        self[code] = value
        return value


_USUAL = _InitialTable()
_OTHER = _InitialTable(_ALTERNATIVE)
_ALTERNATIVE_CHARS = frozenset(_ALTERNATIVE)


def initials(text: str) -> list[str]:
    """Pinyin initials of `text`: the usual reading, and a second one when a character has another."""
    first = text.translate(_USUAL)
    if _ALTERNATIVE_CHARS.isdisjoint(text):
        return [first]
    return [first, text.translate(_OTHER)]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """How text is compared: full-width forms folded (ＡＢＣ → abc), lower case, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


@lru_cache(maxsize=65536)
def _part_key(part: str) -> str:
    folded = fold(part)
    return "\x1f".join([folded, *(i for i in initials(folded) if i and i != folded)])


def search_key(*parts: str) -> str:
    """One string holding each part folded and its pinyin initials, separated so matches stay inside a part."""
    return "\x1f".join(_part_key(part) for part in parts if part)


def matches(key: str, needle: str) -> bool:
    return needle in key
