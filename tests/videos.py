"""Real test videos, made with the ffmpeg binary that the imageio-ffmpeg wheel ships.

    from tests.videos import make_video
    make_video(tmp_path / "项目视频.mp4", 300)            # 5:00, MPEG-4 in MP4
    make_video(tmp_path / "v.wmv", 601)                  # format from the suffix
    make_video(tmp_path / "x.bin", 360, fmt="mkv", audio_seconds=100)

Videos are tiny (16×16 black frames, 1 fps; 25 fps for MPEG-PS/TS, whose codecs allow no less),
so one takes well under a second. Each distinct (seconds, fmt, audio_seconds) is made once per
test run (per process) in a cache folder and copied to where it is asked for.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

# fmt → (ffmpeg muxer, video codec, frame rate, audio codec)
FORMATS: dict[str, tuple[str, str, int, str]] = {
    "mp4": ("mp4", "mpeg4", 1, "aac"),
    "mov": ("mov", "mpeg4", 1, "aac"),
    "avi": ("avi", "mpeg4", 1, "mp2"),
    "mkv": ("matroska", "mpeg4", 1, "aac"),
    "wmv": ("asf", "wmv2", 1, "wmav2"),
    "flv": ("flv", "flv", 1, "libmp3lame"),
    "mpg": ("mpeg", "mpeg2video", 25, "mp2"),
    "ts": ("mpegts", "mpeg2video", 25, "mp2"),
}
VIDEO_FORMATS = tuple(FORMATS)

_cache: dict[tuple[float, str, float | None], Path] = {}
_cache_dir: Path | None = None
_lock = threading.Lock()


def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


def make_video(
    path: Path,
    seconds: float,
    fmt: str | None = None,
    *,
    audio_seconds: float | None = None,
) -> Path:
    """Write a real video of `seconds` seconds to `path` and return `path`.

    fmt is one of FORMATS (mp4, mov, avi, mkv, wmv, flv, mpg, ts); by default it comes from the
    suffix of `path`, or is mp4. `audio_seconds` adds a silent audio track of that length.
    """
    path = Path(path)
    if fmt is None:
        suffix = path.suffix.lower().lstrip(".")
        fmt = {"mpeg": "mpg", "m4v": "mp4"}.get(suffix, suffix) if suffix else "mp4"
        if fmt not in FORMATS:
            fmt = "mp4"
    if fmt not in FORMATS:
        raise ValueError(f"unknown video format {fmt!r}; use one of {', '.join(FORMATS)}")
    key = (float(seconds), fmt, None if audio_seconds is None else float(audio_seconds))
    with _lock:
        cached = _cache.get(key)
        if cached is None or not cached.exists():
            cached = _generate(*key)
            _cache[key] = cached
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, path)
    return path


def _generate(seconds: float, fmt: str, audio_seconds: float | None) -> Path:
    muxer, codec, rate, audio_codec = FORMATS[fmt]
    name = f"v_{seconds:g}s_{fmt}" + (f"_a{audio_seconds:g}s" if audio_seconds is not None else "")
    out = _folder() / f"{name}.{fmt}"
    cmd = [
        ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
        "-f", "lavfi", "-i", f"color=c=black:s=16x16:r={rate}:d={seconds:g}",
    ]  # fmt: skip
    if audio_seconds is not None:
        cmd += ["-f", "lavfi", "-i", f"anullsrc=r=22050:cl=mono:d={audio_seconds:g}"]
    cmd += ["-map", "0:v"] + (["-map", "1:a", "-c:a", audio_codec] if audio_seconds is not None else [])
    # -max_interleave_delta 0: without it ffmpeg 7's FLV muxer fails now and then on sparse
    # 1 fps video beside audio ("Error muxing a packet").
    cmd += ["-c:v", codec, "-g", str(max(1, min(250, int(seconds * rate)))), "-max_interleave_delta", "0"]
    cmd += ["-f", muxer, str(out)]
    for _attempt in range(3):
        result = subprocess.run(cmd, capture_output=True, timeout=120)
        if result.returncode == 0:
            return out
    raise RuntimeError(f"ffmpeg failed 3 times: {result.stderr.decode(errors='replace')}")


def _folder() -> Path:
    global _cache_dir
    if _cache_dir is None:
        _cache_dir = Path(tempfile.mkdtemp(prefix="gdiiot-test-videos-"))
        atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)
    return _cache_dir
