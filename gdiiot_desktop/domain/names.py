"""Normalisation of names for duplicate detection (full/half-width, spaces, punctuation, case)."""

from __future__ import annotations

import unicodedata


def normalize_name(text: str | None) -> str:
    """A comparison key: NFKC (full-width → half-width), case-folded, no spaces or punctuation."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if _is_kept(ch))


def _is_kept(ch: str) -> bool:
    category = unicodedata.category(ch)
    # Letters, digits and CJK ideographs stay; separators (Z*), punctuation (P*), symbols (S*)
    # and control characters (C*) go: "5G＋智能工厂（一期）" ~ "5G+智能工厂 一期".
    return category[0] in ("L", "N")


def clean_text(text: object) -> str:
    """A cell or field value as stored: str, NFC, inner whitespace runs kept, ends stripped."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFC", str(text))
    return value.replace("\u3000", " ").strip()
