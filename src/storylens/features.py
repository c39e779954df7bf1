"""Per-article features for dedup and story clustering: pure functions over one article.

Everything here is a top-level function of one article's text (or title), with no state, so a
Spark executor can map it. Two kinds of features come out:

- words: lowercased content words (stop words and one-letter tokens dropped, a light
  plural/possessive stemmer applied), for TF-IDF;
- names: a cheap stand-in for named entities, with no model: runs of capitalised words
  (``Lindsay Lohan``, ``Betty Ford Center``), each word of a run and the run itself, plus numbers
  and years. Two events of the same kind share words but differ in names, places and dates.

>>> feats = article_features("Lindsay Lohan checked into the Betty Ford Center in 2013.")
>>> sorted(feats.names)[1:5]
['betty', 'betty ford center', 'center', 'ford']
>>> feats.years
(2013,)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

__all__ = ["ArticleFeatures", "article_features", "shingles", "words"]

STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | frozenset(
    # Reporting verbs and news filler: present in every story, whatever the event.
    {
        "said",
        "says",
        "told",
        "according",
        "reported",
        "report",
        "reports",
        "new",
        "year",
        "years",
        "just",
        "like",
        "did",
        "does",
        "don",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "am",
        "pm",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "week",
        "time",
        "people",
        "way",
        "news",
        "also",
        "would",
        "could",
        "one",
        "two",
        "first",
        "last",
        "including",
        "photo",
        "image",
        "copyright",
    }
)

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d[\d.,]*$")
_NUMBERS = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w])")


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What the clusterer needs from one article: word and name counts, years, a date."""

    words: dict[str, int]
    names: dict[str, int]
    years: tuple[int, ...]


def _stem(token: str) -> str:
    """Fold possessives and regular plurals: ``lohan's`` -> ``lohan``, ``quakes`` -> ``quake``."""
    for suffix in ("'s", "’s"):
        if token.endswith(suffix):
            token = token[: -len(suffix)]
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def words(text: str) -> list[str]:
    """The content words of ``text``, lowercased and lightly stemmed, in order.

    >>> words("The quakes hit Chile's coast, officials said.")
    ['quake', 'hit', 'chile', 'coast', 'official']
    """
    out = []
    for match in _TOKEN.finditer(text):
        token = _stem(match.group().lower())
        if len(token) > 1 and token not in STOP_WORDS and not _NUMBER.match(token):
            out.append(token)
    return out


def shingles(text: str, size: int = 5) -> set[str]:
    """The set of ``size``-word shingles of ``text`` (lowercased tokens, nothing dropped).

    >>> sorted(shingles("a b c d e f", size=5))
    ['a b c d e', 'b c d e f']
    """
    tokens = [m.group().lower() for m in _TOKEN.finditer(text)]
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


_WORD = r"[A-Z][^\W_]*(?:['’][^\W_]+)*"
_RUN = re.compile(_WORD + r"(?:[ \t]+" + _WORD + r")*")


def _is_headline(line: str) -> bool:
    """True for a Title Case or ALL CAPS line with no closing full stop (a headline)."""
    if line.rstrip().endswith((".", '"', "”")):
        return False
    tokens = [t for t in line.split() if t.lower() not in STOP_WORDS and t[:1].isalpha()]
    caps = sum(1 for t in tokens if t[0].isupper())
    return len(tokens) >= 3 and caps >= 0.75 * len(tokens)


def _split_run(run: str) -> list[list[str]]:
    """A run of capitalised words cut at stop words (``The``, ``Of``) and one-letter words."""
    parts: list[list[str]] = [[]]
    for token in run.split():
        lower = token.lower()
        if lower in STOP_WORDS or len(token) < 2:
            parts.append([])
        else:
            parts[-1].append(_stem(lower))
    return [part for part in parts if part]


def _name_runs(text: str) -> list[list[str]]:
    """Runs of capitalised words (cut at punctuation) in every line that is not a headline."""
    runs: list[list[str]] = []
    for line in text.split("\n"):
        if not _is_headline(line):
            for match in _RUN.finditer(line):
                runs.extend(_split_run(match.group()))
    return runs


def names(text: str) -> Counter[str]:
    """Name features: each capitalised word, each multi-word run, and each number.

    >>> sorted(names("Tara Reid entered Promises on 3 May."))
    ['3', 'promise', 'reid', 'tara', 'tara reid']
    """
    counts: Counter[str] = Counter()
    for run in _name_runs(text):
        counts.update(run)
        if 1 < len(run) <= 4:
            counts[" ".join(run)] += 1
    counts.update(n.replace(",", "") for n in _NUMBERS.findall(text))
    return counts


def years(text: str) -> tuple[int, ...]:
    """Distinct four-digit years from 1900 to 2099 mentioned in ``text``, sorted.

    >>> years("In 2008, and again in 2013 (not 3013).")
    (2008, 2013)
    """
    found = {int(m) for m in re.findall(r"\b(19\d\d|20\d\d)\b", text)}
    return tuple(sorted(found))


def article_features(text: str, title: str | None = None) -> ArticleFeatures:
    """Features of one article; the title, when given, counts twice (it names the event)."""
    full = f"{title}\n{title}\n{text}" if title else text
    return ArticleFeatures(
        words=dict(Counter(words(full))),
        names=dict(names(full)),
        years=years(full),
    )
