"""The call plan: who to call for each warning sign, decided once for the screens, the printed
summary and the wallet card.

Two lists, always in this order: the signs that mean "call the emergency number now" (a seizure,
a child who cannot be woken, very hard breathing, the signs of shock a parent can see), then the
signs that mean "call your CAR T team now, day or night" (a fever, ...). Which sign is in which
list is data, in ``resources/content/<lang>/warning_signs.json`` (``emergency_signs`` and
``team_signs``, each sign with its sources); this module only reads it, fills in the numbers
(the fever threshold, the emergency number, the family's team and infusion day) and builds the
few sentences that hold them. A side-effect screen shows the same plan cut down to its own signs
(``for_signs``), so a sign is never in one list on one page and in the other list elsewhere.

The Kymriah Medication Guide gives all of its signs one action ("call your healthcare provider
or get emergency help"); the split follows MSK's emergency guide (msk-er), CDC's seizure advice
(cdc-seizure) and Mayo Clinic on shock (mayo-bp). See resources/content/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from car_t_guide.core.content.contacts import Contacts, unbroken
from car_t_guide.core.content.texts import Item, load
from car_t_guide.core.content.warning_signs import fever_threshold_texts
from car_t_guide.core.dates import format_day
from car_t_guide.core.i18n import normalize, translations_in
from car_t_guide.core.machine.settings import DEFAULT_FEVER_MEDICINE

EMERGENCY = "emergency"
TEAM = "team"
TIERS = (EMERGENCY, TEAM)

# Where the default fever-medicine advice comes from (core/machine/settings.py).
DEFAULT_FEVER_MEDICINE_SOURCES = ("blank-fever", "cincy", "gpoh", "chop-home", "huntsman")


@dataclass(frozen=True)
class Sign:
    id: str
    text: str  # a full sentence: "Your child has a seizure."
    short: str  # a few words, for the wallet card: "a seizure"
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Tier:
    """One list of the plan: whom to call, at what number, for which signs."""

    id: str  # EMERGENCY or TEAM
    heading: str  # "Call 911 now" / "Call your CAR T team now, day or night"
    number_line: str  # "Example Children's Hospital: +1 555 010 0100"; "" when nothing to add
    number: str  # what to dial, "" when not known
    signs: tuple[Sign, ...]

    @property
    def sign_ids(self) -> tuple[str, ...]:
        return tuple(sign.id for sign in self.signs)


@dataclass(frozen=True)
class CallPlan:
    lang: str
    title: str
    intro: tuple[Item, ...]
    tiers: tuple[Tier, ...]  # EMERGENCY first, then TEAM
    any_sign: tuple[Item, ...]  # "call even with no fever", "if you are not sure, call"
    seizure_title: str
    seizure_steps: tuple[str, ...]  # the first step is the call itself
    seizure_items: tuple[Item, ...]  # the steps from the content, with their sources
    when_you_call_title: str
    say: str  # 'Say: "My child had CAR T cell therapy on May 10, 2013."'
    when_you_call: tuple[Item, ...]
    fever_medicine_title: str
    fever_medicine: str  # the center's own words, or the default in the family's language
    fever_medicine_is_default: bool
    fever_medicine_why: tuple[Item, ...]
    after: tuple[Item, ...]

    def tier(self, tier_id: str) -> Tier:
        for tier in self.tiers:
            if tier.id == tier_id:
                return tier
        raise KeyError(tier_id)

    @property
    def signs(self) -> tuple[Sign, ...]:
        return tuple(sign for tier in self.tiers for sign in tier.signs)

    def for_signs(self, sign_ids: Iterable[str]) -> tuple[Tier, ...]:
        """The plan cut down to these signs, in the plan's own order; empty lists left out.

        An unknown id is a mistake in the content files (a test checks every ``call_for``)."""
        wanted = set(sign_ids)
        unknown = wanted - {sign.id for sign in self.signs}
        if unknown:
            raise KeyError(f"no warning sign {sorted(unknown)!r} in the call plan")
        cut = []
        for tier in self.tiers:
            signs = tuple(sign for sign in tier.signs if sign.id in wanted)
            if signs:
                cut.append(
                    Tier(tier.id, tier.heading, tier.number_line, tier.number, signs)
                )
        return tuple(cut)

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source key behind what the plan says, in the order first used."""
        keys: list[str] = []
        groups: list[Iterable[Item] | Iterable[Sign]] = [
            self.intro,
            *(tier.signs for tier in self.tiers),
            self.any_sign,
            self.seizure_items,
            self.when_you_call,
            self.fever_medicine_why,
            self.after,
        ]
        for group in groups:
            for entry in group:
                keys += [key for key in entry.sources if key not in keys]
        if self.fever_medicine_is_default:
            keys += [key for key in DEFAULT_FEVER_MEDICINE_SOURCES if key not in keys]
        return tuple(keys)


def fever_medicine_text(value: str, lang: str) -> str:
    """The center's fever-medicine advice as shown: its own words, or the shipped default
    translated into ``lang``."""
    if value.strip() == DEFAULT_FEVER_MEDICINE:
        return translations_in(lang).gettext(DEFAULT_FEVER_MEDICINE)
    return value.strip()


def _fill(text: str, lang: str) -> str:
    fever_c, fever_f = fever_threshold_texts(lang)
    return text.format(fever_c=fever_c, fever_f=fever_f)


def _signs(raw: list[dict[str, Any]], lang: str) -> tuple[Sign, ...]:
    return tuple(
        Sign(
            entry["id"],
            _fill(entry["text"], lang),
            _fill(entry.get("short", entry["text"]), lang),
            tuple(entry.get("sources", ())),
        )
        for entry in raw
    )


def _items(raw: list[dict[str, Any]] | None) -> tuple[Item, ...]:
    return tuple(
        Item(entry["text"], entry.get("kind", "fact"), tuple(entry.get("sources", ())))
        for entry in raw or ()
    )


def call_plan(
    lang: str,
    contacts: Contacts,
    *,
    infusion: date | None = None,
    fever_medicine: str = DEFAULT_FEVER_MEDICINE,
) -> CallPlan:
    """The call plan in ``lang`` for a family: their team and numbers (``contacts``), their
    infusion day when known, and the center's fever-medicine advice."""
    lang = normalize(lang) or "en"
    _ = translations_in(lang).gettext
    raw = load(lang, "warning_signs")

    emergency = contacts.emergency_number.strip()
    if emergency:
        emergency_heading = _("Call {number} now").format(number=unbroken(emergency))
        first_aid_call = _("Call {number} now.").format(number=unbroken(emergency))
    else:
        emergency_heading = _("Call for emergency help now")
        first_aid_call = _("Call for emergency help now.")

    phone = contacts.phone_24h.strip()
    center = contacts.center.strip()
    if phone and center:
        number_line = f"{center}: {unbroken(phone)}"
    elif phone:
        number_line = unbroken(phone)
    else:
        number_line = ""  # the summary leaves a line to write it in

    tiers = (
        Tier(EMERGENCY, emergency_heading, "", emergency, _signs(raw["emergency_signs"], lang)),
        Tier(
            TEAM,
            _("Call your CAR T team now, day or night"),
            number_line,
            phone,
            _signs(raw["team_signs"], lang),
        ),
    )

    if infusion is not None:
        say = _("Say: “My child had CAR T cell therapy on {date}.”").format(
            date=format_day(infusion, lang)
        )
    else:
        say = _("Say: “My child had CAR T cell therapy on …” and give the day of the infusion.")

    seizure_items = _items(raw.get("seizure_first_aid"))
    return CallPlan(
        lang=lang,
        title=raw["title"],
        intro=_items(raw.get("intro")),
        tiers=tiers,
        any_sign=_items(raw.get("any_sign")),
        seizure_title=_("If your child has a seizure"),
        seizure_steps=(first_aid_call, *(item.text for item in seizure_items)),
        seizure_items=seizure_items,
        when_you_call_title=_("When you call"),
        say=say,
        when_you_call=_items(raw.get("when_you_call")),
        fever_medicine_title=_("Medicine for fever or pain"),
        fever_medicine=fever_medicine_text(fever_medicine, lang),
        fever_medicine_is_default=fever_medicine.strip() == DEFAULT_FEVER_MEDICINE,
        fever_medicine_why=_items(raw.get("fever_medicine_why")),
        after=_items(raw.get("after")),
    )
