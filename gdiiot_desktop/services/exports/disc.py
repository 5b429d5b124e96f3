"""The folder tree that goes on the disc: one folder per project in priority order, the summary
table, an offline index.html, a plain-text 说明.txt, manifest.json and SHA256SUMS; split across
discs by whole projects. Names follow the rule in names.py (docs/disc-names.md).

Each disc's tree is built in a hidden temporary folder beside the target and renamed into place
when complete, so an interrupted export never leaves a half tree under the final name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path, PurePosixPath

from ...domain.campaign import Campaign
from ...domain.enums import AttachmentClass
from ...domain.model import Application, Attachment
from ...storage.store import AttachmentStore
from ..files import atomic_output
from .capacity import SECTOR, DiscPlan, Medium, Unit, image_size, plan_discs, sectors
from .disc_index import IndexGroup, IndexLink, IndexProject, render_index
from .integrity import copy_verified
from .manifest import INDEX, MANIFEST, SUMS, Manifest, ManifestFile, ManifestProject, sums_text
from .names import (
    CLASS_MAX,
    FILE_MAX,
    PROJECT_MAX,
    joliet_names,
    joliet_paths,
    project_folder,
    safe_name,
    shorten,
    unique_name,
)
from .readme import README, render_readme
from .snapshot import Snapshot

COMMON_FOLDER = "00_推荐项目汇总表"
PACKAGE_NAME = "申报材料（打印版）.pdf"
COMMON_RESERVE = 512 * 1024  # index.html, manifest.json, SHA256SUMS


@dataclass(frozen=True)
class DiscEntry:
    """One file of a project folder: where it goes and where its bytes come from."""

    rel: str  # inside the project folder, "/"-separated
    group: str  # heading in index.html
    attachment: Attachment | None = None  # from the store, hash re-checked while copying
    source: Path | None = None  # a file the export made (the package PDF)

    @property
    def size(self) -> int:
        if self.attachment is not None:
            return self.attachment.size
        assert self.source is not None
        return self.source.stat().st_size


@dataclass(frozen=True)
class ProjectLayout:
    app: Application
    folder: str
    entries: tuple[DiscEntry, ...]

    @property
    def unit(self) -> Unit:
        folders = 1 + len({PurePosixPath(e.rel).parent for e in self.entries})
        size = sum(sectors(e.size) for e in self.entries) + 4 * SECTOR * (len(self.entries) + folders)
        return Unit(self.app.priority or 0, self.app.project_name, size)


@dataclass(frozen=True)
class DiscResult:
    folder: Path
    manifest: Manifest
    size: int  # bytes of files on the disc


def class_folder(campaign: Campaign, cls: AttachmentClass) -> str:
    """e.g. 02_财务审计报告: numbered in the campaign's order of materials."""
    order = [m.attachment_class for m in campaign.materials]
    number = order.index(cls) + 1 if cls in order else len(order) + 1
    return shorten(f"{number:02d}_{cls.label.replace('/', '、')}", CLASS_MAX)


def layout_projects(campaign: Campaign, snapshot: Snapshot, packages: dict[int, Path]) -> list[ProjectLayout]:
    """Each recommended project's folder; `packages` maps priority → its package PDF."""
    out = []
    taken_folders: set[str] = set()
    for app in snapshot.applications:
        folder = unique_name(project_folder(app.priority or 0, app.project_name), taken_folders, PROJECT_MAX)
        entries: list[DiscEntry] = []
        package = packages.get(app.priority or 0)
        if package is not None:
            entries.append(DiscEntry(PACKAGE_NAME, "", source=package))
        taken: dict[str, set[str]] = {}
        order = {m.attachment_class: i for i, m in enumerate(campaign.materials)}
        for att in sorted(app.attachments, key=lambda a: order.get(a.attachment_class, len(order))):
            sub = class_folder(campaign, att.attachment_class)
            name = unique_name(safe_name(att.file_name, FILE_MAX), taken.setdefault(sub, set()), FILE_MAX)
            entries.append(DiscEntry(f"{sub}/{name}", att.attachment_class.label, attachment=att))
        out.append(ProjectLayout(app, folder, tuple(entries)))
    return out


def common_size(file_sizes: Sequence[int]) -> int:
    """Bytes every disc spends on the summary folder, index.html, manifest.json and SHA256SUMS."""
    return image_size(file_sizes, 1) + COMMON_RESERVE


def plan(common_sizes: Sequence[int], projects: Sequence[ProjectLayout], medium: Medium | None) -> DiscPlan:
    return plan_discs(common_size(common_sizes), [p.unit for p in projects], medium)


def disc_folder_name(part: int, parts: int) -> str:
    return "光盘" if parts == 1 else f"光盘{part}"


def write_discs(
    campaign: Campaign,
    snapshot: Snapshot,
    store: AttachmentStore,
    common: Sequence[Path],
    projects: Sequence[ProjectLayout],
    disc_plan: DiscPlan,
    out_dir: Path,
    on_bytes: Callable[[int, str], None] | None = None,
) -> list[DiscResult]:
    """Write every disc's tree under `out_dir` (光盘, or 光盘1, 光盘2 … when split)."""
    where = {u.priority: part.number for part in disc_plan.parts for u in part.units}
    results = []
    for part in disc_plan.parts:
        mine = [p for p in projects if where.get(p.app.priority or 0) == part.number]
        results.append(
            _write_part(campaign, snapshot, store, common, mine, projects, where, part.number, disc_plan.count, out_dir, on_bytes)
        )
    return results


def _write_part(
    campaign: Campaign,
    snapshot: Snapshot,
    store: AttachmentStore,
    common: Sequence[Path],
    mine: Sequence[ProjectLayout],
    everyone: Sequence[ProjectLayout],
    where: dict[int, int],
    part: int,
    parts: int,
    out_dir: Path,
    on_bytes: Callable[[int, str], None] | None,
) -> DiscResult:
    final = out_dir / disc_folder_name(part, parts)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".~", dir=out_dir))  # short: Windows paths are bounded
    tmp.chmod(0o755)  # mkdtemp makes it private; the finished disc folder is an ordinary one
    files: list[ManifestFile] = []

    def tick(n: int, text: str) -> None:
        if on_bytes is not None:
            on_bytes(n, text)

    try:
        common_links = []
        for source in common:
            rel = f"{COMMON_FOLDER}/{source.name}"
            files.append(_copy_file(source, tmp / rel, rel, tick))
            common_links.append(IndexLink(source.name.rsplit(".", 1)[0] + f"（{source.suffix[1:].upper()}）", rel))
        index_projects = []
        for layout in everyone:
            if layout not in mine:
                index_projects.append(IndexProject(layout.app, where[layout.app.priority or 0], None, ()))
                continue
            groups: dict[str, list[IndexLink]] = {}
            package_link = None
            for entry in layout.entries:
                rel = f"{layout.folder}/{entry.rel}"
                text = f"正在复制：第{layout.app.priority}位 {layout.app.project_name}"
                if entry.attachment is not None:
                    copy_verified(store, entry.attachment, tmp / rel, layout.app, on_chunk=_ticker(tick, text))
                    files.append(ManifestFile(rel, entry.attachment.size, entry.attachment.sha256))
                    groups.setdefault(entry.group, []).append(IndexLink(PurePosixPath(rel).name, rel))
                else:
                    assert entry.source is not None
                    files.append(_copy_file(entry.source, tmp / rel, rel, tick))
                    package_link = IndexLink("申报材料（打印版 PDF，含目录和页码）", rel)
            index_projects.append(
                IndexProject(
                    layout.app, part, package_link, tuple(IndexGroup(k, tuple(v)) for k, v in groups.items())
                )
            )
        manifest = Manifest(
            snapshot_id=snapshot.id,
            city=snapshot.city,
            campaign_id=snapshot.campaign_id,
            recommender=snapshot.recommender,
            created_at=f"{snapshot.created_at:%Y-%m-%d %H:%M}",
            part=part,
            parts=parts,
            projects=tuple(
                ManifestProject(p.app.priority or 0, p.app.project_name, p.app.applicant.name, p.folder, where[p.app.priority or 0])
                for p in everyone
            ),
        )
        index_html = render_index(campaign, manifest, common_links, index_projects)
        files.append(_write_text(tmp / INDEX, INDEX, index_html))
        root = joliet_names({f.path.split("/")[0] for f in files} | {README, MANIFEST, SUMS})
        files.append(_write_bytes(tmp / README, README, render_readme(campaign, manifest, COMMON_FOLDER, root)))
        joliet = joliet_paths([f.path for f in files] + [MANIFEST, SUMS])
        files = sorted((replace(f, joliet=joliet[f.path]) for f in files), key=lambda f: f.path)
        manifest = replace(manifest, files=tuple(files))
        manifest_file = _write_text(tmp / MANIFEST, MANIFEST, manifest.to_json())
        _write_text(tmp / SUMS, SUMS, sums_text([*files, manifest_file]))
        _stamp_tree(tmp, snapshot.created_at)
        replace_folder(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return DiscResult(final, manifest, sum(f.size for f in files))


def _ticker(tick: Callable[[int, str], None], text: str) -> Callable[[int], None]:
    return lambda n: tick(n, text)


def _copy_file(source: Path, target: Path, rel: str, tick: Callable[[int, str], None]) -> ManifestFile:
    digest = hashlib.sha256()
    size = 0
    with atomic_output(target) as tmp, source.open("rb") as src, tmp.open("wb") as out:
        while chunk := src.read(4 * 1024 * 1024):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
            tick(len(chunk), f"正在复制：{source.name}")
    return ManifestFile(rel, size, digest.hexdigest())


def _write_text(target: Path, rel: str, text: str) -> ManifestFile:
    return _write_bytes(target, rel, text.encode("utf-8"))


def _write_bytes(target: Path, rel: str, data: bytes) -> ManifestFile:
    with atomic_output(target) as tmp:
        tmp.write_bytes(data)
    return ManifestFile(rel, len(data), hashlib.sha256(data).hexdigest())


def _stamp_tree(root: Path, at: datetime) -> None:
    """Every file and folder of the tree dated at the snapshot's time, as in the ISO."""
    stamp = at.timestamp()
    for folder, dirs, names in os.walk(root, topdown=False):
        for name in [*names, *dirs]:
            os.utime(os.path.join(folder, name), (stamp, stamp))
    os.utime(root, (stamp, stamp))


def replace_folder(built: Path, final: Path) -> None:
    """Move a finished tree into place; an older tree of the same name is kept, renamed aside."""
    if final.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = final.with_name(f"{final.name}（旧-{stamp}）")
        with contextlib.suppress(FileNotFoundError):
            final.rename(aside)
    built.rename(final)
