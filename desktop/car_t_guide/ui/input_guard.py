"""Two keyboard and mouse rules for the whole app, in one application-wide event filter.

- **The wheel never changes a value behind the nurse's back.** A wheel turned over a spin box,
  date field or list box that does not have keyboard focus scrolls the page instead (Qt's own
  widgets would change the value: one notch over "T cell collection" moved the year). A field the
  nurse is working in (it has focus) still takes the wheel.
- **Return and Enter press the focused button**, as Space does (Qt does this only inside
  dialogs).
- **A list box's pop-up list follows the text size**: each list box draws its items with a
  styled delegate, which the style sheet sizes (Qt's default menu-like list ignores it and stayed
  small at the largest text size).

Installed once on the application (``install``), so every window and dialog follows both rules.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QPushButton,
    QStyledItemDelegate,
    QToolButton,
    QWidget,
)

# Widgets whose value a wheel turn would change.
VALUE_WIDGETS = (QAbstractSpinBox, QComboBox)
# Keys that press a focused button (the main Return key and the keypad's Enter).
PRESS_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _value_widget(widget: QWidget) -> QWidget | None:
    """The spin box or combo box ``widget`` is (or is part of), within its own window."""
    while widget is not None:
        if isinstance(widget, VALUE_WIDGETS):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def _has_focus_within(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return None


def _styled_list(box: QComboBox) -> None:
    if not isinstance(box.itemDelegate(), QStyledItemDelegate):
        box.setItemDelegate(QStyledItemDelegate(box))


class InputGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Wheel and isinstance(watched, QWidget):
            return self._wheel(watched, event)
        if kind == QEvent.Type.KeyPress and isinstance(watched, (QPushButton, QToolButton)):
            return self._press(watched, event)
        if kind == QEvent.Type.Polish and isinstance(watched, QComboBox):
            _styled_list(watched)
        return False

    def _wheel(self, widget: QWidget, event) -> bool:
        target = _value_widget(widget)
        if target is None or _has_focus_within(target):
            return False
        area = _scroll_area_around(target)
        if area is not None:
            # The page scrolls as if the field were not there.
            QApplication.sendEvent(area.viewport(), event)
        event.accept()  # taken: it goes no further up
        return True

    def _press(self, button: QPushButton | QToolButton, event) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            event.key() not in PRESS_KEYS
            or modifiers != Qt.KeyboardModifier.NoModifier
            or event.isAutoRepeat()
            or not button.hasFocus()
            or not button.isEnabled()
        ):
            return False
        button.click()
        return True


_guard: InputGuard | None = None


def install(app: QApplication) -> InputGuard:
    """Put the guard on the application (once; later calls return the same guard)."""
    global _guard
    if _guard is None:
        _guard = InputGuard(app)
        app.installEventFilter(_guard)
        # List boxes polished before the guard was there (the language box of the first screen).
        for widget in app.allWidgets():
            if isinstance(widget, QComboBox):
                _styled_list(widget)
    return _guard
