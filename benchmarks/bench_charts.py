"""统计图表 of a large city: reading and counting 10,000 applications (what the dialog does on the
session's runner, and `gdiiot charts` before drawing) and writing the PDF from the counted figures.

Run: `python benchmarks/bench_charts.py [--apps 10000] [--repeat 5]`.
Target (2-core machine): read and count < 1 s, PDF < 1 s, so the dialog is never waited on.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gdiiot_desktop.demo import generate_applications  # noqa: E402
from gdiiot_desktop.services.applications import ApplicationService  # noqa: E402
from gdiiot_desktop.services.pilot_charts import read_pilot_charts  # noqa: E402
from gdiiot_desktop.services.pilot_charts_pdf import write_charts_pdf  # noqa: E402
from gdiiot_desktop.services.workspace import create_workspace  # noqa: E402
from gdiiot_desktop.storage.repository import ApplicationRepository  # noqa: E402

CITY = "广州"  # 7 counties in the generator
NOW = datetime(2023, 11, 28, 9, 0)


def timed(label: str, fn, repeat: int):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    print(f"{label:<40} best {min(times) * 1000:8.1f} ms   median {statistics.median(times) * 1000:8.1f} ms")
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws = create_workspace(folder / "city.sqlite3", CITY)
        apps = generate_applications(ws.campaign, CITY, args.apps, seed=7)
        with ws.db.session() as session:
            repo = ApplicationRepository(session)
            ids = [repo.save(app, diff=False)[0] for app in apps]
        ApplicationService(ws).set_order(ids[:8])
        charts = timed(f"read and count {args.apps} applications", lambda: read_pilot_charts(ws, NOW), args.repeat)
        print(f"  {len(charts.by_county)} counties, {len(charts.by_direction)} directions, {charts.quota.text}")
        target = folder / "图表.pdf"
        timed("write the PDF", lambda: write_charts_pdf(charts, target), args.repeat)
        print(f"  {target.stat().st_size / 1024:.0f} KB")
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
