"""Fuzzing the bundle import and the Excel intake with hypothesis: mutated valid inputs, many cases.

Bundle cases: byte damage, member games (names, drops, duplicates), JSON mutations (with and without
recomputed hashes, and signed again with the county's own key so the parsers behind the signature are
reached), forgeries with recomputed hashes and audit chain (signature kept, or made with a forger's key),
signature stripping or garbage, counter games (sequence values of every type and size, signed by the
county, a forger or nobody), clock games (exported_at in year 1, 9999, the future, malformed) and county
name games (other city's counties, spaces, zero-width and full-width spellings).

Every case must import correctly or be refused with a Chinese message (an InputError) and leave the
database and the attachment store byte-for-byte unchanged; any other exception is a failure and is
shrunk and printed by hypothesis. Not part of CI's time budget (CI runs tests/exchange/test_fuzz.py).

Run: `python benchmarks/fuzz_bundles.py --cases 10000 [--sheet-cases 2000] [--seed N]`.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from tests.exchange.fuzzing import BundleLab, Outcomes, SheetLab, bundle_case, sheet_case  # noqa: E402


def _settings(cases: int) -> settings:
    return settings(
        max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck), print_blob=True
    )


def fuzz_bundles(folder: Path, cases: int, seed_no: int) -> Outcomes:
    lab = BundleLab(folder / "bundles")
    outcomes = Outcomes()

    @seed(seed_no)
    @_settings(cases)
    @given(case=bundle_case(lab))
    def one(case: Path) -> None:
        lab.run(case, outcomes)
        if outcomes.total() % 500 == 0:  # a long run shows where it is (and what it found so far)
            print(f"  … {outcomes.total()} bundle cases: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.counts.items())), flush=True)

    one()
    return outcomes


def fuzz_sheets(folder: Path, cases: int, seed_no: int) -> Outcomes:
    lab = SheetLab(folder / "sheets")
    outcomes = Outcomes()

    @seed(seed_no)
    @_settings(cases)
    @given(case=sheet_case(lab))
    def one(case: tuple[Path, bool]) -> None:
        lab.run(case[0], outcomes, case[1])

    one()
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="mutated bundles")
    parser.add_argument("--sheet-cases", type=int, default=2_000, help="mutated intake workbooks")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # pypdf complains about the broken PDFs it is handed, by design
    with tempfile.TemporaryDirectory(prefix="gdiiot-fuzz-") as tmp:
        folder = Path(tmp)
        for label, run, cases in (("bundles", fuzz_bundles, args.cases), ("intake sheets", fuzz_sheets, args.sheet_cases)):
            if cases <= 0:
                continue
            start = time.perf_counter()
            outcomes = run(folder, cases, args.seed)
            took = time.perf_counter() - start
            print(f"{label} (seed {args.seed}): {outcomes.total()} cases in {took:.0f} s — " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.counts.items())))
            print("  refusals by error type: " + ", ".join(f"{k} {v}" for k, v in outcomes.messages.most_common()))
            if outcomes.by_mode:
                print("  by kind of case: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.by_mode.items())))
    print("no crash, no traceback, nothing half-written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
