"""Qt start-up: Chinese translations for Qt's own texts, the CJK font choice, the bundled font, the entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from gdiiot_desktop.__main__ import parse_args
from gdiiot_desktop.gui import application


def test_choose_font_prefers_yahei_on_windows() -> None:
    available = ["Arial", "WenQuanYi Micro Hei", "Microsoft YaHei"]
    assert application.choose_cjk_family(available, platform="win32") == "Microsoft YaHei"
    assert application.choose_cjk_family(available, platform="linux") == "WenQuanYi Micro Hei"


def test_choose_font_order_elsewhere() -> None:
    assert (
        application.choose_cjk_family(["Source Han Sans SC", "Noto Sans CJK SC"], "linux")
        == "Noto Sans CJK SC"
    )
    assert application.choose_cjk_family(["Source Han Sans SC"], "win32") == "Source Han Sans SC"
    assert application.choose_cjk_family(["DejaVu Sans", "Microsoft YaHei"], "linux") is None
    assert application.choose_cjk_family([], "win32") is None


def test_bundled_font_is_shipped_with_licence() -> None:
    fonts = application.resources.fonts_dir()
    assert (fonts / "wqy-microhei.ttc").stat().st_size > 4_000_000
    assert "Apache" in (fonts / "wqy-microhei-LICENSE.txt").read_text(encoding="utf-8")


def test_bundled_font_registers_and_covers_chinese(qapp: QApplication) -> None:
    family = application.register_bundled_font()
    assert family == "WenQuanYi Micro Hei"
    assert family in QFontDatabase.families()
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def test_falls_back_to_bundled_font_without_system_cjk_font(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = qapp.font()
    monkeypatch.setattr(application, "choose_cjk_family", lambda available: None)
    try:
        assert application.apply_cjk_font(qapp) == "WenQuanYi Micro Hei"
        assert qapp.font().families()[0] == "WenQuanYi Micro Hei"
    finally:
        qapp.setFont(original)


def test_qt_texts_are_translated_to_chinese(qapp: QApplication) -> None:
    translators = application.install_qt_translations(qapp)
    try:
        assert translators, "qtbase_zh_CN.qm not found in " + ", ".join(
            map(str, application.translation_dirs())
        )
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_create_application_reuses_the_running_one(qapp: QApplication) -> None:
    original_font, original_locale = qapp.font(), QLocale()
    try:
        app = application.create_application()
        assert app is qapp
        assert app.applicationName() == "GDIIoT Desktop"
        assert QLocale().name() == "zh_CN"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        # Leave the shared test QApplication as it was for the other tests.
        for translator in qapp.findChildren(application.QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
        qapp.setFont(original_font)
        QLocale.setDefault(original_locale)


def test_parse_args_keeps_qt_options() -> None:
    args, rest = parse_args(["--db", "x/城市.sqlite3", "-platform", "offscreen"])
    assert args.db == Path("x/城市.sqlite3")
    assert rest == ["-platform", "offscreen"]
    args, rest = parse_args([])
    assert args.db is None and rest == []


def test_module_help_answers_without_a_display() -> None:
    # UTF-8 mode so the Chinese help text crosses the pipe the same way on Windows.
    env = {**os.environ, "PYTHONUTF8": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "gdiiot_desktop", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "--db" in result.stdout
    assert "数据库文件" in result.stdout
