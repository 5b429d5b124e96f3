"""Peak memory of reading hostile bundle JSON members: each case runs in a fresh process that opens a
crafted bundle, checks its members (zipsafe.check_members) and reads each JSON list member the way an
import does (exchange.jsonio.read_list_member: hash pass, then element-by-element parse under the caps).
Prints the outcome (the Chinese refusal, or how many elements were kept) and the child's peak RSS.
Target: every case under 300 MB, refused with a message or read within the caps.

Run: `python benchmarks/bench_bundle_memory.py [--folder DIR] [--only NAME]`.
Needs about 1 GB of free disk for the crafted files (most are small: they are deflated).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gdiiot_desktop.services.exchange import format as fmt  # noqa: E402

MB = 1024 * 1024


def _member_zip(path: Path, name: str, chunks: Callable[[], Iterator[bytes]]) -> Path:
    """A zip holding one deflated member written from `chunks`, plus a manifest listing its hash."""
    digest, size = hashlib.sha256(), 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as out:
            for chunk in chunks():
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        z.writestr(
            "manifest.json",
            json.dumps({"members": [{"name": name, "size": size, "sha256": digest.hexdigest()}]}),
        )
    return path


def _list_of(element: bytes, count: int) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield b"["
        for i in range(count):
            yield (b"," if i else b"") + element
        yield b"]"

    return chunks


def _lie_about_size(path: Path, name: str, declared: int) -> Path:
    """Rewrite the member's uncompressed size in its headers (zip64 extra, central directory): the
    stream inflates to more than declared."""
    with zipfile.ZipFile(path) as z:
        real = z.getinfo(name).file_size
    data = path.read_bytes()
    for width in (8, 4):
        data = data.replace(real.to_bytes(width, "little"), declared.to_bytes(width, "little"))
    path.write_bytes(data)
    with zipfile.ZipFile(path) as z:
        assert z.getinfo(name).file_size == declared
    return path


_RNG = random.Random(10)


def _text(chars: int, char: str) -> str:
    """`chars` characters that deflate about 60:1, like the issue's 3.8 MB → 249 MB member (runs of
    one character broken by a few random letters; pure runs would be caught by the ratio check)."""
    block = 1000
    parts = []
    for start in range(0, chars, block):
        n = min(block, chars - start)
        noise = "".join(_RNG.choices(string.ascii_letters, k=min(16, n)))
        parts.append(noise + char * (n - len(noise)))
    return "".join(parts)


def _small_objects(count: int) -> Callable[[], Iterator[bytes]]:
    """[{"k":"<8 random letters>"}, …]: too little repetition for the ratio check to catch."""

    def chunks() -> Iterator[bytes]:
        yield b"["
        for start in range(0, count, 10_000):
            items = (f'{{"k":"{"".join(_RNG.choices(string.ascii_letters, k=8))}"}}' for _ in range(10_000))
            yield (b"," if start else b"") + ",".join(items).encode()
        yield b"]"

    return chunks


def _nested(depth: int) -> Callable[[], Iterator[bytes]]:
    """Brackets `depth` deep, with random whitespace between them (so they do not deflate 1000:1)."""

    def chunks() -> Iterator[bytes]:
        for bracket in (b"[", b"]"):
            for _ in range(0, depth, 100_000):
                yield b"".join(
                    bracket + _RNG.choice((b" ", b"\t", b"\n", b"\r", b"")) for _ in range(100_000)
                )

    return chunks


def _element(chars: int, char: str = "中") -> bytes:
    return json.dumps({"note": _text(chars, char)}, ensure_ascii=False).encode()


CASES: dict[str, Callable[[Path], Path]] = {
    # The case: a few MB that inflate to 249 MB (declared honestly): refused at the cap before reading.
    "inflates_to_249MB": lambda d: _member_zip(
        d / "a.gdiiot", fmt.APPLICATIONS, _list_of(_element(400_000, "x"), 620)
    ),
    # The same stream with its size understated to fit under the cap: stopped where the declared size ends.
    "understated_size": lambda d: _lie_about_size(
        _member_zip(d / "b.gdiiot", fmt.APPLICATIONS, _list_of(_element(400_000, "x"), 620)),
        fmt.APPLICATIONS,
        100 * MB,
    ),
    # One element larger than an application can be: refused as soon as it passes its cap.
    "one_huge_element": lambda d: _member_zip(
        d / "c.gdiiot", fmt.APPLICATIONS, _list_of(_element(40_000_000, "x"), 1)
    ),
    # Within every cap: 200 elements at the largest size an application may have, in 4-byte characters.
    "largest_allowed_astral": lambda d: _member_zip(
        d / "d.gdiiot",
        fmt.APPLICATIONS,
        _list_of(_element(fmt.MAX_APPLICATION_BYTES // 4 - 20, "😀"), fmt.MAX_APPLICATIONS),
    ),
    # Within every cap, in Chinese characters (3 bytes in the file, 2 in memory).
    "largest_allowed_cjk": lambda d: _member_zip(
        d / "e.gdiiot",
        fmt.APPLICATIONS,
        _list_of(_element(fmt.MAX_APPLICATION_BYTES // 3 - 20), fmt.MAX_APPLICATIONS),
    ),
    # Many tiny objects (each a dict in memory): refused at the count cap.
    "millions_of_small_objects": lambda d: _member_zip(
        d / "f.gdiiot", fmt.APPLICATIONS, _small_objects(5_000_000)
    ),
    # Nesting 10 million deep: refused by depth without recursion.
    "nested_10M_deep": lambda d: _member_zip(d / "g.gdiiot", fmt.APPLICATIONS, _nested(10_000_000)),
    # Audit log at its cap with small entries (200,000 of them).
    "audit_at_its_cap": lambda d: _member_zip(
        d / "h.gdiiot",
        fmt.AUDIT,
        _list_of(_element(fmt.MAX_AUDIT_BYTES // fmt.MAX_AUDIT_ENTRIES - 20, "x"), fmt.MAX_AUDIT_ENTRIES),
    ),
    # Special-fund bundles (fund_applications.json, caps from the fund registry): within every cap, and one
    # element past its cap.
    "fund_largest_allowed_astral": lambda d: _member_zip(
        d / "j.gdiiot",
        fmt.FUND_APPLICATIONS,
        _list_of(_element(fmt.MAX_FUND_APPLICATION_BYTES // 4 - 20, "😀"), fmt.MAX_APPLICATIONS),
    ),
    "fund_one_huge_element": lambda d: _member_zip(
        d / "k.gdiiot", fmt.FUND_APPLICATIONS, _list_of(_element(40_000_000, "x"), 1)
    ),
    "fund_element_past_its_cap": lambda d: _member_zip(
        d / "m.gdiiot", fmt.FUND_APPLICATIONS, _list_of(_element(fmt.MAX_FUND_APPLICATION_BYTES + 1000, "x"), 1)
    ),
    "fund_inflates_to_249MB": lambda d: _member_zip(
        d / "l.gdiiot", fmt.FUND_APPLICATIONS, _list_of(_element(400_000, "x"), 620)
    ),
    # A 5,000-digit integer.
    "5000_digit_integer": lambda d: _member_zip(d / "i.gdiiot", fmt.APPLICATIONS, _list_of(b"9" * 5000, 1)),
}


def _peak_mb() -> float:
    """This process's peak RSS since exec (VmHWM; ru_maxrss would carry the parent's peak across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: Path) -> None:
    """Read the crafted bundle's JSON list members as an import does; print the outcome and peak RSS."""
    from gdiiot_desktop.services.errors import InputError
    from gdiiot_desktop.services.exchange.jsonio import read_list_member
    from gdiiot_desktop.services.exchange.zipsafe import check_members, open_zip

    started = time.perf_counter()
    try:
        with open_zip(path) as archive:
            infos = check_members(archive, path)
            manifest = json.loads(archive.read("manifest.json"))
            kept = 0
            for entry in manifest["members"]:
                node = read_list_member(archive, infos[entry["name"]], entry["sha256"], path)
                kept += len(node.value)
        outcome = f"read, {kept} elements kept"
    except InputError as exc:
        outcome = f"refused: {exc.message[:90]}"
    peak = _peak_mb()
    print(
        json.dumps(
            {
                "outcome": outcome,
                "peak_mb": round(peak, 1),
                "seconds": round(time.perf_counter() - started, 2),
            },
            ensure_ascii=False,
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--only")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        folder = Path(tmp)
        worst = 0.0
        for name, make in CASES.items():
            if args.only and name != args.only:
                continue
            path = make(folder)
            run = subprocess.run(
                [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=False
            )
            if run.returncode != 0:
                print(f"{name:28} CRASHED\n{run.stderr}")
                return 1
            result = json.loads(run.stdout.strip().splitlines()[-1])
            worst = max(worst, result["peak_mb"])
            size = path.stat().st_size / MB
            print(
                f"{name:28} file {size:8.1f} MB  peak RSS {result['peak_mb']:7.1f} MB  {result['seconds']:6.2f} s  {result['outcome']}"
            )
            path.unlink()
        print(f"worst peak RSS {worst:.1f} MB (target < 300 MB)")
        return 0 if worst < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
