"""The content-addressed attachment store: idempotent, verified, atomic, Chinese names."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from gdiiot_desktop.storage.errors import AttachmentMissingError
from gdiiot_desktop.storage.store import CHUNK, AttachmentStore


@pytest.fixture
def store(tmp_path: Path) -> AttachmentStore:
    return AttachmentStore(tmp_path / "city.files")


def test_put_file_with_chinese_name(store: AttachmentStore, tmp_path: Path) -> None:
    src = tmp_path / "申报材料" / "江门示例公司 项目视频（终版）.mp4"
    src.parent.mkdir()
    data = os.urandom(3 * CHUNK + 17)  # several chunks
    src.write_bytes(data)
    stored = store.put_file(src)
    sha = hashlib.sha256(data).hexdigest()
    assert (stored.sha256, stored.size) == (sha, len(data))
    assert store.path_of(sha) == store.root / sha[:2] / sha
    assert store.path_of(sha).read_bytes() == data
    assert store.has(sha) and store.verify(sha)
    with store.open(sha) as f:
        assert f.read() == data
    assert list(store.iter_hashes()) == [sha]
    assert list(store.temp_dir.iterdir()) == []


def test_put_is_idempotent(store: AttachmentStore) -> None:
    a = store.put_bytes(b"same bytes")
    before = store.path_of(a.sha256).stat()
    b = store.put_bytes(b"same bytes")
    assert a == b
    after = store.path_of(a.sha256).stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)  # kept, not rewritten
    assert list(store.iter_hashes()) == [a.sha256]


def test_damaged_file_is_detected_and_replaced(store: AttachmentStore) -> None:
    stored = store.put_bytes(b"original content")
    path = store.path_of(stored.sha256)
    path.write_bytes(b"original c0ntent")  # same size, wrong bytes
    assert store.has(stored.sha256) and not store.verify(stored.sha256)
    assert store.put_bytes(b"original content") == stored
    assert store.verify(stored.sha256)


def test_missing_file(store: AttachmentStore) -> None:
    sha = hashlib.sha256(b"never stored").hexdigest()
    assert not store.has(sha) and not store.verify(sha)
    with pytest.raises(AttachmentMissingError) as caught:
        store.open(sha)
    assert "附件文件缺失" in caught.value.message


@pytest.mark.parametrize("bad", ["../../etc/passwd", "ABCDEF" * 10 + "ABCD", "a" * 63, ""])
def test_path_of_refuses_malformed_hashes(store: AttachmentStore, bad: str) -> None:
    with pytest.raises(ValueError):
        store.path_of(bad)


def test_failed_copy_leaves_no_file(store: AttachmentStore, tmp_path: Path) -> None:
    class Exploding:
        def __iter__(self) -> Exploding:
            return self

        def __next__(self) -> bytes:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        store._put_chunks(Exploding())
    assert list(store.temp_dir.iterdir()) == []
    assert list(store.iter_hashes()) == []


def test_missing_source(store: AttachmentStore, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        store.put_file(tmp_path / "不存在.pdf")


def test_clean_temp(store: AttachmentStore) -> None:
    store.temp_dir.mkdir(parents=True)
    (store.temp_dir / "put-x.part").write_bytes(b"partial")
    assert store.clean_temp() == 1
    assert list(store.temp_dir.iterdir()) == []


def test_empty_file(store: AttachmentStore) -> None:
    stored = store.put_bytes(b"")
    assert stored.size == 0 and store.verify(stored.sha256)
