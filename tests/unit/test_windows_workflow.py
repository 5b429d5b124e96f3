"""The Windows build pipeline (.github/workflows/windows.yml): valid for GitHub Actions, and in step with
build.spec and pyproject.toml (the names of the folder and the two programs)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def test_actionlint_finds_nothing() -> None:
    actionlint = Path(sys.executable).parent / ("actionlint.exe" if sys.platform == "win32" else "actionlint")
    result = subprocess.run([str(actionlint), str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_builds_starts_and_keeps_the_programs_pyproject_names() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    folder = project["name"]
    gui = next(iter(project["gui-scripts"]))
    cli = next(iter(project["scripts"]))
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-" in text and 'python-version: "3.11"' in text
    assert "PyInstaller --noconfirm --clean build.spec" in text
    assert f"dist\\{folder}\\{gui}.exe" in text and "--smoke-test" in text
    assert f"dist\\{folder}\\{cli}.exe --help" in text
    assert "actions/upload-artifact@v4" in text and f"path: dist/{folder}/" in text
