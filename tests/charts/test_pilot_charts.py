"""The pilot kind's chart figures, counted from a real SQLite database built through the services:
the quota as the campaign file defines it (8 for 珠三角, 5 for 粤北, 15 for 深圳 submitting directly,
central enterprises outside it), applications by county, category and direction, the task list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from gdiiot_desktop.demo import generate_applications
from gdiiot_desktop.domain.campaign import Campaign
from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.services.errors import ServiceError
from gdiiot_desktop.services.pilot_charts import (
    Count,
    count_charts,
    quota_segments,
    read_pilot_charts,
    tallies_of,
)
from gdiiot_desktop.services.pilot_charts_pdf import write_charts_pdf
from gdiiot_desktop.services.tasks.service import import_task_list, set_marks, task_list_database
from tests.charts.city import EMPTY_COUNTY, RECOMMENDED, ChartsCity, build_charts_city
from tests.tasks.sheets import sheet_2020

NOW = datetime(2023, 11, 28, 9, 0, 12, 345)


@pytest.fixture
def city(tmp_path: Path) -> Iterator[ChartsCity]:
    built = build_charts_city(tmp_path)
    yield built
    built.ws.close()


def test_counts_from_the_database(city: ChartsCity) -> None:
    charts = read_pilot_charts(city.ws, NOW)
    assert charts.city == "佛山市" and charts.campaign_id == city.ws.campaign.id
    assert charts.read_at == datetime(2023, 11, 28, 9, 0, 12)  # no microseconds printed
    # 10 recommended, one a central enterprise: 9 take 佛山's 8 places (珠三角), one over.
    quota = charts.quota
    assert (quota.limit, quota.counted, quota.central, quota.over, quota.left) == (8, 9, 1, 1, 0)
    assert quota.region == "珠三角" and not quota.direct
    assert quota.text == "已推荐 9 / 8 项（超出 1 项）；另有中央企业 1 项，不占名额"
    assert quota_segments(quota) == [(1.0, True)] * 8 + [(1.0, False)]
    # The withdrawn one (禅城区, first direction) is left out of every bar; 高明区 has none and still shows.
    assert charts.by_county == (
        Count("禅城区", 4, 4), Count("南海区", 4, 3), Count("顺德区", 3, 3), Count(EMPTY_COUNTY, 0, 0),
    )  # fmt: skip
    cat_a, cat_b = city.categories
    assert charts.by_category[:2] == (Count(cat_a, 8, 7), Count(cat_b, 3, 3))
    assert len(charts.by_category) == len(city.ws.campaign.categories)  # every category, zeros too
    assert all(c.applied == 0 for c in charts.by_category[2:])
    d1, d2, d3 = city.directions
    assert charts.by_direction == (Count(d1, 5, 5), Count(d2, 3, 2), Count(d3, 3, 3))  # only those applied for
    assert (charts.applied, charts.recommended, charts.withdrawn) == (11, 10, 1)
    assert charts.recommended == len(RECOMMENDED)
    assert charts.tasks == ()


def test_the_stamp_follows_the_figures_not_the_clock(city: ChartsCity) -> None:
    first = read_pilot_charts(city.ws, NOW)
    later = read_pilot_charts(city.ws, NOW.replace(hour=17))
    assert first.digest == later.digest and first.stamp == later.stamp
    assert first.stamp.startswith("20231128-") and len(first.stamp) == 17
    from gdiiot_desktop.services.applications import ApplicationService

    ApplicationService(city.ws).set_status(city.ids[0], Status.REGISTERED, "重新排序")
    changed = read_pilot_charts(city.ws, NOW)
    assert changed.digest != first.digest and changed.quota.counted == 8


def test_task_progress_of_an_imported_list(city: ChartsCity, tmp_path: Path) -> None:
    cdb = task_list_database(city.ws)
    import_task_list(cdb, sheet_2020(tmp_path / "2023任务清单.xlsx", 2023))  # the campaign's year
    set_marks(cdb, f"pilot:{city.ids[0]}", ["标杆示范", "5G+"], [])
    set_marks(cdb, f"pilot:{city.ids[1]}", ["标杆示范"], [])
    charts = read_pilot_charts(city.ws, NOW)
    # 佛山 (a 2023 list laid out like 2020's): 标杆示范 ≥ 3 (其中 5G+ ≥ 1) and 上云上平台 ≥ 201.
    assert [(t.done, t.target) for t in charts.tasks] == [(2, 3), (1, 1), (0, 201)]
    assert all("：" in t.label for t in charts.tasks) and charts.tasks[0].days_left is not None
    assert charts.tasks[1].fraction == 1.0
    # In the PDF: the section, each target's figures and the days to 2023年底.
    pdf = write_charts_pdf(charts, tmp_path / "图表.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "五、省级任务清单完成进度" in text and "2 / 3，剩余 33 天" in text and "0 / 201" in text


def _recommended(campaign: Campaign, city: str, n: int, central: int = 0) -> list:  # type: ignore[type-arg]
    apps = generate_applications(campaign, city, n, seed=3)
    out = []
    for i, app in enumerate(apps):
        applicant = replace(app.applicant, is_central_enterprise=i < central)
        out.append(replace(app, id=i + 1, status=Status.RECOMMENDED, priority=i + 1, applicant=applicant))
    return out


@pytest.mark.parametrize(
    ("city", "limit", "region", "direct"),
    [("韶关", 5, "粤北", False), ("汕头", 5, "粤东", False), ("江门", 8, "珠三角", False), ("深圳", 15, "计划单列市", True)],
)
def test_the_quota_is_the_campaign_files(campaign: Campaign, city: str, limit: int, region: str, direct: bool) -> None:
    charts = count_charts(campaign, city, tallies_of(_recommended(campaign, city, 6, central=2)), [], NOW)
    assert (charts.quota.limit, charts.quota.region, charts.quota.direct) == (limit, region, direct)
    assert (charts.quota.counted, charts.quota.central) == (4, 2)
    assert charts.quota.over == max(4 - limit, 0)


def test_a_city_outside_the_campaign_is_refused_in_chinese(campaign: Campaign) -> None:
    with pytest.raises(ServiceError, match="不是本活动的地级以上市"):
        count_charts(campaign, "上海", [], [], NOW)


def test_an_empty_database_gives_empty_charts(campaign: Campaign) -> None:
    charts = count_charts(campaign, "韶关", [], ["浈江区"], NOW)
    assert charts.by_county == (Count("浈江区", 0, 0),) and charts.by_direction == ()
    assert (charts.applied, charts.quota.counted, charts.quota.left) == (0, 0, 5)


def test_the_sql_tallies_agree_with_the_applications_loaded(city: ChartsCity) -> None:
    from gdiiot_desktop.services.applications import ApplicationService

    apps = ApplicationService(city.ws).list()
    counties = [c.label for c in read_pilot_charts(city.ws, NOW).by_county]
    in_memory = count_charts(city.ws.campaign, city.ws.city, tallies_of(apps), counties, NOW)
    from_sql = read_pilot_charts(city.ws, NOW)
    assert (in_memory.by_county, in_memory.by_category, in_memory.by_direction, in_memory.quota) == (
        from_sql.by_county, from_sql.by_category, from_sql.by_direction, from_sql.quota,
    )  # fmt: skip
    assert in_memory.digest == from_sql.digest and in_memory.withdrawn == from_sql.withdrawn == 1
