"""How long the care summary takes to build, as a ratio to a plain reportlab document.

    uv run python tests/benchmarks/bench_export.py [--runs 9] [--paper letter|a4]

For each example family and language, the summary is built ``--runs`` times, and so are two
plain reportlab documents with the same page count, alternating all three so each sees the same
machine. The medians are compared: the ratio says what the summary's own work (key dates, the
chart layout, font runs, tables, the chart drawing, the wallet card, the footers) costs on top of
reportlab setting the same amount of text, independent of how fast the machine is. Fonts are
registered before timing. The goal (issue 15) is a ratio of 2 or less against the first:

- "same text" (``same_text_document``, the goal's baseline): as many pages, holding as much text
  as the summary's, in paragraphs shaped as the summary's, in the same fonts. The text is the
  summary's own amount (the characters its PDF reads back, footers, chart labels and the card
  included, spread evenly over its pages); it is set in ``PARAGRAPHS_PER_PAGE`` paragraphs a
  page, as many as the summary's story has, of which ``LEAD_PARAGRAPHS_PER_PAGE`` open with bold
  words and carry ``LEAD_SHARE`` of the text, as the summary's topic paragraphs do (reportlab
  breaks a paragraph in one font faster than one that changes font: both kinds are measured).
  Page 1 has an italic line and every page a line of Chinese (the fourth family's name is
  Chinese), so the same fonts are subset and embedded; the Chinese line's cost is within the
  noise for the three families whose summary has none. It flows in a frame with the summary's
  margins, without the summary's tables, chart, card or footers: those are what the summary
  adds.
- "8 a page" (``plain_document``, the first baseline, kept to compare with earlier figures and
  for bench_screens.py): 8 long paragraphs (about 3,400 characters) and a Chinese line on each
  page, in Noto Sans and Droid Sans Fallback only (no bold or italic font is embedded). It holds
  more characters than the summary's pages (about 2,600) but in a quarter of the paragraphs, so
  reportlab's cost per paragraph is mostly missing from it.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))

import pypdf  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate  # noqa: E402

from car_t_guide.core.machine.settings import CenterSettings  # noqa: E402
from car_t_guide.core.session.examples import EXAMPLE_COUNT, load_example  # noqa: E402
from car_t_guide.report.fonts import CJK, ITALIC, REGULAR, register_fonts  # noqa: E402
from car_t_guide.report.page import BOTTOM_MARGIN, SIDE_MARGIN, TOP_MARGIN  # noqa: E402
from car_t_guide.report.summary import build_summary  # noqa: E402

LOADED_ON = date(2026, 11, 26)
FILLER = (
    "After CAR T cell therapy, some signs need help right away. Call your care team or get "
    "emergency help if your child has any of these signs. "
) * 3


def plain_document(pages: int, paper: tuple[float, float]) -> bytes:
    """A plain reportlab document: ``pages`` pages of paragraphs in the same fonts."""
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=11, leading=14)
    cjk = ParagraphStyle("cjk", fontName=CJK, fontSize=11, leading=14)
    story = []
    for page in range(pages):
        story += [Paragraph(FILLER, body) for _ in range(8)]
        story.append(Paragraph("李小龍 的 照顾 摘要", cjk))
        if page < pages - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=paper, initialFontName=REGULAR).build(story)
    return buffer.getvalue()


# The shape of the summary's story (example 1 in English; the others differ by a few): 340
# paragraphs on 11 pages, table cells and bullet lines included; 87 of them open with bold words
# ("What it is:") and carry 54% of the text, the rest are in one font (headings, cells, sources).
PARAGRAPHS_PER_PAGE = 31
LEAD_PARAGRAPHS_PER_PAGE = 8
LEAD_SHARE = 0.54
LEAD = "<b>What it is:</b> "
WORDS = (
    "Fever is often the first sign. Your child may feel very tired, have chills, a fast heart "
    "beat or a headache. Some children get confused, shaky or very sleepy, or find it hard to "
    "speak or write. The team checks your child often in the first weeks and treats these "
    "signs early. Keep a thermometer at home and write down what you see each day. "
)


def _stretch(index: int, length: int) -> str:
    """``length`` characters of ``WORDS``, from a different place each time."""
    start = (index * 37) % len(WORDS)
    return (WORDS * (length // len(WORDS) + 2))[start : start + length]


def same_text_document(pages: int, characters: int, paper: tuple[float, float]) -> bytes:
    """A plain reportlab document: ``pages`` pages holding ``characters`` characters of text
    between them, spread evenly, in paragraphs shaped as the summary's (see the module's
    docstring), in its fonts and margins."""
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13, spaceAfter=3)
    italic = ParagraphStyle("note", parent=body, fontName=ITALIC)
    cjk = ParagraphStyle("cjk", parent=body, fontName=CJK)
    chinese = "李小龍 的 照顾 摘要"
    per_page = characters / pages - len(chinese)
    plain_count = PARAGRAPHS_PER_PAGE - LEAD_PARAGRAPHS_PER_PAGE - 1
    lead_length = round(per_page * LEAD_SHARE / LEAD_PARAGRAPHS_PER_PAGE) - len("What it is: ")
    plain_length = round(per_page * (1 - LEAD_SHARE) / plain_count)
    story = []
    for page in range(pages):
        for index in range(LEAD_PARAGRAPHS_PER_PAGE):
            story.append(Paragraph(LEAD + _stretch(index, lead_length), body))
        for index in range(plain_count):
            style = italic if page == 0 and index == 0 else body
            story.append(Paragraph(_stretch(index, plain_length), style))
        story.append(Paragraph(chinese, cjk))
        if page < pages - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=paper,
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        initialFontName=REGULAR,
    ).build(story)
    return buffer.getvalue()


def read_back(pdf: bytes) -> tuple[int, int]:
    """Pages, and the characters of text on them, as a reader reads them back."""
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return len(pages), sum(len(page.extract_text()) for page in pages)


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def timed(build) -> tuple[float, bytes]:
    start = time.perf_counter()
    result = build()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="builds of each document (median)")
    parser.add_argument("--paper", choices=["letter", "a4"], default="letter")
    args = parser.parse_args()

    from car_t_guide.report.paper import page_size

    register_fonts()
    settings = CenterSettings(follow_up_days=(90, 180))
    rows = []
    for number in range(1, EXAMPLE_COUNT + 1):
        session = load_example(number, today=LOADED_ON)
        today = (session.plan.infusion or session.plan.collection) + timedelta(days=10)
        if number == 4:  # one family with a Chinese name: the CJK font is embedded too
            session.patient.display_name = "李小龍 Nguyễn"
        for lang in ("en", "es"):

            def summary(session=session, lang=lang, today=today):
                # The text caches start empty (build_summary empties them when it is done);
                # fonts and content files stay loaded, as in the app.
                return build_summary(
                    session, lang=lang, paper=args.paper, settings=settings, today=today
                )[0]

            pdf = summary()  # warm-up: content files and catalogues load once
            pages, characters = read_back(pdf)
            paper = page_size(args.paper)

            def same_text(pages=pages, characters=characters, paper=paper):
                return same_text_document(pages, characters, paper)

            def eight_a_page(pages=pages, paper=paper):
                return plain_document(pages, paper)

            same_text()
            eight_a_page()
            times: dict[str, list[float]] = {"summary": [], "same": [], "eight": []}
            for _ in range(args.runs):
                times["summary"].append(timed(summary)[0])
                seconds, same = timed(same_text)
                times["same"].append(seconds)
                seconds, eight = timed(eight_a_page)
                times["eight"].append(seconds)
            assert page_count(eight) == pages, (page_count(eight), pages)
            same_pages, same_characters = read_back(same)
            assert same_pages == pages, (same_pages, pages)
            assert abs(same_characters - characters) <= characters * 0.05, (
                same_characters,
                characters,
            )
            medians = {name: statistics.median(values) for name, values in times.items()}
            rows.append((f"example {number} ({lang})", pages, characters, medians))

    print(f"care summary export, {args.paper}, median of {args.runs} runs each")
    print(
        f"{'family':<18} {'pages':>5} {'chars':>6} {'summary ms':>11} {'same text ms':>13} "
        f"{'ratio':>6} {'8 a page ms':>12} {'ratio':>6}"
    )
    for name, pages, characters, m in rows:
        print(
            f"{name:<18} {pages:>5} {characters:>6} {m['summary'] * 1000:>11.1f} "
            f"{m['same'] * 1000:>13.1f} {m['summary'] / m['same']:>6.2f} "
            f"{m['eight'] * 1000:>12.1f} {m['summary'] / m['eight']:>6.2f}"
        )
    for label, key in (("same text (goal: 2.00 or less)", "same"), ("8 a page", "eight")):
        ratios = [m["summary"] / m[key] for *_, m in rows]
        print(
            f"median ratio to {label}: {statistics.median(ratios):.2f}  (max {max(ratios):.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
