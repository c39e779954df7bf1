"""Ordinal positions read as figures: the floor, storey, deck or kilometre an event happened
at ("the collapse began on the fifth floor", "collapsed at the 38th kilometre"), so that two
outlets' positions for one event are compared like any two figures (user trials 161 and
166 planted such conflicts; the number stage drops every ordinal).

A position is an ordinal ("fifth", "5th") that qualifies a noun of position; its value is
the ordinal and its range that number. What it counts is the noun and the event it
locates, found as for a clock time (:func:`storylens.analyze._clock.named_event`): "floor
of collapse". The mention's rule is ``position`` and its ``unit`` ``position``; an ordinal
with no event ("the family lived on the fifth floor") is no figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from storylens.analyze._clock import named_event

__all__ = ["POSITION_HINT", "Position", "position_at"]

_ORDINALS = {
    word: n
    for n, word in enumerate(
        (
            *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"),
            *("ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"),
            *("fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"),
        ),
        start=1,
    )
}
_NOUNS = frozenset(
    [
        *("floor", "storey", "story", "level", "deck", "kilometre", "kilometer", "mile"),
        *("span", "pier", "carriage", "coach"),  # user trial 169: "the fourth span" of a bridge
    ]
)
POSITION_HINT = re.compile(
    rf"\b(?:{'|'.join(_ORDINALS)})\s+(?:{'|'.join(sorted(_NOUNS))})\b", re.IGNORECASE
)
"""An ordinal word before a noun of position: a paragraph that may hold a position with no
digit in it ("on the fifth floor")."""
_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)
_LINKS = frozenset(["on", "at", "from", "to", "in"])


@dataclass(frozen=True, slots=True)
class Position:
    """An ordinal position in a parsed text: its tokens, number, noun and the event."""

    start: int  # token index of the ordinal
    end: int  # token index after the noun
    number: int
    noun: str
    event: str
    named: bool = False  # the event is named by a noun ("the collapse began")


def position_at(doc: Any, i: int) -> Position | None:
    """The position of an event whose ordinal is token ``i`` of ``doc``, if it is one."""
    token = doc[i]
    number = _number(token.lower_)
    if number is None or token.dep_ != "amod" or token.head.i <= i:
        return None
    noun = token.head
    lemma = str(noun.lemma_).lower()
    if lemma not in _NOUNS or noun.i - i > 2:
        return None
    found = named_event(doc, noun.i, noun.i + 1, _LINKS)
    if found is None:
        return None
    return Position(i, noun.i + 1, number, lemma, found[0], found[1])


def _number(word: str) -> int | None:
    if word in _ORDINALS:
        return _ORDINALS[word]
    found = _ORDINAL.match(word)
    return int(found.group(1)) if found else None
