"""The app's short strings, in the family's language.

One gettext catalogue per language under ``i18n/`` (managed with Babel), used by core/, ui/ and
report/ alike: core/ and report/ cannot call Qt's ``tr()``. Long texts a family reads are content
files under ``resources/content/<lang>/``, not catalogue entries.
"""

from __future__ import annotations

import gettext
import locale
import os
from functools import cache

from car_t_guide.core.machine.paths import i18n_dir

DOMAIN = "car_t_guide"
SOURCE_LANGUAGE = "en"
# Languages whose catalogue and content are complete; tests hold every one of them to that.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es")
# Each language's own name, so a family can find theirs whatever language is showing.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
_RTL = {"ar", "fa", "he", "ur"}

_current = SOURCE_LANGUAGE


@cache
def translation_for(lang: str) -> gettext.NullTranslations:
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(i18n_dir()), languages=[lang])


def normalize(lang: str | None) -> str | None:
    """'es_MX.UTF-8' or 'es-MX' -> 'es' when we ship it; None otherwise."""
    if not lang:
        return None
    base = lang.replace("-", "_").split(".")[0].split("_")[0].lower()
    return base if base in SUPPORTED_LANGUAGES else None


def system_language() -> str:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in os.environ.get(variable, "").split(":"):
            found = normalize(part)
            if found:
                return found
    found = normalize(locale.getlocale()[0])
    return found or SOURCE_LANGUAGE


def choose_language(*candidates: str | None) -> str:
    """First shipped language among the candidates (command line, session, center), else the
    system's."""
    for candidate in candidates:
        found = normalize(candidate)
        if found:
            return found
    return system_language()


def set_language(lang: str) -> None:
    global _current
    found = normalize(lang)
    if found is None:
        raise ValueError(f"unsupported language: {lang!r}")
    _current = found


def current_language() -> str:
    return _current


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0].split("_")[0] in _RTL


def _(message: str) -> str:
    """Translate a short app string into the current language."""
    return translation_for(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation_for(_current).ngettext(singular, plural, n)


def gettext_in(lang: str, message: str) -> str:
    """Translate into a given language, whatever is showing (the wallet card's English side)."""
    return translation_for(lang).gettext(message)


def translations_in(lang: str) -> gettext.NullTranslations:
    """The catalogue for a given language (core/ writes dates and counts for the screen and the
    PDF in the language asked for, which need not be the one showing); English for a language
    we do not ship, whose dates Babel still formats. Call ``.gettext("...")`` and
    ``.ngettext("...", "...", n)`` on it directly, so the catalogue extractor finds the strings.
    """
    return translation_for(normalize(lang) or SOURCE_LANGUAGE)


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it yet (translated when shown)."""
    return message
