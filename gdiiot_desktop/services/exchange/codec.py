"""Applications as bundle JSON and back (the one codec, services/application_codec.py, bound to the
bundle's errors), and as flat county-owned fields for diffs and merges."""

from __future__ import annotations

import copy
from typing import Any

from ...domain import fields as registry
from ...domain.enums import AttachmentClass
from ...domain.model import Application
from ..application_codec import application_json, decode_application
from .format import UID_RE
from .jsonio import Node

__all__ = ["CITY_OWNED", "Flat", "application_json", "field_label", "flatten", "parse_application", "with_fields"]

# The city decides these; a county's bundle never changes them at the city.
CITY_OWNED = registry.CITY_OWNED
field_label = registry.label


def parse_application(node: Node, max_file_size: int) -> Application:
    """An application from its bundle JSON; BundleFormatError, naming the field, on anything wrong."""
    return decode_application(node, max_file_size=max_file_size)


def parse_uid(node: Node) -> str:
    text = node.text(max_len=32)
    if not UID_RE.fullmatch(text):
        node.fail("应为 32 位小写十六进制的项目标识（uid）")
    return text


# ---------------------------------------------------------------------------------------------
# Flat, county-owned fields: what diffs compare and merges choose between
# ---------------------------------------------------------------------------------------------

Flat = dict[str, Any]


def flatten(app: Application) -> Flat:
    """{field: plain JSON value} of the county-owned fields; nested objects as "applicant.name"."""
    out: Flat = {f.name: f.to_json(f.get(app)) for f in registry.FIELDS if f.name not in CITY_OWNED}
    out["attachments"] = application_json(app)["attachments"]
    return out


def with_fields(app: Application, values: Flat) -> Application:
    """`app` with some flat fields replaced (the city-owned ones and the id are kept)."""
    doc = application_json(app)
    for key, value in values.items():
        if key in CITY_OWNED:
            continue
        head, _, sub = key.partition(".")
        if sub:
            doc[head][sub] = copy.deepcopy(value)
        else:
            doc[key] = copy.deepcopy(value)
    merged = decode_application(Node(doc, "merge"), lenient=True)
    merged.id = app.id
    # Attachment ids survive so the merge can tell which stored rows to keep.
    ids = {(a.attachment_class.value, a.sha256, a.file_name): a.id for a in app.attachments}
    for a in merged.attachments:
        a.id = ids.get((a.attachment_class.value, a.sha256, a.file_name))
    return merged


def attachment_label(a: dict[str, Any]) -> str:
    try:
        cls = AttachmentClass(a["class"]).label
    except ValueError:
        cls = str(a["class"])
    return f"{cls}：{a['file_name']}（{str(a['sha256'])[:8]}）"
