"""The exports stay Qt-free and every module says what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

import gdiiot_desktop.services.exports as exports
import gdiiot_desktop.services.pdf as pdf


def test_no_qt_and_a_docstring_everywhere() -> None:
    for package in (exports, pdf):
        for module in Path(package.__file__).parent.glob("*.py"):
            tree = ast.parse(module.read_text(encoding="utf-8"))
            assert ast.get_docstring(tree), module.name
            for node in ast.walk(tree):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                assert not any(n.startswith(("PySide6", "gdiiot_desktop.gui")) for n in names), module.name


def test_exports_leave_orm_queries_to_storage() -> None:
    # Snapshot and export-run queries live in storage/snapshot_repository.py (issue 13).
    for module in Path(exports.__file__).parent.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
                names += [f"{node.module}.{a.name}" for a in node.names if node.module]
            assert not any(n.startswith("sqlalchemy") for n in names), module.name
            assert not any(n.endswith(("models_exports", "models_exports.ExportRunRecord")) for n in names), module.name
