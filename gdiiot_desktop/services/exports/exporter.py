"""One export run: freeze (or reuse) a snapshot, make what was asked for from it, record the run.

Output folder layout:
    推荐函/   推荐函.docx (to adjust and stamp) and 推荐函.pdf
    汇总表/   2023年…汇总表.xlsx and .pdf
    纸质材料/ 01_项目名称.pdf … (one package per project, priority order) and 报送清单.pdf
    光盘/     the disc's tree (光盘1, 光盘2 … when split)
    *.iso     one image per disc
Parts that another part needs but were not asked for (the disc needs the table and the packages)
are made in a hidden staging folder and removed at the end.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from pypdf import PdfReader

from ...storage.snapshot_repository import ExportRun, add_export_run
from ..checks import check_workspace
from ..document_settings import export_fonts
from ..pdf.fonts import active_fonts
from ..progress import ProgressFn, no_progress
from ..workspace import Workspace
from . import summary_data
from .capacity import DiscPlan, Medium, Unit, describe, options
from .disc import DiscResult, ProjectLayout, common_size, layout_projects, plan, replace_folder, write_discs
from .errors import ExportError
from .explanations import missing_at_export, record_explanations, refuse_unexplained
from .iso import IsoResult, build_iso, volume_id
from .letter_files import LETTER_FOLDER, checked_text, draft_text, letter_of, write_letter
from .names import fits_windows_path, package_file, utf16_units
from .package import PackageResult, build_package
from .snapshot import Preflight, Snapshot, blocked_error, freeze, load_snapshot, preflight
from .summary_pdf import write_summary_pdf
from .summary_template import fill_template
from .summary_xlsx import write_summary_xlsx
from .template_pdf import write_template_pdf
from .transmittal import write_transmittal
from .verify import VerifyReport, verify

TABLE_FOLDER, PAPER_FOLDER = "汇总表", "纸质材料"
WINDOWS_PATHS = os.name == "nt"  # check MAX_PATH before copying (tests set it on Linux)
TRANSMITTAL_NAME = "报送清单.pdf"


class ExportKind(StrEnum):
    TABLE = "table"
    PACKAGE = "package"
    DISC = "disc"
    ISO = "iso"

    @property
    def label(self) -> str:
        return {"table": "汇总表", "package": "纸质材料", "disc": "光盘文件夹", "iso": "光盘镜像（ISO）"}[self.value]


@dataclass(frozen=True)
class ExportRequest:
    kinds: frozenset[ExportKind]
    out_dir: Path
    medium: Medium | None = None  # None: the smallest medium that holds everything on one disc
    snapshot_id: str | None = None  # None: freeze now (or reuse today's identical snapshot)
    template: Path | None = None  # the official summary-table template (.xlsx) to fill
    verify_iso: bool = True  # re-read each ISO against its manifest once written
    letter_text: str | None = None  # the recommendation letter's wording as edited (None: the proposed one)
    explanations: tuple[tuple[int, str], ...] = ()  # (application id, why required materials are missing)


@dataclass
class ExportResult:
    snapshot: Snapshot
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    letter: list[Path] = field(default_factory=list)  # 推荐函.docx and .pdf
    warnings: list[str] = field(default_factory=list)
    late: str | None = None
    packages: list[PackageResult] = field(default_factory=list)
    disc_plan: DiscPlan | None = None
    capacity: str | None = None
    discs: list[DiscResult] = field(default_factory=list)
    isos: list[IsoResult] = field(default_factory=list)
    verified: list[VerifyReport] = field(default_factory=list)


class _Meter:
    """Maps each phase's own progress onto one 0–1000 scale."""

    SCALE = 1000

    def __init__(self, progress: ProgressFn, weights: dict[str, float]) -> None:
        self.progress = progress
        total = sum(weights.values()) or 1.0
        self.spans: dict[str, tuple[float, float]] = {}
        start = 0.0
        for name, weight in weights.items():
            self.spans[name] = (start, weight / total)
            start += weight / total

    def report(self, phase: str, fraction: float, text: str) -> None:
        start, width = self.spans.get(phase, (0.0, 0.0))
        done = int(self.SCALE * (start + width * max(0.0, min(1.0, fraction))))
        self.progress(done, self.SCALE, text)


def run_export(
    ws: Workspace, request: ExportRequest, now: datetime | None = None, progress: ProgressFn | None = None
) -> ExportResult:
    """Make the requested outputs; raises a typed ExportError (nothing half-written) when refused."""
    if progress is not None:  # a cancel made before the work started stops here, before the font search
        progress(0, _Meter.SCALE, "正在准备导出…")
    with active_fonts(export_fonts(ws)):  # the fonts found on this machine now, by role
        return _run_export(ws, request, now, progress)


def _run_export(
    ws: Workspace, request: ExportRequest, now: datetime | None = None, progress: ProgressFn | None = None
) -> ExportResult:
    now = now or datetime.now()
    kinds = request.kinds
    if not kinds:
        raise ExportError("请至少选择一项要导出的内容（汇总表、纸质材料、光盘文件夹或光盘镜像）。")
    disc_wanted = bool(kinds & {ExportKind.DISC, ExportKind.ISO})
    meter = _Meter(
        progress or no_progress,
        {
            "freeze": 1,
            "table": 1,
            "package": 4 if (ExportKind.PACKAGE in kinds or disc_wanted) else 0,
            "disc": 4 if disc_wanted else 0,
            "iso": 4 if ExportKind.ISO in kinds else 0,
            "verify": 3 if ExportKind.ISO in kinds and request.verify_iso else 0,
        },
    )
    meter.report("freeze", 0, "正在检查并冻结推荐快照…")
    if request.explanations:
        record_explanations(ws, dict(request.explanations))
    snapshot, warnings, late = _snapshot(ws, request, now)
    result = ExportResult(snapshot, request.out_dir, warnings=warnings, late=late)
    out = request.out_dir
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".~", dir=out))  # short: Windows paths are bounded
    except OSError as exc:
        raise ExportError(f"无法在输出文件夹中写入：{out}（{exc.strerror or exc}）。请换一个文件夹，或检查它是否只读。") from exc
    watched = _Watched(meter)
    try:
        _build(ws, request, snapshot, result, staging, watched, late)
        _publish(staging, out, result)
    except watched.raised_by_progress:
        raise  # the user cancelled (or the caller stopped us): nothing is published
    except ExportError:
        raise
    except OSError as exc:
        reason = "磁盘空间不足" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        raise ExportError(
            f"{watched.phase_text}时无法写入输出文件夹（{reason}），导出已撤销，没有留下本次导出的任何文件。"
            "请检查磁盘空间和写入权限，或换一个输出文件夹。",
            [f"{type(exc).__name__}：{exc}"],
        ) from exc
    except Exception as exc:
        raise ExportError(
            f"{watched.phase_text}时出错，导出已撤销，输出文件夹中没有留下本次导出的任何文件。"
            "请把详细信息告知技术支持；修改有关项目的内容后可再次导出。",
            [f"{type(exc).__name__}：{exc}"],
        ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _record(ws, request, result, now)
    meter.report("verify", 1, "导出完成")
    return result


class _Watched:
    """The meter, remembering the phase under way (for the message) and telling the caller's own
    exceptions (a cancel raised from `progress`) apart from failures of the export.
    """

    class _NotRaisedError(Exception):
        pass

    def __init__(self, meter: _Meter) -> None:
        self.meter = meter
        self.phase_text = "导出"
        self.raised_by_progress: type[BaseException] = _Watched._NotRaisedError

    def report(self, phase: str, fraction: float, text: str) -> None:
        self.phase_text = _PHASES.get(phase, "导出")
        try:
            self.meter.report(phase, fraction, text)
        except BaseException as exc:
            self.raised_by_progress = type(exc)
            raise


_PHASES = {
    "freeze": "冻结推荐快照",
    "table": "生成推荐项目汇总表",
    "package": "生成纸质材料",
    "disc": "生成光盘文件夹",
    "iso": "生成光盘镜像",
    "verify": "校验光盘镜像",
}


def _build(
    ws: Workspace,
    request: ExportRequest,
    snapshot: Snapshot,
    result: ExportResult,
    staging: Path,
    meter: _Watched,
    late: str | None,
) -> None:
    """Make everything asked for under `staging` (same layout as the output folder)."""
    kinds = request.kinds
    disc_wanted = bool(kinds & {ExportKind.DISC, ExportKind.ISO})
    campaign = ws.campaign
    meter.report("table", 0, "正在生成推荐项目汇总表…")
    xlsx, pdf = _table(ws, snapshot, request, staging / TABLE_FOLDER, result)
    summary_pages = len(PdfReader(pdf).pages)
    result.letter = list(write_letter(letter_of(ws, snapshot), snapshot, staging / LETTER_FOLDER))
    if ExportKind.TABLE in kinds:
        result.files += result.letter

    paper_dir = staging / PAPER_FOLDER
    packages: dict[int, Path] = {}
    if ExportKind.PACKAGE in kinds or disc_wanted:
        count = len(snapshot.applications)
        for i, app in enumerate(snapshot.applications):
            meter.report("package", i / count, f"正在生成纸质材料：第{app.priority}位 {app.project_name}")
            built = build_package(campaign, snapshot, app, ws.db.store, paper_dir / package_file(app.priority or 0, app.project_name))
            result.packages.append(built)
            packages[app.priority or 0] = built.path
    projects = layout_projects(campaign, snapshot, packages) if disc_wanted else []
    if WINDOWS_PATHS:
        _check_path_lengths(staging, projects)
    if disc_wanted:
        # The transmittal is written after the plan (it names the disc count): count it as the
        # summary PDF's size again, which it stays well under.
        sizes = [xlsx.stat().st_size, pdf.stat().st_size, pdf.stat().st_size, *(p.stat().st_size for p in result.letter)]
        result.disc_plan = plan(sizes, projects, request.medium)
        result.capacity = describe(common_size(sizes), [p.unit for p in projects], result.disc_plan)
    transmittal = write_transmittal(
        campaign, snapshot, [p.plan for p in result.packages], summary_pages, paper_dir / TRANSMITTAL_NAME,
        discs=result.disc_plan.count if result.disc_plan else 1, late=late,
        letter_pages=len(PdfReader(result.letter[1]).pages) if result.letter else 0,
    ) if result.packages else None
    if ExportKind.PACKAGE in kinds:
        result.files += [p.path for p in result.packages] + ([transmittal] if transmittal else [])

    if disc_wanted and result.disc_plan is not None:
        total = sum(p.unit.size for p in projects) or 1
        copied = [0]

        def on_bytes(n: int, text: str) -> None:
            copied[0] += n
            meter.report("disc", copied[0] / total, text)

        common_files = [*result.letter, xlsx, pdf] + ([transmittal] if transmittal else [])
        result.discs = write_discs(
            campaign, snapshot, ws.db.store, common_files, projects, result.disc_plan, staging, on_bytes
        )
        if ExportKind.DISC in kinds:
            result.files += [d.folder for d in result.discs]
    if ExportKind.ISO in kinds:
        _isos(ws, snapshot, request, result, meter, staging)


def _check_path_lengths(staging: Path, projects: list[ProjectLayout]) -> None:
    """Refuse before copying when the deepest disc file would pass Windows' MAX_PATH under this
    output folder (the disc is built in a temporary folder beside its final place).
    """
    rels = [f"{p.folder}/{e.rel}" for p in projects for e in p.entries]
    if not rels:
        return
    deepest = max(rels, key=utf16_units)
    base = str(staging / ".~xxxxxxxx") + "\\"
    if not fits_windows_path(deepest, base):
        raise ExportError(
            f"输出文件夹的路径太长：光盘中最深的文件（{deepest}）在其中会超过 Windows 的 260 字符限制。"
            f"请选择一个较短的输出文件夹（如 D:\\导出），当前为 {staging.parent}（{len(str(staging.parent))} 个字符）。"
        )


def _publish(staging: Path, out: Path, result: ExportResult) -> None:
    """Move what was asked for from `staging` to its place in `out` (renames within one folder).

    Files replace older files of the same name; a disc folder of the same name is kept, renamed
    aside (disc.py). Paths in `result` are updated to the published places.
    """
    published = set(result.files)

    def moved(path: Path) -> Path:
        return out / path.relative_to(staging) if path in published else path

    for path in result.files:
        target = moved(path)
        if path.is_dir():
            replace_folder(path, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    result.files = [moved(p) for p in result.files]
    result.letter = [moved(p) for p in result.letter]
    result.packages = [replace(p, path=moved(p.path)) for p in result.packages]
    result.discs = [replace(d, folder=moved(d.folder)) for d in result.discs]
    result.isos = [replace(i, path=moved(i.path)) for i in result.isos]
    for report in result.verified:
        report.source = moved(report.source)


def _snapshot(ws: Workspace, request: ExportRequest, now: datetime) -> tuple[Snapshot, list[str], str | None]:
    if request.snapshot_id:
        snapshot = load_snapshot(ws, request.snapshot_id)
        if request.letter_text is not None and checked_text(request.letter_text) != snapshot.letter:
            raise ExportError(
                f"快照 {snapshot.id} 的推荐函文字已随快照冻结，不能再改。要用新的文字，请不指定快照重新导出（将冻结新快照）。"
            )
        # Judged at the snapshot's time, when the recommendation was decided: re-exporting an old
        # snapshot later gives the same files (a re-export is no new hand-in).
        report = check_workspace(ws, now=snapshot.created_at)
        late_v = next((v for v in report.violations if v.rule == "DEADLINE"), None)
        return snapshot, list(snapshot.warnings), late_v.message if late_v else None
    pre = preflight(ws, now)
    if pre.blocked:
        raise blocked_error(pre)
    refuse_unexplained(missing_at_export(ws.campaign, pre.recommended))
    letter = (
        checked_text(request.letter_text)
        if request.letter_text is not None
        else draft_text(ws, pre.recommended, now.date())
    )
    snapshot = freeze(ws, now, pre, letter=letter)
    return snapshot, list(pre.warnings), pre.late.message if pre.late else None


def _table(
    ws: Workspace, snapshot: Snapshot, request: ExportRequest, folder: Path, result: ExportResult
) -> tuple[Path, Path]:
    title = summary_data.title(ws.campaign)
    xlsx = folder / f"{title}.xlsx"
    pdf = folder / f"{title}.pdf"
    if request.template is not None:
        filled = fill_template(ws.campaign, snapshot, request.template, xlsx)
        result.warnings += filled.warnings()
        assert filled.region is not None
        write_template_pdf(xlsx, filled.region, pdf, snapshot, title)  # the template's layout, not ours
    else:
        write_summary_xlsx(ws.campaign, snapshot, xlsx)
        write_summary_pdf(ws.campaign, snapshot, pdf)
    if ExportKind.TABLE in request.kinds:
        result.files += [xlsx, pdf]
    return xlsx, pdf


def iso_name(snapshot: Snapshot, year: int, part: int, parts: int) -> str:
    suffix = "" if parts == 1 else f"_第{part}张共{parts}张"
    return f"{snapshot.city}市{year}年工业互联网试点示范推荐材料_{snapshot.id}{suffix}.iso"


def _isos(ws: Workspace, snapshot: Snapshot, request: ExportRequest, result: ExportResult, meter: _Watched, staging: Path) -> None:
    city = ws.campaign.city(ws.city)
    division = city.division if city else "440000"
    parts = len(result.discs)
    for disc in result.discs:
        part = disc.manifest.part
        target = staging / iso_name(snapshot, ws.campaign.year, part, parts)

        def on_write(done: int, total: int, part: int = part) -> None:
            meter.report("iso", ((part - 1) + done / max(total, 1)) / parts, f"正在生成光盘镜像 {part}/{parts}…")

        volume = volume_id(division, ws.campaign.year, part, snapshot.city)
        iso = build_iso(disc.folder, target, volume, on_write, at=snapshot.created_at)
        limit = result.disc_plan.medium.capacity if result.disc_plan else None
        if limit is not None and iso.size > limit:
            raise ExportError(f"光盘镜像 {target.name} 实际大小超出{result.disc_plan.medium.label}的容量，请选择更大的光盘。")  # type: ignore[union-attr]
        result.isos.append(iso)
        result.files.append(target)
        if request.verify_iso:
            def on_verify(done: int, total: int, text: str, part: int = part) -> None:
                meter.report("verify", ((part - 1) + done / max(total, 1)) / parts, f"正在校验光盘镜像 {part}/{parts}…")

            report = verify(target, on_verify)
            result.verified.append(report)
            if not report.ok:
                raise ExportError(f"光盘镜像 {target.name} 校验未通过，导出已撤销。", report.lines())


def _record(ws: Workspace, request: ExportRequest, result: ExportResult, now: datetime) -> None:
    files = [
        {"path": str(p.relative_to(request.out_dir)), "size": p.stat().st_size if p.is_file() else None}
        for p in result.files
    ]
    with ws.db.session() as session:
        for kind in sorted(request.kinds):
            add_export_run(
                session,
                ExportRun(
                    snapshot_id=result.snapshot.id,
                    kind=kind.value,
                    target=str(request.out_dir),
                    at=now.replace(microsecond=0),
                    actor=ws.operator,
                    late=result.late is not None,
                    warnings=result.warnings + ([result.late] if result.late else []),
                    files=files,
                ),
            )
        ws.audit(
            session,
            "export",
            "export_snapshot",
            result.snapshot.id,
            {
                "kinds": sorted(k.value for k in request.kinds),
                "target": str(request.out_dir),
                "late": result.late,
                "warnings": result.warnings,
                "files": files,
            },
        )


def estimate_capacity(pre: Preflight) -> str:
    """Before exporting: roughly how big the disc will be and what each medium needs."""
    units = []
    for app in pre.recommended:
        size = sum(a.size for a in app.attachments) * 2 - sum(a.size for a in app.attachments if a.attachment_class.value == "video")
        units.append(Unit(app.priority or 0, app.project_name, size + 512 * 1024))
    common = 4 * 1024 * 1024
    found = options(common, units)
    text = "，".join(f"{m.label}：{'放不下' if n is None else f'{n} 张'}" for m, n in found)
    total = common + sum(u.size for u in units)
    return f"光盘内容估计约 {total / 1024**2:.0f} MB；{text}。"


__all__ = ["ExportKind", "ExportRequest", "ExportResult", "Medium", "estimate_capacity", "run_export"]
