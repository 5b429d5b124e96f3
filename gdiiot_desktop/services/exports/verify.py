"""Re-reading an exported disc — an ISO image or a folder (a burnt disc's drive) — against its manifest."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

from .errors import VerifyInputError
from .manifest import MANIFEST, MAX_MANIFEST_BYTES, SUMS, Manifest, ManifestFile, parse_manifest, parse_sums

CHUNK = 4 * 1024 * 1024
ISO_MAGIC_OFFSET = 16 * 2048 + 1  # "CD001" of the first volume descriptor


@dataclass
class VerifyReport:
    """What was found: every missing or altered file, and files the manifest does not list."""

    source: Path
    manifest: Manifest
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # listed, not counted as a problem
    notes: list[str] = field(default_factory=list)  # other problems (e.g. SHA256SUMS disagrees)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.altered or self.notes)

    def lines(self) -> list[str]:
        m = self.manifest
        out = [f"光盘：{m.recommender} {m.label}，快照编号 {m.snapshot_id}，清单列出 {len(m.files)} 个文件，已核对 {self.checked} 个"]
        out += [f"缺少：{p}" for p in self.missing]
        out += [f"内容不符（已被改动或损坏）：{p}" for p in self.altered]
        out += self.notes
        out += [f"清单外的文件（未核对）：{p}" for p in self.extra]
        out.append("结论：全部文件完好。" if self.ok else f"结论：发现 {len(self.missing) + len(self.altered) + len(self.notes)} 处问题。")
        return out


class _Source:
    """Files of a disc by their "/"-separated relative path."""

    def list(self) -> list[str]:
        raise NotImplementedError

    def open(self, rel: str) -> BinaryIO | None:
        raise NotImplementedError

    def close(self) -> None:
        return None


class _FolderSource(_Source):
    def __init__(self, root: Path) -> None:
        self.root = root

    def list(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file())

    def open(self, rel: str) -> BinaryIO | None:
        path = self.root / rel
        return path.open("rb") if path.is_file() else None


class _IsoSource(_Source):
    """Reads through UDF when present (the tree Windows shows), else Joliet."""

    def __init__(self, path: Path) -> None:
        from pycdlib.pycdlibexception import PyCdlibException

        from .iso import DiscPyCdlib  # reads UDF names above ASCII folders right

        self.iso = DiscPyCdlib()
        try:
            self.iso.open(str(path))
        except (PyCdlibException, OSError, ValueError) as exc:
            raise VerifyInputError(f"{path.name} 不是可读取的光盘镜像（ISO），可能已损坏。") from exc
        self.kind = "udf_path" if self.iso.has_udf() else ("joliet_path" if self.iso.has_joliet() else "iso_path")
        self.names: dict[str, Any] = {}
        for rel in self._walk():
            self.names[rel] = True

    def _walk(self) -> Iterator[str]:
        for root, _dirs, files in self.iso.walk(**{self.kind: "/"}):
            for name in files:
                rel = (root.rstrip("/") + "/" + name).lstrip("/")
                yield rel.split(";", 1)[0] if self.kind == "iso_path" else rel

    def list(self) -> list[str]:
        return sorted(self.names)

    def open(self, rel: str) -> BinaryIO | None:
        if rel not in self.names:
            return None
        return cast(BinaryIO, self.iso.open_file_from_iso(**{self.kind: "/" + rel}))  # a PyCdlibIO

    def joliet_names(self) -> set[str]:
        if not self.iso.has_joliet():
            return set()
        out = set()
        for root, _dirs, files in self.iso.walk(joliet_path="/"):
            for name in files:
                out.add((root.rstrip("/") + "/" + name).lstrip("/"))
        return out

    def close(self) -> None:
        self.iso.close()


def is_iso(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            f.seek(ISO_MAGIC_OFFSET)
            return f.read(5) == b"CD001"
    except OSError:
        return False


def verify(path: Path, progress: Callable[[int, int, str], None] | None = None) -> VerifyReport:
    """Check every file the manifest lists: present, same size, same SHA-256.

    Raises VerifyInputError when `path` is neither a folder nor an ISO holding our manifest.
    """
    if path.is_dir():
        source: _Source = _FolderSource(path)
    elif path.is_file() and is_iso(path):
        source = _IsoSource(path)
    elif path.exists():
        raise VerifyInputError(f"{path} 既不是光盘镜像（ISO），也不是文件夹（光盘所在盘符）。")
    else:
        raise VerifyInputError(f"找不到 {path}。")
    try:
        return _verify(path, source, progress)
    finally:
        source.close()


def _verify(path: Path, source: _Source, progress: Callable[[int, int, str], None] | None) -> VerifyReport:
    handle = source.open(MANIFEST)
    if handle is None:
        raise VerifyInputError(f"{path} 中没有 {MANIFEST}，不是本程序导出的光盘（或导出未完成）。")
    with handle:
        manifest_bytes = handle.read(MAX_MANIFEST_BYTES + 1)  # bounded: the disc may be anyone's
    if len(manifest_bytes) > MAX_MANIFEST_BYTES:
        raise VerifyInputError(f"{path} 中的 {MANIFEST} 过大，不是本程序导出的光盘清单，无法校验。")
    manifest = parse_manifest(manifest_bytes, MANIFEST)
    report = VerifyReport(path, manifest)
    total = sum(f.size for f in manifest.files)
    done = 0
    for f in manifest.files:
        if progress is not None:
            progress(done, total, f"正在校验：{f.path}")
        state = _check(source, f)
        if state == "missing":
            report.missing.append(f.path)
        elif state == "altered":
            report.altered.append(f.path)
        report.checked += 1
        done += f.size
    _check_sums(source, manifest_bytes, report)
    listed = {f.path for f in manifest.files} | {MANIFEST, SUMS}
    listed_joliet = {f.where(joliet=True) for f in manifest.files} | {MANIFEST, SUMS}
    report.extra = [p for p in source.list() if p not in listed | listed_joliet]
    if isinstance(source, _IsoSource) and source.kind == "udf_path":
        joliet = source.joliet_names()
        if joliet:
            report.notes += [f"Joliet 目录中缺少（部分 Windows 可能看不到）：{p}" for p in sorted(listed_joliet - joliet)]
    return report


def _check(source: _Source, f: ManifestFile) -> str:
    handle = source.open(f.path)
    if handle is None and f.joliet and isinstance(source, _FolderSource):
        handle = source.open(f.joliet)  # a drive that shows the Joliet tree
    if handle is None:
        return "missing"
    digest = hashlib.sha256()
    size = 0
    with handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return "ok" if size == f.size and digest.hexdigest() == f.sha256 else "altered"


def _check_sums(source: _Source, manifest_bytes: bytes, report: VerifyReport) -> None:
    """SHA256SUMS must agree with the manifest (it also covers manifest.json itself)."""
    handle = source.open(SUMS)
    if handle is None:
        report.notes.append(f"缺少：{SUMS}")
        return
    with handle:
        sums = parse_sums(handle.read().decode("utf-8", errors="replace"))
    if sums.get(MANIFEST) != hashlib.sha256(manifest_bytes).hexdigest():
        report.notes.append(f"{MANIFEST} 与 {SUMS} 中记录的校验值不符（清单可能被改动）")
    for f in report.manifest.files:
        if sums.get(f.path) != f.sha256:
            report.notes.append(f"{SUMS} 与 {MANIFEST} 对 {f.path} 的记录不一致")
