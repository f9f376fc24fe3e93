"""Colours, sizes and the style sheet: one calm look, at three text sizes.

Every text colour is paired with the background it sits on, and a test holds each pair to a
contrast of at least 4.5:1 (WCAG AA for body text).
"""

from __future__ import annotations

from dataclasses import dataclass

from car_t_guide.core.machine.paths import resource

FONT_FAMILIES = ["Noto Sans", "Droid Sans Fallback", "NanumSquare"]  # Latin…, CJK, Korean

# Text sizes a family can choose; the largest is twice the default.
TEXT_SCALES = {"normal": 1.0, "large": 1.5, "largest": 2.0}
# The bars around the page grow less than the reading text, or at the largest size they would
# leave no room for what there is to read.
CHROME_SCALE_LIMIT = 1.25

BACKGROUND = "#f6f8fa"
SURFACE = "#ffffff"
TEXT = "#1b2631"
MUTED_TEXT = "#47515c"
ACCENT = "#0b5a86"          # primary buttons, current section
ACCENT_TEXT = "#ffffff"
ACCENT_SOFT = "#e3eef5"     # waiting-time callout, selected tab
WARNING = "#a3161a"         # the warning-signs button and call-now headings
WARNING_TEXT = "#ffffff"
WARNING_SOFT = "#fbeaea"
BORDER = "#8a96a3"
NOTICE = "#6b4a00"          # warnings that are not errors (unusual but possible)
FOCUS = "#c25e00"           # keyboard focus ring, visible on every surface

# (text, background) pairs the style sheet uses.
TEXT_PAIRS = {
    "body": (TEXT, BACKGROUND),
    "body on cards": (TEXT, SURFACE),
    "muted": (MUTED_TEXT, BACKGROUND),
    "muted on cards": (MUTED_TEXT, SURFACE),
    "buttons": (ACCENT_TEXT, ACCENT),
    "secondary buttons": (ACCENT, SURFACE),
    "callout": (TEXT, ACCENT_SOFT),
    "warning button": (WARNING_TEXT, WARNING),
    "warning text": (WARNING, WARNING_SOFT),
    "warning text on cards": (WARNING, SURFACE),
    "problems beside fields": (WARNING, BACKGROUND),
    "notices beside fields": (NOTICE, BACKGROUND),
}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    hex_colour = hex_colour.lstrip("#")
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes at one text scale."""

    scale: float

    def px(self, base: float) -> int:
        return round(base * self.scale)

    @property
    def body(self) -> int:
        return self.px(20)

    @property
    def heading(self) -> int:
        return self.px(32)

    @property
    def subheading(self) -> int:
        return self.px(23)

    @property
    def border(self) -> int:
        # The same width with or without focus, so focusing never changes a button's size.
        return max(3, self.px(3))

    @property
    def touch_target(self) -> int:
        # 44 px is the smallest touch target; ours is a little larger at every size.
        return max(48, self.px(48))


def style_sheet(scale: float) -> str:
    s = Sizes(scale)
    c = Sizes(min(scale, CHROME_SCALE_LIMIT))
    arrow = resource("styles", "chevron-down.svg").as_posix()
    arrow_up = resource("styles", "chevron-up.svg").as_posix()
    family = ", ".join(f'"{name}"' for name in FONT_FAMILIES)
    return f"""
    QWidget {{ font-family: {family}; font-size: {s.body}px; color: {TEXT}; }}
    QMainWindow, QWidget#page, QScrollArea, QWidget#scrollContent {{ background: {BACKGROUND}; }}
    QLabel#heading {{ font-size: {s.heading}px; font-weight: bold; }}
    QLabel#subheading {{ font-size: {s.subheading}px; font-weight: bold;
                         margin-top: {s.px(10)}px; }}
    QLabel#muted {{ color: {MUTED_TEXT}; }}
    QLabel#position {{ color: {MUTED_TEXT}; font-weight: bold; }}
    QFrame#callout {{ background: {ACCENT_SOFT}; border-left: {s.px(6)}px solid {ACCENT};
                      border-radius: {s.px(6)}px; }}
    QFrame#callout QLabel {{ background: transparent; }}
    QFrame#card {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: {s.px(8)}px; }}
    QFrame#card QLabel {{ background: transparent; }}
    QFrame#warningCard {{ background: {WARNING_SOFT}; border: 2px solid {WARNING};
                          border-radius: {s.px(8)}px; }}
    QFrame#warningCard QLabel {{ background: transparent; }}
    QLabel#problem {{ color: {WARNING}; font-weight: bold; }}
    QLabel#notice {{ color: {NOTICE}; }}
    QLineEdit, QSpinBox, QDateEdit, QPlainTextEdit {{
        min-height: {s.touch_target}px; padding: 0 {s.px(8)}px; background: {SURFACE};
        border: 2px solid {BORDER}; border-radius: {s.px(6)}px;
    }}
    QLineEdit:focus, QSpinBox:focus, QDateEdit:focus {{ border-color: {FOCUS}; }}
    QCheckBox {{ min-height: {s.touch_target}px; spacing: {s.px(10)}px; }}
    QCheckBox::indicator {{ width: {s.px(26)}px; height: {s.px(26)}px; }}
    QLabel#warningHeading {{ color: {WARNING}; font-size: {s.subheading}px; font-weight: bold; }}
    QFrame#topBar, QFrame#bottomBar, QFrame#readingBar {{ background: {SURFACE}; border: none; }}
    QPushButton, QToolButton, QComboBox {{
        min-height: {s.touch_target}px; padding: {s.px(6)}px {s.px(16)}px;
        border-radius: {s.px(8)}px; border: {s.border}px solid {ACCENT};
        background: {SURFACE}; color: {ACCENT}; font-weight: bold;
    }}
    QFrame#topBar QWidget, QFrame#bottomBar QWidget, QFrame#readingBar QWidget {{
        font-size: {c.body}px;
    }}
    QFrame#topBar QPushButton, QFrame#topBar QComboBox, QFrame#bottomBar QPushButton,
    QFrame#readingBar QPushButton {{
        min-height: {c.touch_target}px; padding: {c.px(6)}px {c.px(16)}px;
        border-width: {c.border}px;
    }}
    QLabel#appTitle {{ font-size: {c.subheading}px; font-weight: bold; color: {ACCENT}; }}
    QPushButton#primary {{ background: {ACCENT}; color: {ACCENT_TEXT}; }}
    QPushButton#section:checked, QPushButton#textSize:checked {{
        background: {ACCENT}; color: {ACCENT_TEXT};
    }}
    QPushButton#warningButton {{ background: {WARNING}; color: {WARNING_TEXT};
                                 border-color: {WARNING}; }}
    QPushButton:disabled {{ color: {MUTED_TEXT}; border-color: {BORDER}; }}
    QPushButton:focus, QToolButton:focus, QComboBox:focus {{
        outline: none; border-color: {FOCUS};
    }}
    QComboBox::drop-down, QDateEdit::drop-down {{ border: none; width: {c.px(32)}px; }}
    QDateEdit::down-arrow {{ image: url("{arrow}"); width: {s.px(20)}px; height: {s.px(20)}px; }}
    QSpinBox {{ padding-right: {s.px(40)}px; }}
    QSpinBox::up-button, QSpinBox::down-button {{
        subcontrol-origin: border; width: {s.px(36)}px; border: none;
    }}
    QSpinBox::up-button {{ subcontrol-position: top right; }}
    QSpinBox::down-button {{ subcontrol-position: bottom right; }}
    QSpinBox::up-arrow {{ image: url("{arrow_up}"); width: {s.px(16)}px; height: {s.px(16)}px; }}
    QSpinBox::down-arrow {{ image: url("{arrow}"); width: {s.px(16)}px; height: {s.px(16)}px; }}
    QComboBox::down-arrow {{ image: url("{arrow}"); width: {c.px(20)}px; height: {c.px(20)}px; }}
    QComboBox QAbstractItemView {{ background: {SURFACE}; color: {TEXT};
                                   selection-background-color: {ACCENT};
                                   selection-color: {ACCENT_TEXT}; }}
    """
