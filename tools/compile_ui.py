"""Compile every ui/*.ui with pyside6-uic into gdiiot_desktop/gui/forms/ui_*.py (or --check they are current)."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "gdiiot_desktop" / "gui" / "forms"


def uic_executable() -> Path:
    """The uic binary shipped in the PySide6 wheel, as the pyside6-uic wrapper finds it."""
    import PySide6

    pyside_dir = Path(PySide6.__file__).resolve().parent
    if sys.platform == "win32":
        return pyside_dir / "uic.exe"
    return pyside_dir / "Qt" / "libexec" / "uic"


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


_PYSIDE_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def only_used_imports(code: str) -> str:
    """Drop the Qt names uic imports but the form never uses.

    uic imports a fixed list (gradients, QPainter, QUrl, …); PySide creates each Python type when
    it is first imported, ~0.5 ms apiece, which the main window would pay at every start."""
    body = code[code.index("\nclass ") :]

    def trim(match: re.Match[str]) -> str:
        names = [n.strip() for n in match.group(2).split(",") if n.strip()]
        used = [n for n in names if re.search(rf"\b{n}\b", body)]
        return f"from {match.group(1)} import ({', '.join(used)})\n" if used else ""

    return _PYSIDE_IMPORT.sub(trim, code)


def generate(ui_file: Path) -> str:
    """What pyside6-uic produces for ui_file (unused Qt imports dropped), with LF line endings."""
    # Run from ui/ with a relative name so the header comment never holds an absolute path.
    result = subprocess.run(
        [str(uic_executable()), "-g", "python", ui_file.name],
        cwd=ui_file.parent,
        capture_output=True,
        check=True,
    )
    return only_used_imports(result.stdout.decode("utf-8").replace("\r\n", "\n"))


def ui_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def stale_forms() -> list[Path]:
    """Generated files that are missing or differ from what uic produces now."""
    stale = []
    for ui_file in ui_files():
        target = target_for(ui_file)
        current = target.read_text(encoding="utf-8").replace("\r\n", "\n") if target.exists() else None
        if current != generate(ui_file):
            stale.append(target)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report out-of-date forms; exit 1 if any")
    args = parser.parse_args(argv)

    if args.check:
        stale = stale_forms()
        for target in stale:
            print(f"out of date: {target.relative_to(ROOT)} (run: python tools/compile_ui.py)")
        return 1 if stale else 0

    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    for ui_file in ui_files():
        target = target_for(ui_file)
        target.write_text(generate(ui_file), encoding="utf-8", newline="\n")
        print(f"{ui_file.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
