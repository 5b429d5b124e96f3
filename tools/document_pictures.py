"""Render the first page of each document the program sends to the province into docs/images/
(60 dpi PNGs for the README), from the test city of tests/exports/builders.py.

    .venv/bin/python tools/document_pictures.py        (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from gdiiot_desktop.services import document_settings  # noqa: E402
from gdiiot_desktop.services.applications import ApplicationService  # noqa: E402
from gdiiot_desktop.services.exports import ExportKind, ExportRequest, run_export  # noqa: E402
from tests.exports.builders import build_city  # noqa: E402

PICTURES = {
    "推荐函/推荐函.pdf": ("letter", 1),
    "汇总表/*.pdf": ("summary-table", 1),
    "纸质材料/01_*.pdf": ("package-cover", 1),
    "纸质材料/02_*.pdf": ("package-index", 3),
    "纸质材料/报送清单.pdf": ("transmittal", 1),
}


def main() -> int:
    target = ROOT / "docs" / "images"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        city = build_city(root)
        # The test city carries a formula-looking project name (to test the xlsx); a picture shows a plain one.
        service = ApplicationService(city.ws)
        for app in service.list():
            if app.project_name.startswith("="):
                service.save(replace(app, project_name=app.project_name.split(")", 1)[-1]))
        document_settings.set_contact(city.ws, "张伟", "0751-8888123")
        out = root / "out"
        run_export(
            city.ws, ExportRequest(frozenset({ExportKind.TABLE, ExportKind.PACKAGE}), out), now=datetime(2023, 11, 28, 9, 30)
        )
        city.ws.close()
        for pattern, (name, page) in PICTURES.items():
            pdf = sorted(out.glob(pattern))[0]
            stem = root / name
            subprocess.run(
                ["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
                check=True,
            )
            # 32 colours are plenty for black text, grey lines and the red letter head: small files
            Image.open(stem.with_suffix(".png")).convert("P", palette=Image.Palette.ADAPTIVE, colors=32).save(
                target / f"{name}.png", optimize=True
            )
            print(f"{target / name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
