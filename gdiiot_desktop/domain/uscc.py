"""统一社会信用代码 (GB 32100-2015): normalisation and the check character."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


@lru_cache(maxsize=65536)
def normalize_uscc(raw: str | None) -> str:
    """Upper-case, half-width, no spaces: how codes are compared and stored."""
    if raw is None:
        return ""
    text = unicodedata.normalize("NFKC", str(raw))
    return "".join(text.split()).upper()


def check_character(first17: str) -> str:
    """The 18th character for the first 17; raises ValueError on a character outside the set."""
    bad = [ch for ch in first17 if ch not in _VALUE]
    if bad or len(first17) != len(WEIGHTS):
        raise ValueError(f"not the first 17 characters of a code: {first17!r}")
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


@lru_cache(maxsize=65536)
def uscc_problem(code: str) -> str | None:
    """Why `code` (already normalised) is not a valid code, in Chinese; None when valid."""
    if not code:
        return "未填写统一社会信用代码"
    if len(code) != 18:
        return f"统一社会信用代码应为18位，实际为{len(code)}位"
    bad = sorted({ch for ch in code if ch not in _VALUE})
    if bad:
        return f"统一社会信用代码含有不允许的字符：{'、'.join(bad)}（不使用I、O、S、V、Z）"
    expected = check_character(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验位错误：第18位应为{expected}，实际为{code[17]}"
    return None


def is_valid_uscc(code: str) -> bool:
    return uscc_problem(normalize_uscc(code)) is None


def division_code(code: str) -> str:
    """Positions 3–8: the registering authority's administrative division code."""
    return code[2:8] if len(code) == 18 else ""
