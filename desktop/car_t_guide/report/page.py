"""The page around the content: margins, and the footer on every page ("page 2 of 5").

The footer needs the page count, known only at the end: the canvas keeps each page's state and
draws every footer when the document is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

# Nothing is printed closer than this to the paper's edge: any office printer reaches it.
SAFE_MARGIN = 36.0  # 0.5 inch, 12.7 mm
SIDE_MARGIN = 42.0
TOP_MARGIN = 42.0
FOOTER_HEIGHT = 30.0
BOTTOM_MARGIN = SAFE_MARGIN + FOOTER_HEIGHT + 6.0

Footer = Callable[[Canvas, int, int], None]


def numbered_canvas(footer: Footer) -> type[Canvas]:
    """A canvas class that calls ``footer(canvas, page, pages)`` on every page at the end."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                footer(self, self._pageNumber, pages)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas
