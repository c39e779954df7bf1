"""Reported quantities: value, bound, range, what is counted, where, when and according to whom.

``find_numbers`` reads one article's body paragraphs with spaCy (only the paragraphs that hold a
number, plus the paragraph before each for context, unless a parsed ``doc`` is passed) and
returns one :class:`~storylens.model.NumberMention` per quantity. Years, dates, clock times,
ordinals, durations ("in the last 24 hours" is a *when*), ages ("aged 52", "Ana Ruiz, 52",
whatever label the model gives the name, but not after a place: "in Harlow, 75, and Dunmore,
40") and numbers inside names ("215 Maiwand Afghan Army Corps", "Article 5") are not
counts. Two of them are figures of their own, so that outlets that disagree on them are
compared: the time of day of an event (rule ``clock``, value in minutes after midnight, what
"time of" the event: see :mod:`storylens.analyze._clock`) and a named person's age (rule
``age``, what "age of" the name: see :mod:`storylens.analyze._ages`). A stretch of time that
is counted ("20 years of operations"), given as a penalty ("sentenced to nine years") or
bounded from above ("within 30 days", "in the next 48 hours": at most) has no *when* of its
own: the time phrases of its sentence date something else.

Every mention carries ``why``: ``rule`` says how the counted thing was found (``nummod``,
``number-subject`` (a bare number as subject, "more than 20 were taken to hospital", with the
noun of a parallel count if any: "Seven people died, and ..."), ``of-phrase``, ``partitive``
("three of them"), ``total``, ``against`` (the other side of "112 votes to 88"), ``change``
("prices rose 18 percent"), ``population``, ``penalty``, ``time-limit`` ("within 30 days"),
``next-word``, ``gapped`` (a list that leaves the noun out: "Elkmoor has 52 pupils, Holtbrook
41": the first figure's thing, the name as its place) or ``none``) and ``features`` hold the
evidence: the bound phrase, the vague word, the counted ``event`` and ``subject`` groups, where
the place came from (``sentence``, ``context``, or ``scope`` when a national phrase such as
"nationwide" is the place), the scope
(``national``, or ``part`` for "the first 500,000", "three of them" and "in March alone"),
``increment`` ("21 more", "another 21": added to an earlier count, not a total),
``at_once`` ("at the scene", "instantly": a toll final when the event happened), ``role``
(``subject`` when the counted noun is the subject of its clause), ``stance`` (``offer``,
``demand`` or ``forecast``: "offered 4 percent", "wants 9 percent", "expected to reach 70
percent", see :mod:`storylens.analyze._stance`) and the source cue.

Open ranges use ``math.inf`` as ``high`` ("more than 100" is 101..inf); serialisers must write
it as ``null`` or a string, since JSON has no infinity.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from storylens.analyze._ages import aged_person
from storylens.analyze._attribution import attribution, source_name
from storylens.analyze._clock import Clock, clock_at
from storylens.analyze._context import (
    Context,
    clause_of,
    clip,
    parse,
    place_evidence,
    place_of,
    time_of,
)
from storylens.analyze._counted import (
    casualty_words,
    clause_role,
    counted,
    event_group,
    fined,
    holder,
    party_share,
    penalised,
    polled_by,
    subject_group,
    sum_owner,
    whole_of_parts,
)
from storylens.analyze._dates import Dated, date_at
from storylens.analyze._durations import lasting, time_symbol
from storylens.analyze._measures import to_unit, unit_at, unit_named, unit_of
from storylens.analyze._num_words import DAYS, ENTRY_STAMP, MOVE_VERBS, SPEECH, TIME_UNITS
from storylens.analyze._penalties import penalty
from storylens.analyze._positions import POSITION_HINT, Position, position_at
from storylens.analyze._quantity import (
    BOUNDS,
    HINT,
    JUST_BELOW,
    MONEY,
    Run,
    bound_phrase,
    currency_before,
    increment_word,
    part_word,
    run_at,
    scale_rounding,
    value_range,
)
from storylens.analyze._quantity_skip import skip_reason
from storylens.analyze._stance import stance
from storylens.model import Article, Bound, NumberMention, Paragraph, ParagraphKind, Span, Why

__all__ = ["event_group", "figure_words", "find_numbers", "subject_group"]

_PARTIAL = re.compile(  # a count still under way: another period than the final result
    r"\bwith\s+(?:[\w.,]+\s*){1,3}?(?:percent|%|per\s+cent)\s+(?:of\s+(?:the\s+)?\w+\s+)?"
    r"(?:counted|reported|reporting|tallied|in|processed)\b"
    r"|\b(?:partial|preliminary|early|provisional|incomplete)\s+(?:\w+\s+)?(?:results?|counts?|"
    r"returns|tally|figures)\b",
    re.I,
)


def find_numbers(article: Article, *, doc: Any | None = None) -> tuple[NumberMention, ...]:
    """Every reported quantity in the body paragraphs of ``article``, in text order.

    ``doc`` is an optional spaCy ``Doc`` of ``article.text`` already parsed (with parser and
    NER); without it only the paragraphs that hold a number, and the one before each, are parsed.
    """
    if doc is not None and doc.text != article.text:
        msg = f"the spaCy doc given for article {article.id} is not a parse of its text: pass "
        msg += "nlp(article.text) or no doc"
        raise ValueError(msg)
    body = tuple(p for p in article.paragraphs if p.kind is ParagraphKind.BODY)
    context = Context(article, body, doc, {}, place_evidence(article.text))
    wanted = [i for i, p in enumerate(body) if _hinted(article.text, p)]
    parse(context, wanted)
    found = _referred(tuple(m for i in wanted for m in _paragraph_numbers(context, i)), body)
    found = _without_conversions(article.text, found)
    return tuple(_document_maker(article.text, m) for m in found)


def _without_conversions(text: str, found: Sequence[NumberMention]) -> tuple[NumberMention, ...]:
    """The figures less those that only restate the one before them in another unit, in
    brackets: "44.1C (111.4F)", "30 miles (48 km)" (user trial 140: each reading was set
    against the other outlets' in both units, and the digest listed the conversions as rival
    readings). The figure's range takes in the conversion's, to its last written digit:
    "3km (1.9 miles)" spans 2.98 to 3.14 km (user trial 143's "two-mile" cordon agrees)."""
    kept: list[NumberMention] = []
    for mention in found:
        before = kept[-1] if kept else None
        if before is None or not _converts(text, before, mention):
            kept.append(mention)
            continue
        low, high = _converted(before, mention)
        kept[-1] = replace(before, low=min(before.low, low), high=max(before.high, high))
    return tuple(kept)


def _converted(first: NumberMention, second: NumberMention) -> tuple[float, float]:
    """The range ``second`` stands for, to the half of its last written digit ("1.9 miles"
    is 1.85 to 1.95 miles), in ``first``'s unit (both have one: see :func:`_converts`)."""
    x, y = (unit_named(str(m.why.features.get("measure", ""))) for m in (first, second))
    if x is None or y is None:
        return first.low, first.high
    digits = repr(second.value).partition(".")[2].rstrip("0")
    half = 0.5 * 10 ** -len(digits)
    return to_unit(second.value - half, y, x), to_unit(second.value + half, y, x)


def _converts(text: str, first: NumberMention, second: NumberMention) -> bool:
    """``second`` is ``first`` in another unit, in brackets right after it, within rounding."""
    if first.span.article != second.span.article:
        return False
    between = text[first.span.end : second.span.start]
    if not _BRACKETED.fullmatch(between):
        return False
    x, y = (unit_named(str(m.why.features.get("measure", ""))) for m in (first, second))
    if x is None or y is None or x.symbol == y.symbol or x.dimension != y.dimension:
        return False
    converted = to_unit(second.value, y, x)
    return abs(converted - first.value) <= max(0.06 * abs(first.value), 1.0)


_BRACKETED = re.compile(r"\s*(?:[^\W\d_][\w/°]*\.?)?\s*\(\s*(?:about|around|some|roughly)?\s*")
"""Between a figure and its conversion: its unit, then an opening bracket ("C (", " km (")."""


_DOCUMENTS = "report|data|figures|statement|survey|study|bulletin|count|tally|assessment"
_MADE_BY = re.compile(
    rf"\b((?:[A-Z][\w'’.-]*\s+){{0,5}}[A-Z][\w.-]*)['’]s?\s+(?:[a-z-]+\s+){{0,2}}"
    rf"(?:{_DOCUMENTS})\b|\b(?:{_DOCUMENTS})\s+(?:by|from|of)\s+(?:the\s+)?"
    rf"((?:[A-Z][\w'’.-]*\s+){{0,5}}[A-Z][\w.-]*)"
)
_BARE_DOCUMENT = re.compile(rf"(?:the\s+|its\s+)?(?:[a-z-]+\s+)?(?:{_DOCUMENTS})", re.I)


def _document_maker(text: str, mention: NumberMention) -> NumberMention:
    """A figure "according to the report" is the figure of whoever the article said made the
    report ("The Halden Institute's weekly report ... According to the report, 78 percent"):
    the last maker named before it (rule kept; ``why.features["source_of"]`` names the
    document)."""
    source = mention.attributed_to
    if source is None or not _BARE_DOCUMENT.fullmatch(source):
        return mention
    makers = [
        (m.group(1) or m.group(2)).removeprefix("The ")
        for m in _MADE_BY.finditer(text, 0, mention.span.start)
    ]
    if not makers:
        return mention
    features = {**mention.why.features, "source_of": source}
    return replace(mention, attributed_to=makers[-1], why=replace(mention.why, features=features))


_BARE_TOTALS = frozenset(["number", "figure", "total", "tally", "count"])
_REFERS_BACK = 2  # paragraphs a bare "the number" looks back for what it counts


def _referred(
    mentions: tuple[NumberMention, ...], body: tuple[Paragraph, ...]
) -> tuple[NumberMention, ...]:
    """A figure for "the number" with nothing said of what ("the GMO put the number at about
    120") counts what the figure before it counts ("about 130 people on board"), when that
    one is at most two paragraphs back (rule ``refers-back``)."""
    out: list[NumberMention] = []
    for m in mentions:
        before = out[-1] if out else None
        if (
            before is not None
            and m.why.rule == "total"
            and m.what in _BARE_TOTALS
            and before.what not in _BARE_TOTALS
            and "subject" in before.why.features
            and _paragraphs_apart(body, before, m) <= _REFERS_BACK
        ):
            kept = {k: v for k, v in m.why.features.items() if k not in {"event", "subject"}}
            taken = {
                k: before.why.features[k] for k in ("event", "subject") if k in before.why.features
            }
            m = replace(m, what=before.what, why=Why("refers-back", m.why.score, {**kept, **taken}))
        out.append(m)
    return tuple(out)


def _paragraphs_apart(body: tuple[Paragraph, ...], a: NumberMention, b: NumberMention) -> int:
    """How many body paragraphs lie between two mentions' paragraphs, plus one (0: same)."""
    at = [
        next(i for i, p in enumerate(body) if p.start <= m.span.start < p.end + 1) for m in (a, b)
    ]
    return at[1] - at[0]


_ONE_CASUALTY = re.compile(  # "one man is still missing": "one" counts a casualty
    r"\bone\s+(?:[\w-]+\s+){1,4}?(?:"
    + "|".join(sorted(casualty_words(), key=len, reverse=True))
    + r")\b",
    re.I,
)


def _hinted(text: str, par: Paragraph) -> bool:
    """The paragraph may hold a number (parsing is kept to those)."""
    return bool(
        HINT.search(text, par.start, par.end)
        or _ONE_CASUALTY.search(text, par.start, par.end)
        or POSITION_HINT.search(text, par.start, par.end)
    )


def _offset(par: Paragraph, span: Any) -> int:
    """Add this to a token's ``idx`` to get its offset in the article text."""
    return par.start - int(span.start_char)


def _paragraph_numbers(context: Context, index: int) -> list[NumberMention]:
    """The mentions of one body paragraph, its clock times and dates among them, in text
    order."""
    found = [*_paragraph_counts(context, index), *_paragraph_times(context, index)]
    return sorted(found, key=lambda m: (m.span.start, m.span.end))


def _paragraph_times(context: Context, index: int) -> Iterator[NumberMention]:
    """The times of day and the dates of one body paragraph that date an event (see
    :mod:`storylens.analyze._clock` and :mod:`storylens.analyze._dates`)."""
    span = context.spans[index]
    for i in range(span.start, span.end):
        if (clock := clock_at(span.doc, i, span.start)) is not None:
            yield _clock_mention(context, index, clock)
        if (dated := date_at(span.doc, i, span.start)) is not None:
            yield _date_mention(context, index, dated)
        if (position := position_at(span.doc, i)) is not None:
            yield _position_mention(context, index, position)


_CLOCK_KEEPS = ("where_from", "source_cue", "when_said", "entry", "scope")
_DATE_KEEPS = ("where_from", "source_cue")


def _clock_mention(context: Context, index: int, clock: Clock) -> NumberMention:
    """A time of day as a figure: the place, time and source as for any figure; its *when*
    is the day or part of it, not another time ("until 6am")."""
    span = context.spans[index]
    day = _day_of(_sentence(span, span.doc[clock.end - 1]).text)

    def when(told: str | None) -> str | None:  # "until 6am": another time, "4am on Monday":
        return day if told is None or _CLOCK_TIME.search(told) else told  # one time

    run = Run(clock.start, clock.end, clock.minutes, clock.low, clock.high, None, "clock")
    return _event_figure(
        context,
        index,
        run,
        clock.bound,
        f"time of {clock.event}",
        _CLOCK_KEEPS,
        when,
        bound_phrase=clock.bound_words,
        event_noun=clock.noun or None,
    )


def _date_mention(context: Context, index: int, dated: Dated) -> NumberMention:
    """A date as a figure: the place and source as for any figure; the date is its own
    *when*."""
    run = Run(dated.start, dated.end, dated.day, dated.low, dated.high, None, "date")
    return _event_figure(
        context,
        index,
        run,
        dated.bound,
        f"date of {dated.event}",
        _DATE_KEEPS,
        lambda _: None,
        bound_phrase=dated.bound_words,
        year=dated.year,
        event_noun=dated.noun or None,
    )


def _position_mention(context: Context, index: int, position: Position) -> NumberMention:
    """An ordinal position as a figure (see :mod:`storylens.analyze._positions`): the place,
    time and source as for any figure."""
    value = float(position.number)
    run = Run(position.start, position.end, value, value, value, None, "position")
    return _event_figure(
        context,
        index,
        run,
        Bound.EXACT,
        f"{position.noun} of {position.event}",
        _CLOCK_KEEPS,
        lambda told: told,
        event_noun=position.named or None,
    )


def _event_figure(
    context: Context,
    index: int,
    run: Run,
    bound: Bound,
    what: str,
    keeps: Sequence[str],
    when: Callable[[str | None], str | None],
    **features: Any,
) -> NumberMention:
    """The figure of a time, date or position that dates or places an event (rule and unit
    ``run.unit``): the place and source features ``keeps`` of the figure its tokens would
    make, its ``when`` from that figure's, and ``what`` as its subject."""
    base = _mention(context, index, run)
    kept = {k: v for k, v in base.why.features.items() if k in keeps}
    rule = str(run.unit)
    bound_phrase = features.pop("bound_phrase", None)
    why = _why(rule, bound_phrase=bound_phrase, unit=rule, subject=what, **features, **kept)
    return replace(
        base,
        span=_tokens_span(context, index, run.start, run.end),
        value=run.value,
        bound=bound,
        low=run.low,
        high=run.high,
        what=what,
        when=when(base.when),
        why=why,
    )


def _tokens_span(context: Context, index: int, start: int, end: int) -> Span:
    """The article span of tokens ``start:end`` of a body paragraph's parse."""
    span = context.spans[index]
    offset = _offset(context.body[index], span)
    first, last = span.doc[start], span.doc[end - 1]
    return context.article.span(first.idx + offset, last.idx + len(last.text) + offset)


def _day_of(sentence: str) -> str | None:
    """The day a sentence names ("on Sunday", "last night", "on Tuesday morning")."""
    found = _DAY.search(sentence)
    return found.group() if found else None


_DAY = re.compile(
    rf"\b(?:on\s+)?(?:(?:last|this|next)\s+)?(?:{'|'.join(sorted(DAYS))})"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\b(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening))\b",
    re.I,
)
_CLOCK_TIME = re.compile(r"\d[:.]\d\d|\d\s*[ap]\.?m\b", re.I)


def _paragraph_counts(context: Context, index: int) -> Iterator[NumberMention]:
    """The counted figures of one body paragraph."""
    span = context.spans[index]
    leaders: dict[int, NumberMention] = {}  # a counted noun's token -> its figure
    i = span.start
    while i < span.end:
        run = run_at(span.doc, i, span.end)
        if run is None:
            i += 1
            continue
        if (gapped := _gapped(context, index, run, leaders)) is not None:
            yield gapped
        elif (reason := skip_reason(span.doc, run)) is None:
            found = _mention(context, index, run)
            if found.what is None:
                found = _as_previous(span.doc, run, found, leaders) or found
            leaders[_counted_token(span.doc, run).i] = found
            yield found
        elif reason == "age" and (name := aged_person(span.doc, run.start, run.end)):
            yield _age_mention(context, index, run, name)
        i = run.tail or run.end


def _age_mention(context: Context, index: int, run: Run, name: str) -> NumberMention:
    """A named person's age as a figure (see :mod:`storylens.analyze._ages`): no place or
    time of its own, compared by the surname, the full names told apart by ``who``."""
    base = _mention(context, index, run)
    features = {k: v for k, v in base.why.features.items() if k == "source_cue"}
    surname = name.split()[-1]
    why = _why("age", unit="age", subject=f"age of {surname}", who=name, **features)
    return replace(
        base,
        span=_tokens_span(context, index, run.start, run.end),
        bound=Bound.EXACT,
        low=run.value,
        high=run.value,
        what=f"age of {name}",
        where=None,
        when=None,
        why=why,
    )


def _counted_token(doc: Any, run: Run) -> Any:
    """The noun a figure counts ("52 pupils": pupils; "41 per cent": the unit itself)."""
    last = doc[run.end - 1]
    return last.head if last.dep_ == "nummod" else last


_ITEM_ENDS = frozenset([",", "and", "or", ";", ".", "while", "but"])


def _gapped(
    context: Context, index: int, run: Run, leaders: dict[int, NumberMention]
) -> NumberMention | None:
    """A figure of a list that leaves out what it counts: "Elkmoor has 52 pupils, Holtbrook
    41, Tarnby 38 and Gransvik 27" (user trial 134). "Tarnby 38" alone reads as a name, like
    "Article 5"; after a figure whose noun it is listed with, it is that noun's count for
    Tarnby. Rule ``gapped``: the first figure's counted thing, source and time, the name as the
    place (or as the holder, when the first figure has one: "Labour won 41 seats, the Greens
    38")."""
    doc = context.spans[index].doc
    number, name = doc[run.end - 1], doc[run.start - 1] if run.start else None
    after = doc[run.end] if run.end < len(doc) else None
    if (
        name is None
        or run.end - run.start != 1
        or run.unit is not None
        or number.dep_ != "nummod"
        or number.head.i != name.i
        or name.pos_ != "PROPN"
        or (after is not None and after.lower_ not in _ITEM_ENDS)
    ):
        return None
    leader = _leader_of(name, leaders)
    if leader is None:
        return None
    offset = _offset(context.body[index], context.spans[index])
    label = " ".join(t.text for t in name.subtree if t.dep_ in {"compound", "flat"} or t is name)
    at = "who" if "who" in leader.why.features else "where"
    features = {**leader.why.features, "gapped_from": context.article.text_of(leader.span)}
    features[at] = label
    return replace(
        leader,
        span=context.article.span(number.idx + offset, number.idx + offset + len(number.text)),
        value=run.value,
        bound=Bound.EXACT,
        low=run.low,
        high=run.high,
        where=label if at == "where" else leader.where,
        why=Why("gapped", leader.why.score, features),
    )


def _as_previous(
    doc: Any, run: Run, found: NumberMention, leaders: dict[int, NumberMention]
) -> NumberMention | None:
    """The level a figure moved from: "the toll rose to 52, up from 40 on Monday", "fell to
    3.1 percent, down from 3.4 percent" (user trial 145: "from 41.4" counted nothing). It counts
    what the level it moved to counts, at an earlier time (rule ``previous``)."""
    token = _counted_token(doc, run)
    if token.dep_ != "pobj" or token.head.lower_ != "from":
        return None
    verb = token.head.head
    if verb.lower_ in {"up", "down"} and verb.dep_ == "advmod":  # "15.8 now, up from 14.9":
        sentence = token.sent  # the figure its sentence gives before it
        before = [i for i in leaders if sentence.start <= i < run.start]
        level = leaders[max(before)] if before else None
    elif verb.pos_ == "VERB" and verb.lemma_.lower() in MOVE_VERBS:  # "rose to 52 from 40"
        level = next(
            (
                m
                for i, m in leaders.items()
                if doc[i].head.lower_ == "to" and doc[i].head.head == verb
            ),
            None,
        )
    else:
        return None
    if level is None or level.what is None:
        return None
    features = {**found.why.features, "previous": True}
    return replace(found, what=level.what, why=Why("previous", found.why.score, features))


def _leader_of(name: Any, leaders: dict[int, NumberMention]) -> NumberMention | None:
    """The figure a listed name hangs from, through the list ("appos", "conj")."""
    token = name
    for _ in range(12):  # a list of a dozen items at most
        if token.dep_ not in {"appos", "conj"} or token.head is token:
            return None
        token = token.head
        if token.i in leaders:
            return leaders[token.i]
    return None


def _mention(context: Context, index: int, run: Run) -> NumberMention:
    """Build one mention: bound and range, what, where, when, source, and why."""
    span = context.spans[index]
    doc = span.doc
    what, rule, event, subject = counted(doc, run)
    bound_words = bound_phrase(doc, run)
    if rule == "zone" and bound_words == ("within",):
        bound_words = ()  # "evacuated within 3 km": the zone's edge, not a distance up to it
    bound = BOUNDS.get(bound_words, Bound.VAGUE if run.vague else Bound.EXACT)
    measure = _measure(doc, run)
    low, high = value_range(run, bound, bound_words in JUST_BELOW, measured=measure is not None)
    if bound is Bound.EXACT and (half := scale_rounding(doc, run)) is not None:
        low, high = run.value - half, run.value + half  # "€84m" may be 84.5 million
    start_tok = run.start - len(bound_words)
    offset = _offset(context.body[index], span)
    sign = int(currency_before(doc, run.start) is not None)  # the span holds "$" or "EUR"
    start = doc[start_tok - sign].idx + offset
    last = doc[(run.tail or run.end) - 1]  # "seven years and six": the parts written after
    end = last.idx + len(last.text.rstrip(".")) + offset
    sentence = _sentence(span, doc[run.end - 1])
    who = penalised(doc, run) if rule == "penalty" else holder(doc, run)
    if who is None and run.unit in MONEY:  # "households face fines of up to 250 crowns",
        who = fined(doc, run) or sum_owner(doc, run)  # "put the industry's losses at €180m"
    if (party := party_share(doc, run)) is not None and rule != "against":  # "put the
        who, what, rule, event, subject = party, "share of the vote", "vote-share", None, "vote"
        # Alliance on 34 percent"; "against 44.9% for Tesar" stays the other side's share
    position = stance(doc[run.end - 1])
    if position == "limit":  # "licensed to carry 150 passengers": a capacity, not a count of
        event = None  # those on board (user trial 163)
    borrow = position is None or who is None  # "the union wants 7 percent": the union's own
    source, source_toks, cue = attribution(sentence, span, doc[run.end - 1], borrow=borrow)
    if party is not None and (poll := polled_by(doc, run)) is not None and cue != "according to":
        source, cue = _OWNED.sub("", source_name(poll)), "poll"  # "our exit poll had ... 34%"
    where, where_from = place_of(context, index, sentence, doc[run.end - 1], source_toks)
    entry = entry_time(context.article, context.body[index])
    when = (
        None
        if subject in TIME_UNITS or rule == "penalty"  # a term's length is no date
        else _at_close(doc, run, rule)
        or time_of(sentence, run, offset, context.article.text, source_toks)
        or entry
    )
    return NumberMention(
        span=context.article.span(start, end),
        value=run.value,
        bound=bound,
        low=low,
        high=high,
        what=what,
        where=where,
        when=when,
        attributed_to=source,
        why=_why(
            rule,
            bound_phrase=" ".join(bound_words) or None,
            vague_word=run.vague,
            unit=run.unit,
            measure=measure,
            event=event,
            subject=subject,
            where_from=where_from,
            source_cue=cue,
            scope=_scope(where_from, where, rule, doc, start_tok, sentence, doc[run.end - 1]),
            increment=increment_word(doc, start_tok - sign, run),  # "a further EUR 300m"
            when_said=_said_when(sentence, when) or None,
            entry=entry,
            at_once=_at_once(sentence.text),
            told_as=_told_as(sentence, doc[run.end - 1]),
            role=clause_role(doc, run),
            who=who,
            stance=position,
        ),
    )


_CLOSES = frozenset(["close", "end", "finish", "settle"])


def _at_close(doc: Any, run: Run, rule: str) -> str | None:
    """ "at the close" for a market move a closing verb gives ("shares closed 3.8 percent
    lower", "ended the session down 14 per cent"): its time, whatever other times the
    sentence names ("having fallen further in the morning")."""
    if rule != "change":
        return None
    token = doc[run.end - 1]
    for _ in range(3):
        token = token.head
        if token.pos_ == "VERB":
            return "at the close" if token.lemma_.lower() in _CLOSES else None
    return None


_STAMP = re.compile(ENTRY_STAMP + r"(?=\s|$)", re.I)


_STAMPED = re.compile(_STAMP.pattern + r"\s+[A-Z][^.!?]{0,80}$")
"""An entry's stamp line, a time then a short headline: "18:30 Coastguard gives evening toll"
(the clean stage keeps it as body text: a headline starts with a capital letter)."""


_STAMPED_START = re.compile(f"({_STAMP.pattern})" + r"\s+(?=[A-Z])")


def entry_time(article: Article, paragraph: Paragraph) -> str | None:
    """The clock time a live page's entry is stamped with ("08:15 Bodies recovered" heading
    the paragraphs below it, up to the next heading or stamp): when that entry's figures were
    given, if they say no time.

    >>> from storylens.model import content_hash
    >>> text = "08:15 Six found\\nSix bodies were found."
    >>> paragraphs = (Paragraph(0, 15, ParagraphKind.HEADING), Paragraph(16, 37))
    >>> entry_time(Article("a", text, paragraphs, content_hash(text)), paragraphs[1])
    '08:15'
    >>> text = "10:42\\nFive people died, police said."  # a bare stamp line
    >>> paragraphs = (Paragraph(0, 5), Paragraph(6, 36))
    >>> entry_time(Article("a", text, paragraphs, content_hash(text)), paragraphs[1])
    '10:42'
    """
    own = _STAMPED_START.match(article.text, paragraph.start)
    if own is not None:  # "12:40 Police have revised their count: ...", the stamp inline
        return own.group(1)
    for p in reversed(article.paragraphs):
        if p.end > paragraph.start:
            continue
        line = article.text[p.start : p.end]
        if p.kind is ParagraphKind.HEADING or _STAMPED.match(line) or _STAMP.fullmatch(line):
            found = _STAMP.match(line)
            return found.group(0) if found else None
    return None


def _measure(doc: Any, run: Run) -> str | None:
    """The symbol of the unit of length, area, mass or volume right after the number ("10
    km", "a 40-metre breach"), or of time for a duration ("lasted six hours"), or None."""
    if (lasted := lasting(doc, run)) is not None:  # "lasted six hours", "a 12-hour debate"
        return time_symbol(lasted[0].lower_)
    at = run.end + int(run.end < len(doc) and doc[run.end].text == "-")
    if at < len(doc) and penalty(doc[at]) is not None:  # "banned for 18 months": in months
        return time_symbol(doc[at].lower_)
    modifiers = {"square", "sq", "cubic", "basis", "percentage", "nautical"}
    at += int(at < len(doc) and doc[at].lower_ in modifiers)
    unit = unit_at(doc[at]) if at < len(doc) else None
    return unit.symbol if unit is not None else None


def _scope(
    where_from: str | None,
    where: str | None,
    rule: str,
    doc: Any,
    start: int,
    sentence: Any,
    anchor: Any,
) -> str | None:
    """ "national" for a count across the country ("nationwide"), "regional" for one given in a
    province, region, district, county or state, "partial" for a count not yet
    complete ("with 90 percent of ballots counted", "early results"), "part" for one batch or
    share of a total ("the first 500,000", "the final group of nine men", "three of them", "in
    March alone", "were among those told to leave", "17 people, including three rescuers"),
    "whole" for the total a part is taken from ("117 of the Assembly's 240 deputies"), else
    None."""
    if where_from == "scope":  # "nationwide"; "across Ambry District" is one region of it
        return "regional" if where and _REGION_WORD.search(where) else "national"
    if _PARTIAL.search(sentence.text):
        return "partial"
    if rule == "partitive" or part_word(doc, start) or _alone(sentence, anchor):
        return "part"
    if _among(anchor) or _included(anchor):
        return "part"
    if _whole_of_a_part(anchor):
        return "whole"
    region = _REGION.search(sentence.text) if where_from == "sentence" else None
    if region is not None and not _of_a_noun(sentence, region.start()):
        return "regional"
    return None


def _of_a_noun(sentence: Any, start: int) -> bool:
    """The phrase at ``start`` (a character offset in ``sentence``) says where a noun is, not
    over what the count runs: "pupils at Rowanbank Primary School in the Fellgate district"
    (user trial 168), "a jury in the state of Varden found ..." (the planted wildfire
    verdict); "In Velmara province, the Front won 48 percent" is a region's count."""
    token = sentence.char_span(start, start + 1, alignment_mode="expand")
    prep = token[0] if token is not None and len(token) else None
    return prep is not None and prep.head.pos_ in {"NOUN", "PROPN"} and prep.head.i != prep.i


_REGION_WORD = re.compile(r"\b(?:province|region|district|county|state)\b", re.I)
_REGION = re.compile(
    r"\b(?i:in|across|throughout)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}"
    r"(?:province|region|district|county|state)\b"
    r"|\b(?i:in|across|throughout)\s+the\s+(?:province|region|district|county|state)\s+of\s+"
    r"[A-Z][\w'’-]*"
)
"""A count given for one region of a country: "in Velmara province", "in the region of X"."""


def _whole_of_a_part(anchor: Any) -> bool:
    """ "117 of the Assembly's 240 deputies", "most of the 300 passengers": the count is the
    whole a part is taken from."""
    noun = anchor.head if anchor.dep_ in {"nummod", "quantmod"} else anchor
    return whole_of_parts(noun)


def _among(anchor: Any) -> bool:
    """ "Some 900 residents were among those told to leave": the counted things are said to be
    part of a larger group."""
    noun = anchor.head if anchor.dep_ in {"nummod", "quantmod"} else anchor
    verb = noun.head
    return bool(
        noun.dep_ in {"nsubj", "nsubjpass"}
        and verb.lemma_ == "be"
        and any(c.dep_ == "prep" and c.lower_ == "among" for c in verb.children)
    )


def _included(anchor: Any) -> bool:
    """ "17 people, including three rescuers", "among them two children": the counted things
    are named as part of a larger count."""
    noun = anchor.head if anchor.dep_ in {"nummod", "quantmod"} else anchor
    return bool(noun.dep_ == "pobj" and noun.head.lower_ in {"including", "among", "includes"})


def _alone(sentence: Any, anchor: Any) -> bool:
    """ "In March alone", "in Tolberg district alone": the count is of one part (a month, a
    district) of a larger whole. "Alone" after a noun (not after a verb: "she lives alone"),
    in the number's own clause."""
    clause = clause_of(anchor)
    return any(
        t.lower_ == "alone"
        and t.head.pos_ in {"NOUN", "PROPN"}
        and t.head.lower_ not in DAYS  # "on Tuesday alone": that day's count, no part of it
        and clause_of(t) == clause
        for t in sentence
    )


_OWNED = re.compile(r"^(?:our|its|their|his|her)\s+", re.I)


def _said_when(sentence: Any, when: str | None) -> bool:
    """The time dates the saying, not what was counted ("the authority said on Monday that
    nine had been admitted", "On Monday, the authority said at least 13 ..."): the count as
    it stood when given."""
    if not when:
        return False
    at = sentence.text.find(when)
    if at < 0:
        return False
    found = sentence.doc.char_span(sentence.start_char + at, sentence.start_char + at + len(when))
    if found is None:
        return False
    if found.root.dep_ == "poss":
        return False  # "put Saturday's evacuations at 130": the day of what is counted
    verb = next((t for t in found.root.ancestors if t.pos_ == "VERB"), None)
    return verb is not None and verb.lemma_.lower() in SPEECH


def _why(rule: str, **features: Any) -> Why:
    """The rule and the features that have a value, in the order given."""
    return Why(rule=rule, features={k: v for k, v in features.items() if v is not None})


_AT_ONCE = re.compile(r"\b(at the scene|on the spot|instantly|on impact)\b", re.I)


def _told_as(sentence: Any, anchor: Any) -> str | None:
    """ "so far" when the count is told as it stood ("about 150 people have so far been moved
    into lifeboats", "to date"), "in all" when told as the whole ("In all, 431 people left the
    ship", "in total", "altogether"), in the number's clause; else None (user trial 123)."""
    clause = clause_of(anchor)
    words = [t.lower_ for t in sentence if clause_of(t) == clause]
    pairs = set(itertools.pairwise(words))
    if pairs & {("so", "far"), ("thus", "far"), ("to", "date")}:
        return "so far"
    if pairs & {("in", "all"), ("in", "total"), ("all", "told")} or "altogether" in words:
        return "in all"
    return None


def _at_once(sentence: str) -> str | None:
    """The words saying a count was final when the event happened ("shot dead at the scene",
    "died instantly"): a toll that cannot rise later, or None."""
    found = _AT_ONCE.search(sentence)
    return found.group(1).lower() if found else None


def _sentence(span: Any, token: Any) -> Any:
    """The sentence of ``token``, clipped to its paragraph."""
    return clip(span, token.sent)


_DEGREES = frozenset(["C", "F"])
_DEGREES_AFTER = re.compile(
    r"\s?(?:°\s?[CF]\b|[CF]\b|degrees?(?:\s+(?:Celsius|Fahrenheit|centigrade|C|F)\b)?)"
)
_UNIT_AFTER = re.compile(r"[ -]?((?:square |cubic |sq )?([^\W\d_][\w/°²³]*))")


def figure_words(text: str, mention: NumberMention) -> str:
    """A figure as written, with the unit that follows it when its span stops before it
    ("about 80" + "metres": "about 80 metres"), so that a report never sets 80 metres against
    400 feet as bare numbers.

    >>> from storylens.model import Bound, Span, Why
    >>> text = "It fell about 80 metres."
    >>> m = NumberMention(Span("a", 8, 16), 80.0, Bound.AROUND, 72.0, 88.0, "metres", None,
    ...                   None, None, Why("number", None, {"measure": "m"}))
    >>> figure_words(text, m)
    'about 80 metres'
    >>> text = "It was about 70 degrees Fahrenheit."
    >>> m = NumberMention(Span("a", 7, 15), 70.0, Bound.AROUND, 63.0, 77.0, "temperature",
    ...                   None, None, None, Why("number", None, {"measure": "F"}))
    >>> figure_words(text, m)
    'about 70 degrees Fahrenheit'
    """
    words = text[mention.span.start : mention.span.end]
    measure = mention.why.features.get("measure")
    if not measure:
        return words
    if measure in _DEGREES:  # "about 70 degrees Fahrenheit", "29C", "44.2 °C"
        degrees = _DEGREES_AFTER.match(text, mention.span.end)
        return words + (text[mention.span.end : degrees.end()] if degrees else f"°{measure}")
    after = _UNIT_AFTER.match(text, mention.span.end)
    if after is None or (
        unit_of(after.group(2)) is None
        and unit_of(after.group(2).lower()) is None
        and time_symbol(after.group(2)) is None  # "four years" against "30 months"
    ):
        return words
    return words + text[mention.span.end : after.end()]
