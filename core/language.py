"""Which language an article is in: English-only analyses (quotes, contested terms, tone) skip the others.

An article's language is its ISO 639-1 code (articles.language). Detection reads the title and the
start of the text:

  - a text mostly in one non-Latin script is handed to py3langid (Lui & Baldwin's langid.py, BSD, its
    model shipped inside the package), which tells Russian from Ukrainian and Chinese from Japanese;
  - Latin text in which English function words ("the", "of", "said") make up a clear share of the
    words is English, without a model (fast, and right on headlines too short for a model);
  - other Latin text goes to py3langid as well, believed only when it is confident.

What is too short or mixed to tell stays undetermined (None), and a language a feed, page or corpus
gave is used then. An undetermined article counts as English: the English-only analyses are made for
English text, but an article they cannot place is not silently dropped from them either.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from .models import get

SAMPLE_CHARS = 1000       # the title and this much of the text are read
MIN_WORDS = 8             # Latin text of fewer words is too short to tell (half of it: not even English)
ENGLISH_SHARE = 0.12      # English running text has 25-40% function words; other Latin languages under 5%
MIN_MODEL_PROB = 0.7      # py3langid's normalised probability below which it is not believed

_ENGLISH = frozenset("""
the of and to in a is that for on was with as by at it from he be has have are were his an this but
not which will who they had after been its their more would about her also said says she we i you
there than when what can into over after could our us them these those between against during while
""".split())
_WORD = re.compile(r"[^\W\d_]+")
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")   # a letter outside the Latin blocks
_CODE = re.compile(r"[a-z]{2,3}")


def normalise(code: Any) -> str | None:
    """An ISO 639-1 code from a given language tag ("en-US", "EN", "en_GB" -> "en"); None if it is none."""
    if not isinstance(code, str):
        return None
    c = code.strip().lower().replace("_", "-").split("-")[0]
    return c if _CODE.fullmatch(c) else None


def detect_language(title: str, text: str = "") -> str | None:
    """The ISO 639-1 code of a text, or None when it is too short or mixed to tell."""
    sample = f"{title or ''}\n{(text or '')[:SAMPLE_CHARS]}"
    words = _WORD.findall(sample.lower())
    letters = sum(map(len, words))
    if not letters:
        return None
    if 2 * len(_NON_LATIN.findall(sample)) > letters:
        return _model(sample, 0.0)   # the script alone says it is not English; the model names the language
    share = sum(map(_ENGLISH.__contains__, words)) / len(words)
    if share >= ENGLISH_SHARE and len(words) >= MIN_WORDS // 2:
        return "en"
    if len(words) < MIN_WORDS // 2:
        return None
    return _model(sample, MIN_MODEL_PROB)


def language_of(article: Any) -> str | None:
    """An article's language: the detected one when detection is sure, else the one given with it."""
    return detect_language(get(article, "title", ""), get(article, "text", "") or get(article, "summary", "")) \
        or normalise(get(article, "language"))


def is_english(article: Any) -> bool:
    """Whether English-only analyses apply: its language (stored, or detected now) is English or unknown."""
    code = normalise(get(article, "language"))
    if code is None:
        code = language_of(article)
    return code in (None, "en")


def _model(sample: str, least: float) -> str | None:
    """py3langid's answer when its probability reaches `least`, else None."""
    code, prob = _identifier().classify(unicodedata.normalize("NFC", sample))
    return normalise(code) if prob >= least else None


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier with normalised probabilities (loaded once: about 2 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
