"""What a figure is put forward as: an offer, a demand or a forecast, rather than a fact.

"The port authority offered 4 percent" and "the union wants 9 percent" are two proposals, not
two reports of one quantity; "turnout is expected to reach 70 percent" is a forecast, not a
count. Such figures are only compared with figures of the same stance (see
:mod:`storylens.analyze.conflicts`, ``different-stance``).

The stance is read from the words that govern the number in the parse: the number's head,
then its head's head, up to the verb of its clause ("a 9 percent pay rise" <- "for" <- "asking"),
or the verb that verb completes ("expected" to "reach 70 percent").
"""

from __future__ import annotations

from typing import Any

__all__ = ["stance"]

_STANCE_LEMMAS = {
    # proposals put on the table by one side
    "offer": "offer",
    "propose": "offer",
    "proposal": "offer",
    "bid": "offer",
    # what a side asks for
    "demand": "demand",
    "want": "demand",
    "seek": "demand",
    "request": "demand",
    # what is expected or aimed at, not yet counted
    "expect": "forecast",
    "forecast": "forecast",
    "predict": "forecast",
    "projection": "forecast",
    "target": "forecast",
    "aim": "forecast",
    "plan": "forecast",
    # what a thing was built to bear: "designed to carry 150 kilograms per square metre"
    "design": "limit",
    # what a thing may bear by law: "licensed to carry 150 passengers", "certified for 120"
    # (user trial 163: a ferry's licence was set against the passengers on board)
    "license": "limit",
    "licence": "limit",
    "certify": "limit",
    "permit": "limit",
    # a bound set on a quantity (and a threshold a condition sets: see _conditional): "the
    # legal limit of 0.5 milligrams per litre", "the reporting threshold for the drug is 10
    # nanograms per millilitre"
    "limit": "limit",
    "threshold": "limit",
    "ceiling": "limit",
    "cap": "limit",
}
# verbs with a particle: "asking for", "calling for", "pushing for", "pressed for", "hoping for"
_VERBS_WITH_FOR = {
    "ask": "demand",
    "call": "demand",
    "push": "demand",
    "press": "demand",
    "argue": "demand",
    "hope": "forecast",
}
_MAX_STEPS = 5  # heads climbed from the number before giving up


def stance(token: Any) -> str | None:
    """``offer``, ``demand``, ``forecast`` or ``limit`` when a word governing ``token`` (a
    number's last token) puts the figure forward as one, else None."""
    below = token
    current = token.head
    for _ in range(_MAX_STEPS):
        found = _stance_of(current, below)
        if found is not None:
            return found
        verb = current.pos_ in ("VERB", "AUX")
        if verb and _unreal(current):
            return "forecast"  # "as many as 900 could have been moved had the wind turned"
        if verb and current.lemma_ == "be" and below.dep_ == "attr":
            return _subject_stance(current)  # "the limit is 0.5 mg per litre"
        if verb and _conditional(current):
            return "limit"  # "until the wind drops below 60 km/h": a condition, no reading
        if (verb and current.dep_ not in ("xcomp", "conj") and not _to_clause(current)) or (
            current.head.i == current.i or _set_against(current)
        ):
            return None  # the clause's verb; "expected to reach": climb from "reach", and
            # "plans to close two breweries and cut 1,200 jobs" from "cut" to "close", and
            # "expects the toll to raise 240 million" from "raise" (user trial 126)
        below, current = current, current.head
    return None


_UNREAL_MODALS = frozenset(["could", "might", "would"])


def _unreal(verb: Any) -> bool:
    """A verb of what did not happen: a modal with "have" ("could have been moved", "would
    have died": user trial 165), so its figure is a guess, not a count."""
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(aux & _UNREAL_MODALS) and "have" in aux


def _set_against(verb: Any) -> bool:
    """A verb joined to the one before by "but" or "yet": "licensed for 120 passengers but
    was carrying 212" (user trial 163) says what was so against what was allowed."""
    return verb.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in verb.head.children
    )


def _to_clause(verb: Any) -> bool:
    """An infinitive clause with its own subject that completes a verb ("expects the toll to
    raise ..."), parsed as a clausal complement."""
    return bool(
        verb.dep_ in {"ccomp", "advcl"}  # "licensed to carry 150 passengers", parsed as a
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # clause too
    )


_CONDITIONS = frozenset(["until", "unless", "if"])


def _conditional(verb: Any) -> bool:
    """The verb heads a clause of condition ("until the wind drops below 60 km/h", "unless
    turnout passes 50 percent"): a figure in it is a threshold, not a reading."""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)


def _subject_stance(copula: Any) -> str | None:
    """The stance of the subject a figure is given for: "the limit" of "the limit is 0.5"."""
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    return _STANCE_LEMMAS.get(str(subject.lemma_).lower())


def _stance_of(word: Any, below: Any) -> str | None:
    lemma = str(word.lemma_).lower()
    if lemma in _STANCE_LEMMAS:
        return _STANCE_LEMMAS[lemma]
    if lemma == "for" and word.head.i != word.i:
        return _VERBS_WITH_FOR.get(str(word.head.lemma_).lower())
    return None
