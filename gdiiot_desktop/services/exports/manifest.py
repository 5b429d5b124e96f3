"""The disc's machine-readable manifest (manifest.json) and its SHA256SUMS, written and read back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .. import jsonio
from .errors import VerifyInputError

MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
INDEX = "index.html"
FORMAT = "gdiiot-disc-manifest"
VERSION = 1
MAX_MANIFEST_BYTES = 64 * 1024 * 1024  # a disc of every city's files lists far fewer; bounds what verify reads


def part_label(part: int, parts: int) -> str:
    return f"第{part}张/共{parts}张"


@dataclass(frozen=True)
class ManifestFile:
    path: str  # relative, "/"-separated, as on the disc (the UDF tree and the folder tree)
    size: int
    sha256: str
    joliet: str | None = None  # the Joliet path where names were shortened (names.py), else None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "size": self.size, "sha256": self.sha256}
        if self.joliet and self.joliet != self.path:
            data["joliet"] = self.joliet
        return data

    def where(self, joliet: bool) -> str:
        return (self.joliet or self.path) if joliet else self.path


@dataclass(frozen=True)
class ManifestProject:
    priority: int
    project: str
    applicant: str
    folder: str
    part: int  # the disc that holds it


@dataclass(frozen=True)
class Manifest:
    snapshot_id: str
    city: str
    campaign_id: str
    recommender: str
    created_at: str
    part: int
    parts: int
    projects: tuple[ManifestProject, ...]
    files: tuple[ManifestFile, ...] = field(default=())

    @property
    def label(self) -> str:
        return part_label(self.part, self.parts)

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "snapshot_id": self.snapshot_id,
            "city": self.city,
            "campaign_id": self.campaign_id,
            "recommender": self.recommender,
            "created_at": self.created_at,
            "part": self.part,
            "parts": self.parts,
            "part_label": self.label,
            "projects": [p.__dict__ for p in self.projects],
            "files": [f.to_dict() for f in self.files],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse_manifest(text: bytes | str, source: str) -> Manifest:
    """Read a manifest back; anything that is not one of ours raises VerifyInputError."""
    source_of = jsonio.Source(f"{source} ", VerifyInputError, "，无法校验。")
    try:
        data = jsonio.loads(text if isinstance(text, str) else jsonio.decode_utf8(text, source_of), source_of)
        if data.get("format") != FORMAT:
            raise ValueError("format")
        if int(data.get("version", 0)) > VERSION:
            raise VerifyInputError(f"{source} 由更新版本的程序生成，请使用新版程序校验。")
        return Manifest(
            snapshot_id=str(data["snapshot_id"]),
            city=str(data["city"]),
            campaign_id=str(data["campaign_id"]),
            recommender=str(data["recommender"]),
            created_at=str(data["created_at"]),
            part=int(data["part"]),
            parts=int(data["parts"]),
            projects=tuple(ManifestProject(**p) for p in data["projects"]),
            files=tuple(
                ManifestFile(
                    str(f["path"]), int(f["size"]), str(f["sha256"]).lower(), str(f["joliet"]) if f.get("joliet") else None
                )
                for f in data["files"]
            ),
        )
    except VerifyInputError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise VerifyInputError(f"{source} 不是本程序生成的光盘清单（manifest.json），无法校验。") from exc


def sums_text(files: list[ManifestFile]) -> str:
    """GNU coreutils format (`sha256sum -c SHA256SUMS` checks it), UTF-8, "/" separators."""
    return "".join(f"{f.sha256}  {f.path}\n" for f in files)


def parse_sums(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        digest, sep, path = line.partition("  ")
        if sep and len(digest) == 64:
            out[path.lstrip("*")] = digest.lower()
    return out
