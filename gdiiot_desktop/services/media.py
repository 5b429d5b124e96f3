"""What the program needs to know about an attached file: kind, size, SHA-256, PDF pages, video duration.

No Qt, no database. `probe_file` never raises on the file's *content* (garbage, empty, truncated,
encrypted, a missing MediaInfo library): what cannot be read is reported in `MediaFacts.problem`
in Chinese, for the user. It raises OSError only when the file itself cannot be opened or read.

Video durations come from MediaInfo (pymediainfo), not mutagen (TECH-NOTES, "Video duration").
The duration is the video track's: a 360 s picture with a 100 s sound track is 360 s, a 100 s
picture padded with 700 s of sound is 100 s, and an MPEG-TS whose container duration is off by
the muxing delay reads the video track's exact length. The container (General) duration is used
only when no video track carries one.
"""

from __future__ import annotations

import hashlib
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

Kind = Literal["video", "pdf", "image", "word", "other"]

CHUNK_SIZE = 1024 * 1024  # 1 MiB
HEAD_SIZE = 4096  # bytes read to recognise a format by its content

# Path to libmediainfo (MediaInfo.dll on Windows); None lets pymediainfo find the one in its wheel
# (or in the PyInstaller bundle, through pymediainfo's hook).
MEDIAINFO_LIBRARY: str | None = None

VIDEO_EXTENSIONS = frozenset(
    {
        "mp4", "m4v", "mov", "qt", "avi", "wmv", "asf", "flv", "f4v", "mkv", "webm",
        "mpg", "mpeg", "mpe", "m1v", "m2v", "vob", "ts", "mts", "m2ts", "3gp", "3g2",
        "rm", "rmvb", "ogv", "dat",
    }
)  # fmt: skip
PDF_EXTENSIONS = frozenset({"pdf"})
IMAGE_EXTENSIONS = frozenset(
    {"jpg", "jpeg", "jpe", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "heif"}
)
WORD_EXTENSIONS = frozenset({"doc", "docx", "docm", "dot", "dotx", "wps", "rtf", "odt"})

_IMAGE_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis"}
# Containers whose duration MediaInfo estimates from timestamps (see _probe_video).
_TIMESTAMP_FORMATS = frozenset({"MPEG-PS", "MPEG-TS", "BDAV", "MPEG Video"})
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class MediaFacts:
    """What was read from one file.

    `readable` is False when what the program needs from a file of this kind could not be read
    (a video's duration, a PDF's page count, an image or document that is not what its name says,
    an empty file); `problem` then says why, in Chinese. Files of kind "other" are readable.
    """

    kind: Kind
    size: int
    sha256: str
    pages: int | None = None  # PDF only
    duration_seconds: float | None = None  # video only
    readable: bool = True
    problem: str | None = None
    format: str | None = None  # e.g. "MPEG-4", "AVI", "PDF", "PNG", "DOCX"
    encrypted: bool = False  # PDF with encryption (pages are still counted when no password is needed)


def sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    """The file's SHA-256 as lower-case hex, read in 1 MiB chunks.

    `progress`, when given, is called after each chunk with the number of bytes read so far
    (it may raise to cancel).
    """
    digest = hashlib.sha256()
    done = 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK_SIZE):
            digest.update(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done)
    return digest.hexdigest()


def probe_file(path: Path, progress: Callable[[int], None] | None = None) -> MediaFacts:
    """Kind, size, SHA-256 and, where it applies, page count or video duration of `path`."""
    path = Path(path)
    return probe_content(path, path.suffix, sha256_file(path, progress))


def probe_content(path: Path, suffix: str, sha256: str = "") -> MediaFacts:
    """As `probe_file`, for a file whose hash is known already (a bundle's attachment, verified while
    it was copied into the store) and whose own name says nothing: `suffix` is the name it was filed under."""
    with open(path, "rb") as f:
        head = f.read(HEAD_SIZE)
    digest = sha256
    size = path.stat().st_size
    extension = suffix.lower().lstrip(".")
    kind, fmt = detect_kind(head, extension, path)
    base = MediaFacts(kind=kind, size=size, sha256=digest, format=fmt)
    if size == 0:
        return replace(base, readable=False, problem=_empty_problem(kind))
    if kind == "video":
        return _probe_video(path, base)
    if kind == "pdf":
        return _probe_pdf(path, base)
    if kind in ("image", "word") and fmt is None:
        what = "图片" if kind == "image" else "Word/WPS 文档"
        return replace(base, readable=False, problem=f"文件内容无法识别为{what}，可能已损坏或扩展名有误")
    return base


# ---------------------------------------------------------------------------------------
# Recognising the kind
# ---------------------------------------------------------------------------------------


def detect_kind(head: bytes, extension: str, path: Path | None = None) -> tuple[Kind, str | None]:
    """The kind of a file from its first bytes where they are telling, else from its extension.

    Returns (kind, format); format is None when the content was not recognised.
    """
    sniffed = _sniff(head, extension, path)
    if sniffed is not None:
        return sniffed
    return _kind_by_extension(extension), None


def _kind_by_extension(extension: str) -> Kind:
    if extension in VIDEO_EXTENSIONS:
        return "video"
    if extension in PDF_EXTENSIONS:
        return "pdf"
    if extension in IMAGE_EXTENSIONS:
        return "image"
    if extension in WORD_EXTENSIONS:
        return "word"
    return "other"


def _sniff(head: bytes, extension: str, path: Path | None) -> tuple[Kind, str] | None:
    if not head:
        return None
    if b"%PDF-" in head[:1024]:
        return "pdf", "PDF"
    # Images
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image", "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "image", "JPEG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image", "GIF"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image", "TIFF"
    if head.startswith(b"BM") and len(head) >= 26 and extension in IMAGE_EXTENSIONS | {""}:
        return "image", "BMP"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "WebP"
    # Videos
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _IMAGE_BRANDS:
            return "image", "HEIF"
        return "video", "QuickTime" if brand == b"qt  " else "MPEG-4"
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip") and extension in VIDEO_EXTENSIONS:
        return "video", "QuickTime"
    if head[:4] == b"RIFF" and head[8:12] in (b"AVI ", b"AVIX"):
        return "video", "AVI"
    if head.startswith(b"\x30\x26\xb2\x75\x8e\x66\xcf\x11"):
        return "video", "Windows Media"
    if head.startswith(b"FLV\x01"):
        return "video", "Flash Video"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video", "WebM" if b"webm" in head[:64] else "Matroska"
    if head.startswith((b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")):
        return "video", "MPEG-PS"
    if head.startswith(b".RMF"):
        return "video", "RealMedia"
    if len(head) > 376 and head[0] == 0x47 and head[188] == 0x47 and head[376] == 0x47:
        return "video", "MPEG-TS"
    if len(head) > 388 and head[4] == 0x47 and head[196] == 0x47 and head[388] == 0x47:
        return "video", "BDAV"  # .m2ts/.mts: 192-byte packets
    # Documents
    if head.startswith(b"{\\rtf"):
        return "word", "RTF"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: .doc/.wps, but also .xls/.ppt
        if extension in WORD_EXTENSIONS:
            return "word", "DOC"
        return None
    if head.startswith(b"PK\x03\x04") and path is not None:
        if _zip_has(path, "word/document.xml"):
            return "word", "DOCX"
        if extension == "odt" and _zip_has(path, "content.xml"):
            return "word", "ODT"
        return None
    return None


def _zip_has(path: Path, member: str) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _empty_problem(kind: Kind) -> str:
    if kind == "video":
        return "无法读取视频时长：文件为空（0 字节）"
    if kind == "pdf":
        return "无法读取PDF页数：文件为空（0 字节）"
    return "文件为空（0 字节）"


# ---------------------------------------------------------------------------------------
# Videos
# ---------------------------------------------------------------------------------------


def _probe_video(path: Path, base: MediaFacts) -> MediaFacts:
    def unreadable(problem: str, fmt: str | None = None) -> MediaFacts:
        return replace(base, format=fmt or base.format, readable=False, problem=problem)

    try:
        info = _mediainfo(path, 0.5)
    except OSError:
        # pymediainfo raises OSError when libmediainfo / MediaInfo.dll cannot be loaded.
        return unreadable("无法读取视频时长：缺少视频分析组件（MediaInfo），请重新安装本程序")
    except Exception:  # libmediainfo failed, or its output could not be parsed
        return unreadable("无法读取视频时长：文件格式无法识别")

    general = info.general_tracks[0] if info.general_tracks else None
    fmt = _text(getattr(general, "format", None)) if general is not None else None
    count_frames = fmt in _TIMESTAMP_FORMATS
    if count_frames:
        # MPEG-PS/TS have no duration field: it is estimated from timestamps, and comes out short
        # when packs carry several frames (a low-bitrate 10:01 MPG read 9:59). A full parse counts
        # the frames, which is exact; it reads the whole file (about 5 ms per MB).
        try:
            info = _mediainfo(path, 1.0)
            general = info.general_tracks[0] if info.general_tracks else general
        except Exception:
            count_frames = False
    truncated = general is not None and _text(getattr(general, "istruncated", None)) == "Yes"
    videos = info.video_tracks
    if truncated:
        return unreadable("无法读取视频时长：视频文件不完整（可能未复制完整或已损坏）", fmt)
    if not videos:
        if fmt is None:
            return unreadable("无法读取视频时长：文件格式无法识别")
        if info.audio_tracks:
            return unreadable("文件中只有声音、没有视频画面，无法作为项目视频", fmt)
        return unreadable(f"无法读取视频时长：文件（{fmt}）中没有视频画面", fmt)

    duration = video_duration(general, videos, count_frames=count_frames)
    if duration is None:
        return unreadable("无法读取视频时长：文件中没有时长信息", fmt)
    return replace(base, format=fmt or base.format, duration_seconds=duration)


def video_duration(general: Any, video_tracks: list[Any], *, count_frames: bool = False) -> float | None:
    """Seconds of picture: the longest video track's duration, else the container's, else frames/rate.

    With `count_frames` (MPEG-PS/TS, parsed in full) a track lasts at least its frame count over
    its frame rate: the timestamp estimate can fall short, the count cannot run long (pulldown
    makes it short, and then the estimate wins).
    """
    from_tracks = []
    for track in video_tracks:
        seconds = _milliseconds(getattr(track, "duration", None))
        seconds = seconds / 1000 if seconds else None
        counted = _frames_over_rate(track) if (count_frames or seconds is None) else None
        if counted and (seconds is None or counted > seconds):
            seconds = counted
        if seconds:
            from_tracks.append(seconds)
    if from_tracks:
        return round(max(from_tracks), 3)
    overall = _milliseconds(getattr(general, "duration", None)) if general is not None else None
    return round(overall / 1000, 3) if overall else None


def _frames_over_rate(track: Any) -> float | None:
    frames = _number(getattr(track, "frame_count", None))
    rate = _number(getattr(track, "frame_rate", None))
    return frames / rate if frames and rate and frames > 0 and rate > 0 else None


def _mediainfo(path: Path, parse_speed: float) -> Any:
    from pymediainfo import MediaInfo

    return MediaInfo.parse(
        str(path.resolve()),
        library_file=MEDIAINFO_LIBRARY,
        encoding_errors="replace",
        parse_speed=parse_speed,
    )


def _milliseconds(value: Any) -> float | None:
    number = _number(value)
    return number if number is not None and number > 0 else None


def _number(value: Any) -> float | None:
    """MediaInfo values arrive as int, float or str ("300000.000000", sometimes "300000 / 299960")."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    match = _NUMBER.search(str(value))
    return float(match.group()) if match else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


# ---------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------


def _probe_pdf(path: Path, base: MediaFacts) -> MediaFacts:
    pages, encrypted, problem = pdf_pages(path)
    return replace(base, pages=pages, encrypted=encrypted, readable=pages is not None, problem=problem)


def pdf_pages(path: Path) -> tuple[int | None, bool, str | None]:
    """(pages, encrypted, problem): pages is None when they cannot be counted; never raises."""
    encrypted = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from pypdf import PdfReader

            reader = PdfReader(path, strict=False)
            encrypted = bool(reader.is_encrypted)
            if encrypted and not reader.decrypt(""):
                return None, True, "无法读取PDF页数：文件已加密，需要密码才能打开"
            pages = len(reader.pages)
    except Exception:  # pypdf raises many kinds on damaged input; RecursionError included
        if encrypted:
            return None, True, "无法读取PDF页数：文件已加密，无法解密"
        return None, encrypted, "无法读取PDF页数：文件已损坏或不是有效的PDF"
    if pages <= 0:
        return None, encrypted, "无法读取PDF页数：文件中没有页面"
    return pages, encrypted, None
