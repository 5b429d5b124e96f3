"""An OS-level exclusive lock beside a database so that only one program instance writes to it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Any


def lock_path_for(db_path: Path) -> Path:
    """`<db path>.lock`, e.g. `city.sqlite3.lock`."""
    return db_path.with_name(db_path.name + ".lock")


class LockUnavailableError(OSError):
    """The lock file could not be created at all (read-only medium, no permission)."""


class DatabaseLock:
    """A non-blocking exclusive lock on `<db path>.lock`, held until `release()`.

    POSIX uses `flock` (one open file description per lock, so two locks taken in the same
    process conflict too); Windows uses `msvcrt.locking` on the first byte. The lock file is
    never deleted: deleting it while another process waits on it would let two holders in.
    The OS drops the lock when the holder dies, so a crash never leaves a stale lock.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; False if another holder has it.

        Raises `LockUnavailableError` when the lock file cannot be opened or created.
        """
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise LockUnavailableError(exc.errno, exc.strerror, str(self.path)) from exc
        if _try_lock(fd):
            self._fd = fd
            return True
        os.close(fd)
        return False

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _windows_try_lock(fd: int, msvcrt: Any) -> bool:
    """Lock the first byte without waiting (`msvcrt` passed in: tests run this on Linux with a stand-in)."""
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _windows_unlock(fd: int, msvcrt: Any) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


if sys.platform == "win32":
    import msvcrt as _msvcrt

    def _try_lock(fd: int) -> bool:
        return _windows_try_lock(fd, _msvcrt)

    def _unlock(fd: int) -> None:
        _windows_unlock(fd, _msvcrt)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
