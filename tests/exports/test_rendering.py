"""Pages render with poppler (when installed) using only the embedded font: no Chinese font needed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.exports.conftest import Exported

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")


def test_pages_render_and_fonts_are_embedded(exported: Exported, tmp_path: Path) -> None:
    for pdf in [exported.one("汇总表/*.pdf"), exported.one("纸质材料/报送清单.pdf"), exported.result.packages[0].path]:
        subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "3", "-png", str(pdf), str(tmp_path / pdf.stem)], check=True)
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes " in row and "WenQuanYi" in row for row in rows), fonts
    assert len(list(tmp_path.glob("*.png"))) >= 5
