"""Writing output files atomically: a temporary name in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


def _new_temp_file(target: Path) -> Path:
    """A new empty file beside `target`, created as an ordinary file (mode 0o666 less the umask).

    mkstemp would make it owner-only, and reading the umask means setting it (os.umask), which races
    with other threads creating files: an exclusive open with a random name does neither."""
    while True:
        tmp = target.with_name(f".~{target.stem}-{secrets.token_hex(6)}{target.suffix}")
        try:
            with open(tmp, "xb"):
                return tmp
        except FileExistsError:
            continue


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on error it is removed.

    A cancelled or crashed export never leaves a half-written file under the final name.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _new_temp_file(target)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
