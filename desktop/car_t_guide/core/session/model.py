"""The family's session in memory: who, the care team, the history, the CAR T plan.

Plain mutable dataclasses. Each level keeps the fields it does not know in ``extra`` so a file
written by a newer app (or by a nurse's script) loses nothing when this app saves it again.
Screens change the session through the small methods at the end of ``Session`` and listen with
``subscribe``: the session says which part changed, each page redraws only that part.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from car_t_guide.core.dates import PartialDate

# What changed, for listeners: one of these.
CHANGED_PLAN = "plan"
CHANGED_HISTORY = "history"
CHANGED_TOPICS = "topics"
CHANGED_PATIENT = "patient"
CHANGED_CARE_TEAM = "care_team"
CHANGED_MEDICINES = "medicines"
CHANGED_LANGUAGE = "language"
ALL_PARTS = frozenset(
    {
        CHANGED_PLAN,
        CHANGED_HISTORY,
        CHANGED_TOPICS,
        CHANGED_PATIENT,
        CHANGED_CARE_TEAM,
        CHANGED_MEDICINES,
        CHANGED_LANGUAGE,
    }
)


@dataclass
class Patient:
    display_name: str = ""
    age_years: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class CareTeam:
    center: str = ""
    phone_24h: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class HistoryEvent:
    kind: str
    date: PartialDate
    site: str | None = None
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Plan:
    # Required in a saved file; None only while a session is being filled in (a kiosk family may
    # enter just an infusion date).
    collection: date | None = None
    bridging_start: date | None = None
    lymphodepletion_start: date | None = None
    infusion: date | None = None
    # The CAR T product, as the nurse types it ("Kymriah (tisagenlecleucel)"); None: not named.
    product: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class TopicReview:
    """A topic gone through with the family: the education record a hospital keeps.

    Every part is optional: who explained it back (``learner``: one of fields.LEARNERS), how
    (``method``: fields.METHODS), the result (``result``: fields.RESULTS), by whom (``by``:
    staff initials) and on what day (``on``). Saved as the plain topic id when nothing else is
    known, as version 1 files write it.
    """

    topic: str
    by: str | None = None
    on: date | None = None
    learner: str | None = None
    method: str | None = None
    result: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # Read from an object {"topic": ...}: written back as one, as the file had it.
    as_object: bool = field(default=False, compare=False, repr=False)

    @property
    def is_plain(self) -> bool:
        recorded = (self.by, self.on, self.learner, self.method, self.result)
        return not self.as_object and all(part is None for part in recorded) and not self.extra

    @property
    def needs_review(self) -> bool:
        return self.result == "needs_review"


@dataclass
class Medicine:
    """One of the family's own medicines, entered by staff, printed on the summary."""

    name: str
    purpose: str | None = None
    until: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


Listener = Callable[[str], None]


@dataclass
class Session:
    plan: Plan = field(default_factory=Plan)
    language: str | None = None
    patient: Patient = field(default_factory=Patient)
    care_team: CareTeam = field(default_factory=CareTeam)
    history: list[HistoryEvent] = field(default_factory=list)
    topics_reviewed: list[TopicReview] = field(default_factory=list)
    medicines: list[Medicine] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    _listeners: list[Listener] = field(default_factory=list, compare=False, repr=False)

    # --- listening ---

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(part)`` after each change; returns the function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _changed(self, part: str) -> None:
        for listener in list(self._listeners):
            listener(part)

    # --- the plan ---

    def set_plan_date(self, name: str, day: date | None) -> None:
        if name not in ("collection", "bridging_start", "lymphodepletion_start", "infusion"):
            raise ValueError(f"not a plan date: {name!r}")
        setattr(self.plan, name, day)
        self._changed(CHANGED_PLAN)

    def set_collection(self, day: date | None) -> None:
        self.set_plan_date("collection", day)

    def set_bridging_start(self, day: date | None) -> None:
        self.set_plan_date("bridging_start", day)

    def set_lymphodepletion_start(self, day: date | None) -> None:
        self.set_plan_date("lymphodepletion_start", day)

    def set_infusion(self, day: date | None) -> None:
        self.set_plan_date("infusion", day)

    def set_product(self, product: str | None) -> None:
        """The CAR T product as typed; blank means not named."""
        self.plan.product = product if product and product.strip() else None
        self._changed(CHANGED_PLAN)

    # --- who ---

    def set_display_name(self, name: str) -> None:
        self.patient.display_name = name
        self._changed(CHANGED_PATIENT)

    def set_age(self, years: int | None) -> None:
        self.patient.age_years = years
        self._changed(CHANGED_PATIENT)

    def set_care_team(self, center: str, phone_24h: str) -> None:
        self.care_team.center = center
        self.care_team.phone_24h = phone_24h
        self._changed(CHANGED_CARE_TEAM)

    def set_language(self, lang: str | None) -> None:
        self.language = lang
        self._changed(CHANGED_LANGUAGE)

    # --- history ---

    def set_history(self, events: list[HistoryEvent]) -> None:
        """The whole history at once (the nurse's form sends every row after each edit)."""
        self.history[:] = events
        self._changed(CHANGED_HISTORY)

    def add_history_event(self, event: HistoryEvent) -> None:
        self.history.append(event)
        self._changed(CHANGED_HISTORY)

    def replace_history_event(self, index: int, event: HistoryEvent) -> None:
        self.history[index] = event
        self._changed(CHANGED_HISTORY)

    def remove_history_event(self, index: int) -> None:
        del self.history[index]
        self._changed(CHANGED_HISTORY)

    def history_in_order(self) -> list[HistoryEvent]:
        """Oldest first (the file keeps the order the nurse entered)."""
        return sorted(self.history, key=lambda event: event.date)

    # --- topics reviewed ---

    def reviewed_topics(self) -> set[str]:
        return {review.topic for review in self.topics_reviewed}

    def review_of(self, topic: str) -> TopicReview | None:
        return next((review for review in self.topics_reviewed if review.topic == topic), None)

    def mark_topic_reviewed(
        self,
        topic: str,
        by: str | None = None,
        on: date | None = None,
        *,
        learner: str | None = None,
        method: str | None = None,
        result: str | None = None,
    ) -> None:
        """Record a topic once; marking it again replaces the record (the latest one counts)."""
        self.topics_reviewed = [r for r in self.topics_reviewed if r.topic != topic]
        self.topics_reviewed.append(
            TopicReview(topic, by, on, learner=learner, method=method, result=result)
        )
        self._changed(CHANGED_TOPICS)

    def unmark_topic_reviewed(self, topic: str) -> None:
        self.topics_reviewed = [r for r in self.topics_reviewed if r.topic != topic]
        self._changed(CHANGED_TOPICS)

    # --- medicines ---

    def set_medicines(self, medicines: list[Medicine]) -> None:
        self.medicines[:] = medicines
        self._changed(CHANGED_MEDICINES)

    def add_medicine(self, medicine: Medicine) -> None:
        self.medicines.append(medicine)
        self._changed(CHANGED_MEDICINES)

    def remove_medicine(self, index: int) -> None:
        del self.medicines[index]
        self._changed(CHANGED_MEDICINES)


def empty_session(language: str | None = None) -> Session:
    """A new session: nothing known yet (the collection date must be set before saving)."""
    return Session(language=language)
