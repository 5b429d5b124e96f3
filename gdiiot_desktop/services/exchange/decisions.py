"""The city's field-by-field decisions as a JSON file: read for `bundle import --decisions`, written by `diff`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError
from .errors import BundleFormatError
from .jsonio import Node, parse_json
from .merge import Choices, MergePlan, Side

DECISION_KEYS = ("uid", "field", "choose", "project", "city", "county")
# Every conflict of the largest bundle, each with both values: applications × fields × 2 values.
MAX_DECISIONS_BYTES = 64 * 1024 * 1024


def read_decisions(path: Path) -> Choices:
    """{(uid, field): "city"|"county"} from a decisions file."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_DECISIONS_BYTES + 1)
    except OSError as exc:
        raise InputError(f"无法读取决定文件：{path}（{exc.strerror or exc}）") from exc
    if len(data) > MAX_DECISIONS_BYTES:
        raise InputError(f"决定文件 {path.name} 过大（上限 {MAX_DECISIONS_BYTES // 1024 // 1024} MB），不是 gdiiot bundle diff 写出的文件。")
    try:
        root = Node(parse_json(data, path.name), path.name).obj(("decisions",))
        out: Choices = {}
        for node in root["decisions"].items():
            node.obj()
            choose = node["choose"].text(max_len=10)
            if choose not in ("city", "county"):
                node["choose"].fail("应为 city（保留市局的值）或 county（采用县区的值）")
            side: Side = "city" if choose == "city" else "county"
            out[(node["uid"].text(max_len=32), node["field"].text(max_len=64))] = side
        return out
    except BundleFormatError as exc:
        raise InputError(exc.message.replace("数据包中的 ", "").replace("，已拒绝导入", "")) from exc


def decisions_template(plan: MergePlan[Any], default: Side = "city") -> dict[str, object]:
    """Every conflict with both values, to be edited and passed back with --decisions."""
    return {
        "decisions": [
            {
                "uid": c.uid,
                "field": c.field,
                "project": c.project_name,
                "city": c.city,
                "county": c.county,
                "choose": default,
            }
            for c in plan.conflicts
        ]
    }
