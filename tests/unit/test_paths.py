"""Tests for user paths: the override, portable mode (frozen and from source), platformdirs, backups."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gdiiot_desktop import paths


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    monkeypatch.delenv(paths.ENV_PORTABLE, raising=False)


Call = tuple[tuple[object, ...], dict[str, object]]


@pytest.fixture
def platformdirs_calls() -> list[Call]:
    return []


@pytest.fixture
def user_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platformdirs_calls: list[Call]) -> Path:
    """Redirect platformdirs to a temp folder and record the arguments it was called with."""
    target = tmp_path / "user-data" / "GDIIoT"

    def fake_user_data_dir(*args: object, **kwargs: object) -> str:
        platformdirs_calls.append((args, kwargs))
        return str(target)

    monkeypatch.setattr(paths, "user_data_dir", fake_user_data_dir)
    return target


@pytest.fixture
def frozen_exe(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Pretend to be a PyInstaller build whose executable sits in tmp_path/app."""
    app = tmp_path / "app"
    app.mkdir()
    exe = app / "gdiiot-desktop.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    return app


def test_env_override_wins_and_is_created(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "nested" / "data"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(target))
    monkeypatch.setenv(paths.ENV_PORTABLE, "1")  # the override beats portable mode too

    assert not target.exists()
    assert paths.data_dir() == target.resolve()
    assert target.is_dir()
    assert paths.default_db_path() == target.resolve() / "gdiiot.sqlite3"


def test_create_false_does_not_touch_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "not-yet"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(target))
    assert paths.data_dir(create=False) == target.resolve()
    assert paths.default_db_path(create=False).name == "gdiiot.sqlite3"
    assert not target.exists()


def test_default_uses_platformdirs_with_app_name(user_dir: Path, platformdirs_calls: list[Call]) -> None:
    assert paths.data_dir() == user_dir.resolve()
    assert user_dir.is_dir()
    args, kwargs = platformdirs_calls[0]
    assert args == ("GDIIoT", "GDIIoT")
    assert kwargs == {"roaming": False}
    assert paths.default_db_path() == user_dir.resolve() / "gdiiot.sqlite3"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME is the Linux convention")
def test_real_platformdirs_on_linux_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == (tmp_path / "xdg" / "GDIIoT").resolve()


def test_from_source_is_not_portable_even_with_marker_beside_python(
    monkeypatch: pytest.MonkeyPatch, user_dir: Path, tmp_path: Path
) -> None:
    # A portable.txt beside the interpreter means nothing when running from source.
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    (fake_bin / paths.PORTABLE_DATA).mkdir()
    monkeypatch.setattr(sys, "executable", str(fake_bin / "python"))
    assert not paths.is_frozen()
    assert not paths.is_portable()
    assert paths.data_dir() == user_dir.resolve()


def test_from_source_portable_by_env(monkeypatch: pytest.MonkeyPatch, user_dir: Path) -> None:
    monkeypatch.setenv(paths.ENV_PORTABLE, "1")
    checkout = Path(paths.__file__).resolve().parent.parent
    assert paths.is_portable()
    assert paths.data_dir(create=False) == checkout / "data"
    monkeypatch.setenv(paths.ENV_PORTABLE, "0")
    assert not paths.is_portable()


def test_frozen_without_marker_uses_user_folder(frozen_exe: Path, user_dir: Path) -> None:
    assert paths.is_frozen()
    assert paths.program_dir() == frozen_exe.resolve()
    assert not paths.is_portable()
    assert paths.data_dir() == user_dir.resolve()
    assert not (frozen_exe / "data").exists()


def test_frozen_with_portable_txt(frozen_exe: Path, user_dir: Path) -> None:
    (frozen_exe / "portable.txt").write_text("", encoding="utf-8")
    assert paths.is_portable()
    assert paths.data_dir() == (frozen_exe / "data").resolve()
    assert (frozen_exe / "data").is_dir()
    assert paths.default_db_path() == (frozen_exe / "data" / "gdiiot.sqlite3").resolve()
    assert not user_dir.exists()


def test_frozen_with_data_folder(frozen_exe: Path, user_dir: Path) -> None:
    (frozen_exe / "data").mkdir()
    assert paths.is_portable()
    assert paths.data_dir() == (frozen_exe / "data").resolve()


def test_frozen_ignores_env_portable(
    monkeypatch: pytest.MonkeyPatch, frozen_exe: Path, user_dir: Path
) -> None:
    # In a build only the files beside the executable decide; the env switch is for source runs.
    monkeypatch.setenv(paths.ENV_PORTABLE, "1")
    assert not paths.is_portable()


def test_backups_dir_is_per_database(tmp_path: Path) -> None:
    db_a = tmp_path / "city" / "a.sqlite3"
    db_b = tmp_path / "city" / "b.sqlite3"
    backups_a = paths.backups_dir(db_a)
    backups_b = paths.backups_dir(db_b)
    assert backups_a == (tmp_path / "city" / "backups" / "a").resolve()
    assert backups_a.is_dir()
    assert backups_b != backups_a
    assert backups_b.parent == backups_a.parent


def test_backups_dir_create_false(tmp_path: Path) -> None:
    folder = paths.backups_dir(tmp_path / "x.sqlite3", create=False)
    assert folder == (tmp_path / "backups" / "x").resolve()
    assert not folder.exists()
