"""Switch the whole app's language: our catalogue (core), Qt's stock strings, the locale and
the layout direction — once, in one place, before pages retranslate."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from car_t_guide.core import i18n

_qt_translator: QTranslator | None = None


def apply_language(lang: str) -> None:
    global _qt_translator
    i18n.set_language(lang)
    app = QApplication.instance()
    QLocale.setDefault(QLocale(lang))
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator.deleteLater()  # parented to the app: it would live as long as the app
        _qt_translator = None
    translator = QTranslator(app)  # kept alive by its parent and by us
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != i18n.SOURCE_LANGUAGE and translator.load(f"qtbase_{lang}", directory):
        app.installTranslator(translator)
        _qt_translator = translator
    else:
        translator.deleteLater()
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if i18n.is_rtl(lang) else Qt.LayoutDirection.LeftToRight
    )
