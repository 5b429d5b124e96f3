"""build.spec stays valid Python and points at files that exist (the build itself is a separate, slow job)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_build_spec_compiles() -> None:
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    compile(source, "build.spec", "exec")


def test_build_spec_inputs_exist() -> None:
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    strings = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    for folder in ("resources", "db"):
        assert folder in strings and (ROOT / folder).is_dir(), folder
    assert (ROOT / "gdiiot_desktop" / "__main__.py").is_file()
    assert (ROOT / "resources" / "fonts" / "wqy-microhei.ttc").is_file()


def test_executable_names_come_from_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert list(project["gui-scripts"]) == ["gdiiot-desktop"]
    assert list(project["scripts"]) == ["gdiiot"]
    assert project["gui-scripts"]["gdiiot-desktop"] == "gdiiot_desktop.__main__:main"
