"""Every table model alone, through pytest-qt's model tester, plus the search keys."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt

from gdiiot_desktop.demo import generate_applications
from gdiiot_desktop.domain.campaign import Campaign
from gdiiot_desktop.domain.enums import AttachmentClass, Authority, Status
from gdiiot_desktop.domain.rules import check_city
from gdiiot_desktop.gui.models import (
    ApplicationsModel,
    ApplicationsProxy,
    AttachmentsModel,
    BackupsModel,
    CountiesModel,
    DirectionsModel,
    ListFilter,
    ProblemCounts,
    RulesModel,
    ViolationsModel,
)
from gdiiot_desktop.gui.search import initials, search_key
from gdiiot_desktop.services.settings import BackupInfo, CountyInfo
from gdiiot_desktop.storage.quick_read import ListEntry


def apps_of(campaign: Campaign, n: int = 40):  # type: ignore[no-untyped-def]
    return [replace(a, id=i + 1) for i, a in enumerate(generate_applications(campaign, "佛山", n, attachment_records=True))]


def test_applications_model_and_proxy(qtmodeltester, campaign: Campaign) -> None:  # type: ignore[no-untyped-def]
    apps = apps_of(campaign)
    model = ApplicationsModel(campaign)
    model.set_applications(apps)
    violations = check_city(campaign, "佛山", apps)
    by_app: dict[int, list] = {}
    for v in violations:
        by_app.setdefault(v.application_id, []).append(v)
    model.set_problem_counts({i: ProblemCounts.of(vs) for i, vs in by_app.items() if i})
    qtmodeltester.check(model)
    proxy = ApplicationsProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(ListFilter(text=apps[3].applicant.name[3:7]))
    assert 0 < proxy.rowCount() < len(apps)
    proxy.sort(ApplicationsModel.COL_APPLICANT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    model.upsert(replace(apps[0], project_name="改过的名称"))
    assert model.index(model.row_of(1), ApplicationsModel.COL_PROJECT).data() == "改过的名称"


def test_applications_model_on_quick_read_entries(qtmodeltester, campaign: Campaign) -> None:  # type: ignore[no-untyped-def]
    apps = apps_of(campaign, 30)
    apps = [replace(a, status=Status.RECOMMENDED, priority=30 - i) if i < 5 else a for i, a in enumerate(apps)]
    entries = [
        ListEntry(a.id or 0, a.priority, a.status.value, a.project_name, a.applicant.name, a.applicant.uscc, a.county,
                  a.category_id, a.direction_id, a.applicant.is_central_enterprise)
        for a in apps
    ]  # fmt: skip
    model = ApplicationsModel(campaign)
    model.sort(ApplicationsModel.COL_PRIORITY)
    model.set_entries(entries)
    qtmodeltester.check(model)
    # Recommended first in their order, rows made only as they are read; nothing behind them yet.
    shown = [model.id_at(r) for r in range(model.rowCount())]
    assert shown[:5] == [5, 4, 3, 2, 1] and not model.complete
    as_entries = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(9)]

    model.sort(ApplicationsModel.COL_APPLICANT)  # sorting on text makes every row
    model.sort(ApplicationsModel.COL_PRIORITY)
    model.set_applications(apps)
    qtmodeltester.check(model)
    assert model.complete and [model.id_at(r) for r in range(model.rowCount())] == shown
    assert [model.index(r, c).data() for r in range(model.rowCount()) for c in range(9)] == as_entries


def test_violations_and_rules_models(qtmodeltester, campaign: Campaign) -> None:  # type: ignore[no-untyped-def]
    apps = apps_of(campaign, 12)
    violations = check_city(campaign, "佛山", apps, now=datetime(2024, 1, 1))
    model = ViolationsModel(campaign)
    model.set_violations(violations)
    qtmodeltester.check(model)
    first = model.index(0, ViolationsModel.COL_MESSAGE)
    assert "依据" in first.data(Qt.ItemDataRole.ToolTipRole)
    rules = RulesModel([campaign.rules[r] for r in campaign.rules])
    qtmodeltester.check(rules)
    assert rules.rowCount() == len(campaign.rules) == 15  # SPEC's 14 and APPLICATION_DATA
    assert rules.index(0, RulesModel.COL_CLAUSE_TEXT).data()


def test_attachments_directions_counties_backups_models(qtmodeltester, campaign: Campaign) -> None:  # type: ignore[no-untyped-def]
    attachments = AttachmentsModel()
    attachments.set_attachments(apps_of(campaign, 1)[0].attachments)
    qtmodeltester.check(attachments)
    assert attachments.index(0, AttachmentsModel.COL_DETAIL).data().startswith("时长 ")
    assert attachments.index(1, AttachmentsModel.COL_DETAIL).data() == "40 页"
    requested = []
    attachments.on_class_change = lambda a, c: requested.append(c)
    assert attachments.setData(attachments.index(1, AttachmentsModel.COL_CLASS), AttachmentClass.OTHER.value)
    assert requested == [AttachmentClass.OTHER]

    directions = DirectionsModel(campaign)
    qtmodeltester.check(directions)
    name = directions.index(0, DirectionsModel.COL_NAME)
    assert directions.flags(name) & Qt.ItemFlag.ItemIsEditable
    assert directions.setData(name, "工业互联网+人工智能应用")
    assert directions.setData(directions.index(0, DirectionsModel.COL_AUTHORITY), "工信厅、通信管理局")
    assert directions.directions()[0].authorities == (Authority.MIIT_PROVINCE, Authority.COMMUNICATIONS_ADMINISTRATION)
    assert directions.changed
    assert not directions.setData(directions.index(0, DirectionsModel.COL_AUTHORITY), "省委")

    counties = CountiesModel()
    counties.set_counties([CountyInfo("南海区", 3), CountyInfo("三水区", 0)])
    qtmodeltester.check(counties)
    backups = BackupsModel()
    backups.set_backups([BackupInfo(Path("/x/gdiiot-20231201-101010-manual.sqlite3"), datetime(2023, 12, 1, 10, 10, 10), "manual", 2048)])
    qtmodeltester.check(backups)
    assert backups.index(0, BackupsModel.COL_REASON).data() == "手动备份"


def test_search_keys_hold_pinyin_initials() -> None:
    assert initials("佛山市顺德区") == ["fsssdq"]
    assert "py" in initials("番禺")  # read as Panyu in Guangdong
    assert initials("东莞") == ["dg"]  # a level-2 character, listed by hand
    key = search_key("５Ｇ工厂", "91440101MA59")
    assert "5g工厂" in key and "5ggc" in key and "91440101ma59" in key
