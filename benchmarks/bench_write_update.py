"""What a status change costs the main window at 10,000 applications (offscreen).

A withdrawal returns only the applications it touched (services.applications.Changes) and the window
updates those rows; before, it reloaded and re-checked the whole list. Both are timed here, from the
request to the window showing the result, on the same database:
  * `update`: session.set_status (withdraw a recommended one, then back to 已登记) — what the window does now;
  * `reload`: the same write followed by session.load(), the list read again and re-checked.
Run: `python benchmarks/bench_write_update.py [--apps 10000] [--runs 5]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.bench_gui import build_database  # noqa: E402
from gdiiot_desktop.domain.enums import Status  # noqa: E402
from gdiiot_desktop.gui.launcher import build_window  # noqa: E402
from gdiiot_desktop.services.applications import ApplicationService  # noqa: E402
from gdiiot_desktop.services.workspace import open_workspace  # noqa: E402


def wait(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "广州.sqlite3"
        build_database(db, args.apps)
        ws = open_workspace(db)
        ids = [a.id for a in ApplicationService(ws).list() if a.id is not None and a.status.is_active]
        ApplicationService(ws).set_order(ids[:8])
        window = build_window(ws)
        window.confirm_close = lambda: True  # type: ignore[method-assign]
        window.show()
        session = window.session
        assert session is not None
        wait(lambda: session.is_loaded and session.is_checked and not session.runner.busy)
        target = ids[3]

        def change(status: Status, reload: bool) -> float:
            started = time.perf_counter()
            session.set_status(target, status, "基准测试")
            wait(lambda: not session.runner.busy and session.apps[target].status is status)
            if reload:
                session.load()
                wait(lambda: not session.runner.busy)
            return time.perf_counter() - started

        for mode in ("update", "reload"):
            times = []
            for _ in range(args.runs):
                times.append(change(Status.WITHDRAWN, mode == "reload"))
                times.append(change(Status.REGISTERED, mode == "reload"))
                session.set_order([*ids[:8]])  # back into the order for the next withdrawal
                wait(lambda: not session.runner.busy)
            print(f"{mode:<7} {args.apps} applications: median {statistics.median(times) * 1000:.0f} ms, "
                  f"best {min(times) * 1000:.0f} ms over {len(times)} status changes")  # fmt: skip
        window.close()
        session.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
