"""Mutating valid bundles and intake sheets for the fuzz test (CI, ~50 cases) and benchmarks/fuzz_bundles.py.

Every case must either import correctly or be refused with an InputError; a refused case must leave the
database and the store byte-for-byte as they were. Anything else — another exception, a traceback, a
half-written import — is a failure.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.exchange.keys import OfficeSigner
from gdiiot_desktop.services.exchange.trust import signature_json
from gdiiot_desktop.services.workspace import open_workspace
from gdiiot_desktop.storage.audit import entry_hash
from gdiiot_desktop.storage.database import store_root_for
from gdiiot_desktop.storage.errors import StorageError
from gdiiot_desktop.storage.repository import ApplicationRepository

from .helpers import (
    fingerprint,
    forger,
    make_city,
    make_county,
    members,
    pin_both,
    signer_of,
    store_fingerprint,
    table_rows,
    write_zip,
)

HOSTILE_NAMES = [
    "../x", "/abs", "C:/x", "a\\b", "files/", "files/../../x", "manifest.json", "applications.json",
    "files/" + "0" * 64, "中文.json", "", "a" * 300, "files/" + "g" * 64,
]  # fmt: skip
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@dataclass
class Outcomes:
    counts: Counter[str] = field(default_factory=Counter)
    messages: Counter[str] = field(default_factory=Counter)
    by_mode: Counter[str] = field(default_factory=Counter)  # "mode: outcome"

    def total(self) -> int:
        return sum(self.counts.values())


class BundleLab:
    """A county's valid bundle and a pristine, closed city database to import each mutation into."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        for name in ("county", "pristine", "work", "cases"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        county = make_county(folder / "county", count=2)
        city = make_city(folder / "pristine")
        self.valid = folder / "valid.gdiiot"
        try:
            pin_both(county, city)  # the city has confirmed the county's key (first use is fuzzed apart)
            exchange.export_county_bundle(county, self.valid)
            self.signer = signer_of(county)
        finally:
            county.close()
        self.pristine = city.db.path
        city.close()
        self.pristine_rows = table_rows(self.pristine)
        self.pristine_store = store_fingerprint(self.pristine)
        self.forger = forger()
        self.members = members(self.valid)
        self.work = folder / "work" / self.pristine.name
        self.case = folder / "cases" / "case.gdiiot"
        self.mode = ""  # the kind of the case last made (for the counts)

    # --- making a case ----------------------------------------------------------------------------

    def write(self, data: bytes) -> Path:
        self.case.write_bytes(data)
        return self.case

    def write_members(
        self, items: list[tuple[str, bytes]], recompute: bool, signer: OfficeSigner | None = None
    ) -> Path:
        """The members zipped; with `recompute` the manifest's hashes made to fit, with `signer` the
        manifest signed again (the county's own key: what lies behind a signature; another: a forger)."""
        if recompute:
            table = dict(items)
            if "manifest.json" in table:
                try:
                    manifest = json.loads(table["manifest.json"])
                    manifest["members"] = [
                        {"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                        for n, d in items
                        if n not in ("manifest.json", "signature.json")
                    ]
                    table["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
                    items = list(table.items())
                except (ValueError, TypeError, KeyError):
                    pass
        if signer is not None:
            table = dict(items)
            if "manifest.json" in table:
                table["signature.json"] = json.dumps(signature_json(signer, table["manifest.json"])).encode()
                items = list(table.items())
        with zipfile.ZipFile(self.case, "w", zipfile.ZIP_DEFLATED) as z:
            seen: set[str] = set()
            for name, data in items:
                info = zipfile.ZipInfo(name or "x")
                info.compress_type = zipfile.ZIP_DEFLATED
                if info.filename in seen:
                    continue
                seen.add(info.filename)
                z.writestr(info, data)
        return self.case

    def forge(self, apps: Any, signer: OfficeSigner | None = None) -> Path:
        """applications.json replaced and the audit export entry re-hashed: what a forger could do
        (the signature kept, so it no longer matches, or made with `signer`)."""
        items = dict(self.members)
        data = json.dumps(apps, ensure_ascii=False).encode()
        items["applications.json"] = data
        audit = json.loads(items["audit.json"])
        last = audit[-1]
        details = json.loads(last["details"])
        details["applications_sha256"] = hashlib.sha256(data).hexdigest()
        last["details"] = json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        from datetime import datetime

        last["hash"] = entry_hash(
            last["prev_hash"], entry_id=last["id"], at=datetime.fromisoformat(last["at"]), actor=last["actor"],
            action=last["action"], entity=last["entity"], entity_id=last["entity_id"], details=last["details"],
        )  # fmt: skip
        items["audit.json"] = json.dumps(audit, ensure_ascii=False).encode()
        return self.write_members(list(items.items()), recompute=True, signer=signer)

    def with_manifest(self, edit: Any, signer: OfficeSigner | None) -> Path:
        """The valid bundle with its manifest edited (`edit` takes and returns the dict), signed by `signer`."""
        items = dict(self.members)
        manifest = edit(json.loads(items["manifest.json"]))
        text = json.dumps(manifest, ensure_ascii=False)
        # json cannot write integers beyond 4,300 digits; a hostile file can hold them
        items["manifest.json"] = text.replace('"<5000 digits>"', "9" * 5000).encode()
        return self.write_members(list(items.items()), recompute=False, signer=signer)

    # --- running a case ---------------------------------------------------------------------------

    def run(self, bundle: Path, outcomes: Outcomes) -> None:
        shutil.copyfile(self.pristine, self.work)
        shutil.rmtree(store_root_for(self.work), ignore_errors=True)
        ws = open_workspace(self.work)
        try:
            report = exchange.import_bundle(ws, bundle)
        except (InputError, StorageError) as exc:
            ws.close()
            outcomes.counts["refused"] += 1
            outcomes.messages[type(exc).__name__] += 1
            outcomes.by_mode[f"{self.mode}: refused"] += 1
            assert_only_refusal_recorded(self.work, self.pristine_rows, self.pristine_store, exc)
            return
        except BaseException:
            ws.close()
            raise
        try:
            assert isinstance(report, exchange.CountyImportReport)
            with ws.db.session() as session:
                stored = {a.uid: a for a in ApplicationRepository(session).load_all()}
            for diff in report.plan.apps:
                app = stored[diff.uid]
                for attachment in app.attachments:
                    assert ws.db.store.verify(attachment.sha256), "imported file does not verify"
            outcomes.counts["imported"] += 1
            outcomes.by_mode[f"{self.mode}: imported"] += 1
        finally:
            ws.close()


def assert_only_refusal_recorded(
    db: Path, rows: dict[str, list[tuple[object, ...]]], store: str, exc: BaseException, action: str = "bundle_refused"
) -> None:
    """After a refusal: the store byte-identical, every table as it was, the audit log longer by at most
    the one entry that records the refusal."""
    assert store_fingerprint(db) == store, f"refused case changed the store: {exc}"
    after = table_rows(db)
    log = after.pop("audit_log")
    before = dict(rows)
    log_before = before.pop("audit_log")
    assert after == before, f"refused case changed the database: {exc}"
    assert log[: len(log_before)] == log_before, f"refused case rewrote the audit log: {exc}"
    added = log[len(log_before) :]
    assert len(added) <= 1 and all(e[3] == action for e in added), f"unexpected audit entries: {added}"


# --- strategies -----------------------------------------------------------------------------------


@st.composite
def byte_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "overwrite"]))
    size = len(data)
    at = draw(st.integers(0, size - 1))
    if kind == "flip":
        count = draw(st.integers(1, 8))
        out = bytearray(data)
        for i in draw(st.lists(st.integers(0, size - 1), min_size=count, max_size=count)):
            out[i] ^= draw(st.integers(1, 255))
        return bytes(out)
    if kind == "truncate":
        return data[:at]
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
    if kind == "delete":
        return data[:at] + data[at + draw(st.integers(1, 256)) :]
    return data[:at] + draw(st.binary(min_size=1, max_size=32)) + data[at + 32 :]


def _mutate_json(draw: st.DrawFn, value: Any) -> Any:
    """Change one leaf, drop a key, or add one, somewhere in a JSON value."""
    if isinstance(value, dict) and value:
        key = draw(st.sampled_from(sorted(value)))
        action = draw(st.sampled_from(["descend", "drop", "add", "replace"]))
        out = dict(value)
        if action == "descend":
            out[key] = _mutate_json(draw, value[key])
        elif action == "drop":
            del out[key]
        elif action == "add":
            out[draw(st.text(max_size=8))] = draw(JSON_VALUES)
        else:
            out[key] = draw(JSON_VALUES)
        return out
    if isinstance(value, list) and value:
        i = draw(st.integers(0, len(value) - 1))
        action = draw(st.sampled_from(["descend", "drop", "duplicate", "replace"]))
        out_list = list(value)
        if action == "descend":
            out_list[i] = _mutate_json(draw, value[i])
        elif action == "drop":
            del out_list[i]
        elif action == "duplicate":
            out_list.append(value[i])
        else:
            out_list[i] = draw(JSON_VALUES)
        return out_list
    return draw(JSON_VALUES)


@st.composite
def bundle_case(draw: st.DrawFn, lab: BundleLab) -> Path:
    """One mutated bundle written to disk."""
    mode = draw(
        st.sampled_from(
            ["bytes", "members", "json", "json-recomputed", "json-signed", "forged", "forged-signed", "stripped",
             "counter", "clock", "county"]
        )
    )  # fmt: skip
    lab.mode = mode
    if mode == "bytes":
        return lab.write(draw(byte_mutation(lab.valid.read_bytes())))
    items = list(lab.members.items())
    if mode == "members":
        action = draw(st.sampled_from(["drop", "rename", "duplicate", "flip", "add"]))
        i = draw(st.integers(0, len(items) - 1))
        name, data = items[i]
        if action == "drop":
            del items[i]
        elif action == "rename":
            items[i] = (draw(st.sampled_from(HOSTILE_NAMES) | st.text(max_size=20)), data)
        elif action == "duplicate":
            items.append((draw(st.sampled_from(HOSTILE_NAMES)), data))
        elif action == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            items[i] = (name, data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1 :])
        else:
            items.append((draw(st.sampled_from(HOSTILE_NAMES)), draw(st.binary(max_size=64))))
        return lab.write_members(items, recompute=draw(st.booleans()))
    if mode in ("forged", "forged-signed"):
        # Hashes and the audit chain recomputed: only the signature can tell. A forger's key, or none.
        apps = json.loads(lab.members["applications.json"])
        # Withdraw some or all (as the forgery did), or change something.
        apps = apps[: draw(st.integers(0, len(apps)))] if draw(st.booleans()) else _mutate_json(draw, apps)
        return lab.forge(apps, lab.forger if mode == "forged-signed" else None)
    if mode == "stripped":
        table = dict(items)
        table.pop("signature.json", None)
        if draw(st.booleans()):
            table["signature.json"] = draw(
                st.sampled_from([b"", b"null", b"{}", b'{"algorithm": "Ed25519"}', b"[]"])
                | st.binary(max_size=80)
            )
        return lab.write_members(list(table.items()), recompute=False)
    if mode == "counter":
        value = draw(
            st.sampled_from([0, -1, 1, 2**53, 2**53 + 1, 2**64, 10**400, "<5000 digits>", "2", 1.5, True, None, [], {}])
            | st.integers(-(2**70), 2**70)
        )
        signer = draw(st.sampled_from([lab.signer, lab.forger, None]))
        return lab.with_manifest(lambda m: {**m, "sequence": value}, signer)
    if mode == "clock":
        stamp = draw(
            st.sampled_from(
                ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2099-01-01T00:00:00+00:00",
                 "1999-12-31T00:00:00+00:00", "2023-11-28T09:00:00", "not a time", "2023-02-30T00:00:00+00:00"]
            )
            | st.datetimes().map(lambda d: d.isoformat() + "+08:00")
        )  # fmt: skip
        return lab.with_manifest(lambda m: {**m, "exported_at": stamp}, lab.signer)
    if mode == "county":
        name = draw(
            st.sampled_from(["天河区", "南海区 ", "南海区\u3000", "南\u200b海区", "Ｎ海区", "", " ", "三水区", "南海", "南海区\u202e"])
            | st.text(max_size=10)
        )
        return lab.with_manifest(lambda m: {**m, "county": name}, lab.signer)
    target = draw(st.sampled_from(["manifest.json", "applications.json", "audit.json"]))
    table = dict(items)
    table[target] = json.dumps(_mutate_json(draw, json.loads(table[target])), ensure_ascii=False).encode()
    recompute = mode in ("json-recomputed", "json-signed") and target != "manifest.json"
    return lab.write_members(list(table.items()), recompute, lab.signer if mode == "json-signed" else None)


# --- intake sheets ----------------------------------------------------------------------------------

CELL_VALUES = (
    st.none() | st.text(max_size=30) | st.integers(-(10**20), 10**20) | st.floats(allow_nan=True)
    | st.dates() | st.datetimes() | st.booleans()
    | st.sampled_from(["=1+1", "=A1", "=1/0", "#N/A", "=HYPERLINK(\"x\")", "2022年", "2022-06-01", "１２"])
)  # fmt: skip


class SheetLab:
    """A valid intake workbook and a pristine city database for sheet mutations."""

    def __init__(self, folder: Path, campaign_city: str = "佛山") -> None:
        from gdiiot_desktop.services.intake import export_workbook

        self.folder = folder
        for name in ("county", "pristine", "work", "sheet"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        county = make_county(folder / "county", count=3)
        self.valid = folder / "sheet" / "valid.xlsx"
        try:
            export_workbook(county, self.valid)
        finally:
            county.close()
        city = make_city(folder / "pristine")
        self.pristine = city.db.path
        city.close()
        self.pristine_print = fingerprint(self.pristine)
        self.pristine_rows = table_rows(self.pristine)
        self.pristine_store = store_fingerprint(self.pristine)
        self.work = folder / "work" / self.pristine.name
        self.case = folder / "sheet" / "case.xlsx"

    def xml_case(self, edits: list[tuple[str, str]]) -> Path:
        """The valid workbook with its sheet's XML edited as a crafted file would be."""
        with zipfile.ZipFile(self.valid) as z:
            items = {i.filename: z.read(i) for i in z.infolist()}
        sheet = next(n for n in items if n.startswith("xl/worksheets/") and n.endswith(".xml"))
        items[sheet] = apply_xml_edits(items[sheet], edits)
        with zipfile.ZipFile(self.case, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in items.items():
                z.writestr(name, data)
        return self.case

    def cells(self, edits: list[tuple[int, int, Any]]) -> Path:
        import openpyxl

        wb = openpyxl.load_workbook(self.valid)
        ws = wb["申报项目"]
        for row, col, value in edits:
            ws.cell(row=row, column=col, value=value)
        wb.save(self.case)
        return self.case

    def run(self, sheet: Path, outcomes: Outcomes, skip_bad_rows: bool) -> None:
        from gdiiot_desktop.services.intake import import_workbook

        shutil.copyfile(self.pristine, self.work)
        shutil.rmtree(store_root_for(self.work), ignore_errors=True)
        ws = open_workspace(self.work)
        try:
            import_workbook(ws, sheet, skip_bad_rows=skip_bad_rows)
        except (InputError, StorageError) as exc:
            ws.close()
            outcomes.counts["sheet refused"] += 1
            outcomes.messages[type(exc).__name__] += 1
            # a refused sheet leaves one trace in the audit log (file, SHA-256, size, reasons) and nothing else
            assert_only_refusal_recorded(self.work, self.pristine_rows, self.pristine_store, exc, "import_refused")
            return
        except BaseException:
            ws.close()
            raise
        ws.close()
        outcomes.counts["sheet imported"] += 1


@st.composite
def sheet_case(draw: st.DrawFn, lab: SheetLab) -> tuple[Path, bool]:
    kind = draw(st.sampled_from(["bytes", "cells", "xml"]))
    if kind == "bytes":
        data = lab.valid.read_bytes()
        lab.case.write_bytes(draw(byte_mutation(data)))
        return lab.case, draw(st.booleans())
    if kind == "xml":
        return lab.xml_case(draw(xml_mutations())), draw(st.booleans())
    edits = draw(
        st.lists(st.tuples(st.integers(1, 6), st.integers(1, 24), CELL_VALUES), min_size=1, max_size=6)
    )
    try:
        return lab.cells(edits), draw(st.booleans())
    except (ValueError, TypeError, IllegalCharacterError):  # openpyxl cannot write them: not our input
        return lab.valid, False


# Hostile .xlsx XML: what a crafted or broken generator writes that Excel never would.
ROW_NUMBERS = st.sampled_from(["0", "-1", "abc", "1048577", "2.5", "", "99999999999", "1", "2", "3.0"])
CELL_REFS = st.sampled_from(["AAAA1", "A0", "XFE2", "B3", "a2", "$B$2", "A1048577", "", "1A", "ZZZ2"]) | st.text(
    alphabet="AB$0129:", max_size=8
)
NUMBERS = st.sampled_from(["nan", "inf", "1e999", "9" * 5000, "", "-", "1e-999", "0x10", "١٢"]) | st.text(max_size=8)
CELL_TYPES = st.sampled_from(["s", "b", "d", "e", "str", "inlineStr", "n", "x", ""])
MERGE_REFS = st.sampled_from(["AAAA1:B2", "A0:B2", "A1:", ":B2", "B2:A1", "A1:XFD1048576", "C2:C3", "A1"]) | st.text(
    alphabet="ABC0129:$", max_size=9
)


@st.composite
def xml_mutations(draw: st.DrawFn) -> list[tuple[str, str]]:
    """One to three edits of the sheet's (or the package's) XML, each a (kind, value) pair."""
    kinds = st.sampled_from(
        ["row", "cell_ref", "number", "type", "merge", "doctype", "deep", "wide", "shared", "text"]
    )
    edits = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(kinds)
        value = {
            "row": ROW_NUMBERS,
            "cell_ref": CELL_REFS,
            "number": NUMBERS,
            "type": CELL_TYPES,
            "merge": MERGE_REFS,
            "shared": st.sampled_from(["0", "1", "-1", "99999999999", "x", ""]),
            "text": st.text(max_size=12),
        }.get(kind, st.just(""))
        edits.append((kind, draw(value)))
    return edits


def apply_xml_edits(sheet: bytes, edits: list[tuple[str, str]]) -> bytes:
    import re
    from xml.sax.saxutils import quoteattr

    for kind, value in edits:
        if kind == "row":
            sheet = re.sub(rb'<row r="3"', b"<row r=" + quoteattr(value).encode(), sheet, count=1)
        elif kind == "cell_ref":
            sheet = re.sub(rb'<c r="C3"', b"<c r=" + quoteattr(value).encode(), sheet, count=1)
        elif kind == "number":
            sheet = re.sub(rb"(<c [^>]*t=\"n\"[^>]*><v>)[^<]*", lambda m, v=value: m.group(1) + v.encode(), sheet, count=1)
        elif kind == "type":
            sheet = re.sub(rb'(<c r="B3"[^>]*?) t="[^"]*"', lambda m, v=value: m.group(1) + b" t=" + quoteattr(v).encode(), sheet, count=1)
        elif kind == "merge":
            merge = b"<mergeCells count=\"1\"><mergeCell ref=" + quoteattr(value).encode() + b"/></mergeCells>"
            sheet = sheet.replace(b"</sheetData>", b"</sheetData>" + merge, 1)
        elif kind == "doctype":
            sheet = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + re.sub(
                rb"^<\?xml[^>]*\?>", b"", sheet
            )
        elif kind == "deep":
            sheet = sheet.replace(b"</sheetData>", b'<row r="999">' + b"<x>" * 5000 + b"</x>" * 5000 + b"</row></sheetData>", 1)
        elif kind == "wide":
            sheet = sheet.replace(b"</sheetData>", b'<row r="999">' + b"<c><v>1</v></c>" * 17_000 + b"</row></sheetData>", 1)
        elif kind == "shared":
            sheet = re.sub(rb'(<c r="D3")[^>]*>.*?</c>', lambda m, v=value: m.group(1) + b' t="s"><v>' + v.encode() + b"</v></c>", sheet, count=1)
        elif kind == "text":
            text = value.encode("utf-8", "surrogatepass")
            sheet = re.sub(rb'(<c r="C2"[^>]*><is><t>)[^<]*', lambda m, t=text: m.group(1) + t, sheet, count=1)
    return sheet


def write_zip_case(path: Path, items: list[tuple[str, bytes]]) -> Path:
    return write_zip(path, items)
