"""The speaker and kind of one quote, for :mod:`storylens.analyze.quotes`.

The speaker rules, tried in order: ``cue-after``, ``according-to``, ``colon-cue``,
``cue-in-sentence`` (left of the quote first), ``carried-over``, else ``no-speaker``; then the
kind (SCARE, STATEMENT or PARTIAL). The rules are described in full in
:mod:`storylens.analyze.quotes`.
"""

from __future__ import annotations

import re
from typing import Any

from storylens import lexicon
from storylens.analyze._quote_context import _CUE_ALT, _Context, _Parsed
from storylens.analyze._quote_speakers import (
    _Found,
    _inside,
    _markup,
    _misparsed,
    _person_noun,
    _resolve,
    _Speakers,
    _trim_phrase,
)
from storylens.analyze.speakers import (
    CUE_WORDS,
    group_subject,
    named_in_apposition,
    speaker_tokens,
    subject_of,
)
from storylens.model import QuoteKind

_CUE_AFTER_RE = re.compile(
    rf"^[\s,—–-]*(?P<phrase>[^.!?;:\"“”]{{1,140}}?)\s+"
    # '"...," Venning had told reporters' (user trial 163): the auxiliary is no name
    r"(?:(?:also|later|then|earlier|had|has|have|would|will)\s+){0,2}"
    # '"..." Petra Lindqvar, 23, spoke to the Herald' (user trial 157): after a quote only
    rf"(?P<cue>{_CUE_ALT}|spoke(?= to\b))\b",
    re.IGNORECASE,
)
_TITLE_DOT = (
    "(?:"
    + "|".join(
        rf"(?<=\b{t})" for t in ("Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Capt", "Sgt", "Lt")
    )
    + r")\."
)  # the full stop of "Dr. Emil Rask" ends no speaker
_CUE_FIRST_RE = re.compile(
    # the speaker stops before a relative clause ("a nurse who asked not to be named")
    rf"^[\s,—–-]*(?P<cue>{_CUE_ALT})\s+(?P<phrase>(?:(?!\b(?:who|whose|which)\b)"
    rf"(?:[^.,;:!?\"“”(]|{_TITLE_DOT})){{2,80}}"
    # "said his lawyer, Paul Ambrose": a name set off after the description (case-sensitive)
    r"(?:,\s+(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?=\s*[.,;:!?]|\s*$))?)",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(r"\baccording to\s+(?P<phrase>[^.,;:!?\"“”]{2,80})", re.IGNORECASE)
_COLON_RE = re.compile(
    rf"(?P<phrase>\b[A-Za-z][^.!?;:\"“”]{{0,140}}?)\s+(?P<cue>{_CUE_ALT})\b[^.!?;:\"“”]{{0,40}}:\s*$",
    re.IGNORECASE,
)
_REPORTS_CLAUSE = re.compile(
    r"\s+that\b(?!\s+(?:night|day|morning|afternoon|evening|week|month|year|time)\b)", re.I
)
_CLAUSE_END = ".,!?…:;—–-"
# '"deeply alarmed", and urged both sides ...': the cue goes on with the sentence's own
# subject, so it is no cue after the quote
_CONJUNCTIONS = frozenset(
    {"and", "but", "or", "yet", "so", "while", "then", "though", "although", "whereas", "because"}
)


# ----------------------------------------------------------------------------------------
# Finding the speaker of one quote
# ----------------------------------------------------------------------------------------


def _cue_after(speakers: _Speakers, ctx: _Context) -> _Found | None:
    text = speakers.text
    a, b = ctx.right
    right = speakers.cue_text[a:b]
    content = text[ctx.content[0] : ctx.content[1]]
    if not (content[-1:] in _CLAUSE_END or right.lstrip()[:1] in {",", "—", "–", "-"}):
        return None
    first = _CUE_FIRST_RE.match(right)
    if first and first.group("phrase").split()[0].lower() not in {"that", "in", "on", "to"}:
        span = _trim_phrase(text, a + first.start("phrase"), a + first.end("phrase"))
        if span:
            return _resolve(speakers, *span, "cue-after", first.group("cue").lower())
    match = _CUE_AFTER_RE.match(right)
    if match and _REPORTS_CLAUSE.match(right, match.end("cue")):
        return None  # '"..." Her union warns that 25,000 jobs could go': a statement of its own
    if match and content[-1:] in ".!?" and _own_statement(right[match.end("cue") :]):
        return None  # '... said that "X is never a target." The mission says 1,200 died ...'
    if match and match.group("phrase").split()[0].lower() not in _CONJUNCTIONS:
        span = _trim_phrase(text, a + match.start("phrase"), a + match.end("phrase"))
        if span:
            return _resolve(speakers, *span, "cue-after", match.group("cue").lower())
    return None


_OWN_OBJECT = re.compile(
    r"^\s+(?!(?:on|in|at|by|from|to|of|after|before|during|when|while|as|"
    r"later|earlier|afterwards|yesterday|today|tonight)\b)[\w'’-]+(?:\s+[^\s.!?]+){4}"
)


def _own_statement(after_cue: str) -> bool:
    """The cue verb after a quote that closed its own sentence goes on with words of its own
    (user trial 154: '... said that "a market full of people is never a military target." The
    mission says more than 1,200 civilians have been killed'): five or more words that are no
    time or place adjunct ("said on Tuesday"), so it reports something else."""
    return _OWN_OBJECT.match(after_cue) is not None


# "paid according to the area they lost": in proportion to a thing a clause describes, no
# source (user trial 153 took "the area they lost" for a speaker)
_PROPORTION = re.compile(r"^(?:the|their|its|his|her)\s+\w+\s+(?:they|we|it|he|she|you)\b", re.I)


def _according_to(speakers: _Speakers, ctx: _Context) -> _Found | None:
    for a, b in (ctx.right, ctx.left):
        match = _ACCORDING_RE.search(speakers.text, a, b)
        if match and not _PROPORTION.search(match.group("phrase")):
            span = _trim_phrase(speakers.text, match.start("phrase"), match.end("phrase"))
            if span:
                return _resolve(speakers, *span, "according-to", "according to")
    return None


def _colon_cue(speakers: _Speakers, parsed: _Parsed, ctx: _Context) -> _Found | None:
    a, b = ctx.left
    match = _COLON_RE.search(speakers.cue_text, a, b)
    if not match:
        return _colon_subject(speakers, parsed, ctx)
    found = _parsed_cue(speakers, parsed, (a, b), reverse=True, rule="colon-cue") or (
        _colon_subject(speakers, parsed, ctx)  # "X was blunt on a call with analysts:"
    )
    if found is not None:
        return found
    span = _trim_phrase(speakers.text, match.start("phrase"), match.end("phrase"))
    return _resolve(speakers, *span, "colon-cue", match.group("cue").lower()) if span else None


_SPEAKING = frozenset(["speaking", "writing", "posting", "tweeting", "addressing", "testifying"])


def _colon_subject(speakers: _Speakers, parsed: _Parsed, ctx: _Context) -> _Found | None:
    """A quote after a colon that ends a clause with no cue verb: the clause's subject, when
    it names someone ("Transport Minister Helga Sarn was blunt:", "Its director, Henrik
    Aaberg, put it bluntly:", "Mayor Lorna Pettigrew, speaking on Sunday night:"), not a
    thing ("The message was clear:", "The sign read:")."""
    a, b = ctx.left
    if not speakers.text[a:b].rstrip().endswith(":"):
        return None
    tokens = [t for start, t in parsed.between(a, b) if not _inside(start, speakers.regions)]
    inside = {t.i for t in tokens}
    verb = next(  # the clause's top verb: the parser often hangs it under the quote's verb
        (
            t
            for t in reversed(tokens)
            if t.pos_ in {"VERB", "AUX"} and (t.head.i not in inside or t.head.i == t.i)
        ),
        None,
    )
    subject = subject_of(verb) if verb is not None else None
    speaking = next((t for t in tokens if t.lower_ in _SPEAKING and t.dep_ == "acl"), None)
    if verb is None and speaking is not None:
        subject = speaking.head  # "Mayor Lorna Pettigrew, speaking on Sunday night:"
    if subject is None or subject.i not in inside:
        return None
    subject = named_in_apposition(subject) or subject
    if not (
        subject.pos_ == "PROPN"
        or subject.lower_ in {"he", "she", "they"}
        or _person_noun(subject.lemma_)
        or subject.lemma_.lower() in lexicon.ORG_NOUNS
    ):
        return None
    start, end = parsed.char_span(speaker_tokens(subject))
    if _markup(speakers.text, start, end):
        return None
    return _resolve(speakers, start, end, "colon-cue", ":")


def _parsed_cue(
    speakers: _Speakers, parsed: _Parsed, span: tuple[int, int], *, reverse: bool, rule: str
) -> _Found | None:
    """The subject of the nearest cue verb in a stretch of the quote's sentence."""
    tokens = parsed.between(*span)
    for start, token in reversed(tokens) if reverse else tokens:
        if (
            token.lower_ not in CUE_WORDS
            or token.pos_ != "VERB"
            or _inside(start, speakers.regions)
        ):
            continue
        subject = subject_of(token)
        if subject is None or _misparsed(token, subject):
            subject = group_subject(token)
        if subject is None:
            continue
        if (reporter := _reporter(token, subject)) is not None:
            subject, token = reporter, token.head  # the cue is the reporting verb
        if subject.lower_ in {"which", "who", "that"} and token.dep_ == "relcl":
            subject = token.head  # "The creamery, which boasts of "...": the creamery
        subject = named_in_apposition(subject) or subject
        a, b = parsed.char_span(speaker_tokens(subject))
        if _inside(a, speakers.regions) or _markup(speakers.text, a, b):
            continue
        return _resolve(speakers, a, b, rule, token.lower_)
    return None


def _reporter(verb: Any, subject: Any) -> Any | None:
    """The named subject of a speech verb that reports ``verb``'s clause, when ``verb``'s own
    subject is a common noun: in 'Union leader Jonas Eberle said drivers had complained "for
    years"', the words are Eberle's, not the drivers'."""
    if subject.pos_ != "NOUN" or verb.dep_ != "ccomp":
        return None
    outer = verb.head
    if outer.pos_ != "VERB" or outer.lower_ not in CUE_WORDS:
        return None
    named = subject_of(outer)
    return named if named is not None and named.pos_ == "PROPN" else None


def _carried(speakers: _Speakers, ctx: _Context, statement_like: bool) -> _Found | None:
    """A quote with no cue: the speaker of this paragraph's or the previous paragraph's."""
    here = speakers.last_in_paragraph.get(ctx.paragraph)
    if here is not None and here.speaker is not None:
        return _Found(here.speaker, None, "carried-over", {"from": "same paragraph"})
    opens_sentence = not speakers.text[ctx.left[0] : ctx.left[1]].strip()
    if statement_like and opens_sentence and not ctx.opens_paragraph:
        named = _said_before(speakers, ctx)
        if named is not None:
            return _Found(named, None, "carried-over", {"from": "sentence before"})
    if not (ctx.opens_paragraph and statement_like) or ctx.paragraph == 0:
        return None
    before = speakers.last_in_paragraph.get(ctx.paragraph - 1)
    if before is not None and before.speaker is not None:
        return _Found(before.speaker, None, "carried-over", {"from": "previous paragraph"})
    start, end = speakers.paragraphs[ctx.paragraph - 1]
    found = next((c for c in speakers.before(end) if c.start >= start), None)
    if found is None:
        return None
    return _Found(found.name, None, "carried-over", {"from": "previous paragraph cue"})


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")


def _said_before(speakers: _Speakers, ctx: _Context) -> str | None:
    """The first person named in the sentence before a quote that opens a sentence inside a
    paragraph: 'Henrik Olle, who has lived on Mill Lane for 30 years, said the water came in
    fast. "It came up through the floorboards."' (not the street in his description)."""
    start = speakers.paragraphs[ctx.paragraph][0]
    ends = [m.end() for m in _SENTENCE_END.finditer(speakers.text, start, ctx.left[0])]
    if not ends:
        return None
    begin = ends[-2] if len(ends) > 1 else start
    people = [
        c
        for c in speakers.before(ends[-1])
        if begin <= c.start and c.kind == "person" and c.name not in speakers.not_people
    ]
    return min(people, key=lambda c: c.start).name if people else None


def _speaker(speakers: _Speakers, parsed: _Parsed, ctx: _Context) -> _Found:
    text = speakers.text
    opened = text[ctx.left[0] : ctx.left[1]].rstrip().endswith(":")  # 'X told Y: "..."'
    found = (
        (opened and _colon_cue(speakers, parsed, ctx))  # before a cue in the next sentence
        or _cue_after(speakers, ctx)
        or _according_to(speakers, ctx)
        or _colon_cue(speakers, parsed, ctx)
        or _parsed_cue(speakers, parsed, ctx.left, reverse=True, rule="cue-in-sentence")
        or _parsed_cue(speakers, parsed, ctx.right, reverse=False, rule="cue-in-sentence")
        or _carried(speakers, ctx, _reads_as_sentence(text, ctx))
    )
    return found or _Found(None, None, "no-speaker")


def _reads_as_sentence(text: str, ctx: _Context) -> bool:
    content = text[ctx.content[0] : ctx.content[1]]
    return content[-1:] in ".!?…" or text[ctx.content[1] : ctx.content[1] + 2].strip()[:1] in {
        ".",
        "!",
        "?",
    }


def _kind(text: str, ctx: _Context, found: _Found) -> QuoteKind:
    if found.rule == "no-speaker":
        return QuoteKind.SCARE
    left = text[ctx.left[0] : ctx.left[1]].strip()
    if left.endswith((":", ",")):
        return QuoteKind.STATEMENT
    content = text[ctx.content[0] : ctx.content[1]]
    right = text[ctx.right[0] : ctx.right[1]].lstrip()
    ends_clause = content[-1:] in _CLAUSE_END or not right or right[:1] in _CLAUSE_END
    return QuoteKind.STATEMENT if not left and ends_clause else QuoteKind.PARTIAL
