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

The first lines (the lead: headline, dateline, first sentence) name the event; their words and
names count ``LEAD_WEIGHT`` more times. A date written near the top (``May 03, 2013``,
``18 September 2013``, ``2 / 3 / 2009``) is read as the article's dateline: a stand-in for a
missing publication time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

__all__ = [
    "ArticleFeatures",
    "article_features",
    "dateline",
    "lead",
    "shingles",
    "text_dates",
    "words",
]

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
    dateline: str | None = None
    length: int = 0


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


@lru_cache(maxsize=200_000)
def _content_word(token: str) -> str | None:
    """The stemmed content word of a raw token, or None for stop words and numbers."""
    stem = _stem(token.lower())
    if len(stem) > 1 and stem not in STOP_WORDS and not _NUMBER.match(stem):
        return stem
    return None


def words(text: str) -> list[str]:
    """The content words of ``text``, lowercased and lightly stemmed, in order.

    >>> words("The quakes hit Chile's coast, officials said.")
    ['quake', 'hit', 'chile', 'coast', 'official']
    """
    content = _content_word
    return [w for w in map(content, _TOKEN.findall(text)) if w is not None]


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


_STAMP_WORDS = frozenset(["published", "updated", "posted"])  # "Published April 6": no name


def _split_run(run: str) -> list[list[str]]:
    """A run of capitalised words cut at stop words (``The``, ``Of``) and one-letter words."""
    parts: list[list[str]] = [[]]
    for token in run.split():
        lower = token.lower()
        if lower in STOP_WORDS or lower in _STAMP_WORDS or len(token) < 2:
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
    >>> sorted(names("Published April 6"))
    ['6', 'april']
    """
    counts: Counter[str] = Counter()
    for run in _name_runs(text):
        counts.update(run)
        if 1 < len(run) <= 4:
            counts[" ".join(run)] += 1
    counts.update(n.replace(",", "") for n in _NUMBERS.findall(text))
    return counts


def years(text: str) -> tuple[int, ...]:
    """Distinct four-digit years from 1900 to 2099 mentioned in ``text``, sorted. A year right
    after "since" is left out: it says when a background period began ("complaints since
    2020"), not when the event happened.

    >>> years("In 2008, and again in 2013 (not 3013); fined since 2019.")
    (2008, 2013)
    """
    return tuple(sorted({int(m.group(2)) for m in _YEAR_MENTION.finditer(text) if not m.group(1)}))


_YEAR_MENTION = re.compile(r"(\bsince\s+)?\b(19\d\d|20\d\d)\b", re.IGNORECASE)


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"
_DATES = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"  # May 03, 2013
    rf"|{_DAY}\s+{_MONTH},?\s+{_YEAR}"  # 18 September 2013
    rf"|(\d{{1,2}})\s?/\s?(\d{{1,2}})\s?/\s?{_YEAR})\b",  # 2 / 3 / 2009 (month first)
    re.IGNORECASE,
)
LEAD_LINES = 3
LEAD_WEIGHT = 2
LEAD_CHARS = 1500
DATELINE_WORDS = 14


_ISO_DATE = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")


def text_dates(text: str) -> list[str]:
    """Every explicit calendar date in ``text`` (month name, m/d/yyyy, d/m/yyyy when the day
    comes first and is over 12, or yyyy-mm-dd), as ISO dates, in text order.

    >>> text_dates("On Feb. 04, 2009 and 18th September 2013, not 2 / 30 / 2009.")
    ['2009-02-04', '2013-09-18']
    >>> text_dates("27/09/2013, 4/9/2007")
    ['2013-09-27', '2007-04-09']
    >>> text_dates("Published 2026-04-06T09:30:00Z")
    ['2026-04-06']
    """
    found = []
    for m in _DATES.finditer(text):
        g = m.groups()
        if g[0]:
            year, month, day = int(g[2]), _MONTHS[g[0][:3].lower()], int(g[1])
        elif g[3]:
            year, month, day = int(g[5]), _MONTHS[g[4][:3].lower()], int(g[3])
        else:  # month first, unless the first number cannot be a month ("27/09/2013")
            first, second = int(g[6]), int(g[7])
            month, day = (second, first) if first > 12 else (first, second)
            year = int(g[8])
        found.append((m.start(), year, month, day))
    for m in _ISO_DATE.finditer(text):
        found.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    dates = []
    for _, year, month, day in sorted(found):
        try:
            dates.append(date(year, month, day).isoformat())
        except ValueError:  # 30 February and the like: not a date
            continue
    return dates


def lead(text: str, lines: int = LEAD_LINES) -> str:
    r"""The first ``lines`` non-empty lines of ``text`` (headline, dateline, first sentence).

    >>> lead("Quake hits\n\nMay 3, 2013\nA quake hit.\nMore.", 2)
    'Quake hits\nMay 3, 2013'
    """
    return "\n".join([line for line in text[:LEAD_CHARS].split("\n") if line.strip()][:lines])


def dateline(text: str) -> str | None:
    r"""The first explicit date on a short line of the lead of ``text`` (ISO), or None.

    Only short lines count (a dateline, a byline): a date in the first sentence is often
    a date in the past (a birth, an earlier crime), not the article's own.

    >>> dateline("Chargers lineman faces DUI charges\n10: 55 P. M. FEB. 2, 2009\nHe was...")
    '2009-02-02'
    """
    for line in lead(text).split("\n"):
        if len(line.split()) <= DATELINE_WORDS:
            dates = text_dates(line)
            if dates:
                return dates[0]
    return None


def article_features(text: str, title: str | None = None) -> ArticleFeatures:
    """Features of one article; the title and the lead count more (they name the event)."""
    top = lead(text)
    full = f"{title}\n{title}\n{text}" if title else text
    word_counts = Counter(words(full))
    name_counts = names(full)
    for term, count in Counter(words(top)).items():
        word_counts[term] += LEAD_WEIGHT * count
    for term, count in names(top).items():
        name_counts[term] += LEAD_WEIGHT * count
    return ArticleFeatures(
        words=dict(word_counts),
        names=dict(name_counts),
        years=years(full),
        dateline=dateline(f"{title}\n{text}" if title else text),
        length=len(_TOKEN.findall(text)),
    )


def central_line(candidates: Sequence[str], others: Sequence[str]) -> str:
    """The candidate sharing the most distinct words with the other lines (first on a tie).

    >>> central_line(["Riots grip Tarvik", "Fuel protest in Tarvik turns violent"],
    ...          ["Riots grip Tarvik", "Fuel protest in Tarvik turns violent",
    ...           "Tarvik fuel protest ends"])
    'Fuel protest in Tarvik turns violent'
    """
    words = [title_words(line) for line in others]

    def shared(candidate: str) -> int:
        own = title_words(candidate)
        return sum(len(own & w) for w in words if w != own)

    best = max(enumerate(candidates), key=lambda ic: (shared(ic[1]), -ic[0]))
    return best[1]


def title_words(line: str) -> frozenset[str]:
    """The lower-cased words of a title, without stop words."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", line.lower()) if w not in STOP_WORDS)
