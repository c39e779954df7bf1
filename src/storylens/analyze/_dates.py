"""Calendar dates read as figures: the day an event happened or is set for ("teachers will
walk out again on 14 March", "a second strike called for March 16th"), so that two outlets'
days for one event are compared like any two figures (user trials 161 and 164 planted such
conflicts; the number stage had dropped every date).

A date is a day number next to a month name ("14 March", "14th of March", "March 14",
"March 14th, 2026"); its value is the day of the year (1 January is 1, in a year of 365
days) and its range the day itself, three days either side after "about" or "around", and
thirty days after "after" or before "before". A deadline or a span ("by 14 March", "until",
"from", "since", "between 14 and 16 March", "14 to 16 March"), the start of a running total
("since the unrest began on March 4"), a day in a list of days, a paragraph's opening
dateline and a date that dates no event are not read.

What the date counts is the event it dates, found as for a clock time
(:func:`storylens.analyze._clock.named_event`): "on 14 March" after "walk out" is ``teacher
walk``, after "a strike called" is ``strike``. The mention's ``what`` is "date of" and the
event, its rule ``date`` and its ``unit`` ``date``; the year, when written, is in the
features (``year``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from storylens.analyze._clock import named_event
from storylens.analyze._num_words import DAYS
from storylens.model import Bound

__all__ = ["Dated", "date_at"]

_MONTH_NUMBER = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH = re.compile(
    r"^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$",
    re.IGNORECASE,
)
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SPANS = frozenset(["by", "until", "till", "between", "since", "to", "through", "and", "or", "-"])
# "from 9 June" alone is when something starts (user trial 170); "from 14 to 16 March" is a
# span, told by the "to" after the first date
_LIST = frozenset([",", "and", "or", "-", "to", "&"])
_AROUND = frozenset(["about", "around", "approximately", "roughly", "circa"])
_LINKS = frozenset(["for", "of", "on", "from"]) | DAYS  # "set for 14 March", "the night of 14
# March", "on Tuesday 10 March" (the model hangs the date on its weekday: user trial 168)
_AROUND_DAYS = 3.0
_SPAN_DAYS = 30.0


@dataclass(frozen=True, slots=True)
class Dated:
    """A calendar date in a parsed text: its tokens, day of the year, range and event."""

    start: int  # token index of the first token, a bound word included
    end: int  # token index after the date (its year included)
    day: float
    low: float
    high: float
    bound: Bound
    bound_words: str | None
    event: str
    year: int | None
    noun: bool = False  # the event is named by a noun ("the strike on 14 March")


def date_at(doc: Any, i: int, first: int) -> Dated | None:
    """The date of an event whose day number is token ``i`` of ``doc``, if it is one; ``first``
    is the index of the paragraph's first token (a date there is a dateline)."""
    found = _DAY.match(doc[i].text)
    if found is None:
        return None
    tokens = _date_tokens(doc, i)
    if tokens is None:
        return None
    start, end, month = tokens
    day = int(found.group(1))
    if start == first or not 1 <= day <= _MONTH_DAYS[month - 1] + (month == 2):
        return None
    year = int(doc[end].text) if end < len(doc) and _YEAR.match(doc[end].text) else None
    end += year is not None
    comma_year = end + 1 < len(doc) and doc[end].text == "," and _YEAR.match(doc[end + 1].text)
    if year is None and comma_year:  # "March 14, 2026"
        year, end = int(doc[end + 1].text), end + 2
    if _in_span(doc, start, end):
        return None
    named = named_event(doc, start, end, _LINKS)
    if named is None:
        return None
    value = float(sum(_MONTH_DAYS[: month - 1]) + min(day, _MONTH_DAYS[month - 1]))
    return replace(_bounded(doc, start, end, value, named[0], year), noun=named[1])


def _date_tokens(doc: Any, i: int) -> tuple[int, int, int] | None:
    """(first token, token after, month) of the date whose day is token ``i``."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.lower_ == "of" and i + 2 < len(doc):
        after = doc[i + 2]  # "14th of March"
    if after is not None and (month := _MONTH.match(after.text)):
        return i, after.i + 1, _MONTH_NUMBER[month.group(1)[:3].lower()]
    before = doc[i - 1] if i > 0 else None
    month = _MONTH.match(before.text) if before is not None else None
    if before is not None and month and before.text[:1].isupper():  # "may 14" is no date
        return i - 1, i + 1, _MONTH_NUMBER[month.group(1)[:3].lower()]
    return None


def _in_span(doc: Any, start: int, end: int) -> bool:
    """A deadline, a span or a list of days: "by 14 March", "14 to 16 March", "13, 14 or
    15 March", "between 14 and 16 March"."""
    prev = doc[start - 1].lower_ if start > 0 else ""
    nxt = doc[end].lower_ if end < len(doc) else ""
    if prev in _SPANS or nxt in {"to", "-", "until", "through"}:
        return True
    for token in doc[start].ancestors:  # "since the unrest began on March 4": where a
        if token.lower_ == "since" or any(  # running total starts
            c.dep_ == "mark" and c.lower_ == "since" for c in token.children
        ):
            return True
    if prev == "," and start > 1 and _DAY.match(doc[start - 2].text):
        return True  # "13, 14 March"
    return nxt in _LIST and end + 1 < len(doc) and bool(_DAY.match(doc[end + 1].text))


def _bounded(doc: Any, start: int, end: int, value: float, event: str, year: int | None) -> Dated:
    """The date with its bound from the word before it."""
    last = doc[start - 1].lower_ if start > 0 else ""
    if last in _AROUND:
        low, high = value - _AROUND_DAYS, value + _AROUND_DAYS
        return Dated(start - 1, end, value, low, high, Bound.AROUND, last, event, year)
    if last == "after":
        high = value + _SPAN_DAYS
        return Dated(start - 1, end, value, value, high, Bound.AT_LEAST, last, event, year)
    if last == "before":
        low = value - _SPAN_DAYS
        return Dated(start - 1, end, value, low, value, Bound.AT_MOST, last, event, year)
    return Dated(start, end, value, value, value, Bound.EXACT, None, event, year)
