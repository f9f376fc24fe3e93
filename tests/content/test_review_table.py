"""The review table in resources/content/README.md is the one the content files make now."""

from __future__ import annotations

from tests.content import review_table


def test_the_readme_review_table_is_current():
    readme = review_table.README.read_text(encoding="utf-8")
    assert review_table.readme_with_table(readme) == readme, (
        "resources/content/README.md: the review table is out of date; run "
        "'uv run python -m tests.content.review_table'"
    )


def test_the_table_lists_every_fact_and_the_revision_of_its_source():
    table = review_table.table()
    crs = "| Side effect: Cytokine release syndrome (CRS) | Fever is the most common sign."
    assert crs in table
    assert "`kymriah-medguide-2024`: KYMRIAH Medication Guide (April 2024)" in table
    assert "Chart: began day 1 to day 22, half by day 3." in table
    assert "| `seed` | The journey to CAR T cell therapy" in table


def test_the_table_check_can_fail():
    readme = review_table.README.read_text(encoding="utf-8")
    stale = readme.replace("Fever is the most common sign.", "It always comes with a fever.", 1)
    assert review_table.readme_with_table(stale) != stale


def test_the_readme_names_the_seed_article_by_title_and_journal_not_a_path():
    readme = review_table.README.read_text(encoding="utf-8")
    assert "The journey to CAR T cell therapy" in readme and "Blood Cancer Journal" in readme
    assert "shared/seeds" not in readme
