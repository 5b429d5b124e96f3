"""The PyInstaller build of build.spec: a one-folder program whose GUI starts offscreen and whose CLI works.

Marked `build` (CI installs `.[build]`); skipped when PyInstaller is not importable. The Linux build of
the same spec stands in for the Windows one, which cannot be cross-built.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.build, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e .[build])")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "build.spec", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    folder = work / "dist" / "gdiiot-desktop"
    assert folder.is_dir()
    return folder


def frozen_env(tmp_path: Path) -> dict[str, str]:
    # Offscreen Qt, a private data folder, and no network; nothing from the source tree on the path.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(QT_QPA_PLATFORM="offscreen", GDIIOT_DATA_DIR=str(tmp_path / "data"), PYTHONUTF8="1")
    return env


def test_frozen_gui_opens_its_main_window(dist: Path, tmp_path: Path) -> None:
    gui = dist / f"gdiiot-desktop{EXE}"
    assert gui.is_file()
    result = subprocess.run(
        [str(gui), "--smoke-test"], cwd=tmp_path, env=frozen_env(tmp_path), capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test: ok" in result.stdout
    assert "(quick list first)" in result.stdout  # the frozen program starts the way users start it


def test_frozen_cli_creates_and_checks_a_database(dist: Path, tmp_path: Path) -> None:
    cli = dist / f"gdiiot{EXE}"
    assert cli.is_file()
    db = tmp_path / "广州.sqlite3"
    env = frozen_env(tmp_path)
    init = subprocess.run(
        [str(cli), "--db", str(db), "init", "--city", "广州"], env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert init.returncode == 0, init.stdout + init.stderr
    assert "广州" in init.stdout and db.exists()
    check = subprocess.run(
        [str(cli), "--db", str(db), "check", "--json"], env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    report = json.loads(check.stdout)
    assert report["city"] == "广州" and report["violations"] == []


def test_bundle_carries_fonts_translations_and_migrations(dist: Path) -> None:
    files = {p.name for p in dist.rglob("*") if p.is_file()}
    assert "wqy-microhei.ttc" in files
    assert "qtbase_zh_CN.qm" in files
    assert "2023-pilot.toml" in files
    assert any(p.parent.name == "versions" and p.suffix == ".py" for p in dist.rglob("*.py"))
