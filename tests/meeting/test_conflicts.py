"""Suggested conflicts of interest from names: organisation vs applicant or co-applicant, and people."""

from __future__ import annotations

from gdiiot_desktop.domain.meeting.conflicts import co_applicant_names, suggest_conflicts
from gdiiot_desktop.domain.meeting.model import Expert
from gdiiot_desktop.domain.model import Applicant, Application, Contact


def app(app_id: int, name: str, partners: str = "", contact: str = "", legal: str = "") -> Application:
    return Application(
        project_name=f"项目{app_id}",
        applicant=Applicant(uscc="", name=name, legal_representative=legal),
        county="浈江区",
        category_id="factory",
        direction_id="d05",
        id=app_id,
        co_applicants=partners,
        contact=Contact(name=contact),
    )


APPS = [
    app(1, "韶关市丹霞陶瓷有限公司"),
    app(2, "韶关钢铁数字科技有限公司", partners="韶关学院、华南理工大学"),
    app(3, "广东工业大学", contact="周 专家"),
    app(4, "南雄精密机械股份有限公司", legal="孙专家"),
    app(5, "仁化公司"),
]


def pairs(expert: Expert) -> dict[int, str]:
    return {s.application_id: s.reason for s in suggest_conflicts([expert], APPS)}


def test_same_organisation_after_normalisation() -> None:
    found = pairs(Expert(1, "刘专家", "韶关市丹霞陶瓷 有限公司"))
    assert list(found) == [1] and "名称相同" in found[1]


def test_containment_either_way() -> None:
    assert list(pairs(Expert(1, "某", "韶关钢铁数字科技有限公司研究院"))) == [
        2
    ]  # organisation contains applicant
    assert list(pairs(Expert(1, "某", "丹霞陶瓷"))) == [1]  # applicant contains organisation


def test_co_applicant() -> None:
    found = pairs(Expert(1, "某", "华南理工大学"))
    assert list(found) == [2] and "联合申报单位“华南理工大学”" in found[2]


def test_expert_is_contact_or_legal_representative() -> None:
    assert "联系人" in pairs(Expert(1, "周专家", "省信息中心"))[3]
    assert "法定代表人" in pairs(Expert(1, "孙专家", ""))[4]


def test_short_names_are_not_matched_by_containment() -> None:
    assert pairs(Expert(1, "某", "公司")) == {}
    assert pairs(Expert(1, "某", "")) == {}


def test_co_applicant_separators() -> None:
    assert co_applicant_names("甲公司、乙公司；丙公司,丁公司\n戊") == [
        "甲公司",
        "乙公司",
        "丙公司",
        "丁公司",
        "戊",
    ]
