"""Moving data between offices on USB sticks: county bundles, the city's merge, and returns (退回)."""

from __future__ import annotations

from pathlib import Path

from ..fund.workspace import FundWorkspace
from ..workspace import Workspace
from .city import CountyImportReport, Preview, import_county_bundle, preview_county_bundle
from .county import ExportReport, export_county_bundle
from .errors import (
    BundleConfirmationError,
    BundleConflictError,
    BundleDamagedError,
    BundleError,
    BundleFormatError,
    BundleKeyError,
    BundleMismatchError,
    BundleTamperedError,
    BundleTrustNeededError,
    BundleUnsafeError,
    ExchangeUsageError,
)
from .format import KIND_COUNTY, KIND_RETURN
from .fund_city import FundImportReport, import_fund_bundle, preview_fund_bundle
from .fund_county import export_fund_county_bundle
from .manifest import Manifest
from .merge import Choices, Side
from .office import Office
from .progress import ProgressFn
from .reader import Bundle, read_bundle
from .refusals import Refusal, list_refusals, record_refusal
from .returns import (
    ReturnExportReport,
    ReturnImportReport,
    ReturnInfo,
    export_return_bundle,
    import_return_bundle,
    list_returns,
    mark_return,
    mark_returned,
)
from .trust import SignatureCheck, Trust, judge


def open_bundle(
    ws: Office, path: Path, trust: str | None = None, *, for_import: bool = True, seen: list[str] | None = None
) -> Bundle:
    """Read and check a bundle meant for this database (its campaign, city, county and signer).

    `trust` is the fingerprint a person confirmed by phone, needed the first time an office's key
    is seen. Without `for_import` (a look, `bundle diff`) an unconfirmed key or an old unsigned bundle
    is shown, marked as such; it can never be imported that way. `seen` collects the manifest's county
    as soon as it is read (for the record of a refusal)."""

    def gate(manifest: Manifest, check: SignatureCheck) -> Trust:
        if seen is not None:
            seen.append(manifest.county)
        return judge(ws, manifest, check, trust, preview=not for_import)

    return read_bundle(
        Path(path), campaign_id=ws.campaign.id, city=ws.city, gate=gate, campaign_kind=ws.campaign_kind
    )


def import_bundle(
    ws: Workspace | FundWorkspace,
    path: Path,
    *,
    trust: str | None = None,
    prefer: Side | None = None,
    decisions: Choices | None = None,
    accept_removals: bool = False,
    progress: ProgressFn | None = None,
) -> CountyImportReport | FundImportReport | ReturnImportReport:
    """Import any bundle: a county bundle merges at the city, a return bundle lands at the county; a
    special-fund database takes special-fund bundles (open_bundle refuses a bundle of another kind).

    A refused bundle is recorded in the audit log (refusals.py) and the error raised as it was."""
    seen: list[str] = []
    try:
        bundle = open_bundle(ws, path, trust, seen=seen)
        seen.append(bundle.county)
        if bundle.kind == KIND_RETURN:
            return import_return_bundle(ws, bundle)
        if isinstance(ws, FundWorkspace):
            return import_fund_bundle(
                ws, bundle, prefer=prefer, decisions=decisions, accept_removals=accept_removals, progress=progress
            )
        return import_county_bundle(
            ws, bundle, prefer=prefer, decisions=decisions, accept_removals=accept_removals, progress=progress
        )
    except BundleError as exc:
        record_refusal(ws, Path(path), exc, seen[-1][:64] if seen else None)
        raise


__all__ = [
    "KIND_COUNTY",
    "KIND_RETURN",
    "Bundle",
    "BundleConfirmationError",
    "BundleConflictError",
    "BundleDamagedError",
    "BundleError",
    "BundleFormatError",
    "BundleKeyError",
    "BundleMismatchError",
    "BundleTamperedError",
    "BundleTrustNeededError",
    "BundleUnsafeError",
    "Choices",
    "CountyImportReport",
    "ExchangeUsageError",
    "ExportReport",
    "FundImportReport",
    "Office",
    "Preview",
    "ProgressFn",
    "Refusal",
    "ReturnExportReport",
    "ReturnImportReport",
    "ReturnInfo",
    "Side",
    "export_county_bundle",
    "export_fund_county_bundle",
    "export_return_bundle",
    "import_bundle",
    "import_county_bundle",
    "import_fund_bundle",
    "import_return_bundle",
    "list_refusals",
    "list_returns",
    "mark_return",
    "mark_returned",
    "open_bundle",
    "preview_county_bundle",
    "preview_fund_bundle",
    "read_bundle",
]
