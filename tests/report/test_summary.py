"""The care summary PDF, opened and read back: what a family, a nurse and an ER doctor rely on."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from datetime import date

import pytest

from car_t_guide import CONTENT_VERSION
from car_t_guide.core.content.warning_signs import fever_threshold_texts
from car_t_guide.core.dates import PartialDate, format_day, format_day_with_weekday
from car_t_guide.core.i18n import translations_in
from car_t_guide.core.journey import key_dates
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.files import SessionError
from car_t_guide.core.session.model import CareTeam, HistoryEvent, Medicine
from car_t_guide.core.summary_warnings import NO_PHONE, RIGHT_TO_LEFT
from car_t_guide.report import wallet_card
from car_t_guide.report.fonts import PLACEHOLDER
from car_t_guide.report.summary import PAGE_ONE_DATES, build_summary, export_summary
from tests.report.conftest import CENTER, INFUSION, TODAY, family_session
from tests.report.pdf_helpers import (
    A4,
    BASE_14,
    LETTER,
    contains,
    fonts,
    page_sizes,
    page_texts,
    pdf_text,
    reader,
    squeeze,
    text_outside,
)


def build(session=None, *, lang="es", paper="letter", settings=CENTER, today=TODAY):
    return build_summary(
        session or family_session(), lang=lang, paper=paper, settings=settings, today=today
    )


@pytest.fixture(scope="module")
def spanish_letter():
    return build()[0]


@pytest.fixture(scope="module")
def english_a4():
    return build(lang="en", paper="a4")[0]


# --- who, whom to call, when --------------------------------------------------------------------


def test_page_one_has_the_name_the_center_and_the_24_hour_phone(spanish_letter):
    first = page_texts(spanish_letter)[0]
    assert contains(first, "Ana María Núñez")
    assert contains(first, "Hospital Infantil del Norte")
    assert contains(first, "+1 555 010 0199")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_key_date_prints_in_the_familys_language(lang):
    pdf, _ = build(lang=lang)
    first = page_texts(pdf)[0]
    keys = key_dates(family_session(), CENTER, today=TODAY, lang=lang)
    wanted = [k for k in keys if k.id in PAGE_ONE_DATES or k.id.startswith("follow_up_")]
    assert {k.id for k in wanted} >= {
        "infusion",
        "stay_near_center",
        "no_driving",
        "day_28",
        "follow_up_90",
        "follow_up_180",
    }
    for key in wanted:
        if key.id == "lymphodepletion" and key.status == "past":
            continue
        assert contains(first, key.title), key.id
        assert contains(first, key.when_text), (key.id, key.when_text)
    # The same words the screen uses (core/dates.py, Babel): "viernes, 10 de mayo de 2013".
    assert contains(first, format_day_with_weekday(INFUSION, lang))


def test_dates_that_are_not_known_are_relative_never_made_up():
    session = family_session()
    session.plan.infusion = None
    pdf, _ = build(session, lang="en")
    first = page_texts(pdf)[0]
    keys = {k.id: k for k in key_dates(session, CENTER, today=TODAY, lang="en")}
    assert keys["stay_near_center"].relative
    assert contains(first, keys["stay_near_center"].when_text)
    assert contains(first, keys["day_28"].when_text)
    assert "June 7, 2013" not in first  # day 28 of an infusion that is not set


def test_the_call_now_page_has_the_fever_in_both_units_and_the_phone(spanish_letter):
    fever_c, fever_f = fever_threshold_texts("es")
    page = page_texts(spanish_letter)[1]
    assert contains(page, fever_c) and contains(page, fever_f)
    assert contains(page, "+1 555 010 0199")


def test_the_familys_medicines_and_the_topics_reviewed_print(spanish_letter):
    text = pdf_text(spanish_letter)
    assert contains(text, "Levetiracetam")
    assert contains(text, "To prevent seizures.")
    assert contains(text, format_day(date(2013, 7, 9), "es"))
    assert contains(text, "RN JS")
    assert contains(text, format_day(date(2013, 5, 9), "es"))


def test_footer_on_every_page(spanish_letter):
    tr = translations_in("es")
    texts = page_texts(spanish_letter)
    for number, text in enumerate(texts, start=1):
        assert contains(
            text, tr.gettext("Page {page} of {pages}").format(page=number, pages=len(texts))
        )
        assert contains(text, tr.gettext("This does not replace your care team's advice."))
        assert contains(text, CONTENT_VERSION)
        assert contains(text, format_day(TODAY, "es"))


def test_sources_section_lists_the_sources_used_with_their_revision(spanish_letter):
    tail = "\n".join(page_texts(spanish_letter)[-2:])
    assert contains(tail, "KYMRIAH Medication Guide (April 2024)")
    assert contains(tail, "The journey to CAR T cell therapy")
    assert contains(tail, "Blood Cancer Journal")
    assert contains(tail, "CDC, First Aid for Seizures (2012")


# --- the wallet card ------------------------------------------------------------------------------


def test_wallet_card_has_english_for_any_doctor_and_the_familys_language(spanish_letter):
    text = pdf_text(spanish_letter)
    english = translations_in("en")
    received = english.gettext(wallet_card.RECEIVED_ON).format(date=format_day(INFUSION, "en"))
    assert contains(text, received)  # "... on May 10, 2013."
    for line in (wallet_card.ANTIBODIES, wallet_card.HIV_TEST, wallet_card.NO_DONATION):
        assert contains(text, english.gettext(line))
    assert contains(text, "cytokine release syndrome (CRS) and neurologic effects (ICANS)")
    assert contains(text, "confusion, trouble speaking, tremor, sleepiness, seizures")
    assert contains(
        text,
        english.gettext(wallet_card.CALL_FIRST).format(
            center="Hospital Infantil del Norte", phone="+1 555 010 0199"
        ),
    )
    # ... and the family's side, in Spanish, with the call plan split.
    spanish = translations_in("es")
    assert contains(
        text, spanish.gettext(wallet_card.RECEIVED_ON).format(date=format_day(INFUSION, "es"))
    )
    assert contains(text, spanish.gettext(wallet_card.FAMILY_TITLE))
    assert contains(text, "Llame ahora al 911: una convulsión")
    assert contains(text, "Llame ahora a su equipo de CAR T, de día o de noche")


def test_wallet_card_has_two_sides_even_in_english(english_a4):
    text = pdf_text(english_a4)
    english = translations_in("en")
    assert text.count(english.gettext(wallet_card.TITLE)) == 1
    assert contains(text, english.gettext(wallet_card.FAMILY_TITLE))
    assert wallet_card.card_languages("en") == ["en", "en"]
    assert wallet_card.card_languages("es") == ["en", "es"]


def test_wallet_card_is_bank_card_size():
    assert round(wallet_card.CARD_WIDTH / 72 * 25.4, 1) == 85.6
    assert round(wallet_card.CARD_HEIGHT / 72 * 25.4, 1) == 54.0


def test_no_phone_leaves_a_line_to_write_it_in_and_warns():
    session = family_session(care_team=CareTeam(center="Hospital Infantil", phone_24h=""))
    pdf, warnings = build(session, settings=CenterSettings())
    assert any(w.field == "care_team.phone_24h" and w.kind == NO_PHONE for w in warnings)
    assert "________" in pdf_text(pdf)


def test_the_centers_phone_is_used_when_the_session_has_none():
    session = family_session(care_team=CareTeam(center="", phone_24h=""))
    settings = CenterSettings(center_name="Centro Médico", phone_24h="+34 900 000 000")
    pdf, warnings = build(session, settings=settings)
    assert not any("phone_24h" in w.field for w in warnings)
    assert contains(page_texts(pdf)[0], "+34 900 000 000")
    assert contains(page_texts(pdf)[0], "Centro Médico")


def test_product_is_printed_only_when_known():
    pdf, _ = build(lang="en")
    assert contains(pdf, "Product: ________")
    session = family_session()
    session.plan.product = "tisagenlecleucel (Kymriah)"
    pdf, _ = build(session, lang="en")
    assert contains(pdf, "Product: tisagenlecleucel (Kymriah)")


def test_the_centers_product_is_printed_when_the_session_names_none():
    pdf, _ = build(lang="en", settings=replace(CENTER, product="Kymriah (tisagenlecleucel)"))
    assert contains(pdf, "Product: Kymriah (tisagenlecleucel)")
    session = family_session()
    session.plan.product = "Tecartus"  # the family's own product wins
    pdf, _ = build(session, lang="en", settings=replace(CENTER, product="Kymriah"))
    assert contains(pdf, "Product: Tecartus") and not contains(pdf, "Product: Kymriah")


# --- paper, metadata, fonts, margins ------------------------------------------------------------


@pytest.mark.parametrize("paper, size", [("letter", LETTER), ("a4", A4)])
def test_page_size(paper, size):
    pdf, _ = build(paper=paper)
    for width, height in page_sizes(pdf):
        assert width == pytest.approx(size[0], abs=0.01)
        assert height == pytest.approx(size[1], abs=0.01)


def test_an_unknown_paper_is_refused():
    with pytest.raises(ValueError):
        build(paper="legal")


def test_title_author_subject_and_language(spanish_letter):
    pdf = reader(spanish_letter)
    tr = translations_in("es")
    assert pdf.metadata.title == tr.gettext("CAR T cell therapy: care summary")
    assert pdf.metadata.author == "CAR T Family Guide"
    assert pdf.metadata.subject
    assert pdf.trailer["/Root"]["/Lang"] == "es"
    # The child's name stays out of the metadata (file managers and search indexes show it).
    assert "Ana" not in str(pdf.metadata)


def test_every_font_is_embedded_and_none_is_helvetica(spanish_letter):
    found = fonts(spanish_letter)
    assert found
    assert all(font.embedded for font in found), [f for f in found if not f.embedded]
    assert not any(font.base_font.lstrip("/") in BASE_14 for font in found)


def test_chinese_names_are_embedded_in_droid_sans_fallback():
    session = family_session()
    session.patient.display_name = "李小龍 Nguyễn Văn Đức"
    pdf, warnings = build(session)
    assert warnings == []
    assert contains(page_texts(pdf)[0], "李小龍 Nguyễn Văn Đức")
    names = {font.base_font.split("+")[-1] for font in fonts(pdf)}
    assert "DroidSansFallback" in names
    assert all(font.embedded for font in fonts(pdf))


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_text_outside_the_margins(paper, lang):
    pdf, _ = build(lang=lang, paper=paper)
    assert text_outside(pdf) == []


def test_long_names_and_notes_wrap_inside_the_page():
    session = family_session()
    session.patient.display_name = "W" * 100
    session.care_team.center = "Hospital " + "Z" * 180
    note = ("A long note from the nurse " * 60 + "\n") * 4 + "X" * 400
    session.history.append(HistoryEvent("other", PartialDate(2013, 1, 5), note=note))
    session.medicines.append(Medicine("M" * 200, purpose="P" * 3000))
    for paper in ("letter", "a4"):
        pdf, _ = build(session, paper=paper)
        assert text_outside(pdf) == []
        text = squeeze(pdf_text(pdf))
        assert "W" * 100 in text
        # Long runs may be split across pages, with the footer between the parts.
        assert sum(len(run) for run in re.findall(r"X{5,}", text)) == 400
        assert sum(len(run) for run in re.findall(r"P{5,}", text)) == 3000
        assert sum(len(run) for run in re.findall(r"Z{5,}", text)) >= 180


# --- refused and imperfect text -------------------------------------------------------------------


def test_control_characters_are_refused_with_the_apps_own_error():
    session = family_session()
    session.patient.display_name = "Ana\x07"
    with pytest.raises(SessionError) as refused:
        build(session)
    assert refused.value.field == "patient.display_name"
    assert "U+0007" in str(refused.value)


def test_line_breaks_and_tabs_in_notes_are_kept_not_refused():
    session = family_session()
    session.history[0].note = "First line\nsecond\tline\r\nthird line"
    pdf, _ = build(session)
    assert contains(pdf, "First line second line third line")


def test_emoji_print_as_a_placeholder_with_a_warning():
    session = family_session()
    session.patient.display_name = "Ana 😀"
    pdf, warnings = build(session)
    assert contains(page_texts(pdf)[0], f"Ana {PLACEHOLDER}")
    assert any(
        w.field == "patient.display_name" and "U+1F600" in w.line() for w in warnings
    )


def test_right_to_left_letters_print_with_a_warning():
    session = family_session()
    session.patient.display_name = "נועה Ana"
    session.history[0].note = "ملاحظة"
    pdf, warnings = build(session)
    assert contains(page_texts(pdf)[0], "Ana")
    assert any(w.field == "patient.display_name" and w.kind == RIGHT_TO_LEFT for w in warnings)
    assert any(w.field == "history[0].note" and w.kind == RIGHT_TO_LEFT for w in warnings)


# --- writing the file -----------------------------------------------------------------------------


def test_export_writes_the_file_for_its_owner_only(tmp_path):
    out = tmp_path / "summary.pdf"
    warnings = export_summary(
        out, family_session(), lang="es", paper="a4", settings=CENTER, today=TODAY
    )
    assert warnings == []
    assert out.read_bytes().startswith(b"%PDF-")
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_refused_export_leaves_the_old_file_untouched(tmp_path):
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"old")
    session = family_session()
    session.patient.display_name = "\x1b[31m"
    with pytest.raises(SessionError):
        export_summary(out, session, lang="es", paper="a4", settings=CENTER, today=TODAY)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_settings_with_the_older_label_print_their_own_dates():
    older = replace(CENTER, stay_near_center_days=28, no_driving_days=56)
    pdf, _ = build(lang="en", settings=older)
    first = page_texts(pdf)[0]
    assert contains(first, format_day_with_weekday(date(2013, 6, 7), "en"))  # day 28
    assert contains(first, format_day_with_weekday(date(2013, 7, 5), "en"))  # day 56


def test_a_kiosk_session_with_nothing_entered_still_builds():
    from car_t_guide.core.session.model import Session

    pdf, warnings = build(Session(), lang="es", settings=CenterSettings())
    assert pdf.startswith(b"%PDF-")
    assert any(w.field == "care_team.phone_24h" and w.kind == NO_PHONE for w in warnings)
    assert text_outside(pdf) == []


def test_a_language_without_a_catalogue_prints_in_english():
    pdf, _ = build(lang="zh")
    first = page_texts(pdf)[0]
    assert contains(first, format_day_with_weekday(INFUSION, "en"))
    assert reader(pdf).trailer["/Root"]["/Lang"] == "en"


def test_no_name_stays_in_the_text_caches_after_the_summary():
    from car_t_guide.report.fonts import split_text, string_width

    build()
    assert split_text.cache_info().currsize == 0
    assert string_width.cache_info().currsize == 0


# --- the call plan, the side effects, the wallet card: issue 9 --------------------------------


def _position(text: str, needle: str) -> int:
    found = squeeze(text).find(squeeze(needle))
    assert found >= 0, f"{needle!r} is not on the page"
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_call_plan_page_puts_the_emergency_signs_first_then_the_team(lang):
    from car_t_guide.core.content.call_plan import EMERGENCY, TEAM, call_plan
    from car_t_guide.core.content.contacts import contacts_for

    pdf, _ = build(lang=lang)
    page = page_texts(pdf)[1]
    plan = call_plan(lang, contacts_for(family_session(), CENTER), infusion=INFUSION)
    emergency, team = plan.tier(EMERGENCY), plan.tier(TEAM)
    order = [
        _position(page, emergency.heading),
        _position(page, emergency.signs[0].text),  # a seizure
        _position(page, plan.seizure_title),
        _position(page, team.heading),
        _position(page, team.number_line),
        _position(page, team.signs[0].text),  # a fever
        _position(page, plan.say),  # "... on May 10, 2013."
        _position(page, plan.fever_medicine),
    ]
    assert order == sorted(order)
    for sign in plan.signs:
        assert contains(page, sign.text)
    assert contains(page, format_day(INFUSION, lang))


def test_no_side_effect_section_prints_empty_every_fact_is_there():
    from car_t_guide.core.content import care as care_content

    pdf, _ = build(lang="en")
    text = pdf_text(pdf)
    for effect in care_content.side_effects("en").effects:
        assert contains(text, effect.title)
        for name in care_content.SECTIONS:
            for item in effect.section(name):
                if item.kind != "question":
                    assert contains(text, item.text), f"{effect.id}.{name}: {item.text!r}"
        for more in effect.more_sections:
            for item in more.items:
                assert contains(text, item.text), f"{effect.id}: {item.text!r}"


def test_the_long_term_section_keeps_the_follow_up_and_the_rare_t_cell_cancers():
    pdf, _ = build(lang="en")
    text = pdf_text(pdf)
    assert contains(text, "Check-ups go on for 15 years after the infusion.")
    assert contains(
        text, "In rare cases, a new cancer of T cells has happened after this kind of treatment."
    )
    pdf, _ = build(lang="es")
    assert contains(pdf, "Los controles duran 15 años después de la infusión.")


def test_things_to_avoid_prints_the_familys_own_stay_near_and_driving_dates():
    pdf, _ = build(lang="en")
    text = pdf_text(pdf)
    keys = {k.id: k for k in key_dates(family_session(), CENTER, today=TODAY, lang="en")}
    start = squeeze(text).find(squeeze("Things to avoid"))
    after = squeeze(text)[start:]
    assert squeeze(keys["stay_near_center"].plain_sentence) in after
    assert squeeze(keys["no_driving"].plain_sentence) in after


def test_the_centers_own_fever_medicine_advice_prints():
    own = "Give acetaminophen only if the CAR T team says so."
    pdf, _ = build(lang="en", settings=replace(CENTER, fever_medicine=own))
    assert contains(page_texts(pdf)[1], own)
    assert contains(pdf_text(pdf).split("About these medicines")[-1], own)


def card_font_sizes(facts, lang) -> list[float]:
    """Every character's font size on a PDF holding only the wallet card."""
    import io

    import pypdfium2
    import pypdfium2.raw as pdfium
    from reportlab.platypus import SimpleDocTemplate

    from car_t_guide.report.fonts import register_fonts

    register_fonts()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([wallet_card.WalletCard(facts, lang)])
    document = pypdfium2.PdfDocument(buffer.getvalue())
    try:
        textpage = document[0].get_textpage()
        sizes = [
            pdfium.FPDFText_GetFontSize(textpage.raw, index)
            for index in range(textpage.count_chars())
            if textpage.get_text_range(index, 1).strip()
        ]
    finally:
        document.close()
    return sizes


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(
    "facts",
    [
        wallet_card.CardFacts(
            "Ana María Núñez", INFUSION, None, "Hospital Infantil del Norte", "+1 555 010 0199",
            "911",
        ),
        wallet_card.CardFacts("", None, None, "", "", ""),
        wallet_card.CardFacts(
            "Alexandra Catalina Fernández-Villanueva", INFUSION, "tisagenlecleucel (Kymriah)",
            "Children's Hospital of the Southern Region Cell Therapy Program",
            "+1 555 010 0199 ext 4321", "911",
        ),
    ],
    ids=["family", "nothing-known", "long-names"],
)
def test_no_text_on_the_wallet_card_is_under_6_points(facts, lang):
    sizes = card_font_sizes(facts, lang)
    assert sizes and min(sizes) >= wallet_card.SMALLEST_SIZE - 0.01, min(sizes)


def test_the_card_size_check_can_fail(monkeypatch):
    """With the old sizes (down to 4.2 points) the same card would set its text too small."""
    monkeypatch.setattr(wallet_card, "BODY_SIZES", (4.2,))
    facts = wallet_card.CardFacts("Ana", INFUSION, None, "Hospital", "+1 555 010 0199", "911")
    assert min(card_font_sizes(facts, "en")) < wallet_card.SMALLEST_SIZE
