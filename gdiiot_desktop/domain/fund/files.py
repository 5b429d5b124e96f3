"""A file of a special-fund application: an invoice of an investment category, or a material."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FundFile:
    file_name: str  # as the county named it: a label, never used as a path
    sha256: str  # the content's hash: its name in the attachment store
    size: int
    category_id: str = ""  # the investment category it is an invoice of
    material_id: str = ""  # or the material it is
    id: int | None = None

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What makes two files the same across offices (ids differ)."""
        return (self.category_id, self.material_id, self.sha256, self.file_name)
