"""The nurse names the CAR T product in the family's form; it is saved and the card prints it."""

from __future__ import annotations

import json
from datetime import date

from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.files import load_session, save_session
from car_t_guide.core.session.model import Plan, Session
from car_t_guide.report.summary import build_summary
from car_t_guide.ui.pages.base import PageContext
from car_t_guide.ui.pages.family_form import FamilyFormPage
from tests.report.pdf_helpers import contains

TODAY = date(2026, 11, 26)


def form_for(session, qtbot) -> FamilyFormPage:
    page = FamilyFormPage(PageContext.for_session(session, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.rebuild()
    return page


def test_the_product_typed_in_the_form_is_saved_and_printed(qtbot, tmp_path):
    session = Session(plan=Plan(collection=date(2026, 10, 1), infusion=date(2026, 11, 20)))
    form = form_for(session, qtbot)
    assert form.product_edit.accessibleName() == "CAR T product (optional)"
    qtbot.keyClicks(form.product_edit, "Kymriah (tisagenlecleucel)")
    assert session.plan.product == "Kymriah (tisagenlecleucel)"

    path = tmp_path / "family.json"
    save_session(session, path, today=TODAY)
    assert json.loads(path.read_text(encoding="utf-8"))["plan"]["product"] == (
        "Kymriah (tisagenlecleucel)"
    )
    assert load_session(path, today=TODAY).session.plan.product == "Kymriah (tisagenlecleucel)"
    settings = CenterSettings()
    pdf, _ = build_summary(session, lang="en", paper="letter", settings=settings, today=TODAY)
    assert contains(pdf, "Product: Kymriah (tisagenlecleucel)")

    # Emptied again: not named (nothing saved), and the card leaves a line to write it in.
    form.product_edit.clear()
    assert session.plan.product is None
    save_session(session, path, today=TODAY)
    assert "product" not in json.loads(path.read_text(encoding="utf-8"))["plan"]


def test_the_form_shows_the_product_of_an_opened_file(qtbot):
    session = Session(plan=Plan(collection=date(2026, 10, 1), product="Tecartus"))
    assert form_for(session, qtbot).product_edit.text() == "Tecartus"
