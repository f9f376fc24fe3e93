"""Switch the whole app's language: our catalogue (core), Qt's stock strings, the locale and
the layout direction — once, in one place, before pages retranslate.

Qt's own dialogs (file, print, message boxes) take their words from the ``qtbase_<lang>.qm``
PySide6 ships (QtWidgets and QtPrintSupport strings live there; the other ``qt*_<lang>.qm`` files
are for Qt Quick, Designer and Help, which the app does not use). A few of Qt's newer labels
gained a keyboard-accelerator "&" that the shipped translations do not have yet ("&Look in:"
is translated only as "Look in:"), so the file dialog still said "Look in" and "Files of
type" in Spanish: ``QtDialogTranslator`` looks such a label up without its "&" too.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from car_t_guide.core import i18n

# The Qt catalogues the app's dialogs need, by file name prefix.
QT_CATALOGUES = ("qtbase",)

_qt_translators: list[QTranslator] = []


class QtDialogTranslator(QTranslator):
    """One of Qt's own catalogues, also answering for a label whose "&" it does not know."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt's)
        found = super().translate(context, source_text, disambiguation, n)
        if found or not source_text or "&" not in source_text:
            return found
        plain = source_text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        found = super().translate(context, plain, disambiguation, n)
        return _with_accelerator(found, source_text) if found else found


def _with_accelerator(translated: str, source_text: str) -> str:
    """Put an accelerator on the translated label, on the letter the source marked if it has
    one, else on its first letter."""
    marked = source_text[source_text.index("&") + 1 : source_text.index("&") + 2].casefold()
    at = translated.casefold().find(marked) if marked else -1
    at = at if at >= 0 else next((i for i, c in enumerate(translated) if c.isalpha()), -1)
    return translated if at < 0 else translated[:at] + "&" + translated[at:]


def apply_language(lang: str) -> None:
    i18n.set_language(lang)
    app = QApplication.instance()
    QLocale.setDefault(QLocale(lang))
    while _qt_translators:
        old = _qt_translators.pop()
        app.removeTranslator(old)
        old.deleteLater()  # parented to the app: it would live as long as the app
    if lang != i18n.SOURCE_LANGUAGE:
        directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for catalogue in QT_CATALOGUES:
            translator = QtDialogTranslator(app)  # kept alive by its parent and by us
            if translator.load(f"{catalogue}_{lang}", directory):
                app.installTranslator(translator)
                _qt_translators.append(translator)
            else:
                translator.deleteLater()
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if i18n.is_rtl(lang) else Qt.LayoutDirection.LeftToRight
    )
