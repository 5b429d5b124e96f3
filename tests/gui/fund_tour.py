"""A walk through the special-fund window and its dialogs on a filled fund database, for the
screen-fit probe and the Chinese-text walk (as tour.py does for the main window)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QWidget

from gdiiot_desktop.resources import resource
from gdiiot_desktop.services.fund.workspace import create_fund_workspace
from gdiiot_desktop.services.tasks.service import import_task_list, open_city_database
from tests.gui.tour import settle, wait_until
from tests.tasks.sheets import sheet_2021


def filled_fund_database(folder: Path) -> Path:
    from tests.gui.test_fund_window import APPS

    path = folder / "江门专项.sqlite3"
    ws = create_fund_workspace(path, "江门", resource("campaigns", "2022-jiangmen-fund.toml"))
    try:
        ids = ws.repo.add_many(APPS, source="tour")
        ws.repo.set_ranking(ids[:6])
        ws.repo.set_budget(Decimal(3_000_000))
    finally:
        ws.close()
    cdb = open_city_database(path)
    try:
        import_task_list(cdb, sheet_2021(folder / "2022任务清单.xlsx", 2022))
    finally:
        cdb.close()
    return path


def fund_tour(folder: Path) -> Iterator[tuple[str, QWidget]]:
    from gdiiot_desktop.gui.fund.intake_dialog import IntakeResultDialog
    from gdiiot_desktop.gui.fund.window import FundWindow

    window = FundWindow(filled_fund_database(folder), today=lambda: date(2022, 11, 1))
    window.show()
    window.load()
    try:
        wait_until(lambda: window.data is not None and not window.runner.busy)
        settle()
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            settle()
            yield f"fund-{i + 1}-{window.tabs.tabText(i)}", window
        window.tabs.setCurrentIndex(0)
        window.show_details(7)
        dialog = window.details_dialog
        assert dialog is not None
        wait_until(lambda: dialog.details is not None and not dialog.busy)
        settle()
        for i in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(i)
            settle()
            yield f"fund-details-{i + 1}-{dialog.tabs.tabText(i)}", dialog
        form = dialog.open_form()  # 修改…: the entry form filled from the application
        assert form is not None
        settle()
        yield "fund-application-form", form
        form.close()
        dialog.close()
        new = window.new_application()  # 新建申报…: the empty form, a direction chosen
        assert new is not None
        new.direction.setCurrentIndex(new.direction.findData("talent"))
        settle()
        yield "fund-application-form-new", new
        new.close()
        problems = [f"第{n}行“支持方向”：“不存在的方向”不是本次的支持方向" for n in range(3, 40)]
        result = IntakeResultDialog("未导入", "汇总.xlsx 有 37 处问题，未导入任何项目。", problems,
                                    refused=True, good_rows=5, parent=window)  # fmt: skip
        result.show()
        settle()
        yield "fund-intake", result
        result.close()
    finally:
        window.close()
        window.deleteLater()
        settle()
