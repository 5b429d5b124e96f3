"""`gdiiot charts OUT.pdf` end to end on a real database: the PDF read back (the figures as text, the
Chinese intact, the data's time and stamp on every page, every font embedded), the same bytes for the
same figures, and bad input refused in Chinese with exit code 2."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from gdiiot_desktop.cli import main
from gdiiot_desktop.resources import resource
from tests.charts.city import EMPTY_COUNTY, ChartsCity, build_charts_city

AT = "2023-11-28T09:00"
SHOTS = Path("/work/shots/charts")


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def city(tmp_path: Path) -> Iterator[ChartsCity]:
    built = build_charts_city(tmp_path)
    built.ws.close()  # the command opens the database itself
    yield built


def test_the_pdf_carries_the_charts_as_text_with_embedded_fonts(
    city: ChartsCity, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = city.ws.db.path, tmp_path / "图表.pdf"
    code, printed, err = run(capsys, "--db", db, "charts", out, "--at", AT)
    assert code == 0, err
    assert f"已导出统计图表：{out}" in printed and "已推荐 9 / 8 项（超出 1 项）" in printed
    with pdfplumber.open(out) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    text = "\n".join(pages)
    for expected in (
        "佛山市工业互联网试点示范申报统计图表",
        "粤工信工业互联网函〔2023〕37号",
        "一、推荐名额使用",
        "已推荐 9 / 8 项（超出 1 项）；另有中央企业 1 项，不占名额",
        "名额 8 项",
        "珠三角城市最多推荐 8 项",
        "二、各县（市、区）申报和推荐",
        "禅城区", "南海区", "顺德区", EMPTY_COUNTY,
        "申报 4，推荐 4", "申报 4，推荐 3", "申报 0，推荐 0",
        "三、各类别申报和推荐", city.categories[0], "申报 8，推荐 7",
        "四、各方向申报和推荐", "申报 3，推荐 2",
        "已撤回或退回 1 项，不计入图表",
    ):  # fmt: skip
        assert expected in text, expected
    assert "\ufffd" not in text and "□" not in text  # no replacement characters: the Chinese survived
    stamp = json.loads(run(capsys, "--db", db, "charts", tmp_path / "again.pdf", "--at", AT, "--json")[1])["stamp"]
    assert all(f"数据时间 2023-11-28 09:00 · 编号 {stamp}" in page for page in pages)  # the footer, every page
    info = PdfReader(out).metadata
    assert info is not None and info.title == "佛山市工业互联网试点示范申报统计图表" and stamp in (info.subject or "")
    # The same figures at the same time give the same bytes.
    assert (tmp_path / "again.pdf").read_bytes() == out.read_bytes()
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), fonts  # every font embedded (no Times-Roman)
    if shutil.which("pdftoppm") and SHOTS.is_dir():
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(out), str(SHOTS / "charts_pdf")], check=True)


def test_json_gives_the_figures(city: ChartsCity, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, printed, _ = run(capsys, "--db", city.ws.db.path, "charts", tmp_path, "--at", AT, "--json")
    assert code == 0
    data = json.loads(printed)
    assert Path(data["file"]) == tmp_path / "佛山市试点示范统计图表.pdf" and Path(data["file"]).is_file()
    assert data["quota"] == {"limit": 8, "counted": 9, "central": 1, "over": 1, "region": "珠三角"}
    assert [(c["label"], c["applied"], c["recommended"]) for c in data["by_county"]] == [
        ("禅城区", 4, 4), ("南海区", 4, 3), ("顺德区", 3, 3), (EMPTY_COUNTY, 0, 0),
    ]  # fmt: skip
    assert data["read_at"] == "2023-11-28T09:00:00" and data["withdrawn_or_returned"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["out.txt"], "输出文件应以 .pdf 结尾"),
        (["无此文件夹/图表.pdf"], "找不到输出文件夹"),
        (["x.pdf", "--at", "昨天"], "时间格式应为"),
    ],
)
def test_bad_input_is_refused_in_chinese(
    city: ChartsCity, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    argv = [str(tmp_path / args[0]), *args[1:]]
    code, _, err = run(capsys, "--db", city.ws.db.path, "charts", *argv)
    assert code == 2 and message in err and "Traceback" not in err
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_special_fund_database_is_pointed_elsewhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "江门.sqlite3"
    campaign = resource("campaigns", "2022-jiangmen-fund.toml")
    assert run(capsys, "--db", db, "init", "--city", "江门", "--campaign", campaign)[0] == 0
    code, _, err = run(capsys, "--db", db, "charts", tmp_path / "图表.pdf")
    assert code == 2 and "专项资金申报的数据库" in err


def test_fonts_are_found_by_role_as_for_the_other_pdfs(
    city: ChartsCity, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 黑体 in the user's font folder fills the heading role of the charts PDF; the rest stay on the shipped font."""
    from gdiiot_desktop import resources
    from gdiiot_desktop.services import pilot_charts_pdf
    from gdiiot_desktop.services.pdf.fonts import SHIPPED_FONT, FontSources

    home = tmp_path / "home"
    (home / ".fonts").mkdir(parents=True)
    shutil.copyfile(resources.fonts_dir() / SHIPPED_FONT, home / ".fonts" / "simhei.ttf")
    monkeypatch.setattr(
        "gdiiot_desktop.services.pdf.fonts.FontSources",
        lambda: FontSources(platform="linux", env={}, home=home, fc_list=lambda: []),
    )
    used = []
    original = pilot_charts_pdf._write

    def spy(charts, target, st):  # type: ignore[no-untyped-def]
        used.append(st.fonts)
        return original(charts, target, st)

    monkeypatch.setattr(pilot_charts_pdf, "_write", spy)
    assert run(capsys, "--db", city.ws.db.path, "charts", tmp_path / "图表.pdf", "--at", AT)[0] == 0
    assert used and "simhei" in used[0].heading1 and "simhei" not in used[0].body
