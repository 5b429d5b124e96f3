"""Inserting rows into an openpyxl sheet so that everything below moves down with its layout.

openpyxl's `insert_rows` moves cell values and styles only: merged ranges, row heights, the
print area, data validations and pictures stay where they were, so a template's note or
"填表人" line lost its merge and height and a signature picture sat over the data. Here those
move too. Conditional formats are left as they are (official templates do not use them).
"""

from __future__ import annotations

from copy import copy
from typing import Any

from openpyxl.utils import get_column_letter, range_boundaries


def insert_rows_keeping_layout(ws: Any, at: int, count: int) -> None:
    """Insert `count` empty rows before row `at`; ranges that end just above `at` (a validation
    over the data rows) grow to include the new rows.
    """
    if count <= 0:
        return
    below = [r for r in ws.merged_cells.ranges if r.min_row >= at]
    for merged in below:
        ws.merged_cells.remove(merged)
    ws.insert_rows(at, count)
    for merged in below:
        merged.shift(row_shift=count)
        ws.merged_cells.add(merged)
    _shift_row_dimensions(ws, at, count)
    _shift_print_area(ws, at, count)
    _shift_validations(ws, at, count)
    _shift_pictures(ws, at, count)


def copy_row_format(ws: Any, source: int, target: int, columns: tuple[int, int]) -> None:
    """Give row `target` the look of row `source` within `columns`: styles, height, merges."""
    for column in range(columns[0], columns[1] + 1):
        ws.cell(row=target, column=column)._style = copy(ws.cell(row=source, column=column)._style)
    height = ws.row_dimensions[source].height
    if height is not None:
        ws.row_dimensions[target].height = height
    for merged in list(ws.merged_cells.ranges):
        if merged.min_row == merged.max_row == source:
            ws.merge_cells(start_row=target, start_column=merged.min_col, end_row=target, end_column=merged.max_col)


def _shift_row_dimensions(ws: Any, at: int, count: int) -> None:
    moved = sorted((r for r in list(ws.row_dimensions) if r >= at), reverse=True)
    for row in moved:
        dimension = ws.row_dimensions[row]
        del ws.row_dimensions[row]
        dimension.index = row + count
        ws.row_dimensions[row + count] = dimension


def _shifted(ref: str, at: int, count: int) -> str:
    """A range reference moved down (when below `at`) or grown (when it spans `at`)."""
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    if min_row is None or max_row is None or min_col is None or max_col is None:
        return ref
    if min_row >= at:
        min_row, max_row = min_row + count, max_row + count
    elif max_row >= at - 1:
        max_row += count
    return f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"


def _shift_print_area(ws: Any, at: int, count: int) -> None:
    area = ws.print_area
    if not area:
        return
    refs = [part.split("!")[-1].replace("$", "") for part in str(area).split(",")]
    ws.print_area = [_shifted(ref, at, count) for ref in refs]


def _shift_validations(ws: Any, at: int, count: int) -> None:
    for validation in ws.data_validations.dataValidation:
        refs = [_shifted(str(r.coord), at, count) for r in validation.sqref.ranges]
        validation.sqref = type(validation.sqref)(" ".join(refs))


def _shift_pictures(ws: Any, at: int, count: int) -> None:
    for picture in getattr(ws, "_images", []):
        anchor = picture.anchor
        start = getattr(anchor, "_from", None)
        if start is None or start.row < at - 1:  # anchors count rows from 0
            continue
        start.row += count
        end = getattr(anchor, "to", None)
        if end is not None:
            end.row += count
