"""The disc's folder tree: project folders in priority order, index.html linking every file,
manifest.json and SHA256SUMS agreeing with the files; capacity and splitting by whole projects."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import pytest

from gdiiot_desktop.services.exports import (
    CapacityError,
    ExportKind,
    ExportRequest,
    Medium,
    run_export,
    verify,
)
from gdiiot_desktop.services.exports import capacity as cap
from gdiiot_desktop.services.exports.capacity import Unit, plan_discs
from gdiiot_desktop.services.exports.names import (
    CLASS_MAX,
    FILE_MAX,
    JOLIET_MAX,
    MARK,
    PATH_MAX,
    PROJECT_MAX,
    fits_windows_path,
    joliet_names,
    package_file,
    project_folder,
    safe_name,
    shorten,
    unique_name,
    utf16_units,
)
from tests.exports.builders import City
from tests.exports.conftest import Exported


def test_tree_layout(exported: Exported) -> None:
    disc = exported.out / "光盘"
    top = sorted(p.name for p in disc.iterdir())
    assert top == [
        "00_推荐项目汇总表", "01_基于5G的陶瓷智能工厂建设", "02_=HYPERLINK(_http___x_)精密机械设备预测性维护",
        "03_有色金属行业工业互联网平台", "SHA256SUMS", "index.html", "manifest.json", "说明.txt",
    ]  # fmt: skip
    first = disc / "01_基于5G的陶瓷智能工厂建设"
    assert (first / "申报材料（打印版）.pdf").is_file()
    assert (first / "01_申报书" / "项目申报书.pdf").is_file()
    assert len(list((first / "02_财务审计报告").iterdir())) == 3
    assert (first / "10_视频" / "项目视频.mp4").is_file()
    assert (first / "09_其他" / "项目介绍.docx").is_file()  # Word files go on the disc as they are
    assert sorted(p.name for p in (disc / "00_推荐项目汇总表").iterdir()) == [
        "2023年工业互联网试点示范推荐项目汇总表.pdf", "2023年工业互联网试点示范推荐项目汇总表.xlsx", "报送清单.pdf",
        "推荐函.docx", "推荐函.pdf",
    ]  # fmt: skip
    assert not [p for p in exported.out.rglob(".~*")]  # no staging or temporary files left


def test_manifest_and_sums_match_the_files(exported: Exported) -> None:
    disc = exported.out / "光盘"
    manifest = json.loads((disc / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["snapshot_id"] == exported.result.snapshot.id
    assert manifest["part_label"] == "第1张/共1张"
    assert [p["priority"] for p in manifest["projects"]] == [1, 2, 3]
    on_disc = {p.relative_to(disc).as_posix() for p in disc.rglob("*") if p.is_file()}
    assert {f["path"] for f in manifest["files"]} == on_disc - {"manifest.json", "SHA256SUMS"}
    for f in manifest["files"]:
        data = (disc / f["path"]).read_bytes()
        assert len(data) == f["size"] and hashlib.sha256(data).hexdigest() == f["sha256"]
    sums = dict(reversed(line.split("  ", 1)) for line in (disc / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert sums["manifest.json"] == hashlib.sha256((disc / "manifest.json").read_bytes()).hexdigest()
    assert len(sums) == len(manifest["files"]) + 1


def test_index_html_links_every_file_relatively(exported: Exported) -> None:
    disc = exported.out / "光盘"
    page = (disc / "index.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page and "<script" not in page
    assert exported.result.snapshot.id in page and "第1张/共1张" in page
    links = {unquote(h) for h in re.findall(r'href="([^"]+)"', page)}
    assert all(not h.startswith(("/", "http", "file:")) for h in links)
    assert all((disc / h).is_file() for h in links)
    files = {p.relative_to(disc).as_posix() for p in disc.rglob("*") if p.is_file()} - {"index.html"}
    assert files <= links
    assert "&lt;" not in page or "=HYPERLINK" in page  # user text escaped, not markup


def test_names_are_shortened_with_a_visible_marker() -> None:
    long = "基于工业互联网平台的" * 10 + ".pdf"
    name = safe_name(long)  # a file on the disc: at most FILE_MAX units, the cut marked
    assert name.endswith("….pdf") and utf16_units(name) == FILE_MAX
    joliet = shorten(name, JOLIET_MAX)
    assert joliet.endswith("….pdf") and utf16_units(joliet) == JOLIET_MAX and joliet.startswith("基于工业互联网平台的")
    assert safe_name("短名称.pdf") == "短名称.pdf"  # what fits is never touched
    assert safe_name('a:b*c?"d<e>f|g;.PDF') == "a_b_c__d_e_f_g_.PDF"
    assert safe_name("CON.txt") == "_CON.txt" and safe_name("  . ") == "文件"
    taken: set[str] = set()
    assert [unique_name("报告.pdf", taken) for _ in range(3)] == ["报告.pdf", "报告~2.pdf", "报告~3.pdf"]
    assert unique_name("A.PDF", {"a.pdf"}) == "A~2.PDF"
    # Two long names that agree in their first 62 units stay apart in Joliet.
    a, b = "甲" * 70 + "一", "甲" * 70 + "二"
    names = joliet_names([a, b])
    assert names[a] == "甲" * 63 + MARK and names[b] == "甲" * 61 + MARK + "~2"
    assert all(utf16_units(n) <= JOLIET_MAX for n in names.values())
    # An emoji is two UTF-16 units and is never cut in half.
    assert shorten("😀" * 40, JOLIET_MAX) == "😀" * 31 + MARK
    # Paper and disc agree: the package PDF is named after the project's folder.
    assert package_file(3, "项" * 100) == project_folder(3, "项" * 100) + ".pdf"
    assert utf16_units(project_folder(3, "项" * 100)) == PROJECT_MAX


def test_every_disc_path_fits_windows_max_path_from_a_typical_base() -> None:
    longest = f"{project_folder(99, '项' * 200)}/{shorten('长' * 40, CLASS_MAX)}/{safe_name('文' * 300 + '.pdf')}"
    assert utf16_units(longest) <= PATH_MAX and fits_windows_path(longest)
    assert not fits_windows_path("长" * 300)


def test_plan_splits_whole_projects_in_priority_order() -> None:
    mb = 1024 * 1024
    units = [Unit(1, "甲", 300 * mb), Unit(2, "乙", 300 * mb), Unit(3, "丙", 300 * mb)]
    plan = plan_discs(10 * mb, units, Medium.CD)
    assert plan.medium is Medium.CD and [[u.priority for u in p.units] for p in plan.parts] == [[1, 2], [3]]
    assert plan_discs(10 * mb, units).medium is Medium.DVD  # auto: the smallest that holds all on one
    huge = [Unit(1, "大项目", 9 * 1024 * mb)]
    with pytest.raises(CapacityError, match="大项目"):
        plan_discs(10 * mb, huge, Medium.DVD_DL)
    assert "CD（700 MB）：2 张" in cap.describe(10 * mb, units, plan)


def test_export_split_across_discs(city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A "CD" that holds the summary folder and about one project makes the split visible.
    monkeypatch.setitem(cap._CAPACITY, Medium.CD, 3 * 1024 * 1024 + 600 * 1024)
    result = run_export(
        city.ws, ExportRequest(frozenset({ExportKind.DISC, ExportKind.ISO}), tmp_path / "out", medium=Medium.CD),
        now=datetime(2023, 11, 28, 10),
    )
    parts = len(result.discs)
    assert parts >= 2 and [d.folder.name for d in result.discs] == [f"光盘{i}" for i in range(1, parts + 1)]
    held = []
    for i, disc in enumerate(result.discs, 1):
        manifest = json.loads((disc.folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["part"] == i and manifest["part_label"] == f"第{i}张/共{parts}张"
        assert (disc.folder / "00_推荐项目汇总表").is_dir()  # every disc carries the summary table
        mine = [p["priority"] for p in manifest["projects"] if p["part"] == i]
        held += mine
        page = (disc.folder / "index.html").read_text(encoding="utf-8")
        assert f"第{i}张/共{parts}张" in page
        others = [p for p in manifest["projects"] if p["part"] != i]
        assert all(f"见第{p['part']}张光盘" in page for p in others)
    assert held == [1, 2, 3]  # whole projects, in priority order
    assert [i.path.name.endswith(f"第{n}张共{parts}张.iso") for n, i in enumerate(result.isos, 1)] == [True] * parts
    assert all(verify(i.path).ok for i in result.isos)
