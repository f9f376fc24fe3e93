"""Paragraph markup built safely, and the summary's paragraph styles.

Every piece of text reaches reportlab through ``text``/``bold``/``fill``: each is split into
font runs (report/fonts.py) and escaped, whether a family typed it, a translator wrote it or it
came from a content file — a Chinese catalogue or a name with "<" prints the same way.
``Markup`` marks what is already safe, so ``fill`` never escapes twice.
"""

from __future__ import annotations

import string
from gettext import NullTranslations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus import Spacer

from car_t_guide.core.i18n import normalize, translations_in
from car_t_guide.report.fonts import BOLD, ITALIC, REGULAR, register_fonts, rich


class Markup(str):
    """Paragraph markup whose every run is already escaped and set in a font that has it."""


def text(value: str, font: str = REGULAR, *, multiline: bool = False) -> Markup:
    return Markup(rich(value, font, multiline=multiline))


def bold(value: str) -> Markup:
    return text(value, BOLD)


_FORMATTER = string.Formatter()


def fill(template: str, font: str = REGULAR, **values: str) -> Markup:
    """``template.format(**values)`` as markup: the template's words in ``font``, each value
    escaped in ``font`` unless it is ``Markup`` already (``bold(name)``, say)."""
    parts: list[str] = []
    for literal, field, _spec, _conversion in _FORMATTER.parse(template):
        if literal:
            parts.append(rich(literal, font))
        if field is not None:
            value = values[field]
            parts.append(value if isinstance(value, Markup) else rich(str(value), font))
    return Markup("".join(parts))


class Paragraph(_Paragraph):
    """reportlab's Paragraph, which keeps the lines it broke for each width it was given.

    reportlab asks a paragraph its size again and again: a table sizes its cells, then sizes
    them again to split and to draw; KeepTogether, KeepInFrame and the chart's ShrinkOrMove
    measure first to decide where things go or how much to shrink. The lines depend only on the
    width, the text and the style, which do not change once made: breaking them again gave the
    same lines and took an eighth of the summary's time. A split makes new paragraphs, which
    break their lines anew.
    """

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        # KeepInFrame draws at the width it measured at give or take a millionth of a point (its
        # own tolerance): the same width, the same lines.
        key = (round(availWidth, 5), self.style)
        kept = self.__dict__.setdefault("_kept_lines", {})
        if key in kept and "blPara" in self.__dict__:  # split() forgets the lines: so do we
            self.blPara, self._wrapWidths, self.height = kept[key]
            self.width = availWidth
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        kept[key] = (self.blPara, self._wrapWidths, self.height)
        return size


def BLANK_CELL() -> Spacer:  # noqa: N802 (reads as a constant in table rows)
    """An empty table cell. A "" cell would make reportlab set its default font, Helvetica,
    which is not embedded."""
    return Spacer(0, 0)


# --- the language of one summary --------------------------------------------------------------


class Words:
    """The app's short strings in one language, whatever language the screen shows (a summary
    for a Spanish family can be made while the nurse's screen is in English).

    Use it under the name ``_`` inside a function (``_ = words.gettext``) so the catalogue
    extractor finds the strings, and ``words.ngettext`` for counts.
    """

    def __init__(self, lang: str) -> None:
        self.lang = normalize(lang) or "en"
        self._translations: NullTranslations = translations_in(self.lang)

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._translations.ngettext(singular, plural, n)


# --- styles --------------------------------------------------------------------------------------

INK = colors.black
MUTED = colors.HexColor("#444444")  # dark enough to read when photocopied
RULE = colors.HexColor("#777777")
SHADE = colors.HexColor("#EDEDED")  # a light box: still white enough to write on


class Styles:
    """The summary's paragraph styles, every one in a bundled font (never Helvetica)."""

    def __init__(self, scale: float = 1.0) -> None:
        register_fonts()

        def style(name: str, size: float, font: str = REGULAR, **more) -> ParagraphStyle:
            size *= scale
            options = {
                "fontName": font,
                "fontSize": size,
                "leading": size * 1.3,
                "textColor": INK,
                "alignment": TA_LEFT,
                "splitLongWords": 1,
                "allowWidows": 0,
                "allowOrphans": 0,
            }
            options.update(more)
            return ParagraphStyle(name, **options)

        self.body = style("body", 11, spaceAfter=4)
        self.small = style("small", 9, textColor=MUTED)
        self.tiny = style("tiny", 7.5, textColor=MUTED)
        self.product = style("product", 10, BOLD, textColor=MUTED, spaceAfter=2)
        self.name = style("name", 22, BOLD, leading=26, spaceAfter=4)
        self.h1 = style("h1", 17, BOLD, spaceBefore=10, spaceAfter=5)
        self.h2 = style("h2", 13, BOLD, spaceBefore=8, spaceAfter=3)
        self.label = style("label", 11, BOLD)
        self.cell = style("cell", 11)
        self.cell_bold = style("cell_bold", 11, BOLD)
        self.phone = style("phone", 20, BOLD, leading=25)
        self.sign = style(
            "sign",
            13,
            leading=16.5,
            spaceAfter=3,
            leftIndent=18,
            bulletIndent=4,
            bulletFontName=BOLD,
            bulletFontSize=13,
        )
        self.bullet = style(
            "bullet", 11, leftIndent=14, bulletIndent=2, bulletFontName=REGULAR, spaceAfter=2
        )
        self.callout = style("callout", 12, BOLD, leading=16)
        self.h3 = style("h3", 12, BOLD, spaceBefore=6, spaceAfter=2)
        self.tier = style("tier", 17, BOLD, leading=21, spaceAfter=3)
        self.tier_phone = style("tier_phone", 16, BOLD, leading=20, spaceAfter=4)
        self.topic = style("topic", 10, leading=13, spaceAfter=3)
        self.note = style("note", 10, ITALIC, textColor=MUTED)
        self.source = style(
            "source",
            8,
            leading=10,
            leftIndent=10,
            bulletIndent=0,
            bulletFontName=REGULAR,
            spaceAfter=1.5,
        )
