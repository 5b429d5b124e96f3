"""Checker gaps found by a user (issue 12 point 6): each is reported, with its own message and clause."""

from __future__ import annotations

from datetime import date

import pytest

from gdiiot_desktop.domain.campaign import parse_campaign
from gdiiot_desktop.domain.enums import Grade
from gdiiot_desktop.resources import campaign_file
from tests.unit.test_rules import application, check, company, only

DATA_CLAUSE = "三(一)：申报单位填写项目申报书，并提供与申报书填报内容相关的佐证材料"


def test_end_date_before_start_date_is_an_error_at_the_end_date(campaign):
    app = application(build_start=date(2023, 6, 1), build_end=date(2023, 3, 1))
    [v] = check(campaign, [app])
    assert (v.rule, v.grade, v.field) == ("APPLICATION_DATA", Grade.ERROR, "build_end")
    assert v.message == "建设完成时间（2023-03-01）早于开始时间（2023-06-01），请核对"
    assert v.clause == DATA_CLAUSE
    assert check(campaign, [application(build_start=date(2023, 6, 1), build_end=date(2023, 6, 1))]) == []


def test_a_demonstration_year_after_the_campaign_year_is_flagged_with_the_notice_clause(campaign):
    [v] = check(campaign, [application(pilot_year=2025)])
    assert (v.rule, v.grade, v.field) == ("IN_DEMONSTRATION_PERIOD", Grade.ERROR, "pilot_year")
    assert v.message == "所填列入试点示范的年份（2025年）晚于本年度（2023年），请核对"
    assert v.clause.startswith("二(二)：")
    assert check(campaign, [application(pilot_year=2021)]) == []  # two years ago: out of the period


@pytest.mark.parametrize(
    ("changes", "message", "field"),
    [
        ({"project_name": "  "}, "未填写项目名称", "project_name"),
        ({"applicant": company(7, name="")}, "未填写申报单位名称", "applicant_name"),
        ({"category": ""}, "未选择试点示范类别", "category"),
    ],
)
def test_empty_names_and_an_unchosen_category_are_listed(campaign, changes, message, field):
    violations = check(campaign, [application(**changes)])
    [v] = only(violations, "APPLICATION_DATA")
    assert (v.message, v.field, v.grade, v.clause) == (message, field, Grade.ERROR, DATA_CLAUSE)
    assert v.blocks


def test_an_unchosen_direction_has_its_own_message_not_the_unknown_one(campaign):
    violations = check(campaign, [application(direction="")])
    assert [(v.rule, v.message) for v in violations] == [("APPLICATION_DATA", "未选择具体方向")]
    [unknown] = check(campaign, [application(direction="d99")])
    assert unknown.message == "所选方向不在本年度的方向清单中，请重新选择"


def test_the_new_rule_is_data_in_the_campaign_file_and_older_files_get_its_default(campaign):
    text = campaign_file().read_text(encoding="utf-8")
    assert "[rules.APPLICATION_DATA]" in text
    # A file that lists it with another grade gets that grade ...
    warned = parse_campaign(text.replace('title = "申报信息填写"\ngrade = "error"', 'title = "申报信息填写"\ngrade = "warning"'))
    [v] = check(warned, [application(project_name="")])
    assert v.grade is Grade.WARNING
    # ... and a file written before the rule existed still loads, with the default setting.
    start = text.index("[rules.APPLICATION_DATA]")
    older = text[:start] + text[text.index("[rules.DEADLINE]") :]
    campaign_before = parse_campaign(older)
    assert campaign_before.rule("APPLICATION_DATA").grade is Grade.ERROR
