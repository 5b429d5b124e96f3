"""The one-way layers of STYLE.md, checked by reading every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "gdiiot_desktop"


def imported_modules(path: Path) -> set[str]:
    """Absolute names of everything a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ((node.module,) if node.module else ()))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def modules_under(*folders: str) -> list[Path]:
    return [p for folder in folders for p in (PACKAGE / folder).rglob("*.py")]


def offenders(paths: list[Path], forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        bad = sorted(n for n in imported_modules(path) if n.split(".")[0] in forbidden or n.startswith(forbidden))
        if bad:
            found[str(path.relative_to(PACKAGE))] = bad
    return found


def test_domain_imports_neither_qt_nor_sqlalchemy_nor_outer_layers() -> None:
    forbidden = ("PySide6", "sqlalchemy", "alembic", "gdiiot_desktop.services", "gdiiot_desktop.storage",
                 "gdiiot_desktop.gui", "gdiiot_desktop.cli")  # fmt: skip
    assert offenders(modules_under("domain"), forbidden) == {}


def test_nothing_outside_gui_imports_qt() -> None:
    outside = [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]
    outside = [p for p in outside if p.name not in ("app.py", "__main__.py")]  # the composition root
    assert offenders(outside, ("PySide6", "gdiiot_desktop.gui")) == {}


def test_services_and_storage_never_reach_the_faces() -> None:
    assert offenders(modules_under("services", "storage"), ("gdiiot_desktop.gui", "gdiiot_desktop.cli")) == {}


def test_gui_does_not_talk_sql() -> None:
    assert offenders(modules_under("gui"), ("sqlalchemy", "sqlite3", "alembic")) == {}


def test_storage_never_imports_services() -> None:
    assert offenders(modules_under("storage"), ("gdiiot_desktop.services",)) == {}


def test_gui_reaches_storage_only_through_the_quick_read() -> None:
    def allowed(name: str) -> bool:  # the fast start reads the database before any service exists
        return name == "gdiiot_desktop.storage" or name.startswith("gdiiot_desktop.storage.quick_read")

    found = offenders(modules_under("gui"), ("gdiiot_desktop.storage",))
    assert {path: bad for path, names in found.items() if (bad := [n for n in names if not allowed(n)])} == {}


# Services still holding ORM queries, each to move into a storage repository (issue 13). The list may only
# shrink: a new services module that imports SQLAlchemy fails this test.
SERVICES_WITH_ORM_DEBT: set[str] = set()


def test_services_never_import_sqlalchemy() -> None:
    found = set(offenders(modules_under("services"), ("sqlalchemy", "alembic", "sqlite3")))
    assert found - SERVICES_WITH_ORM_DEBT == set()
    assert SERVICES_WITH_ORM_DEBT - found == set(), "moved to storage: take it off the debt list"


def test_the_checker_sees_imports() -> None:
    # Guards the guard: a module known to import SQLAlchemy is reported.
    assert "sqlalchemy" in {n.split(".")[0] for n in imported_modules(PACKAGE / "storage" / "models.py")}
