"""Bundle import benchmark: a city imports 11 county bundles (one per real county) holding 5 GB of attachments in total,
measured against a plain copy of the same files (`cp -r`) as a ratio. Target: within 1.5× of the copy,
with every hash verified (the import hashes each file as it copies it into the store, in one pass).

Run: `python benchmarks/bench_bundles.py [--total-gb 5] [--counties 11] [--folder DIR]`.
Needs about 4× the total on disk (county stores, bundles, the copy, the city's store); check `df -h`.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gdiiot_desktop.demo import generate_applications  # noqa: E402
from gdiiot_desktop.domain.divisions import city_counties  # noqa: E402
from gdiiot_desktop.domain.enums import AttachmentClass  # noqa: E402
from gdiiot_desktop.domain.model import Attachment  # noqa: E402
from gdiiot_desktop.resources import guangdong_divisions  # noqa: E402
from gdiiot_desktop.services import exchange  # noqa: E402
from gdiiot_desktop.services.workspace import create_workspace  # noqa: E402
from gdiiot_desktop.storage.database import store_root_for  # noqa: E402
from gdiiot_desktop.storage.repository import ApplicationRepository  # noqa: E402

CITY = "广州"  # 11 county-level divisions: bundles come from real counties (GB/T 2260), one key each
APPS_PER_COUNTY = 5
FORM_BYTES = 2 * 1024 * 1024
BLOCK = os.urandom(8 * 1024 * 1024)


def payload(size: int, tag: str) -> bytes:
    """`size` incompressible bytes, unique per tag."""
    head = hashlib.sha256(tag.encode()).digest() * 4
    body = (BLOCK * (size // len(BLOCK) + 1))[: size - len(head)]
    return head + body


def build_county(folder: Path, index: int, per_county: int) -> tuple[Path, str]:
    """A county database with APPS_PER_COUNTY applications (a video and a form each), exported."""
    county = city_counties(guangdong_divisions(), CITY)[index].name
    ws = create_workspace(folder / f"county-{index:02d}.sqlite3", CITY)
    try:
        video_size = per_county // APPS_PER_COUNTY - FORM_BYTES
        apps = generate_applications(ws.campaign, CITY, APPS_PER_COUNTY, seed=index, counties=[county])
        with ws.db.session() as session:
            repo = ApplicationRepository(session)
            for i, app in enumerate(apps):
                video = ws.db.store.put_bytes(payload(video_size, f"{index}-{i}-video"))
                form = ws.db.store.put_bytes(payload(FORM_BYTES, f"{index}-{i}-form"))
                app = replace(
                    app,
                    project_name=f"{app.project_name}{index}-{i}",
                    attachments=[
                        Attachment(AttachmentClass.VIDEO, "项目视频.mp4", video.sha256, video.size, duration_seconds=420.0),
                        Attachment(AttachmentClass.APPLICATION_FORM, "申报书.pdf", form.sha256, form.size, pages=30),
                    ],
                )
                app_id, _ = repo.save(app, diff=False)
                for a in app.attachments:
                    repo.add_attachment(app_id, a)
        bundle = folder / f"{county}.gdiiot"
        report = exchange.export_county_bundle(ws, bundle)
        return bundle, report.fingerprint
    finally:
        ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total-gb", type=float, default=5.0, help="attachments in all bundles together")
    parser.add_argument("--counties", type=int, default=11, help="at most the city's 11 counties")
    parser.add_argument("--folder", type=Path, help="work folder (default: a temporary folder under /tmp)")
    args = parser.parse_args()
    total = int(args.total_gb * 1024**3)
    args.counties = max(1, min(args.counties, len(city_counties(guangdong_divisions(), CITY))))
    per_county = total // args.counties
    base = args.folder or Path(tempfile.gettempdir())
    base.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(base).free
    if free < 4.2 * total:
        print(f"not enough disk space: {free / 1024**3:.1f} GB free, need {4.2 * total / 1024**3:.1f} GB; use --total-gb")
        return 2
    with tempfile.TemporaryDirectory(prefix="gdiiot-bench-", dir=base) as tmp:
        folder = Path(tmp)
        counties = folder / "counties"
        counties.mkdir()
        start = time.perf_counter()
        bundles = [build_county(counties, i, per_county) for i in range(args.counties)]
        setup = time.perf_counter() - start
        stores = [store_root_for(counties / f"county-{i:02d}.sqlite3") for i in range(args.counties)]
        data_bytes = sum(f.stat().st_size for s in stores for f in s.rglob("*") if f.is_file())
        bundle_bytes = sum(b.stat().st_size for b, _ in bundles)
        print(f"setup: {args.counties} county bundles, {data_bytes / 1024**3:.2f} GB of attachments "
              f"({bundle_bytes / 1024**3:.2f} GB of bundles) built and exported in {setup:.0f} s")

        # The yardstick: cp -r of the same files (the county stores), then the same plus a sync.
        copy_target = folder / "copy"
        copy_target.mkdir()
        subprocess.run(["sync"], check=True)
        start = time.perf_counter()
        for i, store in enumerate(stores):
            subprocess.run(["cp", "-r", str(store), str(copy_target / f"c{i}")], check=True)
        cp_time = time.perf_counter() - start
        subprocess.run(["sync"], check=True)
        cp_sync_time = time.perf_counter() - start
        shutil.rmtree(copy_target)
        subprocess.run(["sync"], check=True)

        city_folder = folder / "city"
        city_folder.mkdir()
        ws = create_workspace(city_folder / f"{CITY}.sqlite3", CITY)
        try:
            start = time.perf_counter()
            files = 0
            for bundle, fingerprint in bundles:
                # the first bundle of each county, its fingerprint confirmed (the phone call is not timed)
                report = exchange.import_bundle(ws, bundle, trust=fingerprint)
                assert isinstance(report, exchange.CountyImportReport)
                files += report.files_added
            import_time = time.perf_counter() - start
            subprocess.run(["sync"], check=True)
            import_sync_time = time.perf_counter() - start
        finally:
            ws.close()
        gb = data_bytes / 1024**3
        print(f"cp -r:            {cp_time:7.1f} s  ({gb / cp_time:.2f} GB/s); with sync {cp_sync_time:.1f} s")
        print(f"bundle import:    {import_time:7.1f} s  ({gb / import_time:.2f} GB/s); with sync {import_sync_time:.1f} s; "
              f"{files} files hashed and verified, fsynced")
        print(f"ratio import / cp -r:              {import_time / cp_time:.2f}×")
        print(f"ratio import / (cp -r + sync):     {import_sync_time / cp_sync_time:.2f}×  (target ≤ 1.5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
