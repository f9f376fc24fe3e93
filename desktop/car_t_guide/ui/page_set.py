"""The window's pages, each made the first time it is asked for.

Start-up makes only the welcome screen: the other pages (and the modules, content files and
chart libraries behind them) cost nothing until a family goes there. ``pages["journey"]``
makes the journey page if it is not made yet; ``made()`` lists only the pages that exist, for
work that concerns every page drawn so far (a new text size, a new language).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from car_t_guide.ui.pages.base import Page


class PageSet(Mapping[str, Page]):
    def __init__(self, page_ids: list[str], make: Callable[[str], Page]):
        self._ids = list(page_ids)
        self._make = make
        self._made: dict[str, Page] = {}

    def __getitem__(self, page_id: str) -> Page:
        page = self._made.get(page_id)
        if page is None:
            if page_id not in self._ids:
                raise KeyError(page_id)
            page = self._make(page_id)
            self._made[page_id] = page
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def made(self) -> list[Page]:
        """The pages that exist so far, without making the others."""
        return list(self._made.values())

    def if_made(self, page_id: str) -> Page | None:
        return self._made.get(page_id)

    def discard_all_but(self, keep: str) -> None:
        """Delete every made page but ``keep`` (made again when next shown): nothing a page
        drew for the last family stays in memory."""
        for page_id in [made for made in self._made if made != keep]:
            page = self._made.pop(page_id)
            page.hide()
            page.setParent(None)  # out of the window's stack now, deleted by Qt below
            page.deleteLater()
