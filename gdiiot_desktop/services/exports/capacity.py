"""Disc media, how big an image of the tree will be, and splitting whole projects across discs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .errors import CapacityError

SECTOR = 2048


class Medium(StrEnum):
    CD = "cd"
    DVD = "dvd"
    DVD_DL = "dvd-dl"

    @property
    def capacity(self) -> int:
        """Bytes a blank disc holds (the smaller of the -R/+R formats)."""
        return _CAPACITY[self]

    @property
    def label(self) -> str:
        return _LABELS[self]


_CAPACITY = {
    Medium.CD: 737_280_000,  # CD-R 80 min: 360,000 sectors
    Medium.DVD: 4_700_372_992,  # DVD-R: 2,295,104 sectors
    Medium.DVD_DL: 8_543_666_176,  # DVD-R DL: 4,171,712 sectors
}
_LABELS = {Medium.CD: "CD（700 MB）", Medium.DVD: "DVD（4.7 GB）", Medium.DVD_DL: "DVD 双层（8.5 GB）"}


def sectors(size: int) -> int:
    return (size + SECTOR - 1) // SECTOR * SECTOR


def image_size(file_sizes: Sequence[int], folders: int) -> int:
    """A safe upper estimate of the ISO's size: data rounded to sectors, plus the directory records
    of ISO 9660 and Joliet and a UDF file entry per file and folder, plus the volume structures.
    """
    entries = len(file_sizes) + folders
    return sum(sectors(s) for s in file_sizes) + 4 * SECTOR * entries + 2 * 1024 * 1024


@dataclass(frozen=True)
class Unit:
    """What splitting moves as a whole: one project folder (priority, name, bytes on disc)."""

    priority: int
    name: str
    size: int


@dataclass(frozen=True)
class DiscPart:
    number: int
    units: tuple[Unit, ...]
    size: int


@dataclass(frozen=True)
class DiscPlan:
    medium: Medium
    parts: tuple[DiscPart, ...]
    total: int

    @property
    def count(self) -> int:
        return len(self.parts)


def plan_discs(common: int, units: Sequence[Unit], medium: Medium | None = None) -> DiscPlan:
    """Fill discs in priority order with whole projects; every disc also carries `common` bytes
    (summary table, index, manifest). Without a medium: the smallest that holds all on one disc,
    else double-layer DVDs.
    """
    if medium is None:
        medium = choose_medium(common, units)
    limit = medium.capacity
    parts: list[DiscPart] = []
    current: list[Unit] = []
    used = common
    for unit in units:
        if common + unit.size > limit:
            raise CapacityError(
                f"项目“{unit.name}”的文件共 {_gb(unit.size)}，一张{medium.label}放不下。"
                "请选择容量更大的光盘，或压缩该项目的视频后重新添加。"
            )
        if current and used + unit.size > limit:
            parts.append(DiscPart(len(parts) + 1, tuple(current), used))
            current, used = [], common
        current.append(unit)
        used += unit.size
    parts.append(DiscPart(len(parts) + 1, tuple(current), used))
    return DiscPlan(medium, tuple(parts), common + sum(u.size for u in units))


def choose_medium(common: int, units: Sequence[Unit]) -> Medium:
    total = common + sum(u.size for u in units)
    for medium in Medium:
        if total <= medium.capacity:
            return medium
    return Medium.DVD_DL


def options(common: int, units: Sequence[Unit]) -> list[tuple[Medium, int | None]]:
    """For each medium, how many discs the export takes (None: a project does not fit on one)."""
    out: list[tuple[Medium, int | None]] = []
    for medium in Medium:
        try:
            out.append((medium, plan_discs(common, units, medium).count))
        except CapacityError:
            out.append((medium, None))
    return out


def describe(common: int, units: Sequence[Unit], chosen: DiscPlan) -> str:
    """One Chinese line a user can decide by: the size, what each medium needs, what was chosen."""
    total = common + sum(u.size for u in units)
    parts = []
    for medium, count in options(common, units):
        parts.append(f"{medium.label}：{'放不下' if count is None else f'{count} 张'}")
    return f"光盘内容约 {_gb(total)}；" + "，".join(parts) + f"。已选用 {chosen.medium.label}，共 {chosen.count} 张。"


def _gb(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.2f} GB"
    return f"{size / 1024**2:.1f} MB"
