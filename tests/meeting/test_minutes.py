"""The minutes PDF read back: experts, scores, opinions, conflicts, ranking and signatures are real text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from gdiiot_desktop.services.meeting import results, scoring, setup
from gdiiot_desktop.services.meeting.minutes import write_minutes
from tests.meeting.factory import World


def _score_all(world: World) -> None:
    totals = iter(
        [[27, 26, 21, 13], [25, 24, 20, 12], [28, "27.5", 22, 14], [20, 20, 18, 10], [24, 25, 21, 12]] * 3
    )
    for expert in world.experts:
        for app_id in world.app_ids:
            if not results.meeting_state(world.ws, world.meeting.id).is_recused(expert.id, app_id):
                scoring.score(
                    world.ws,
                    world.meeting.id,
                    expert.id,
                    app_id,
                    next(totals),
                    f"{expert.name}的意见：示范效果明显",
                )


def _ranking_rows(path: Path) -> list[list[str]]:
    """The ranking table's rows, cells unwrapped."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                if table and (table[0][0] or "").replace("\n", "") == "名次":
                    return [[(c or "").replace("\n", "") for c in row] for row in table[1:]]
    raise AssertionError("no ranking table")


def _text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_minutes_hold_everything(world: World, tmp_path: Path) -> None:
    ws, m = world.ws, world.meeting.id
    setup.recuse(ws, m, world.experts[0].id, world.app_ids[1], "与联合申报单位同属韶关学院")
    _score_all(world)
    draft = write_minutes(ws, m, tmp_path / "纪要草稿.pdf")
    assert "（草稿）" in _text(draft)
    results.lock_results(ws, m)
    pdf = write_minutes(ws, m, tmp_path / "评审会会议纪要.pdf")
    text = _text(pdf)
    assert "韶关市2023年工业互联网试点示范项目推荐评审会会议纪要" in text.replace("\n", "")
    assert "（草稿）" not in text
    for expert in world.experts:
        assert expert.name in text and expert.organisation in text
    assert "与联合申报单位同属韶关学院" in text and "回避" in text
    assert "27.5" in text and "刘专家的意见：示范效果明显" in text
    assert "去掉一个最高分和一个最低分后的平均分" in text
    assert "有效评分不足3份" in text  # the item with a recusal has two scores
    assert "排名及推荐建议" in text
    ranking = _ranking_rows(pdf)
    assert [r[0] for r in ranking] == ["1", "2", "3", "4", "5"]
    assert ranking[0][1] == "电力设备安全生产监测" and ranking[0][6] == "中央企业，不占指标"
    assert {r[5] for r in ranking} == {"推荐"}
    assert "专家签字" in text and "主持人" in text
    assert results.compute_results(ws, m).digest()[:16] in text
    assert "— 1 —" in text
    with pdfplumber.open(pdf) as doc:
        fonts = {c["fontname"] for page in doc.pages for c in page.chars}
    assert all("+" in f for f in fonts)  # embedded subsets


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")
def test_minutes_render(world: World, tmp_path: Path) -> None:
    _score_all(world)
    pdf = write_minutes(world.ws, world.meeting.id, tmp_path / "纪要.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    assert list(tmp_path.glob("page-*.png"))
