"""Numbers that are not quantities: ordinals, years, dates, clock times, ages, names, durations.

:func:`skip_reason` says why a number run is not a reported quantity ("in 2021", "June 5",
"aged 5", "Ana Ruiz, 34,", "Article 5", "the last 24 hours", "one resident said"), or None when
it is one.
"""

from __future__ import annotations

import re
from typing import Any

from storylens.analyze._num_words import DAYS, MONTHS, TIME_UNITS
from storylens.analyze._penalties import penalty
from storylens.analyze._quantity import Run, bound_before

__all__ = ["skip_reason"]

_CLOCK = {"am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc", "hrs", "o'clock"}
_YEAR_PREPS = {"in", "since", "by", "until", "from", "of", "before", "after", "during", "to"}
_ONE_KEEPERS = {"only", "just", "exactly", "single"}
_NOT_PEOPLE = {"GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME", "EVENT", "PRODUCT"}


def skip_reason(doc: Any, run: Run) -> str | None:
    """Why a number is not a reported quantity (year, date, name...), or None when it is one."""
    first, last = doc[run.start], doc[run.end - 1]
    prev = doc[run.start - 1] if run.start > 0 else None
    nxt = doc[run.end] if run.end < len(doc) else None
    checks = (
        ("ordinal", first.ent_type_ == "ORDINAL"),
        ("year", _is_year(run, last, prev)),
        ("date", _near_month(prev, nxt)),
        ("time", ":" in last.text or (nxt is not None and nxt.lower_ in _CLOCK)),
        ("age", _is_age(doc, run, prev) or _is_age_after_name(run, first, prev, nxt)),
        ("name", _inside_name(run, last, prev, nxt)),
        ("duration", _is_duration(doc, run, last)),
        ("pronoun-one", _is_pronoun_one(run, first, prev)),
    )
    return next((reason for reason, hit in checks if hit), None)


def _is_year(run: Run, last: Any, prev: Any | None) -> bool:
    """A four-digit 1900..2099 in a date, after "in/since/by", or not counting a noun."""
    if run.unit or run.vague or not re.fullmatch(r"(?:19|20)\d\d", last.text):
        return False
    counts_noun = last.dep_ == "nummod" and last.head.tag_ == "NNS"
    after_prep = prev is not None and prev.lower_ in _YEAR_PREPS
    return last.ent_type_ == "DATE" or after_prep or not counts_noun


def _near_month(prev: Any | None, nxt: Any | None) -> bool:
    """Next to a month name: "June 5", "5 June"."""
    return any(t is not None and t.lower_.rstrip(".") in MONTHS for t in (prev, nxt))


def _is_age(doc: Any, run: Run, prev: Any | None) -> bool:
    """ "aged 5", "a 5-year-old"."""
    tail = "".join(t.text for t in doc[run.end : run.end + 4]).lower()
    return (prev is not None and prev.lower_ in {"aged", "age"}) or bool(
        re.match(r"-(?:year|month|week)s?-old", tail)
    )


def _is_age_after_name(run: Run, first: Any, prev: Any | None, nxt: Any | None) -> bool:
    """ "Ana Ruiz, 34, said", "the driver, 45, was": a bare whole number set off by commas right
    after a person's name or a singular noun is the age of who it names."""
    if run.unit or run.vague or run.end - run.start != 1 or not first.text.isdigit():
        return False
    if prev is None or prev.text != "," or prev.i == 0 or not 0 < run.value < 120:
        return False
    name = first.doc[prev.i - 1]
    closed = nxt is None or nxt.is_punct
    person = name.pos_ == "PROPN" and name.ent_type_ not in _NOT_PEOPLE
    return bool(closed and (person or (name.pos_ == "NOUN" and name.tag_ == "NN")))


def _inside_name(run: Run, last: Any, prev: Any | None, nxt: Any | None) -> bool:
    """Part of a name: "Article 5", "Covid-19", "the 215 Maiwand Afghan Army Corps"."""
    if run.vague:
        return False
    if prev is not None and not prev.whitespace_ and prev.text == "-":
        return True
    named_prev = (
        prev is not None
        and prev.whitespace_
        and prev.is_alpha
        and (prev.is_title or prev.is_upper)
        and not prev.is_sent_start
        and prev.lower_ not in DAYS | MONTHS
        and prev.tag_ == "NNP"
    )
    named_next = (
        nxt is not None
        and nxt.tag_ in {"NNP", "NNPS"}
        and last.head.pos_ == "PROPN"
        and last.dep_ in {"nummod", "compound"}
        and nxt.ent_type_ not in {"NORP", "GPE"}
    )
    return named_prev or named_next


def _is_duration(doc: Any, run: Run, last: Any) -> bool:
    """A stretch of time ("the last 24 hours"): a *when*, unless it measures something ("20
    years of operations") or is a penalty given or asked ("sentenced to nine years")."""
    unit = last.head if last.dep_ == "nummod" else None
    if unit is None and run.end < len(doc):
        unit = doc[run.end]
    if unit is None or unit.lower_ not in TIME_UNITS:
        return False
    if penalty(unit) is not None:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in unit.children)


def _is_pronoun_one(run: Run, first: Any, prev: Any | None) -> bool:
    """ "one resident said", "one of three": "one" is a count only after "only/just/exactly"."""
    if first.lower_ != "one" or run.end - run.start != 1:
        return False
    return prev is None or (prev.lower_ not in _ONE_KEEPERS and bound_before(prev) is None)
