"""Special-fund bundle benchmark: a county of the 江门 call with 200 applications (the bundle's cap), each
with an investment in two categories and one invoice of 256 KB, exports its bundle; the city previews
and imports it, then imports a newer bundle with every application changed. Prints each step's time.
Targets: export and import of the 200 applications each under 10 s on a plain office PC.

Run: `python benchmarks/bench_fund_bundles.py [--count 200] [--folder DIR]`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gdiiot_desktop.domain.fund.model import FundApplication  # noqa: E402
from gdiiot_desktop.resources import resource  # noqa: E402
from gdiiot_desktop.services import exchange  # noqa: E402
from gdiiot_desktop.services.exchange.keys import office_fingerprint  # noqa: E402
from gdiiot_desktop.services.fund.workspace import create_fund_workspace  # noqa: E402

CAMPAIGN = resource("campaigns", "2022-jiangmen-fund.toml")
INVOICE = 256 * 1024


def timed(label: str, work: object) -> object:
    started = time.perf_counter()
    result = work()  # type: ignore[operator]
    print(f"{label:44} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        folder = Path(tmp)
        county = create_fund_workspace(folder / "蓬江区.sqlite3", "江门", CAMPAIGN)
        city = create_fund_workspace(folder / "江门.sqlite3", "江门", CAMPAIGN)
        apps = [
            FundApplication(
                enterprise=f"江门企业{n:03d}有限公司", project_name=f"工业互联网项目{n:03d}", county="蓬江区",
                direction_id="benchmark", requested=Decimal("500000"),
                investment={"industrial_internet": Decimal("800000"), "equipment": Decimal("400000")},
            )
            for n in range(args.count)
        ]  # fmt: skip
        ids = county.repo.add_many(apps, source="benchmark")
        for n, app_id in enumerate(ids):
            stored = county.db.store.put_bytes(os.urandom(INVOICE - 8) + n.to_bytes(8, "big"))
            county.repo.add_attachment(
                app_id, file_name=f"发票{n:03d}.pdf", sha256=stored.sha256, size=stored.size,
                category_id="industrial_internet",
            )  # fmt: skip
        first, second = folder / "蓬江区-1.gdiiot", folder / "蓬江区-2.gdiiot"
        report = timed(f"export {args.count} applications", lambda: exchange.export_fund_county_bundle(county, first))
        print(f"  bundle {first.stat().st_size / 1024**2:.1f} MB, {report.files} files")  # type: ignore[attr-defined]
        fp = office_fingerprint(county)  # type: ignore[arg-type]
        timed("diff (read, verify, plan)", lambda: exchange.preview_fund_bundle(
            city, exchange.open_bundle(city, first, for_import=False)))  # fmt: skip
        timed("import (files hashed into the store)", lambda: exchange.import_bundle(city, first, trust=fp))
        for app in county.repo.all():
            county.repo.update(replace(app, requested=Decimal("450000")))
        timed(f"export after {args.count} changes", lambda: exchange.export_fund_county_bundle(county, second))
        result = timed("import of the newer bundle", lambda: exchange.import_bundle(city, second))
        print(f"  {result.summary()}")  # type: ignore[attr-defined]
        county.close()
        city.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
