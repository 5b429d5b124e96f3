"""Exporting the 入库 list: freeze once, write the .xlsx and the PDF from the same snapshot."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..files import check_output_folder, ensure_output_folder, written_together
from .export_pdf import write_pool_pdf
from .export_xlsx import write_pool_xlsx
from .snapshot import FundSnapshot, freeze
from .workspace import FundWorkspace


def export_targets(out: Path, title: str) -> tuple[Path, Path]:
    """OUT.xlsx / OUT.pdf → both with that stem; a folder → '<title>入库清单.xlsx/.pdf' inside it."""
    if out.suffix.lower() in (".xlsx", ".pdf"):
        return out.with_suffix(".xlsx"), out.with_suffix(".pdf")
    stem = f"{title}入库清单"
    return out / f"{stem}.xlsx", out / f"{stem}.pdf"


def export_pool(ws: FundWorkspace, out: Path, now: datetime | None = None) -> tuple[FundSnapshot, list[Path]]:
    xlsx, pdf = export_targets(out, ws.campaign.title)
    check_output_folder(xlsx.parent)  # before the snapshot is frozen and recorded
    snapshot = freeze(ws, now)  # refuses a pool with errors: then no folder is made either
    ensure_output_folder(xlsx.parent)
    with written_together(xlsx, pdf):
        return snapshot, [write_pool_xlsx(snapshot, xlsx), write_pool_pdf(snapshot, pdf)]
