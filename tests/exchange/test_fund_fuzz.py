"""A short fuzz run of special-fund bundles (~60 cases): mutated bytes, mutated fund applications behind a
valid signature (the audit chain recomputed, signed with the county's own key, so the fund codec itself is
what judges them), mutated manifests. Each either imports — every file verified in the store — or is
refused with a Chinese message, the city's database and store as they were but for the refusal entry."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.exchange import format as fmt
from gdiiot_desktop.services.exchange.trust import signature_json
from gdiiot_desktop.services.fund.workspace import open_fund_workspace
from gdiiot_desktop.storage.audit import entry_hash
from gdiiot_desktop.storage.database import store_root_for
from gdiiot_desktop.storage.errors import StorageError
from gdiiot_desktop.storage.fund_exchange_repository import FundExchangeRepository

from .fund_offices import COUNTY, fingerprint_of
from .fuzzing import Outcomes, _mutate_json, assert_only_refusal_recorded, byte_mutation
from .helpers import members, signer_of, store_fingerprint, table_rows, write_zip

SETTINGS = settings(
    max_examples=60, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
# Values a fund application's fields could hold in a hostile bundle, beside arbitrary JSON.
FUND_VALUES = st.sampled_from(
    ["", "1000000.00", "1000000.001", "-1", "1e400", "NaN", "Infinity", "１２３", "12,000", 0, -1, 10**12, 2**63,
     None, [], {}, {"cloud": "1"}, {"": "1"}, {"cloud": 1}, ["application_form"], ["x"] * 70, "\uffff", "a" * 3000]
)  # fmt: skip


class FundLab:
    """The county's first fund bundle and the empty city database (copied from the shared template)."""

    def __init__(self, template: Path, folder: Path) -> None:
        shutil.copytree(template, folder)
        self.valid = folder / "蓬江区-1.gdiiot"
        self.pristine = folder / "江门.sqlite3"
        self.work = folder / "work.sqlite3"
        self.case = folder / "case.gdiiot"
        county = open_fund_workspace(folder / f"{COUNTY}.sqlite3")
        try:
            self.signer = signer_of(county)  # type: ignore[arg-type]
        finally:
            county.close()
        self.fingerprint = fingerprint_of(folder / f"{COUNTY}.sqlite3")
        self.members = members(self.valid)
        self.rows = table_rows(self.pristine)
        self.store = store_fingerprint(self.pristine)

    def write(self, data: bytes) -> Path:
        self.case.write_bytes(data)
        return self.case

    def signed(self, items: dict[str, bytes]) -> Path:
        """The members with the manifest's hashes recomputed and signed by the county's own key."""
        manifest = json.loads(items["manifest.json"])
        manifest["members"] = [
            {"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
            for n, d in sorted(items.items())
            if n not in ("manifest.json", "signature.json")
        ]
        items["manifest.json"] = data = json.dumps(manifest, ensure_ascii=False).encode()
        items["signature.json"] = json.dumps(signature_json(self.signer, data)).encode()
        return write_zip(self.case, list(items.items()))

    def behind_the_signature(self, docs: Any) -> Path:
        """fund_applications.json replaced, the audit log's export entry naming its hash: every check but the
        fund codec's and the files' passes."""
        items = dict(self.members)
        items[fmt.FUND_APPLICATIONS] = data = json.dumps(docs, ensure_ascii=False).encode()
        audit = json.loads(items[fmt.AUDIT])
        last = audit[-1]
        details = json.loads(last["details"])
        details["applications_sha256"] = hashlib.sha256(data).hexdigest()
        last["details"] = json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        last["hash"] = entry_hash(
            last["prev_hash"], entry_id=last["id"], at=datetime.fromisoformat(last["at"]), actor=last["actor"],
            action=last["action"], entity=last["entity"], entity_id=last["entity_id"], details=last["details"],
        )  # fmt: skip
        items[fmt.AUDIT] = json.dumps(audit, ensure_ascii=False).encode()
        return self.signed(items)

    def run(self, bundle: Path, outcomes: Outcomes) -> None:
        shutil.copyfile(self.pristine, self.work)
        shutil.rmtree(store_root_for(self.work), ignore_errors=True)  # the city's store is empty
        ws = open_fund_workspace(self.work)
        try:
            exchange.import_bundle(ws, bundle, trust=self.fingerprint)
        except (InputError, StorageError) as exc:
            ws.close()
            outcomes.counts["refused"] += 1
            assert_only_refusal_recorded(self.work, self.rows, self.store, exc)
            return
        except BaseException:
            ws.close()
            raise
        try:
            with ws.db.session() as session:
                held = FundExchangeRepository(session).load_all()
            for _app, files in held:
                for f in files:
                    assert ws.db.store.verify(f.sha256), "imported file does not verify"
            outcomes.counts["imported"] += 1
        finally:
            ws.close()


@st.composite
def fund_case(draw: st.DrawFn, lab: FundLab) -> Path:
    mode = draw(st.sampled_from(["bytes", "fields", "json", "manifest"]))
    if mode == "bytes":
        return lab.write(draw(byte_mutation(lab.valid.read_bytes())))
    if mode == "manifest":
        items = dict(lab.members)
        manifest = _mutate_json(draw, json.loads(items["manifest.json"]))
        items["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
        items["signature.json"] = json.dumps(signature_json(lab.signer, items["manifest.json"])).encode()
        return write_zip(lab.case, list(items.items()))
    docs = json.loads(lab.members[fmt.FUND_APPLICATIONS])
    if mode == "fields":  # one field of one application set to a hostile value
        doc = docs[draw(st.integers(0, len(docs) - 1))]
        doc[draw(st.sampled_from(sorted(doc)))] = draw(FUND_VALUES)
    else:
        docs = _mutate_json(draw, docs)
    return lab.behind_the_signature(docs)


@pytest.fixture(scope="module")
def fund_lab(fund_template: Path, tmp_path_factory: pytest.TempPathFactory) -> FundLab:
    return FundLab(fund_template, tmp_path_factory.mktemp("fund-fuzz") / "lab")


def test_mutated_fund_bundles_import_or_are_refused_cleanly(fund_lab: FundLab) -> None:
    outcomes = Outcomes()

    @SETTINGS
    @given(case=fund_case(fund_lab))
    def one(case: Path) -> None:
        fund_lab.run(case, outcomes)

    one()
    assert outcomes.total() >= 60
    assert outcomes.counts["refused"] > 0
    fund_lab.run(fund_lab.valid, outcomes)  # the genuine bundle still imports into the same city
    assert outcomes.counts["imported"] >= 1
