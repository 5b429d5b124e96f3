"""Importing an intake workbook into the workspace, and exporting the workspace back to one.

The import is all-or-nothing per call: with any bad cell nothing is written, unless the user
chose to import the good rows. Importing the same sheet twice changes nothing: each row is
matched to the application it made before (same county, applicant and project name).
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from ..domain.divisions import city_counties, match_county
from ..domain.divisions import normalize_name as normalize_county
from ..domain.enums import AttachmentClass
from ..domain.model import Application, Attachment
from ..domain.names import normalize_name
from ..resources import guangdong_divisions
from ..storage.repository import ApplicationRepository
from .contained_paths import safe_relative_label
from .errors import InputError, StorageError
from .intake_sheet import CellError, IntakeResult, IntakeRow, read_sheet
from .intake_template import write_template
from .media import probe_file
from .workspace import Workspace


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    files_added: int = 0
    skipped_rows: list[int] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the sheet reader noted (hidden rows, unknown columns)

    def summary(self) -> str:
        text = f"导入完成：新增 {self.created} 项，更新 {self.updated} 项，未变 {self.unchanged} 项，附件 {self.files_added} 个"
        if self.skipped_rows:
            text += f"；跳过有错误的行：{'、'.join(map(str, self.skipped_rows))}"
        if self.warnings:
            text += f"；另有 {len(self.warnings)} 条提示"
        return text


class IntakeRejectedError(InputError):
    """The sheet has bad cells and the user did not choose to import the good rows."""

    def __init__(self, errors: list[CellError]):
        rows = sorted({e.row for e in errors})
        super().__init__(
            f"表格有 {len(errors)} 处错误（涉及 {len(rows)} 行），未导入任何数据。"
            "请改正后重新导入，或选择只导入正确的行。",
            [str(e) for e in errors],
        )
        self.errors = errors


def import_workbook(ws: Workspace, path: Path, *, skip_bad_rows: bool = False) -> ImportReport:
    result = read_sheet(path, ws.campaign)
    if result.sheet_errors:
        record_refused_sheet(ws, path, result.sheet_errors)
        raise InputError(f"无法导入 {path.name}", list(result.sheet_errors))
    result.warnings.extend(_county_warnings(ws, result))
    conflicts = _priority_conflicts(ws, result)
    result.errors.extend(conflicts)
    bad_rows = {e.row for e in result.errors}
    if bad_rows and not skip_bad_rows:
        rejected = IntakeRejectedError(result.errors)
        record_refused_sheet(ws, path, [rejected.message, *rejected.details[:20]])
        raise rejected
    conflicted = {e.row for e in conflicts}
    rows = [r for r in result.rows if r.row_number not in bad_rows and r.row_number not in conflicted]
    report = ImportReport(skipped_rows=sorted(bad_rows), errors=list(result.errors), warnings=list(result.warnings))
    # Files go to the content-addressed store first: a file there that nothing refers to is harmless,
    # a row that refers to a missing file is not.
    files = {p: _store(ws, p) for r in rows for p in (r.video_path, r.form_path) if p is not None}
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        known = repo.ids_by_identity()
        claimed: set[int] = set()
        for row in rows:
            app_id = _match(known, claimed, row.application)
            before = repo.get(app_id) if app_id is not None else None
            app = row.application
            if before is not None:
                # The sheet does not carry what was added in the program: keep it.
                app = replace(
                    app,
                    id=before.id,
                    attachments=before.attachments,
                    overrides=before.overrides,
                    materials_received=before.materials_received,
                )
            saved_id, changes = repo.save(app, before=before)
            claimed.add(saved_id)
            added = _attach_row_files(ws, repo, saved_id, row, files, before)
            report.files_added += added
            if before is None:
                report.created += 1
                ws.audit(session, "import", "application", saved_id, {"file": path.name, "row": row.row_number, "changes": changes})
            elif changes or added:
                report.updated += 1
                ws.audit(session, "import", "application", saved_id, {"file": path.name, "row": row.row_number, "changes": changes})
            else:
                report.unchanged += 1
    return report


def _county_warnings(ws: Workspace, result: IntakeResult) -> list[str]:
    """Rows whose 县区 is not one of the city's county-level divisions (GB/T 2260). They are imported —
    a county may still fix its sheet's spelling later — but the user is told now, because that county's
    bundle would be refused at the city. A county spelled with stray spaces or full-width forms is taken
    as the real one. Cities without county-level divisions (东莞, 中山) name their own: nothing to test."""
    official = [c.name for c in city_counties(guangdong_divisions(), ws.city)]
    if not official:
        return []
    letter = result.columns.get("county", "")
    unknown: dict[str, list[int]] = {}
    for i, row in enumerate(result.rows):
        filed = row.application.county
        found = match_county(filed, official)
        if found is None:
            unknown.setdefault(normalize_county(filed)[:40], []).append(row.row_number)
        elif found != filed:
            result.rows[i] = replace(row, application=replace(row.application, county=found))
    return [
        f"{letter}列（县区）“{name}”不是{ws.city}市的县区（按 GB/T 2260 行政区划），见第"
        f"{'、'.join(map(str, rows[:10]))}{'等' if len(rows) > 10 else ''}行：这些项目已导入，"
        f"但该县区导出的数据包会被市局拒收，请核对县区名称。{ws.city}市的县区：{'、'.join(official)}"
        for name, rows in unknown.items()
    ]


def _priority_conflicts(ws: Workspace, result: IntakeResult) -> list[CellError]:
    """Rows whose 推荐顺序 another project already holds, one that this sheet does not renumber.

    An import never makes two projects share a place in the order: such a row is refused with
    its row and cell (the city's order is deliberate; appending would silently change the number
    the county filed).
    """
    wanted = [r for r in result.rows if r.application.priority is not None]
    if not wanted:
        return []
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        known = repo.ids_by_identity()
        holders = {a.priority: a for a in repo.load_all(repo.recommended_order()) if a.priority is not None}
    claimed: set[int] = set()
    for row in result.rows:  # the same matching as the import itself
        app_id = _match(known, claimed, row.application)
        if app_id is not None:
            claimed.add(app_id)
    letter = result.columns.get("priority", "")
    out = []
    for row in wanted:
        number = row.application.priority
        holder = holders.get(number) if number is not None else None
        if holder is not None and holder.id not in claimed:
            out.append(
                CellError(
                    row.row_number,
                    letter,
                    "推荐顺序",
                    str(number),
                    f"推荐顺序{number}已由项目“{holder.project_name}”（编号 {holder.id}）占用；"
                    "导入不会让两个项目排在同一位。请改用其他顺序号，或先在程序中调整推荐顺序后再导入",
                )
            )
    return out


def record_refused_sheet(ws: Workspace, path: Path, reasons: list[str]) -> None:
    """A trace of a refused sheet in the audit log: file name, SHA-256, size and why.

    Nothing else is written. A database that cannot be written (read-only, busy) keeps no trace;
    the refusal itself still reaches the user.
    """
    if ws.db.read_only:
        return
    sha256, size = _fingerprint(path)
    details: dict[str, object] = {"file": path.name, "sha256": sha256, "size": size, "reasons": reasons[:20]}
    with contextlib.suppress(StorageError), ws.db.session() as session:
        ws.audit(session, "import_refused", "file", path.name, details)


_MAX_FINGERPRINT_BYTES = 4 * 1024**3  # far beyond any workbook; a device or a growing file is not read forever


def _fingerprint(path: Path) -> tuple[str, int | None]:
    """SHA-256 and size of a regular file; ("", None) for anything else (a device, a folder, a pipe)."""
    digest = hashlib.sha256()
    size = 0
    try:
        if not path.is_file():
            return "", None
        with path.open("rb") as handle:
            while size <= _MAX_FINGERPRINT_BYTES and (chunk := handle.read(1 << 20)):
                digest.update(chunk)
                size += len(chunk)
    except OSError:
        return "", None
    return digest.hexdigest(), size


def _match(known: dict[tuple[str, str, str], list[int]], claimed: set[int], app: Application) -> int | None:
    key = (app.county, app.applicant.key, normalize_name(app.project_name))
    return next((i for i in known.get(key, []) if i not in claimed), None)


def _store(ws: Workspace, path: Path) -> tuple[str, int, int | None, float | None, str]:
    facts = probe_file(path)
    stored = ws.db.store.put_file(path)
    return stored.sha256, stored.size, facts.pages, facts.duration_seconds, facts.problem or ""


def _attach_row_files(
    ws: Workspace,
    repo: ApplicationRepository,
    app_id: int,
    row: IntakeRow,
    files: dict[Path, tuple[str, int, int | None, float | None, str]],
    before: Application | None,
) -> int:
    """Attach the row's video and form unless the same file of that class is already attached."""
    added = 0
    existing = before.attachments if before is not None else []
    for cls, path, given in (
        (AttachmentClass.VIDEO, row.video_path, row.video_text),
        (AttachmentClass.APPLICATION_FORM, row.form_path, row.form_text),
    ):
        if path is None:
            continue
        sha, size, pages, duration, problem = files[path]
        if any(a.attachment_class is cls and a.sha256 == sha for a in existing):
            continue
        # A changed file in the sheet replaces the one the sheet brought before.
        for old in existing:
            if old.attachment_class is cls and old.source_path == given and old.id is not None:
                repo.remove_attachment(old.id)
        repo.add_attachment(
            app_id,
            Attachment(
                attachment_class=cls,
                file_name=path.name,
                source_path=given,
                sha256=sha,
                size=size,
                pages=pages,
                duration_seconds=duration,
                note=problem,
            ),
        )
        added += 1
    return added


def export_workbook(ws: Workspace, out: Path, *, with_files: bool = True) -> int:
    """Write every application to an intake workbook; with files, copy attachments beside it.

    Returns the number of rows. The workbook imports back unchanged (the intake round trip).
    """
    from .applications import ApplicationService

    apps = ApplicationService(ws).list()
    names: dict[int, tuple[str | None, str | None]] = {}
    copies: dict[Path, str] = {}
    used: dict[str, str] = {}
    for app in apps:
        assert app.id is not None
        video = _latest(app, AttachmentClass.VIDEO)
        form = _latest(app, AttachmentClass.APPLICATION_FORM)
        pair: list[str | None] = []
        for attachment in (video, form):
            if attachment is None:
                pair.append(None)
                continue
            # the source path is a label (it may come from a county's bundle): never a place to write
            rel = str(safe_relative_label(attachment.source_path or attachment.file_name))
            if used.setdefault(rel, attachment.sha256) != attachment.sha256:
                rel = str(PurePosixPath(attachment.sha256[:8]) / PurePosixPath(rel).name)
            pair.append(rel)
            copies[out.parent / rel] = attachment.sha256
        names[app.id] = (pair[0], pair[1])
    out.parent.mkdir(parents=True, exist_ok=True)
    write_template(out, ws.campaign, apps, names)
    if with_files:
        for target, sha in copies.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                shutil.copyfile(ws.db.store.path_of(sha), target)
    return len(apps)


def _latest(app: Application, cls: AttachmentClass) -> Attachment | None:
    found = app.attachments_of(cls)
    return found[-1] if found else None
