"""Facts about an attachment that can be read from its bytes are read here, never taken from a bundle:
a PDF's page count and a video's duration, measured on the verified copy (services/media.py)."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

from ..media import HEAD_SIZE, detect_kind, probe_content
from .reader import Bundle
from .staging import Stager


def _suffix(file_name: str) -> str:
    # A label from outside: only its last part's suffix is used, to recognise the kind of file.
    return PurePosixPath(PureWindowsPath(file_name).name).suffix


def remeasured(stager: Stager, bundle: Bundle) -> dict[str, tuple[int | None, float | None]]:
    """sha256 → (pages, duration in seconds) as measured on the staged or stored copy of each file."""
    names = {a.sha256: a.file_name for app in bundle.applications for a in app.attachments}
    out: dict[str, tuple[int | None, float | None]] = {}
    for sha, path in stager.copies().items():
        suffix = _suffix(names.get(sha, ""))
        try:
            with open(path, "rb") as f:
                head = f.read(HEAD_SIZE)
            kind, fmt = detect_kind(head, suffix.lower().lstrip("."), path)
            if kind not in ("video", "pdf") or fmt is None:
                # Not a PDF or a video by its content: nothing to measure (and garbage named .mp4
                # must not cost a slow parse per file).
                out[sha] = (None, None)
                continue
            facts = probe_content(path, suffix, sha)
        except OSError:
            out[sha] = (None, None)
            continue
        out[sha] = (
            facts.pages if facts.kind == "pdf" else None,
            facts.duration_seconds if facts.kind == "video" else None,
        )
    return out
