"""The field registry: it covers the model, and its text rules name the field and say what is expected."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import date

from gdiiot_desktop.domain import fields as registry
from gdiiot_desktop.domain.enums import ApplicantType, AttachmentClass, BuildStatus, PriorityCondition
from gdiiot_desktop.domain.model import Applicant, Application, Attachment, Contact


def test_every_model_field_is_in_the_registry_once() -> None:
    names = [f.name for f in registry.FIELDS]
    assert len(names) == len(set(names))
    own = {f.name for f in dataclass_fields(Application)} - {"id", "attachments", "applicant", "contact"}
    applicant = {"applicant." + f.name for f in dataclass_fields(Applicant)} - {
        "applicant.applicant_type_text"
    }
    contact = {"contact." + f.name for f in dataclass_fields(Contact)}
    assert set(names) == own | applicant | contact
    assert {f.key for f in registry.ATTACHMENT_FIELDS} == (
        {f.name for f in dataclass_fields(Attachment)} - {"id", "attachment_class"}
    ) | {"class"}


def test_every_text_field_has_a_finite_cap_and_a_chinese_label() -> None:
    for f in registry.FIELDS:
        assert f.label and not f.label.isascii(), f.name
        if f.kind in (
            registry.Kind.TEXT,
            registry.Kind.OPEN_ENUM,
            registry.Kind.TEXT_SET,
            registry.Kind.TEXT_MAP,
        ):
            assert 0 < f.max_length <= 4000, f.name
    assert registry.field("project_name").max_length == 100
    assert registry.field("applicant.industry").max_length == 100
    assert registry.field("co_applicants").max_length == 500
    assert registry.field("note").max_length == 2000


def test_text_problems_name_the_field_and_what_is_expected() -> None:
    mobile = registry.field("contact.mobile")
    assert mobile.text_problem("13812345678") is None
    assert mobile.text_problem("2381234567") == "联系人手机应为以1开头的11位数字"
    assert mobile.text_problem("23", form=False) is None  # bundles: characters and length only
    name = registry.field("project_name")
    assert (
        name.text_problem("智能工厂\uffff")
        == "项目名称含有不允许的字符：非字符 U+FFFF（第5个字符），请删除后重新填写"
    )
    assert "U+202E" in (name.text_problem("\u202e厂工能智") or "")
    assert name.text_problem("厂" * 101) == "项目名称过长（101个字，最多100个字）"
    assert name.text_problem("第一行\n第二行") is None  # tab and newline are XML characters
    assert (
        registry.field("contact.email").text_problem("a@b")
        == "联系人邮箱应为电子邮箱地址，如 name@example.com"
    )


def test_values_round_trip_through_the_registry() -> None:
    app = Application(
        project_name="5G智能工厂",
        applicant=Applicant(
            uscc="91440605MA4UJ4XX9X", name="甲公司", applicant_type_text="合作社", employees=3
        ),
        county="南海区",
        category_id="C1",
        direction_id="D1",
        build_status=BuildStatus.UNDER_CONSTRUCTION,
        filed_on=date(2023, 11, 1),
        priority_conditions=frozenset({PriorityCondition.OLD_REVOLUTIONARY_AREA}),
        contact=Contact(name="张三", mobile="13812345678"),
    )
    values = registry.application_values(app)
    assert values["applicant.applicant_type"] == "合作社"
    assert registry.build_application(values) == app
    values["applicant.applicant_type"] = ApplicantType.IT.value
    assert registry.build_application(values).applicant.applicant_type is ApplicantType.IT
    assert registry.label("applicant.industry") == "所属行业"
    assert registry.label("attachments") == "附件"
    assert {"uid", "status", "priority", "overrides"} == registry.CITY_OWNED


def test_text_problems_of_an_application_name_each_bad_field() -> None:
    app = Application(
        project_name="厂" * 101,
        applicant=Applicant(uscc="", name="甲公司", industry="制造\uffff"),
        county="南海区",
        category_id="C1",
        direction_id="D1",
        contact=Contact(mobile="123"),
        attachments=[Attachment(AttachmentClass.VIDEO, "a\u202e.mp4", "0" * 64, 1)],
    )
    problems = registry.text_problems(app)
    assert set(problems) == {"project_name", "applicant.industry", "attachments.file_name"}
    assert problems["applicant.industry"].startswith("所属行业含有不允许的字符")
    assert registry.text_problems(app, form=True)["contact.mobile"] == "联系人手机应为以1开头的11位数字"


def test_value_problems_add_numbers_and_dates_out_of_range() -> None:
    app = Application(
        project_name="智能工厂",
        applicant=Applicant(uscc="", name="甲公司", employees=-1, founded=date(1, 1, 1)),
        county="南海区",
        category_id="C1",
        direction_id="D1",
        pilot_year=2010,
        total_investment=5e12,
    )
    problems = registry.value_problems(app)
    assert problems["pilot_year"] == "曾列入试点示范年份应在2017～2200之间，实际为2010"
    assert problems["total_investment"] == "总投资（万元）应在0～1000000000000之间，实际为5000000000000"
    assert problems["applicant.employees"].startswith("职工人数应在0～")
    assert problems["applicant.founded"] == "成立时间应在1900—2200年之间，实际为0001-01-01"
    assert (
        registry.value_problems(
            replace(app, pilot_year=2020, total_investment=1.0, applicant=Applicant(uscc="", name="甲"))
        )
        == {}
    )
