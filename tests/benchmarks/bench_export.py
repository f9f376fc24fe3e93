"""How long the care summary takes to build, as a ratio to a plain reportlab document.

    uv run python tests/benchmarks/bench_export.py [--runs 9] [--paper letter|a4]

For each example family and language, the summary is built ``--runs`` times, and so is a plain
reportlab document with the same page count and the same fonts (paragraphs of text in Noto Sans,
and a line in Droid Sans Fallback, on as many pages), alternating the two so both see the same
machine. The median of each is compared: the ratio says what the summary's own work (key dates,
the chart layout, font runs, the wallet card, two passes for "page x of y") costs on top of
reportlab itself, independent of how fast the machine is. Fonts are registered before timing.
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
from car_t_guide.report.fonts import CJK, REGULAR, register_fonts  # noqa: E402
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
            pages = page_count(pdf)
            plain_document(pages, page_size(args.paper))
            summary_times, plain_times = [], []
            for _ in range(args.runs):
                summary_times.append(timed(summary)[0])
                seconds, plain = timed(
                    lambda pages=pages: plain_document(pages, page_size(args.paper))
                )
                plain_times.append(seconds)
            assert page_count(plain) == pages, (page_count(plain), pages)
            summary_median = statistics.median(summary_times)
            plain_median = statistics.median(plain_times)
            rows.append((f"example {number} ({lang})", pages, summary_median, plain_median))

    print(f"care summary export, {args.paper}, median of {args.runs} runs each")
    print(f"{'family':<18} {'pages':>5} {'summary ms':>11} {'plain ms':>9} {'ratio':>6}")
    for name, pages, summary_median, plain_median in rows:
        print(
            f"{name:<18} {pages:>5} {summary_median * 1000:>11.1f} {plain_median * 1000:>9.1f} "
            f"{summary_median / plain_median:>6.2f}"
        )
    ratios = [summary_median / plain_median for _, _, summary_median, plain_median in rows]
    print(f"median ratio: {statistics.median(ratios):.2f}  (max {max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
