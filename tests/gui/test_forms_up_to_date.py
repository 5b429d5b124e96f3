"""The committed forms in gdiiot_desktop/gui/forms/ match what pyside6-uic makes of ui/*.ui today."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_file_has_a_generated_form() -> None:
    ui_files = sorted((ROOT / "ui").glob("*.ui"))
    assert ui_files, "no ui/*.ui found"
    for ui_file in ui_files:
        assert (ROOT / "gdiiot_desktop" / "gui" / "forms" / f"ui_{ui_file.stem}.py").is_file(), ui_file.name


def test_generated_forms_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "compile_ui.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
