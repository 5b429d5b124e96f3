"""Qt start-up: the QApplication, Qt's own Chinese translations and a font that can show Chinese."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from gdiiot_desktop import resources
from gdiiot_desktop.gui import screen_fit

APPLICATION_NAME = "GDIIoT Desktop"
ORGANIZATION_NAME = "GDIIoT"

WINDOWS_FONT = "Microsoft YaHei"
# Tried in order where Microsoft YaHei is absent (Linux, or a stripped-down Windows).
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC")
BUNDLED_FONT_FILE = "wqy-microhei.ttc"

# Qt's catalogue for its own widgets and dialogs (确定/取消, file dialogs, context menus).
QT_CATALOGUES = ("qtbase",)
UI_LOCALE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, set up for Simplified Chinese; reuses one that already exists (tests)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    QLocale.setDefault(UI_LOCALE)
    install_qt_translations(app)
    apply_cjk_font(app)
    screen_fit.install(app)  # every window and dialog opens within the screen
    return app


def translation_dirs() -> list[Path]:
    """Where Qt's .qm files may be: the Qt install (wheel or frozen bundle), then our resources."""
    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        resources.resource("translations"),
    ]


def install_qt_translations(app: QCoreApplication) -> list[QTranslator]:
    """Load Qt's zh_CN catalogues; returns the translators installed (parented to app, so kept alive)."""
    installed = []
    for catalogue in QT_CATALOGUES:
        for folder in translation_dirs():
            translator = QTranslator(app)
            if translator.load(UI_LOCALE, catalogue, "_", str(folder)):
                app.installTranslator(translator)
                installed.append(translator)
                break
            translator.deleteLater()
    missing = MissingQtTexts(app)
    app.installTranslator(missing)  # installed last, so asked first; it answers only what Qt's catalogue lacks
    installed.append(missing)
    return installed


class MissingQtTexts(QTranslator):
    """Texts of Qt's own dialogs that its zh_CN catalogue leaves in English (the non-native file dialog)."""

    TEXTS = {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    }

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None (a null string) lets Qt ask the next catalogue; "" would be taken as the translation.
        return self.TEXTS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def choose_cjk_family(available: Iterable[str], platform: str = sys.platform) -> str | None:
    """The system font family to use for Chinese text, or None if none of the known ones is installed."""
    families = set(available)
    preferred = [WINDOWS_FONT, *CJK_FONTS] if platform == "win32" else list(CJK_FONTS)
    for family in preferred:
        if family in families:
            return family
    return None


def register_bundled_font() -> str | None:
    """Register the shipped WenQuanYi Micro Hei with Qt; returns its family name, or None on failure."""
    font_id = QFontDatabase.addApplicationFont(str(resources.fonts_dir() / BUNDLED_FONT_FILE))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    # The .ttc holds the proportional face first and the monospaced one second.
    return CJK_FONTS[0] if CJK_FONTS[0] in families else (families[0] if families else None)


def apply_cjk_font(app: QApplication) -> str | None:
    """Make the application font one that shows Chinese; falls back to the bundled font."""
    family = choose_cjk_family(QFontDatabase.families())
    if family is None:
        family = register_bundled_font()
    if family is None:
        return None
    font = QFont(app.font())
    font.setFamilies([family])
    app.setFont(font)
    return family
