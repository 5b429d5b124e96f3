"""Core benchmark: a city database of 10,000 applications across 7 counties.

Times opening it, a full rule check, a re-check after editing one application, and an intake
import of 1,000 rows. Run: `python benchmarks/bench_core.py [--apps 10000] [--rows 1000]`.
Targets (2-core machine): full check < 1 s, re-check < 50 ms, import of 1,000 rows < 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gdiiot_desktop.demo import generate_applications  # noqa: E402
from gdiiot_desktop.domain.rules import RuleEngine, check_city  # noqa: E402
from gdiiot_desktop.services.applications import ApplicationService  # noqa: E402
from gdiiot_desktop.services.intake import import_workbook  # noqa: E402
from gdiiot_desktop.services.intake_template import write_template  # noqa: E402
from gdiiot_desktop.services.workspace import create_workspace, open_workspace  # noqa: E402
from gdiiot_desktop.storage.repository import ApplicationRepository  # noqa: E402

CITY = "广州"  # 7 counties in the generator


def timed(label: str, fn, repeat: int = 1):  # type: ignore[no-untyped-def]
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(f"{label:<48} best {best * 1000:9.1f} ms   median {median * 1000:9.1f} ms")
    return result, median


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = folder / "city.sqlite3"
        ws = create_workspace(db_path, CITY)
        apps = generate_applications(ws.campaign, CITY, args.apps, seed=7, attachment_records=True)
        start = time.perf_counter()
        with ws.db.session() as session:
            repo = ApplicationRepository(session)
            for app in apps:
                app_id, _ = repo.save(app, diff=False)
                for attachment in app.attachments:
                    repo.add_attachment(app_id, attachment)
        print(f"built {args.apps} applications in {time.perf_counter() - start:.1f} s")
        ws.close()

        def open_and_load():  # type: ignore[no-untyped-def]
            w = open_workspace(db_path)
            loaded = ApplicationService(w).list()
            w.close()
            return loaded

        loaded, _ = timed(f"open database + load {args.apps} applications", open_and_load, 3)
        _, full = timed(f"full rule check of {args.apps}", lambda: check_city(ws.campaign, CITY, loaded), 5)

        engine = RuleEngine(ws.campaign, CITY)
        engine.load(loaded)
        victim = loaded[len(loaded) // 2]
        edits = iter(range(1_000_000))

        def recheck():  # type: ignore[no-untyped-def]
            edited = replace(victim, project_name=f"{victim.project_name}·{next(edits)}")
            engine.update(edited)
            return engine.violations_of(edited.id or 0)

        _, re_time = timed("re-check after editing one application", recheck, 20)

        sheet_dir = folder / "sheet"
        sheet_dir.mkdir()
        rows = generate_applications(ws.campaign, CITY, args.rows, seed=11)
        rows = [replace(a, id=i + 1) for i, a in enumerate(rows)]
        write_template(sheet_dir / "intake.xlsx", ws.campaign, rows, {})
        target = create_workspace(folder / "import.sqlite3", CITY)
        report, imp = timed(
            f"intake import of {args.rows} rows",
            lambda: import_workbook(target, sheet_dir / "intake.xlsx"),
        )
        target.close()
        print(f"  imported: {report.summary()}")
        print()
        print(f"full check {full * 1000:.0f} ms (target < 1000) | re-check {re_time * 1000:.1f} ms (target < 50)"
              f" | import {imp:.2f} s (target < 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
