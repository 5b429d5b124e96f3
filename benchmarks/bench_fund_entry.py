"""Hand entry of special-fund applications: the entry form's keystroke (the maximum subsidy recomputed as
the user types, on the GUI thread) and one save (`fund edit` of a ranked application, with the duplicate
check, the pool before and after, and the check of the whole call) on a database of N applications.
Targets: a keystroke well under 16 ms (one frame); a save under one second at 2,000 applications.

Run: `python benchmarks/bench_fund_entry.py [--apps 2000] [--runs 5]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gdiiot_desktop.domain.fund.model import FundApplication  # noqa: E402
from gdiiot_desktop.resources import resource  # noqa: E402
from gdiiot_desktop.services.fund.entry import FundEntry, edit_application  # noqa: E402
from gdiiot_desktop.services.fund.workspace import create_fund_workspace  # noqa: E402

DIRECTIONS = ("benchmark", "cloud", "cluster", "talent")


def applications(count: int) -> list[FundApplication]:
    apps = []
    for i in range(count):
        direction = DIRECTIONS[i % 4]
        apps.append(
            FundApplication(
                enterprise=f"江门企业{i}",
                project_name=f"项目{i}",
                county="蓬江区",
                direction_id=direction,
                requested=Decimal(100_000 + i),
                investment={} if direction == "talent" else {"cloud": Decimal(500_000 + i)},
                cluster="水暖卫浴产业集群" if direction == "cluster" else "",
                training_sessions=12 if direction == "talent" else None,
                training_people=600 if direction == "talent" else None,
            )
        )
    return apps


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from gdiiot_desktop.gui.fund.application_form import FundApplicationForm
    from gdiiot_desktop.gui.tasks import TaskRunner

    qt = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="gdiiot-entry-") as folder:
        ws = create_fund_workspace(Path(folder) / "江门.sqlite3", "江门", resource("campaigns", "2022-jiangmen-fund.toml"))
        try:
            ids = ws.repo.add_many(applications(args.apps), source="bench")
            ws.repo.set_ranking(ids[: args.apps // 2])
            ws.repo.set_budget(Decimal(30_000_000))

            runner = TaskRunner()
            form = FundApplicationForm(ws, runner, ws.repo.get(ids[0]))
            edit = form.invest_edits["industrial_internet"]
            keystrokes = []
            for _ in range(args.runs):
                for digit in "1234567":
                    start = time.perf_counter()
                    edit.setText(edit.text() + digit)  # textChanged → update_cap, as a key press does
                    keystrokes.append(time.perf_counter() - start)
                edit.clear()
            saves = []
            for run in range(args.runs):
                start = time.perf_counter()
                result = edit_application(ws, ids[1], FundEntry(requested=str(90_000 + run)))
                saves.append(time.perf_counter() - start)
                assert result.pool_note, "a ranked application whose amount changed is told"
            runner.shutdown()
            del qt
        finally:
            ws.close()
    ms = lambda xs: f"median {statistics.median(xs) * 1000:.1f} ms, worst {max(xs) * 1000:.1f} ms"  # noqa: E731
    print(f"entry form keystroke (cap recomputed): {ms(keystrokes)} over {len(keystrokes)} keystrokes")
    print(f"fund edit of a ranked application among {args.apps}: {ms(saves)} over {len(saves)} saves")
    return 0


if __name__ == "__main__":
    sys.exit(main())
