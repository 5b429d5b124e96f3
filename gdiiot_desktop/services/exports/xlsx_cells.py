"""Writing cells that are always what they say: user text never becomes a formula or an error."""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

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
    text = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_TEXT]
    cell.value = text
    cell.data_type = "s"  # openpyxl makes "=…" a formula (and "#N/A" an error): undo that
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True  # Excel's leading apostrophe: stays text when the user edits the cell
    return cell
