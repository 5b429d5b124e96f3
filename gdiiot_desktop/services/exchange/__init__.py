"""Moving data between offices on USB sticks: county bundles, the city's merge, and returns (退回)."""

from __future__ import annotations

from pathlib import Path

from ..workspace import Workspace
from .city import CountyImportReport, Preview, import_county_bundle, preview_county_bundle
from .county import ExportReport, export_county_bundle
from .errors import (
    BundleConflictError,
    BundleDamagedError,
    BundleError,
    BundleFormatError,
    BundleMismatchError,
    BundleTamperedError,
    BundleUnsafeError,
    ExchangeUsageError,
)
from .format import KIND_COUNTY, KIND_RETURN
from .merge import Choices, Side
from .progress import ProgressFn
from .reader import Bundle, read_bundle
from .returns import (
    ReturnExportReport,
    ReturnImportReport,
    ReturnInfo,
    export_return_bundle,
    import_return_bundle,
    list_returns,
    mark_returned,
)


def open_bundle(ws: Workspace, path: Path, passphrase: str | None = None) -> Bundle:
    """Read and check a bundle meant for this database (its campaign and city)."""
    return read_bundle(Path(path), passphrase=passphrase, campaign_id=ws.campaign.id, city=ws.city)


def import_bundle(
    ws: Workspace,
    path: Path,
    *,
    passphrase: str | None = None,
    prefer: Side | None = None,
    decisions: Choices | None = None,
    progress: ProgressFn | None = None,
) -> CountyImportReport | ReturnImportReport:
    """Import any bundle: a county bundle merges at the city, a return bundle lands at the county."""
    bundle = open_bundle(ws, path, passphrase)
    if bundle.kind == KIND_RETURN:
        return import_return_bundle(ws, bundle)
    return import_county_bundle(ws, bundle, prefer=prefer, decisions=decisions, progress=progress)


__all__ = [
    "KIND_COUNTY",
    "KIND_RETURN",
    "Bundle",
    "BundleConflictError",
    "BundleDamagedError",
    "BundleError",
    "BundleFormatError",
    "BundleMismatchError",
    "BundleTamperedError",
    "BundleUnsafeError",
    "Choices",
    "CountyImportReport",
    "ExchangeUsageError",
    "ExportReport",
    "Preview",
    "ProgressFn",
    "ReturnExportReport",
    "ReturnImportReport",
    "ReturnInfo",
    "Side",
    "export_county_bundle",
    "export_return_bundle",
    "import_bundle",
    "import_county_bundle",
    "import_return_bundle",
    "list_returns",
    "mark_returned",
    "open_bundle",
    "preview_county_bundle",
    "read_bundle",
]
