"""Clock times read as figures: the time of day an event happened ("the first strike hit
Saltgate Market shortly after 10:30 a.m.", "Aldercrest was shot at 11.40pm"), so that two
outlets' times for one event are compared like any two figures (user trials 149, 154 and 156
planted such conflicts; the number stage had dropped every clock time).

A time is read from a token such as ``10:30``, ``11.40pm``, ``4:52pm``, ``15:40`` or ``2am``
(a dotted time or a bare hour needs "am"/"pm", so "10.50" alone stays a decimal) and its value
is in minutes after midnight. Its range says how exactly it is written: a time to the minute
spans that minute, one on a multiple of five minutes two and a half minutes either side (it
may be rounded), a bare hour a quarter of an hour either side; "about 9:15" ten minutes
more, "shortly after 10:30" the half hour after, "after 10pm" three hours after, and the
same before. A deadline or a span ("by 10pm", "until 6am", "from 9am", "between 2 and
4pm") or a live page's entry stamp at the head of a paragraph is no time of an event.

What the time counts is the event it dates: the noun it hangs from ("the blast at 2am"), the
subject of a verb of happening ("the shooting happened", "one air strike hit": ``strike``),
or the verb with its subject noun ("police arrived": ``police arrive``); a speech verb's time
dates a statement, not an event, and is not read. The mention's ``what`` is "time of" and the
event, its rule ``clock`` and its ``unit`` ``clock``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from storylens.analyze._counted import spell_group
from storylens.analyze.speakers import CUE_WORDS
from storylens.lexicon import ORG_NOUNS, names_workers
from storylens.model import Bound, Claim, ClaimMention, NumberMention, Span, Why

__all__ = ["SAME_EVENT_LINK", "Clock", "clock_at", "named_event", "one_event_times"]

_TIME = re.compile(
    r"^(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>[0-5]\d))?(?P<ap>[ap]\.?m\.?)?$", re.IGNORECASE
)
_MERIDIEM = re.compile(r"^[ap]\.?m\.?$", re.IGNORECASE)
_AROUND = frozenset(["about", "around", "approximately", "roughly", "some", "circa", "nearly"])
_SOON = frozenset(["shortly", "just", "soon", "minutes", "moments", "right"])
_SPANS = frozenset(["by", "until", "till", "til", "from", "between", "to", "since", "and", "-"])
_LINKS = frozenset(["at", "after", "before", "around", "about", "on", "shortly", "just"])
_TIME_NOUNS = frozenset(["time", "hours", "hrs", "gmt", "utc", "bst", "cet", "edt", "est"])
_HAPPEN = frozenset(
    [
        *("happen", "occur", "take", "begin", "start", "hit", "strike"),
        *("erupt", "explode", "go", "break", "unfold", "come"),
    ]
)
_ARRANGE = frozenset(["plan", "schedule", "set", "call", "hold", "stage", "fix", "announce"])
"""Verbs that put an event at a time: the event is what they arrange, not the arranging."""
_PARTICLES = frozenset(["out", "off", "down", "up"])
_COLLAPSE = "collapse"
_GIVING_WAY = {"give": "way", "drop": "away", "cave": "in", "fall": "down"}  # not "come down":
# an aircraft "came down" (user trial 157)


_PARTS_OF_A_WHOLE = frozenset(["span", "floor", "storey", "section", "part", "deck", "roof"])


def _what_gave_way(verb: Any) -> str:
    """The thing that gave way, as a verb of happening names it ("the bridge"); "collapse"
    for a part of it ("the fourth span dropped away") or none."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return _COLLAPSE
    word = _noun_event(subject)
    return _COLLAPSE if word in _PARTS_OF_A_WHOLE else word


def _gives_way(verb: Any, lemma: str) -> bool:
    """A structure failing, however worded: "collapsed", "gave way", "dropped away", "caved
    in", "fell down"."""
    if lemma == _COLLAPSE:
        return True
    word = _GIVING_WAY.get(lemma)
    return word is not None and any(c.lower_ == word for c in verb.children)


_WIDEN = 10.0  # "about 9:15": ten minutes either way
_SOON_SPAN = 30.0  # "shortly after 10:30": within the half hour
_SPAN = 180.0  # "after 10pm": within three hours


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day in a parsed text: its tokens, value, range and the event it dates."""

    start: int  # token index of the first token, a bound word included
    end: int  # token index after the time (its "a.m." included)
    minutes: float
    low: float
    high: float
    bound: Bound
    bound_words: str | None
    event: str
    noun: bool = False  # the event is named by a noun ("the blast at 2am")


def clock_at(doc: Any, i: int, first: int) -> Clock | None:
    """The time of an event written at token ``i`` of ``doc``, if it is one; ``first`` is the
    index of the paragraph's first token (a time there is a live page's entry stamp)."""
    token = doc[i]
    found = _TIME.match(token.text)
    if found is None or i == first:
        return None
    end = i + 1
    meridiem = found.group("ap")
    if meridiem is None and end < len(doc) and _MERIDIEM.match(doc[end].text):
        meridiem, end = doc[end].text, end + 1
    minutes = _minutes(found, meridiem)
    if minutes is None:
        return None
    prev = doc[i - 1].lower_ if i > 0 else ""
    if prev in _SPANS or (end < len(doc) and doc[end].lower_ in {"to", "-", "until"}):
        return None
    named = named_event(doc, i, end)
    if named is None:
        return None
    event, noun = named
    exact = 0.5 if found.group("m") and minutes % 5 else 2.5 if found.group("m") else 15.0
    start, bound, low, high, words = _bounded(doc, i, minutes, exact)
    return Clock(start, end, minutes, low, high, bound, words, event, noun)


def _minutes(found: re.Match[str], meridiem: str | None) -> float | None:
    """Minutes after midnight, or None when the token is no time of day."""
    hour, minute = int(found.group("h")), int(found.group("m") or 0)
    if meridiem is None:
        if found.group("sep") != ":" or hour > 23:
            return None  # "10.50" alone is a decimal, "2" alone a count
        return float(hour * 60 + minute)
    if not 1 <= hour <= 12:
        return None
    hour %= 12
    if meridiem[0].lower() == "p":
        hour += 12
    return float(hour * 60 + minute)


def _bounded(
    doc: Any, i: int, minutes: float, exact: float
) -> tuple[int, Bound, float, float, str | None]:
    """(first token, bound, low, high, bound words) from the words before the time."""
    before = [t.lower_ for t in doc[max(i - 2, 0) : i]]
    last = before[-1] if before else ""
    if last in _AROUND:
        return i - 1, Bound.AROUND, minutes - exact - _WIDEN, minutes + exact + _WIDEN, last
    if last in {"after", "before"}:
        soon = len(before) == 2 and before[0] in _SOON
        span = _SOON_SPAN if soon else _SPAN
        start = i - 2 if soon else i - 1
        words = " ".join(before) if soon else last
        if last == "after":
            return start, Bound.AT_LEAST, minutes, minutes + span, words
        return start, Bound.AT_MOST, minutes - span, minutes, words
    return i, Bound.EXACT, minutes - exact, minutes + exact, None


def named_event(
    doc: Any, first: int, end: int, links: frozenset[str] = frozenset()
) -> tuple[str, bool] | None:
    """The event a time (or a date, or a position: :mod:`storylens.analyze._dates`,
    :mod:`storylens.analyze._positions`) at tokens ``first:end`` dates: the word it hangs from,
    past prepositions, time words and the extra ``links``; with whether a noun of the text
    names it ("the strike on 14 March") or a verb ("a lunch served on Monday": "serve")."""
    token = doc[end - 1]
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return None
        token = head
        skip = head.lower_ in _LINKS or head.lower_ in _TIME_NOUNS or head.lower_ in links
        if first <= head.i < end or skip:
            continue
        if head.pos_ in {"VERB", "AUX"}:
            event = _verb_event(head)
            return (event, _by_noun(head, event)) if event is not None else None
        if head.pos_ == "NOUN":
            return _noun_event(head), True
        return None
    return None


def _by_noun(verb: Any, event: str) -> bool:
    """The verb's event is a noun of its clause ("the strike began", "called a strike")."""
    return any(c.pos_ == "NOUN" and _noun_event(c) == event for c in verb.children)


def _verb_event(verb: Any) -> str | None:
    lemma = str(verb.lemma_).lower()
    if lemma in _ARRANGE:  # "called a second strike for 16 March", "the vote is set for"
        planned = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if planned is not None and planned.pos_ == "NOUN":
            return _noun_event(planned)
    if verb.lower_ in CUE_WORDS:
        return None  # "the minister said at 3pm": a statement's time
    if verb.dep_ == "acl" and lemma in _HAPPEN and verb.head.pos_ == "NOUN":
        return _noun_event(verb.head)  # "a second strike starting on 2 June" (user trial 170)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if _gives_way(verb, lemma):  # "the bridge gave way at 8:05" is the bridge's, as "the
        return _what_gave_way(verb)  # bridge came down at 7:42" (user trial 169)
    particle = next(  # "walk out": the model makes "out" a particle or an adverb
        (c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"} and c.lower_ in _PARTICLES),
        "",
    )
    spell = spell_group(lemma + particle)  # "teachers will walk out", "the union will strike"
    if spell is not None and (subject is None or _agent(subject)):
        return spell
    if subject is None or subject.pos_ != "NOUN":
        return lemma
    if lemma in _HAPPEN:
        return _noun_event(subject)
    return f"{str(subject.lemma_).lower()} {lemma}"


def _agent(noun: Any) -> bool:
    """A noun that acts rather than happens: a person, a body or its workers ("the union",
    "teachers"), so that "the union will strike" is a strike and "the storm struck" a storm."""
    word = str(noun.lemma_).lower()
    named = noun.ent_type_ in {"PERSON", "ORG", "NORP"}
    return named or word in ORG_NOUNS or names_workers(noun.lower_)


def _noun_event(noun: Any) -> str:
    """A noun's event word, a verbal noun as its verb: "shooting" is "shoot", "bombing"
    "bomb", "stabbing" "stab"."""
    word = str(noun.lemma_).lower()
    if (spell := spell_group(word)) is not None:
        return spell  # "the walkout", "the stoppage": a strike
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        doubled = len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in "bdgmnprt"
        return stem[:-1] if doubled else stem
    return word


SAME_EVENT_LINK = 0.5
"""A claim whose mentions are linked from this probability tells one event (see
:func:`one_event_times`): the claims' weak-match line (``report.views.WEAK_LINK``)."""


def one_event_times(
    numbers: Sequence[NumberMention], claims: Sequence[Claim]
) -> tuple[NumberMention, ...]:
    """The numbers with the times of day (or the dates) of one event named alike: when the
    mentions of one claim, linked from :data:`SAME_EVENT_LINK`, hold one time each in two or
    more articles, those times date the fact the claim states, however each sentence words
    its event ("the helicopter went down at 9:40pm", "the aircraft came down at about
    10.15pm": user trial 157). Each such time takes the first one's ``subject`` and says why
    in ``same_event`` (the claim's id); its ``what`` stays as its own sentence words it."""
    renamed: dict[Span, tuple[str, str]] = {}
    for rule in ("clock", "date", "position"):
        _rename_by_claims([n for n in numbers if n.why.rule == rule], claims, renamed)
    return tuple(_renamed(n, renamed.get(n.span)) for n in numbers)


def _rename_by_claims(
    clocks: Sequence[NumberMention],
    claims: Sequence[Claim],
    renamed: dict[Span, tuple[str, str]],
) -> None:
    for claim in claims:
        strong = [m for m in claim.mentions if (m.why.score or 0.0) >= SAME_EVENT_LINK]
        if len(strong) < 2:
            continue
        found = [
            [c for c in clocks if m.span.article == c.span.article and _inside(c, m)]
            for m in strong
        ]
        if any(len(f) > 1 for f in found) or sum(len(f) == 1 for f in found) < 2:
            continue
        times = [f[0] for f in found if f]
        subject = times[0].why.features.get("subject")
        for time in times:
            if isinstance(subject, str) and time.span not in renamed:
                renamed[time.span] = (subject, claim.id)


def _inside(clock: NumberMention, mention: ClaimMention) -> bool:
    return mention.span.start <= clock.span.start and clock.span.end <= mention.span.end


def _renamed(mention: NumberMention, new: tuple[str, str] | None) -> NumberMention:
    if new is None or mention.why.features.get("subject") == new[0]:
        return mention
    features = {**mention.why.features, "subject": new[0], "same_event": new[1]}
    return replace(mention, why=Why(mention.why.rule, mention.why.score, features))
