"""Applications to and from plain JSON values, derived from the field registry (domain/fields.py).

One codec for everything that writes an application as JSON: the county's bundle
(`applications.json`), the frozen export snapshot and the audit entry of a deletion.

- `application_json(app)` is the bundle's form: every registry field, attachments sorted (ids
  differ between offices, so they are left out). `with_ids=True` is the stored form (snapshots,
  audit entries): the application's and attachments' ids, attachments in their stored order.
- The applicant type is one string, `applicant.applicant_type`: one of the six types as filed,
  or the text filed instead (the bundle's encoding since format version 1). Snapshots written
  before this codec carry `applicant_type` (a type or null) and `applicant_type_text`; the
  lenient reading still reads them.
- `decode_application(node, …)` checks every key and type and each text against its field's cap
  and the text rules, with a message naming the field. `lenient=True` (our own stored JSON)
  lets keys be absent (they take the model's defaults) and skips the caps, so data saved by an
  older version always reads back.

Plain dicts and the standard json module rather than msgspec Structs: the formats refuse
duplicate keys (msgspec keeps the last one silently), every refusal must be a Chinese message
naming the field (msgspec's are English), and the bound on memory comes from streaming the list
element by element (services/jsonio.iter_array), which a typed decoder of a whole document
would not give. At a county's few hundred applications, decoding speed is not what matters.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from ..domain import fields as registry
from ..domain.enums import AttachmentClass
from ..domain.fields import ATTACHMENT_FIELDS, FIELDS, Field, Kind
from ..domain.model import Application, Attachment
from ..domain.uscc import normalize_uscc
from .jsonio import MAX_TEXT, Node

Json = dict[str, Any]

MAX_ATTACHMENTS = 60  # per application: the campaign's ~10 materials, with several files each
MAX_OVERRIDES = 32  # per application: at most one reason per rule that may be overridden
MAX_MATERIALS = 64  # per application: material ids ticked as received on paper

_ATTACHMENT = {f.key: f for f in ATTACHMENT_FIELDS}


# ---------------------------------------------------------------------------------------------
# Application → JSON
# ---------------------------------------------------------------------------------------------


def application_json(app: Application, *, with_ids: bool = False) -> Json:
    """The JSON object of one application: every registry field, nested as the registry groups them."""
    out: Json = {"id": app.id} if with_ids else {}
    for f in FIELDS:
        target = out.setdefault(f.group, {}) if f.group else out
        target[f.key] = f.to_json(f.get(app))
    attachments = [attachment_json(a, with_id=with_ids) for a in app.attachments]
    if not with_ids:
        attachments.sort(key=lambda a: (str(a["class"]), str(a["sha256"]), str(a["file_name"])))
    out["attachments"] = attachments
    return out


def attachment_json(a: Attachment, *, with_id: bool = False) -> Json:
    out: Json = {"id": a.id} if with_id else {}
    out["class"] = a.attachment_class.value
    for f in ATTACHMENT_FIELDS[1:]:
        out[f.key] = getattr(a, f.key)
    return out


def application_keys(group: str | None) -> tuple[str, ...]:
    """The keys of one of the application's JSON objects (None: the application's own)."""
    keys = tuple(f.key for f in registry.in_group(group))
    return (*keys, *registry.GROUPS, "attachments") if group is None else keys


ATTACHMENT_KEYS = tuple(f.key for f in ATTACHMENT_FIELDS)


# ---------------------------------------------------------------------------------------------
# JSON → Application
# ---------------------------------------------------------------------------------------------


def decode_application(node: Node, *, max_file_size: int = 2**62, lenient: bool = False) -> Application:
    """An application from its JSON object; the node's error, naming the field, on anything wrong."""
    groups: dict[str | None, Node] = {None: node}
    if lenient:
        node.obj()
        for group in registry.GROUPS:
            groups[group] = node.get(group, {}).obj()
    else:
        node.obj(application_keys(None))
        for group in registry.GROUPS:
            groups[group] = node[group].obj(application_keys(group))
    values: dict[str, Any] = {}
    for f in FIELDS:
        owner = groups[f.group]
        if lenient and not owner.has(f.key):
            continue
        values[f.name] = _value(_labelled(owner[f.key], f), f, lenient)
    if "applicant.uscc" in values:
        values["applicant.uscc"] = normalize_uscc(values["applicant.uscc"])
    if lenient:
        _legacy_applicant_type(groups["applicant"], values)
        values.setdefault("uid", "")
    attachments = [
        decode_attachment(a, max_file_size=max_file_size, lenient=lenient)
        for a in (node.get("attachments", []) if lenient else node["attachments"]).items(MAX_ATTACHMENTS)
    ]
    for required in ("project_name", "county", "category_id", "direction_id"):
        values.setdefault(required, "")
    values.setdefault("applicant.uscc", "")
    values.setdefault("applicant.name", "")
    app = registry.build_application(values, attachments)
    if lenient and node.has("id"):
        app.id = node["id"].opt_integer(1, 2**62)
    return app


def _legacy_applicant_type(applicant: Node, values: dict[str, Any]) -> None:
    """Snapshots before one codec: `applicant_type` a type or null, the filed text in `applicant_type_text`."""
    if applicant.has("applicant_type_text") and not values.get("applicant.applicant_type"):
        values["applicant.applicant_type"] = applicant["applicant_type_text"].text()
    values["applicant.applicant_type"] = values.get("applicant.applicant_type") or ""


def decode_attachment(node: Node, *, max_file_size: int = 2**62, lenient: bool = False) -> Attachment:
    if lenient:
        node.obj()
    else:
        node.obj(ATTACHMENT_KEYS)
    values: dict[str, Any] = {}
    for key, f in _ATTACHMENT.items():
        if lenient and not node.has(key):
            continue
        child = _labelled(node[key], f)
        if key == "class":
            values["attachment_class"] = _enum(child, AttachmentClass)
        elif key == "sha256":
            values[key] = _sha256(child)
        elif key == "size":
            values[key] = child.integer(0, max_file_size)
        else:
            values[key] = _value(child, f, lenient)
    attachment = Attachment(**values)
    if lenient and node.has("id"):
        attachment.id = node["id"].opt_integer(1, 2**62)
    return attachment


def _labelled(node: Node, f: Field) -> Node:
    """The node with the field's Chinese label in its path, so every message names the field."""
    node.path = f"{node.path}（{f.label}）"
    return node


def _value(node: Node, f: Field, lenient: bool) -> Any:
    kind = f.kind
    if kind in (Kind.TEXT, Kind.OPEN_ENUM, Kind.UID):
        return _text(node, f, lenient)
    if kind is Kind.ENUM:
        assert f.enum is not None
        return _enum(node, f.enum)
    if kind is Kind.DATE:
        return node.day() if not lenient else _lenient_day(node)
    if kind is Kind.INT:
        if lenient:
            return node.opt_integer()
        return node.opt_integer(int(f.low if f.low is not None else -(2**53)), int(f.high or 2**53))
    if kind is Kind.NUMBER:
        return node.opt_number() if lenient else node.opt_number(f.high or 1e15, f.low)
    if kind is Kind.BOOL:
        return node.boolean()
    if kind is Kind.OPT_BOOL:
        return node.opt_boolean()
    if kind is Kind.ENUM_SET:
        assert f.enum is not None
        enum = f.enum
        return frozenset(_enum(n, enum) for n in node.items(len(enum)))
    if kind is Kind.TEXT_SET:
        return frozenset(_text(n, f, lenient) for n in node.items(MAX_MATERIALS))
    assert kind is Kind.TEXT_MAP
    if lenient:
        return {key: _text(n, f, lenient) for key, n in node.mapping()}
    return {_key(node, key): _text(n, f, lenient) for key, n in node.mapping(MAX_OVERRIDES)}


def _text(node: Node, f: Field, lenient: bool) -> str:
    if lenient and node.is_null:
        return ""  # snapshots before one codec: no applicant type
    text = node.text(max_len=MAX_TEXT, raw=lenient)  # our own stored JSON reads back as it was saved
    if not lenient:
        problem = f.text_problem(text, form=f.kind is Kind.UID)
        if problem:
            node.fail(problem)
    return text


def _key(node: Node, key: str) -> str:
    if len(key) > 64 or not key.isascii() or not key.isprintable():
        node.fail(f"中的规则编号“{key[:40]}”无效")
    return key


E = TypeVar("E", bound=StrEnum)


def _enum(node: Node, enum: type[E]) -> E:
    text = node.text(max_len=200)
    try:
        return enum(text)
    except ValueError:
        node.fail(f"的值“{text[:40]}”不是允许的取值")


def _lenient_day(node: Node) -> date | None:
    if node.is_null:
        return None
    text = node.text(max_len=10)
    try:
        return date.fromisoformat(text)
    except ValueError:
        node.fail(f"应为日期，实际为“{text}”")


def _sha256(node: Node) -> str:
    text = node.text(max_len=64)
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        node.fail("应为 64 位小写十六进制的 SHA-256 值")
    return text


# ---------------------------------------------------------------------------------------------
# Plain dicts (our own stored JSON)
# ---------------------------------------------------------------------------------------------


def application_to_json(app: Application) -> Json:
    """The stored form of an application (snapshots, audit entries): with its and its attachments' ids."""
    return application_json(app, with_ids=True)


def application_from_json(data: Json) -> Application:
    """An application from its stored JSON (a snapshot, an audit entry), with ids; lenient."""
    return decode_application(Node(data, "application"), lenient=True)


# ---------------------------------------------------------------------------------------------
# Caps that follow from the registry
# ---------------------------------------------------------------------------------------------

_BYTES_PER_CHAR = 4  # UTF-8 of any character; an escaped quote or backslash takes 2
_ENTRY = 12  # per key as the bundle writer lays it out: indent, quotes, ": ", ",", newline
_SCALAR = 32  # a number, a date, true/false/null


def _field_bytes(f: Field) -> int:
    entry = _ENTRY + len(f.key)
    if f.kind in (Kind.TEXT, Kind.OPEN_ENUM, Kind.UID):
        return entry + 2 + _BYTES_PER_CHAR * f.max_length
    if f.kind is Kind.ENUM_SET:
        assert f.enum is not None
        return entry + sum(_ENTRY + _BYTES_PER_CHAR * len(m.value) for m in f.enum)
    if f.kind is Kind.TEXT_SET:
        return entry + MAX_MATERIALS * (_ENTRY + _BYTES_PER_CHAR * f.max_length)
    if f.kind is Kind.TEXT_MAP:
        return entry + MAX_OVERRIDES * (_ENTRY + _BYTES_PER_CHAR * (64 + f.max_length))
    if f.kind is Kind.ENUM:
        assert f.enum is not None
        return entry + _BYTES_PER_CHAR * max(len(m.value) for m in f.enum)
    return entry + _SCALAR


def max_attachment_bytes() -> int:
    return 2 * _ENTRY + sum(_field_bytes(f) for f in ATTACHMENT_FIELDS)


def max_application_bytes() -> int:
    """The largest application JSON the bundle writer can produce from values the registry accepts."""
    own = sum(_field_bytes(f) for f in FIELDS)
    return 8 * _ENTRY + own + MAX_ATTACHMENTS * max_attachment_bytes()
