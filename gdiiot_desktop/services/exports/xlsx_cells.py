"""Writing cells that are always what they say: user text never becomes a formula or an error,
and no character can make the workbook's XML malformed.

Intake already removes the characters XML 1.0 forbids (domain/text.py); the writer strips them
again because a snapshot, a template or a setting may hold text from before that rule.
"""

from __future__ import annotations

from typing import Any

from ...domain.text import strip_unsafe

# Text a spreadsheet would take for a formula when typed (and CSV readers when exported).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
MAX_CELL_TEXT = 32767


def put(ws: Any, row: int, column: int, value: str | int | float | None) -> Any:
    """Write one value; text is stored as text (never a formula) and keeps its apostrophe when edited."""
    cell = ws.cell(row=row, column=column)
    if value is None or value == "":
        cell.value = None
        return cell
    if not isinstance(value, str):
        cell.value = value
        return cell
    text = xml_text(value)[:MAX_CELL_TEXT]
    cell.value = text
    cell.data_type = "s"  # openpyxl makes "=…" a formula (and "#N/A" an error): undo that
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True  # Excel's leading apostrophe: stays text when the user edits the cell
    return cell


def xml_text(value: str) -> str:
    """`value` without what XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) or bidi controls."""
    return strip_unsafe(value)
