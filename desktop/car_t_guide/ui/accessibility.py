"""What screen readers are told about our widgets, beyond what Qt says on its own.

Qt announces a checkable push button as a check box, and every label as plain text. Some of ours
are something else: the section bar is a row of page tabs, the text sizes and chart views are
radio buttons (one of a set is chosen), a heading is a heading, a bullet list is a list, and
"Still there?" is an alert. Qt Widgets has no setter for a role, so a widget is marked with a
role (``set_role``) and an accessibility factory gives marked widgets an interface that reports
it (with the right states and the "press" action); headings are recognised by their style name
("heading", "subheading", ...), so pages need no change for them.

``announce`` asks the screen reader to say something now (Qt 6.8's announcement event): the
"Still there?" countdown, a "Saved" message.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
)
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QWidget

Role = QAccessible.Role
_PROPERTY = "carTGuideRole"
# Labels drawn as headings (their object names in the style sheet).
HEADING_STYLES = frozenset(
    {"heading", "subheading", "warningHeading", "stillThereQuestion", "pinTitle"}
)


def set_role(widget: QWidget, role: QAccessible.Role) -> QWidget:
    """Announce ``widget`` as ``role`` (Role.PageTab, Role.RadioButton, Role.List, ...)."""
    widget.setProperty(_PROPERTY, int(role.value))
    if QAccessible.isActive():
        # A screen reader may have asked about the widget as it was made, before it had its
        # role: Qt keeps that first answer, so let it go and ask again.
        known = QAccessible.queryAccessibleInterface(widget)
        if known is not None and known.role() != role:
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(known))
    return widget


def role_of(widget: QWidget) -> QAccessible.Role | None:
    value = widget.property(_PROPERTY)
    if value is not None:
        return Role(value)
    if isinstance(widget, QLabel) and widget.objectName() in HEADING_STYLES:
        return Role.Heading
    return None


class RoleAccessible(QAccessibleWidget):
    """A widget announced in the role it was given."""

    def __init__(self, widget: QWidget, role: QAccessible.Role):
        super().__init__(widget, role)
        self._role = role

    def role(self) -> QAccessible.Role:
        return self._role

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name:
            if widget.accessibleName():
                return widget.accessibleName()
            shown = getattr(widget, "text", None)
            return shown() if callable(shown) else ""
        return super().text(kind)

    def state(self) -> QAccessible.State:
        state = super().state()
        widget = self.widget()
        if isinstance(widget, QAbstractButton) and widget.isCheckable():
            if self._role == Role.PageTab:
                state.selectable = True
                state.selected = widget.isChecked()
            else:
                state.checkable = True
                state.checked = widget.isChecked()
        return state

    def actionNames(self) -> list[str]:  # noqa: N802 (Qt's name)
        if isinstance(self.widget(), QAbstractButton):
            return [QAccessibleActionInterface.pressAction()]
        return super().actionNames()

    def doAction(self, name: str) -> None:  # noqa: N802 (Qt's name)
        widget = self.widget()
        if isinstance(widget, QAbstractButton) and name == QAccessibleActionInterface.pressAction():
            widget.click()
            return
        super().doAction(name)


def _factory(_class_name: str, obj: QObject):
    if isinstance(obj, QWidget):
        role = role_of(obj)
        if role is not None:
            return RoleAccessible(obj, role)
    return None


class Announcer(QObject):
    """Says a message through the screen reader (and tells tests it did)."""

    announced = Signal(str, bool)  # text, assertive

    def announce(self, widget: QWidget, text: str, *, assertive: bool = False) -> None:
        event = QAccessibleAnnouncementEvent(widget, text)
        event.setPoliteness(
            QAccessible.AnnouncementPoliteness.Assertive
            if assertive
            else QAccessible.AnnouncementPoliteness.Polite
        )
        QAccessible.updateAccessibility(event)
        self.announced.emit(text, assertive)


announcer = Announcer()


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    announcer.announce(widget, text, assertive=assertive)


def alert(widget: QWidget) -> None:
    """Tell screen readers that ``widget`` (marked Role.AlertMessage) just appeared."""
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


_installed = False


def install() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
