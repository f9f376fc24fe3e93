"""Keep a child widget covering the whole of its parent (full-window screens such as "Still
there?" and "Something went wrong" that sit above the pages without touching them)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _KeepCovering(QObject):
    def __init__(self, cover: QWidget):
        super().__init__(cover)
        self._cover = cover

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self._cover.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.ChildAdded and self._cover.isVisible():
            self._cover.raise_()  # a widget added later must not end up on top of the cover
        return False


def keep_covering_parent(cover: QWidget) -> None:
    """Size ``cover`` to its parent now and whenever the parent is resized."""
    parent = cover.parentWidget()
    if parent is None:
        raise ValueError("a cover needs a parent widget to cover")
    cover.setGeometry(parent.rect())
    parent.installEventFilter(_KeepCovering(cover))
