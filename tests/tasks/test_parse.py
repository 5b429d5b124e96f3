"""Targets parsed from every shape of 工作量 in seeds 000 and 001; deadlines from 完成时限."""

from __future__ import annotations

from datetime import date

import pytest

from gdiiot_desktop.domain.tasks.model import Target
from gdiiot_desktop.domain.tasks.parse import parse_deadline, parse_workload

B, G, C, CLOUD = "标杆示范", "5G+", "产业链协同", "上云上平台"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("至少培育4个工业互联网标杆示范项目，其中至少2个5G+工业互联网示范项目和1个产业链协同示范标杆",
         [Target(B, 4), Target(G, 2, B), Target(C, 1, B)]),
        ("至少培育3个工业互联网标杆示范项目，其中至少2个5G+工业互联网标杆示范和1个产业链协同示范标杆",
         [Target(B, 3), Target(G, 2, B), Target(C, 1, B)]),
        ("至少培育2个工业互联网标杆示范项目，其中至少1个5G+工业互联网示范项目", [Target(B, 2), Target(G, 1, B)]),
        ("培育1个5G+工业互联网标杆示范项目", [Target(B, 1), Target(G, 1, B)]),
        ("至少培育3个5G+工业互联网标杆示范项目", [Target(B, 3), Target(G, 3, B)]),
        ("培育1个工业互联网标杆示范项目", [Target(B, 1)]),
        ("至少带动194个工业企业“上云上平台”项目", [Target(CLOUD, 194)]),
        ("至少培育7个工业企业“上云上平台”项目", [Target(CLOUD, 7)]),
        ("至少培育两个工业互联网标杆示范项目", [Target(B, 2)]),
        # Shapes beyond the seeds: the count after the kind, sub-clauses in brackets or with the count last.
        ("工业互联网标杆示范项目不少于3个（其中5G+工业互联网示范项目不少于1个）", [Target(B, 3), Target(G, 1, B)]),
        ("培育4个工业互联网标杆示范项目，其中5G+项目2个、产业链协同项目1个", [Target(B, 4), Target(G, 2, B), Target(C, 1, B)]),
        # Counts with grouped thousands or in Chinese numerals past ten (once read as 000 → 0, and 二 → 2).
        ("至少带动1,000个工业企业“上云上平台”项目", [Target(CLOUD, 1000)]),
        ("推动1，200家企业上云上平台", [Target(CLOUD, 1200)]),
        ("至少培育十二个工业互联网标杆示范项目", [Target(B, 12)]),
        ("推动两百零一家工业企业“上云上平台”", [Target(CLOUD, 201)]),
        ("推动201家企业上云上平台", [Target(CLOUD, 201)]),
        # Phrases joined without 其中: the counts add up, each keeps its own facet (once 5G+ ≥ 2 and 产业链协同 ≥ 2).
        ("至少培育2个5G+工业互联网标杆示范项目和1个产业链协同示范标杆", [Target(B, 3), Target(G, 2, B), Target(C, 1, B)]),
        ("至少培育4个工业互联网标杆示范项目和1,000个工业企业“上云上平台”项目", [Target(B, 4), Target(CLOUD, 1000)]),
    ],
)  # fmt: skip
def test_seed_workloads(text: str, expected: list[Target]) -> None:
    assert list(parse_workload(text)) == expected


def test_what_the_parser_cannot_place_is_left_for_the_user() -> None:
    (target,) = parse_workload("完成一批企业数字化诊断")
    assert not target.confirmed and target.count == 0
    (counted,) = parse_workload("至少完成10家企业数字化诊断")
    assert (counted.kind, counted.count, counted.confirmed) == ("企业数字化诊断", 10, False)
    assert parse_workload("") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2021年底", date(2021, 12, 31)), ("2020年底", date(2020, 12, 31)), ("2022年6月底", date(2022, 6, 30)),
     ("2022年11月30日", date(2022, 11, 30)), ("2024年2月", date(2024, 2, 29)), ("长期", None), ("2022年2月30日", None),
     ("2021-12-31", date(2021, 12, 31)), ("2021/6/30", date(2021, 6, 30)), ("2021年12月31日前", date(2021, 12, 31)),
     ("2022年上半年", date(2022, 6, 30)), ("2022年下半年", date(2022, 12, 31)), ("2022年第一季度", date(2022, 3, 31)),
     ("2022年三季度", date(2022, 9, 30)), ("2021年年底前", date(2021, 12, 31))],
)  # fmt: skip
def test_deadlines(text: str, expected: date | None) -> None:
    assert parse_deadline(text) == expected
