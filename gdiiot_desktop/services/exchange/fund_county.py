"""The county's side of a special-fund call: its fund applications, their invoices and materials, in a
county bundle for the city — written by the same writer, signed by the same key, numbered by the same
counter as a pilot bundle (county.write_county_bundle); only the applications member differs."""

from __future__ import annotations

from pathlib import Path

from ...domain.fund.model import FundStatus
from ...storage.fund_exchange_repository import FundExchangeRepository
from ..errors import InputError
from ..fund.codec import FundRecord, decode_fund_application, fund_application_json
from ..fund.workspace import FundWorkspace
from ..jsonio import Node
from .county import ExportReport, check_next_sequence, choose_from, refuse_unknown_county, write_county_bundle
from .errors import ExchangeUsageError
from .format import FUND_APPLICATIONS, MAX_APPLICATIONS
from .progress import ProgressFn
from .returns import resubmitted
from .writer import json_bytes


def county_fund_records(ws: FundWorkspace) -> list[FundRecord]:
    """Every fund application of this database with its files (a county withdrew one: not sent)."""
    with ws.db.session() as session:
        rows = FundExchangeRepository(session).load_all()
    return [FundRecord(app, tuple(files)) for app, files in rows if app.status is not FundStatus.WITHDRAWN]


def export_fund_county_bundle(
    ws: FundWorkspace,
    out: Path,
    *,
    county: str | None = None,
    next_sequence: int | None = None,
    progress: ProgressFn | None = None,
) -> ExportReport:
    """Write this county's special-fund bundle to `out`; see county.export_county_bundle.

    An application the county withdrew is left out: at the city it becomes 已撤回 (after a yes)."""
    check_next_sequence(next_sequence)
    records = county_fund_records(ws)
    county = choose_from(sorted({r.app.county for r in records}), county)
    refuse_unknown_county(ws, county)
    selected = [r for r in records if r.app.county == county]
    docs = [fund_application_json(r) for r in selected]
    _refuse_what_the_city_would(selected, docs)
    shas = sorted({f.sha256 for r in selected for f in r.files})
    return write_county_bundle(
        ws, out, county=county, member=FUND_APPLICATIONS, apps_data=json_bytes(docs), count=len(selected),
        shas=shas, next_sequence=next_sequence, progress=progress,
        before_export=lambda repo, bundle_id: resubmitted(ws, repo, {r.uid for r in selected}, bundle_id),
    )  # fmt: skip


def _refuse_what_the_city_would(records: list[FundRecord], docs: list[dict[str, object]]) -> None:
    """Each application is read back through the city's own reader first: whatever it would refuse (a
    text past its cap, a forbidden character, too many files) is named here, with the project."""
    if len(records) > MAX_APPLICATIONS:
        raise ExchangeUsageError(
            f"一个数据包最多 {MAX_APPLICATIONS} 个项目，本县区有 {len(records)} 个，无法导出。"
        )
    for record, doc in zip(records, docs, strict=True):
        try:
            decode_fund_application(Node(doc, "专项资金申报"))
        except InputError as exc:
            raise ExchangeUsageError(
                f"项目“{record.app.project_name[:60]}”无法导出：{exc.message}请在申报项目中修改后再导出数据包。"
            ) from exc
