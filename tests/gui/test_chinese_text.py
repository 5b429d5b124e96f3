"""Chinese everywhere a user looks: a walk over every window's visible text, Qt's own dialogs, error texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from gdiiot_desktop.gui.application import install_qt_translations
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.services.workspace import create_workspace
from gdiiot_desktop.storage.database import Database
from gdiiot_desktop.storage.errors import DatabaseCorruptError
from tests.gui.tour import filled_workspace, tour
from tests.gui.visible_text import latin_findings, latin_words


@pytest.fixture
def chinese_qt(qapp: QApplication) -> Iterator[None]:
    """Qt's own texts in Chinese, as the program starts (removed again: other tests expect none)."""
    translators = install_qt_translations(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_detector_finds_latin_words_and_spares_the_allowed_ones() -> None:
    assert latin_words("规则 CITY_QUOTA 未通过") == ["CITY_QUOTA"]
    assert latin_words("请加 --skip-bad-rows 重试") == ["skip", "bad", "rows"]
    assert latin_words("file is not a database") == ["file", "is", "not", "database"]
    assert latin_words("导入 Excel（*.xlsx）、PDF、ISO 光盘；信用代码 91440101MA5CXXXX0X；5G 工厂") == []
    assert latin_words(r"数据库：C:\Users\张三\gdiiot.sqlite3") == []
    assert latin_words("项目视频\n规则编号：VIDEO_REQUIRED") == []  # the id is allowed in its tooltip note


def test_every_window_shows_only_chinese(qtbot: QtBot, tmp_path: Path, chinese_qt: None) -> None:
    ws = filled_workspace(tmp_path / "city")
    empty = create_workspace(tmp_path / "韶关.sqlite3", "韶关", operator="测试员")
    seen: list[str] = []
    findings: list[str] = []
    from itertools import chain

    from tests.gui.fund_tour import fund_tour

    for name, window in chain(tour(ws, empty_ws=empty), fund_tour(tmp_path)):
        seen.append(name)
        findings += [f"{name}: {f}" for f in latin_findings(window)]
    ws.close()
    empty.close()
    assert len(seen) >= 20 and "main-3-活动与方向" in seen and "main-empty" in seen and "fund-intake" in seen
    assert "fund-application-form" in seen and "fund-application-form-new" in seen
    assert findings == []


def test_qt_own_buttons_and_file_dialogs_are_in_chinese(qtbot: QtBot, chinese_qt: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "有未保存的修改", "要保存吗？",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)  # fmt: skip
    qtbot.addWidget(box)
    box.show()
    texts = [b.text() for b in box.findChildren(QAbstractButton) if b.isVisible()]
    assert texts and all(not latin_words(t) for t in texts), texts
    dialog = QFileDialog(None, "打开数据库")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    visible = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton) if w.isVisible()]  # type: ignore[operator]
    assert any(visible) and [t for t in visible if latin_words(t)] == []
    dialog.close()


def test_a_file_that_is_not_a_database_is_refused_in_chinese_and_leaves_no_lock(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "不是数据库.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 50)
    try:
        Database.open(path)
    except DatabaseCorruptError as exc:
        error = exc
    else:
        raise AssertionError("opened a non-database")
    assert not (tmp_path / "不是数据库.sqlite3.lock").exists()
    assert "不是本程序的数据库文件" in error.message and latin_words(error.message.replace(str(path), "")) == []
    box = show_error(None, error, "无法打开数据库")
    qtbot.addWidget(box)
    assert latin_words(box.text().replace(str(path), "")) == []
    assert "not a database" in box.detailedText()  # SQLite's words only behind 详细信息
    box.close()


def test_messages_built_from_violations_name_the_rule_by_its_title(tmp_path: Path) -> None:
    from dataclasses import replace

    from gdiiot_desktop.services.exchange.crosscheck import cross_county
    from tests.gui.conftest import sample

    ws = create_workspace(tmp_path / "佛山.sqlite3", "佛山", operator="测试员")
    try:
        apps = sample(ws, 2)
        apps = [replace(a, id=i + 1) for i, a in enumerate(apps)]
        twin = replace(apps[0], id=3, county=apps[1].county)  # the same project filed twice
        report = cross_county(ws.campaign, ws.city, [*apps, twin], {3})
        lines = report.lines()
        assert any("【同一项目不能重复申报】" in line for line in lines), lines
        assert all(not latin_words(line) for line in lines), lines
        assert ws.campaign.rule_title("DUPLICATE_PROJECT") == "同一项目不能重复申报"
        assert ws.campaign.rule_title("NO_SUCH_RULE") == "NO_SUCH_RULE"
    finally:
        ws.close()


def test_command_line_hints_are_left_out_of_messages_in_the_window() -> None:
    from gdiiot_desktop.gui.errors import describe, window_text
    from gdiiot_desktop.services.errors import ServiceError

    assert window_text("找不到编号为 7 的专项资金申报项目（见 gdiiot fund list）") == "找不到编号为 7 的专项资金申报项目"
    assert window_text("请改正后重新导入（只导入正确的行：加 --skip-bad-rows）。") == "请改正后重新导入。"
    assert window_text("未设定预算（万元）") == "未设定预算（万元）"  # other brackets stay
    message, details, _ = describe(ServiceError("尚未排序入库任何项目（gdiiot fund rank），没有可导出的入库清单", ["第2行（见 gdiiot check）"]))
    assert message == "尚未排序入库任何项目，没有可导出的入库清单" and details == ["第2行"]
