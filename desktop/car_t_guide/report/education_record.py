"""The summary's "topics reviewed": the education record of each topic, and the topics still to
go over, so the nurse sees them at a glance.

Each topic reviewed prints who explained it back, how, the result, and by whom and on what day,
as far as the session knows them (a version 1 file has only the topic, and perhaps initials and
a day). The list that follows names every topic not reviewed yet, and those that need review.
"""

from __future__ import annotations

from functools import cache

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from car_t_guide.core.content import care as care_content
from car_t_guide.core.content.labels import LEARNER_LABELS, METHOD_LABELS, RESULT_LABELS
from car_t_guide.core.dates import format_day
from car_t_guide.core.session.fields import TOPICS
from car_t_guide.core.session.model import Session
from car_t_guide.report.fonts import BOLD, REGULAR
from car_t_guide.report.markup import BLANK_CELL, RULE, SHADE, Paragraph, Styles, Words, text


def still_to_go_over(session: Session) -> list[tuple[str, bool]]:
    """(topic id, needs review) for every topic not understood yet, in the nurse's order:
    ``False`` when it was never gone through, ``True`` when the record says "needs review"."""
    found = []
    for topic in TOPICS:
        review = session.review_of(topic)
        if review is None:
            found.append((topic, False))
        elif review.needs_review:
            found.append((topic, True))
    return found


def _label(table: dict[str, str], value: str | None, words: Words) -> str:
    return words.gettext(table[value]) if value in table else ""


def topic_names(lang: str) -> dict[str, str]:
    """Each topic as the check-understanding screen names it (teach_back.json titles)."""
    return dict(_topic_titles(lang))


@cache
def _topic_titles(lang: str) -> tuple[tuple[str, str], ...]:
    # Once per language and process, like the content file itself: filling in every topic's
    # questions (dates, fever threshold) only to read the titles was nearly half the summary's time.
    return tuple((topic.id, topic.title) for topic in care_content.teach_back(lang).topics)


def _topic_name(topic: str, words: Words) -> str:
    return topic_names(words.lang).get(topic, topic)


def record_rows(session: Session, words: Words) -> list[list[str]]:
    """One row per topic reviewed: topic, who, how, result, staff and day (blank if unknown)."""
    rows = []
    # In the nurse's order, as the list of topics still to go over.
    order = {topic: index for index, topic in enumerate(TOPICS)}
    for review in sorted(session.topics_reviewed, key=lambda r: order.get(r.topic, len(order))):
        by_and_day = ", ".join(
            part
            for part in (review.by, format_day(review.on, words.lang) if review.on else None)
            if part
        )
        rows.append(
            [
                _topic_name(review.topic, words),
                _label(LEARNER_LABELS, review.learner, words),
                _label(METHOD_LABELS, review.method, words),
                _label(RESULT_LABELS, review.result, words),
                by_and_day,
            ]
        )
    return rows


def topics_reviewed(
    session: Session, *, words: Words, styles: Styles, width: float
) -> list[Flowable]:
    _ = words.gettext
    story: list[Flowable] = [Paragraph(text(_("Topics reviewed"), BOLD), styles.h1)]
    rows = record_rows(session, words)
    if not rows:
        story.append(Paragraph(text(_("No topics are recorded yet.")), styles.body))
    else:
        header = [_("Topic"), _("Who explained it back"), _("How"), _("Result"), _("By, on")]
        cells = [[Paragraph(text(h, BOLD), styles.cell_bold) for h in header]]
        for row in rows:
            cells.append(
                [Paragraph(text(value), styles.cell) if value else BLANK_CELL() for value in row]
            )
        widths = [0.3, 0.18, 0.17, 0.15, 0.2]
        table = Table(
            cells, colWidths=[width * share for share in widths], repeatRows=1, hAlign="LEFT"
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ]
            )
        )
        story.append(table)

    # The list stays on one page with its heading: at most one line per topic.
    listed: list[Flowable] = [Paragraph(text(_("Topics still to go over"), BOLD), styles.h2)]
    left = still_to_go_over(session)
    if not left:
        listed.append(Paragraph(text(_("Every topic has been reviewed.")), styles.body))
    for topic, again in left:
        name = _topic_name(topic, words)
        line = _("{topic} (needs review)").format(topic=name) if again else name
        listed.append(Paragraph(text(line), styles.bullet, bulletText="\u2022"))
    story.append(KeepTogether(listed))
    return story
