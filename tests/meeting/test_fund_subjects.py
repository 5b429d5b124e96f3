"""Special-fund applications as review subjects: the enterprise and the contact person found for
conflicts of interest, the direction in the label documents print."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gdiiot_desktop.domain.fund.model import FundApplication, FundStatus
from gdiiot_desktop.domain.meeting.conflicts import suggest_conflicts
from gdiiot_desktop.domain.meeting.model import Expert
from gdiiot_desktop.domain.meeting.subjects import SubjectKind, contact_name_of, subject_of_fund


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("张伟 0750-3388123", "张伟"),
        ("张伟13800000000", "张伟"),
        ("张伟，0750-3388123", "张伟"),
        ("张伟（办公室）", "张伟"),
        ("0750-3388123", ""),
        ("", ""),
    ],
)
def test_contact_name_is_the_person_before_the_phone(cell: str, name: str) -> None:
    assert contact_name_of(cell) == name


def fund_app(
    app_id: int, enterprise: str, contact: str = "", status: FundStatus = FundStatus.REGISTERED
) -> FundApplication:
    return FundApplication(
        enterprise,
        f"项目{app_id}",
        "蓬江区",
        "cloud",
        Decimal(100_000),
        id=app_id,
        contact=contact,
        status=status,
    )


def test_subject_of_a_fund_application() -> None:
    subject = subject_of_fund(
        fund_app(4, "江门乙公司", "钱经理 13800000002", FundStatus.WITHDRAWN), "中小企业上云上平台"
    )
    assert subject.kind is SubjectKind.FUND and subject.applicant == "江门乙公司"
    assert subject.contact_name == "钱经理" and not subject.active and subject.status_label == "已撤回"
    assert subject.label == "项目4（江门乙公司，中小企业上云上平台）"
    assert not subject.central and subject.filed_on is None


def test_conflicts_with_the_enterprise_and_its_contact() -> None:
    subjects = [
        subject_of_fund(fund_app(1, "江门乙公司")),
        subject_of_fund(fund_app(2, "江门丙五金有限公司", "黄工 0750")),
    ]
    found = suggest_conflicts([Expert(7, "李专家", "江门乙公司"), Expert(8, "黄工", "五邑大学")], subjects)
    assert [(f.expert_id, f.application_id) for f in found] == [(7, 1), (8, 2)]
    assert "申报单位“江门乙公司”名称相同" in found[0].reason and "联系人“黄工”" in found[1].reason
