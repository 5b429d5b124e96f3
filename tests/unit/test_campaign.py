"""The shipped 2023 campaign file, and how broken campaign files are reported."""

from __future__ import annotations

import re
from datetime import date, datetime, time

import pytest

from gdiiot_desktop.domain.campaign import ALL_RULES, REQUIRED_RULES, CampaignError, parse_campaign
from gdiiot_desktop.domain.enums import Authority, Grade
from gdiiot_desktop.resources import campaign_file

ZSJ = ["广州", "深圳", "珠海", "佛山", "惠州", "东莞", "中山", "江门", "肇庆"]
EAST = ["汕头", "汕尾", "潮州", "揭阳"]
WEST = ["湛江", "茂名", "阳江"]
NORTH = ["韶关", "河源", "梅州", "清远", "云浮"]
DIVISIONS = {
    "广州": "440100", "韶关": "440200", "深圳": "440300", "珠海": "440400", "汕头": "440500",
    "佛山": "440600", "江门": "440700", "湛江": "440800", "茂名": "440900", "肇庆": "441200",
    "惠州": "441300", "梅州": "441400", "汕尾": "441500", "河源": "441600", "阳江": "441700",
    "清远": "441800", "东莞": "441900", "中山": "442000", "潮州": "445100", "揭阳": "445200",
    "云浮": "445300",
}  # fmt: skip


@pytest.fixture(scope="module")
def text() -> str:
    return campaign_file().read_text(encoding="utf-8")


def broken(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) >= count, f"the shipped file no longer holds {old!r}"
    return text.replace(old, new, count)


def problems_of(text: str) -> list[str]:
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text, source="测试.toml")
    assert caught.value.problems, "a CampaignError must list its problems"
    assert "测试.toml" in str(caught.value)
    return [str(p) for p in caught.value.problems]


def locations_of(text: str) -> list[str]:
    with pytest.raises(CampaignError) as caught:
        parse_campaign(text)
    return [p.location for p in caught.value.problems]


# --- the shipped file ----------------------------------------------------------------------


def test_identity_and_notices(campaign):
    assert campaign.id == "2023-pilot"
    assert campaign.year == 2023
    assert campaign.province_notice == "粤工信工业互联网函〔2023〕37号"
    assert campaign.ministry_notice == "工信厅信管函〔2023〕319号"
    assert campaign.province_notice_date == date(2023, 11, 29)
    assert campaign.ministry_notice_date == date(2023, 11, 17)
    assert campaign.submit_authority is Authority.MIIT_PROVINCE


def test_seven_categories_in_order(campaign):
    assert [c.name for c in campaign.categories] == [
        "新技术类", "工厂类", "载体类", "园区类", "网络类", "平台类", "安全类",
    ]  # fmt: skip


def test_27_directions_25_and_11(campaign):
    directions = campaign.directions
    assert len(directions) == 27
    assert len({d.id for d in directions}) == 27
    assert len({d.name for d in directions}) == 27
    assert [d.no for d in directions] == list(range(1, 28))
    miit = [d for d in directions if Authority.MIIT_PROVINCE in d.authorities]
    ca = [d for d in directions if Authority.COMMUNICATIONS_ADMINISTRATION in d.authorities]
    assert len(miit) == 25
    assert len(ca) == 11
    both = [d for d in directions if len(d.authorities) == 2]
    assert len(both) == 9
    assert {campaign.category(d.category_id).name for d in both} <= {"工厂类", "安全类"}
    ca_only = [d for d in directions if d.authorities == (Authority.COMMUNICATIONS_ADMINISTRATION,)]
    assert len(ca_only) == 2
    network = campaign.directions_of("network")
    assert 1 <= len(network) <= 2
    assert all(d.authorities == (Authority.COMMUNICATIONS_ADMINISTRATION,) for d in network)
    # 工信厅's directions are in 新技术/工厂/载体/园区/平台/安全; 通信管理局's in 工厂/网络/安全.
    assert {campaign.category(d.category_id).name for d in miit} == {
        "新技术类", "工厂类", "载体类", "园区类", "平台类", "安全类",
    }  # fmt: skip
    assert {campaign.category(d.category_id).name for d in ca} == {"工厂类", "网络类", "安全类"}
    assert not campaign.directions_confirmed
    assert campaign.directions_note


def test_direction_look_ups(campaign):
    assert campaign.direction("d05").name == "5G工厂"
    assert campaign.direction("d99") is None
    assert campaign.direction_by_name("factory", " 5G工厂 ").id == "d05"
    assert campaign.direction_by_name("security", "5G工厂") is None
    assert campaign.category_by_name("工厂类").id == "factory"
    assert campaign.category_by_name("factory").id == "factory"


def test_21_cities_regions_and_quotas(campaign):
    assert len(campaign.cities) == 21
    regions = {r.id: r for r in campaign.regions}
    assert {r.name: r.quota for r in campaign.regions} == {"珠三角": 8, "粤东": 5, "粤西": 5, "粤北": 5}
    by_region = {
        name: sorted(c.name for c in campaign.cities if regions[c.region_id].name == name)
        for name in ("珠三角", "粤东", "粤西", "粤北")
    }
    assert by_region == {
        "珠三角": sorted(ZSJ), "粤东": sorted(EAST), "粤西": sorted(WEST), "粤北": sorted(NORTH),
    }  # fmt: skip
    assert {c.name: c.division for c in campaign.cities} == DIVISIONS
    for city in campaign.cities:
        expected = 15 if city.name == "深圳" else (8 if city.name in ZSJ else 5)
        assert campaign.quota_for(city) == expected, city.name


def test_city_look_up_by_any_form_of_its_name(campaign):
    assert campaign.city("广州").name == "广州"
    assert campaign.city("广州市").name == "广州"
    assert campaign.city("广东省广州市").name == "广州"
    assert campaign.city(" 清远市 ").name == "清远"
    assert campaign.city("长沙") is None
    assert campaign.city("广州").full_name == "广州市"


def test_limits_video_deadline_copies(campaign):
    assert campaign.max_projects_per_applicant == 2
    assert campaign.directions_per_category == 1
    assert campaign.eligible_province == "广东"
    assert campaign.eligible_types == (
        "工业企业", "基础电信企业", "信息技术企业", "互联网企业", "高校及科研院所", "园区运营管理机构",
    )  # fmt: skip
    assert (campaign.video_min_seconds, campaign.video_max_seconds) == (300, 600)
    assert {"mp4", "mov", "avi", "wmv", "flv", "mkv", "mpg"} <= set(campaign.video_formats)
    assert campaign.demonstration_period_years == 2
    assert campaign.deadline.moment == datetime(2023, 12, 8, 17, 30)
    assert campaign.deadline.time_of_day == time(17, 30)
    assert dict(campaign.copies) == {"summary_table": 2, "paper_package": 6, "disc": 1}


def test_every_rule_is_configured_with_its_clause(campaign):
    assert set(campaign.rules) == set(ALL_RULES)
    assert len(REQUIRED_RULES) == 14
    assert set(ALL_RULES) - set(REQUIRED_RULES) == {"APPLICATION_DATA"}
    for rule_id, spec in campaign.rules.items():
        assert spec.id == rule_id
        assert spec.title and spec.clause_text
        assert re.fullmatch(r"[一二三四五六七八九十]+(\([一二三四五六七八九十]+\))?", spec.clause), (
            spec.clause
        )
        assert spec.citation.startswith(spec.clause)
    assert campaign.rule("USCC_INVALID").overridable
    assert campaign.rule("DEADLINE").grade is Grade.WARNING
    for rule_id in ("CITY_QUOTA", "DUPLICATE_PROJECT", "VIDEO_REQUIRED", "MATERIALS_MISSING"):
        assert campaign.rule(rule_id).grade is Grade.ERROR
    assert campaign.rule("CITY_QUOTA").clause == "三(二)"
    assert campaign.rule("ALREADY_RECOMMENDED").clause == "四(二)"


def test_materials(campaign):
    materials = {m.id: m for m in campaign.materials}
    assert materials["form"].required and materials["form"].missing_grade is Grade.ERROR
    assert materials["audit"].min_count == 3 and materials["audit"].distinct_years
    assert materials["video"].required
    assert materials["commitment"].required


def test_with_directions_replaces_the_list(campaign):
    replaced = campaign.with_directions(campaign.directions[:3], confirmed=True)
    assert len(replaced.directions) == 3
    assert replaced.directions_confirmed
    assert replaced.direction("d04") is None
    assert campaign.direction("d04") is not None  # the original is untouched


def test_shipped_text_round_trips(text, campaign):
    again = parse_campaign(text)
    assert again == campaign
    assert again.source_text == text


# --- broken files: each raises CampaignError naming the place ------------------------------


def test_bad_toml(text):
    problems = problems_of(text.replace("year = 2023", "year = ", 1))
    assert len(problems) == 1
    assert "TOML" in problems[0]
    assert "line" in problems[0]  # where the parser stopped


def test_not_toml_at_all():
    assert problems_of("这不是一个活动文件 {")


def test_wrong_type(text):
    bad = broken(text, "year = 2023", 'year = "2023"')
    assert locations_of(bad) == ["year"]
    assert any("类型错误" in p for p in problems_of(bad))


def test_wrong_type_deep_inside(text):
    bad = broken(text, "quota = 8", 'quota = "八"')
    assert locations_of(bad) == ["regions[1].quota"]
    bad = broken(text, "max_projects = 2", "max_projects = 2.5")
    assert locations_of(bad) == ["applicant.max_projects"]


def test_missing_key(text):
    bad = broken(text, "max_projects = 2\n", "")
    problems = problems_of(bad)
    assert locations_of(bad) == ["applicant"]
    assert "max_projects" in problems[0]
    assert "缺少" in problems[0]


def test_missing_top_level_table(text):
    start = text.index("[video]")
    end = text.index("[demonstration]")
    bad = text[:start] + text[end:]
    problems = problems_of(bad)
    assert any("video" in p for p in problems)


def test_unknown_region(text):
    bad = broken(
        text,
        'name = "广州"\ndivision = "440100"\nregion = "prd"',
        'name = "广州"\ndivision = "440100"\nregion = "pearl"',
    )
    assert locations_of(bad) == ["cities[1].region"]
    assert "pearl" in problems_of(bad)[0]


def test_duplicate_direction_name(text):
    bad = broken(text, 'name = "工业互联网+数字孪生应用"', 'name = "工业互联网+人工智能(含工业大模型)应用"')
    locations = locations_of(bad)
    assert "directions.list[1]" in locations
    assert "directions.list[2]" in locations
    assert any("方向名称重复" in p for p in problems_of(bad))


def test_duplicate_direction_id(text):
    bad = broken(text, 'id = "d02"', 'id = "d01"')
    assert any("方向编号重复" in p and p.startswith("directions.list") for p in problems_of(bad))


def test_wrong_authority_counts(text):
    # 企业内网改造 moved to 工信厅: 26 and 10 instead of 25 and 11.
    bad = broken(
        text,
        'name = "企业内网(网络化)改造(5G/TSN/工业PON/IPv6等)"\nauthorities = ["通信管理局"]',
        'name = "企业内网(网络化)改造(5G/TSN/工业PON/IPv6等)"\nauthorities = ["工信厅"]',
    )
    problems = problems_of(bad)
    assert all(p.startswith("directions.list") for p in problems)
    assert any("25" in p and "26" in p for p in problems)
    assert any("11" in p and "10" in p for p in problems)


def test_wrong_total(text):
    start = text.index('[[directions.list]]\nid = "d04"')
    end = text.index('[[directions.list]]\nid = "d05"')
    bad = text[:start] + text[end:]
    problems = problems_of(bad)
    assert any(p.startswith("directions.list") and "27" in p and "26" in p for p in problems)
    assert any("工信厅" in p and "24" in p for p in problems)


def test_category_without_directions(text):
    bad = broken(text, 'category = "park"', 'category = "carrier"')
    assert any("园区类" in p and p.startswith("directions.list") for p in problems_of(bad))


def test_direction_in_unknown_category(text):
    bad = broken(text, 'category = "park"', 'category = "garden"')
    assert "directions.list[12]" in locations_of(bad)


def test_unknown_authority(text):
    bad = broken(text, 'authorities = ["工信厅"]', 'authorities = ["科技厅"]')
    assert locations_of(bad) == ["directions.list[1].authorities[1]"]


def test_unknown_and_missing_rules(text):
    bad = broken(text, "[rules.DEADLINE]", "[rules.DEADLINES]")
    locations = locations_of(bad)
    assert "rules.DEADLINE" in locations
    assert "rules.DEADLINES" in locations


def test_bad_grade(text):
    bad = broken(text, 'grade = "warning"', 'grade = "severe"')
    assert locations_of(bad) == ["rules.DEADLINE.grade"]


def test_video_bounds_reversed(text):
    bad = broken(text, "min_seconds = 300", "min_seconds = 900")
    assert locations_of(bad) == ["video.max_seconds"]


def test_duplicate_city(text):
    bad = broken(text, 'name = "珠海"', 'name = "广州"')
    assert any(p.startswith("cities") and "广州" in p for p in problems_of(bad))


def test_unknown_top_level_key(text):
    bad = text + '\nsurprise = "hello"\n'
    assert any("surprise" in p for p in problems_of(bad))


def test_wrong_format_version(text):
    bad = broken(text, "format_version = 1", "format_version = 2")
    assert locations_of(bad) == ["format_version"]


def test_several_problems_are_reported_together(text):
    bad = broken(text, "year = 2023", 'year = "2023"')
    bad = broken(bad, "max_projects = 2\n", "")
    assert set(locations_of(bad)) == {"year", "applicant"}


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('time = "17:30"', 'time = "25:00"', "deadline.time"),
        ('date = "2023-12-08"', 'date = "2023-12-32"', "deadline.date"),
        ('province_date = "2023-11-29"', 'province_date = "2023-02-30"', "notice.province_date"),
    ],
)
def test_impossible_dates_and_times_are_campaign_errors(text, old, new, where):
    # They match the schema's patterns but are not dates: still a CampaignError naming the place,
    # not a bare ValueError from datetime.
    bad = broken(text, old, new)
    with pytest.raises(CampaignError) as caught:
        parse_campaign(bad)
    assert [p.location for p in caught.value.problems] == [where]
