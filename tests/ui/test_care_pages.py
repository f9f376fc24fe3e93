"""Side effects and check understanding, driven through their real widgets (pages on their own:
the lead wires them into the window)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFrame, QLabel, QLineEdit

from car_t_guide.core import i18n
from car_t_guide.core.content import care as care_content
from car_t_guide.core.content.call_plan import EMERGENCY, TEAM, call_plan
from car_t_guide.core.content.contacts import Contacts
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.files import load_session, save_session
from car_t_guide.core.session.model import Medicine, Plan, Session, TopicReview
from car_t_guide.ui import theme
from car_t_guide.ui.i18n import apply_language
from car_t_guide.ui.pages.base import PageContext
from car_t_guide.ui.pages.check_understanding import CheckUnderstandingPage
from car_t_guide.ui.pages.side_effects import GRADES, MEDICINES, OVERVIEW, SideEffectsPage
from car_t_guide.ui.widgets.effect_strip import EffectStripWidget

TODAY = date(2026, 11, 26)


@pytest.fixture
def styled(qapp):
    from car_t_guide.ui.app import create_application

    create_application()  # the bundled fonts
    qapp.setStyleSheet(theme.style_sheet(1.0))
    yield qapp
    qapp.setStyleSheet("")
    apply_language("en")


@pytest.fixture
def show(qtbot, styled):
    def show(page, lang="en", scale=1.0):
        apply_language(lang)
        styled.setStyleSheet(theme.style_sheet(scale))
        page.set_scale(scale)
        qtbot.addWidget(page)
        page.resize(1280, 700)
        page.show()
        page.rebuild()
        return page

    return show


def new_session() -> Session:
    return Session(plan=Plan(collection=date(2026, 10, 1)))


CENTER = CenterSettings(center_name="Center", phone_24h="+1 555 0100", emergency_number="911")


def context(session: Session | None = None, settings: CenterSettings | None = None):
    """What the window gives a page: the session (as a document), the center, today."""
    return PageContext.for_session(session, settings, lambda: TODAY)


def texts_in(widget, kind=QLabel) -> list[str]:
    return [w.text() for w in widget.findChildren(kind) if w.isVisibleTo(widget)]


def saved_and_loaded(session: Session, tmp_path) -> Session:
    path = tmp_path / "family.json"
    save_session(session, path, today=TODAY)
    return load_session(path, today=TODAY).session


# --- teach-back with a nurse ---------------------------------------------------------------------


def record(topic, by="RN", learner="parent_or_guardian", method="teach_back", result="understood"):
    return TopicReview(topic, by, TODAY, learner=learner, method=method, result=result)


def test_nurse_led_teach_back_records_the_education_record_and_survives_save_and_load(
    show, qtbot, tmp_path
):
    session = new_session()
    page = show(CheckUnderstandingPage(context(session), nurse_mode=True))
    page.show_screen("crs")
    topic = care_content.teach_back("en").topic("crs")
    shown = texts_in(page)
    assert topic.nurse_prompt.text in shown and "Listen for:" in shown
    assert all(point.text in shown for point in topic.listen_for)
    # Who and how have sensible defaults: a parent, teach-back.
    assert page.record_form.learner() == "parent_or_guardian"
    assert page.record_form.method() == "teach_back"

    # Initials are required: nothing is recorded without them.
    page.understood_button.click()
    assert session.topics_reviewed == []
    assert page.problem_label is not None and page.problem_label.isVisibleTo(page)

    qtbot.keyClicks(page.initials_edit, "RN")
    page.understood_button.click()
    assert session.topics_reviewed == [record("crs")]
    assert "Recorded: understood." in texts_in(page)
    assert page.status_labels["crs"].text() == (
        "Understood: Parent or guardian, Teach-back, RN, November 26, 2026"
    )

    # On to the next topic: who, how and the initials stay. The patient shows it this time.
    page.next_button.click()
    assert page.screen == "neuro"
    assert page.initials_edit.text() == "RN"
    page.record_form.learner_buttons["patient"].click()
    page.record_form.method_buttons["shown"].click()
    page.needs_review_button.click()
    assert session.review_of("neuro") == record(
        "neuro", learner="patient", method="shown", result="needs_review"
    )
    assert "That is fine. Go over this topic together again." in texts_in(page)
    page.understood_button.click()  # gone over again: the latest record counts
    assert session.review_of("neuro") == record("neuro", learner="patient", method="shown")
    page.next_button.click()
    assert page.record_form.learner() == "patient" and page.record_form.method() == "shown"

    page.show_screen("overview")
    assert page.status_labels["neuro"].text() == (
        "Understood: The patient, Shown, RN, November 26, 2026"
    )
    assert page.status_labels["infection"].text() == "Not reviewed yet"

    loaded = saved_and_loaded(session, tmp_path)
    assert loaded.topics_reviewed == [
        record("crs"),
        record("neuro", learner="patient", method="shown"),
    ]


def test_a_topic_takes_two_key_presses_once_the_initials_are_in(show, qtbot):
    session = new_session()
    page = show(CheckUnderstandingPage(context(session), nurse_mode=True))
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)

    def focused():
        return QApplication.focusWidget()

    page.show_screen("process")
    assert focused() is page.initials_edit  # no initials yet: the cursor waits there
    qtbot.keyClicks(focused(), "JS")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter: understood
    assert session.review_of("process") == record("process", by="JS")
    assert focused() is page.next_button
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # on to the next topic
    assert page.screen == "journey"
    assert focused() is page.understood_button  # initials known: one press records it
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert session.review_of("journey") == record("journey", by="JS")

    # Every part of the record is reached with Tab and changed with the arrow keys.
    page.show_screen("crs")
    form = page.record_form
    wanted = {
        form.learner_buttons["parent_or_guardian"],
        form.method_buttons["teach_back"],
        page.initials_edit,
        page.understood_button,
        page.needs_review_button,
    }
    page.back_button.setFocus()
    reached = set()
    for _ in range(40):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        reached.add(focused())
    assert wanted <= reached
    form.learner_buttons["parent_or_guardian"].setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert form.learner() == "patient"
    form.method_buttons["teach_back"].setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert form.method() == "shown"
    page.understood_button.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert session.review_of("crs") == record("crs", by="JS", learner="patient", method="shown")


def test_after_a_key_press_its_result_is_in_view(show, qtbot):
    """At the largest text the record is below the question: the focused initials are in view
    when the topic opens (focus is never hidden: WCAG 2.2, 2.4.11), and after Enter the
    feedback and the next button are in view."""
    page = show(CheckUnderstandingPage(context(new_session()), nurse_mode=True), scale=2.0)
    page.resize(1280, 600)
    page.show_screen("fever")
    QApplication.processEvents()
    assert page.initials_edit.hasFocus()
    qtbot.keyClicks(page.initials_edit, "RN")
    QApplication.processEvents()
    assert not page.initials_edit.visibleRegion().isEmpty()
    qtbot.keyClick(page.initials_edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert not page.feedback.visibleRegion().isEmpty()
    assert not page.next_button.visibleRegion().isEmpty()


def test_every_record_control_is_named_for_a_screen_reader(show):
    page = show(CheckUnderstandingPage(context(new_session()), nurse_mode=True))
    page.show_screen("fever")
    form = page.record_form
    buttons = [*form.learner_buttons.values(), *form.method_buttons.values()]
    assert [b.accessibleName() for b in buttons] == [
        "Parent or guardian",
        "The patient",
        "Another caregiver",
        "Teach-back",
        "Shown",
    ]
    from PySide6.QtWidgets import QGroupBox

    groups = [g.accessibleName() for g in form.findChildren(QGroupBox)]
    assert groups == ["Who explained it back", "How"]
    assert page.initials_edit.accessibleName() == "Nurse's initials"
    assert page.understood_button.accessibleName() == "Record: understood"
    assert page.needs_review_button.accessibleName() == "Record: needs review"


def test_initials_are_at_most_10_characters_and_blank_ones_are_refused(show, qtbot):
    session = new_session()
    page = show(CheckUnderstandingPage(context(session), nurse_mode=True))
    page.show_screen("process")
    qtbot.keyClicks(page.initials_edit, "ABCDEFGHIJKLMNOP")
    assert page.initials_edit.text() == "ABCDEFGHIJ"
    page.initials_edit.clear()
    qtbot.keyClicks(page.initials_edit, "   ")
    page.understood_button.click()
    page.needs_review_button.click()
    assert session.topics_reviewed == []
    assert page.problem_label is not None


def test_needs_review_offers_the_screen_to_read_again(show, qtbot):
    page = show(CheckUnderstandingPage(context(new_session()), nurse_mode=True))
    page.show_screen("crs")
    page.initials_edit.setText("RN")
    page.needs_review_button.click()
    read = [b for b in page.findChildren(QAbstractButton) if b.text() == "Read about it again"]
    with qtbot.waitSignal(page.review_requested) as blocker:
        read[0].click()
    assert blocker.args == ["side-effects", "crs"]


def test_the_dated_question_uses_the_familys_infusion_and_the_center_settings(show):
    from car_t_guide.core.machine.settings import CenterSettings

    session = new_session()
    session.set_infusion(date(2026, 11, 20))
    page = show(
        CheckUnderstandingPage(context(session, CenterSettings(stay_near_center_days=28)))
    )
    page.show_screen("after_discharge")
    assert "Until what day do you stay close to the hospital?" in texts_in(page)
    assert page.choice_buttons["c"].text() == "Stay close through Friday, December 18, 2026."
    session.set_infusion(None)  # staff clear the day: the question follows at once
    assert "How long do you stay close to the hospital after the infusion?" in texts_in(page)
    assert page.choice_buttons["c"].text() == "Stay close for 4 weeks after the infusion."


def test_the_nurse_sees_the_familys_own_medicines_on_medicines_at_home(show):
    session = new_session()
    session.add_medicine(Medicine("Levetiracetam", until=date(2026, 12, 20)))
    page = show(CheckUnderstandingPage(context(session), nurse_mode=True))
    page.show_screen("medicines_at_home")
    assert "Levetiracetam: until December 20, 2026" in texts_in(page)


# --- the kiosk self-check ------------------------------------------------------------------------


def kiosk_record(topic, result):
    return TopicReview(topic, None, TODAY, method="self_check", result=result)


def test_kiosk_self_check_explains_kindly_and_records_what_it_can(show, tmp_path):
    session = new_session()
    page = show(CheckUnderstandingPage(context(session)))
    assert not page.nurse_mode
    page.show_screen("crs")
    check = care_content.teach_back("en").topic("crs").self_check
    wrong = next(c for c in check.choices if not c.correct)

    page.choice_buttons[wrong.id].click()
    shown = texts_in(page.feedback)
    assert "Not quite, and that is OK." in shown
    assert f"The answer is: {check.right_choice.text}" in shown
    assert check.explain.text in shown
    # No staff name, and no score: the nurse sees later that this one needs going over.
    assert session.topics_reviewed == [kiosk_record("crs", "needs_review")]
    assert page.status_labels["crs"].text() == "Needs review: Kiosk self-check, November 26, 2026"
    assert not any(word in " ".join(texts_in(page)).lower() for word in ("score", "wrong", "fail"))

    page.choice_buttons[check.right_choice.id].click()
    assert "Yes, that is right!" in texts_in(page.feedback)
    assert check.explain.text in texts_in(page.feedback)
    assert session.topics_reviewed == [kiosk_record("crs", "understood")]
    assert page.status_labels["crs"].text() == "Understood: Kiosk self-check, November 26, 2026"
    # A wrong answer after a right one does not undo it.
    page.choice_buttons[wrong.id].click()
    assert session.topics_reviewed == [kiosk_record("crs", "understood")]

    assert saved_and_loaded(session, tmp_path).topics_reviewed == [
        kiosk_record("crs", "understood")
    ]


def test_the_kiosk_shows_the_centers_fever_medicine_advice_after_the_answer(show):
    page = show(CheckUnderstandingPage(context(new_session())))
    page.show_screen("fever")
    page.choice_buttons["c"].click()
    advice = care_content.teach_back("en").topic("fever").center_advice
    assert advice and all(item.text in texts_in(page.feedback) for item in advice)


def test_kiosk_answers_keep_a_nurses_earlier_review(show):
    session = new_session()
    session.mark_topic_reviewed("neuro", by="RN", on=date(2026, 11, 20))
    page = show(CheckUnderstandingPage(context(session)))
    page.show_screen("neuro")
    check = care_content.teach_back("en").topic("neuro").self_check
    page.choice_buttons[check.right_choice.id].click()
    wrong = next(c for c in check.choices if not c.correct)
    page.choice_buttons[wrong.id].click()
    assert session.topics_reviewed == [TopicReview("neuro", "RN", date(2026, 11, 20))]


def test_every_topic_of_the_session_file_has_a_screen(show):
    from car_t_guide.core.session.fields import TOPICS

    page = show(CheckUnderstandingPage(context(new_session())))
    assert page.screen_ids() == ["overview", *TOPICS]
    assert list(page.topic_buttons) == list(TOPICS)


def test_a_new_session_clears_the_screen(show):
    first = new_session()
    first.mark_topic_reviewed("crs", by="RN", on=TODAY)
    page = show(CheckUnderstandingPage(context(first), nurse_mode=True))
    page.show_screen("crs")
    assert page.status_labels["crs"].text().startswith("Reviewed with RN")
    page.context.document.replace(new_session())  # a kiosk wipe, or another family's file
    assert page.screen == "overview"
    assert page.status_labels["crs"].text() == "Not reviewed yet"
    first.mark_topic_reviewed("neuro")  # the old session no longer reaches the page
    assert page.status_labels["neuro"].text() == "Not reviewed yet"


def test_topics_marked_elsewhere_show_up(show):
    session = new_session()
    page = show(CheckUnderstandingPage(context(session)))
    session.mark_topic_reviewed("journey", by="AB", on=TODAY)
    assert page.status_labels["journey"].text() == "Reviewed with AB on November 26, 2026"


# --- side effects --------------------------------------------------------------------------------


def tier_boxes(page) -> list[QFrame]:
    return [
        f
        for f in page.findChildren(QFrame)
        if f.property("tier") in (EMERGENCY, TEAM) and f.isVisibleTo(page)
    ]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_side_effect_screen_shows_whom_to_call_for_its_signs_and_its_strip(show, lang):
    page = show(SideEffectsPage(context(new_session(), CENTER)), lang)
    plan = call_plan(lang, Contacts("Center", "+1 555 0100", "911"))
    effects = care_content.side_effects(lang).effects
    for effect in effects:
        page.show_screen(effect.id)
        expected = plan.for_signs(effect.call_for)
        boxes = tier_boxes(page)
        assert [box.property("tier") for box in boxes] == [tier.id for tier in expected]
        for box, tier in zip(boxes, expected, strict=True):
            shown = texts_in(box)
            assert shown[0] == tier.heading, effect.id
            assert [sign.text for sign in tier.signs] == [
                t for t in shown if t in {s.text for s in plan.signs}
            ], effect.id
        strips = [s for s in page.findChildren(EffectStripWidget) if s.isVisibleTo(page)]
        if effect.when_days is None:
            assert strips == [], effect.id
        else:
            (strip,) = strips
            assert [row.window for row in strip.rows] == [effect.when_days]
            layout = strip.layout_for(strip.width())
            (row,) = layout.rows
            assert row.bar.first_day == effect.when_days.first_day
            assert row.bar.last_day == effect.when_days.last_day
            if effect.when_days.usual_day is None:
                assert row.marker is None
            else:
                assert row.marker is not None and row.marker.day == effect.when_days.usual_day
            assert any(t.startswith(i18n._("Source: {source}").split("{")[0]) for t in
                       texts_in(page)), effect.id


def test_a_topic_with_its_own_section_names_and_more_sections_shows_them(show):
    session = new_session()
    session.set_infusion(date(2026, 11, 1))
    page = show(SideEffectsPage(context(session, CenterSettings(stay_near_center_days=28))))
    page.show_screen("things_to_avoid")
    shown = texts_in(page)
    assert "What to avoid" in shown and "For how long" in shown
    assert "Stay close to the hospital through Sunday, November 29, 2026." in shown
    page.show_screen("infection")
    assert "How to prevent infections" in texts_in(page)


def test_overview_strip_has_a_bar_for_each_sourced_window(show):
    page = show(SideEffectsPage(context()))
    (strip,) = [s for s in page.findChildren(EffectStripWidget) if s.isVisibleTo(page)]
    sourced = [e for e in care_content.side_effects("en").effects if e.when_days]
    assert [row.key for row in strip.layout_for(strip.width()).rows] == [e.id for e in sourced]
    assert strip.height() >= strip.heightForWidth(strip.width()) - 2
    assert "began between day 1 and day 22" in strip.accessibleDescription()


def test_overview_buttons_open_each_screen_and_back(show, qtbot):
    page = show(SideEffectsPage(context()))
    buttons = {b.text(): b for b in page.findChildren(QAbstractButton)}
    with qtbot.waitSignal(page.screen_changed) as blocker:
        buttons["Effects on the brain (ICANS)"].click()
    assert blocker.args == ["neuro"]
    assert page.position_text() == "Side effect 2 of 10"
    back = next(
        b for b in page.findChildren(QAbstractButton) if b.text() == "Back to all side effects"
    )
    back.click()
    assert page.screen == OVERVIEW
    with qtbot.waitSignal(page.warning_signs_requested):
        next(
            b for b in page.findChildren(QAbstractButton) if b.text() == "See all the warning signs"
        ).click()


def test_the_call_box_shows_the_sessions_number_else_the_centers(show):
    page = show(SideEffectsPage(context(None, CENTER)))
    assert "Center: +1\u00a0555\u00a00100" in texts_in(page)
    assert "Call 911 now" in texts_in(page)
    session = new_session()
    session.set_care_team("Hospital Infantil", "+1 555 010 0199")
    page.context.document.replace(session)
    page.rebuild()
    assert "Hospital Infantil: +1\u00a0555\u00a0010\u00a00199" in texts_in(page)


def test_the_medicines_screen_shows_the_centers_fever_medicine_advice(show):
    own = "Give acetaminophen only if we say so."
    page = show(SideEffectsPage(context(None, CenterSettings(fever_medicine=own))))
    page.show_screen(MEDICINES)
    assert own in texts_in(page)


def test_grades_screen_is_information_only(show):
    page = show(SideEffectsPage(context()))
    page.show_screen(GRADES)
    grades = care_content.grades("en")
    shown = texts_in(page)
    assert "The team does the grading. You never have to grade anything." in shown
    for scale in grades.scales:
        for grade in scale.grades:
            assert grade.text.text in shown
    # Nothing to fill in: the only controls are the way back and on.
    assert not page.findChildren(QLineEdit)
    assert {b.text() for b in page.findChildren(QAbstractButton)} == {
        "Back to all side effects",
        "Next: Medicines to know about",
    }


def test_medicines_screen_shows_the_familys_list_as_plain_text(show):
    session = new_session()
    session.medicines = [
        Medicine("<b>Levetiracetam</b>", "To help prevent seizures", date(2026, 12, 20)),
        Medicine("IVIG", None, None),
    ]
    page = show(SideEffectsPage(context(session)))
    page.show_screen(MEDICINES)
    labels = {lab.text(): lab for lab in page.findChildren(QLabel)}
    assert labels["<b>Levetiracetam</b>"].textFormat() == Qt.TextFormat.PlainText
    assert "What it is for: To help prevent seizures" in labels
    assert "Until: December 20, 2026" in labels
    assert "IVIG" in labels
    for medicine in care_content.medicines("en").medicines:
        assert medicine.title in labels
    # Staff add a medicine while the screen shows: it appears.
    session.add_medicine(Medicine("Acyclovir"))
    assert "Acyclovir" in texts_in(page)


def test_no_family_list_without_medicines(show):
    page = show(SideEffectsPage(context(new_session())))
    page.show_screen(MEDICINES)
    assert "Your child's medicines" not in texts_in(page)


# --- large text, touch, names --------------------------------------------------------------------


def cut_off(page) -> list[str]:
    problems = []
    for lab in page.findChildren(QLabel):
        if lab.isVisibleTo(page) and lab.text() and lab.wordWrap():
            if lab.height() < lab.heightForWidth(lab.width()):
                problems.append(f"label {lab.text()[:40]!r}")
    for button in page.findChildren(QAbstractButton):
        if not button.isVisibleTo(page):
            continue
        hint = button.sizeHint()
        if button.width() < hint.width() or button.height() < 44:
            problems.append(f"button {button.text()[:40]!r} {button.size().toTuple()}")
        if not button.accessibleName().strip():
            problems.append(f"button {button.text()[:40]!r} has no accessible name")
    for edit in page.findChildren(QLineEdit):
        if edit.isVisibleTo(page) and (edit.height() < 44 or not edit.accessibleName()):
            problems.append("initials field")
    return problems


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_screen_fits_at_every_text_size(show, lang, scale):
    pages = [
        SideEffectsPage(context(new_session())),
        CheckUnderstandingPage(context(new_session()), nurse_mode=True),
        CheckUnderstandingPage(context(new_session())),
    ]
    pages[0].session.medicines = [Medicine("Levetiracetam", "To help prevent seizures")]
    for page in pages:
        show(page, lang, scale)
        for screen in page.screen_ids():
            page.show_screen(screen)
            QApplication.processEvents()
            assert cut_off(page) == [], (type(page).__name__, screen)
    # The screens after a press: feedback, the initials problem, the kiosk's explanation.
    nurse, kiosk = pages[1], pages[2]
    nurse.show_screen("infection")
    for press in (nurse.understood_button, nurse.needs_review_button):
        press.click()
        QApplication.processEvents()
        assert cut_off(nurse) == [], press.text()
    nurse.initials_edit.setText("RN")
    nurse.needs_review_button.click()
    QApplication.processEvents()
    assert cut_off(nurse) == []
    nurse.understood_button.click()
    QApplication.processEvents()
    assert cut_off(nurse) == []
    kiosk.show_screen("infection")
    for choice_id in list(kiosk.choice_buttons):
        kiosk.choice_buttons[choice_id].click()
        QApplication.processEvents()
        assert cut_off(kiosk) == [], choice_id
    i18n.set_language("en")
