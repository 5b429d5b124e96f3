"""Chinese line-breaking rules (禁则) for every reportlab paragraph the program makes.

reportlab's CJK wrapping breaks between any two characters and hangs at most one closing mark:
a line could start with "，" or "）。", end with "（" or "《", and an 18-character credit code,
a phone number or an e-mail address could be cut in two. Here a line never starts with closing
punctuation, never ends with opening punctuation, and a run of Latin letters, digits and their
joiners (a code, a number, an address, an English word) stays whole unless it is longer than the
line itself. `install_line_breaking` puts the rule into reportlab's two wrapping functions
(pinned reportlab 4.4: `paragraph.cjkFragSplit` and `paragraph.wordSplit`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

# A line never starts with these (closing marks, stops, the second half of —— and ……).
CANNOT_START = frozenset("，。、；：？！）」』》〉】〕〗’”％‰°℃·…—～.,;:?!)]}%")
# A line never ends with these (opening marks, currency signs).
CANNOT_END = frozenset("（「『《〈【〔〖‘“([{￥$")
_FUZZ = 1e-6


def _joined(a: str, b: str) -> bool:
    """No line may break between characters a and b."""
    if b in CANNOT_START or a in CANNOT_END:
        return True
    if b.isspace():
        return True  # the space stays at the end of the line
    return _latin(a) and _latin(b)


def _latin(ch: str) -> bool:
    return "!" <= ch <= "~" and ch not in "([{)]}"


def break_lines(
    widths: Sequence[float], text: Sequence[str], max_widths: Sequence[float], forced: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """(start, end) index ranges of each line. `forced`: indexes after which a line must end."""
    lines: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        last_break = -1  # a line may end after this index
        end = n
        j = start
        while j < n:
            used += widths[j]
            if used > limit + _FUZZ and j > start:
                # After the last allowed break; a unit longer than the whole line is cut, but the
                # next line still never starts on a closing mark.
                end = last_break + 1 if last_break >= start else (j + 1 if text[j] in CANNOT_START else j)
                break
            if j in forced:
                end = j + 1
                break
            if j + 1 < n and not _joined(text[j], text[j + 1]):
                last_break = j
            j += 1
        lines.append((start, end))
        start = end
    return lines


def cjk_frag_split(frags: Any, maxWidths: Any, calcBounds: Any, encoding: str = "utf8") -> Any:  # noqa: N803 - reportlab's names
    """Drop-in for reportlab's `cjkFragSplit` with the rules above."""
    from reportlab.platypus import paragraph as rl

    units: list[Any] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(rl.cjkU(t, f, encoding) for t in text)
        else:
            units.append(rl.cjkU(text, f, encoding))
    widths = [_width(u) for u in units]
    forced = frozenset(i for i, u in enumerate(units) if hasattr(u.frag, "lineBreak"))
    limits = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
    lines = []
    ranges = break_lines(widths, [str(u) or "\x00" for u in units], limits, forced)
    for number, (start, end) in enumerate(ranges):
        limit = limits[min(number, len(limits) - 1)]
        used = sum(widths[start:end])
        line_break = (end - 1) in forced
        lines.append(rl.makeCJKParaLine(units[start:end], limit, used, limit - used, line_break, calcBounds))
    return rl.ParaLines(kind=1, lines=lines)


def word_split(word: str, maxWidths: Any, fontName: str, fontSize: float, encoding: str = "utf8") -> list[list[Any]]:  # noqa: N803
    """Drop-in for reportlab's `wordSplit` (one-style paragraphs) with the rules above."""
    if isinstance(word, bytes):
        word = word.decode(encoding)
    limits = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
    widths = [stringWidth(ch, fontName, fontSize) for ch in word]
    out = []
    for number, (start, end) in enumerate(break_lines(widths, word, limits)):
        limit = limits[min(number, len(limits) - 1)]
        out.append([limit - sum(widths[start:end]), word[start:end]])
    return out


def _width(u: Any) -> float:
    w = u.width
    return float(w.normalizedValue(0) if hasattr(w, "normalizedValue") else w)


_installed = False


def install_line_breaking() -> None:
    """Make reportlab wrap Chinese by these rules (idempotent)."""
    global _installed
    if _installed:
        return
    from reportlab.platypus import paragraph as rl

    rl.cjkFragSplit = cjk_frag_split
    rl.wordSplit = word_split
    _installed = True
