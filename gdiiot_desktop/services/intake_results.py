"""What reading an intake sheet gives: good rows, bad cells, problems of the sheet as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain.model import Application


@dataclass(frozen=True)
class CellError:
    """A cell whose value cannot be stored, with the reason in Chinese."""

    row: int
    column_letter: str
    header: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"第{self.row}行 {self.column_letter}列（{self.header}）：{self.reason}"


@dataclass
class IntakeRow:
    """One good row: the application (id None) and its attachment files.

    `video_path`/`form_path` are resolved (absolute, existing files); `video_text`/`form_text`
    are the paths as filed in the sheet, cleaned, "" when blank.
    """

    row_number: int
    application: Application
    video_path: Path | None = None
    form_path: Path | None = None
    video_text: str = ""
    form_text: str = ""


@dataclass
class IntakeResult:
    """What a sheet holds: the good rows, every bad cell, and problems of the sheet as a whole.

    `rows` holds only rows without a bad cell; a row with any bad cell is left out and its
    cells are listed in `errors`. `warnings` notes what was ignored (unknown columns, absent
    optional columns) and never stops an import.
    """

    rows: list[IntakeRow] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    sheet_errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sheet_name: str = ""
    columns: dict[str, str] = field(default_factory=dict)  # column key → its letter in the sheet

    @property
    def ok(self) -> bool:
        """Nothing wrong: the whole sheet can be imported."""
        return not self.errors and not self.sheet_errors

    @property
    def bad_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})

    @property
    def applications(self) -> list[Application]:
        return [r.application for r in self.rows]


@dataclass
class SheetLayout:
    """Where the header is and which column holds each known field."""

    header_row: int
    columns: dict[str, int]  # column key → 1-based column index
