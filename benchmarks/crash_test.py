"""Crash test: kill a writing program at random moments; no acknowledged save may be lost.

    python benchmarks/crash_test.py --runs 200 [--db PATH] [--seed N] [--keep]

A child process opens the database with `Database.open` and loops: store an attachment (random
bytes, 2 KB – 1 MB), then in one unit of work insert a county (if new), an applicant, an
application, its attachment row and an audit entry, and after the commit returns print
`ACK <application id> <sha256>`. The parent kills it (SIGKILL on POSIX, TerminateProcess on
Windows) 0.05–0.6 s after it reported the database open (one run in five: after it was started,
so opening and creating get killed too), then checks:

- every file in the store outside its temp folder hashes to its name;
- `PRAGMA integrity_check` is ok, and `Database.open` succeeds and empties the temp folder;
- every application ever acknowledged is present with its attachment row, and that file verifies;
- the audit chain verifies.

The same database is used for every run, so it grows. Exit status 1 on any failure.
A kill is not a power cut: it tests atomicity and recovery, not that fsync reaches the disk.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from gdiiot_desktop.storage.audit import append_audit, verify_chain  # noqa: E402
from gdiiot_desktop.storage.database import Database, store_root_for  # noqa: E402
from gdiiot_desktop.storage.models import (  # noqa: E402
    ApplicantRecord,
    ApplicationRecord,
    AttachmentRecord,
    County,
)
from gdiiot_desktop.storage.store import TEMP_DIR, is_sha256, sha256_of  # noqa: E402

COUNTIES = ("蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市")
READY_TIMEOUT = 60.0


# --- child -----------------------------------------------------------------------------------


def child(db_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    db = Database.open(db_path, create=True)
    print("READY", flush=True)
    previous = b""
    while True:
        # One save in ten repeats the previous content: the store keeps a single file for it.
        repeat = previous and rng.random() < 0.1
        data = previous if repeat else os.urandom(rng.randint(2_000, 1_000_000))
        previous = data
        stored = db.store.put_bytes(data)
        now = datetime.now(UTC).replace(tzinfo=None)
        county_name = rng.choice(COUNTIES)
        with db.session() as s:
            county = s.scalar(select(County).where(County.name == county_name))
            if county is None:
                county = County(name=county_name)
                s.add(county)
            applicant = ApplicantRecord(
                uscc=uuid.uuid4().hex[:18].upper(), name=f"测试企业{rng.randint(1, 10**6)}"
            )
            app = ApplicationRecord(
                uid=uuid.uuid4().hex,
                applicant=applicant,
                county=county,
                project_name="崩溃测试项目",
                project_key="崩溃测试项目",
                category_id="C1",
                direction_id="D01",
                build_status="已建成",
                innovation_acceptance="不涉及",
                other_channel="否",
                status="registered",
                created_at=now,
                updated_at=now,
            )
            app.attachments.append(
                AttachmentRecord(
                    attachment_class="video",
                    file_name="项目视频.mp4",
                    sha256=stored.sha256,
                    size=stored.size,
                    added_at=now,
                )
            )
            s.add(app)
            s.flush()
            append_audit(
                s,
                actor="crash-test",
                action="create",
                entity="application",
                entity_id=str(app.id),
                details={"sha256": stored.sha256},
            )
        print(f"ACK {app.id} {stored.sha256}", flush=True)


# --- parent ----------------------------------------------------------------------------------


@dataclass
class Totals:
    runs: int = 0
    kills: int = 0
    kills_during_open: int = 0
    checked: int = 0  # acknowledged saves checked, summed over runs
    failures: list[str] = field(default_factory=list)


def _check_store(root: Path, good: set[str]) -> list[str]:
    """Every stored file hashes to its name; the good hashes are collected into `good`."""
    problems: list[str] = []
    if not root.exists():
        return problems
    for f in root.rglob("*"):
        if f.is_dir():
            continue
        rel = f.relative_to(root)
        if rel.parts[0] == TEMP_DIR:
            continue  # leftovers of an interrupted write: allowed here, removed on the next open
        if len(rel.parts) != 2 or not is_sha256(f.name) or rel.parts[0] != f.name[:2]:
            problems.append(f"stray file in the store: {rel}")
        elif sha256_of(f) != f.name:
            problems.append(f"file under a wrong hash: {rel}")
        else:
            good.add(f.name)
    return problems


def _check(db_path: Path, acked: dict[int, str]) -> list[str]:
    good: set[str] = set()
    problems = _check_store(store_root_for(db_path), good)
    if not db_path.exists():
        return problems + ([f"database missing, {len(acked)} saves acknowledged"] if acked else [])
    conn = sqlite3.connect(db_path)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        conn.close()
    if result != ["ok"]:
        return [*problems, f"integrity_check: {result[:3]}"]
    try:
        db = Database.open(db_path, create=True)
    except Exception as exc:
        return [*problems, f"Database.open failed: {type(exc).__name__}: {exc}"]
    try:
        if db.read_only:
            problems.append("opened read-only: the killed child's lock was not released")
        temp = db.store.temp_dir
        if temp.exists() and any(temp.iterdir()):
            problems.append("temp files left after open")
        with db.session() as s:
            rows = dict(
                s.execute(
                    select(AttachmentRecord.application_id, AttachmentRecord.sha256).where(
                        AttachmentRecord.application_id.in_(list(acked))
                    )
                )
                .tuples()
                .all()
            )
            present = set(
                s.scalars(select(ApplicationRecord.id).where(ApplicationRecord.id.in_(list(acked))))
            )
            problems += [f"chain: {p}" for p in verify_chain(s)]
        for app_id, sha in acked.items():
            if app_id not in present:
                problems.append(f"acknowledged application {app_id} lost")
            elif rows.get(app_id) != sha:
                problems.append(f"application {app_id}: attachment row missing or wrong ({rows.get(app_id)})")
            elif sha not in good:  # hashed by _check_store above
                problems.append(f"application {app_id}: stored file {sha} missing or damaged")
        problems += [f"integrity: {p}" for p in db.integrity_check()]
    finally:
        db.close()
    return problems


def _one_run(db_path: Path, rng: random.Random, seed: int, acked: dict[int, str], totals: Totals) -> None:
    from_start = rng.random() < 0.2
    delay = rng.uniform(0.05, 0.6)
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--child",
                "--db",
                str(db_path),
                "--seed",
                str(seed),
            ],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
        )
        lines: list[str] = []
        ready = threading.Event()

        def read() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                if line.startswith("READY"):
                    ready.set()
            ready.set()  # the child ended: stop waiting

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if not from_start:
            ready.wait(READY_TIMEOUT)
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            proc.kill()
            totals.kills += 1
            totals.kills_during_open += not ready.is_set()
        proc.wait()
        reader.join()
        if not killed:  # the child loops for ever: ending by itself means it failed
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            totals.failures.append(f"child ended by itself (exit {proc.returncode}): {tail}")
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ACK" and line.endswith("\n"):
            acked[int(parts[1])] = parts[2]
    totals.runs += 1
    totals.checked += len(acked)
    totals.failures += [f"run {totals.runs}: {p}" for p in _check(db_path, acked)]


def run(runs: int, db_path: Path, seed: int, verbose: bool = True) -> Totals:
    rng = random.Random(seed)
    acked: dict[int, str] = {}
    totals = Totals()
    started = time.monotonic()
    for i in range(runs):
        _one_run(db_path, rng, seed * 100_000 + i, acked, totals)
        if verbose and (i + 1) % 20 == 0:
            print(
                f"  {i + 1}/{runs} runs, {len(acked)} acknowledged, {len(totals.failures)} failures",
                flush=True,
            )
    if verbose:
        size = db_path.stat().st_size if db_path.exists() else 0
        print(f"runs: {totals.runs}")
        print(f"kills: {totals.kills} (during open: {totals.kills_during_open})")
        print(f"acknowledged saves: {len(acked)} distinct; checked {totals.checked} times in all")
        print(f"failures: {len(totals.failures)}")
        print(f"database: {size / 1e6:.1f} MB, {time.monotonic() - started:.0f} s")
        for f in totals.failures[:20]:
            print(f"  FAIL {f}")
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--db", type=Path, help="database to use (default: a new one in a temp folder)")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.db, args.seed)
        return 0
    print(f"seed {args.seed}", flush=True)
    folder = None
    db_path = args.db
    if db_path is None:
        folder = Path(tempfile.mkdtemp(prefix="gdiiot-crash-"))
        db_path = folder / "崩溃测试.sqlite3"
    try:
        totals = run(args.runs, db_path, args.seed)
    finally:
        if folder is not None and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        elif folder is not None:
            print(f"kept: {folder}")
    return 1 if totals.failures else 0


if __name__ == "__main__":
    sys.exit(main())
