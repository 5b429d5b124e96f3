"""Special-fund applications to and from plain JSON values: the one codec for a county's fund bundle
(`fund_application.json`) and the city's merge snapshots, derived from the fund field registry
(domain/fund/fields.py) as services/application_codec.py is from the pilot registry.

- `fund_application_json(record)`: the uid, every county-owned field and the files (invoices by
  category, materials), files sorted (ids differ between offices, so they are left out). The city's
  decisions (status, rank, review score) are never written: they are not the county's to send.
- Amounts are decimal strings of yuan with two places ("1000000.00"): exact, never floats.
- `decode_fund_application(node, …)` checks every key and type, each text against its field's cap
  and the text rules, each amount and count against its range, naming the field in Chinese.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ...domain.fund import fields as registry
from ...domain.fund.fields import FILE_FIELDS, FundField, FundKind
from ...domain.fund.files import FundFile
from ...domain.fund.model import FundApplication
from ...domain.fund.money import MoneyError, to_money
from ...domain.uscc import normalize_uscc
from ..jsonio import Node

Json = dict[str, Any]
Flat = dict[str, Any]

MAX_FUND_ATTACHMENTS = registry.MAX_FILES
FILE_KEYS = ("file_name", "sha256", "size", "category_id", "material_id")
APPLICATION_KEYS = ("uid", *(f.name for f in registry.COUNTY_FIELDS), "attachments")
CITY_OWNED = registry.CITY_OWNED
field_label = registry.label


@dataclass(frozen=True)
class FundRecord:
    """A fund application with its files: what a county's bundle carries for it."""

    app: FundApplication
    files: tuple[FundFile, ...] = ()

    @property
    def uid(self) -> str:
        return self.app.uid


# ---------------------------------------------------------------------------------------------
# FundRecord → JSON
# ---------------------------------------------------------------------------------------------


def _to_json(f: FundField, value: Any) -> Any:
    if f.kind is FundKind.MONEY:
        return None if value is None else str(value)
    if f.kind is FundKind.MONEY_MAP:
        return {k: str(v) for k, v in sorted(value.items())}
    if f.kind is FundKind.ID_SET:
        return sorted(value)
    return value


def file_json(f: FundFile) -> Json:
    return {
        "file_name": f.file_name,
        "sha256": f.sha256,
        "size": f.size,
        "category_id": f.category_id,
        "material_id": f.material_id,
    }


def fund_application_json(record: FundRecord) -> Json:
    app = record.app
    out: Json = {"uid": app.uid}
    for f in registry.COUNTY_FIELDS:
        out[f.name] = _to_json(f, getattr(app, f.name))
    files = [file_json(f) for f in record.files]
    files.sort(key=lambda a: (a["category_id"], a["material_id"], a["sha256"], a["file_name"]))
    out["attachments"] = files
    return out


def flatten(record: FundRecord) -> Flat:
    """{field: plain JSON value} of the county-owned fields and the files: what diffs compare."""
    doc = fund_application_json(record)
    doc.pop("uid")
    return doc


# ---------------------------------------------------------------------------------------------
# JSON → FundRecord
# ---------------------------------------------------------------------------------------------


def _labelled(node: Node, f: FundField) -> Node:
    node.path = f"{node.path}（{f.label}）"
    return node


def _text(node: Node, f: FundField) -> str:
    text = node.text()
    problem = f.text_problem(text)
    if problem:
        node.fail(problem)
    return text


def _money(node: Node) -> Decimal:
    text = node.text(max_len=registry.MONEY_CHARS)
    try:
        return to_money(text)
    except MoneyError as exc:
        node.fail(str(exc))


def _value(node: Node, f: FundField) -> Any:
    if f.kind in (FundKind.TEXT, FundKind.ID):
        return _text(node, f)
    if f.kind is FundKind.MONEY:
        return None if node.is_null else _money(node)
    if f.kind is FundKind.COUNT:
        return node.opt_integer(0, registry.MAX_COUNT)
    if f.kind is FundKind.MONEY_MAP:
        out: dict[str, Decimal] = {}
        for key, child in node.mapping(registry.MAX_CATEGORIES):
            problem = f.text_problem(key)
            if problem or not key:
                node.fail(f"中的投入类别“{key[:40]}”无效")
            out[key] = _money(child)
        return out
    assert f.kind is FundKind.ID_SET
    return frozenset(_text(n, f) for n in node.items(registry.MAX_MATERIALS))


def _sha256(node: Node) -> str:
    text = node.text(max_len=64)
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        node.fail("应为 64 位小写十六进制的 SHA-256 值")
    return text


def decode_file(node: Node, *, max_file_size: int = 2**62) -> FundFile:
    node.obj(FILE_KEYS)
    values = {f.name: _text(_labelled(node[f.name], f), f) for f in FILE_FIELDS}
    return FundFile(
        sha256=_sha256(node["sha256"]),
        size=node["size"].integer(0, max_file_size),
        file_name=values["file_name"],
        category_id=values["category_id"],
        material_id=values["material_id"],
    )


def decode_fund_application(node: Node, *, max_file_size: int = 2**62) -> FundRecord:
    """A fund application from its bundle JSON; the node's error, naming the field, on anything wrong."""
    node.obj(APPLICATION_KEYS)
    uid = node["uid"].text(max_len=32)
    if len(uid) != 32 or any(c not in "0123456789abcdef" for c in uid):
        node["uid"].fail("应为 32 位小写十六进制的项目标识（uid）")
    values = {f.name: _value(_labelled(node[f.name], f), f) for f in registry.COUNTY_FIELDS}
    values["uscc"] = normalize_uscc(values["uscc"])
    files = tuple(
        decode_file(n, max_file_size=max_file_size) for n in node["attachments"].items(MAX_FUND_ATTACHMENTS)
    )
    return FundRecord(FundApplication(uid=uid, **values), files)


def with_fields(record: FundRecord, values: Flat) -> FundRecord:
    """`record` with some flat county-owned fields replaced (the city's decisions and the ids are kept)."""
    doc = fund_application_json(record)
    for key, value in values.items():
        if key not in CITY_OWNED and key in doc:
            doc[key] = copy.deepcopy(value)
    merged = decode_fund_application(Node(doc, "merge"))
    ids = {f.key: f.id for f in record.files}
    app = replace(
        merged.app,
        id=record.app.id,
        status=record.app.status,
        rank=record.app.rank,
        review_score=record.app.review_score,
        overrides=record.app.overrides,
    )
    return FundRecord(app, tuple(replace(f, id=ids.get(f.key)) for f in merged.files))


# ---------------------------------------------------------------------------------------------
# Caps that follow from the registry
# ---------------------------------------------------------------------------------------------

_BYTES_PER_CHAR = 4  # UTF-8 of any character; an escaped quote or backslash takes 2
_ENTRY = 12  # per key as the bundle writer lays it out: indent, quotes, ": ", ",", newline
_SCALAR = 32  # a number, true/false/null


def _field_bytes(f: FundField) -> int:
    entry = _ENTRY + len(f.name)
    if f.kind in (FundKind.TEXT, FundKind.ID):
        return entry + 2 + _BYTES_PER_CHAR * f.max_length
    if f.kind is FundKind.MONEY:
        return entry + 2 + registry.MONEY_CHARS
    if f.kind is FundKind.MONEY_MAP:
        return entry + registry.MAX_CATEGORIES * (
            _ENTRY + _BYTES_PER_CHAR * f.max_length + registry.MONEY_CHARS
        )
    if f.kind is FundKind.ID_SET:
        return entry + registry.MAX_MATERIALS * (_ENTRY + _BYTES_PER_CHAR * f.max_length)
    return entry + _SCALAR


def max_fund_file_bytes() -> int:
    return 2 * _ENTRY + sum(_field_bytes(f) for f in FILE_FIELDS) + 2 * (_ENTRY + 64 + _SCALAR)


def max_fund_application_bytes() -> int:
    """The largest fund application JSON the bundle writer can produce from values the registry accepts."""
    own = sum(_field_bytes(f) for f in registry.COUNTY_FIELDS) + _ENTRY + 36  # and the uid
    return 4 * _ENTRY + own + MAX_FUND_ATTACHMENTS * max_fund_file_bytes()
