"""probe_file / sha256_file on real files: videos made by ffmpeg, PDFs made by reportlab."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import tempfile
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdiiot_desktop.services import media
from gdiiot_desktop.services.media import MediaFacts, detect_kind, probe_file, sha256_file, video_duration
from tests.videos import VIDEO_FORMATS, ffmpeg_exe, make_video

# The formats the notice's applicants send (SPEC: MP4, MOV, AVI, WMV, FLV, MKV, MPG), plus TS.
FORMATS = ("mp4", "mov", "avi", "wmv", "flv", "mkv", "mpg", "ts")
TOLERANCE = 0.5  # the campaign's tolerance_seconds


def make_pdf(
    path: Path, pages: int, *, user_password: str | None = None, owner_password: str = "owner"
) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    encrypt = None
    if user_password is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(user_password, owner_password, canModify=0)
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for i in range(pages):
        c.drawString(72, 720, f"page {i + 1}")
        c.showPage()
    c.save()
    return path


def assert_basic(facts: MediaFacts, path: Path) -> None:
    data = path.read_bytes()
    assert facts.size == len(data)
    assert facts.sha256 == hashlib.sha256(data).hexdigest()


# --- videos ------------------------------------------------------------------------------


def test_helper_knows_every_format():
    assert set(FORMATS) <= set(VIDEO_FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seconds", [299, 601])
def test_video_duration_read_from_the_file(tmp_path, fmt, seconds):
    path = make_video(tmp_path / f"v.{fmt}", seconds)
    facts = probe_file(path)
    assert facts.kind == "video"
    assert facts.readable, facts.problem
    assert facts.problem is None
    assert facts.format
    assert facts.duration_seconds == pytest.approx(seconds, abs=TOLERANCE)
    assert facts.pages is None
    assert_basic(facts, path)


@pytest.mark.parametrize("fmt", ["mp4", "mpg", "wmv"])
@pytest.mark.parametrize("seconds", [300, 600])
def test_video_on_the_bounds(tmp_path, fmt, seconds):
    facts = probe_file(make_video(tmp_path / f"v.{fmt}", seconds))
    assert facts.duration_seconds == pytest.approx(seconds, abs=TOLERANCE)


def test_boundary_videos_are_on_the_right_side_of_the_bounds(tmp_path):
    # What the rule sees: 4:59 and 10:01 outside [300 - 0.5, 600 + 0.5], 5:00 and 10:00 inside.
    for fmt in FORMATS:
        short = probe_file(make_video(tmp_path / f"short.{fmt}", 299)).duration_seconds
        long = probe_file(make_video(tmp_path / f"long.{fmt}", 601)).duration_seconds
        assert short is not None and short < 300 - TOLERANCE, (fmt, short)
        assert long is not None and long > 600 + TOLERANCE, (fmt, long)


@pytest.mark.parametrize("fmt", ["mp4", "mov", "mkv", "avi", "flv", "wmv", "mpg", "ts"])
def test_short_audio_beside_long_video_reads_the_video(tmp_path, fmt):
    # mutagen reads the first audio track (100 s); the picture lasts 360 s.
    facts = probe_file(make_video(tmp_path / f"av.{fmt}", 360, audio_seconds=100))
    assert facts.readable
    assert facts.duration_seconds == pytest.approx(360, abs=TOLERANCE)


def test_long_audio_beside_short_video_reads_the_video(tmp_path):
    # A 100 s picture padded with 700 s of sound is not a 5-10 minute video.
    facts = probe_file(make_video(tmp_path / "va.mp4", 100, audio_seconds=700))
    assert facts.duration_seconds == pytest.approx(100, abs=TOLERANCE)


def test_chinese_file_and_folder_names(tmp_path):
    folder = tmp_path / "广州市黄埔区" / "某某科技有限公司"
    path = make_video(folder / "5G工厂项目视频（终版）.mp4", 360)
    facts = probe_file(path)
    assert facts.readable
    assert facts.duration_seconds == pytest.approx(360, abs=TOLERANCE)
    mkv = make_video(folder / "项目 视频 第二版.mkv", 420)
    assert probe_file(mkv).duration_seconds == pytest.approx(420, abs=TOLERANCE)


def test_kind_by_content_when_the_extension_is_wrong(tmp_path):
    video = make_video(tmp_path / "视频.bin", 330, fmt="mp4")
    facts = probe_file(video)
    assert facts.kind == "video"
    assert facts.duration_seconds == pytest.approx(330, abs=TOLERANCE)
    avi_as_mp4 = make_video(tmp_path / "really_avi.mp4", 330, fmt="avi")
    assert probe_file(avi_as_mp4).format == "AVI"


def test_garbage_mp4_is_unreadable_not_an_exception(tmp_path):
    path = tmp_path / "garbage.mp4"
    # Seeded: some random byte strings pass MediaInfo's loose Tar check (a different message).
    path.write_bytes(random.Random(2023).randbytes(200_000))
    facts = probe_file(path)
    assert facts.kind == "video"
    assert not facts.readable
    assert facts.duration_seconds is None
    assert facts.problem == "无法读取视频时长：文件格式无法识别"
    assert_basic(facts, path)


def test_empty_video(tmp_path):
    path = tmp_path / "空.mp4"
    path.write_bytes(b"")
    facts = probe_file(path)
    assert facts.kind == "video"
    assert facts.size == 0
    assert facts.sha256 == hashlib.sha256(b"").hexdigest()
    assert not facts.readable
    assert "文件为空" in (facts.problem or "")


@pytest.mark.parametrize("fmt", ["mp4", "mkv", "avi", "mov", "wmv", "flv", "mpg"])
def test_truncated_videos_never_raise(tmp_path, fmt):
    full = make_video(tmp_path / f"full.{fmt}", 330).read_bytes()
    for cut in (1, 7, 12, 100, 1000, len(full) // 3, len(full) // 2, len(full) - 1):
        path = tmp_path / f"cut{cut}.{fmt}"
        path.write_bytes(full[:cut])
        facts = probe_file(path)
        assert facts.kind == "video"
        assert facts.size == cut
        if facts.readable:
            assert facts.duration_seconds is not None and facts.duration_seconds > 0
        else:
            assert facts.duration_seconds is None
            assert facts.problem and facts.problem.startswith("无法读取视频时长")


def test_truncated_mp4_without_its_index_is_reported_incomplete(tmp_path):
    full = make_video(tmp_path / "full.mp4", 330).read_bytes()
    path = tmp_path / "half.mp4"
    path.write_bytes(full[: len(full) // 2])  # ffmpeg writes the moov index at the end
    facts = probe_file(path)
    assert not facts.readable
    assert "不完整" in (facts.problem or "")


def test_audio_only_file_is_not_a_video(tmp_path):
    path = tmp_path / "只有声音.mp4"
    subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi",
         "-i", "anullsrc=r=22050:cl=mono:d=330", "-c:a", "aac", str(path)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    facts = probe_file(path)
    assert facts.kind == "video"
    assert not facts.readable
    assert facts.duration_seconds is None
    assert "没有视频画面" in (facts.problem or "")


def test_missing_mediainfo_library_is_reported_not_raised(tmp_path, monkeypatch):
    path = make_video(tmp_path / "v.mp4", 330)
    monkeypatch.setattr(media, "MEDIAINFO_LIBRARY", str(tmp_path / "no-such-libmediainfo.so"))
    facts = probe_file(path)
    assert facts.kind == "video"
    assert not facts.readable
    assert facts.duration_seconds is None
    assert "MediaInfo" in (facts.problem or "")
    assert_basic(facts, path)


def test_mediainfo_failure_is_reported_not_raised(tmp_path, monkeypatch):
    import pymediainfo

    def boom(*args, **kwargs):
        raise RuntimeError("libmediainfo failed")

    monkeypatch.setattr(pymediainfo.MediaInfo, "parse", boom)
    facts = probe_file(make_video(tmp_path / "v.mkv", 330))
    assert not facts.readable
    assert facts.problem == "无法读取视频时长：文件格式无法识别"


def test_video_duration_from_string_values_and_fallbacks():
    track = SimpleNamespace
    # MKV gives strings; the video track wins over the container.
    assert video_duration(track(duration="360000.000000"), [track(duration="359960.000000")]) == 359.96
    # No duration on the video track: the container's.
    assert video_duration(track(duration="300000"), [track(duration=None)]) == 300.0
    assert video_duration(track(duration=301000), []) == 301.0
    # MPEG-TS: the container includes the muxing delay; the video track is right.
    assert video_duration(track(duration="300034.718482"), [track(duration=300000)]) == 300.0
    # Nothing but frames.
    frames = track(duration=None, frame_count="9000", frame_rate="25.000")
    assert video_duration(track(duration=None), [frames]) == 360.0
    # Counting frames (MPEG-PS): a short timestamp estimate gives way to the count...
    estimate = track(duration=599360, frame_count="15025", frame_rate="25.000")
    assert video_duration(None, [estimate], count_frames=True) == 601.0
    assert video_duration(None, [estimate], count_frames=False) == 599.36
    # ...but a count that is short (pulldown) does not shorten the estimate.
    pulldown = track(duration=600000, frame_count="14385", frame_rate="29.970")
    assert video_duration(None, [pulldown], count_frames=True) == 600.0
    # Nothing at all; junk values.
    assert video_duration(track(duration=None), []) is None
    assert video_duration(None, [track(duration="")]) is None
    assert video_duration(track(duration="n/a"), [track(duration=0)]) is None
    assert video_duration(None, [track(duration=True)]) is None


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_pages(tmp_path):
    path = make_pdf(tmp_path / "申报书（盖章版）.pdf", 7)
    facts = probe_file(path)
    assert facts.kind == "pdf"
    assert facts.format == "PDF"
    assert facts.pages == 7
    assert facts.readable and facts.problem is None
    assert not facts.encrypted
    assert facts.duration_seconds is None
    assert_basic(facts, path)


def test_single_page_pdf(tmp_path):
    assert probe_file(make_pdf(tmp_path / "one.pdf", 1)).pages == 1


def test_pdf_recognised_by_content_under_another_name(tmp_path):
    path = make_pdf(tmp_path / "scan", 2)
    facts = probe_file(path)
    assert (facts.kind, facts.pages) == ("pdf", 2)
    renamed = tmp_path / "not-a-video.mp4"
    renamed.write_bytes(path.read_bytes())
    assert probe_file(renamed).kind == "pdf"


def test_pdf_needing_a_password_has_no_pages(tmp_path):
    facts = probe_file(make_pdf(tmp_path / "locked.pdf", 3, user_password="secret"))
    assert facts.kind == "pdf"
    assert facts.pages is None
    assert facts.encrypted
    assert not facts.readable
    assert "加密" in (facts.problem or "")


def test_pdf_with_only_an_owner_password_is_counted(tmp_path):
    # Restrictions without an open password (common for stamped PDFs): readable, pages counted.
    facts = probe_file(make_pdf(tmp_path / "restricted.pdf", 4, user_password=""))
    assert facts.encrypted
    assert facts.pages == 4
    assert facts.readable


def test_garbage_pdf(tmp_path):
    path = tmp_path / "坏文件.pdf"
    path.write_bytes(os.urandom(5000))
    facts = probe_file(path)
    assert facts.kind == "pdf"
    assert facts.pages is None
    assert not facts.readable
    assert facts.problem == "无法读取PDF页数：文件已损坏或不是有效的PDF"


def test_header_only_pdf(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.7\n%%EOF\n")
    facts = probe_file(path)
    assert facts.kind == "pdf"
    assert facts.pages is None
    assert not facts.readable


def test_empty_pdf(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    facts = probe_file(path)
    assert facts.kind == "pdf"
    assert facts.pages is None
    assert "文件为空" in (facts.problem or "")


def test_truncated_pdfs_never_raise(tmp_path):
    full = make_pdf(tmp_path / "full.pdf", 5).read_bytes()
    for cut in (5, 20, len(full) // 4, len(full) // 2, len(full) - 30, len(full) - 1):
        path = tmp_path / f"cut{cut}.pdf"
        path.write_bytes(full[:cut])
        facts = probe_file(path)
        assert facts.kind == "pdf"
        assert facts.pages is None or 1 <= facts.pages <= 5
        assert facts.readable == (facts.pages is not None)


# --- images, documents, others ----------------------------------------------------------------


def test_images(tmp_path):
    from PIL import Image

    for name, fmt, expected in [("营业执照.png", "PNG", "PNG"), ("photo.jpg", "JPEG", "JPEG"), ("a.gif", "GIF", "GIF"),
                                ("a.bmp", "BMP", "BMP"), ("a.tif", "TIFF", "TIFF")]:  # fmt: skip
        path = tmp_path / name
        Image.new("RGB", (8, 8), "red").save(path, fmt)
        facts = probe_file(path)
        assert (facts.kind, facts.format, facts.readable) == ("image", expected, True), name
        assert facts.pages is None and facts.duration_seconds is None


def test_image_name_with_other_content(tmp_path):
    path = tmp_path / "证书.jpg"
    path.write_bytes(b"this is not a picture" * 10)
    facts = probe_file(path)
    assert facts.kind == "image"
    assert not facts.readable
    assert "图片" in (facts.problem or "")


def test_word_documents(tmp_path):
    docx = tmp_path / "申报书.docx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert (probe_file(docx).kind, probe_file(docx).format) == ("word", "DOCX")
    # A .docx saved without its extension is still recognised.
    bare = tmp_path / "申报书"
    bare.write_bytes(docx.read_bytes())
    assert probe_file(bare).kind == "word"
    doc = tmp_path / "旧版申报书.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    assert (probe_file(doc).kind, probe_file(doc).readable) == ("word", True)
    wps = tmp_path / "申报书.wps"
    wps.write_bytes(doc.read_bytes())
    assert probe_file(wps).kind == "word"
    rtf = tmp_path / "x.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi hello}")
    assert probe_file(rtf).kind == "word"


def test_broken_word_document(tmp_path):
    path = tmp_path / "坏.docx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(300))
    facts = probe_file(path)
    assert facts.kind == "word"
    assert not facts.readable
    assert facts.problem


def test_other_files(tmp_path):
    text = tmp_path / "说明.txt"
    text.write_text("项目说明", encoding="utf-8")
    facts = probe_file(text)
    assert (facts.kind, facts.readable, facts.problem) == ("other", True, None)
    xlsx = tmp_path / "汇总表.xlsx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert probe_file(xlsx).kind == "other"
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert probe_file(xls).kind == "other"
    empty = tmp_path / "empty.dat.unknown"
    empty.write_bytes(b"")
    assert probe_file(empty).kind == "other"


def test_detect_kind_from_the_first_bytes():
    assert detect_kind(b"\x00\x00\x00\x18ftypisom" + bytes(20), "bin") == ("video", "MPEG-4")
    assert detect_kind(b"\x00\x00\x00\x18ftypheic" + bytes(20), "") == ("image", "HEIF")
    assert detect_kind(b"RIFF\x00\x00\x00\x00AVI LIST", "") == ("video", "AVI")
    assert detect_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "") == ("image", "WebP")
    assert detect_kind(b"\x30\x26\xb2\x75\x8e\x66\xcf\x11\xa6\xd9", "") == ("video", "Windows Media")
    assert detect_kind(b"FLV\x01\x05", "") == ("video", "Flash Video")
    assert detect_kind(b"\x1a\x45\xdf\xa3" + bytes(40), "") == ("video", "Matroska")
    assert detect_kind(b"\x00\x00\x01\xba" + bytes(40), "") == ("video", "MPEG-PS")
    ts = bytearray(600)
    ts[0] = ts[188] = ts[376] = 0x47
    assert detect_kind(bytes(ts), "") == ("video", "MPEG-TS")
    assert detect_kind(b"%PDF-1.4\n", "doc") == ("pdf", "PDF")
    assert detect_kind(b"", "MP4".lower()) == ("video", None)
    assert detect_kind(b"hello", "rmvb") == ("video", None)
    assert detect_kind(b"hello", "pdf") == ("pdf", None)
    assert detect_kind(b"hello", "xyz") == ("other", None)


# --- hashing ---------------------------------------------------------------------------------


def test_sha256_file_streams_in_chunks(tmp_path):
    data = os.urandom(2 * 1024 * 1024 + 123)
    path = tmp_path / "大文件.bin"
    path.write_bytes(data)
    seen: list[int] = []
    assert sha256_file(path, progress=seen.append) == hashlib.sha256(data).hexdigest()
    assert seen == [1024 * 1024, 2 * 1024 * 1024, len(data)]
    assert probe_file(path).sha256 == hashlib.sha256(data).hexdigest()


def test_sha256_of_empty_file(tmp_path):
    path = tmp_path / "e"
    path.write_bytes(b"")
    assert sha256_file(path) == hashlib.sha256(b"").hexdigest()


def test_progress_may_cancel(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(3 * 1024 * 1024))

    class CancelledError(Exception):
        pass

    def cancel(done: int) -> None:
        raise CancelledError

    with pytest.raises(CancelledError):
        probe_file(path, progress=cancel)


def test_missing_file_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        probe_file(tmp_path / "不存在.mp4")


# --- fuzz -------------------------------------------------------------------------------------

_EXTENSIONS = ["mp4", "mov", "avi", "wmv", "flv", "mkv", "mpg", "ts", "pdf", "png", "jpg", "docx", "doc", "txt", ""]  # fmt: skip
_MAGIC = [b"", b"%PDF-1.5\n", b"\x00\x00\x00\x18ftypisom", b"RIFF\x10\x00\x00\x00AVI ", b"FLV\x01",
          b"\x1a\x45\xdf\xa3", b"\x00\x00\x01\xba", b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", b"PK\x03\x04",
          b"\x89PNG\r\n\x1a\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"G"]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(magic=st.sampled_from(_MAGIC), body=st.binary(max_size=3000), ext=st.sampled_from(_EXTENSIONS))
def test_garbage_never_raises(magic, body, ext):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (f"文件.{ext}" if ext else "文件")
        path.write_bytes(magic + body)
        facts = probe_file(path)
    assert facts.kind in ("video", "pdf", "image", "word", "other")
    assert facts.size == len(magic + body)
    assert facts.readable == (facts.problem is None)
    if facts.kind == "video" and facts.readable:
        assert facts.duration_seconds is not None
    if facts.kind == "pdf" and facts.readable:
        assert facts.pages is not None
