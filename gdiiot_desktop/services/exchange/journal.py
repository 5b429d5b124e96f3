"""The bundle journal: one row per bundle this office exported or imported (what makes imports idempotent
and orders a county's bundles by their signed counter). The one place its rows are made."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from ...storage.exchange_repository import ExchangeRepository, summary_json
from ...storage.models_exchange import ExchangeBundle
from ...storage.repository import now_utc
from .office import Office
from .reader import Bundle


def journal_export(
    records: ExchangeRepository,
    ws: Office,
    *,
    bundle_id: str,
    kind: str,
    county: str,
    exported_at: datetime,
    manifest_bytes: bytes,
    summary: dict[str, Any],
    sequence: int,
    signer: str,
) -> None:
    """A bundle this office wrote (a county's bundle, or the city's return to a county)."""
    records.add_bundle(
        ExchangeBundle(
            bundle_id=bundle_id,
            direction="out",
            kind=kind,
            county=county,
            campaign_id=ws.campaign.id,
            city=ws.city,
            exported_at=exported_at,
            processed_at=now_utc(),
            actor=ws.operator,
            manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
            summary=summary_json(summary),
            sequence=sequence,
            signer=signer,
        )
    )


def journal_import(records: ExchangeRepository, ws: Office, bundle: Bundle, summary: dict[str, Any]) -> None:
    """A bundle this office imported, with the head of the audit chain it carried (county bundles)."""
    head = bundle.audit[-1] if bundle.audit else None
    records.add_bundle(
        ExchangeBundle(
            bundle_id=bundle.bundle_id,
            direction="in",
            kind=bundle.kind,
            county=bundle.county,
            campaign_id=bundle.manifest.campaign,
            city=bundle.manifest.city,
            exported_at=bundle.manifest.exported_at,
            processed_at=now_utc(),
            actor=ws.operator,
            manifest_sha256=bundle.manifest_sha256,
            audit_head_id=head.id if head else None,
            audit_head_hash=head.hash if head else None,
            summary=summary_json(summary),
            sequence=bundle.manifest.sequence,
            signer=bundle.trust.fingerprint if bundle.trust is not None else None,
        )
    )
