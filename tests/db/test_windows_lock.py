"""The Windows branch of the database lock, run on any platform with a stand-in for `msvcrt`:
the first byte of the lock file is locked without waiting, a second holder is refused, unlock frees it."""

from __future__ import annotations

import os
from pathlib import Path

from gdiiot_desktop.storage.locking import _windows_try_lock, _windows_unlock


class FakeMsvcrt:
    """Byte-range locks as Windows keeps them: per file, a locked range refuses another LK_NBLCK."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        self.locked: dict[int, tuple[int, int]] = {}  # file identity → (position, length)
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        key, where = os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, where, nbytes))
        if mode == self.LK_NBLCK:
            if key in self.locked:
                raise PermissionError(13, "Permission denied")  # what msvcrt raises for a held range
            self.locked[key] = (where, nbytes)
        elif mode == self.LK_UNLCK:
            del self.locked[key]


def test_first_byte_locked_without_waiting_and_a_second_holder_refused(tmp_path: Path) -> None:
    fake = FakeMsvcrt()
    path = tmp_path / "city.sqlite3.lock"
    first = os.open(path, os.O_RDWR | os.O_CREAT)
    second = os.open(path, os.O_RDWR)
    try:
        os.write(first, b"x")  # the position moved: the lock must still be taken at byte 0
        assert _windows_try_lock(first, fake)
        assert not _windows_try_lock(second, fake)
        _windows_unlock(first, fake)
        assert _windows_try_lock(second, fake)
        assert fake.calls == [(2, 0, 1), (2, 0, 1), (0, 0, 1), (2, 0, 1)]
    finally:
        os.close(first)
        os.close(second)
