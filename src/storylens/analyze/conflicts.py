"""Numbers that disagree across articles, and the candidates that were not flagged, with why.

Two mentions are candidates when they come from different articles (not copies of one text)
and count the same thing: the same casualty event group ("wounded" = "injured" = "hurt") or,
for other counts, the same noun (else the same verb). A candidate is a conflict only when
nothing explains the difference and the ranges the wordings allow cannot overlap. Otherwise it
is kept as a non-conflict whose ``why.rule`` gives the first reason, in this order:

``different-thing``   counted nouns differ ("children" vs "soldiers"; a missing noun matches any),
                      both say what the things did in different verbs ("sent" vs "fought"),
                      or they are penalties of different people (``who``: "Feld" vs "Ruz")
``different-stance``  one figure is put forward as an offer, a demand, a forecast or a design
                      limit and the other is not, or as another of these ("offered 4 percent"
                      vs "wants 9 percent"): proposals, expectations and limits are not
                      counts of one quantity
``different-place``   both name a place, the places differ and no article links them
                      ("on Lake Ardin near Pellow": one scene, not two places)
``different-scope``   one is a national total ("across the country") or a part ("the first
                      500,000", "three of them"), the other is not
``different-period``  both give a period and they differ ("last 24 hours" vs "since June",
                      "this year" vs "in April", "on Tuesday" vs "on Wednesday"); one is an
                      increment ("21 more") and the other a total; or one is a running total
                      ("since Tuesday") and the other, from another day, gives no period; or
                      both are tolls that rise (killed, hurt, arrested ...) given at other
                      times of day ("on Tuesday evening" vs "at 3pm"); or one is told as it
                      stood ("have so far been moved", "to date") and the other as the whole
                      ("in all", "in total")
``different-source``  both name a source and the names differ (UN and UNAMA are compatible,
                      so are "Mr Ruiz" and "Harbourmaster Ana Ruiz"; "the health ministry" and
                      "Civic Watch" are not when an article of the story calls Civic Watch a
                      group: a named body is of the kind its name or the story gives it)
``varies-in-article`` one article itself gives this thing several values that cannot all
                      hold together, from compatible sources (yards gained on different
                      plays, candidates in the capital and in the country): the thing is not
                      one quantity. An official toll beside an independent one is not
                      variation: each value is compared on its own. Only for values that
                      differ (the same figure in two articles agrees, however many others
                      either gives). Listed once per thing, with ``why.features["pairs"]``
                      the pairs it stands for. Two tolls given for one time of day ("at its
                      evening briefing") are compared even so: a live page's earlier toll
                      does not make its evening one vary
``ranges-overlap``    the values can both be true ("around 80,000" and "thousands"); measures
                      in two units of one dimension are converted first ("18 kilometres" and
                      "11 miles" agree, with ``_UNIT_SLACK`` for rounding)
``also-given``        the article giving one figure also gives the other for the same thing
                      (an earlier toll it reports, another source's count): it reports
                      both, so the two articles do not dispute them

``why.features["reasons"]`` lists every reason that applies, for ``--explain``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from itertools import combinations
from typing import Any

from storylens import lexicon
from storylens.analyze._attribution import PERSON_CUES
from storylens.analyze._counted import STATE_PREFIX
from storylens.analyze._durations import TIME_SYMBOLS
from storylens.analyze._measures import Unit, to_unit, unit_named
from storylens.analyze._num_words import CLOCK_STAMP, DAYS, MONTHS, SITE_NOUNS
from storylens.analyze._quantity import MONEY
from storylens.analyze._quote_match import same_speaker
from storylens.analyze._source_kinds import SOURCE_NOUNS, _kind_of_org, known_tail
from storylens.analyze.numbers import event_group, subject_group
from storylens.analyze.speakers import canonical_name
from storylens.model import Article, Bound, Conflict, NumberMention, Span, Why, content_hash
from storylens.nlp import org_surfaces, organisation_kinds

__all__ = ["find_conflicts", "thing_of", "whose"]

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
_COUNT_WORDS = "|".join(sorted(_COUNTS, key=len, reverse=True))
_DURATION = re.compile(
    r"\b(?:last|past|previous|over|for|within)\s+(?:the\s+)?(?:(\w+)\s+)?"
    r"(hour|day|night|week|month|year)s?"
    r"|\bin\s+(?:the\s+|an?\s+(?=(?:hour|day|night|week|month|year)\b))?"
    rf"(?:(\d+|{_COUNT_WORDS})\s+)?(hour|day|night|week|month|year)s?\b"
)
_RATE = re.compile(
    r"^(?:a|an|per|each|every)\s+(hour|day|night|week|month|year)s?$"
    # "in each of the next two years" (user trial 122): so much a year
    r"|^(?:in\s+)?each\s+of\s+the\s+(?:\w+\s+){0,2}(hour|day|night|week|month|year)s$"
)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+(?:start|beginning|end)\s+of\s+)?(\w+)", re.I)
_BY_DAY = re.compile(
    rf"\bby\s+(?:(?:late|early)\s+)?(?:{'|'.join(sorted(DAYS))}|"
    r"this\s+(?:morning|afternoon|evening)|tonight|midday|noon|nightfall|dawn)\b",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_PERIOD_RATIO = 1.5  # "last 24 hours" and "past day" agree; "past three days" does not
_LINKS = r"\s*,?\s+(?:(?:near|in|on|at|outside|off|by|of)\s+)?(?:the\s+)?"  # "X near Y", "X, Y"
_SITE = r"(?:\s+(?!(?:and|or|nor|but)\b)[a-z]+){0,2}?"  # "the Corrow Deep colliery outside Skelda"
_TOWN = (
    r"(?:(?!(?:and|or|nor|but)\b)[a-z-]+\s+){0,2}?(?:of\s+)?"  # "near the northern town of Skelda"
)
_UNATTRIBUTED = "unattributed"
_OFFICE_TITLES = lexicon.OFFICIAL_TITLES | lexicon.MILITARY_TITLES
_APPOSITION_END = r"(?=\s*[,.;:)]|\s+(?:that|which|who|based|in|of|for|with|from|at|on)\b)"
_ORG_NOUN_WORDS = "|".join(re.escape(n) for n in sorted(lexicon.ORG_NOUNS, key=len, reverse=True))


def find_conflicts(
    numbers: Sequence[NumberMention],
    articles: Sequence[Article],
    origins: Mapping[str, str] | None = None,
) -> tuple[tuple[Conflict, ...], tuple[Conflict, ...]]:
    """Compare mentions of the same counted thing across articles.

    ``origins`` maps an article id to its same-origin group (wire copy and its reprints, from
    dedup): copies of one text are not compared with each other, and a verdict the copies
    repeat against another article is given once, holding every copy's mention.

    Returns ``(conflicts, non_conflicts)``: conflicts have ``kind="number"`` and rule
    ``ranges-disjoint``; non-conflicts have ``kind="not-conflict"`` and the reason as rule.
    """
    order = {a.id: i for i, a in enumerate(articles)}
    hashes = {a.id: a.content_hash for a in articles}
    copies = {a.id: (origins or {}).get(a.id, a.id) for a in articles}
    groups: dict[str, list[NumberMention]] = {}
    for mention in sorted(
        numbers, key=lambda m: (order.get(m.span.article, len(order)), m.span.article, m.span.start)
    ):
        key = _bucket(mention)
        if key is not None:
            groups.setdefault(key, []).append(mention)
    story = _Story(
        linked=_linked_places(numbers, articles),
        days={a.id: a.published[:10] for a in articles if a.published},
        hours=_hours(articles),
        kinds=_told_kinds(numbers, articles),
        posts=_posts(numbers, articles),
        verbs=_verbs_given(groups),
        figures=_figures(groups),
        scene=_scene(numbers, articles),
        named_by={m.where: sum(m.where in a.text for a in articles) for m in numbers if m.where},
    )
    found: list[Conflict] = []
    explained: list[Conflict] = []
    shadows: dict[Span, list[NumberMention]] = {}
    for key in sorted(groups):
        groups[key] = _without_copies(groups[key], copies, shadows)
    for key in sorted(groups):
        varying = _varying(groups[key], key, story)
        first_varying: Conflict | None = None
        count = 0
        for a, b in combinations(groups[key], 2):
            if _same_text(a, b, hashes) or _copied(a, b, copies) or _in_passing(a, b):
                continue
            verdict = _judge(a, b, key, varying, story)
            if verdict.rule == "varies-in-article":
                count += 1
                first_varying = first_varying or _conflict(a, b, verdict)
                continue
            target = found if verdict.rule == "ranges-disjoint" else explained
            target.append(_conflict(a, b, verdict))
        if first_varying is not None:
            explained.append(_standing_for(first_varying, count))
    found, explained = _with_copies(found, shadows), _with_copies(explained, shadows)
    return _once_per_origin(found, copies), _once_per_origin(explained, copies)


def _without_copies(
    mentions: Sequence[NumberMention],
    origin: Mapping[str, str],
    shadows: dict[Span, list[NumberMention]],
) -> list[NumberMention]:
    """The mentions less those a copy of another article's text repeats (the same figure in
    a wire story's reprint), which ``shadows`` lists under the figure they repeat: a copy's
    figure gets its original's verdicts, not verdicts of its own (user trial 139: the wire's
    38 was excused as another period and the reprint's flagged against the same 41). The
    original is the origin article's figure when the origin holds it, else the first."""
    firsts: dict[tuple[str, float, float], NumberMention] = {}
    ordered = sorted(mentions, key=lambda m: origin.get(m.span.article) != m.span.article)
    for mention in ordered:
        group = origin.get(mention.span.article, mention.span.article)
        first = firsts.setdefault((group, mention.low, mention.high), mention)
        if first is not mention and first.span.article != mention.span.article:
            shadows.setdefault(first.span, []).append(mention)
    repeated = {id(m) for copies in shadows.values() for m in copies}
    return [m for m in mentions if id(m) not in repeated]


def _with_copies(
    verdicts: Sequence[Conflict], shadows: Mapping[Span, Sequence[NumberMention]]
) -> list[Conflict]:
    """The verdicts with each figure's copies (see :func:`_without_copies`) after it."""
    return [
        replace(
            v, mentions=(*v.mentions, *(c for m in v.mentions for c in shadows.get(m.span, ())))
        )
        for v in verdicts
    ]


def _copied(a: NumberMention, b: NumberMention, origin: Mapping[str, str]) -> bool:
    """One figure in two copies of one text (a wire story and its reprint); a figure the
    reprint adds of its own is compared."""
    same_origin = origin.get(a.span.article, a.span.article) == origin.get(
        b.span.article, b.span.article
    )
    return same_origin and (a.low, a.high) == (b.low, b.high)


def _once_per_origin(
    verdicts: Sequence[Conflict], origin: Mapping[str, str]
) -> tuple[Conflict, ...]:
    """The verdicts with those that copies of one text repeat merged into the first: its
    mentions, then the copies' ("120,000 evacuated" in a wire story and in its reprint,
    against "85,000" in a third article, is one conflict)."""
    merged: dict[tuple[object, ...], Conflict] = {}
    for verdict in verdicts:
        key = (
            verdict.why.rule,
            frozenset(
                (origin.get(m.span.article, m.span.article), m.low, m.high)
                for m in verdict.mentions
            ),
        )
        first = merged.get(key)
        if first is None:
            merged[key] = verdict
            continue
        extra = tuple(m for m in verdict.mentions if m not in first.mentions)
        merged[key] = replace(first, mentions=(*first.mentions, *extra))
    return tuple(merged.values())


def _standing_for(example: Conflict, pairs: int) -> Conflict:
    """One ``varies-in-article`` verdict for a thing, standing for all ``pairs`` of it (a
    sports story compares hundreds of yardages; one line says why none is a conflict)."""
    features = {**example.why.features, "pairs": pairs}
    return replace(example, why=replace(example.why, features=features))


@dataclass(frozen=True, slots=True)
class _Story:
    """What the whole story tells about its mentions: places it names as one scene (see
    :func:`_linked_places`), each article's day of publication, and the kinds it gives named
    sources (see :func:`_told_kinds`)."""

    linked: frozenset[frozenset[str]] = frozenset()
    days: Mapping[str, str] = field(default_factory=dict)
    hours: Mapping[str, float] = field(default_factory=dict)  # publication, in hours
    kinds: Mapping[str, str] = field(default_factory=dict)
    posts: Mapping[str, str] = field(default_factory=dict)  # see _posts
    verbs: frozenset[tuple[str, str, str]] = frozenset()
    figures: Mapping[_Figure, Sequence[NumberMention]] = field(default_factory=dict)
    scene: str | None = None  # see _scene
    named_by: Mapping[str, int] = field(default_factory=dict)  # place -> articles naming it


_Figure = tuple[str, str, float, float, str | None]  # article, thing, low, high, unit


def _figure(mention: NumberMention, article: str, key: str) -> _Figure:
    unit = _unit(mention)
    return (article, key, mention.low, mention.high, unit.symbol if unit else None)


def _figures(groups: Mapping[str, Sequence[NumberMention]]) -> dict[_Figure, list[NumberMention]]:
    """The mentions of each figure an article gives for a thing (see :func:`_echoed`)."""
    found: dict[_Figure, list[NumberMention]] = {}
    for key, mentions in groups.items():
        for m in mentions:
            found.setdefault(_figure(m, m.span.article, key), []).append(m)
    return found


def _also_given(a: NumberMention, b: NumberMention, key: str, story: _Story) -> bool:
    """One article also gives the other's figure for the same thing: "the death toll had
    risen to seven ... fire officials had put the number of dead at three in the morning"
    against another outlet's "three killed, the fire service said". It reports both
    figures, so the two articles do not dispute them."""
    if a.span.article == b.span.article or (a.low, a.high) == (b.low, b.high):
        return False
    return _echoed(a, b.span.article, key, story) or _echoed(b, a.span.article, key, story)


def _echoed(mention: NumberMention, article: str, key: str, story: _Story) -> bool:
    """The article gives the mention's figure for the same thing: same range and unit, the
    same counted noun, verb and holder."""
    return any(
        _subject(other) == _subject(mention)
        and not _other_verbs(other, mention)
        and not _different_who(other, mention)
        for other in story.figures.get(_figure(mention, article, key), ())
    )


def _verbs_given(groups: Mapping[str, Sequence[NumberMention]]) -> frozenset[tuple[str, str, str]]:
    """(article, thing, verb) for every count an article gives with a verb (see
    :func:`_given_apart`)."""
    return frozenset(
        (m.span.article, key, verb)
        for key, mentions in groups.items()
        for m in mentions
        if (verb := _verbs(m, m)[0]) is not None
    )


def _given_apart(a: NumberMention, b: NumberMention, key: str, story: _Story) -> bool:
    """One count says what happened to the things ("treated 61 people") and the other says
    nothing ("some 900 residents were among those told to leave"), while the bare count's
    own article gives that verb's count apart ("treated 16 people"): the bare count is of
    something else."""
    x, y = _verbs(a, b)
    if (x is None) == (y is None):
        return False
    bare, verb = (a, y) if x is None else (b, x)
    return (bare.span.article, key, verb) in story.verbs


def _varying(mentions: Sequence[NumberMention], key: str, story: _Story) -> set[Span]:
    """Mentions whose own article gives the same thing another value that cannot also hold
    (a pair of one article that would be a conflict across two). Values from different
    sources ("nine, the health ministry said"; "at least 60, Civic Watch said") are two
    accounts of one quantity, not a quantity that varies; nor are two entries of a live page
    (see :func:`_other_entries`)."""
    found: set[Span] = set()
    for a, b in combinations(mentions, 2):
        if a.span.article != b.span.article or _in_passing(a, b) or _other_entries(a, b):
            continue
        if _timed_apart(a, b) or _placed_apart(a, b, story):
            continue
        if _judge(a, b, key, set(), story).rule == "ranges-disjoint":
            found |= {a.span, b.span}
    return found


def _timed_apart(a: NumberMention, b: NumberMention) -> bool:
    """Two values one article gives at two times it names ("a margin of six votes" on Friday,
    "ahead by 14 votes" on election night): the article tells them apart, so the thing does
    not vary (user trial 128: the margin was never compared with another outlet's)."""
    return bool(a.when and b.when and a.when.lower() != b.when.lower())


def _placed_apart(a: NumberMention, b: NumberMention, story: _Story) -> bool:
    """Two values one article gives, one put by its own sentence in a place that is not the
    story's scene and the other in none ("Turnout was 63.4 percent" and "official turnout in
    Orvath was 57.2 percent"): the article tells them apart, so the thing does not vary (the
    planted referendum story's national turnout went uncompared once "Turnout" and
    "turnout" were one thing). A figure put in the scene may be the other's."""
    if (a.where is None) == (b.where is None):
        return False
    placed = a if a.where else b
    return (
        placed.why.features.get("where_from") == "sentence"
        and story.scene is not None
        and _site(placed.where or "") != story.scene
    )


def _rounded(a: NumberMention, b: NumberMention) -> bool:
    """A whole share that may be the other's rounded ("9%" and "8.9 percent"): exact shares
    of one unit, one whole and one with decimals, less than half a point apart."""
    if not (a.why.features.get("unit") == b.why.features.get("unit") == "percent"):
        return False
    if a.bound is not Bound.EXACT or b.bound is not Bound.EXACT:
        return False
    whole, fine = sorted((a.value, b.value), key=lambda v: v != int(v))
    return whole == int(whole) and fine != int(fine) and abs(whole - fine) < 0.5


def _other_entries(a: NumberMention, b: NumberMention) -> bool:
    """Two entries of a live page, stamped apart ("10:42 ... 5 people died", "16:25 To recap:
    six people have died"): a count updated, not one that varies."""
    x, y = a.why.features.get("entry"), b.why.features.get("entry")
    return x is not None and y is not None and x != y


def _one_moment(a: NumberMention, b: NumberMention) -> bool:
    """Two tolls given for one time of day ("at its evening briefing"): whatever other counts
    an article gives (a live page's morning toll), these two are the same count at the same
    moment (user trial 85)."""
    x, y = _time_of_day(a.when), _time_of_day(b.when)
    return _rises(a) and _rises(b) and x is not None and y is not None and _near_in_day(x, y)


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
    if mention.why.rule in {
        "zone",
        "clock",
        "date",
        "position",
    }:  # "radius of the area evacuated": a size, no
        return None  # toll; "time of police arrive": a time, not the arrivals
    words = (mention.what or "").split()
    return next((g for w in words if (g := event_group(w))), None)


def _subject(mention: NumberMention) -> str | None:
    """The counted-noun group of a mention: from its features, else from ``what``."""
    subject = mention.why.features.get("subject")
    if isinstance(subject, str):
        return subject_group(subject) or subject  # a measure's noun: "the crop" is the harvest
    if "event" in mention.why.features:
        return None  # the parse found no noun
    words = [w for w in (mention.what or "").lower().split() if event_group(w) is None]
    return next((g for w in words if (g := subject_group(w))), words[-1] if words else None)
    # lower case: "Turnout" opening a sentence is the "final turnout" (user trial 167)


def thing_of(mention: NumberMention) -> str | None:
    """What a mention counts, as conflicts compare it: a casualty event ("killed", "wounded")
    or ``count:`` and the counted noun ("count:dose"); None when it counts nothing known."""
    return _bucket(mention)


def _bucket(mention: NumberMention) -> str | None:
    """Mentions are compared only within one bucket: a casualty event ("wounded"), else the
    counted noun, else any other event. "80 firefighters were sent" and "some 60
    firefighters were at the scene" count the same firefighters; see :func:`_in_passing`."""
    event = _event(mention)
    if event is not None and (event_group(event) == event or event in _SPELL_EVENTS):
        return event
    subject = _subject(mention)
    if subject in _SUM_VERBS and mention.why.features.get("unit") in MONEY:
        return f"money:{_SUM_VERBS[subject]}"  # "a net loss of EUR 412m" = "lost 412m euros"
    return f"count:{_COUNTED_AS_PEOPLE.get(subject, subject)}" if subject else event


_SUM_VERBS = {"loss": "lose", "cost": "cost", "fine": "fine", "payment": "pay", "ransom": "pay"}
_SUM_VERBS |= {"appeal": "ask", "pledge": "pledge"}  # "a $1.2bn appeal" asks for $1.2bn
_SUM_VERBS |= {"debt": "owe", "price": "price"}  # "debts of 42m crowns" = "owed 57m crowns"
_SUM_VERBS |= {"value": "price"}  # "put the value of the cargo at $18m" = "valued it at $31m"
"""Sums a noun names that a verb names too: "a loss of EUR 412m" is what "lost 412 million
euros" says."""


_COUNTED_AS_PEOPLE = {"crowd": "people", "traveller": "passenger", "traveler": "passenger"}
"""A crowd is a count of people ("4,000 people had gathered", "the crowd had swelled to
6,000", "38,000 spectators"); among casualties the crowd stays apart ("nine fans were hurt"
is no count of every person hurt). Travellers stranded are passengers stranded."""


# Verbs that say one thing of what they count: a loss ("cut 2,400 jobs", "cost 2,400 jobs",
# "1,800 jobs to go", "shed 6,500 jobs").
_CUT_VERBS = ("cut", "cost", "shed", "lose", "go", "axe", "ax", "eliminate", "slash", "scrap")
_SAME_VERBS = dict.fromkeys(
    [*_CUT_VERBS, "trim", "cancel"],  # "axed" has the lemma "ax"; "operations cancelled"
    "cut",
) | dict.fromkeys(["close", "shut"], "close")  # "closed 38 schools", "45 schools shut"
_SAME_VERBS |= dict.fromkeys(  # "2,000 buildings collapsed", "5,000 buildings were destroyed"
    ["destroy", "collapse", "flatten", "raze", "level", "demolish"], "destroy"
)
# "164 vessels were waiting", "200 ships stuck", "41 vessels stranded" (user trial 92)
_SAME_VERBS |= dict.fromkeys(["wait", "stick", "strand", "queue", "idle"], "wait")
# "4,000 people gathered", "15,000 joined", "the crowd" (a crowd is people gathered: see
# _verbs), "a crowd of 41,872 watched the final"
_GATHER = "gather rally join march assemble protest demonstrate mass crowd attend watch"
_SAME_VERBS |= dict.fromkeys(_GATHER.split(), "gather")
_CROWDS = frozenset(["crowd", "crowds"])
_ON_BOARD = "on board"  # the event of people a ship carries (see storylens.analyze._counted)
_TRAVELLERS = frozenset(["passenger", "crew"])


def _carried(mention: NumberMention) -> bool:
    """People a vessel carries: on board, or its passengers or crew ("left Ostwick with 158
    passengers", "was carrying 164 passengers"): wherever the journey is told from."""
    subject = mention.why.features.get("subject")
    return _event(mention) == _ON_BOARD or (
        _event(mention) in _ABOARD_EVENTS and subject in _TRAVELLERS
    )


_ABOARD_EVENTS = frozenset([None, _ON_BOARD, "list"])


def _listed_aboard(mention: NumberMention) -> str | None:
    """ "on board" for the travellers a list holds ("the company's manifest listed 212
    passengers": those on board, user trial 163), else None."""
    return _ON_BOARD if _event(mention) == "list" and _carried(mention) else None


def _verbs(a: NumberMention, b: NumberMention) -> tuple[str | None, str | None]:
    """The events of two mentions that are verbs of no casualty group ("send", "fight"), with
    verbs of one meaning as one ("cost" and "cut" jobs)."""
    x, y = (_sum_act(m) or _listed_aboard(m) or _event(m) or _crowd(m) for m in (a, b))
    return (
        _SAME_VERBS.get(x, x) if x is not None and event_group(x) != x and _says(x, a) else None,
        _SAME_VERBS.get(y, y) if y is not None and event_group(y) != y and _says(y, b) else None,
    )


def _stance(mention: NumberMention) -> object:
    """What the figure's holder wants or offers ("the union wants 7 percent"); an appeal for a
    sum ("a $1.2bn appeal") asks for it, as "asking donors for $1.24bn" does. A capacity is
    a limit by what it is: "the limit of the 23,000-seat ground" is no other stance than "a
    capacity of 21,500"."""
    if _subject(mention) == "capacity":
        return None
    return "demand" if _sum_act(mention) == "money:ask" else mention.why.features.get("stance")


def _sum_act(mention: NumberMention) -> str | None:
    """What a sum a noun names does, as a verb would say it: "launched a $1.2bn appeal" asks
    for the sum ("money:ask"), as "asking donors for $1.24bn" does; None for no such sum."""
    subject = _subject(mention)
    if subject in _SUM_VERBS and mention.why.features.get("unit") in MONEY:
        return f"money:{_SUM_VERBS[subject]}"
    return None


def _crowd(mention: NumberMention) -> str | None:
    """ "crowd" for the size of a crowd ("the crowd had swelled to more than 6,000"): the
    people gathered, not those held or hurt."""
    words = (mention.what or "").lower().split()
    return "crowd" if words and words[-1] in _CROWDS else None


_FOUND = frozenset(["recover", "find", "retrieve"])  # what is done to the dead, not a new event


def _says(verb: str, mention: NumberMention) -> bool:
    """The verb says something of what is counted: "12 bodies recovered" counts the bodies
    that "nine bodies" counts (and a count of bodies grows as the day goes on)."""
    return not (verb in _FOUND and _subject(mention) == "body")


def _other_verbs(a: NumberMention, b: NumberMention) -> bool:
    """Both say what the counted things did, in verbs of no casualty group that differ: "60
    firefighters fought the blaze" and "80 firefighters were sent" may count other crews."""
    x, y = _verbs(a, b)
    return x is not None and y is not None and x != y


_DISTANCE = "distance"  # the subject of a bare length ("two kilometres")


def _covered(mention: NumberMention) -> bool:
    """A length a verb says something covered ("the plume travelled 18 kilometres"), or one
    its clause is about ("140 millimetres of rain fell")."""
    why = mention.why
    return (
        _event(mention) is not None
        or why.rule == "length-verb"
        or why.features.get("role") == "subject"
    )


def _where_they_are(event: str) -> bool:
    """A state or place the counted things are in ("be underground", "on board"), not what
    they did."""
    return event.startswith(STATE_PREFIX) or event == _ON_BOARD


def _in_passing(a: NumberMention, b: NumberMention) -> bool:
    """One says what the counted things did and the other names them in passing, not as the
    subject of its clause ("80 firefighters were sent", "the 10 games"): not a candidate.
    A state is no such verb: "26 miners were underground" and "with 31 miners underground"
    tell of the same miners, "12 crew were aboard" and "a crew of nine" of the same crew.
    "Some 60 firefighters were at the scene" is about them, and may be the count the verb
    gives. A distance is compared only when both say what covered it ("the plume travelled
    18 kilometres"), not where something stands ("the school, two kilometres downstream")."""
    x, y = (None if v is not None and _where_they_are(v) else v for v in _verbs(a, b))
    if _subject(a) == _DISTANCE and not (_covered(a) and _covered(b)):
        return True  # "the school, two kilometres downstream" is where, not how far it went
    if (x is None) == (y is None):
        return False
    bare = a if x is None else b
    if _subject(bare) in _SUM_VERBS:  # "a net loss of EUR 412m" says what the sum is
        return False
    return _event(bare) is None and bare.why.features.get("role") not in {"subject", "object"}


def _judge(a: NumberMention, b: NumberMention, key: str, varying: set[Span], story: _Story) -> Why:
    """Every reason the pair is not a conflict; ``ranges-disjoint`` when there is none."""
    subjects = (_counted_as(a, key), _counted_as(b, key))
    ranges = _in_one_unit(a, b)
    overlap = ranges is not None and ranges[0] <= ranges[3] and ranges[2] <= ranges[1]
    checks = (
        ("different-thing", None not in subjects and subjects[0] != subjects[1]),
        ("different-thing", _other_verbs(a, b)),
        ("different-thing", _different_who(a, b)),
        ("different-thing", _given_apart(a, b, key, story)),
        ("different-thing", _different_units(a, b) or ranges is None),
        ("different-thing", _other_solutes(a.what, b.what)),
        (
            "ranges-overlap",
            a.low == b.low and a.high == b.high and _unit(a) == _unit(b),
        ),  # one figure: nothing disputed
        ("different-stance", _stance(a) != _stance(b)),
        (
            "different-place",
            not _whole_area(a)
            and not _whole_area(b)
            and not (_carried(a) and _carried(b))  # a ship's count goes where it goes
            and not a.why.rule == b.why.rule == "zone"  # a zone around the works spans the
            # district the sentence names (user trial 165)
            and _placed_in_sentence(a, b)
            and _different_place(a.where, b.where, story.linked),
        ),
        ("different-scope", _other_scope(a, b) or _area_and_place_in_it(a, b)),
        ("different-period", not _same_period(*_rate_periods(a, b))),
        ("different-period", _increment(a) != _increment(b)),
        ("different-period", _previous(a) != _previous(b)),
        ("different-period", _running_total_later(a, b, story.days)),
        ("different-period", _reported_days_apart(a, b, story.days)),
        ("different-period", _reported_hours_apart(a, b, story.hours)),
        ("different-period", _other_time_of_day(a.when, b.when)),
        ("different-period", _at_peak(a.when, b.when)),
        ("different-period", _final_and_timed(a, b) or _final_and_timed(b, a)),
        ("different-period", _other_days(a, b, story.days)),
        ("different-period", _past(a.when) != _past(b.when)),
        ("different-period", _so_far_and_in_all(a, b)),
        (
            "different-period",
            _earlier_year(a.when, story, b.when) != _earlier_year(b.when, story, a.when),
        ),
        (
            "different-source",
            not _same_source(a.attributed_to, b.attributed_to, story.kinds, story.posts),
        ),
        ("different-place", _off_scene(a, b, story)),  # after the reasons that are sure
        (
            "varies-in-article",
            not overlap and (a.span in varying or b.span in varying) and not _one_moment(a, b),
        ),
        ("ranges-overlap", overlap or _rounded(a, b)),
        ("also-given", _also_given(a, b, key, story)),
        ("different-place", _readings_apart(a, b)),  # after the agreeing figures' reasons
    )
    reasons = list(dict.fromkeys(name for name, hit in checks if hit))
    features = {"thing": key, "reasons": reasons, "a": _summary(a), "b": _summary(b)}
    return Why(rule=reasons[0] if reasons else "ranges-disjoint", features=features)


_STRIKE = "strike"  # the event of going on strike (see storylens.analyze._counted)
_SPELL_EVENTS = frozenset([_STRIKE, "escaped"])  # compared whatever the noun, as casualties


def _so_far_and_in_all(a: NumberMention, b: NumberMention) -> bool:
    """One count is told as it stood ("have so far been moved") and the other as the whole
    ("In all, 431 people left the ship"): the running count may have grown since."""
    told = {a.why.features.get("told_as"), b.why.features.get("told_as")}
    return told == {"so far", "in all"}


def _counted_as(mention: NumberMention, key: str) -> str | None:
    """The counted noun, as the thing counted says it: whoever a count of strikers says
    walked out are the strikers ("3,100 members walked out", "3,800 dock workers joined the
    strike"); patients are the people a count of the hospitalised counts (see
    :data:`_SAVED`)."""
    subject = _subject(mention)
    if key == _STRIKE and mention.why.features.get("role") == "subject":
        return "strikers"
    if key.startswith("count:"):
        subject = _COUNTED_AS_PEOPLE.get(subject or "", subject)
    if subject == "crowd" and not key.startswith("count:"):
        return "people"  # "Twenty-seven fans were injured": people hurt (user trial 121)
    return "people" if subject is not None and _SAVED.get(key) == subject else subject


_SAVED = {"hospitalised": "patient", "rescued": "survivor"}
"""The people a casualty event leaves as a noun of their own: the hospitalised are patients
("admitted 212 patients", "148 people were admitted"), the rescued survivors ("131 people
had been rescued", "more than 150 survivors had been pulled from the water")."""


_UNIT_SLACK = 0.05  # "35 km" against "22 miles": a converted figure was rounded
_DEGREE_SLACK = 0.1  # a converted temperature was rounded to a tenth of a degree


def _unit(mention: NumberMention) -> Unit | None:
    symbol = mention.why.features.get("measure")
    if not isinstance(symbol, str):
        return None
    return unit_named(symbol) or TIME_SYMBOLS.get(symbol)


_CONCENTRATION = " concentration"  # the what of a concentration of a named solute


def _other_solutes(a: str | None, b: str | None) -> bool:
    """Concentrations of two named solutes: "copper concentration", "nitrate concentration"."""
    if not a or not b or not a.endswith(_CONCENTRATION) or not b.endswith(_CONCENTRATION):
        return False
    return a != b


def _readings_apart(a: NumberMention, b: NumberMention) -> bool:
    """Two temperatures, one placed and the other not: a reading holds for one place (it was
    44.6C in one town and 43C in another), so an unplaced one is no match for a placed one."""
    if _subject(a) != "temperature" or _subject(b) != "temperature":
        return False
    return (a.where is None) != (b.where is None)


def _in_one_unit(a: NumberMention, b: NumberMention) -> tuple[float, float, float, float] | None:
    """(low, high) of both mentions in ``a``'s unit of measure, or None when their units
    measure different dimensions (a length against an area). Figures given in two units
    ("35 km", "22 miles") are converted and widened by ``_UNIT_SLACK``: one was rounded (not
    when either is approximate: "about 110 km/h" already spans the rounding; a bound, "up to
    230 km/h" against "145 mph", was rounded like an exact figure)."""
    x, y = _unit(a), _unit(b)
    if x is None or y is None or x.symbol == y.symbol:
        return a.low, a.high, b.low, b.high
    if x.dimension != y.dimension:
        return None
    low, high = to_unit(b.low, y, x), to_unit(b.high, y, x)
    if x.dimension == "temperature":  # "112.3°F" is 44.6°C to a tenth of a degree
        return a.low, a.high, low - _DEGREE_SLACK, high + _DEGREE_SLACK
    if Bound.AROUND in (a.bound, b.bound) or Bound.VAGUE in (a.bound, b.bound):
        return a.low, a.high, low, high  # "about 110 km/h": its range already rounds
    return a.low, a.high, low * (1 - _UNIT_SLACK), high * (1 + _UNIT_SLACK)


def _different_units(a: NumberMention, b: NumberMention) -> bool:
    """Sums in two currencies ("$4m" and "€4m"), a sum against a plain count, or a share
    against a count ("90 percent of services" and "nine out of ten services")."""
    x, y = a.why.features.get("unit"), b.why.features.get("unit")
    return x != y and (x in MONEY or y in MONEY or "percent" in (x, y))


def _different_who(a: NumberMention, b: NumberMention) -> bool:
    """Penalties of two people ("Feld was sentenced to nine years", "Ruz to four years"), the
    vote shares of two parties; one named in full and in short ("Civic Renewal", "Renewal";
    "Dunmore Memorial Hospital", "Dunmore Memorial") is one."""
    x, y = a.why.features.get("who"), b.why.features.get("who")
    if not isinstance(x, str) or not isinstance(y, str):
        return False
    short, long = sorted((x, y), key=len)
    return short != long and not (long.endswith(f" {short}") or long.startswith(f"{short} "))


def _previous(mention: NumberMention) -> bool:
    """ "up from 40": the level a figure moved from, an earlier value than the figure now."""
    return bool(mention.why.features.get("previous"))


def _increment(mention: NumberMention) -> bool:
    """ "21 more", "another 21": a count added to an earlier one, not a total."""
    return bool(mention.why.features.get("increment"))


def _running_total_later(a: NumberMention, b: NumberMention, days: Mapping[str, str]) -> bool:
    """One is a running total ("160 since Tuesday"), the other gives no period, and the two
    were not both published on one day: the total may have grown in between. Not when both
    name one moment ("by Monday evening", and "evening" in an article of that Monday)."""
    kinds = [(p[0] if (p := _period(m.when)) else None) for m in (a, b)]
    if "since" not in kinds or None not in kinds:
        return False
    moments = [_moment(m.when, _weekday(days.get(m.span.article))) for m in (a, b)]
    if moments[0] is not None and moments[0] == moments[1]:
        return False
    day_a, day_b = days.get(a.span.article), days.get(b.span.article)
    if not day_a or day_a != day_b:
        return True
    total, now = (a, b) if kinds[0] == "since" else (b, a)
    return _by_an_earlier_day(total.when, _weekday(days.get(now.span.article)))


def _by_an_earlier_day(when: str | None, today: str | None) -> bool:
    """ "By Sunday night" in a story of a Tuesday: a total that stood days before the count
    an article gives as of its own day."""
    found = _BY_DAY.search(when or "")
    named = [w for w in re.findall(r"[a-z]+", found.group(0).lower()) if w in DAYS] if found else []
    return bool(named and today and named[0] != today)


_HOURS_APART = 6.0  # a rising toll reported this much later may have risen


def _hours(articles: Sequence[Article]) -> dict[str, float]:
    """Each article's publication time in hours, when it gives a time of day."""
    found: dict[str, float] = {}
    for article in articles:
        if article.published and "T" in article.published:
            try:
                moment = datetime.fromisoformat(article.published.replace("Z", "+00:00"))
            except ValueError:
                continue
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            found[article.id] = moment.timestamp() / 3600
    return found


def _reported_hours_apart(a: NumberMention, b: NumberMention, hours: Mapping[str, float]) -> bool:
    """Two tolls that rise, at most one giving a time of day, from articles published hours
    apart (a wire story at 06:45, a broadcaster's "on Tuesday evening" at 19:20), the later
    one the higher: each is its article's latest count, and the toll grew (a later count that
    is lower is no growth, but for the missing or the trapped, who fall as people are
    found)."""
    if not (_rises(a) and _rises(b)):
        return False
    timed = [_time_of_day(a.when) is not None, _time_of_day(b.when) is not None]
    if all(timed):
        return False  # both say when in the day: _other_time_of_day judges them
    if any((p := _period(w)) is not None and p[0] != "day" for w in (a.when, b.when)):
        return False  # a running total "since May 1" is compared as the rules above say
    x, y = hours.get(a.span.article), hours.get(b.span.article)
    if x is None or y is None or abs(x - y) < _HOURS_APART:
        return False
    if int(x // 24) != int(y // 24) and _said_the_same_day(a, b):
        return False  # a day later, what was said that day: the count as it stood then
    if any(timed) and int(x // 24) != int(y // 24):
        return False  # "gave way on Tuesday evening", said on Wednesday: the days' rules judge
    early, late = (a, b) if x < y else (b, a)
    return late.high > early.low or _event(late) in _FALLS


_FALLS = frozenset(["missing", "trapped"])  # counts that fall as people are found


def _reported_days_apart(a: NumberMention, b: NumberMention, days: Mapping[str, str]) -> bool:
    """A casualty count that does not say when it stood is the count of its article's day:
    two such counts from articles published on different days, or one against a count another
    article dates to another weekday ("29 on Wednesday" against a Tuesday article's 23), are
    counts of different days (a toll rises); so is a higher toll of the same time reported a
    day later. A prison term or a sum does not change by the day, so it is not read this
    way."""
    if not _rises(a) or not _rises(b):
        return False
    day_a, day_b = days.get(a.span.article), days.get(b.span.article)
    if not a.when and not b.when:
        return bool(day_a and day_b and day_a != day_b)
    if a.when and b.when:  # "five died this morning" on Tuesday, "seven died on Tuesday
        if not day_a or not day_b or day_a == day_b:  # morning" in Wednesday's paper: the
            return False  # day's toll, reported again when more were found
        if any((p := _period(w)) is not None and p[0] == "since" for w in (a.when, b.when)):
            return False  # running totals are compared as the rules above say
        early, late = (a, b) if day_a < day_b else (b, a)
        if _said_the_same_day(a, b):
            return False
        return late.high > early.low and _same_period(a.when, b.when)
    dated, undated_day = (a, day_b) if a.when else (b, day_a)
    period = _period(dated.when)
    if period is None or period[0] != "day" or not undated_day:
        return False
    try:
        weekday = date.fromisoformat(undated_day).strftime("%A").lower()
    except ValueError:
        return False
    return bool(period[1] != weekday)


def _said_the_same_day(a: NumberMention, b: NumberMention) -> bool:
    """Both were given on one day, as both say ("the authority said on Monday that nine had
    been admitted", a day later: "On Monday, the authority said at least 13"): the count as it
    stood then, whenever the article was published."""
    return (
        all(m.why.features.get("when_said") for m in (a, b))
        and _period(a.when) is not None
        and _same_period(a.when, b.when)
    )


def _rises(mention: NumberMention) -> bool:
    """A count that grows as news comes in: the killed, hurt, missing, arrested... but not
    those killed "at the scene": that count was final when it happened (user trial 83)."""
    if mention.why.features.get("at_once"):
        return False
    event = _event(mention)
    return (event is not None and event_group(event) == event) or _subject(mention) == "body"


_FEATURES = SITE_NOUNS | frozenset(
    [
        *("ridge", "hill", "hills", "mountain", "mountains", "valley", "river", "lake"),
        *("forest", "wood", "woods", "coast", "bay", "strait", "sea", "pass", "square"),
        *("street", "road", "avenue", "lane", "park", "quay", "harbour", "port", "beach"),
    ]
)


def _scene(numbers: Sequence[NumberMention], articles: Sequence[Article]) -> str | None:
    """The place the story happens in (lower case, as :func:`_site` names it): of the places
    figures are put in, the one the most articles name, then the one named most often; None
    when two tie or no place is named by every article."""
    places = {_site(m.where): m.where for m in numbers if m.where}
    ranked = sorted(
        (
            (
                sum(name in a.text for a in articles),
                sum(a.text.count(name) for a in articles),
                site,
            )
            for site, name in places.items()
        ),
        reverse=True,
    )
    if not ranked or (len(ranked) > 1 and ranked[1][:2] == ranked[0][:2]):
        return None
    return ranked[0][2] if ranked[0][0] == len(articles) else None  # every outlet names it


def _off_scene(a: NumberMention, b: NumberMention, story: _Story) -> bool:
    """One figure has no place and the other's own sentence puts it in a place that is not
    the story's scene ("In the neighbouring district of Oskvale, 23 schools closed" against
    "112 of the city's 186 state schools are closed" in a story set in Dornholm: user trial
    164): the placeless one is the scene's."""
    if story.scene is None or (a.where is None) == (b.where is None):
        return False
    placed = a if a.where else b
    if placed.why.features.get("where_from") != "sentence" or not placed.where:
        return False
    if story.named_by.get(placed.where, 0) > 1:
        return False  # a place two outlets name may be where the other figure is too
    if placed.where.split()[-1].lower() in _FEATURES:
        return False  # "along the Harrow Ridge": a feature of the scene, maybe in it
    return _different_place(placed.where, story.scene, story.linked)


def _different_place(a: str | None, b: str | None, linked: frozenset[frozenset[str]]) -> bool:
    """Both places named, neither name holds the other ("Lashkar Gah" vs "Kandahar") and no
    article links the two (see :func:`_linked_places`)."""
    if not a or not b:
        return False
    x, y = a.lower(), b.lower()
    if frozenset((x, y)) in linked:
        return False
    x, y = _site(a), _site(b)
    return x not in y and y not in x


def _site(place: str) -> str:
    """A place's name (lower case) without the site it is put in front of: "Marrisford weir"
    -> "marrisford", so "Corrow Deep colliery" and "Corrow Deep mine" are one site, and the
    weir is at Marrisford; "Vennholm Airport" is a name of its own."""
    name, _, last = place.rpartition(" ")
    return name.lower() if name and last in SITE_NOUNS else place.lower()


def _linked_places(
    numbers: Sequence[NumberMention], articles: Sequence[Article]
) -> frozenset[frozenset[str]]:
    """Pairs of places (lower case) that an article names as one scene: one right next to the
    other, joined by a comma or "near/in/on/at/outside/off/by/of" ("on Lake Ardin near
    Pellow", "Pellow, Ardin"). Mentions placed in each are then not in different places."""
    places = sorted({m.where for m in numbers if m.where}, key=str.lower)
    linked: set[frozenset[str]] = set()
    for x, y in combinations(places, 2):
        one, other = re.escape(_site(x)), re.escape(_site(y))
        pattern = re.compile(
            rf"\b(?:{one}{_SITE}{_LINKS}{_TOWN}{other}|{other}{_SITE}{_LINKS}{_TOWN}{one})\b",
            re.IGNORECASE,
        )
        if any(
            not _listed(article.text, found)
            for article in articles
            for found in pattern.finditer(article.text)
        ):
            linked.add(frozenset((x.lower(), y.lower())))
    return frozenset(linked)


def _listed(text: str, found: re.Match[str]) -> bool:
    """Two places side by side in a list ("in Dravenia, Korstland, Eskara and Veltmark"):
    places named together, not one inside the other (raids in four countries, user trial 102)."""
    if "," not in found.group(0):
        return False
    before, after = text[max(0, found.start() - 40) : found.start()], text[found.end() :]
    named = [m.group(1) for m in (_LIST_BEFORE.search(before), _LIST_AFTER.match(after)) if m]
    return any(w.lower() not in MONTHS and w.lower() not in DAYS for w in named)  # not the
    # date of a dateline ("TESSENDAL, Brennvald, Feb 12")


_LIST_BEFORE = re.compile(r"([A-Z][\w'’-]*),\s*$")
_LIST_AFTER = re.compile(r"\s*(?:,\s*|\s+(?:and|or)\s+)([A-Z][\w'’-]*)")


_YEARS_SPAN = re.compile(
    r"\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|until)\s+((?:19|20)\d\d)\b"
)


def _period(when: str | None) -> tuple[str, Any] | None:
    """``("rate", "year")`` for "a year", ``("hours", 72.0)`` for "over the past three days"
    or "over five years" (and "between 2017 and 2023": six years), ``("since", "june")``, a
    calendar period (``("day", "monday")``, ``("month", "april")``, ``("year", "this")`` for
    "this year", ``("year", "2030")``), or None."""
    if not when:
        return None
    if match := _RATE.search(when.lower()):
        return "rate", match.group(1) or match.group(2)
    if match := _DURATION.search(when.lower()):  # "over the past three days", "in a day"
        count = match.group(1) or match.group(3) or "1"
        number = float(count) if count.isdigit() else _COUNTS.get(count)
        if number is not None:
            return "hours", number * _HOURS[match.group(2) or match.group(4)]
    if match := _YEARS_SPAN.search(when):  # "between 2017 and 2023": a stretch of six years
        first, last = int(match.group(1)), int(match.group(2))
        if last > first:
            return "hours", (last - first) * _HOURS["year"]
    if match := _SINCE.search(when):
        return "since", _since_start(when[match.start() :].lower(), match.group(1).lower())
    if _BY_DAY.search(when):  # "by Wednesday evening": a total up to then
        return "since", "?"
    return _calendar(when.lower())


def _since_start(phrase: str, word: str) -> str:
    """When a running total starts: the first day, month or year the phrase names ("since the
    unrest began on May 3": may), else the word after "since" ("since Tuesday")."""
    words = (w.rstrip(".") for w in re.findall(r"[\w.]+", phrase))
    return next((w for w in words if w in DAYS or w in MONTHS or _YEAR.fullmatch(w)), word)


def _calendar(when: str) -> tuple[str, str] | None:
    """The day, month or year a time phrase names ("on Wednesday night", "in April", "this
    year", "by 2030"); None for a full date ("March 12"), which may be any of these."""
    words = re.findall(r"[\w.]+", when)
    if match := re.search(r"\b(?:this|current)\s+(week|month|year)\b", when):
        return match.group(1), "this"
    if day := next((w for w in words if w in DAYS), None):
        return "day", day
    if any(w.isdigit() and len(w) <= 2 for w in words):
        return None  # "March 12", "12 April": a date
    if month := next((w.rstrip(".") for w in words if w.rstrip(".") in MONTHS), None):
        return "month", month
    if year := next((w for w in words if _YEAR.fullmatch(w)), None):
        return "year", year
    return None


_CLOCK = re.compile(r"\b(\d{1,2})(?::\d\d)?\s*([ap])\.?m\b")
_CLOCK_24 = re.compile(rf"\b(?={CLOCK_STAMP}\b)(\d+)")  # the hour of "18:30"
_DAY_PARTS: dict[str, float] = {"morning": 0.0, "noon": 1.0, "midday": 1.0, "afternoon": 1.0}
_DAY_PARTS |= {"evening": 2.0, "night": 2.5, "midnight": 3.0, "overnight": 3.0}
# the small hours come after "on Tuesday evening"; "night" is either ("on Saturday night" is
# the evening, "during the night" the small hours): it meets both (see _near_in_day)


def _time_of_day(when: str | None) -> float | None:
    """0 for a morning, 1 for midday and afternoon, 2 for an evening, 2.5 for a night, 3 for
    midnight and the small hours ("at a briefing at 3pm": 1; "at about 3 a.m.": 3), else
    None."""
    if not when:
        return None
    if (hour := _clock_hour(when)) is not None:  # "at 3pm", a live page's stamp "18:30"
        return _hour_part(int(hour))
    if match := _TRADING.search(when):  # "in early trading", "at the close"
        return _TRADING_PARTS[(match.group(1) or match.group(2)).lower()]
    if match := _EARLY_ON_DAY.search(when):  # "early Monday": the morning; "late Monday"
        return 0.0 if match.group(1).lower() == "early" else 2.0  # the evening
    return next(
        (
            part
            for w in re.findall(r"[a-z]+", when.lower())
            if (part := _DAY_PARTS.get(w)) is not None
        ),
        None,
    )


_EARLY_ON_DAY = re.compile(
    r"\b(early|late)\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
_TRADING = re.compile(
    r"\b(?:in\s+(early|morning|afternoon|late)\s+trad(?:ing|e)|at the (close))\b", re.I
)
_TRADING_PARTS = {"early": 0.0, "morning": 0.0, "afternoon": 1.0, "late": 1.0, "close": 1.0}
"""A market's session: a move "in early trading" is the morning's, the close the afternoon's."""


def _hour_part(hour: int) -> float:
    """The part of the day of an hour (0-23): the small hours are the night."""
    return 3 if hour < 5 else 0 if hour < 12 else 1 if hour < 17 else 2


_PAST = re.compile(
    r"\b(?:last|previous)\s+(?:year|month|week|season|decade|quarter)\b"
    r"|\b(?:years?|months?|weeks?|decades?|quarters?)\s+(?:ago|earlier|before)\b",
    re.I,
)


def _past(when: str | None) -> bool:
    """A figure dated to a period before the news ("last year", "two years ago"): a
    statistic of the past, not this event's count.

    >>> _past("last year"), _past("on Tuesday"), _past(None)
    (True, False, False)
    """
    return bool(when and _PAST.search(when))


_IN_YEAR = re.compile(r"(?:\b(?:in|during|throughout)\s+|^)((?:19|20)\d\d)\b", re.I)
_IN_MONTH_OF_YEAR = re.compile(
    r"\b(?:in|during|throughout)\s+(?:the\s+)?(?:early|late|mid|spring|summer|autumn|fall"
    r"|winter|january|february|march|april|may|june|july|august|september|october|november"
    r"|december)-?\s+(?:of\s+)?((?:19|20)\d\d)\b",
    re.I,
)
"""A part of a year a period is in: "in November 2024", "during the autumn of 2019"."""


def _earlier_year(when: str | None, story: _Story, other: str | None) -> bool:
    """A figure dated to a year before the story's news ("at its peak in 2008" in a story
    published in 2026): a statistic of the past. The story's year is its latest publication
    date; without one, no year is known to be earlier. A month of a year ("in November 2024")
    counts against a figure ``other`` dates too (user trial 164: "During that strike, in
    November 2024, 64 schools closed" and 112 "today"); an undated figure may be that
    month's ("about 2,100 houses destroyed in September 2022" and "2,140 homes")."""
    found = _IN_YEAR.search(when or "")
    if found is None and other:
        found = _IN_MONTH_OF_YEAR.search(when or "")
    if found is None or not story.days:
        return False
    return int(found.group(1)) < max(int(day[:4]) for day in story.days.values())


def _other_time_of_day(a: str | None, b: str | None) -> bool:
    """Two tolls given at different times of day ("on Tuesday evening" and "at 3pm"): a
    rising count reported twice, not one count in dispute."""
    hours = _clock(a), _clock(b)
    if hours[0] is not None and hours[1] is not None:
        return abs(hours[0] - hours[1]) >= 1.0  # "at 9 a.m." and a "11:02" entry: two moments
    x, y = _time_of_day(a), _time_of_day(b)
    if x is not None and y is not None:
        return not _near_in_day(x, y)
    ends = _end_of_event(a), _end_of_event(b)
    return None not in ends and ends[0] != ends[1]


def _end_of_event(when: str | None) -> str | None:
    """ "start" or "finish" for the end of an event a time names ("at the 8.30am start", "by
    the time the leaders finished": a race's start and finish are two moments; user trial
    136), else None."""
    if not when:
        return None
    if _AT_START.search(when):
        return "start"
    return "finish" if _AT_FINISH.search(when) else None


_AT_START = re.compile(r"\b(?:start|outset)\b", re.I)
_AT_FINISH = re.compile(r"\b(?:finish|finished|end|ended)\b", re.I)


_NOT_A_MOMENT = re.compile(r"\s*(?:after|before|since|from|between)\b", re.I)


def _clock(when: str | None) -> float | None:
    """The hour of the day a clock time names ("at 9 a.m.": 9.0, "11:02": 11.0), or None for
    none, or for a time something came before or after ("after 6am on Sunday")."""
    if not when or _NOT_A_MOMENT.match(when):
        return None
    return _clock_hour(when)


def _clock_hour(when: str) -> float | None:
    """The hour a clock time in ``when`` names ("about 3 a.m.": 3.0, "18:30": 18.0), or None."""
    if match := _CLOCK.search(when.lower()):
        return int(match.group(1)) % 12 + (12.0 if match.group(2) == "p" else 0.0)
    if match := _CLOCK_24.search(when):
        return float(int(match.group(1)))
    return None


def _near_in_day(x: float, y: float) -> bool:
    """One part of the day, or a night and the evening or small hours it may mean."""
    return abs(x - y) <= 0.5


_YEAR_TO = re.compile(
    r"\b(?:in\s+)?(?:the\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:to|through)\s+(?=\w)", re.I
)


def _rate_periods(a: NumberMention, b: NumberMention) -> tuple[str | None, str | None]:
    """The periods of two mentions, an annual rate's "in the year to January" read as
    January when both are levels of a rate: it is January's figure ("inflation was 6.8
    percent in January")."""
    if not (_event(a) == _event(b) == "level"):
        return a.when, b.when
    return _month_of(a.when), _month_of(b.when)


def _month_of(when: str | None) -> str | None:
    """ "in the year to January" as "in January"; any other period as it is."""
    return "in " + _YEAR_TO.sub("", when) if when and _YEAR_TO.search(when) else when


def _moment(when: str | None, today: str | None = None) -> tuple[str, float] | None:
    """The weekday and part of the day a time names ("by Monday morning": ("monday", 0)),
    ``today`` standing for a missing weekday, or None when it does not name both."""
    words = re.findall(r"[a-z]+", (when or "").lower())
    day = next((w for w in words if w in DAYS), today)
    part = _time_of_day(when)
    return (day, part) if day is not None and part is not None else None


def _other_days(a: NumberMention, b: NumberMention, days: Mapping[str, str]) -> bool:
    """Two figures of named days that differ, "this morning" or "today" being the day its
    article was published ("dropped to about 6 km this morning, down from 8 km on Monday
    morning" on a Tuesday)."""
    x, y = _day_named(a, days), _day_named(b, days)
    return x is not None and y is not None and x != y


def _day_named(mention: NumberMention, days: Mapping[str, str]) -> str | None:
    words = re.findall(r"[a-z]+", (mention.when or "").lower())
    named = next((w for w in words if w in DAYS), None)
    if named is None and _TODAY.intersection(words) and len(words) <= 3:
        return _weekday(days.get(mention.span.article))  # "this morning", "today"
    return named


_TODAY = frozenset(["this", "today", "tonight"])


def _weekday(day: str | None) -> str | None:
    """The weekday of an ISO date ("2030-05-06" -> "monday"), or None."""
    try:
        return date.fromisoformat(day).strftime("%A").lower() if day else None
    except ValueError:
        return None


_FINAL = re.compile(r"\bfinal\b", re.I)


def _final_and_timed(a: NumberMention, b: NumberMention) -> bool:
    """``a`` is told as final ("final turnout was 61.4 percent") and ``b`` as it stood at a
    time of day ("turnout at 6pm was 48%"): the count went on after ``b``."""
    return bool(
        _FINAL.search(a.what or "")
        and not _FINAL.search(b.what or "")
        and b.when
        and _clock_hour(b.when) is not None
    )


_PEAK = re.compile(r"\b(?:height|peak)\b", re.I)


def _at_peak(a: str | None, b: str | None) -> bool:
    """One figure is dated to the height of the event and the other to another named time
    ("at the height of the leak" against "on Tuesday evening": user trial 165)."""
    return bool(a and b) and bool(_PEAK.search(a or "")) != bool(_PEAK.search(b or ""))


def _same_period(a: str | None, b: str | None) -> bool:
    """Compatible periods: one unknown, the same start, the same calendar day, month or year,
    or stretches within a factor of 1.5 (a day is 24 hours: "in the last 24 hours" is
    Tuesday's count, "over the two days" is not)."""
    x, y = _period(a), _period(b)
    if x is None or y is None:
        return True
    if {x[0], y[0]} == {"day", "hours"}:  # "on Tuesday" against "over the two days"
        hours = float(x[1] if x[0] == "hours" else y[1])
        return max(hours, 24.0) <= min(hours, 24.0) * _PERIOD_RATIO
    if (moment := _moment(a)) is not None and moment == _moment(b):
        return True  # "by Monday morning" and "on Monday morning": one moment
    if x[0] != y[0]:
        return False
    if x[0] != "hours":
        return bool(x[1] == y[1])
    short, long = sorted((float(x[1]), float(y[1])))
    return long <= short * _PERIOD_RATIO


_PARTIES = frozenset(["organiser", "organisers", "organizer", "organizers"])  # of an event,
# never the police or a ministry counting it
_OF_NAME = re.compile(rf"\b((?i:{_ORG_NOUN_WORDS}))\s+of\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")


def _source_key(name: str) -> str | None:
    """An acronym-like key: "UN Assistance Mission for Afghanistan" and "Unama" give UNAMA.

    A source without a proper name is keyed by the institution it names, in lower case ("the
    town hospital", "a spokesman for the defence ministry" give "town hospital" and "defence
    ministry"). None for a source that names no institution ("officials", "the mission",
    "witnesses"): it may be anyone.
    """
    if name.lower().removeprefix("the ").strip() in _PARTIES:
        return "organisers"  # "organisers" against "Police": two sides of one count
    name = _OF_NAME.sub(r"\2 \1", name)  # "Ministry of Health" is the "Health Ministry"
    words: list[str] = [
        re.sub(r"['’]s$", "", w)  # "the health ministry's bulletin"
        for w in re.findall(r"[\w'’-]+", name)
        if w.lower() != "the" and w.lower() not in DAYS and w.lower() not in MONTHS
    ]  # "the health ministry's Wednesday bulletin": a day is no name
    caps = [w for w in words if w[:1].isupper()]
    first = words[0].lower() if words else ""
    if caps == words[:1] and (first in lexicon.ORG_NOUNS or _plural_org(first) or _lay(first)):
        caps = []  # "Police", "Insurers" or "Survivors" opening a sentence is no name
    if not caps:
        return _institution([w.lower() for w in words])
    if len(caps) == 1:
        return caps[0].upper()
    return "".join(w if w.isupper() else w[0] for w in caps).upper()


_PHRASE_BREAKS = frozenset({"a", "an", "for", "of", "at", "from", "by", "with", "and", "in"})


def _plural_org(word: str) -> bool:
    """A plural of an organisation noun: "insurers", "companies" ("insurer", "company")."""
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return word != singular and singular in lexicon.ORG_NOUNS


def _institution(words: Sequence[str]) -> str | None:
    """The noun phrase ending in the last organisation noun ("regional emergency office")."""
    lowered = [w.lower() for w in words]
    ends = [
        i
        for i, w in enumerate(lowered)
        if w in lexicon.ORG_NOUNS
        or _plural_org(w)  # "insurers" (user trial 160)
        or " ".join(lowered[i - 1 : i + 1]) in lexicon.ORG_NOUNS
    ]  # "the coast guard"
    if not ends:
        return None
    end = ends[-1]
    start = end
    while start > 0 and lowered[start - 1] not in _PHRASE_BREAKS:
        start -= 1
    return " ".join(lowered[start : end + 1])


def _same_source(
    a: str | None,
    b: str | None,
    kinds: Mapping[str, str] | None = None,
    posts: Mapping[str, str] | None = None,
) -> bool:
    """Compatible sources: one unknown, one person named two ways ("Mr Ruiz", "Harbourmaster
    Ana Ruiz"), one acronym key starting or ending the other (UN and UNAMA), one institution
    ending the other ("ministry" and "defence ministry", not "police" and "police union"), or
    an institution and a name that holds its noun ("the ministry", "Ministry of Defence") or
    is of its kind as far as the name, or else the story (``kinds``, see :func:`_told_kinds`),
    tells ("the company", "Corvan Pharma"; not "the town hospital", "Unicef"; not "the health
    ministry" and a Civic Watch the story calls "an opposition monitoring group"; not "the
    county fire service" and "Fennholt Police", whose name ends in another organisation
    noun); a person the story gives a post at an institution (``posts``, see :func:`_posts`)
    and that institution."""
    if a and b and (_same_name(a, b) or _brand_of(a, b) or _brand_of(b, a)):
        return True
    if a and b and posts and (_works_at(posts.get(a), b) or _works_at(posts.get(b), a)):
        return True
    if a and b and (_speaks_for(a, b) or _speaks_for(b, a)):
        return True
    if a and b and (_officer_of(a, b) or _officer_of(b, a)):
        return True
    x = _source_key(a) if a else None
    y = _source_key(b) if b else None
    if a and b and _poll(a) != _poll(b):
        return False  # an exit poll against the count
    if _lay(a) and _lay(b):
        return True  # "residents" and "witnesses": people who speak for no one (user trial 154)
    if (x is None and y is not None and _lay(a)) or (y is None and x is not None and _lay(b)):
        return False  # "survivors" told it, not the coast guard
    if x is None or y is None:
        return True
    if x.isupper() != y.isupper():  # an unnamed institution may be a named body of its kind
        head, named = (x.split()[-1], b or "") if x.islower() else (y.split()[-1], a or "")
        named = _WHERE_AFTER.sub("", named)  # "St Aurel District Hospital in Teslin"
        words = named.lower().split()
        if head in words or (kinds or {}).get(named) == head == _ORGANISERS:
            return True  # "organisers" and "the Association, which organises the race"
        if _PERSON_TITLE.match(named):  # "the federation" is no "Ms Sorrenberg"
            return False
        if words and words[-1] in lexicon.ORG_NOUNS:  # "the fire service", "Fennholt Police"
            plain = (x if x.islower() else y).split()  # but "the city's water utility" is the
            kind = lexicon.ORG_NOUNS.get(head)  # "Lorne Water Company": a word and a kind shared
            return kind == lexicon.ORG_NOUNS[words[-1]] and bool(set(plain[:-1]) & set(words))
        kind = _named_kind(named) or (kinds or {}).get(named)
        told = lexicon.ORG_NOUNS.get(head)  # "the union" tells no kind: any name may be it
        return kind is None or told in {kind, _UNTOLD}
    if x.islower():  # institutions: "ministry" is the "defence ministry", not the "ministry
        return x.endswith(y) or y.endswith(x) or _one_firm(x, y)  # union"
    return x.startswith(y) or y.startswith(x) or x.endswith(y) or y.endswith(x)


def _one_firm(x: str, y: str) -> bool:
    """ "the operator" and "the company": one firm a story names by two bare nouns of a company
    (user trial 132: a network operator's two customer counts were given different sources);
    "the airport operator" and "the airline" stay two."""
    kinds = {lexicon.ORG_NOUNS.get(x), lexicon.ORG_NOUNS.get(y)}
    return " " not in x + y and kinds == {"company"}


_UNTOLD = "other"  # the kind of an organisation noun that tells none ("group", "union")


def _poll(name: str) -> bool:
    """An opinion or exit poll ("exit poll", "poll by Pulsar Research"): a source of its own."""
    return bool(_POLL_WORDS & set(name.lower().split()))


_POLL_WORDS = frozenset(["poll", "polls", "survey"])


def _lay(name: str | None) -> bool:
    """A source of people who speak for no institution ("survivors", "residents", "a
    witness"); not "people" or "a person", who may be anyone's ("people familiar with the
    plan")."""
    words = (name or "").lower().split()
    if not words or words[-1] in {"person", "people"}:
        return False
    last = words[-1]
    forms = (last, last.removesuffix("s"), last.removesuffix("es"))  # "witnesses"
    return any(SOURCE_NOUNS.get(w) == _LAY_KIND for w in forms)


_LAY_KIND = "resident/witness"


_WHERE_AFTER = re.compile(r"\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$")
_PERSON_TITLE = re.compile(r"(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?\s+[A-Z]")


_SPOKESPERSON = re.compile(
    r"^(?:the\s+)?(?:[a-z]+\s+)?(?P<org>[a-z]+)\s+(?:spokes(?:man|woman|person)|official)\b",
    re.I,
)


def _speaks_for(person: str, body: str) -> bool:
    """A spokesperson of an organisation's kind and an organisation of that kind named in full:
    "hospital spokesman Marcus Lyle" speaks for "Dunmore Memorial Hospital" (user trial 100).

    >>> _speaks_for("hospital spokesman Marcus Lyle", "Dunmore Memorial Hospital")
    True
    >>> _speaks_for("police spokesman Ari Lund", "Dunmore Memorial Hospital")
    False
    """
    match = _SPOKESPERSON.match(person)
    org = match.group("org").lower() if match is not None else ""
    return org in lexicon.ORG_NOUNS and body.split()[-1].lower() == org


_OFFICER = re.compile(
    r"^(?:(?:Chief|Deputy|Assistant|Senior|Acting)\s+)*(?P<service>[A-Z][a-z]+)\s+"
    r"(?:Chief|Officer|Commissioner|Superintendent|Commander|Director)\s+[A-Z]"
)


def _officer_of(person: str, body: str) -> bool:
    """An officer whose title names a service and a body of that service: "Chief Fire
    Officer Tomas Brennick" speaks for "the Northmoor Fire and Rescue Service" (user trial
    165: one service's two counts of its firefighters were two sources).

    >>> _officer_of("Chief Fire Officer Tomas Brennick", "Northmoor Fire and Rescue Service")
    True
    >>> _officer_of("Chief Fire Officer Tomas Brennick", "Northmoor Police")
    False
    """
    match = _OFFICER.match(person)
    words = body.lower().split()
    return (
        match is not None
        and bool(words)
        and words[-1] in lexicon.ORG_NOUNS
        and match.group("service").lower() in words
    )


def _brand_of(short: str, long: str) -> bool:
    """One name is the first word of the other, and no organisation noun: "Harbourlight" is
    "Harbourlight Rescue", "Kessler" is "Kessler Group" (not "Police" and "Police Union").

    >>> _brand_of("Harbourlight", "Harbourlight Rescue"), _brand_of("Police", "Police Union")
    (True, False)
    """
    words = long.split()
    return (
        " " not in short.strip()
        and short[:1].isupper()
        and short.lower() not in lexicon.ORG_NOUNS
        and len(words) > 1
        and words[0] == short.strip()
    )


def _named_kind(name: str) -> str | None:
    """The source kind a name shows: a known organisation's ("Unicef": un), also when it opens
    the name ("United Nations mission": un), or its last word's ("Corvan Pharma": other); None
    when the name does not tell."""
    known = org_surfaces().get(name)
    if known is not None:
        return organisation_kinds().get(known)
    words = name.split()
    if len(words) < 2:
        return None
    for size in range(len(words) - 1, 0, -1):  # "United Nations mission": the UN's body
        if (head := org_surfaces().get(" ".join(words[:size]))) is not None:
            return organisation_kinds().get(head)
    last = lexicon.ORG_NAME_WORDS.get(words[-1].lower()) or known_tail(name)  # "Selvig Red
    # Cross": the Red Cross's kind
    headed = _OF_NAME.search(name)  # "National Institute of Child Health": an institute's
    return last or (lexicon.ORG_NOUNS.get(headed.group(1).lower()) if headed else None)


def _told_kinds(numbers: Sequence[NumberMention], articles: Sequence[Article]) -> dict[str, str]:
    """The source kind the story's articles give a named source whose name does not tell it:
    an organisation noun right before the name ("the opposition monitoring group Civic
    Watch") or opening an apposition after it ("Civic Watch, an opposition monitoring
    group"), read as :func:`~storylens.analyze._source_kinds._kind_of_org` reads it (a "rights
    group" is an ngo); else the kind of its full name ("Brantor Chemicals"). A name the
    articles give two kinds is left out: it may be either. A name "he" or "she" stands for is
    a person's."""
    names = sorted({m.attributed_to for m in numbers if m.attributed_to})
    told: dict[str, str] = {}
    for m in numbers:  # "Ekdal also disputed ... He said he had counted": a person
        name = m.attributed_to
        if (
            name
            and m.why.features.get("source_cue") in PERSON_CUES.values()
            and name.split()[0].lower().rstrip(".") not in _OFFICE_TITLES
        ):
            told[name] = "person"  # not "Commissioner Iturbe": she speaks for her force
    for name in (n for n in names if n not in told):
        if _described_person(name, articles):
            told[name] = "person"  # "Ilian Marov, who has fished out of Orsa for thirty years"
            continue
        if any(_organises(name).search(a.text) for a in articles):
            told[name] = _ORGANISERS  # "The Arnholt Marathon Association, which organises"
            continue
        key = _source_key(name)
        if key is None or not key.isupper() or _named_kind(name) is not None:
            continue
        kinds = {
            _kind_of_org(match.group(1).split(), match.group(2))
            for pattern in _introductions(name)
            for article in articles
            for match in pattern.finditer(article.text)
        }
        kinds = kinds or _kinds_in_full(name, articles)
        if len(kinds) == 1:
            told[name] = kinds.pop()
    return told


_POSTS = (
    "director|head|chief|manager|spokesman|spokeswoman|spokesperson|chair|chairman|chairwoman|"
    "president|superintendent|administrator|commander|secretary|dean|principal|coordinator"
)


def _posts(numbers: Sequence[NumberMention], articles: Sequence[Article]) -> dict[str, str]:
    """The institution each named source holds a post at, as an apposition tells it (user
    trial 154: "Dr. Anselm Riveaux, director of Dravenna Provincial Hospital" gave 31 dead and
    "staff at the provincial hospital" 38: one hospital's counts, not two sources): the
    institution's words in lower case ("dravenna provincial hospital"; "hospital" for "Dr.
    Anselm Riveaux, the hospital's director")."""
    found: dict[str, str] = {}
    for name in sorted({m.attributed_to for m in numbers if m.attributed_to}):
        if len(name.split()) < 2 or not name[:1].isupper():
            continue
        escaped = re.escape(name)
        patterns = (
            rf"{escaped},\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_POSTS})\s+(?:of|at|for)\s+"
            r"(?:the\s+)?(?P<org>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,5}?)\s*[,.;]",
            rf"{escaped},\s+the\s+(?P<org>(?:[\w-]+\s+){{0,3}}?[\w-]+)['’]s\s+(?:{_POSTS})\b",
        )
        for article in articles:
            match = next(
                (m for p in patterns if (m := re.search(p, article.text)) is not None), None
            )
            if match is not None:
                found[name] = match.group("org").lower()
                break
    return found


def _works_at(post: str | None, source: str) -> bool:
    """The source names the institution of a post ("staff at the provincial hospital" for
    "dravenna provincial hospital")."""
    if not post:
        return False
    named = source.lower().removeprefix("the ")
    place = (_institution(named.split()) or named).removeprefix("the ")
    return post.endswith(place) or place.endswith(post)


_ORGANISERS = "organisers"


def _described_person(name: str, articles: Sequence[Article]) -> bool:
    """A name no office title opens, described by a relative clause on "who" that names no
    organisation ("Ilian Marov, who has fished out of Orsa for thirty years"): a person telling
    what they saw, not "Ana Ruiz, who heads the port authority" (user trial 103).

    >>> art = Article("a", "Ilian Marov, who has fished here for years, said so.", (), "h")
    >>> _described_person("Ilian Marov", [art]), _described_person("Port Authority", [art])
    (True, False)
    """
    if name.split()[0].lower().rstrip(".") in _OFFICE_TITLES:
        return False
    clause = re.compile(rf"\b{re.escape(name)},\s+who\s+([^,.;:]+)")
    found = [m.group(1) for a in articles for m in clause.finditer(a.text)]
    return bool(found) and not any(
        word in lexicon.ORG_NOUNS for text in found for word in text.lower().split()
    )


def _organises(name: str) -> re.Pattern[str]:
    """ "NAME, which organises (runs, stages) the race": a body the story tells is the
    organisers."""
    return re.compile(rf"\b{re.escape(name)},\s+which\s+(?:organi[sz]es|stages|hosts)\b")


def _kinds_in_full(name: str, articles: Sequence[Article]) -> set[str]:
    """The kinds of the full names the articles give a short name ("Brantor" in "Brantor
    Chemicals", a company): a firm is cited by its first word once named in full."""
    full = re.compile(rf"\b{re.escape(name)}\s+([A-Z][\w'’-]*)")
    return {
        kind
        for article in articles
        for match in full.finditer(article.text)
        if (kind := _named_kind(f"{name} {match.group(1)}")) is not None
    }


def _introductions(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "the rights group NAME" and "NAME, a rights group" (the noun ends the apposition: not
    "NAME, a navy spokesman"): group 1 the words before the organisation noun (up to three),
    group 2 the noun."""
    words, nouns, name = r"((?:[a-z][\w-]*\s+){0,3}?)", _ORG_NOUN_WORDS, re.escape(name)
    return (
        re.compile(rf"\b(?i:the|an?)\s+{words}({nouns})\s+{name}\b"),
        re.compile(rf"\b{name},\s+(?:the|an?)\s+{words}({nouns}){_APPOSITION_END}"),
    )


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
        "stance": mention.why.features.get("stance"),
    }


def _conflict(a: NumberMention, b: NumberMention, why: Why) -> Conflict:
    """A conflict (``kind="number"``) or an explained non-conflict (``kind="not-conflict"``)."""
    kind = "number" if why.rule == "ranges-disjoint" else "not-conflict"
    ids = f"{a.span.article}:{a.span.start}:{a.span.end}|{b.span.article}:{b.span.start}"
    return Conflict(
        id=f"{kind}-{content_hash(ids + f':{b.span.end}')}",
        kind=kind,
        about=_about(a, b, str(why.features["thing"]), one_source=_one_source(why)),
        mentions=(a, b),
        why=why,
    )


def _placed_in_sentence(a: NumberMention, b: NumberMention) -> bool:
    """One figure's own sentence names its place: two places an article only gives as its
    setting ("Rescuers in northern Estovia ...", "... in Skelda") are one story's scene named
    at two sizes, not two places."""
    return (a.why.features.get("where_from"), b.why.features.get("where_from")) != (
        "context",
        "context",
    )


def _other_scope(a: NumberMention, b: NumberMention) -> bool:
    """One counts over a whole area, the other does not, unless both name the same area ("in
    the Orrin Valley" and "across the Orrin Valley")."""
    scopes = {a.why.features.get("scope"), b.why.features.get("scope")}
    if len(scopes) == 1:
        return False
    if not a.where or not b.where or not scopes <= _AREA_SCOPES:
        return True  # a part ("four of them") is no area
    spans_area = [m for m in (a, b) if m.why.features.get("scope") is not None]
    if any(m.where.split()[0].lower() not in _AREA_WORDS for m in spans_area if m.where):
        return True  # only "across/throughout X" names the area it spans
    x, y = _named(a.where), _named(b.where)
    return not x or x != y


_AREA_SCOPES = frozenset([None, "national", "regional"])


def _area_and_place_in_it(a: NumberMention, b: NumberMention) -> bool:
    """One counts over a whole area ("across Marrach province"), the other in a place named
    otherwise ("in Tolvan district"): a part against the whole, whatever scope word each has."""
    if _whole_area(a) == _whole_area(b) or not a.where or not b.where:
        return False
    x, y = _named(a.where), _named(b.where)  # "across the province" names none: may be it
    return bool(x and y) and not (x <= y or y <= x)


def _named(where: str) -> frozenset[str]:
    """The capitalised words of a place, its name ("Across Marrach province": Marrach)."""
    return frozenset(w for w in where.split()[1:] if w[:1].isupper()) | frozenset(
        w for w in where.split()[:1] if w[:1].isupper() and w.lower() not in _AREA_WORDS
    )


_AREA_WORDS = frozenset(["across", "throughout", "nationwide", "countrywide", "in", "all"])


def _whole_area(mention: NumberMention) -> bool:
    """A count over a whole area ("nationwide", "across Ambry District"): a wider scope than a
    place inside it, not another place."""
    features = mention.why.features
    return features.get("where_from") == "scope" or features.get("scope") == "national"


def _one_source(why: Why) -> bool:
    """The verdict took the two mentions' sources for one (a conflict, or figures apart for
    another reason)."""
    return why.rule != "different-source" and "different-source" not in why.features.get(
        "reasons", ()
    )


def _about(a: NumberMention, b: NumberMention, thing: str, *, one_source: bool = False) -> str:
    """ "wounded in Lashkar Gah, per UNAMA": the thing, then the places and sources named.
    Two names the verdict took for one source are told as the longer ("per Velmar Coast
    Guard", not "per Velmar Coast Guard vs coast guard")."""
    text = thing.removeprefix("count:")
    if text.startswith("money:"):  # "demand (money)": a sum the verb does something with
        text = f"{text.removeprefix('money:')} (money)"
    if text.startswith("duration:"):  # "duration of shelling"
        text = "duration of " + " ".join(w for w in text.split(":")[1:] if w)  # "miner trapped"
    if thing == _STRIKE:  # the event; "count:strike" counts strikes ("12 air strikes")
        text = "on strike"  # "on strike in Kessmouth, per union"
    if (who := whose((a, b))) is not None:  # "penalty of Brannigan": whose term (trial 95)
        text += f" of {who}"
    places = _distinct(a.where, b.where, same=lambda x, y: x.lower() == y.lower())
    national = {m.where for m in (a, b) if _whole_area(m)}
    if places and national:  # "arrested nationwide vs in Tarvik"
        text += " " + " vs ".join(
            p[:1].lower() + p[1:] if p in national else f"in {p}" for p in places
        )
    elif places:
        text += " in " + " vs ".join(places)
    sources = _distinct(a.attributed_to, b.attributed_to, same=_same_name)
    if one_source and len(sources) > 1:
        sources = [max(sources, key=lambda s: (len(s), s))]
    if sources and None in (a.attributed_to, b.attributed_to):
        sources.append(_UNATTRIBUTED)  # never lend one mention's source to the other
    if sources:
        text += ", per " + " vs ".join(sources)
    return text


def whose(penalties: Sequence[NumberMention]) -> str | None:
    """The one person every penalty punishes ("who": whose prison term), or the one party
    whose share of the vote every figure is, in capitals, or None (other figures, or several
    holders; "Civic Renewal" and "Renewal" are one)."""
    if not penalties or any(m.why.features.get("subject") not in _HELD for m in penalties):
        return None
    names = sorted({str(m.why.features.get("who")) for m in penalties}, key=len)
    if any(not names[-1].endswith(n) for n in names) or "None" in names:
        return None
    return names[-1].title()


_HELD = frozenset(["penalty", "vote"])  # figures told apart by whose they are


def _same_name(a: str, b: str) -> bool:
    """One source named two ways: the same key in any case ("police", "Police"), or one name
    ending the other once titles are dropped ("Mr Ruiz", "Harbourmaster Ana Ruiz")."""
    x, y = _source_key(a) or a, _source_key(b) or b
    if x.casefold() == y.casefold() or _country_worded(a, b):
        return True
    short, long = sorted((_person_name(a), _person_name(b)), key=len)
    return bool(short) and same_speaker(" ".join(short), " ".join(long))


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i")


def _country_worded(a: str, b: str) -> bool:
    """One body named by its country's adjective or its possessive: "Sandurian Meteorological
    Department" and "Sanduria's meteorological department"."""
    x, y = (re.sub(r"['’]s\b", "", n).lower().removeprefix("the ").split() for n in (a, b))
    if len(x) != len(y) or len(x) < 2 or x[1:] != y[1:] or x[0] == y[0]:
        return False
    short, long = sorted((x[0], y[0]), key=len)
    return long.startswith(short) and long[len(short) :] in _DEMONYM_ENDINGS


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
