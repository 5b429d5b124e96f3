"""GUI benchmark on a city database of 10,000 applications (offscreen).

Measures, each program started in its own subprocess the same way:
  * start-up: from process start to the main window showing the full application list, against a bare
    PySide6 window (QMainWindow + QTableView) — reported as a ratio;
  * the time until the database is open for work (the list shows before it, from a quick read of
    the file) and until the first full rule check has filled the problems column;
  * one search keystroke: from the key press to the filtered view painted;
  * memory: peak RSS of the program after loading, checking and searching.
Run: `python benchmarks/bench_gui.py [--apps 10000] [--runs 3]`.
Targets (2-core machine): start-up < 2x the bare window, a keystroke < 50 ms, peak memory < 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CITY = "广州"
WINDOW_SIZE = (1280, 800)  # both windows: the size ui/main_window.ui gives the program's window


def build_database(path: Path, count: int) -> None:
    from gdiiot_desktop.demo import generate_applications
    from gdiiot_desktop.services.workspace import create_workspace
    from gdiiot_desktop.storage.repository import ApplicationRepository

    ws = create_workspace(path, CITY)
    apps = generate_applications(ws.campaign, CITY, count, seed=7, attachment_records=True)
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        for app in apps:
            app_id, _ = repo.save(app, diff=False)
            for attachment in app.attachments:
                repo.add_attachment(app_id, attachment)
    ws.close()


def peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def emit(**values: object) -> None:
    print(json.dumps(values), flush=True)


# --- children ----------------------------------------------------------------------------------


def child_bare() -> int:
    """A bare PySide6 window with an empty table: the yardstick."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(*WINDOW_SIZE)  # the main window's size from its form, set before showing as the program does
    window.show()

    def ready() -> None:
        if window.isVisible():
            emit(event="shown")
            app.quit()
        else:
            QTimer.singleShot(1, ready)

    QTimer.singleShot(0, ready)
    app.exec()
    return 0


def child_app(db: Path) -> int:
    """The program, started as app.run starts it: the list, then the open database and its check, keystrokes, memory."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from gdiiot_desktop.gui.application import create_application
    from gdiiot_desktop.gui.launcher import Launcher

    app = create_application(sys.argv[:1])
    launcher = Launcher()
    assert launcher.start(db, explicit=True)
    window = launcher.window
    assert window is not None
    window.confirm_close = lambda: True
    assert (window.width(), window.height()) == WINDOW_SIZE
    start = time.perf_counter()

    def shown() -> None:
        # The first frame the user sees: the list painted.
        window.ui.applicationsView.viewport().repaint()
        emit(event="shown", rows=window.proxy.rowCount())

    editable = []

    def ready() -> None:
        # The database open for work (editing possible), then the first full check done (problems column filled).
        session = window.session
        if session is not None and not editable:
            editable.append(True)
            emit(event="editable")
        if session is None or not session.is_checked or session.runner.busy:
            QTimer.singleShot(5, ready)
            return
        emit(event="checked", seconds_after_shown=time.perf_counter() - start)
        keystrokes()

    if window.model is not None and window.model.rowCount():
        QTimer.singleShot(0, shown)  # the quick first read is in the list already
    else:
        window.ui.applicationsView.model().modelReset.connect(
            lambda: QTimer.singleShot(0, shown), Qt.ConnectionType.SingleShotConnection
        )
    QTimer.singleShot(0, ready)

    def keystrokes() -> None:
        from PySide6.QtTest import QTest  # not before the list is shown: the bare window does not load it

        edit = window.ui.searchEdit
        edit.setFocus()
        times = []
        # Typing pinyin initials and a code, one key at a time, then deleting them again.
        for text in ("gzs", "9144"):
            for ch in text:
                t0 = time.perf_counter()
                QTest.keyClick(edit, ch)
                window.ui.applicationsView.viewport().repaint()
                QApplication.processEvents()
                times.append(time.perf_counter() - t0)
            for _ch in text:
                t0 = time.perf_counter()
                QTest.keyClick(edit, Qt.Key.Key_Backspace)
                window.ui.applicationsView.viewport().repaint()
                QApplication.processEvents()
                times.append(time.perf_counter() - t0)
        # A Chinese word arrives as one edit (an input method commits it at once).
        for text in ("家电", "家电有限公司", ""):
            t0 = time.perf_counter()
            edit.setText(text)
            window.ui.applicationsView.viewport().repaint()
            QApplication.processEvents()
            times.append(time.perf_counter() - t0)
        emit(event="keystrokes", median=statistics.median(times), max=max(times), count=len(times),
             shown_after=window.proxy.rowCount())
        emit(event="memory", peak_rss_mb=peak_rss_mb())
        window.close()
        app.quit()

    app.exec()
    return 0


# --- parent ------------------------------------------------------------------------------------


def run_child(kind: str, db: Path | None, pycache: Path) -> dict[str, dict[str, object]]:
    # Bytecode is kept (outside the source tree), as an installed or frozen program has it: the
    # first, warming run writes it. Without it every start would compile our modules from source.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
    if db is not None:
        command += ["--db", str(db)]
    events: dict[str, dict[str, object]] = {}
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if not line.startswith("{"):
                continue
            event = json.loads(line)
            event["at"] = time.perf_counter() - start
            events[str(event["event"])] = event
        proc.wait(timeout=300)
    return events


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["bare", "app"])
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.child == "bare":
        return child_bare()
    if args.child == "app":
        return child_app(args.db)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "city.sqlite3"
        t0 = time.perf_counter()
        build_database(db, args.apps)
        print(f"built {args.apps} applications in {time.perf_counter() - t0:.1f} s")
        pycache = Path(tmp) / "pycache"
        run_child("app", db, pycache)  # warm the file cache and write the .pyc files once
        run_child("bare", None, pycache)
        bare, ours, editable, checked, keys, memory = [], [], [], [], [], []
        for _ in range(args.runs):
            bare.append(float(run_child("bare", None, pycache)["shown"]["at"]))  # type: ignore[arg-type]
            events = run_child("app", db, pycache)
            ours.append(float(events["shown"]["at"]))  # type: ignore[arg-type]
            editable.append(float(events["editable"]["at"]))  # type: ignore[arg-type]
            checked.append(float(events["checked"]["at"]))  # type: ignore[arg-type]
            keys.append(events["keystrokes"])
            memory.append(float(events["memory"]["peak_rss_mb"]))  # type: ignore[arg-type]
        b, o = statistics.median(bare), statistics.median(ours)
        key_median = statistics.median(float(k["median"]) for k in keys)  # type: ignore[arg-type]
        key_max = max(float(k["max"]) for k in keys)  # type: ignore[arg-type]
        print(f"bare PySide6 window shown            median {b * 1000:8.0f} ms   runs {[round(x * 1000) for x in bare]}")
        print(f"main window with {args.apps} rows shown   median {o * 1000:8.0f} ms   runs {[round(x * 1000) for x in ours]}")
        print(f"database open, editing possible      median {statistics.median(editable) * 1000:8.0f} ms")
        print(f"problems column filled (full check)  median {statistics.median(checked) * 1000:8.0f} ms")
        print(f"search keystroke                     median {key_median * 1000:8.1f} ms   worst {key_max * 1000:.1f} ms")
        print(f"peak memory (RSS)                    max    {max(memory):8.0f} MB")
        print()
        # Runs vary by ±20% on a shared 2-core VM. Each run starts the bare window and then the program,
        # so the ratio within a run compares two starts made under the same load.
        paired = statistics.median(x / y for x, y in zip(ours, bare, strict=True))
        print(f"start-up ratio within runs: median {paired:.2f}x; of the best runs {min(ours) / min(bare):.2f}x")
        print(f"start-up ratio {o / b:.2f}x (target < 2) | keystroke {key_median * 1000:.1f} ms (target < 50)"
              f" | memory {max(memory):.0f} MB (target < 400)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
