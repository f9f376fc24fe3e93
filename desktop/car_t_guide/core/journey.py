"""The dates that follow: from the family's plan, the center's settings and today.

Counting: the infusion day is day 0. "Through day N" includes day N: with 14 days and an
infusion on 10 May 2013, the family stays near the center through 24 May 2013 (day 14).

Only real dates make calendar dates. When the infusion day is not known, everything that
follows from it is written relative to it ("2 weeks after the infusion"), never as a date built
from an estimate; usual durations ("making the cells usually takes 3 to 4 weeks") are marked
``usual`` and say so in their words.

Over 400 lines: every key date is worked out here, so the screen, the PDF, the chart and
read-aloud can never disagree on one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from car_t_guide.core.dates import (
    add_years,
    format_after_infusion,
    format_day_with_weekday,
    format_duration,
    format_month_year,
    format_number,
    format_span,
)
from car_t_guide.core.i18n import current_language, translations_in
from car_t_guide.core.machine.settings import CenterSettings
from car_t_guide.core.session.checks import LYMPHODEPLETION_DAYS, lymphodepletion_end
from car_t_guide.core.session.model import Session

# Sourced numbers (shared/CONTENT-SOURCES.md); the source key is beside each.
# The CRS and brain-effect watch windows are the side effects' own "when it usually begins"
# days (resources/content/*/side_effects.json, ``when_days``): one number, one place.
DAILY_CHECK_DAYS = (1, 7)  # monitored daily for at least the first week (fda-2025-rems)
DAY_28_CHECK = 28  # the day-28 remission check (seed, patient 4)
LONG_TERM_FOLLOW_UP_YEARS = 15  # gene-modified cell products (fda-ltfu-guidance)

PAST, NOW, FUTURE, UNKNOWN = "past", "now", "future", "unknown"


@dataclass(frozen=True)
class KeyDate:
    id: str  # "stay_near_center", "day_28", "follow_up_90", ...
    title: str  # short, for the chart and the list
    when_text: str  # "Friday, May 24, 2013", "May 3 – 6, 2013", "2 weeks after the infusion"
    plain_sentence: str  # one sentence a family reads
    date: date | None  # the day, or the first day of a span; None when not a real date
    end: date | None = None  # last day of a span (inclusive)
    day: int | None = None  # day number from the infusion (day 0), when it has one
    end_day: int | None = None
    relative: bool = False  # no calendar date: when_text is relative to another step
    usual: bool = False  # a usual time, not the family's own
    sources: tuple[str, ...] = ()
    setting: str | None = None  # the center setting that decides it
    status: str = UNKNOWN  # past, now or future against today; unknown without a date

    @property
    def last_day(self) -> date | None:
        return self.end or self.date


def stay_near_center_until(infusion: date, settings: CenterSettings) -> date:
    """The last day to stay near the center (inclusive): day ``stay_near_center_days``."""
    return infusion + timedelta(days=settings.stay_near_center_days)


def no_driving_until(infusion: date, settings: CenterSettings) -> date:
    """The last day without driving (inclusive): day ``no_driving_days``."""
    return infusion + timedelta(days=settings.no_driving_days)


def lymphodepletion_span(start: date) -> tuple[date, date]:
    return start, lymphodepletion_end(start)


def day_number(day: date, infusion: date) -> int:
    return (day - infusion).days


def _status(first: date | None, last: date | None, today: date) -> str:
    if first is None:
        return UNKNOWN
    last = last or first
    if last < today:
        return PAST
    if first > today:
        return FUTURE
    return NOW


class _Builder:
    """Writes the key dates in one language."""

    def __init__(self, session: Session, settings: CenterSettings, today: date, lang: str):
        self.plan = session.plan
        self.settings = settings
        self.today = today
        self.lang = lang
        self.tr = translations_in(lang)
        self.found: list[KeyDate] = []

    def day_text(self, day: date) -> str:
        return format_day_with_weekday(day, self.lang)

    def add(self, key_date: KeyDate) -> None:
        status = _status(key_date.date, key_date.end, self.today)
        self.found.append(replace(key_date, status=status))

    def after_infusion(self, days: int) -> date | None:
        infusion = self.plan.infusion
        return infusion + timedelta(days=days) if infusion else None

    # --- before the infusion ---

    def collection(self) -> None:
        day = self.plan.collection
        if day is None:
            return
        _ = self.tr.gettext
        self.add(
            KeyDate(
                "collection",
                _("T cell collection"),
                self.day_text(day),
                _("T cell collection: {date}.").format(date=self.day_text(day)),
                day,
                day=day_number(day, self.plan.infusion) if self.plan.infusion else None,
            )
        )

    def manufacturing(self) -> None:
        _ = self.tr.gettext
        title = _("Making the CAR T cells")
        usual = _("usually 3 to 4 weeks")
        sources = ("kymriah-patient-site",)
        start, infusion = self.plan.collection, self.plan.infusion
        if start and infusion and start <= infusion:
            span = format_span(start, infusion, self.lang)
            self.add(
                KeyDate(
                    "manufacturing",
                    title,
                    span,
                    _(
                        "The lab makes the CAR T cells between collection and the infusion: "
                        "{span}. For Kymriah, this usually takes 3 to 4 weeks."
                    ).format(span=span),
                    start,
                    infusion,
                    day=day_number(start, infusion),
                    end_day=0,
                    sources=sources,
                )
            )
            return
        self.add(
            KeyDate(
                "manufacturing",
                title,
                usual,
                _("For Kymriah, making the cells usually takes 3 to 4 weeks. It can take longer."),
                None,
                relative=True,
                usual=True,
                sources=sources,
            )
        )

    def bridging(self) -> None:
        start = self.plan.bridging_start
        if start is None:
            return
        _ = self.tr.gettext
        lymph = self.plan.lymphodepletion_start
        end = lymph - timedelta(days=1) if lymph and lymph > start else None
        when = format_span(start, end, self.lang) if end else self.day_text(start)
        infusion = self.plan.infusion
        self.add(
            KeyDate(
                "bridging",
                _("Bridging chemotherapy"),
                when,
                _(
                    "Bridging chemotherapy keeps the leukemia in check while the cells are "
                    "made: {when}."
                ).format(when=when),
                start,
                end,
                day=day_number(start, infusion) if infusion else None,
                end_day=day_number(end, infusion) if infusion and end else None,
            )
        )

    def lymphodepletion(self) -> None:
        _ = self.tr.gettext
        title = _("Lymphodepleting chemotherapy")
        sources = ("kymriah-pi",)
        start = self.plan.lymphodepletion_start
        if start is None:
            self.add(
                KeyDate(
                    "lymphodepletion",
                    title,
                    _("4 days; it usually ends 2 to 14 days before the infusion"),
                    _(
                        "For Kymriah, lymphodepleting chemotherapy lasts {days} days. It ends 2 "
                        "to 14 days before the infusion."
                    ).format(days=format_number(LYMPHODEPLETION_DAYS, self.lang)),
                    None,
                    relative=True,
                    usual=True,
                    sources=sources,
                )
            )
            return
        first, last = lymphodepletion_span(start)
        span = format_span(first, last, self.lang)
        infusion = self.plan.infusion
        self.add(
            KeyDate(
                "lymphodepletion",
                title,
                span,
                _("Lymphodepleting chemotherapy, {days} days: {span}.").format(
                    days=format_number(LYMPHODEPLETION_DAYS, self.lang), span=span
                ),
                first,
                last,
                day=day_number(first, infusion) if infusion else None,
                end_day=day_number(last, infusion) if infusion else None,
                sources=sources,
            )
        )

    def infusion(self) -> None:
        _ = self.tr.gettext
        title = _("CAR T cell infusion (day 0)")
        day = self.plan.infusion
        if day is not None:
            self.add(
                KeyDate(
                    "infusion",
                    title,
                    self.day_text(day),
                    _("CAR T cell infusion (day 0): {date}.").format(date=self.day_text(day)),
                    day,
                    day=0,
                    end_day=0,
                    sources=("kymriah-pi",),
                )
            )
            return
        if self.plan.lymphodepletion_start is not None:
            when = _("usually 2 to 14 days after lymphodepletion ends")
            sentence = _(
                "The infusion day is not set yet. For Kymriah, it is 2 to 14 days after "
                "lymphodepleting chemotherapy ends."
            )
            usual = True
        else:
            when = _("not set yet")
            sentence = _("The infusion day is not set yet.")
            usual = False
        self.add(
            KeyDate(
                "infusion",
                title,
                when,
                sentence,
                None,
                relative=True,
                usual=usual,
                sources=("kymriah-pi",),
            )
        )

    # --- after the infusion ---

    def window(
        self,
        key: str,
        title: str,
        days: tuple[int, int],
        known: str,
        relative: str,
        sources: tuple[str, ...],
    ) -> None:
        """A span of days after the infusion, usual for most children, not promised."""
        _ = self.tr.gettext
        first_day, last_day = days
        start, end = self.after_infusion(first_day), self.after_infusion(last_day)
        if start and end:
            span = format_span(start, end, self.lang)
            when, sentence = span, known.format(span=span)
        else:
            when = _("day {first} to day {last} after the infusion").format(
                first=format_number(first_day, self.lang), last=format_number(last_day, self.lang)
            )
            sentence = relative
        self.add(
            KeyDate(
                key,
                title,
                when,
                sentence,
                start,
                end,
                first_day,
                last_day,
                relative=start is None,
                usual=True,
                sources=sources,
            )
        )

    def watch_windows(self) -> None:
        from car_t_guide.core.content import care  # here: care's teach-back uses key_dates

        _ = self.tr.gettext
        effects = care.side_effects(self.lang)
        crs, neuro = effects.effect("crs").when_days, effects.effect("neuro").when_days
        assert crs is not None and neuro is not None, "side_effects.json: give when_days"
        self.window(
            "daily_checks",
            _("Daily checks"),
            DAILY_CHECK_DAYS,
            _("The care team checks in every day for at least the first week: {span}."),
            _("The care team checks in every day for at least the first week after the infusion."),
            ("fda-2025-rems",),
        )
        self.window(
            "watch_crs",
            _("Watch for CRS"),
            (crs.first_day, crs.last_day),
            _(
                "CRS most often starts in the first week. It can start as late as day {last}: "
                "watch closely {{span}}."
            ).format(last=format_number(crs.last_day, self.lang)),
            _(
                "CRS most often starts in the first week after the infusion. It can start as "
                "late as day {last}."
            ).format(last=format_number(crs.last_day, self.lang)),
            (crs.source, "cibmtr-real-world"),
        )
        self.window(
            "watch_neuro",
            _("Watch for brain and nerve effects"),
            (neuro.first_day, neuro.last_day),
            _(
                "Brain and nerve effects most often start about a week after the infusion. "
                "Most happen within {weeks} weeks: watch {{span}}."
            ).format(weeks=format_number(neuro.last_day // 7, self.lang)),
            _(
                "Brain and nerve effects most often start about a week after the infusion. "
                "Most happen within {weeks} weeks."
            ).format(weeks=format_number(neuro.last_day // 7, self.lang)),
            ("cibmtr-real-world", neuro.source),
        )

    def through(
        self, key: str, title: str, days: int, setting: str, known: str, relative: str
    ) -> None:
        """Stay near / no driving: from the infusion through day ``days``, inclusive."""
        _ = self.tr.gettext
        infusion = self.plan.infusion
        if infusion is not None:
            last = infusion + timedelta(days=days)
            when = _("through {date}").format(date=self.day_text(last))
            sentence = known.format(date=self.day_text(last))
        else:
            last = None
            when = _("for {duration} after the infusion").format(
                duration=format_duration(days, self.lang)
            )
            sentence = relative.format(
                duration=format_duration(days, self.lang), n=format_number(days, self.lang)
            )
        self.add(
            KeyDate(
                key,
                title,
                when,
                sentence,
                infusion,
                last,
                0,
                days,
                relative=infusion is None,
                sources=("fda-2025-rems", "kymriah-label-2025"),
                setting=setting,
            )
        )

    def stay_and_driving(self) -> None:
        _ = self.tr.gettext
        self.through(
            "stay_near_center",
            _("Stay close to the hospital"),
            self.settings.stay_near_center_days,
            "stay_near_center_days",
            _("Stay close to the hospital through {date}."),
            _("Stay close to the hospital for {duration} after the infusion (through day {n})."),
        )
        self.through(
            "no_driving",
            _("No driving"),
            self.settings.no_driving_days,
            "no_driving_days",
            _("Do not drive or use heavy machines through {date}."),
            _(
                "Do not drive or use heavy machines for {duration} after the infusion "
                "(through day {n})."
            ),
        )

    def day_28(self) -> None:
        _ = self.tr.gettext
        day = self.after_infusion(DAY_28_CHECK)
        if day:
            when = self.day_text(day)
            sentence = _("Day-28 check: tests show whether the leukemia is gone ({date}).").format(
                date=when
            )
        else:
            when = format_after_infusion(DAY_28_CHECK, self.lang, about=True)
            sentence = _("Day-28 check, {when}: tests show whether the leukemia is gone.").format(
                when=when
            )
        self.add(
            KeyDate(
                "day_28",
                _("Day-28 check"),
                when,
                sentence,
                day,
                day=DAY_28_CHECK,
                end_day=DAY_28_CHECK,
                relative=day is None,
                sources=("seed",),
            )
        )

    def follow_ups(self) -> None:
        _ = self.tr.gettext
        for n in sorted(set(self.settings.follow_up_days)):
            day = self.after_infusion(n)
            when = self.day_text(day) if day else format_after_infusion(n, self.lang)
            self.add(
                KeyDate(
                    f"follow_up_{n}",
                    _("Follow-up visit"),
                    when,
                    _("Follow-up visit on day {n}: {when}.").format(
                        n=format_number(n, self.lang), when=when
                    ),
                    day,
                    day=n,
                    end_day=n,
                    relative=day is None,
                    setting="follow_up_days",
                )
            )

    def long_term(self) -> None:
        _ = self.tr.gettext
        infusion = self.plan.infusion
        years = LONG_TERM_FOLLOW_UP_YEARS
        end = add_years(infusion, years) if infusion else None
        if end:
            when = _("until {date}").format(date=format_month_year(end.year, end.month, self.lang))
            sentence = _("Check-ups for {years} years after the infusion, {when}.").format(
                years=format_number(years, self.lang), when=when
            )
        else:
            when = _("for {years} years after the infusion").format(
                years=format_number(years, self.lang)
            )
            sentence = _("Check-ups for {years} years after the infusion.").format(
                years=format_number(years, self.lang)
            )
        self.add(
            KeyDate(
                "long_term_follow_up",
                _("Long-term follow-up"),
                when,
                sentence,
                infusion,
                end,
                0,
                (end - infusion).days if end and infusion else None,
                relative=infusion is None,
                sources=("fda-ltfu-guidance",),
            )
        )


def key_dates(
    session: Session, settings: CenterSettings, *, today: date, lang: str | None = None
) -> list[KeyDate]:
    """The family's key dates in the order they happen, in ``lang`` (default: the one showing)."""
    builder = _Builder(session, settings, today, lang or current_language())
    builder.collection()
    builder.manufacturing()
    builder.bridging()
    builder.lymphodepletion()
    builder.infusion()
    builder.watch_windows()
    builder.stay_and_driving()
    builder.day_28()
    builder.follow_ups()
    builder.long_term()
    return builder.found


# The rules that follow the infusion and come from the center settings (the things to avoid).
RULES_AFTER_INFUSION = ("stay_near_center", "no_driving")


def rules_after_infusion(
    session: Session, settings: CenterSettings, *, today: date, lang: str | None = None
) -> list[KeyDate]:
    """Stay close to the hospital and no driving, in the family's own dates when the infusion
    day is known (else relative to it): the days come from the center settings."""
    builder = _Builder(session, settings, today, lang or current_language())
    builder.stay_and_driving()
    return [key for key in builder.found if key.id in RULES_AFTER_INFUSION]


def next_key_date(dates: list[KeyDate]) -> KeyDate | None:
    """The first key date not yet over (for "what comes next")."""
    return next((d for d in dates if d.status in (NOW, FUTURE)), None)
