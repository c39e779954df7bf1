"""A neutral, extractive digest: the strongest claims, each citing the articles behind it.

The digest only repeats what the articles say. Every sentence is one article's wording of a
claim, to the letter (a whole sentence, or the last clause of one), and it cites only the
articles that state it:

- the article it is taken from;
- each other article whose mention of the claim was linked to that very wording (one is the
  other's strongest partner in the claim) with probability at least ``cite``
  (0.5: on the fictional fact-level set, ``eval/claims_paraphrase.json``, pairs linked from 0.5
  are the same fact 92% of the time, against 78% from the shipped ``link`` of 0.35);
- and that gives every number the sentence gives (a sentence saying "98 rescued, 15 missing"
  is not cited for an article that only says 15 are missing) and names every name it names
  (a run of capitalised words, met in full, by its initials, "UN" for "United Nations", or by
  its last word, "Marrow" for "Ilse Marrow"): a sentence that adds "a spokeswoman for the
  Ministry of Mines said" or "the governor cancelled a trip" to a shared fact is not cited for
  the outlets that only state the fact;
- and that shares a content word with it besides its names, or is a close paraphrase of it
  (:data:`PARAPHRASE_COSINE`): four sentences that name one chairman say four things;
- and, for a long wording cut at commas, dashes and subordinating words, that shares a third
  of the plain words of every piece: "The union wants a 12% rise, arguing that rents have
  climbed faster than wages" is not cited for an outlet that only gives the 12%.

Of a claim's mentions, the wording chosen is one without loaded or hedging terms
("terrorists", "massacre", "disgraced", "allegedly") when there is one, then the one the
most independent origins can be cited for (then the most strongly linked, then the
earliest). Claims are taken by that
citation count (facts several independent sources state first), then by the mean link
probability of their citations, then by where they first appear, until the word budget is
spent, except that the digest opens on an article's opening statement (the one most
origins back, then the earliest): the news itself comes first even when the outlets'
openings were not linked to each other. A wording that is not a plain statement in the
reporting voice is never chosen:
quoted words (they belong to the speaker), questions, clause fragments, and any wording that
holds a disputed number.

A claim whose mentions give conflicting figures (a conflict both of whose numbers lie in the
claim's mentions: one fact, told with different numbers) is not left out for it: the digest
states the fact in a wording that gives no figure for the disputed thing and is linked to the
claim from ``cite``, when a mention is one, then a sentence says the figures differ and gives,
for each thing the conflicts count, every figure of those conflicts, as written, with the
outlets that give it ("Reports differ
on the number killed: at least 11 (Midland Observer) vs seven (Tidewater Chronicle, Greyport
Herald)."), citing every article that gives one. It counts the origins
of all of them, so a fact every outlet reports stays first even when they disagree on it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from storylens.analyze._pairs import plain_words, stop_words, unit_pieces
from storylens.analyze.conflicts import thing_of, whose
from storylens.analyze.numbers import figure_words, subject_group
from storylens.lexicon import plural
from storylens.model import (
    Article,
    Claim,
    ClaimMention,
    Conflict,
    DigestSentence,
    NumberMention,
    ParagraphKind,
    QuoteMention,
    Span,
)
from storylens.outlet import outlet_name

__all__ = ["DigestOptions", "make_digest"]

_QUOTE_MARKS = '"“”'


@dataclass(frozen=True, slots=True)
class DigestOptions:
    """How long the digest may be, and which claims may enter it."""

    words: int = 120
    min_words: int = 6  # shorter wordings are fragments, not statements
    max_words: int = 45  # longer ones read badly in a summary
    cite: float = 0.5  # another article is cited from this link probability (see above)


@dataclass(frozen=True, slots=True)
class _Choice:
    """One claim's wording for the digest and the articles it can cite."""

    claim: Claim
    mention: ClaimMention
    text: str
    cited: tuple[str, ...]
    origins: int
    strength: float
    position: tuple[int, int]
    dispute: bool = False  # a "Reports differ" sentence
    things: frozenset[str] = frozenset()  # what a dispute's figures count


@dataclass(frozen=True, slots=True)
class _Story:
    """What choosing a wording needs to know about the story."""

    texts: Mapping[str, str]
    order: Mapping[str, int]
    origins: Mapping[str, str]
    avoid: Sequence[Span]
    numbers: Mapping[str, Sequence[NumberMention]]  # article id -> its quantities
    loaded: Sequence[Span]
    options: DigestOptions


def make_digest(
    claims: Sequence[Claim],
    articles: Sequence[Article],
    *,
    options: DigestOptions | None = None,
    conflicts: Sequence[Conflict] = (),
    quotes: Sequence[QuoteMention] = (),
    numbers: Sequence[NumberMention] = (),
    origins: Mapping[str, str] | None = None,
    loaded: Sequence[Span] = (),
) -> tuple[DigestSentence, ...]:
    """Pick claims, best cited first, until the next one would pass the word budget.

    ``origins`` maps an article id to its same-origin group (wire copies count once);
    ``numbers`` are the story's quantities (a cited article must give the sentence's numbers);
    ``loaded`` are the loaded terms found in the articles ("terrorists", "massacre"): of a
    claim's wordings, one without them is chosen whenever there is one.
    """
    story = _Story(
        texts={a.id: a.text for a in articles},
        order={a.id: i for i, a in enumerate(articles)},
        origins=origins or {},
        avoid=[n.span for c in conflicts for n in c.mentions] + [q.span for q in quotes],
        numbers=_by_article(numbers),
        loaded=loaded,
        options=options or DigestOptions(),
    )
    names = {a.id: outlet_name(a) for a in articles}
    disputed = {c.claim.id: c for c in _disputes(claims, conflicts, story, names)}
    found = (disputed.get(claim.id) or _choose(claim, story) for claim in claims)
    choices = [c for c in found if c is not None]
    choices.sort(key=lambda c: (-c.origins, -c.strength, c.position, c.claim.id))
    choices = _taking_turns(choices)
    lead = _lead(choices, claims, articles)
    if lead is not None:  # the news itself opens the digest, however few outlets it links
        choices.remove(lead)
        choices.insert(0, lead)
    chosen: list[_Choice] = []
    used = 0
    for choice in choices:
        # the fact itself, in a wording without the disputed figures, goes before the dispute
        fact = _choose(choice.claim, story, without=choice.things) if choice.dispute else None
        if fact is not None and (fact.mention.why.score or 0.0) < story.options.cite:
            fact = None  # a weak member of the claim is no statement of the disputed fact
        if fact is not None:  # placed with the dispute, right before it
            fact = replace(fact, origins=choice.origins, position=choice.position)
        group = [c for c in (fact, choice) if c is not None]
        words = sum(len(c.text.split()) for c in group)
        if used + words > story.options.words:
            break
        chosen.extend(group)
        used += words
    chosen.sort(
        key=lambda c: (c is not lead, -min(c.origins, 2), c.position, c.claim.id, c.dispute)
    )
    return tuple(DigestSentence(c.text, (c.claim.id,), c.cited) for c in chosen)


def _taking_turns(choices: list[_Choice]) -> list[_Choice]:
    """The claims one origin alone states, its outlets taking turns (each one's in its own
    order, the outlet the shared claims cite least first): one outlet's many unmatched
    sentences do not fill the budget before another's first (user trial 90: five of seven
    sentences came from a state agency, none from the exile site). Claims several origins
    state keep their order, first."""
    shared = [c for c in choices if c.origins > 1 or c.dispute]
    queues: dict[str, list[_Choice]] = {}
    for choice in choices:
        if choice.origins <= 1 and not choice.dispute:
            queues.setdefault(choice.mention.span.article, []).append(choice)
    cited = {a: sum(a in c.cited for c in shared) for a in queues}  # the least heard first
    order = sorted(queues, key=lambda a: cited[a])
    turns = [
        c for round_ in itertools.zip_longest(*(queues[a] for a in order)) for c in round_ if c
    ]
    return shared + turns


def _lead(
    choices: Sequence[_Choice], claims: Sequence[Claim], articles: Sequence[Article]
) -> _Choice | None:
    """The wording of an article's opening statement (the start of its first body paragraph)
    that most origins back, then the earliest: a news story says what happened first. When
    the outlets' openings were not linked (one says "skidded off the runway", another
    "overran runway 27"), the digest still opens on the event rather than on a detail two
    outlets share."""
    first = {
        a.id: next((p.start for p in a.paragraphs if p.kind is ParagraphKind.BODY), None)
        for a in articles
    }
    openings = {
        claim.id
        for claim in claims
        if any(m.span.start == first.get(m.span.article) for m in claim.mentions)
    }
    ledes = [c for c in choices if c.claim.id in openings and not c.dispute]
    return min(ledes, key=lambda c: (-c.origins, c.position, c.claim.id), default=None)


def _choose(claim: Claim, story: _Story, without: frozenset[str] = frozenset()) -> _Choice | None:
    """The claim's best wording for the digest (None when no wording is a plain statement).
    A wording that gives a figure for one of the things ``without`` counts is passed over:
    the fact a dispute is about is stated without any figure for it ("At the depot alone,
    1,300 workers joined" does not state a city-wide strike whose size is disputed)."""
    found = [
        _cite(claim, m, story)
        for m in claim.mentions
        if _usable(m.span, story) and not _gives(m.span, without, story)
    ]
    if not found:
        return None
    return min(
        found,
        key=lambda c: (
            _is_loaded(c.mention.span, story),
            -c.origins,
            -c.strength,
            _at(c.mention.span, story),
        ),
    )


def _gives(span: Span, things: frozenset[str], story: _Story) -> bool:
    """The span gives a figure for one of ``things`` (as :func:`thing_of` names them)."""
    return bool(things) and any(
        span.overlaps(n.span) and thing_of(n) in things for n in story.numbers.get(span.article, ())
    )


def _disputes(
    claims: Sequence[Claim],
    conflicts: Sequence[Conflict],
    story: _Story,
    names: Mapping[str, str],
) -> list[_Choice]:
    """A sentence for each claim whose own mentions give conflicting figures."""
    found = []
    for claim in claims:
        inside = [
            c
            for c in conflicts
            if c.kind == "number"
            and all(any(m.span.overlaps(n.span) for m in claim.mentions) for n in c.mentions)
        ]
        if inside:
            found.append(_dispute(claim, inside, story, names))
    return found


def _dispute(
    claim: Claim, conflicts: Sequence[Conflict], story: _Story, names: Mapping[str, str]
) -> _Choice:
    """'Reports differ on the number killed: nine (A) vs at least 12 (B, C).', one sentence
    for each thing the claim's conflicts count, with every figure of those conflicts (in story
    order, one figure a value range, the outlets that give it): a figure explained apart, as a
    part of the whole ("at the depot alone, 1,300") or another day's, is not in dispute."""
    things = list(
        dict.fromkeys((str(c.why.features.get("thing", "")), _stance(c)) for c in conflicts)
    )
    disputed = {n.span for c in conflicts for n in c.mentions}
    inside = [
        n
        for m in claim.mentions
        for n in story.numbers.get(m.span.article, ())
        if m.span.overlaps(n.span) and n.span in disputed
    ]
    parts, cited = [], set()
    for thing, stance in things:
        numbers = sorted(
            (n for n in inside if thing_of(n) == thing and n.why.features.get("stance") == stance),
            key=lambda n: _at(n.span, story),
        )
        figures: dict[tuple[float, float], list[NumberMention]] = {}
        for n in numbers:
            figures.setdefault((n.low, n.high), []).append(n)
        sides = []
        for group in figures.values():
            text = _figure(story.texts[group[0].span.article], group[0])
            outlets = dict.fromkeys(names[n.span.article] for n in group)
            sides.append(f"{text} ({', '.join(outlets)})")
        cited |= {n.span.article for n in numbers}
        words = _thing_words(thing, numbers) + _STANCE_WORDS.get(stance or "", "")
        parts.append(f"Reports differ on {words}: {' vs '.join(sides)}.")
    scores = [m.why.score for m in claim.mentions if m.why.score is not None]
    return _Choice(
        claim=claim,
        mention=claim.mentions[0],
        text=" ".join(parts),
        cited=tuple(sorted(cited, key=lambda a: (story.order.get(a, len(story.order)), a))),
        origins=len({story.origins.get(a, a) for a in cited}),
        strength=sum(scores) / len(scores) if scores else 0.0,
        position=min(_at(m.span, story) for m in claim.mentions),
        dispute=True,
        things=frozenset(thing for thing, _ in things),
    )


_PLURALS = frozenset(["children", "people", "police", "staff"])  # groups named in the plural
_MEASURED_AS = {"mass": "amount"}  # "65,000 tonnes" of grain against "40 million kilograms"


def _thing_words(thing: str, numbers: Sequence[NumberMention] = ()) -> str:
    """ "the number killed" for a casualty event, "the number of doses" for a counted noun;
    "the premium" for a share, a sum or a measure ("32 percent", "500 crowns", "14 km"; user
    trial 84 read "the number of fines"), "the sum" for money a verb moves ("money:take")
    unless a mention names it ("a fine of 500 crowns": "the fine") or the verb does ("fined
    48,000 crowns": "the fine"), "the penalty" for a term.

    >>> _thing_words("killed"), _thing_words("count:dose"), _thing_words("money:take")
    ('the number killed', 'the number of doses', 'the sum')
    >>> _thing_words("money:fine")
    'the fine'
    >>> _thing_words("count:children"), _thing_words("count:homes")
    ('the number of children', 'the number of homes')
    >>> _thing_words("count:vote margin")
    'the vote margin'
    """
    if thing.startswith("money:"):  # "a fine of 500 crowns" against "fined 250 crowns"
        named = [n.why.features.get("subject") for n in numbers]
        act = _ACT_NOUNS.get(thing.removeprefix("money:"), "sum")  # "fined 48,000 crowns":
        return next((f"the {noun}" for noun in named if isinstance(noun, str)), f"the {act}")
    noun = thing.removeprefix("count:")
    if numbers and all(n.why.rule in _EVENT_FIGURES for n in numbers):
        return _event_figure_words(noun, numbers)
    if noun.split(":")[0] == "duration":  # "duration:handover", "duration::adrift"
        return _duration_words(noun)
    measured = any(  # a share, a sum ("500 crowns": the fine, not the number of fines) or
        n.why.features.get("unit") or n.why.features.get("measure") for n in numbers
    )  # a measure
    if noun == "penalty" and (name := whose(numbers)) is not None:
        return f"the penalty of {name}"  # whose term (user trial 95)
    if noun == "vote" and (name := whose(numbers)) is not None:
        return f"the vote share of {name}"  # whose share (user trial 108)
    if thing.startswith("count:") and (measured or noun == "penalty"):
        return f"the {_MEASURED_AS.get(noun, noun)}"
    if thing.startswith("count:") and noun.split()[-1] in _AMOUNTS:
        return f"the {noun}"  # "the vote margin", not "the number of vote margins" (trial 159)
    if thing.startswith("count:"):  # a group is named in the plural already ("homes")
        grouped = (noun.endswith("s") or noun in _PLURALS) and subject_group(noun) == noun
        done = _done_to_all(noun, numbers)  # "the number of children taken to hospital"
        return f"the number of {noun if grouped else plural(noun)}{done}"
    return f"the number {thing}" if thing else "the figures"


def _stance(conflict: Conflict) -> str | None:
    """The stance the conflict's figures share ("limit" for two licensed capacities), or
    None: a capacity disputed and a count disputed are two disputes (user trial 163)."""
    stances = {m.why.features.get("stance") for m in conflict.mentions}
    stance = stances.pop() if len(stances) == 1 else None
    return stance if isinstance(stance, str) else None


_STANCE_WORDS = {
    "limit": " allowed",
    "forecast": " forecast",
    "offer": " offered",
    "demand": " demanded",
}
_ACT_NOUNS = {"fine": "fine", "pay": "payment", "cost": "cost", "owe": "debt", "lose": "loss"}
_EVENT_FIGURES = frozenset(["date", "clock", "position"])


def _event_figure_words(noun: str, numbers: Sequence[NumberMention]) -> str:
    """ "the date of the strike" when the event is a noun of the articles ("the strike on
    14 March"); "the date" when it is a verb's ("a lunch served on Monday 9 March": "date of
    serve" is no English: user trial 168)."""
    head, _, event = noun.partition(" of ")
    if event and all(_named_by_noun(n, event) for n in numbers):
        return f"the {head} of the {event}"
    return f"the {head}"


def _named_by_noun(mention: NumberMention, word: str) -> bool:
    """A noun of the mention's sentence names its event (``event_noun``), in one ``word``."""
    return bool(mention.why.features.get("event_noun")) and " " not in word


def _done_to_all(noun: str, numbers: Sequence[NumberMention]) -> str:
    """ " taken to hospital" when every figure's ``what`` ends with those words after its
    counted noun ("children taken to hospital", "pupils taken to hospital"), else ""; the
    counted noun is never repeated ("state schools": "")."""
    whats = [(n.what or "").lower().split() for n in numbers]
    if not whats or not all(whats):
        return ""
    tail: list[str] = []
    for words in zip(*(reversed(w) for w in whats), strict=False):
        if len(set(words)) != 1:
            break
        tail.insert(0, words[0])
    stem = noun.lower()[: max(3, len(noun) - 2)]
    while tail and any(w.startswith(stem) for w in tail):
        tail.pop(0)
    return f" {' '.join(tail)}" if tail else ""


_AMOUNTS = frozenset(
    [
        *("margin", "majority", "lead", "turnout", "total", "rate", "share", "toll"),
        *("capacity", "length", "height", "depth", "width", "distance", "deficit", "surplus"),
    ]
)
"""Nouns that name an amount, not things to count: a figure is "the" amount."""


def _duration_words(key: str) -> str:
    """ "the duration of the handover" for the key ``duration:handover``, "the time adrift"
    for ``duration::adrift`` (a state with no thing), "the duration" for ``duration`` (user
    trial 114 read "the duration:handover").

    >>> _duration_words("duration:handover"), _duration_words("duration::adrift")
    ('the duration of the handover', 'the time adrift')
    """
    parts = key.split(":")
    thing = parts[1] if len(parts) > 1 else ""
    state = " ".join(w for w in parts[2:] if w)
    if thing:
        return " ".join(w for w in ("the duration of the", thing, state) if w)
    return f"the time {state}" if state else "the duration"


def _figure(text: str, mention: NumberMention) -> str:
    """A figure as written, with its unit ("about 80 metres"), lower case first when it
    opened its sentence ("Seven": "seven")."""
    figure = " ".join(figure_words(text, mention).split())
    second = figure[1:2]
    if mention.why.rule in _NAMED_FIGURES:
        return figure  # "March 16", "4:52pm": a month keeps its capital
    return (
        figure[:1].lower() + figure[1:] if figure[:1].isupper() and not second.isupper() else figure
    )


_NAMED_FIGURES = frozenset(["date", "clock", "age"])


def _is_loaded(span: Span, story: _Story) -> bool:
    """True when the wording holds a loaded term: the digest speaks in neutral words."""
    return any(span.overlaps(term) for term in story.loaded)


def _usable(span: Span, story: _Story) -> bool:
    text = story.texts.get(span.article, "")[span.start : span.end]
    return _plain(text, story.options) and not any(span.overlaps(s) for s in story.avoid)


def _cite(claim: Claim, mention: ClaimMention, story: _Story) -> _Choice:
    """The wording of ``mention`` with the articles that state it too."""
    span = mention.span
    wanted = _values(span, story.numbers)
    names = _name_runs(_text(span, story))
    backers = [
        m
        for m in claim.mentions
        if m.span.article != span.article
        and m.why.features.get("unit") != "description"  # who someone is, not what happened
        and _linked(mention, m, story.options.cite)
        and wanted <= _values(m.span, story.numbers)
        and _names_all(names, _text(m.span, story))
        and _backs(mention, m, story)
    ]
    cited = sorted(
        {span.article, *(m.span.article for m in backers)},
        key=lambda a: (story.order.get(a, len(story.order)), a),
    )
    scores = [_link_score(mention, m) for m in backers]
    return _Choice(
        claim=claim,
        mention=mention,
        text=story.texts[span.article][span.start : span.end].strip(),
        cited=tuple(cited),
        origins=len({story.origins.get(a, a) for a in cited}),
        strength=sum(scores) / len(scores) if scores else 0.0,
        position=min(_at(m.span, story) for m in (mention, *backers)),
    )


PARAPHRASE_COSINE = 0.7
"""A cited mention that shares too few plain words with the wording must be this close to it
in meaning (the embedding cosine of the direct link)."""

SHARED_WORDS = 1 / 3
"""The share of plain words (of the shorter of the two sentences) a cited mention must share
with the wording, short of a close paraphrase."""


def _backs(wording: ClaimMention, other: ClaimMention, story: _Story) -> bool:
    """The other mention gives every figure the wording writes in digits (a year, "14-month"),
    and states a third of what the wording says, or is a close paraphrase of it: it shares a
    third of the plain words of the shorter of the two, and a third of the wording's words
    plain or named (function words aside). Four sentences naming "Chairman Ottilie Marsh" say
    four things; "read the verdict to a packed courtroom" does not back "wept, according to
    people in the courtroom"; and "ambulances were diverted to other hospitals" does not back
    "ambulances were diverted ... while the emergency department worked on paper, a ministry
    spokesperson said"."""
    own, theirs = _text(wording.span, story), _text(other.span, story)
    if not _digit_runs(own) <= _digit_runs(theirs) or not _every_piece_backed(own, theirs):
        return False
    words, others = plain_words(own), plain_words(theirs)
    shorter = min(len(words), len(others))
    if (
        words
        and others
        and len(words & others) >= SHARED_WORDS * shorter
        and _predicate_words(own) & others  # parsed only when the words back it
    ):
        said, stated = _all_words(own), _all_words(theirs)
        if len(said & stated) >= SHARED_WORDS * len(said):
            return True
    cosines = [
        float(x.why.features.get("cosine", 0.0))
        for x, y in ((wording, other), (other, wording))
        if x.why.features.get("with") == _key(y.span)
    ]
    return max(cosines, default=0.0) >= PARAPHRASE_COSINE


_NOT_TOLD = frozenset(["nsubj", "nsubjpass", "advcl", "npadvmod", "punct", "mark"])


@lru_cache(maxsize=4096)
def _predicate_words(text: str) -> frozenset[str]:
    """The plain words of what a sentence tells of its subject (its main verb and what hangs
    on it; not the subject, nor a clause set before or beside it): another outlet that names
    the same person at the same place ("Maren Holt told reporters at the spaceport") does not
    back "Speaking at the spaceport, chief executive Maren Holt was close to tears" (user
    trial 120). All its plain words when the sentence has no verb to read.

    >>> sorted(_predicate_words("Speaking at the spaceport, chief Maren Holt was close to tears."))
    ['close', 'tear']
    """
    from storylens.nlp import load_spacy

    doc = load_spacy()(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return frozenset(plain_words(text))
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    left = subject.left_edge.i if subject is not None else root.i
    aside = {t.i for c in root.children if c.dep_ in _NOT_TOLD for t in c.subtree}
    kept = [t for t in root.subtree if t.i >= left and t.i not in aside]
    found = plain_words(" ".join(t.text for t in kept))
    return frozenset(found or plain_words(text))


def _every_piece_backed(own: str, theirs: str) -> bool:
    """Each piece of a long wording (cut at commas, dashes and subordinating words) shares a
    third of its plain words with the other mention: "The union wants pay to rise by 12% over
    two years, arguing that rents ... have climbed far faster than wages" says two things, and
    an outlet that only gives the 12% backs one."""
    others = plain_words(theirs)
    for piece in unit_pieces(own):
        words = plain_words(piece)
        if len(words) >= _PIECE_PLAIN_WORDS and len(words & others) < SHARED_WORDS * len(words):
            return False
    return True


_PIECE_PLAIN_WORDS = 3  # a piece with fewer plain words says too little to need backing


def _all_words(text: str) -> set[str]:
    """The plain words of ``text`` and its capitalised words, lowercased (function words
    aside).

    >>> sorted(_all_words("Greyfell Minerals stopped the drilling."))
    ['drilling', 'greyfell', 'mineral', 'stopped']
    """
    stops = stop_words()
    named = {w.lower().rstrip("s") for w in re.findall(r"\b[A-Z][a-z]{2,}\b", text)}
    return plain_words(text) | {w for w in named if w not in stops}


def _digit_runs(text: str) -> set[str]:
    """The numbers a text writes in digits, separators dropped ("2,400" and "2400" are one).

    >>> sorted(_digit_runs("Between 2019 and 2022, a 14-month trial cost 2,400 euros."))
    ['14', '2019', '2022', '2400']
    """
    return {m.replace(",", "") for m in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def _text(span: Span, story: _Story) -> str:
    return story.texts.get(span.article, "")[span.start : span.end]


_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?|de\s+)?[A-Z][\w'’.-]*)*")


def _name_runs(text: str) -> list[tuple[str, ...]]:
    """The runs of capitalised words of a text, but its first word when that stands alone
    (it is capitalised as the sentence's start) and stop words ("The", "A").

    >>> _name_runs("Fighting goes on in Lashkar Gah, the United Nations says.")
    [('Lashkar', 'Gah'), ('United', 'Nations')]
    """
    stops = stop_words()
    runs = []
    for match in _NAME_RUN.finditer(text):
        words = tuple(w.rstrip(".'’") for w in match.group(0).split() if w[:1].isupper())
        while words and words[0].lower() in stops:
            words = words[1:]
        if not words or (match.start() == 0 and len(match.group(0).split()) == 1):
            continue
        runs.append(words)
    return runs


def _names_all(runs: Sequence[tuple[str, ...]], text: str) -> bool:
    """True when ``text`` names every name run: in full, by initials, or by its last word."""
    words = set(re.findall(r"[\w'’-]+", text))
    initials = {"".join(w[0] for w in run) for run in _name_runs(text) if len(run) > 1}
    for run in runs:
        acronym = "".join(w[0] for w in run)
        if len(run) == 1 and run[0].isupper() and run[0] in initials:
            continue  # "UN" for "United Nations"
        if set(run) <= words or run[-1] in words or (len(run) > 1 and acronym in words):
            continue
        return False
    return True


def _linked(a: ClaimMention, b: ClaimMention, cite: float) -> bool:
    """True when the two mentions were linked to each other directly, at ``cite`` or more.

    A mention's ``why`` names its strongest partner in the claim (``with``): two mentions are
    linked directly when one is the other's strongest partner. Two mentions joined only
    through a third are not: a claim of many articles can chain wordings that do not state
    the same thing.
    """
    return _link_score(a, b) >= cite


def _link_score(a: ClaimMention, b: ClaimMention) -> float:
    """The probability of the direct link between two mentions (0 when not linked directly)."""
    score = 0.0
    if a.why.features.get("with") == _key(b.span):
        score = max(score, a.why.score or 0.0)
    if b.why.features.get("with") == _key(a.span):
        score = max(score, b.why.score or 0.0)
    return score


def _key(span: Span) -> str:
    """A span as claim mentions name their partner: ``article:start-end``."""
    return f"{span.article}:{span.start}-{span.end}"


def _at(span: Span, story: _Story) -> tuple[int, int]:
    """Where a span is: its article's place in the story, then its offset."""
    return (story.order.get(span.article, len(story.order)), span.start)


def _values(span: Span, numbers: Mapping[str, Sequence[NumberMention]]) -> set[float]:
    """The values of the quantities inside ``span``."""
    return {n.value for n in numbers.get(span.article, ()) if span.overlaps(n.span)}


def _by_article(numbers: Sequence[NumberMention]) -> dict[str, list[NumberMention]]:
    """The quantities of each article (a claim's wordings look only at their own article's)."""
    found: dict[str, list[NumberMention]] = {}
    for n in numbers:
        found.setdefault(n.span.article, []).append(n)
    return found


def _plain(text: str, options: DigestOptions) -> bool:
    """A whole statement in the article's own words: long enough, starts and ends like a
    sentence (a clause cut from a longer sentence would need words added), no quoted words,
    not a question, not a lead-in to what follows, no opening that leans on the sentence
    before ("It advised ...", "Earlier in the day ...", "Outside, it was ...", "Six of them
    ...", "Yes, ..."), no "he" or "she" for someone it does not name.

    >>> _plain("Here is what patients should do next.", DigestOptions())
    False
    >>> _plain("The count was marred by complaints, he added.", DigestOptions())
    False
    >>> _plain("Earlier in the day the fire service said three workers died.", DigestOptions())
    False
    >>> _plain("Fire chief Berend Kau said he hoped to reopen the road.", DigestOptions())
    True
    >>> _plain("She said the bank would act again in April if necessary.", DigestOptions())
    False
    >>> _plain("Outside, it was a different story.", DigestOptions())
    False
    >>> _plain("Six of them were brought to the surface by rescue teams.", DigestOptions())
    False
    >>> _plain("Yes, there is a modest 2 percent VAT rise.", DigestOptions())
    False
    """
    stripped = text.strip()
    words = len(stripped.split())
    return (
        options.min_words <= words <= options.max_words
        and stripped[:1].isupper()
        and stripped.endswith((".", "!"))
        and not any(mark in stripped for mark in _QUOTE_MARKS)
        and not stripped.lower().startswith(_LEAD_INS)
        and not _OPENS_ON_CONTEXT.match(stripped)
        and not _LEANS.match(stripped)
        and not (_PERSONAL.search(stripped) and not _name_runs(stripped))
    )


_OPENS_ON_CONTEXT = re.compile(
    r"(?i:it|its|they|their|this|these|those|he|she|his|her|earlier|later|meanwhile|but|"
    r"however|also|still|yet|then|instead|nevertheless|the (?:figures?|claims?|move))\b"
)
"""An opening that leans on the sentence before: "It advised people downwind ...", "She said
the bank was prepared to act again in April" (a month is no name for "she"), "Earlier in the
day ...", "But ...", "The figure could not be verified.": out of its place it points to
nothing, or to the wrong thing."""


_LEANS = re.compile(
    r"(?i:yes|no|well|indeed|sure|true),\s"  # "Yes, there is a modest rise": a voice
    r"|[\w-]+(?:\s[\w-]+)?\sof\s(?i:them|those|these)\b"  # "Six of them were brought up"
    r"|[\w-]+(?:\s[\w-]+){0,2},\s(?i:it|they|this|these|those)\s"  # "Outside, it was ..."
)
"""Openings that answer or follow the sentence before: an interjection ("Yes, there is a
modest 2 percent rise"), a part of a group it named ("Six of them were brought to the
surface"), or a scene-setting phrase before a pronoun ("Outside, it was a different story")."""


_PERSONAL = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)
"""A person's pronoun: in a sentence that names no one, it points to someone the digest
never named ("..., he added.")."""


_LEAD_INS = ("here is", "here are", "here's", "here’s", "this is what", "this is how")
"""Openings of a sentence that announces what follows ("Here is what patients should do."):
it states no fact."""
