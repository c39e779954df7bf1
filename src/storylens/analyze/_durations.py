"""Durations: how long something lasted, a quantity rather than the time it happened.

"The fighting lasted about six hours", "the debate went on for 12 hours", "after a 12-hour
debate" and "a six-hour siege" say how long the fighting, the debate or the siege went on: two
articles giving one thing two lengths disagree, in whatever units they write ("90 minutes"
against "two hours"). Any other stretch of time ("in the last 24 hours", "20 years ago") says
when, and stays a *when* (see :mod:`storylens.analyze._quantity_skip`).
"""

from __future__ import annotations

from typing import Any

from storylens.analyze._measures import Unit
from storylens.analyze._penalties import penalty, time_unit
from storylens.analyze._quantity import Run
from storylens.text import _words

__all__ = ["TIME_SYMBOLS", "lasting", "time_symbol"]

# Verbs whose object or "for" phrase says how long their subject went on.
_LASTS = _words("last take continue run go rage burn stretch drag")

_OFFSETS = _words("after before ago later earlier since")
_HOLDERS = _words("veteran veterans old member members employee employees resident residents")

_TIME_ROWS = (  # symbol, size in hours, the words that name it
    ("min", 1 / 60, "minute minutes"),
    ("h", 1.0, "hour hours"),
    ("d", 24.0, "day days"),
    ("wk", 168.0, "week weeks"),
    ("mo", 730.0, "month months"),
    ("yr", 8760.0, "year years"),
)
TIME_SYMBOLS = {symbol: Unit(symbol, "time", size) for symbol, size, _ in _TIME_ROWS}
_TIME_WORDS = {word: symbol for symbol, _, words in _TIME_ROWS for word in words.split()}


def time_symbol(word: str) -> str | None:
    """The symbol of a unit of time a duration is given in ("hours" -> "h"), or None.

    >>> time_symbol("Hours"), time_symbol("nights")
    ('h', None)
    """
    return _TIME_WORDS.get(word.lower())


def lasting(doc: Any, run: Run) -> tuple[Any, Any | None] | None:
    """(unit of time, the thing that lasted or None) when the number gives how long something
    went on, else None: the object of "lasted"/"took" or a "for" phrase after "went on" or
    "continued" (the thing is the verb's subject), or a hyphenated "12-hour" before a noun
    that is no unit of time (the thing is that noun)."""
    unit = time_unit(doc, run)
    if unit is None or time_symbol(unit.lower_) is None or penalty(unit) is not None:
        return None  # "a 12-year sentence" is a penalty (see _penalties)
    after = doc[unit.i + 1].lower_ if unit.i + 1 < len(doc) else ""
    if after in _OFFSETS:  # "24 hours after ...", "six weeks before ...": when, not how long
        return None
    verb = unit.head
    if unit.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head
    elif unit.dep_ not in {"dobj", "npadvmod", "attr"}:
        verb = None
    if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in _LASTS:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return unit, subject if subject is not None and subject.pos_ == "NOUN" else None
    hyphen = run.end < len(doc) and doc[run.end].text == "-"
    thing = unit.head
    if hyphen and unit.dep_ in {"amod", "compound", "nmod"} and thing.pos_ == "NOUN":
        if time_symbol(thing.lower_) is not None or thing.lower_ in _HOLDERS:
            return None  # "a 28-year veteran" has served that long; it lasted nothing
        return unit, thing
    return None
