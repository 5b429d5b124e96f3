"""Peak memory of refusing hostile files, end to end through the `gdiiot` command.

Each case is a crafted file fed to the real command (`import-xlsx` for sheets, `bundle import --trust`
for bundles) in a fresh Python process; the child prints its peak RSS (VmHWM), the exit code,
the time and the first line of what it said. Target: every case under 300 MB, refused with a clear
Chinese message (exit 2) — or, for the ordinary cases that head the table, imported (exit 0).

Sheets: a 675 KB .xlsx holding one row of 6 million cells (issue 10) and larger or other shapes
(a million rows, 5 million cells, 2 million shared strings, a million styles, one 90 MB cell,
deep nesting, entity expansion). Bundles: a bundle whose applications.json inflates to 249 MB,
deep nesting in applications.json and in an audit entry's details, and huge integers — signed
with the county's own key and its hashes made to fit, so they reach the JSON parser (an insider's
or a stolen key: what lies behind the signature). The bundle-side parsing is measured in more
shapes by `bench_bundle_memory.py`.

Run: `python benchmarks/bench_hostile.py [--only NAME] [--folder DIR]`. Needs about 1 GB of disk.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MB = 1024 * 1024
CITY = "佛山"
COUNTY = "南海区"
TARGET_MB = 300

Chunks = Callable[[], Iterator[bytes]]


# ---------------------------------------------------------------------------------------
# Sheets
# ---------------------------------------------------------------------------------------

HEADERS = ["序号", "县区", "项目名称", "申报单位", "统一社会信用代码", "单位类型", "是否中央企业", "注册地",
           "是否独立法人", "试点示范类别", "具体方向", "建设状态", "曾列入试点示范年份", "创新发展工程验收",
           "已通过其他渠道推荐", "联系人", "手机", "邮箱", "视频文件", "申报书文件", "推荐顺序"]  # fmt: skip


def good_values(i: int) -> list[object]:
    return [i, "南海区", f"智能工厂项目{i}", f"佛山某某制造有限公司{i}", "", "工业企业", "否", "佛山", "是",
            "工厂类", "5G工厂", "已建成", None, "不涉及", "否", "张伟", "13800138000", "zw@example.com",
            None, None, None]  # fmt: skip


def base_workbook(path: Path, rows: int) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "申报项目"
    ws.append(HEADERS)
    for i in range(1, rows + 1):
        ws.append(good_values(i))
    wb.save(path)
    return path


def repacked(path: Path, replaced: dict[str, Chunks], added_types: str = "") -> Path:
    """`path` with members streamed from generators (nothing large held in memory here either)."""
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    if added_types:
        members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
            b"</Types>", added_types.encode() + b"</Types>"
        )
    out = path.with_name(path.stem + "-crafted.xlsx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
        for name, data in members.items():
            if name in replaced:
                continue
            z.writestr(name, data)
        for name, chunks in replaced.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=True) as handle:
                for chunk in chunks():
                    handle.write(chunk)
    return out


SHEET_HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b"</sheetData></worksheet>"
HEADER_ROW = (
    b'<row r="1">'
    + b"".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>'.encode() for h in HEADERS)
    + b"</row>"
)


def sheet_xml(body: Callable[[], Iterator[bytes]]) -> Chunks:
    def chunks() -> Iterator[bytes]:
        yield SHEET_HEAD + HEADER_ROW
        yield from body()
        yield SHEET_TAIL

    return chunks


def repeated(unit: bytes, count: int, prefix: bytes = b"", suffix: bytes = b"") -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield prefix
        block = unit * 10_000
        for _ in range(count // 10_000):
            yield block
        yield unit * (count % 10_000)
        yield suffix

    return chunks


def rows_of(count: int, cells_per_row: int) -> Callable[[], Iterator[bytes]]:
    cell = b"<c><v>1</v></c>"

    def chunks() -> Iterator[bytes]:
        batch = []
        for r in range(2, count + 2):
            batch.append(f'<row r="{r}">'.encode() + cell * cells_per_row + b"</row>")
            if len(batch) == 1000:
                yield b"".join(batch)
                batch.clear()
        yield b"".join(batch)

    return chunks


def xlsx_cases(folder: Path) -> dict[str, Callable[[], Path]]:
    def base(rows: int = 0) -> Path:
        return base_workbook(folder / f"base-{rows}.xlsx", rows)

    sheet = "xl/worksheets/sheet1.xml"
    sst_type = (
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    return {
        "xlsx ordinary, 200 rows": lambda: base(200),
        "xlsx ordinary, 2000 rows": lambda: base(2000),
        "xlsx ordinary, 20,000 rows (the data-row cap)": lambda: base(20_000),
        "xlsx one row of 6 million cells": lambda: repacked(
            base(), {sheet: sheet_xml(repeated(b"<c><v>1</v></c>", 6_000_000, b'<row r="2">', b"</row>"))}
        ),
        "xlsx one row of 19 million cells": lambda: repacked(
            base(), {sheet: sheet_xml(repeated(b"<c><v>1</v></c>", 19_000_000, b'<row r="2">', b"</row>"))}
        ),
        "xlsx 1,048,575 rows of one cell": lambda: repacked(base(), {sheet: sheet_xml(rows_of(1_048_575, 1))}),
        "xlsx 50,000 rows x 100 cells": lambda: repacked(base(), {sheet: sheet_xml(rows_of(50_000, 100))}),
        "xlsx 2 million shared strings": lambda: repacked(
            base(1),
            {
                "xl/sharedStrings.xml": repeated(
                    b"<si><t>x</t></si>",
                    2_000_000,
                    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
                    b"</sst>",
                )
            },
            sst_type,
        ),
        "xlsx 499,999 distinct shared strings (just under the cap)": lambda: repacked(
            base(1),
            {
                "xl/sharedStrings.xml": lambda: iter(
                    [b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
                    + [
                        b"".join(f"<si><t>字符串{i}</t></si>".encode() for i in range(j, min(j + 100_000, 499_999)))
                        for j in range(0, 499_999, 100_000)
                    ]
                    + [b"</sst>"]
                )
            },
            sst_type,
        ),
        "xlsx styles with 1 million formats": lambda: repacked(
            base(1),
            {
                "xl/styles.xml": repeated(
                    b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',
                    1_000_000,
                    b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    b'<cellXfs count="1000000">',
                    b"</cellXfs></styleSheet>",
                )
            },
        ),
        "xlsx styles with 49,990 formats (just under the cap)": lambda: repacked(
            base(1),
            {
                "xl/styles.xml": repeated(
                    b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',
                    49_990,
                    b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    b'<cellXfs count="49990">',
                    b"</cellXfs></styleSheet>",
                )
            },
        ),
        "xlsx workbook rels with 99,990 entries (just under the cap)": lambda: repacked(
            base(1),
            {
                "xl/_rels/workbook.xml.rels": lambda: iter(
                    [
                        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        b'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                        b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        b'relationships/styles" Target="styles.xml"/>'
                        + b"".join(
                            f'<Relationship Id="rx{i}" Type="urn:x" Target="x{i}.xml"/>'.encode() for i in range(99_987)
                        )
                        + b"</Relationships>"
                    ]
                )
            },
        ),
        "xlsx one cell of 90 MB text": lambda: repacked(
            base(),
            {
                sheet: sheet_xml(
                    repeated(b"x" * 1000, 90_000, b'<row r="2"><c t="inlineStr"><is><t>', b"</t></is></c></row>")
                )
            },
        ),
        "xlsx nesting 1 million deep": lambda: repacked(
            base(),
            {
                sheet: sheet_xml(
                    lambda: iter(
                        [b'<row r="2"><c t="inlineStr"><is>', b"<r>" * 1_000_000, b"</r>" * 1_000_000, b"</is></c></row>"]
                    )
                )
            },
        ),
        "xlsx entity expansion (DOCTYPE)": lambda: repacked(
            base(1),
            {
                "xl/sharedStrings.xml": lambda: iter(
                    [
                        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
                        + b"".join(
                            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
                        )
                        + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&i;</t></si></sst>'
                    ]
                )
            },
            sst_type,
        ),
    }


# ---------------------------------------------------------------------------------------
# Bundles
# ---------------------------------------------------------------------------------------


class BundleKit:
    """A county database, its valid bundle, its signer, and a city database to import into."""

    def __init__(self, folder: Path) -> None:
        from gdiiot_desktop.demo import generate_applications
        from gdiiot_desktop.services import exchange
        from gdiiot_desktop.services.exchange.keys import office_signer
        from gdiiot_desktop.services.workspace import create_workspace
        from gdiiot_desktop.storage.exchange_repository import ExchangeRepository
        from gdiiot_desktop.storage.repository import ApplicationRepository

        self.folder = folder
        county = create_workspace(folder / "county.sqlite3", CITY)
        try:
            apps = generate_applications(county.campaign, CITY, 2, seed=7, counties=[COUNTY])
            with county.db.session() as session:
                repo = ApplicationRepository(session)
                for app in apps:
                    repo.save(replace(app, attachments=[]))
            self.valid = folder / "valid.gdiiot"
            exchange.export_county_bundle(county, self.valid)
            with county.db.session() as session:
                self.signer = office_signer(county, ExchangeRepository(session))
        finally:
            county.close()
        self.city = folder / "city.sqlite3"
        create_workspace(self.city, CITY).close()
        with zipfile.ZipFile(self.valid) as z:
            self.members = {i.filename: z.read(i) for i in z.infolist()}

    def crafted(self, name: str, replaced: dict[str, Chunks]) -> Path:
        """The valid bundle with members streamed from generators, hashes made to fit, signed again."""
        from gdiiot_desktop.services.exchange.trust import signature_json

        out = self.folder / f"{name}.gdiiot"
        manifest = json.loads(self.members["manifest.json"])
        entries = {m["name"]: m for m in manifest["members"]}
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
            for member, chunks in replaced.items():
                digest, size = hashlib.sha256(), 0
                info = zipfile.ZipInfo(member)
                info.compress_type = zipfile.ZIP_DEFLATED
                with z.open(info, "w", force_zip64=True) as handle:
                    for chunk in chunks():
                        digest.update(chunk)
                        size += len(chunk)
                        handle.write(chunk)
                entries[member] = {**entries.get(member, {}), "name": member, "size": size, "sha256": digest.hexdigest()}
            manifest["members"] = list(entries.values())
            manifest_bytes = json.dumps(manifest, ensure_ascii=False).encode()
            for member, data in self.members.items():
                if member in replaced or member in ("manifest.json", "signature.json"):
                    continue
                z.writestr(member, data)
            z.writestr("manifest.json", manifest_bytes)
            z.writestr("signature.json", json.dumps(signature_json(self.signer, manifest_bytes)))
        return out


def app_records(count: int) -> Callable[[], Iterator[bytes]]:
    """A JSON list of `count` application-shaped objects, about 250 bytes each."""

    def chunks() -> Iterator[bytes]:
        yield b"["
        for start in range(0, count, 10_000):
            yield b",".join(
                (
                    f'{{"uid":"{i:032x}","project_name":"智能工厂项目{i}","county":"南海区","status":"registered",'
                    f'"applicant":{{"name":"佛山某某制造有限公司{i}","uscc":""}},"contact":{{"name":"张伟"}},'
                    '"attachments":[]}'
                ).encode()
                for i in range(start, min(start + 10_000, count))
            ) + (b"," if start + 10_000 < count else b"")
        yield b"]"

    return chunks


def jittered(bracket: str, count: int) -> str:
    """`count` brackets with random whitespace between them: nesting that does not compress to nothing
    (the zip's ratio check would refuse it before the parser saw it)."""
    rng = random.Random(count)
    return "".join(bracket + rng.choice(" \t\r\n") * rng.randint(0, 3) for _ in range(count))


def random_digits(count: int) -> bytes:
    rng = random.Random(count)
    return b"9" + bytes(rng.choice(b"0123456789") for _ in range(count - 1))


def bundle_cases(folder: Path) -> dict[str, Callable[[], Path]]:
    kit: list[BundleKit] = []

    def k() -> BundleKit:
        if not kit:
            kit.append(BundleKit(folder / "bundles"))
        return kit[0]

    deep = 1_000_000

    def audit_deep() -> Iterator[bytes]:
        # the county's own audit log, its last entry's details nested 200,000 deep
        entries = json.loads(k().members["audit.json"])
        entries[-1]["details"] = jittered("[", 200_000) + jittered("]", 200_000)
        yield json.dumps(entries, ensure_ascii=False).encode()
    return {
        "bundle ordinary (signed by the county)": lambda: k().valid,
        "bundle applications.json inflating to 249 MB": lambda: k().crafted(
            "inflate", {"applications.json": app_records(1_000_000)}
        ),
        "bundle applications.json nested 1 million deep": lambda: k().crafted(
            "deep", {"applications.json": lambda: iter([jittered("[", deep).encode(), jittered("]", deep).encode()])}
        ),
        "bundle audit details nested 200,000 deep": lambda: k().crafted("audit-deep", {"audit.json": audit_deep}),
        "bundle a 5,000-digit integer": lambda: k().crafted(
            "int5000", {"applications.json": lambda: iter([b'[{"pages":' + b"9" * 5000 + b"}]"])}
        ),
        "bundle a 20-million-digit integer": lambda: k().crafted(
            "int20m", {"applications.json": lambda: iter([b'[{"pages":', random_digits(20_000_000), b"}]"])}
        ),
    }


# ---------------------------------------------------------------------------------------
# Running a case in a fresh process
# ---------------------------------------------------------------------------------------


def child(argv: list[str]) -> int:
    """Run one `gdiiot` command here and print {peak RSS, exit code, seconds, first message line}."""
    import contextlib
    import io

    from gdiiot_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except MemoryError:
        code = -1
        err.write("MemoryError")
    except BaseException as exc:  # noqa: BLE001 - a benchmark reports whatever ended the run
        code = -2
        err.write(f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - started
    peak_kb = peak_rss_kb()
    text = (err.getvalue() or out.getvalue()).strip().splitlines()
    message = " / ".join(line.strip(" -") for line in text[:2] if line.strip())
    print(json.dumps({"rss_mb": peak_kb / 1024, "code": code, "seconds": seconds, "message": message}, ensure_ascii=False))
    return 0


def peak_rss_kb() -> int:
    """This process's own peak RSS. Linux's VmHWM belongs to the address space made at exec; getrusage's
    ru_maxrss is kept across fork and exec, so a child would report its parent's size when that was larger."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(argv: list[str], limit_mb: int) -> dict[str, object]:
    """The child under an address-space limit, so a case that would take gigabytes fails fast instead."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb * MB, limit_mb * MB))

    done = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(argv)],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=1800,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"rss_mb": float("nan"), "code": "crash", "seconds": float("nan"), "message": tail}
    result: dict[str, object] = json.loads(lines[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this text")
    parser.add_argument("--folder", type=Path, help="where to build the files (default: a temporary folder)")
    parser.add_argument("--limit-mb", type=int, default=3000, help="address-space limit of each child")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(json.loads(args.child))
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        folder = Path(tmp)
        (folder / "bundles").mkdir()
        cases = {**xlsx_cases(folder), **bundle_cases(folder)}
        print(f"{'case':<50} {'file':>10} {'peak RSS':>10} {'exit':>5} {'time':>7}  message")
        worst = 0.0
        for name, build in cases.items():
            if args.only and args.only not in name:
                continue
            path = build()
            if name.startswith("xlsx"):
                db = folder / "city-xlsx.sqlite3"
                if not db.exists():
                    from gdiiot_desktop.services.workspace import create_workspace

                    create_workspace(db, CITY).close()
                work = folder / "work.sqlite3"
                work.write_bytes(db.read_bytes())
                argv = ["--db", str(work), "import-xlsx", str(path)]
            else:
                from gdiiot_desktop.services.exchange.keys import fingerprint_digits

                work = folder / "work-city.sqlite3"
                kit_city = folder / "bundles" / "city.sqlite3"
                work.write_bytes(kit_city.read_bytes())
                fp = fingerprint_digits(bundle_signer_public(folder))
                argv = ["--db", str(work), "bundle", "import", str(path), "--trust", fp]
            for side in work.parent.glob(work.name + "-*"):
                side.unlink()
            result = measure(argv, args.limit_mb)
            rss = float(result["rss_mb"])  # type: ignore[arg-type]
            worst = max(worst, rss) if rss == rss else float("inf")
            size = path.stat().st_size
            shown = f"{size / MB:.1f} MB" if size >= MB else f"{size / 1024:.0f} KB"
            print(
                f"{name:<50} {shown:>10} {rss:>7.0f} MB {result['code']!s:>5} {float(result['seconds']):>6.1f}s"  # type: ignore[arg-type]
                f"  {str(result['message'])[:150]}",
                flush=True,
            )
        verdict = "within" if worst < TARGET_MB else "OVER"
        print(f"\nworst peak RSS {worst:.0f} MB: {verdict} the {TARGET_MB} MB target")
    return 0


def bundle_signer_public(folder: Path) -> bytes:
    """The public key of the kit's county, read from its bundle's signature member."""
    with zipfile.ZipFile(folder / "bundles" / "valid.gdiiot") as z:
        return bytes.fromhex(json.loads(z.read("signature.json"))["public_key"])


if __name__ == "__main__":
    raise SystemExit(main())
