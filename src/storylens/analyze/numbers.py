"""Reported quantities: value, bound, range, what is counted, where, when and according to whom.

``find_numbers`` reads one article's body paragraphs with spaCy (only the paragraphs that hold a
number, plus the paragraph before each for context, unless a parsed ``doc`` is passed) and
returns one :class:`~storylens.model.NumberMention` per quantity. Years, dates, clock times,
ordinals, durations ("in the last 24 hours" is a *when*), ages and numbers inside names
("215 Maiwand Afghan Army Corps", "Article 5") are not quantities.

Every mention carries ``why``: ``rule`` says how the counted thing was found (``nummod``,
``number-subject``, ``of-phrase``, ``population``, ``next-word`` or ``none``) and ``features``
hold the evidence: the bound phrase, the vague word, the counted ``event`` and ``subject``
groups, where the place came from (``sentence`` or ``context``), the scope and the source cue.

Open ranges use ``math.inf`` as ``high`` ("more than 100" is 101..inf); serialisers must write
it as ``null`` or a string, since JSON has no infinity.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storylens.model import Article, Bound, NumberMention, Paragraph, ParagraphKind, Why
from storylens.nlp import load_spacy

__all__ = ["event_group", "find_numbers", "subject_group"]


def _words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen"
_NUMBER_WORDS = {w: float(i) for i, w in enumerate(f"{_ONES} {_TEENS}".split())}
_NUMBER_WORDS |= {
    w: float(10 * (i + 2))
    for i, w in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    )
}
_MULTIPLIERS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12.0}
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 999_999.0),
    "millions": (2e6, 999_999_999.0),
    "billions": (2e9, 999e9),
    "handful": (2.0, 9.0),
}
_VAGUE_TENS = {"tens": (20.0, 99.0), "dozens": (24.0, 99.0), "hundreds": (200.0, 999.0)}
_VAGUE_UNITS = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_HINT = re.compile(  # "one" alone is mostly a pronoun: see _is_pronoun_one
    r"\d|\b(?:"
    + "|".join([*(set(_NUMBER_WORDS) - {"one"}), *_MULTIPLIERS, *_VAGUE, "tens"])
    + r"|(?:only|just|exactly|least|than)\s+one)\b",
    re.I,
)

_BOUNDS: dict[tuple[str, ...], Bound] = {
    ("at", "least"): Bound.AT_LEAST,
    ("no", "fewer", "than"): Bound.AT_LEAST,
    ("no", "less", "than"): Bound.AT_LEAST,
    ("not", "less", "than"): Bound.AT_LEAST,
    ("a", "minimum", "of"): Bound.AT_LEAST,
    ("more", "than"): Bound.MORE_THAN,
    ("over",): Bound.MORE_THAN,
    ("above",): Bound.MORE_THAN,
    ("upwards", "of"): Bound.MORE_THAN,
    ("in", "excess", "of"): Bound.MORE_THAN,
    ("greater", "than"): Bound.MORE_THAN,
    ("at", "most"): Bound.AT_MOST,
    ("up", "to"): Bound.AT_MOST,
    ("no", "more", "than"): Bound.AT_MOST,
    ("not", "more", "than"): Bound.AT_MOST,
    ("a", "maximum", "of"): Bound.AT_MOST,
    ("as", "many", "as"): Bound.AT_MOST,
    ("less", "than"): Bound.LESS_THAN,
    ("fewer", "than"): Bound.LESS_THAN,
    ("under",): Bound.LESS_THAN,
    ("below",): Bound.LESS_THAN,
    ("just", "under"): Bound.LESS_THAN,
    ("around",): Bound.AROUND,
    ("about",): Bound.AROUND,
    ("approximately",): Bound.AROUND,
    ("roughly",): Bound.AROUND,
    ("some",): Bound.AROUND,
    ("an", "estimated"): Bound.AROUND,
    ("estimated",): Bound.AROUND,
    ("circa",): Bound.AROUND,
    ("nearly",): Bound.AROUND,
    ("almost",): Bound.AROUND,
    ("close", "to"): Bound.AROUND,
}
_JUST_BELOW = {("nearly",), ("almost",), ("close", "to")}  # around, but not above

_EVENTS = {
    "killed": "kill killed kills killing dead die died dies death deaths fatality fatalities "
    "slain perish perished massacre massacred murder murdered execute executed",
    "wounded": "wound wounded wounds injure injured injuries injury hurt maim maimed",
    "displaced": "displace displaced uproot uprooted flee fled homeless",
    "evacuated": "evacuate evacuated evacuation",
    "arrested": "arrest arrested arrests detain detained detention jail jailed imprison imprisoned",
    "missing": "missing disappear disappeared unaccounted",
    "kidnapped": "kidnap kidnapped abduct abducted hostage hostages",
    "rescued": "rescue rescued",
}
_EVENT_OF = {w: group for group, words in _EVENTS.items() for w in words.split()}
_SUBJECTS = {
    "people": "people person persons civilian civilians resident residents individual "
    "individuals villager villagers inhabitant inhabitants bystander bystanders victim victims "
    "citizen citizens",
    "children": "child children kid kids minor minors boy boys girl girls",
    "soldiers": "soldier soldiers troop troops serviceman servicemen",
    "police": "police policeman policemen officer officers",
    "fighters": "fighter fighters militant militants insurgent insurgents rebel rebels",
}
_SUBJECT_OF = {w: group for group, words in _SUBJECTS.items() for w in words.split()}
_TOTALS = _words("toll number total tally figure count turnout rate share")
_LIGHT_VERBS = _words(
    "be have do make take get give leave say tell include see show reach put use become "
    "remain keep bring add"
)
_SPEECH = _words(
    "say tell tweet report state announce confirm add warn estimate claim note write "
    "post record count put"
)
_TIME_UNITS = _words(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries night nights weekend weekends"
)
_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_CLOCK = {"am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc", "hrs", "o'clock"}
_YEAR_PREPS = {"in", "since", "by", "until", "from", "of", "before", "after", "during", "to"}
_ONE_KEEPERS = {"only", "just", "exactly", "single"}
_PLACE_NOUNS = _words(
    "city town village province district region capital outskirts suburb suburbs state county "
    "country area camp neighbourhood neighborhood community island"
)
_LOCATIVE = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "around",
    "within",
    "on",
    "into",
}
_TIME_PREPS = {
    "in",
    "on",
    "since",
    "from",
    "over",
    "during",
    "within",
    "for",
    "until",
    "by",
    "after",
    "before",
    "throughout",
}
_PERIOD_WORDS = {"last", "past", "since", "from", "over", "recent", "previous", "ago", "this"}
_ORG_WORDS = _words(
    "ministry commission council mission company party army corps committee organisation "
    "organization group times news bank court congress parliament agency forces university "
    "embassy office department institute association union post"
)
_DOUBTFUL = {"", "PERSON", "ORG", "FAC", "GPE", "LOC"}  # labels a place evidence can overrule
_NATIONAL = re.compile(
    r"\b(?:across|throughout|all over)\s+the\s+(?:country|nation)\b|\bnation-?wide\b"
    r"|\bcountry-?wide\b",
    re.I,
)
_NAME = r"[A-Z][\w'’.-]*(?:[ ](?:[A-Z][\w'’.-]*))*"
_PLACE_EVIDENCE = (
    re.compile(rf"\b(?i:in|at|near|outside|inside|across|throughout)\s+({_NAME})"),
    re.compile(rf"\b(?i:{'|'.join(_PLACE_NOUNS)}|residents|streets)\s+of\s+({_NAME})"),
    re.compile(rf"({_NAME})\s+(?:province|district|city|town|region|county)\b"),
    re.compile(rf"({_NAME}),\s+(?:[\w'’-]+\s+){{0,3}}(?:{'|'.join(_PLACE_NOUNS)})\b"),
    re.compile(rf"\b(?:city|town|village|capital|province|district),\s+({_NAME}),"),
)


@dataclass(frozen=True, slots=True)
class _Run:
    """The tokens of one number expression and the values its wording allows."""

    start: int  # token index of the first token (bound phrase excluded)
    end: int  # token index after the last token
    value: float
    low: float
    high: float
    vague: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class _Context:
    """What every step needs: the article, its body paragraphs, their parses, its place names.

    ``spans`` maps a body paragraph's index to its spaCy span; paragraphs without a number are
    parsed only when a mention needs them for context.
    """

    article: Article
    body: tuple[Paragraph, ...]
    doc: Any | None
    spans: dict[int, Any]
    places: frozenset[str]


def event_group(word: str) -> str | None:
    """The synonym group of a casualty word: "injured" -> "wounded", "dead" -> "killed".

    >>> event_group("Hurt"), event_group("chanted")
    ('wounded', None)
    """
    return _EVENT_OF.get(word.lower())


def subject_group(word: str) -> str | None:
    """The group of a counted noun: ``"civilians"`` -> ``"people"``, ``"kids"`` -> ``"children"``.

    >>> subject_group("Residents"), subject_group("stations")
    ('people', None)
    """
    return _SUBJECT_OF.get(word.lower())


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
    context = _Context(article, body, doc, {}, _place_evidence(article.text))
    wanted = [i for i, p in enumerate(body) if _HINT.search(article.text, p.start, p.end)]
    _parse(context, wanted)
    return tuple(m for i in wanted for m in _paragraph_numbers(context, i))


# ----------------------------------------------------------------------------- parsing


def _parse(context: _Context, indexes: list[int]) -> None:
    """Parse these body paragraphs (or cut them out of the given doc) into ``context.spans``."""
    todo = [i for i in indexes if i not in context.spans]
    text = context.article.text
    if context.doc is not None:
        for i in todo:
            par = context.body[i]
            context.spans[i] = context.doc.char_span(par.start, par.end, alignment_mode="expand")
        return
    docs = load_spacy().pipe(text[context.body[i].start : context.body[i].end] for i in todo)
    context.spans.update((i, d[:]) for i, d in zip(todo, docs, strict=True))


def _span_of(context: _Context, index: int) -> Any:
    """The spaCy span of body paragraph ``index``, parsing it on first use."""
    _parse(context, [index])
    return context.spans[index]


def _offset(par: Paragraph, span: Any) -> int:
    """Add this to a token's ``idx`` to get its offset in the article text."""
    return par.start - int(span.start_char)


def _paragraph_numbers(context: _Context, index: int) -> Iterator[NumberMention]:
    """The mentions of one body paragraph."""
    span = context.spans[index]
    i = span.start
    while i < span.end:
        run = _run_at(span.doc, i, span.end)
        if run is None:
            i += 1
            continue
        if _skip_reason(span.doc, run) is None:
            yield _mention(context, index, run)
        i = run.end


# ------------------------------------------------------------------------ number runs


def _run_at(doc: Any, i: int, end: int) -> _Run | None:
    """The number expression starting at token ``i``, if one does."""
    words = [t.lower_ for t in doc[i : min(end, i + 3)]]
    if words[0] in _VAGUE_TENS and words[1:3] and words[1] == "of" and words[2] in _VAGUE_UNITS:
        lo, hi = _VAGUE_TENS[words[0]]
        unit = _VAGUE_UNITS[words[2]]
        return _Run(i, i + 3, lo * unit, lo * unit, hi * unit, " ".join(words), None)
    if words[0] in {"a", "an"} and len(words) > 1 and words[1] == "handful":
        return _Run(i, i + 2, 2.0, 2.0, 9.0, "a handful", None)
    if words[0] in _VAGUE:
        lo, hi = _VAGUE[words[0]]
        return _Run(i, i + 1, lo, lo, hi, words[0], None)
    if words[0] in {"a", "an"} and len(words) > 1 and words[1] in _MULTIPLIERS:
        return _exact_run(doc, i, i + 1, end)
    if words[0] == "between" and len(words) > 1 and _is_count(words[1]):
        return _between(doc, i, end)
    if _is_count(words[0]) and words[0] not in _MULTIPLIERS:
        return _ranged(doc, _exact_run(doc, i, i, end), end, joiners={"to", "-"})
    return None


def _between(doc: Any, i: int, end: int) -> _Run | None:
    """ "between 30 and 40": a range, or None when no second number follows."""
    run = _ranged(doc, _exact_run(doc, i + 1, i + 1, end), end, joiners={"and"})
    return (
        _Run(i, run.end, run.value, run.low, run.high, run.vague, run.unit) if run.vague else None
    )


def _ranged(doc: Any, run: _Run, end: int, *, joiners: set[str]) -> _Run:
    """Join "30 to 40" or "30-40" into one run whose range is 30..40 (years are left alone)."""
    if run.end + 1 >= end or doc[run.end].lower_ not in joiners:
        return run
    if not _is_count(doc[run.end + 1].lower_) or _looks_like_year(run.value):
        return run
    second = _exact_run(doc, run.end + 1, run.end + 1, end)
    if _looks_like_year(second.value) or second.value <= run.value:
        return run
    words = doc[run.start : second.end].text.lower()
    return _Run(run.start, second.end, run.value, run.value, second.value, words, second.unit)


def _looks_like_year(value: float) -> bool:
    """1900..2099 as a whole number."""
    return value.is_integer() and 1900 <= value <= 2099


def _is_count(word: str) -> bool:
    """A digit string or a number word."""
    return bool(_DIGITS.fullmatch(word)) or word in _NUMBER_WORDS or word in _MULTIPLIERS


def _exact_run(doc: Any, start: int, first: int, end: int) -> _Run:
    """Extend an exact number over its words ("two hundred and fifty", "1.5 million", "5%")."""
    j = first + 1
    while j < end and _continues(doc, j, end):
        j += 1
    value = _value([t.lower_ for t in doc[start:j]])
    unit = None
    if j < end and doc[j].lower_ in {"%", "percent"}:
        unit, j = "percent", j + 1
    elif start > 0 and doc[start - 1].text in {"$", "£", "€"}:
        unit = doc[start - 1].text
    return _Run(start, j, value, value, value, None, unit)


def _continues(doc: Any, j: int, end: int) -> bool:
    """Whether token ``j`` carries on the number before it ("two hundred", "twenty-five")."""
    word, prev = doc[j].lower_, doc[j - 1].lower_
    words = {*_NUMBER_WORDS, *_MULTIPLIERS}
    if word in _MULTIPLIERS:
        return True
    if word in _NUMBER_WORDS:
        return prev in words or (prev in {"-", "and"} and doc[j - 2].lower_ in words)
    nxt = doc[j + 1].lower_ if j + 1 < end else ""
    return word in {"-", "and"} and prev in words and nxt in _NUMBER_WORDS


def _value(words: list[str]) -> float:
    """The value of number words and digits: ``["two", "hundred", "and", "fifty"]`` -> 250."""
    total = current = 0.0
    for word in words:
        if _DIGITS.fullmatch(word):
            current += float(word.replace(",", ""))
        elif word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word in {"hundred", "dozen"}:
            current = (current or 1.0) * _MULTIPLIERS[word]
        elif word in _MULTIPLIERS:
            total += (current or 1.0) * _MULTIPLIERS[word]
            current = 0.0
    return total + current


# ------------------------------------------------------------------- not quantities


def _skip_reason(doc: Any, run: _Run) -> str | None:
    """Why a number is not a reported quantity (year, date, name...), or None when it is one."""
    first, last = doc[run.start], doc[run.end - 1]
    prev = doc[run.start - 1] if run.start > 0 else None
    nxt = doc[run.end] if run.end < len(doc) else None
    checks = (
        ("ordinal", first.ent_type_ == "ORDINAL"),
        ("year", _is_year(run, last, prev)),
        ("date", _near_month(prev, nxt)),
        ("time", ":" in last.text or (nxt is not None and nxt.lower_ in _CLOCK)),
        ("age", _is_age(doc, run, prev)),
        ("name", _inside_name(run, last, prev, nxt)),
        ("duration", _is_duration(doc, run, last)),
        ("pronoun-one", _is_pronoun_one(run, first, prev)),
    )
    return next((reason for reason, hit in checks if hit), None)


def _is_year(run: _Run, last: Any, prev: Any | None) -> bool:
    """A four-digit 1900..2099 in a date, after "in/since/by", or not counting a noun."""
    if run.unit or run.vague or not re.fullmatch(r"(?:19|20)\d\d", last.text):
        return False
    counts_noun = last.dep_ == "nummod" and last.head.tag_ == "NNS"
    after_prep = prev is not None and prev.lower_ in _YEAR_PREPS
    return last.ent_type_ == "DATE" or after_prep or not counts_noun


def _near_month(prev: Any | None, nxt: Any | None) -> bool:
    """Next to a month name: "June 5", "5 June"."""
    return any(t is not None and t.lower_.rstrip(".") in _MONTHS for t in (prev, nxt))


def _is_age(doc: Any, run: _Run, prev: Any | None) -> bool:
    """ "aged 5", "a 5-year-old"."""
    tail = "".join(t.text for t in doc[run.end : run.end + 4]).lower()
    return (prev is not None and prev.lower_ in {"aged", "age"}) or bool(
        re.match(r"-(?:year|month|week)s?-old", tail)
    )


def _inside_name(run: _Run, last: Any, prev: Any | None, nxt: Any | None) -> bool:
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
        and prev.lower_ not in _DAYS | _MONTHS
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


def _is_duration(doc: Any, run: _Run, last: Any) -> bool:
    """A stretch of time ("the last 24 hours"): a *when*, unless it measures something ("20
    years of operations")."""
    unit = last.head if last.dep_ == "nummod" else None
    if unit is None and run.end < len(doc):
        unit = doc[run.end]
    if unit is None or unit.lower_ not in _TIME_UNITS:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in unit.children)


def _is_pronoun_one(run: _Run, first: Any, prev: Any | None) -> bool:
    """ "one resident said", "one of three": "one" is a count only after "only/just/exactly"."""
    if first.lower_ != "one" or run.end - run.start != 1:
        return False
    return prev is None or (prev.lower_ not in _ONE_KEEPERS and _bound_before(prev) is None)


# -------------------------------------------------------------------------- mentions


def _mention(context: _Context, index: int, run: _Run) -> NumberMention:
    """Build one mention: bound and range, what, where, when, source, and why."""
    span = context.spans[index]
    doc = span.doc
    bound_words = _bound_words(doc, run)
    bound = _BOUNDS.get(bound_words, Bound.VAGUE if run.vague else Bound.EXACT)
    low, high = _range(run, bound, bound_words in _JUST_BELOW)
    start_tok = run.start - len(bound_words)
    offset = _offset(context.body[index], span)
    start = doc[start_tok].idx + offset
    end = doc[run.end - 1].idx + len(doc[run.end - 1]) + offset
    sentence = _sentence(span, doc[run.end - 1])
    source, source_toks, cue = _attribution(sentence, span, doc[run.end - 1])
    what, rule, event, subject = _counted(doc, run)
    where, where_from = _where(context, index, sentence, doc[run.end - 1], source_toks)
    when = _when(sentence, run, offset, context.article.text)
    features: dict[str, Any] = {
        "bound_phrase": " ".join(bound_words) or None,
        "vague_word": run.vague,
        "unit": run.unit,
        "event": event,
        "subject": subject,
        "where_from": where_from,
        "source_cue": cue,
        "scope": "national" if _NATIONAL.search(sentence.text) else None,
    }
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
        why=Why(rule=rule, features={k: v for k, v in features.items() if v is not None}),
    )


def _bound_words(doc: Any, run: _Run) -> tuple[str, ...]:
    """The bound phrase just before the number ("more than"), or ``()``."""
    for size in (3, 2, 1):
        lo = run.start - size
        if lo < 0:
            continue
        words = tuple(t.lower_ for t in doc[lo : run.start])
        if words in _BOUNDS and not any(t.is_sent_end for t in doc[lo : run.start - 1]):
            return words
    return ()


def _bound_before(token: Any) -> Bound | None:
    """The bound a phrase ending at ``token`` gives ("least" in "at least" gives AT_LEAST)."""
    for size in (3, 2, 1):
        lo = token.i - size + 1
        if lo >= 0 and (words := tuple(t.lower_ for t in token.doc[lo : token.i + 1])) in _BOUNDS:
            return _BOUNDS[words]
    return None


def _range(run: _Run, bound: Bound, just_below: bool) -> tuple[float, float]:
    """Low and high values the wording allows."""
    lo, hi = run.low, run.high
    step = 1.0 if float(lo).is_integer() and run.unit != "percent" else 0.0
    if bound is Bound.AT_LEAST:
        return lo, math.inf
    if bound is Bound.MORE_THAN:
        return (lo + step if step else math.nextafter(lo, math.inf)), math.inf
    if bound is Bound.AT_MOST:
        return 0.0, hi
    if bound is Bound.LESS_THAN:
        return 0.0, (hi - step if step else math.nextafter(hi, 0.0))
    if bound is Bound.AROUND:
        return 0.8 * lo, (hi if just_below else 1.2 * hi)
    return lo, hi


def _sentence(span: Any, token: Any) -> Any:
    """The sentence of ``token``, clipped to its paragraph."""
    return _clip(span, token.sent)


# ------------------------------------------------------------------ what is counted


def _counted(doc: Any, run: _Run) -> tuple[str | None, str, str | None, str | None]:
    """(what, rule, event group, subject group) for the number ending at ``run.end - 1``."""
    anchor = _root(doc, run)
    noun, event, rule = _noun_and_event(anchor)
    town = _population_of(anchor if noun is None else noun)
    if town is not None and (noun is None or subject_group(noun.lower_) == "people"):
        return f"population of the {town.lower_}", "population", None, "population"
    if noun is None and event is None and run.end < len(doc):
        nxt = doc[run.end]
        if event_group(nxt.lower_) or event_group(nxt.lemma_):
            event, rule = nxt, "next-word"
    if rule == "total":
        return _total_text(noun), rule, _event_key(_event_of_total(noun)), None
    if noun is not None and event is None:
        event = _event_of_noun(noun)
    what = _what_text(noun, event, range(run.start, run.end))
    return what, rule, _event_key(event), _subject_key(noun)


def _root(doc: Any, run: _Run) -> Any:
    """The token of a number run whose head lies outside it ("fifty" in "two hundred and fifty")."""
    inside = range(run.start, run.end)
    roots = [t for t in doc[run.start : run.end] if t.head.i not in inside or t.head.i == t.i]
    numbers = [t for t in roots if _is_count(t.lower_) or t.lower_ in _VAGUE]
    return (numbers or roots or [doc[run.end - 1]])[0]


def _population_of(token: Any) -> Any | None:
    """The place noun of "a city of 200,000 (people)", or None."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in _PLACE_NOUNS:
        return head.head
    return None


def _noun_and_event(anchor: Any) -> tuple[Any | None, Any | None, str]:
    """The counted noun and/or the event word a number attaches to, with the rule used."""
    head = anchor.head
    if anchor.dep_ in {"nummod", "quantmod", "compound"} and head.i != anchor.i:
        if _is_event_word(head):
            return None, head, "nummod"
        return head, None, "nummod"
    of_noun = next(
        (
            g
            for c in anchor.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    event = head if anchor.dep_ in {"nsubj", "nsubjpass"} and _is_predicate(head) else None
    total = _total_of(anchor)
    if total is not None:
        return total, None, "total"
    if of_noun is not None:
        return of_noun, event, "of-phrase"
    if event is not None:
        return None, event, "number-subject"
    return None, None, "none"


def _total_of(anchor: Any) -> Any | None:
    """The subject a number is the value of: "the toll rose to 45", "turnout was 12%"."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ in {"to", "at"}:
        verb = head.head
    elif anchor.dep_ in {"attr", "acomp"}:
        verb = head
    else:
        return None
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    return subj if subj is not None and subj.lemma_ in _TOTALS else None


def _event_of_total(noun: Any) -> Any | None:
    """The event a total counts: "death toll", "number of injured"."""
    for child in noun.children:
        if child.dep_ == "compound" and _is_event_word(child):
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if _is_event_word(g)), None)
    return None


def _total_text(noun: Any) -> str:
    """ "death toll", "number of injured", "turnout"."""
    return "".join(t.text_with_ws for t in noun.subtree if t.dep_ not in {"det", "poss"}).strip()


def _is_event_word(token: Any) -> bool:
    """A casualty word such as "wounded", "dead", "injured"."""
    return event_group(token.lower_) is not None or event_group(token.lemma_) is not None


def _is_predicate(token: Any) -> bool:
    """A verb or adjective that can say what happened to the counted thing."""
    if token.pos_ == "ADJ":
        return _is_event_word(token)
    return token.pos_ == "VERB" and token.lemma_ not in _LIGHT_VERBS | _SPEECH


def _event_of_noun(noun: Any) -> Any | None:
    """The verb or adjective saying what happened to a counted noun ("civilians were killed").

    A compound naming the event counts too: "death toll".
    """
    for child in noun.children:
        if child.dep_ in {"acl", "amod", "relcl", "compound"} and _is_event_word(child):
            return child
    base = noun
    while base.dep_ == "conj":
        base = base.head
    head = base.head
    if base.dep_ in {"nsubj", "nsubjpass", "dobj"} and _is_predicate(head):
        return head
    if head.lemma_ in _LIGHT_VERBS | {"be"}:
        return next(
            (
                c
                for c in head.children
                if c.dep_ in {"acomp", "oprd", "xcomp", "ccomp"} and _is_event_word(c)
            ),
            None,
        )
    return None


def _what_text(noun: Any | None, event: Any | None, skip: range) -> str | None:
    """The normalised phrase: counted noun (with compounds and "of" object) plus participle."""
    parts = [_noun_phrase(noun, skip)] if noun is not None else []
    if event is not None and not (
        noun is not None and event.head.i == noun.i and event.dep_ == "compound"
    ):
        parts.append(_participle(event))
    return " ".join(parts) or None


def _noun_phrase(noun: Any, skip: range) -> str:
    """ "radio and TV stations", "years of military operations" (the number itself left out)."""
    keep = {"compound", "nmod", "conj", "cc"}
    toks = [noun]
    for child in noun.lefts:
        if child.dep_ in {"compound", "nmod"}:
            toks.extend(t for t in child.subtree if t.dep_ in keep or t is child)
    toks = [t for t in toks if t.i not in skip]
    words = " ".join(
        t.text if t.is_upper or t.pos_ == "PROPN" else t.lower_
        for t in sorted(toks, key=lambda t: t.i)
    )
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if obj is None or noun.lower_ not in _TIME_UNITS:
        return words
    mods = [t for t in obj.lefts if t.dep_ in {"amod", "compound"}] + [obj]
    return f"{words} of " + " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in mods)


def _participle(event: Any) -> str:
    """The event as a participle: "killed", "displaced"; "dead" and "deaths" become "killed"."""
    group = event_group(event.lower_) or event_group(event.lemma_)
    if event.tag_ in {"VBN", "VBD"} or (group and event.lower_.endswith("ed")):
        return str(event.lower_)
    return group or str(event.lemma_)


def _event_key(event: Any | None) -> str | None:
    """The synonym group of the event, or the verb's lemma when it has none."""
    if event is None:
        return None
    return event_group(event.lower_) or event_group(event.lemma_) or event.lemma_.lower()


def _subject_key(noun: Any | None) -> str | None:
    """The group of the counted noun, or the noun's lemma when it has none."""
    if noun is None:
        return None
    return subject_group(noun.lower_) or noun.lemma_.lower()


# --------------------------------------------------------------------- where, when, who


def _place_evidence(text: str) -> frozenset[str]:
    """Names the text itself shows to be places: "in X", "city of X", "X province", "X, a city"."""
    names: set[str] = set()
    for pattern in _PLACE_EVIDENCE:
        for match in pattern.finditer(text):
            name = re.split(r"['’]s\b\s*", match.group(1))[-1].strip(" .")
            name = re.sub(r"^(?:(?:The|In|At|On|Of|From|For|By|And|But|An?)\s+)+", "", name)
            words = name.lower().split()
            if name and not set(words) & (_ORG_WORDS | _MONTHS | _DAYS) and name[0].isupper():
                names.add(name)
    return frozenset(names)


def _places_in(context: _Context, span: Any, sentence: Any) -> list[Any]:
    """Place mentions in a sentence as spaCy spans: GPE/LOC entities and evidenced names."""
    found = {(e.start, e.end): e for e in sentence.ents if e.label_ in {"GPE", "LOC"}}
    for ent in sentence.ents:
        if ent.label_ in _DOUBTFUL and _bare(ent.text) in context.places:
            found[(ent.start, ent.end)] = ent
    offset = sentence.start_char
    for name in context.places:
        for match in re.finditer(rf"\b{re.escape(name)}\b", sentence.text):
            place = span.doc.char_span(offset + match.start(), offset + match.end())
            if place is None or any(t.ent_type_ not in _DOUBTFUL for t in place):
                continue
            if not any(s <= place.start < e for s, e in found):
                found[(place.start, place.end)] = place
    return [found[k] for k in sorted(found)]


def _bare(name: str) -> str:
    """A name without a leading "the" or a trailing possessive."""
    return re.sub(r"(?:^the\s+)|(?:['’]s$)", "", name, flags=re.I).strip()


def _usable_place(place: Any, source_toks: frozenset[int], strict: bool) -> bool:
    """Not a modifier ("Afghanistan's commission", "US forces"), not inside the source."""
    root = place.root
    if root.i in source_toks or any(c.dep_ == "case" for c in root.children):
        return False
    if root.dep_ in {"compound", "poss", "amod", "nmod"}:
        return False
    if place.end < len(place.doc) and place.doc[place.end].text in {"'s", "’s"}:
        return False
    return not (strict and root.dep_ in {"nsubj", "nsubjpass"})


def _is_locative(place: Any) -> bool:
    """Reached from "in/at/near/across..." through "of" phrases ("in the town of X")."""
    tok = place.root
    for _ in range(5):
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in _LOCATIVE:
            return True
        if tok.dep_ == "pobj" and head.lower_ == "of":
            tok = head.head
        elif tok.dep_ in {"appos", "conj"} and head.i != tok.i:
            tok = head
        else:
            return False
    return False


def _where(
    context: _Context, index: int, sentence: Any, anchor: Any, source_toks: frozenset[int]
) -> tuple[str | None, str | None]:
    """The nearest place in the sentence, else the last one in the sentences just before."""
    span = context.spans[index]
    places = [
        p
        for p in _places_in(context, span, sentence)
        if _usable_place(p, source_toks, strict=False)
    ]
    if places:
        best = min(places, key=lambda p: (not _is_locative(p), abs(p.root.i - anchor.i)))
        return _bare(best.text), "sentence"
    for earlier, earlier_span in _earlier_sentences(context, index, sentence):
        source = _attribution(earlier, earlier_span, earlier.root)[1]
        places = [
            p
            for p in _places_in(context, earlier_span, earlier)
            if _usable_place(p, source, strict=True)
        ]
        if places:
            best = max(places, key=lambda p: (_is_locative(p), p.start))
            return _bare(best.text), "context"
    return None, None


def _earlier_sentences(context: _Context, index: int, sentence: Any) -> Iterator[tuple[Any, Any]]:
    """Sentences before ``sentence`` in its paragraph, then in the paragraph before, last first."""
    span = context.spans[index]
    before = [s for s in span.sents if s.end <= sentence.start]
    for sent in reversed(before):
        yield _clip(span, sent), span
    if index > 0:
        prev_span = _span_of(context, index - 1)
        for sent in reversed(list(prev_span.sents)):
            yield _clip(prev_span, sent), prev_span


def _clip(span: Any, sent: Any) -> Any:
    """A sentence cut to the paragraph span it belongs to."""
    return span.doc[max(sent.start, span.start) : min(sent.end, span.end)]


def _when(sentence: Any, run: _Run, offset: int, text: str) -> str | None:
    """The time expression of the sentence, periods ("in the last 24 hours") first."""
    ents = [
        e
        for e in sentence.ents
        if e.label_ in {"DATE", "TIME"} and not (e.start <= run.start < e.end)
    ]
    if not ents:
        return None

    def rank(ent: Any) -> tuple[bool, int]:
        words = {t.lower_ for t in ent} | {ent.doc[max(ent.start - 1, 0)].lower_}
        return (not words & _PERIOD_WORDS, abs(ent.start - run.start))

    best = min(ents, key=rank)
    start = best.start_char
    before = best.doc[best.start - 1] if best.start > sentence.start else None
    if before is not None and before.lower_ in _TIME_PREPS:
        start = before.idx
    return text[start + offset : best.end_char + offset]


def _attribution(
    sentence: Any, span: Any, anchor: Any
) -> tuple[str | None, frozenset[int], str | None]:
    """Who the sentence (or its paragraph) says the figure comes from, its tokens and the cue."""
    found = _source_in(sentence, anchor)
    if found is None:  # another sentence of the paragraph, when it names its source
        for sent in span.sents:
            if sent.start != sentence.start and (found := _source_in(sent, sent.root, True)):
                break
    if found is None:
        return None, frozenset(), None
    name, toks, cue = found
    return name, toks, cue


def _source_in(
    sentence: Any, anchor: Any, named: bool = False
) -> tuple[str, frozenset[int], str] | None:
    """ "according to X", or the subject of a speech verb; the one governing ``anchor`` first."""
    cues = []
    for tok in sentence:
        if tok.lower_ == "according" and (
            to := next((c for c in tok.children if c.lower_ == "to"), None)
        ):
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                cues.append((obj, "according to"))
        elif tok.pos_ == "VERB" and tok.lemma_ in _SPEECH:
            subj = _speaker(tok)
            if subj is not None and subj.pos_ != "PRON" and (subj.pos_ == "PROPN" or not named):
                cues.append((subj, tok.lemma_))
    if not cues:
        return None
    ancestors = {a.i for a in anchor.ancestors}
    subj, cue = min(
        cues,
        key=lambda c: (
            c[0].head.i not in ancestors and c[1] != "according to",
            abs(c[0].i - anchor.i),
        ),
    )
    return _source_name(subj), frozenset(t.i for t in subj.subtree), cue


def _speaker(verb: Any) -> Any | None:
    """The subject of a speech verb; for "with the UN saying ..." the noun just before it."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.tag_ == "VBG" and verb.i > 0:
        before = verb.doc[verb.i - 1]
        subj = before if before.pos_ in {"PROPN", "NOUN"} else None
    return subj


def _source_name(subj: Any) -> str:
    """The name of a source from its subject token: proper-noun phrase, appositive or noun.

    Possessors, appositions and clauses are left out; so is a leading article.
    """
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    head = appos if appos is not None and subj.pos_ != "PROPN" else subj
    drop = {"punct", "appos", "relcl", "acl", "cc", "conj"}
    if head.pos_ == "PROPN":  # "Afghanistan's Human Rights Commission" is the commission
        drop |= {"poss", "case"}
    toks = [t for t in head.subtree if not any(p.dep_ in drop for p in _path(t, head))]
    while len(toks) > 1 and toks[0].dep_ == "det":
        toks = toks[1:]
    return "".join(t.text_with_ws for t in toks).strip() or subj.text


def _path(token: Any, top: Any) -> list[Any]:
    """Tokens from ``token`` up to (not including) ``top``."""
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path
