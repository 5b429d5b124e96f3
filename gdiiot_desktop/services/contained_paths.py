"""Paths that come from outside stay inside their base folder, or are refused.

A path typed in a sheet cell (视频文件, 申报书文件) names a file beside the workbook. Read as it
stands it could name any file the user can read (`../../etc/hostname`, `C:\\Windows\\…`), a network
share (`\\\\host\\share\\x.pdf`: a connection and, on Windows, the user's NTLM hash sent to that
host), a device (`\\\\.\\pipe\\x`, `NUL`, `COM1.txt`) or an alternate data stream (`a.pdf:hidden`).
The rules are Windows' (the users' platform) and apply on every platform, since a sheet travels.

- `relative_parts`: the components of a path written as relative, or the reason it is refused;
- `join_inside`: those components under a base folder, of the base's flavour (tests pass a
  `PureWindowsPath` base to check Windows semantics on Linux);
- `resolve_inside`: the same on the real file system, symbolic links followed and checked;
- `local_file_problem`: a path the user gave for their own file (the `attach` command): may be
  absolute, never a network, device or stream path;
- `safe_relative_label`: a label (a bundle's `source_path`) turned into a harmless relative path,
  for naming a copy beside an export; never a place to write as it stands.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from .errors import InputError

__all__ = [
    "PathRefusedError",
    "join_inside",
    "local_file_problem",
    "relative_parts",
    "resolve_inside",
    "safe_relative_label",
]

MAX_PATH_CHARS = 1_000
MAX_COMPONENT_CHARS = 255
_SEPARATORS = re.compile(r"[\\/]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WINDOWS_FORBIDDEN = re.compile(r'[<>"|?*]')
_DRIVE = re.compile(r"^[A-Za-z]:")
_DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)


class PathRefusedError(InputError):
    """A path from outside that would leave its folder, reach the network or a device."""

    def __init__(self, text: str, reason: str, hint: str = ""):
        super().__init__(f"路径“{text[:200]}”不能使用：{reason}" + (f"。{hint}" if hint else ""))
        self.text = text
        self.reason = reason


def _component_problem(part: str) -> str | None:
    if ":" in part:
        return "含有冒号（Windows 的备用数据流或盘符写法）"
    if _WINDOWS_FORBIDDEN.search(part):
        return "含有 Windows 文件名中不允许的字符（< > \" | ? *）"
    if part != part.rstrip(". "):
        return f"“{part}”以句点或空格结尾（Windows 会悄悄去掉，指向另一个文件）"
    if part.split(".", 1)[0].rstrip(" ").upper() in _DEVICE_NAMES:
        return f"“{part}”是 Windows 的设备名（CON、NUL、COM1 等），不是文件"
    if len(part) > MAX_COMPONENT_CHARS:
        return f"其中一段名称超过 {MAX_COMPONENT_CHARS} 个字符"
    return None


def _text_problem(text: str) -> str | None:
    if not text:
        return "路径是空的"
    if len(text) > MAX_PATH_CHARS:
        return f"路径超过 {MAX_PATH_CHARS} 个字符"
    if _CONTROL.search(text):
        return "含有控制字符"
    return None


def relative_parts(text: str) -> tuple[str, ...]:
    """The components of `text`, a path relative to some folder; "\\" and "/" both separate.

    Raises `PathRefusedError` for an absolute path, a drive, a network or device path, "..",
    a stream, a reserved device name or a name Windows would silently change.
    """
    problem = _text_problem(text)
    if problem is None:
        if text.startswith(("\\\\", "//")):
            problem = "这是网络共享或设备路径（以 \\\\ 开头），程序不会访问网络或设备"
        elif text.startswith(("\\", "/")):
            problem = "这是绝对路径（以 \\ 或 / 开头）"
        elif _DRIVE.match(text):
            problem = "这是带盘符的路径（如 C:\\…）"
    if problem is None:
        parts = []
        for part in _SEPARATORS.split(text):
            if part in ("", "."):
                continue
            if part == "..":
                problem = "含有“..”（指向上一级文件夹）"
                break
            problem = _component_problem(part)
            if problem is not None:
                break
            parts.append(part)
        else:
            if parts:
                return tuple(parts)
            problem = "没有文件名"
    raise PathRefusedError(text, problem)


def join_inside(base: PurePath, text: str) -> PurePath:
    """`text` under `base`, in `base`'s flavour; refused when it would not stay there."""
    joined = base.joinpath(*relative_parts(text))
    if not joined.is_relative_to(base):  # cannot happen after relative_parts; kept as the invariant
        raise PathRefusedError(text, "指向文件夹之外")
    return joined


def resolve_inside(text: str, base: Path, *, real_base: str | None = None) -> Path:
    """`text` as a file under `base` on this machine; a symbolic link may not lead out of `base`.

    `real_base` is `base` with its links resolved, for callers that resolve many paths in one base.
    """
    joined = Path(join_inside(base, text))
    inside = real_base if real_base is not None else os.path.realpath(base)
    try:
        real = os.path.realpath(joined, strict=False)
    except (OSError, ValueError):  # a link loop on some platforms
        raise PathRefusedError(text, "路径中的链接无法解析") from None
    if os.path.normcase(os.path.commonpath([inside, real])) != os.path.normcase(inside):
        raise PathRefusedError(text, f"经由链接指向文件夹 {base} 之外")
    return joined


def local_file_problem(text: str, flavour: type[PurePath] | None = None) -> str | None:
    """Why a path the user typed for their own file cannot be used, or None.

    Absolute and relative paths are fine; a network share, a device path, a stream, a reserved
    device name are not. `flavour` defaults to this machine's; tests pass `PureWindowsPath`.
    """
    problem = _text_problem(text)
    if problem is not None:
        return problem
    windows = (flavour or (PureWindowsPath if os.name == "nt" else PurePosixPath)) is PureWindowsPath
    if text.startswith(("\\\\", "//")) and (windows or text.startswith("\\\\")):
        return "这是网络共享或设备路径（以 \\\\ 开头），程序不会访问网络或设备"
    pure = PureWindowsPath(text) if windows else PurePosixPath(text)
    names = pure.parts[1:] if pure.anchor else pure.parts
    if windows and pure.drive and not pure.root:
        return "盘符后缺少“\\”（如 C:文件.pdf 指向该盘的当前文件夹，含义不确定）"
    for part in names:
        if part == "..":
            continue  # the user's own relative path may go up from the current folder
        found = _component_problem(part) if windows else (_component_problem(part) if ":" in part else None)
        if found is not None:
            return found
    return None


def safe_relative_label(label: str, fallback: str = "file") -> PurePosixPath:
    """A relative path made from a label by dropping what could lead elsewhere; never refuses.

    Drives, roots, network hosts, "..", streams and reserved names are dropped or altered, so
    the result, joined to any folder, stays inside it on Windows and elsewhere.
    """
    kept = []
    for part in _SEPARATORS.split(_CONTROL.sub("", label)):
        part = _WINDOWS_FORBIDDEN.sub("_", part).replace(":", "_").rstrip(". ")
        if part in ("", ".", "..") or part.startswith(".."):
            continue
        if part.split(".", 1)[0].rstrip(" ").upper() in _DEVICE_NAMES:
            part = "_" + part
        kept.append(part[:MAX_COMPONENT_CHARS])
    # a label that began with a drive ("C:" → "C_") or a host ("\\host\share") keeps only its tail
    if _DRIVE.match(label) and kept:
        kept = kept[1:]
    elif label.startswith(("\\\\", "//")) and len(kept) > 2:
        kept = kept[2:]
    elif label.startswith(("\\\\", "//")):
        kept = kept[-1:]
    return PurePosixPath(*kept) if kept else PurePosixPath(fallback)
