"""Per-article features for dedup and story clustering: pure functions over one article.

Everything here is a top-level function of one article's text (or title), with no state, so a
Spark executor can map it. Two kinds of features come out:

- words: lowercased content words (stop words and one-letter tokens dropped, a light
  plural/possessive stemmer applied), for TF-IDF;
- names: a cheap stand-in for named entities, with no model: runs of capitalised words
  (``Lindsay Lohan``, ``Betty Ford Center``), each word of a run and the run itself, plus numbers
  and years. Two events of the same kind share words but differ in names, places and dates.

>>> feats = article_features("Lindsay Lohan checked into the Betty Ford Center in 2013.")
>>> sorted(feats.names)[:4]
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
    {"said", "says", "told", "according", "reported", "report", "reports", "new", "year",
     "years", "just", "like", "did", "does", "don", "mr", "mrs", "ms", "dr", "st", "am", "pm",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
     "yesterday", "week", "time", "people", "way", "news", "also", "would", "could", "one",
     "two", "first", "last", "including", "told", "photo", "image", "copyright"}
)

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d[\d.,]*$")
_SENTENCE_END = re.compile(r"[.!?:\n\"“”]\s*$")


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


def _is_headline(line: str) -> bool:
    """True for a Title Case or ALL CAPS line, where capitals say nothing about names."""
    tokens = [m.group() for m in _TOKEN.finditer(line) if m.group().lower() not in STOP_WORDS]
    caps = sum(1 for t in tokens if t[0].isupper())
    return len(tokens) >= 3 and caps >= 0.75 * len(tokens)


def _line_runs(line: str) -> list[list[str]]:
    """Runs of capitalised words in one line, cut at stop words and sentence ends.

    A lone capitalised word that opens a sentence (``Police``, ``Officials``) is not a name.
    """
    runs: list[tuple[bool, list[str]]] = []
    current: list[str] = []
    opens = True
    starts_sentence = True
    last_end = 0
    for match in _TOKEN.finditer(line):
        token = match.group()
        if _SENTENCE_END.search(line[last_end : match.start()]):
            starts_sentence = True
        last_end = match.end()
        lower = token.lower()
        if token[0].isupper() and lower not in STOP_WORDS and len(token) > 1:
            if not current:
                opens = starts_sentence
            current.append(_stem(lower))
        elif current:
            runs.append((opens, current))
            current = []
        if token[0].isupper() and starts_sentence and current:
            starts_sentence = False
            continue
        starts_sentence = False
    if current:
        runs.append((opens, current))
    return [run for _, run in runs]


def _name_runs(text: str) -> list[list[str]]:
    """Runs of capitalised words in every line that is not a headline."""
    runs: list[list[str]] = []
    for line in text.split("\n"):
        if not _is_headline(line):
            runs.extend(_line_runs(line))
    return runs


def names(text: str) -> Counter[str]:
    """Name features: each capitalised word, each multi-word run, and each number.

    >>> sorted(names("Tara Reid entered Promises on 3 May."))
    ['3', 'may', 'promise', 'reid', 'tara', 'tara reid']
    """
    counts: Counter[str] = Counter()
    for run in _name_runs(text):
        counts.update(run)
        if 1 < len(run) <= 4:
            counts[" ".join(run)] += 1
    for match in _TOKEN.finditer(text):
        token = match.group()
        if _NUMBER.match(token):
            counts[token.replace(",", "")] += 1
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
