"""A family walks through the six steps: with Next, with the keyboard only, and switching
language half way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel

from car_t_guide.core.content import texts as content
from car_t_guide.core.content.contacts import contacts_for
from car_t_guide.ui.navigation import PAGE_ORDER


def headings(window) -> list[str]:
    page = window.stack.currentWidget()
    return [lab.text() for lab in page.findChildren(QLabel, "heading")]


def test_next_walks_all_six_steps_in_order(make_window, qtbot):
    window = make_window("en")
    steps = content.steps("en")
    assert window.current_page_id() == "welcome"
    assert not window.back_button.isEnabled()
    for number in range(1, 7):
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        assert window.current_page_id() == f"steps:{number}"
        assert window.position_label.text() == f"Step {number} of 6"
        assert headings(window) == [steps[number - 1].title]
    assert [s.id for s in steps] == [
        "collection",
        "activation",
        "car_gene",
        "growing",
        "final_product",
        "infusion",
    ]


def test_back_returns_and_next_stops_at_the_end(make_window, qtbot):
    window = make_window("en")
    window.show_page("steps:2")
    window.back_button.click()
    assert window.current_page_id() == "steps:1"
    window.show_page(PAGE_ORDER[-1])
    assert not window.next_button.isEnabled()


def test_keyboard_only_walk(make_window, qtbot):
    window = make_window("en")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # Tab to the Next button, as a keyboard user would, and press Space.
    for _ in range(40):
        if window.next_button.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    assert window.next_button.hasFocus(), "Tab never reaches the Next button"
    qtbot.keyClick(window.next_button, Qt.Key.Key_Space)
    assert window.current_page_id() == "steps:1"
    # The rest of the way with the shortcut, from wherever the focus is.
    for number in range(2, 7):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
        )
        assert window.position_label.text() == f"Step {number} of 6"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_page_id() == "steps:5"


def test_switching_language_mid_walk_keeps_the_step(make_window, qtbot):
    window = make_window("en")
    window.show_page("steps:3")
    window.language_box.setCurrentIndex(window.language_box.findData("es"))
    assert window.current_page_id() == "steps:3"
    assert window.position_label.text() == "Paso 3 de 6"
    assert headings(window) == [content.steps("es")[2].title]
    assert window.next_button.text() == "Siguiente"
    assert window.windowTitle() == "Guía de CAR T para familias"
    # Qt's own stock strings come from qtbase_es.qm.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    # And back again, still on the same step.
    window.language_box.setCurrentIndex(window.language_box.findData("en"))
    assert headings(window) == [content.steps("en")[2].title]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_warning_signs_are_one_press_away_from_every_page(make_window, qtbot):
    window = make_window("en")
    for page_id in PAGE_ORDER:
        window.show_page(page_id)
        assert window.warning_button.isVisible()
        window.warning_button.click()
        assert window.current_page_id() == "warning-signs"


def test_warning_signs_page_shows_the_call_plan_emergency_first(make_window):
    from car_t_guide.core.content.call_plan import EMERGENCY, TEAM, call_plan

    window = make_window("en")
    window.show_page("warning-signs")
    page = window.stack.currentWidget()
    texts = [lab.text() for lab in page.findChildren(QLabel)]
    plan = call_plan("en", contacts_for(window.session, window.settings))
    for sign in plan.signs:
        assert sign.text in texts
    emergency, team = plan.tier(EMERGENCY).heading, plan.tier(TEAM).heading
    assert texts.index(emergency) < texts.index(plan.seizure_title) < texts.index(team)
    assert texts.index(plan.tier(EMERGENCY).signs[0].text) < texts.index(team)
    assert texts.index(team) < texts.index(plan.tier(TEAM).signs[0].text)
    assert any("38\u00a0°C" in t and "100.4\u00a0°F" in t for t in texts)
    assert plan.fever_medicine in texts
