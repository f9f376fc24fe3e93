"""Small faults a nurse met: the footer's Next skipped six side effects, and a cancelled print
was logged as a print of 0 pages."""

from __future__ import annotations

import logging

from car_t_guide.core.machine.logs import LOGGER_NAME


def test_next_and_back_go_through_every_side_effect_screen(make_window):
    window = make_window("en")
    window.show_page("side-effects")
    page = window.side_effects_page
    screens = page.screen_ids()
    seen = [page.screen]
    for _ in screens[1:]:
        window.next_button.click()
        assert window.current_page_id() == "side-effects"
        seen.append(page.screen)
    assert seen == screens
    assert window.position_label.text() == page.position_text()
    window.next_button.click()
    assert window.current_page_id() == "warning-signs"
    window.show_page("side-effects")
    page.show_screen(screens[1])
    assert window.position_label.text() == f"Side effect 1 of {len(screens) - 3}"
    window.back_button.click()
    assert (window.current_page_id(), page.screen) == ("side-effects", "overview")
    window.back_button.click()
    assert window.current_page_id() == "journey"


def test_a_cancelled_print_is_not_logged_as_printed(make_window, caplog):
    from car_t_guide.ui.printing import CANCELLED, PRINTED, PrintResult

    window = make_window("en")
    with caplog.at_level(logging.INFO, logger=LOGGER_NAME):
        window.summary_page.printed.emit(PrintResult(CANCELLED))
        window.summary_page.printed.emit(PrintResult(PRINTED, "Printed.", pages=3))
    events = [record.getMessage() for record in caplog.records if record.name == LOGGER_NAME]
    assert "summary_printed pages=0" not in events
    assert events[-2:] == ["summary_print_cancelled", "summary_printed pages=3"]
