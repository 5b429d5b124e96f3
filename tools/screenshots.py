"""Screenshots of every window and dialog on a 1366×768 screen (offscreen Qt, a filled demo city).

    python tools/screenshots.py OUT_DIR [--width 1366 --height 768 --scale 1.0]

Each window is opened as the tests open it (tests/gui/tour.py), fitted to the screen, and saved as
OUT_DIR/<nn>-<name>.png. Look at them: Chinese shows only where a CJK font is present (one is bundled).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=768)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    if "configfile=" not in os.environ.get("QT_QPA_PLATFORM", ""):
        # Qt reads the screen size once, at start: run again with a screen of the size asked for.
        config = Path(tempfile.mkdtemp(prefix="gdiiot-shots-")) / "screen.json"
        screen = {"name": "shots", "x": 0, "y": 0, "width": args.width, "height": args.height, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(args.scale))
        return subprocess.call([sys.executable, __file__, *(argv if argv is not None else sys.argv[1:])], env=env, cwd=ROOT)
    sys.path.insert(0, str(ROOT))
    from gdiiot_desktop.gui.application import create_application
    from gdiiot_desktop.services.workspace import create_workspace
    from tests.gui.tour import filled_workspace, tour

    create_application(["screenshots"])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gdiiot-shots-") as folder:
        ws = filled_workspace(Path(folder))
        empty = create_workspace(Path(folder) / "韶关.sqlite3", "韶关", operator="测试员")
        for n, (name, window) in enumerate(tour(ws, empty_ws=empty), start=1):
            target = args.out / f"{n:02d}-{name}.png"
            window.grab().save(str(target))
            print(f"{target}  {window.width()}×{window.height()}")
        ws.close()
        empty.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
