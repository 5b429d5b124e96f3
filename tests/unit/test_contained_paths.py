"""Paths from outside stay in their folder: Windows semantics checked on Linux with PureWindowsPath."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from gdiiot_desktop.services.contained_paths import (
    PathRefusedError,
    join_inside,
    local_file_problem,
    relative_parts,
    resolve_inside,
    safe_relative_label,
)

WINDOWS_BASE = PureWindowsPath("C:/Users/县区/申报")
POSIX_BASE = PurePosixPath("/home/city/申报")

REFUSED = {
    "../../../../etc/hostname": "“..”",
    "视频/../../x.mp4": "“..”",
    "..\\..\\x.pdf": "“..”",
    "/etc/passwd": "绝对路径",
    "\\Windows\\win.ini": "绝对路径",
    "C:\\Windows\\win.ini": "盘符",
    "c:/x.pdf": "盘符",
    "C:x.pdf": "盘符",
    "\\\\host\\share\\x.pdf": "网络共享或设备路径",
    "//host/share/x.pdf": "网络共享或设备路径",
    "\\\\.\\pipe\\x": "网络共享或设备路径",
    "\\\\?\\UNC\\host\\share\\x": "网络共享或设备路径",
    "\\\\?\\C:\\x.pdf": "网络共享或设备路径",
    "a.pdf:hidden": "冒号",
    "视频\\a.mp4::$DATA": "冒号",
    "CON": "设备名",
    "nul.pdf": "设备名",
    "视频/COM1.mp4": "设备名",
    "lpt9": "设备名",
    "Aux .txt": "设备名",
    "COM¹.pdf": "设备名",
    "CONIN$": "设备名",
    "a.pdf.": "句点或空格结尾",
    "视频 /a.mp4": "句点或空格结尾",
    "a.pdf ": "句点或空格结尾",
    "...": "句点或空格结尾",
    "a?.pdf": "不允许的字符",
    "a*.pdf": "不允许的字符",
    "a\x00.pdf": "控制字符",
    "a\n.pdf": "控制字符",
    "": "空的",
    "./": "没有文件名",
    "x" * 1001: "超过 1000 个字符",
    "x" * 300 + ".pdf": "超过 255 个字符",
}


@pytest.mark.parametrize(("text", "reason"), list(REFUSED.items()), ids=[repr(t[:30]) for t in REFUSED])
@pytest.mark.parametrize("base", [WINDOWS_BASE, POSIX_BASE], ids=["windows", "posix"])
def test_outside_paths_are_refused_in_both_flavours(text: str, reason: str, base: Path) -> None:
    with pytest.raises(PathRefusedError) as caught:
        join_inside(base, text)
    assert reason in caught.value.reason
    assert "不能使用" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("视频\\项目.mp4", ("视频", "项目.mp4")),
        ("视频/项目.mp4", ("视频", "项目.mp4")),
        (".\\申报书\\\\a.pdf", ("申报书", "a.pdf")),
        ("a..b.pdf", ("a..b.pdf",)),
        ("CONTRACT.pdf", ("CONTRACT.pdf",)),
        ("COM10.pdf", ("COM10.pdf",)),
        ("项目 视频.mp4", ("项目 视频.mp4",)),
    ],
)
def test_relative_paths_stay_under_the_base(text: str, parts: tuple[str, ...]) -> None:
    assert relative_parts(text) == parts
    windows = join_inside(WINDOWS_BASE, text)
    assert isinstance(windows, PureWindowsPath) and windows.is_relative_to(WINDOWS_BASE)
    assert windows.parts[-len(parts) :] == parts
    assert join_inside(POSIX_BASE, text).is_relative_to(POSIX_BASE)


def test_resolve_inside_follows_links_and_refuses_those_leading_out(tmp_path: Path) -> None:
    base = tmp_path / "book"
    (base / "视频").mkdir(parents=True)
    (base / "视频" / "a.mp4").write_bytes(b"x")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    assert resolve_inside("视频\\a.mp4", base) == base / "视频" / "a.mp4"
    if not hasattr(os, "symlink"):
        return
    (base / "link.txt").symlink_to(secret)
    (base / "out").symlink_to(tmp_path)
    for text in ("link.txt", "out/secret.txt"):
        with pytest.raises(PathRefusedError, match="经由链接指向文件夹"):
            resolve_inside(text, base)
    (base / "inner").symlink_to(base / "视频")
    assert resolve_inside("inner/a.mp4", base) == base / "inner" / "a.mp4"


@pytest.mark.parametrize(
    ("text", "flavour", "problem"),
    [
        ("C:\\Users\\me\\a.pdf", PureWindowsPath, None),
        ("a.pdf", PureWindowsPath, None),
        ("..\\a.pdf", PureWindowsPath, None),
        ("/home/me/a.pdf", PurePosixPath, None),
        ("/home/me/a:b.pdf", PurePosixPath, "冒号"),
        ("\\\\host\\share\\a.pdf", PureWindowsPath, "网络共享"),
        ("\\\\host\\share\\a.pdf", PurePosixPath, "网络共享"),
        ("//host/share/a.pdf", PureWindowsPath, "网络共享"),
        ("\\\\.\\pipe\\x", PureWindowsPath, "网络共享或设备路径"),
        ("C:\\a.pdf:stream", PureWindowsPath, "冒号"),
        ("C:\\temp\\NUL.pdf", PureWindowsPath, "设备名"),
        ("C:\\temp\\a.pdf.", PureWindowsPath, "句点或空格结尾"),
        ("C:a.pdf", PureWindowsPath, "盘符后缺少"),
        ("a\x1b.pdf", PureWindowsPath, "控制字符"),
    ],
)
def test_local_file_problems(text: str, flavour: type, problem: str | None) -> None:
    found = local_file_problem(text, flavour)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("视频\\a.mp4", "视频/a.mp4"),
        ("../../etc/passwd", "etc/passwd"),
        ("C:\\Users\\x\\a.pdf", "Users/x/a.pdf"),
        ("\\\\host\\share\\x.pdf", "x.pdf"),
        ("\\\\host\\share\\deep\\x.pdf", "deep/x.pdf"),
        ("\\\\.\\pipe\\x", "x"),
        ("\\\\?\\UNC\\host\\share\\x.pdf", "host/share/x.pdf"),
        ("a.pdf:stream", "a.pdf_stream"),
        ("CON.pdf", "_CON.pdf"),
        ("a.pdf. ", "a.pdf"),
        ("..", "file"),
        ("", "file"),
    ],
)
def test_labels_become_harmless_relative_paths(label: str, expected: str) -> None:
    rel = safe_relative_label(label)
    assert str(rel) == expected
    joined = PureWindowsPath("D:/导出") / PureWindowsPath(str(rel))
    assert joined.is_relative_to(PureWindowsPath("D:/导出"))
    relative_parts(str(rel))  # and it passes the strict check itself
