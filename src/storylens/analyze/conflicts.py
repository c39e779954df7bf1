"""Numbers that disagree across articles, and the candidates that were not flagged, with why.

Two mentions are candidates when they come from different articles (not copies of one text)
and count the same thing: the same event group ("wounded" = "injured" = "hurt") or, for counts
without an event, the same noun. A candidate is a conflict only when nothing explains the
difference and the ranges the wordings allow cannot overlap. Otherwise it is kept as a
non-conflict whose ``why.rule`` gives the first reason, in this order:

``different-thing``   counted nouns differ ("children" vs "soldiers"; a missing noun matches any)
``different-place``   both name a place, the places differ and no article links them
                      ("on Lake Ardin near Pellow": one scene, not two places)
``different-scope``   one is a national total ("across the country"), the other is not
``different-period``  both give a period and they differ ("last 24 hours" vs "since June")
``different-source``  both name a source and the names differ (UN and UNAMA are compatible,
                      so are "Mr Ruiz" and "Harbourmaster Ana Ruiz")
``varies-in-article`` one article itself gives this thing several values that cannot all
                      hold together (yards gained on different plays, candidates in the
                      capital and in the country): the thing is not one quantity. Listed
                      once per thing, with ``why.features["pairs"]`` the pairs it stands for
``ranges-overlap``    the values can both be true ("around 80,000" and "thousands")

``why.features["reasons"]`` lists every reason that applies, for ``--explain``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import combinations
from typing import Any

from storylens import lexicon
from storylens.analyze._quote_match import same_speaker
from storylens.analyze.numbers import event_group, subject_group
from storylens.analyze.speakers import canonical_name
from storylens.model import Article, Conflict, NumberMention, Span, Why, content_hash

__all__ = ["find_conflicts"]

_HOURS = {"hour": 1.0, "day": 24.0, "night": 24.0, "week": 168.0, "month": 720.0, "year": 8760.0}
_COUNTS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "few": 3,
    "several": 4,
}
_DURATION = re.compile(
    r"\b(?:last|past|previous)\s+(?:(\w+)\s+)?(hour|day|night|week|month|year)s?"
)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+(?:start|beginning|end)\s+of\s+)?(\w+)", re.I)
_PERIOD_RATIO = 1.5  # "last 24 hours" and "past day" agree; "past three days" does not
_LINKS = r"\s*,?\s+(?:(?:near|in|on|at|outside|off|by|of)\s+)?(?:the\s+)?"  # "X near Y", "X, Y"
_UNATTRIBUTED = "unattributed"


def find_conflicts(
    numbers: Sequence[NumberMention], articles: Sequence[Article]
) -> tuple[tuple[Conflict, ...], tuple[Conflict, ...]]:
    """Compare mentions of the same counted thing across articles.

    Returns ``(conflicts, non_conflicts)``: conflicts have ``kind="number"`` and rule
    ``ranges-disjoint``; non-conflicts have ``kind="not-conflict"`` and the reason as rule.
    """
    order = {a.id: i for i, a in enumerate(articles)}
    hashes = {a.id: a.content_hash for a in articles}
    groups: dict[str, list[NumberMention]] = {}
    for mention in sorted(
        numbers, key=lambda m: (order.get(m.span.article, len(order)), m.span.article, m.span.start)
    ):
        key = _bucket(mention)
        if key is not None:
            groups.setdefault(key, []).append(mention)
    linked = _linked_places(numbers, articles)
    found: list[Conflict] = []
    explained: list[Conflict] = []
    for key in sorted(groups):
        varying = _varying(groups[key], key)
        first_varying: Conflict | None = None
        count = 0
        for a, b in combinations(groups[key], 2):
            if _same_text(a, b, hashes):
                continue
            verdict = _judge(a, b, key, varying, linked)
            if verdict.rule == "varies-in-article":
                count += 1
                first_varying = first_varying or _conflict(a, b, verdict)
                continue
            target = found if verdict.rule == "ranges-disjoint" else explained
            target.append(_conflict(a, b, verdict))
        if first_varying is not None:
            explained.append(_standing_for(first_varying, count))
    return tuple(found), tuple(explained)


def _standing_for(example: Conflict, pairs: int) -> Conflict:
    """One ``varies-in-article`` verdict for a thing, standing for all ``pairs`` of it (a
    sports story compares hundreds of yardages; one line says why none is a conflict)."""
    features = {**example.why.features, "pairs": pairs}
    return replace(example, why=replace(example.why, features=features))


def _varying(mentions: Sequence[NumberMention], key: str) -> set[Span]:
    """Mentions whose own article gives the same thing another value that cannot also hold
    (a pair of one article that would be a conflict across two)."""
    found: set[Span] = set()
    for a, b in combinations(mentions, 2):
        if a.span.article != b.span.article:
            continue
        if _judge(a, b, key, set(), frozenset()).rule == "ranges-disjoint":
            found |= {a.span, b.span}
    return found


def _same_text(a: NumberMention, b: NumberMention, hashes: dict[str, str]) -> bool:
    """Both from one article, or from two copies of one text."""
    if a.span.article == b.span.article:
        return True
    hash_a, hash_b = hashes.get(a.span.article), hashes.get(b.span.article)
    return hash_a is not None and hash_a == hash_b


def _event(mention: NumberMention) -> str | None:
    """The event group of a mention: from its features, else from the words of ``what``."""
    event = mention.why.features.get("event")
    if isinstance(event, str):
        return event
    words = (mention.what or "").split()
    return next((g for w in words if (g := event_group(w))), None)


def _subject(mention: NumberMention) -> str | None:
    """The counted-noun group of a mention: from its features, else from ``what``."""
    subject = mention.why.features.get("subject")
    if isinstance(subject, str) or "event" in mention.why.features:
        return subject if isinstance(subject, str) else None  # the parse found no noun
    words = [w for w in (mention.what or "").split() if event_group(w) is None]
    return next((g for w in words if (g := subject_group(w))), words[-1] if words else None)


def _bucket(mention: NumberMention) -> str | None:
    """Mentions are compared only within one bucket: the event, else the counted noun."""
    event = _event(mention)
    if event is not None:
        return event
    subject = _subject(mention)
    return f"count:{subject}" if subject else None


def _judge(
    a: NumberMention,
    b: NumberMention,
    key: str,
    varying: set[Span],
    linked: frozenset[frozenset[str]],
) -> Why:
    """Every reason the pair is not a conflict; ``ranges-disjoint`` when there is none."""
    subjects = (_subject(a), _subject(b))
    checks = (
        ("different-thing", None not in subjects and subjects[0] != subjects[1]),
        ("different-place", _different_place(a.where, b.where, linked)),
        ("different-scope", a.why.features.get("scope") != b.why.features.get("scope")),
        ("different-period", not _same_period(a.when, b.when)),
        ("different-source", not _same_source(a.attributed_to, b.attributed_to)),
        ("varies-in-article", a.span in varying or b.span in varying),
        ("ranges-overlap", a.low <= b.high and b.low <= a.high),
    )
    reasons = [name for name, hit in checks if hit]
    features = {"thing": key, "reasons": reasons, "a": _summary(a), "b": _summary(b)}
    return Why(rule=reasons[0] if reasons else "ranges-disjoint", features=features)


def _different_place(a: str | None, b: str | None, linked: frozenset[frozenset[str]]) -> bool:
    """Both places named, neither name holds the other ("Lashkar Gah" vs "Kandahar") and no
    article links the two (see :func:`_linked_places`)."""
    if not a or not b:
        return False
    x, y = a.lower(), b.lower()
    return x not in y and y not in x and frozenset((x, y)) not in linked


def _linked_places(
    numbers: Sequence[NumberMention], articles: Sequence[Article]
) -> frozenset[frozenset[str]]:
    """Pairs of places (lower case) that an article names as one scene: one right next to the
    other, joined by a comma or "near/in/on/at/outside/off/by/of" ("on Lake Ardin near
    Pellow", "Pellow, Ardin"). Mentions placed in each are then not in different places."""
    places = sorted({m.where for m in numbers if m.where}, key=str.lower)
    linked: set[frozenset[str]] = set()
    for x, y in combinations(places, 2):
        pattern = re.compile(
            rf"\b(?:{re.escape(x)}{_LINKS}{re.escape(y)}|{re.escape(y)}{_LINKS}{re.escape(x)})\b"
        )
        if any(pattern.search(article.text) for article in articles):
            linked.add(frozenset((x.lower(), y.lower())))
    return frozenset(linked)


def _period(when: str | None) -> tuple[str, Any] | None:
    """``("hours", 72.0)`` for "over the past three days", ``("since", "june")``, or None."""
    if not when:
        return None
    if match := _DURATION.search(when.lower()):
        count = match.group(1) or "1"
        number = float(count) if count.isdigit() else _COUNTS.get(count)
        if number is not None:
            return "hours", number * _HOURS[match.group(2)]
    if match := _SINCE.search(when):
        return "since", match.group(1).lower()
    return None


def _same_period(a: str | None, b: str | None) -> bool:
    """Compatible periods: one unknown, the same start, or lengths within a factor of 1.5."""
    x, y = _period(a), _period(b)
    if x is None or y is None:
        return True
    if x[0] != y[0]:
        return False
    if x[0] == "since":
        return bool(x[1] == y[1])
    short, long = sorted((float(x[1]), float(y[1])))
    return long <= short * _PERIOD_RATIO


def _source_key(name: str) -> str | None:
    """An acronym-like key: "UN Assistance Mission for Afghanistan" and "Unama" give UNAMA.

    A source without a proper name is keyed by the institution it names, in lower case ("the
    town hospital", "a spokesman for the defence ministry" give "town hospital" and "defence
    ministry"). None for a source that names no institution ("officials", "the mission",
    "witnesses"): it may be anyone.
    """
    words: list[str] = [w for w in re.findall(r"[\w'’-]+", name) if w.lower() != "the"]
    caps = [w for w in words if w[:1].isupper()]
    if not caps:
        return _institution(words)
    if len(caps) == 1:
        return caps[0].upper()
    return "".join(w if w.isupper() else w[0] for w in caps).upper()


_PHRASE_BREAKS = frozenset({"a", "an", "for", "of", "at", "from", "by", "with", "and", "in"})


def _institution(words: Sequence[str]) -> str | None:
    """The noun phrase ending in the last organisation noun ("regional emergency office")."""
    lowered = [w.lower() for w in words]
    ends = [i for i, w in enumerate(lowered) if w in lexicon.ORG_NOUNS]
    if not ends:
        return None
    end = ends[-1]
    start = end
    while start > 0 and lowered[start - 1] not in _PHRASE_BREAKS:
        start -= 1
    return " ".join(lowered[start : end + 1])


def _same_source(a: str | None, b: str | None) -> bool:
    """Compatible sources: one unknown, one person named two ways ("Mr Ruiz", "Harbourmaster
    Ana Ruiz"), or one key starts or ends the other (UN and UNAMA, "ministry" and "defence
    ministry")."""
    if a and b and _same_name(a, b):
        return True
    x = _source_key(a) if a else None
    y = _source_key(b) if b else None
    if x is None or y is None:
        return True
    if x.isupper() != y.isupper():
        return True  # a named source and an unnamed institution may be the same body
    return x.startswith(y) or y.startswith(x) or x.endswith(y) or y.endswith(x)


def _summary(mention: NumberMention) -> dict[str, Any]:
    """The JSON-safe facts of a mention used in the verdict (an open range's high is None)."""
    return {
        "article": mention.span.article,
        "start": mention.span.start,
        "end": mention.span.end,
        "value": mention.value,
        "bound": mention.bound.value,
        "low": mention.low,
        "high": None if math.isinf(mention.high) else mention.high,
        "what": mention.what,
        "where": mention.where,
        "when": mention.when,
        "attributed_to": mention.attributed_to,
        "scope": mention.why.features.get("scope"),
    }


def _conflict(a: NumberMention, b: NumberMention, why: Why) -> Conflict:
    """A conflict (``kind="number"``) or an explained non-conflict (``kind="not-conflict"``)."""
    kind = "number" if why.rule == "ranges-disjoint" else "not-conflict"
    ids = f"{a.span.article}:{a.span.start}:{a.span.end}|{b.span.article}:{b.span.start}"
    return Conflict(
        id=f"{kind}-{content_hash(ids + f':{b.span.end}')}",
        kind=kind,
        about=_about(a, b, str(why.features["thing"])),
        mentions=(a, b),
        why=why,
    )


def _about(a: NumberMention, b: NumberMention, thing: str) -> str:
    """ "wounded in Lashkar Gah, per UNAMA": the thing, then the places and sources named."""
    text = thing.removeprefix("count:")
    places = _distinct(a.where, b.where, same=lambda x, y: x.lower() == y.lower())
    if places:
        text += " in " + " vs ".join(places)
    sources = _distinct(a.attributed_to, b.attributed_to, same=_same_name)
    if sources and None in (a.attributed_to, b.attributed_to):
        sources.append(_UNATTRIBUTED)  # never lend one mention's source to the other
    if sources:
        text += ", per " + " vs ".join(sources)
    return text


def _same_name(a: str, b: str) -> bool:
    """One source named two ways: the same key in any case ("police", "Police"), or one name
    ending the other once titles are dropped ("Mr Ruiz", "Harbourmaster Ana Ruiz")."""
    x, y = _source_key(a) or a, _source_key(b) or b
    if x.casefold() == y.casefold():
        return True
    short, long = sorted((_person_name(a), _person_name(b)), key=len)
    return bool(short) and same_speaker(" ".join(short), " ".join(long))


def _person_name(name: str) -> list[str]:
    """The words of a name without titles and a leading capitalised title word ("Harbourmaster
    Ana Ruiz" -> Ana Ruiz), or ``[]`` when it does not look like a person's name (lower-case
    words, acronyms, organisation nouns: "Relief Mission" is no one's surname)."""
    words = canonical_name(name).split()
    if any(not w[:1].isupper() or w.isupper() or w.lower() in lexicon.ORG_NOUNS for w in words):
        return []
    return words[1:] if len(words) > 2 else words  # "Harbourmaster Ana Ruiz"


def _distinct(*names: str | None, same: Callable[[str, str], bool]) -> list[str]:
    """The names given, without blanks and without repeats by ``same`` (the shortest kept)."""
    kept: list[str] = []
    for name in names:
        if not name:
            continue
        twin = next((i for i, k in enumerate(kept) if same(k, name)), None)
        if twin is None:
            kept.append(name)
        elif len(name) < len(kept[twin]):
            kept[twin] = name
    return kept
