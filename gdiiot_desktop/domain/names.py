"""Normalisation of names for duplicate detection (full/half-width, spaces, punctuation, case)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Everything but letters, digits and CJK ideographs: separators, punctuation, symbols, controls.
_NOT_KEPT = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def normalize_name(text: str | None) -> str:
    """A comparison key: NFKC (full-width → half-width), case-folded, no spaces or punctuation.

    "5G＋智能工厂（一期）" and "5g+智能工厂 一期" give the same key.
    """
    if not text:
        return ""
    return _NOT_KEPT.sub("", unicodedata.normalize("NFKC", text).casefold())


def clean_text(text: object) -> str:
    """A cell or field value as stored: str, NFC, inner whitespace runs kept, ends stripped."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFC", str(text))
    return value.replace("\u3000", " ").strip()
