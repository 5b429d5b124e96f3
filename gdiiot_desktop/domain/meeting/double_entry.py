"""The double-entry check of keyed paper score sheets: a score counts only when two keyings agree.

Points must agree exactly on every criterion. Opinions are compared ignoring whitespace; the
second operator may leave the opinion empty, and then the first keying's opinion stands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .model import KeyedEntry
from .rubric import Rubric

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Mismatch:
    """One difference between the two keyings of a sheet."""

    expert_id: int
    application_id: int
    what: str  # criterion name, or 评审意见
    first: str
    second: str


def compare(first: KeyedEntry, second: KeyedEntry, rubric: Rubric) -> list[Mismatch]:
    """The differences between two keyings of the same sheet; empty when they agree."""
    out: list[Mismatch] = []
    for c in rubric.criteria:
        a, b = first.points.get(c.id), second.points.get(c.id)
        if a != b:
            out.append(Mismatch(first.expert_id, first.application_id, c.name, _text(a), _text(b)))
    if second.opinion.strip() and _squash(first.opinion) != _squash(second.opinion):
        out.append(Mismatch(first.expert_id, first.application_id, "评审意见", first.opinion, second.opinion))
    return out


def agreed(first: KeyedEntry, second: KeyedEntry, rubric: Rubric) -> tuple[Mapping[str, Decimal], str] | None:
    """The confirmed (points, opinion) when the keyings agree, else None."""
    if compare(first, second, rubric):
        return None
    return dict(first.points), first.opinion.strip() or second.opinion.strip()


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _text(value: Decimal | None) -> str:
    return "（未录入）" if value is None else str(value)
