"""Writing output files atomically: a temporary name in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import errno
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


_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EISDIR: "已有同名的文件夹",
    errno.EACCES: "没有写入权限，或文件正被其他程序打开",
    errno.EPERM: "没有写入权限，或文件正被其他程序打开",
    errno.EROFS: "输出位置是只读的",
}


def check_output_folder(folder: Path) -> None:
    """Refuse, without creating anything, a folder an export cannot write into: a file of that name,
    or a file where one of its parent folders should be (checked before anything is frozen)."""
    from .errors import InputError

    if folder.exists() and not folder.is_dir():
        raise InputError(f"“{folder}”是一个文件，不是文件夹：请给出输出文件夹，或以 .xlsx 结尾的文件名")
    for parent in folder.parents:
        if parent.exists():
            if not parent.is_dir():
                raise InputError(f"无法创建输出文件夹“{folder}”：“{parent}”是一个文件，不是文件夹")
            break


def ensure_output_folder(folder: Path) -> None:
    """Make the folder an export writes into, or say in Chinese why it cannot be."""
    from .errors import InputError

    check_output_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        raise InputError(f"无法创建输出文件夹“{folder}”（{reason}）。请换一个文件夹，或检查它是否只读。") from exc


@contextlib.contextmanager
def written_together(*targets: Path) -> Iterator[None]:
    """Files an export writes as one: when writing any of them fails, those this export already wrote
    are removed (an earlier export's file it never reached stays) and the failure is said in Chinese
    (a full disk, a file open in Excel)."""
    from .errors import InputError

    def stamp(target: Path) -> int | None:
        try:
            return target.stat().st_mtime_ns if target.is_file() else None
        except OSError:
            return None

    before = {target: stamp(target) for target in targets}
    try:
        yield
    except OSError as exc:
        for target in targets:
            if stamp(target) != before[target]:
                with contextlib.suppress(OSError):
                    target.unlink()
        reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        names = "、".join(t.name for t in targets)
        raise InputError(
            f"无法写入 {names}（{reason}），没有留下本次导出的文件。请关闭在 Excel/WPS 中打开的同名文件，"
            "检查磁盘空间和写入权限，或换一个输出文件夹。"
        ) from exc
