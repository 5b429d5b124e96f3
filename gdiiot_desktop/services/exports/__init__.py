"""What the city hands in — summary table, printed package, disc and ISO — from one frozen snapshot."""

from __future__ import annotations

from .capacity import Medium
from .errors import (
    AttachmentIntegrityError,
    CapacityError,
    ExportBlockedError,
    ExportCancelledError,
    ExportError,
    NothingRecommendedError,
    SnapshotNotFoundError,
    VerifyInputError,
)
from .exporter import ExportKind, ExportRequest, ExportResult, estimate_capacity, run_export
from .snapshot import Preflight, Snapshot, freeze, list_snapshots, load_snapshot, preflight
from .verify import VerifyReport, verify

__all__ = [
    "AttachmentIntegrityError",
    "CapacityError",
    "ExportBlockedError",
    "ExportCancelledError",
    "ExportError",
    "ExportKind",
    "ExportRequest",
    "ExportResult",
    "Medium",
    "NothingRecommendedError",
    "Preflight",
    "Snapshot",
    "SnapshotNotFoundError",
    "VerifyInputError",
    "VerifyReport",
    "estimate_capacity",
    "freeze",
    "list_snapshots",
    "load_snapshot",
    "preflight",
    "run_export",
    "verify",
]
