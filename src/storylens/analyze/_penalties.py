"""Time given, asked or allowed: a stretch of time a verb or noun gives or asks as a penalty
("sentenced to nine years", "asked for 12 years", "a 15-year ban"), or sets as a limit ("within
30 days", "in the next 48 hours", "for up to 90 days"), is a quantity, not the time something
happened.
"""

from __future__ import annotations

from typing import Any

from storylens.analyze._num_words import TIME_UNITS
from storylens.analyze._quantity import BOUNDS, Run, bound_phrase
from storylens.model import Bound
from storylens.text import _words

__all__ = ["PENALTY_VERBS", "penalty", "penalty_what", "time_limit", "time_unit"]

PENALTY_VERBS = {  # what a verb does with a stretch of time it gives or asks: "sentenced to"
    **dict.fromkeys(_words("sentence jail imprison cage serve receive give hand get"), "sentence"),
    **dict.fromkeys(_words("ask seek demand request want"), "sentence sought"),
    **dict.fromkeys(_words("face risk"), "sentence faced"),
    **dict.fromkeys(_words("ban bar disqualify suspend"), "ban"),
}
_PENALTY_NOUNS = {  # "a 15-year ban", "a sentence of 12 years"
    **dict.fromkeys(_words("sentence term prison jail imprisonment"), "sentence"),
    **dict.fromkeys(_words("ban suspension disqualification"), "ban"),
}
_PENALTY_PREPS = _words("to for of")


def penalty(unit: Any) -> tuple[str, Any] | None:
    """(kind, word) when a stretch of time is a penalty a verb or noun gives or asks: "sentenced
    to nine years", "asked for 12 years", "faces 20 years", "a 15-year ban", "a sentence of 12
    years". The kind is "sentence", "sentence sought", "sentence faced" or "ban"."""
    if unit.lower_ not in TIME_UNITS:
        return None
    head = unit.head
    if _behind_bars(unit):  # "got three years behind bars": a prison term the verb gives
        verb = next((t for t in unit.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        return "sentence", verb if verb is not None else head
    if unit.dep_ == "pobj" and head.lower_ in _PENALTY_PREPS:
        head = head.head
    elif unit.dep_ not in {"dobj", "compound", "amod", "nmod", "npadvmod", "poss"}:
        return None  # "poss": "sentenced to 72 months' imprisonment"
    if head.dep_ == "pcomp" and head.head.dep_ == "prep":  # "barred from holding office for"
        head = head.head.head if head.lemma_.lower() not in PENALTY_VERBS else head
    if head.pos_ == "VERB" and head.lemma_.lower() in PENALTY_VERBS:
        return PENALTY_VERBS[head.lemma_.lower()], head
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _PENALTY_NOUNS:
        return None
    verb = _governor(head)  # "asked for a sentence of 12 years": the sentence asked for
    if verb is not None and PENALTY_VERBS.get(verb.lemma_.lower()) != "sentence":
        return PENALTY_VERBS.get(verb.lemma_.lower(), _PENALTY_NOUNS[head.lemma_.lower()]), verb
    return _PENALTY_NOUNS[head.lemma_.lower()], verb or head


def _behind_bars(unit: Any) -> bool:
    """ "behind bars" right after the unit: "three years behind bars"."""
    after = [t.lower_ for t in unit.doc[unit.i + 1 : unit.i + 3]]
    return after == ["behind", "bars"]


def _governor(noun: Any) -> Any | None:
    """The verb whose object a noun is, directly or after "to/for" ("asked for a sentence")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in _PENALTY_PREPS:
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.pos_ == "VERB" else None


def penalty_what(unit: Any, kind: str) -> str:
    """ "years in prison", "years ban", "years sentence sought": the unit and the penalty."""
    units = [unit, *(c for c in unit.children if c.dep_ == "conj")]  # "years and six months"
    place = next(
        (
            g
            for u in units
            for c in u.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children
            if g.lemma_.lower() in {"prison", "jail"}
        ),
        None,
    )
    unit_word = "years" if unit.lower_ == "year" else str(unit.lower_)
    if place is not None and kind == "sentence":
        return f"{unit_word} in {place.lower_}"
    return f"{unit_word} {kind}"


def time_unit(doc: Any, run: Run) -> Any | None:
    """The unit of time a number counts ("days" in "30 days", "within 30 working days"), or
    None when it counts no unit of time."""
    last = doc[run.end - 1]
    unit = last.head if last.dep_ == "nummod" else None
    if unit is None and run.end < len(doc):
        unit = doc[run.end]
    return unit if unit is not None and unit.lower_ in TIME_UNITS else None


def time_limit(doc: Any, run: Run) -> Any | None:
    """The unit of a stretch of time set as a limit: an upper bound on time ("within 30 days",
    "in the next 48 hours", "for up to 90 days") says how long something may take or last, not
    when it happened. None for any other number."""
    unit = time_unit(doc, run)
    if unit is None or BOUNDS.get(bound_phrase(doc, run)) is not Bound.AT_MOST:
        return None
    return unit
