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
from storylens.analyze._num_words import TIME_HOURS
from storylens.analyze._penalties import penalty, time_unit
from storylens.analyze._quantity import Run
from storylens.text import _words

__all__ = ["TIME_SYMBOLS", "lasting", "per_period", "state_key", "state_of", "time_symbol"]

# Verbs whose object or "for" phrase says how long their subject went on.
_LASTS = _words("last take continue run go rage burn stretch drag")

_OFFSETS = _words("after before ago later earlier since")
_LOOK_BACK = _words("past last previous first next coming")  # "for the past three days": when
_HOLDERS = _words("veteran veterans old member members employee employees resident residents")

_TIME_ROWS = tuple(  # symbol, size in hours, the words that name it
    (symbol, TIME_HOURS[unit], f"{unit} {unit}s")
    for symbol, unit in (
        ("min", "minute"),
        ("h", "hour"),
        ("d", "day"),
        ("wk", "week"),
        ("mo", "month"),
        ("yr", "year"),
    )
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
    stretch = _for_of(unit)
    spanned = stretch is not None
    lasted = (
        unit.dep_ in {"dobj", "npadvmod"}
        and unit.head.lemma_.lower() in _LASTS
        and unit.head.i < unit.i  # not "24 hours after Salazar took steps"
    )
    if (verb := _lasted_until(unit)) is not None:  # "It lasted 17 hours before Telvaro ..."
        return unit, _subject(verb)
    if after in _OFFSETS and not (spanned or lasted):  # "24 hours after ...": when ("rested
        return None  # for 10 hours before setting off", "it lasted 17 hours before ..." say
        # how long)
    verb = unit.head
    if stretch is not None:
        verb = stretch.head
    elif unit.dep_ not in {"dobj", "npadvmod", "attr"}:
        verb = None
    if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in _LASTS:
        return unit, _subject(verb)
    if spanned and verb is not None and _holds_a_state(unit, verb):
        return unit, _subject(verb)  # "went undetected for 47 days", "trapped for 13 hours"
    hyphen = run.end < len(doc) and doc[run.end].text == "-"
    thing = unit.head
    if hyphen and unit.dep_ in {"amod", "compound", "nmod"} and thing.pos_ == "NOUN":
        if time_symbol(thing.lower_) is not None or thing.lower_ in _HOLDERS:
            return None  # "a 28-year veteran" has served that long; it lasted nothing
        return unit, thing
    return None


def _subject(verb: Any) -> Any | None:
    """The noun a verb (or the verb an adjective complements) says lasted, or None."""
    while verb.dep_ in {"acomp", "xcomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head  # "went undetected": the subject is the verb's
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    expletive = any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)  # "it took two
    # hours to clear the square"
    if subject is not None and subject.lower_ == "it" and not expletive and subject.sent.start:
        subject = _subject_before(subject.sent)  # "The outage began at 4:12am. It lasted ..."
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _lasted_until(unit: Any) -> Any | None:
    """The lasting verb of "lasted 17 hours before Telvaro declared ...", which the parser
    reads as "17 hours before" the later clause (user trial 132), or None."""
    clause = unit.head
    mark = unit.doc[unit.i + 1] if unit.i + 1 < len(unit.doc) else None
    if unit.dep_ != "npadvmod" or clause.dep_ != "advcl" or mark is None:
        return None
    if mark.dep_ != "mark" or mark.head.i != clause.i or mark.lower_ not in _OFFSETS:
        return None
    verb = clause.head
    return verb if verb.lemma_.lower() in _LASTS and verb.i < unit.i else None


def _subject_before(sentence: Any) -> Any | None:
    """The subject of the sentence before ``sentence``, which its "it" stands for."""
    before = sentence.doc[sentence.start - 1].sent
    return next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _holds_a_state(unit: Any, verb: Any) -> bool:
    """A "for" stretch on a verb or adjective of state ("were trapped for 13 hours", "went
    undetected for 47 days", "had been without power for three days"): how long the state
    held, unless it is the span a report looks back on ("for the past three days") or the
    parser hangs it on a later verb ("suspended X for two years after the lab found ...")."""
    if any(c.dep_ == "amod" and c.lower_ in _LOOK_BACK for c in unit.children):
        return False
    if verb.i > unit.i:
        return False  # "suspended X for two years after the laboratory found ...": a misparse
    return verb.pos_ in {"VERB", "AUX", "ADJ"}


def state_of(unit: Any) -> tuple[str, ...]:
    """The word of the state a "for" stretch says held ("undetected" in "went undetected for
    47 days", "trapped"), or nothing for a verb that says lasting itself ("went on for")."""
    span = _for_of(unit)
    verb = span.head if span is not None else None
    if verb is None or verb.pos_ not in {"VERB", "ADJ", "AUX"} or verb.lemma_.lower() in _LASTS:
        return ()
    complement = next((c for c in verb.children if c.dep_ == "acomp"), None)
    if complement is not None:  # "stay shut for two days", "went undetected for 47 days"
        return (complement.lower_,)
    return (verb.lower_,) if verb.pos_ != "AUX" else ()


_A_STATES = {  # adjectives of a state a verb names: "adrift" is drifting
    "adrift": "drift",
    "afloat": "float",
    "ablaze": "blaze",
    "aflame": "blaze",
    "asleep": "sleep",
    "awake": "wake",
    "aground": "ground",
    "afire": "blaze",
}
_SUFFIXES = (("ying", "y"), ("ing", ""), ("ied", "y"), ("ed", ""))


def state_key(word: str) -> str:
    """One key for the words of one state: "drifting", "drifted", "adrift" -> "drift";
    "trapped" -> "trapp" and "trapping" -> "trapp" alike (a key, not a word to show).

    >>> [state_key(w) for w in ("adrift", "drifting", "drifted", "undetected", "closed")]
    ['drift', 'drift', 'drift', 'undetect', 'clos']
    """
    word = word.lower()
    if word in _A_STATES:
        return _A_STATES[word]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    return word


# Words of a bound or a number between "for" and its unit ("for more than 30 hours").
_BETWEEN = _words("more than over about around nearly almost some at least roughly a an")


def _for_of(unit: Any) -> Any | None:
    """The "for" whose stretch of time ``unit`` ends ("for 47 days", "for more than 30
    hours"), also when the parser hangs the unit on a later "before"/"after"."""
    if unit.dep_ == "pobj" and unit.head.lower_ == "for":
        return unit.head
    doc, i = unit.doc, unit.i - 1
    while i >= 0 and (doc[i].like_num or doc[i].lower_ in _BETWEEN):
        i -= 1
    return doc[i] if i >= 0 and doc[i].lower_ == "for" and doc[i].dep_ == "prep" else None


_EVERY = _words("a an each every per")


def per_period(unit: Any) -> str | None:
    """The period a stretch recurs in: "day" in "for eight hours a day", "for 12 hours each
    day"; None for a stretch that happens once."""
    doc = unit.doc
    if unit.i + 2 >= len(doc):
        return None
    every, period = doc[unit.i + 1], doc[unit.i + 2]
    if every.lower_ not in _EVERY or time_symbol(period.lower_) is None:
        return None
    return str(period.lower_)
