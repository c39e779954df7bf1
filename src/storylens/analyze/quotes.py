"""Direct quotes, their speakers, and the same quote matched across articles.

``find_quotes(article)`` finds every stretch of text between quote marks in the body
paragraphs (headings and captions are skipped) and says who said it; ``match_quotes``
groups the same quote across articles and classes how faithfully each outlet reports it.
The quote-mark scanning lives in :mod:`storylens.analyze._quote_marks` and the matching in
:mod:`storylens.analyze._quote_match`; this module finds the speakers and kinds.

Quote marks
    Curly double marks open and close by shape; straight double marks toggle within a
    paragraph. Single marks (‘ ’ and ') count only outside double quotes: an opening mark
    after a space and before a letter, closed by a mark after a non-space and before a
    non-letter. A closing-looking mark with no opening one pending is an apostrophe
    ("Afghans’ rights"); ``s’`` before a lower-case word is kept only as a last resort. Single
    marks inside a double quote are part of that quote, not quotes of their own. A paragraph
    that ends inside a quote continues in the next paragraph when that one opens with a quote
    mark (the span then covers both, marks included); otherwise the quote ends with its
    paragraph.

Speakers (``Why.rule`` of each mention says which rule found it)
    ``cue-after``       ``"...," the mission tweeted`` / ``"...," said X``: a cue verb right
                        after the closing mark, the speaker between (or after) them.
    ``according-to``    ``according to X`` in the same sentence.
    ``colon-cue``       ``Another said: "..."``.
    ``cue-in-sentence`` the nearest cue verb in the sentence around the quote (before it
                        first), its subject from the dependency parse.
    Names               a capitalised description before a name ("Survivor Mira Okafor")
                        is dropped when the parse shows it (:mod:`.speakers`); across the
                        story, ``match_quotes`` folds each speaker to one canonical name.
    ``pronoun``         a he/she/they/it speaker resolved to the last named speaker, person
                        or named subject of a cue verb before it (not inside a quote).
    ``definite-description`` "the mission" resolved to the last named organisation that was
                        the subject of a cue verb in the two paragraphs before.
    ``elliptic``        "Another said" / "one told" filled in with the head noun of the last
                        nominal speaker ("another resident").
    ``carried-over``    no cue: an earlier quote in the same paragraph, or, for a quote that
                        opens its paragraph and reads as a sentence, the last speaker of the
                        paragraph before.
    ``no-speaker``      none of these.

Kinds
    SCARE: no cue and no carried-over speaker ("war crimes"). STATEMENT: a quote that opens
    its sentence and ends a clause, or follows "X said:" / "X said,". PARTIAL: any other
    attributed quote, i.e. a few words inside a reported sentence ("deeply disturbing").
    Chants and shouts count as speech: "residents chanted "Allahu akbar"" is PARTIAL with
    the residents as speakers, and so is "residents on the rooftops of Herat shouting "..."",
    where the parser takes the place for the subject of the participle: the speaker is the
    plural noun the participle's prepositions hang from. A quoted translation in parentheses
    right after a quote (``"Allahu akbar" ("God is greatest")``) is no quote of its own: it
    goes in the features of the quote it translates, as ``translation``.

Fidelity (``match_quotes``), compared over normalised word sequences
    Two mentions of different articles are linked when they are: VERBATIM same text (white
    space folded); PUNCTUATION same words; FRAGMENT the shorter (at least 3 words; "..."
    splits it into pieces found in order) is a contiguous part of the longer; REWORDED
    rapidfuzz token_sort_ratio >= 85, or token_set_ratio >= 90 for quotes of similar length
    (both at least 4 words); OTHER_SPEAKER one of the first three with different known
    speakers. Linked mentions form a group, and the group is then read against one
    reference: its longest mention (ties: article order, then offset). Each mention's own
    relation to the reference is in ``why.features["fidelity"]`` (``reference``,
    ``verbatim``, ``punctuation``, ``fragment``, ``reworded``, ``other-speaker``; ``single``
    when alone), so three outlets that copy a quote word for word stay ``verbatim`` even when
    a fourth rewords it. A mention linked only through a chain of others and no form of the
    reference at all is not the same quote: it leaves the group and is grouped again with
    what it matches. The group's ``fidelity`` flags what a journalist must check: each other
    article counts with its most faithful mention (an outlet that quotes in full and later
    repeats a piece still quoted in full), and the group takes the least faithful of these
    articles. A quote reported by one article only is SINGLE.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from storylens.analyze._quote_marks import _body_ranges, _content, _Raw, _scan
from storylens.analyze._quote_match import match_quotes
from storylens.analyze.speakers import (
    CUE_WORDS,
    Candidate,
    canonical_name,
    drop_description,
    fold_surname,
    group_subject,
    head_word,
    is_definite_description,
    is_elliptic,
    is_the_name,
    name_descriptions,
    pronoun_kind,
    speaker_tokens,
    subject_of,
    titled_names,
)
from storylens.model import (
    Article,
    QuoteKind,
    QuoteMention,
    Why,
)

__all__ = ["find_quotes", "match_quotes"]

_CUE_ALT = "|".join(sorted(CUE_WORDS, key=len, reverse=True))
_CUE_AFTER_RE = re.compile(
    rf"^[\s,—–-]*(?P<phrase>[^.!?;:\"“”]{{1,140}}?)\s+(?:also\s+|later\s+|then\s+)?"
    rf"(?P<cue>{_CUE_ALT})\b",
    re.IGNORECASE,
)
_CUE_FIRST_RE = re.compile(
    rf"^[\s,—–-]*(?P<cue>{_CUE_ALT})\s+(?P<phrase>[^.,;:!?\"“”(]{{2,80}})", re.IGNORECASE
)
_ACCORDING_RE = re.compile(r"\baccording to\s+(?P<phrase>[^.,;:!?\"“”]{2,80})", re.IGNORECASE)
_COLON_RE = re.compile(
    rf"(?P<phrase>[A-Za-z][^.!?;:\"“”]{{0,80}}?)\s+(?P<cue>{_CUE_ALT})\b[^.!?;:\"“”]{{0,40}}:\s*$",
    re.IGNORECASE,
)
_NEEDS_PARSE_RE = re.compile(
    rf"[\"“”‘]|(?:^|\s)'|\baccording to\b|\b(?:{_CUE_ALT})\b|"
    r"\b(?:President|General|Gen|Mr|Mrs|Ms|Dr|Minister|Secretary|Prime)\b",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "prof",
        "rep",
        "sen",
        "gov",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "maj",
        "adm",
        "rev",
    }
)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[A-Z0-9\"“‘'(])")
_CLAUSE_END = ".,!?…:;—–-"
_MAX_PHRASE_WORDS = 12
_NAME_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "poss", "ROOT"})


@dataclass(frozen=True, slots=True)
class _Found:
    """A speaker found for one quote, before it becomes a QuoteMention."""

    speaker: str | None
    span: tuple[int, int] | None
    rule: str
    features: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------------------
# Sentences, with quotes masked so that their inner full stops do not split
# ----------------------------------------------------------------------------------------


def _masked(text: str, raws: list[_Raw]) -> str:
    chars = list(text)
    for raw in raws:
        stop = raw.close + 1 if raw.closed else raw.close
        for i in range(raw.open, stop):
            if chars[i] != "\n":
                chars[i] = "Q"
    return "".join(chars)


def _sentences(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges of one paragraph of the masked text."""
    out: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END_RE.finditer(masked, start, end):
        word = re.search(r"(\w+)\W*$", masked[begin : match.start() + 1])
        if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        out.append((begin, match.start() + len(match.group().rstrip())))
        begin = match.end()
    out.append((begin, end))
    return out


# ----------------------------------------------------------------------------------------
# The parse: spaCy tokens with absolute offsets
# ----------------------------------------------------------------------------------------


class _Parsed:
    """spaCy tokens of the parsed stretches of one article, addressed by character offset."""

    def __init__(self, chunks: Sequence[tuple[int, Any]]) -> None:
        self.tokens: list[tuple[int, Any]] = [
            (offset + token.idx, token) for offset, doc in chunks for token in doc
        ]
        self.starts = [start for start, _ in self.tokens]
        self.offsets: dict[int, int] = {}
        for offset, doc in chunks:
            self.offsets[id(doc)] = offset
        self.ents = [(offset, ent) for offset, doc in chunks for ent in doc.ents]

    def between(self, start: int, end: int) -> list[tuple[int, Any]]:
        """Tokens that start in [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.tokens[lo:hi]

    def char_span(self, tokens: Sequence[Any]) -> tuple[int, int]:
        """Absolute (start, end) of a run of tokens of one doc."""
        offset = self.offsets[id(tokens[0].doc)]
        return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)


def _parse(
    article: Article, paragraphs: list[tuple[int, int]], raws: list[_Raw], doc: Any | None
) -> _Parsed:
    """Use the given doc, or parse only the paragraphs with quotes and the ones before them."""
    if doc is not None:
        if doc.text != article.text:
            msg = (
                f"doc does not match article {article.id}: pass the spaCy Doc of "
                "article.text, or no doc to have the article parsed"
            )
            raise ValueError(msg)
        return _Parsed([(0, doc)])
    from storylens.nlp import load_spacy

    keep = {k for raw in raws for k in range(raw.paragraph - 1, raw.last_paragraph + 1)}
    wanted = [
        (s, e)
        for k, (s, e) in enumerate(paragraphs)
        if k in keep and _NEEDS_PARSE_RE.search(article.text, s, e)
    ]
    nlp = load_spacy()
    docs = nlp.pipe((article.text[s:e] for s, e in wanted), disable=["lemmatizer"])
    return _Parsed([(s, d) for (s, _), d in zip(wanted, docs, strict=True)])


# ----------------------------------------------------------------------------------------
# Speakers: candidates (antecedents) and resolution
# ----------------------------------------------------------------------------------------


def _inside(pos: int, regions: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


def _misparsed(verb: Any, subject: Any) -> bool:
    """A place parsed as the subject of the participle itself ("rooftops of Herat shouting")
    is a misparse; a place that is the subject of the clause the participle hangs from
    ("Washington and London lashed out ..., accusing") speaks for its government."""
    return bool(
        verb.tag_ == "VBG"
        and subject.ent_type_ in {"GPE", "LOC", "FAC"}
        and subject.head.i == verb.i
    )


def _candidate_kind(subject: Any, tokens: Sequence[Any]) -> str:
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return "person"
    if subject.tag_ in {"NNS", "NNPS"}:
        return "plural"
    if subject.pos_ == "PROPN" or subject.ent_type_ in {"ORG", "GPE", "NORP"}:
        return "org"
    return "nominal"


@dataclass
class _Speakers:
    """Antecedents of one article in text order, and what each paragraph's quotes said."""

    text: str
    paragraphs: list[tuple[int, int]]
    regions: list[tuple[int, int]]
    candidates: list[Candidate] = field(default_factory=list)
    full_names: list[str] = field(default_factory=list)
    descriptions: set[str] = field(default_factory=set)
    last_in_paragraph: dict[int, _Found] = field(default_factory=dict)

    def paragraph_of(self, pos: int) -> int:
        starts = [s for s, _ in self.paragraphs]
        return max(0, bisect.bisect_right(starts, pos) - 1)

    def add(self, candidate: Candidate) -> None:
        self.candidates.append(candidate)
        if candidate.kind == "person" and len(candidate.name.split()) >= 2:
            self.full_names.append(candidate.name)

    def before(self, pos: int) -> Iterator[Candidate]:
        """Candidates that end before ``pos``, nearest first."""
        return (c for c in reversed(self.candidates) if c.end <= pos)

    def antecedent(self, pos: int, kind: str) -> Candidate | None:
        wanted = {"person": {"person", "nominal"}, "plural": {"plural", "org"}}.get(kind, {"org"})
        return next((c for c in self.before(pos) if c.kind in wanted), None)

    def organisation(self, pos: int) -> Candidate | None:
        first = self.paragraphs[max(0, self.paragraph_of(pos) - 2)][0]
        return next(
            (
                c
                for c in self.before(pos)
                if c.kind == "org" and c.start >= first and c.name[:1].isupper()
            ),
            None,
        )

    def nominal_head(self, pos: int) -> str | None:
        return next(
            (c.head for c in self.before(pos) if c.kind in {"nominal", "plural"} and c.head), None
        )

    def name(self, phrase: str) -> str:
        name = drop_description(canonical_name(phrase), self.descriptions)
        return fold_surname(name, self.full_names)


def _collect(speakers: _Speakers, parsed: _Parsed) -> None:
    """Register the subjects of cue verbs and the PERSON names outside quotes, in text order."""
    items: list[tuple[int, int, Any, Sequence[Any]]] = []
    speakers.descriptions.update(name_descriptions(ent for _, ent in parsed.ents))
    for start, token in parsed.tokens:
        if (
            token.lower_ in CUE_WORDS
            and token.pos_ == "VERB"
            and not _inside(start, speakers.regions)
        ):
            subject = subject_of(token)
            if subject is not None and not _misparsed(token, subject):
                tokens = speaker_tokens(subject)
                a, b = parsed.char_span(tokens)
                items.append((a, b, subject, tokens))
    things = {_bare(ent) for _, ent in parsed.ents if is_the_name(ent)}
    for offset, ent in parsed.ents:
        if ent.label_ == "PERSON" and ent.root.dep_ in _NAME_DEPS and _bare(ent) not in things:
            a = offset + ent.start_char
            items.append((a, offset + ent.end_char, ent.root, list(ent)))
    for a, b, name in titled_names(speakers.text):
        items.append((a, b, name, ()))
    seen: set[tuple[int, int]] = set()
    for a, b, subject, tokens in sorted(items, key=lambda item: (item[0], item[1])):
        if (a, b) in seen or _inside(a, speakers.regions):
            continue
        seen.add((a, b))
        if isinstance(subject, str):
            speakers.add(Candidate(a, b, subject, "person", ""))
        else:
            _register(speakers, a, b, subject, tokens)


def _bare(ent: Any) -> str:
    """An entity's words without "the": "The Saint Orla" is "Saint Orla"."""
    return " ".join(t.text for t in ent if t.lower_ != "the")


def _register(speakers: _Speakers, a: int, b: int, subject: Any, tokens: Sequence[Any]) -> None:
    phrase = speakers.text[a:b]
    kind = pronoun_kind(phrase)
    if kind is not None:
        found = speakers.antecedent(a, kind)
        if found is not None:
            speakers.add(Candidate(a, b, found.name, found.kind, found.head))
        return
    head = "" if is_elliptic(phrase) else head_word(subject)
    speakers.add(Candidate(a, b, speakers.name(phrase), _candidate_kind(subject, tokens), head))


def _resolve(speakers: _Speakers, a: int, b: int, rule: str, cue: str) -> _Found:
    """Turn the speaker phrase at [a, b) into a canonical speaker."""
    phrase = speakers.text[a:b]
    features: dict[str, Any] = {"cue": cue, "phrase": phrase, "cue_rule": rule}
    kind = pronoun_kind(phrase)
    if kind is not None:
        found = speakers.antecedent(a, kind)
        features["antecedent"] = found.name if found else None
        return _Found(found.name if found else None, (a, b), "pronoun", features)
    if is_elliptic(phrase):
        head = speakers.nominal_head(a)
        name = f"{phrase.lower()} {head}" if head else phrase.lower()
        return _Found(name, (a, b), "elliptic", features)
    if is_definite_description(phrase):
        org = speakers.organisation(a)
        if org is not None:
            features["antecedent"] = org.name
            return _Found(org.name, (a, b), "definite-description", features)
    return _Found(speakers.name(phrase), (a, b), rule, features)


def _trim_phrase(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Cut a regex speaker phrase at its first comma; refuse long or empty ones."""
    phrase = text[a:b]
    comma = phrase.find(",")
    if comma > 0:
        b = a + comma
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not (text[b - 1].isalnum() or text[b - 1] == ")"):
        b -= 1
    if a >= b or len(text[a:b].split()) > _MAX_PHRASE_WORDS:
        return None
    return a, b


# ----------------------------------------------------------------------------------------
# Finding the speaker of one quote
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    """Where a quote stands: its content and the text around it in its sentence."""

    content: tuple[int, int]
    left: tuple[int, int]
    right: tuple[int, int]
    paragraph: int
    opens_paragraph: bool


def _cue_after(speakers: _Speakers, ctx: _Context) -> _Found | None:
    text = speakers.text
    a, b = ctx.right
    right = text[a:b]
    content = text[ctx.content[0] : ctx.content[1]]
    if not (content[-1:] in _CLAUSE_END or right.lstrip()[:1] in {",", "—", "–", "-"}):
        return None
    first = _CUE_FIRST_RE.match(right)
    if first and first.group("phrase").split()[0].lower() not in {"that", "in", "on", "to"}:
        span = _trim_phrase(text, a + first.start("phrase"), a + first.end("phrase"))
        if span:
            return _resolve(speakers, *span, "cue-after", first.group("cue").lower())
    match = _CUE_AFTER_RE.match(right)
    if match:
        span = _trim_phrase(text, a + match.start("phrase"), a + match.end("phrase"))
        if span:
            return _resolve(speakers, *span, "cue-after", match.group("cue").lower())
    return None


def _according_to(speakers: _Speakers, ctx: _Context) -> _Found | None:
    for a, b in (ctx.right, ctx.left):
        match = _ACCORDING_RE.search(speakers.text, a, b)
        if match:
            span = _trim_phrase(speakers.text, match.start("phrase"), match.end("phrase"))
            if span:
                return _resolve(speakers, *span, "according-to", "according to")
    return None


def _colon_cue(speakers: _Speakers, parsed: _Parsed, ctx: _Context) -> _Found | None:
    a, b = ctx.left
    match = _COLON_RE.search(speakers.text, a, b)
    if not match:
        return None
    found = _parsed_cue(speakers, parsed, (a, b), reverse=True, rule="colon-cue")
    if found is not None:
        return found
    span = _trim_phrase(speakers.text, match.start("phrase"), match.end("phrase"))
    return _resolve(speakers, *span, "colon-cue", match.group("cue").lower()) if span else None


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
        a, b = parsed.char_span(speaker_tokens(subject))
        if _inside(a, speakers.regions):
            continue
        return _resolve(speakers, a, b, rule, token.lower_)
    return None


def _carried(speakers: _Speakers, ctx: _Context, statement_like: bool) -> _Found | None:
    """A quote with no cue: the speaker of this paragraph's or the previous paragraph's."""
    here = speakers.last_in_paragraph.get(ctx.paragraph)
    if here is not None and here.speaker is not None:
        return _Found(here.speaker, None, "carried-over", {"from": "same paragraph"})
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


def _speaker(speakers: _Speakers, parsed: _Parsed, ctx: _Context) -> _Found:
    text = speakers.text
    found = (
        _cue_after(speakers, ctx)
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


# ----------------------------------------------------------------------------------------
# find_quotes
# ----------------------------------------------------------------------------------------


def _contexts(text: str, paragraphs: list[tuple[int, int]], raws: list[_Raw]) -> list[_Context]:
    masked = _masked(text, raws)
    sentences = {k: _sentences(masked, s, e) for k, (s, e) in enumerate(paragraphs)}
    out = []
    for i, raw in enumerate(raws):
        first = next(
            (s for s in sentences[raw.paragraph] if s[0] <= raw.open < s[1]),
            paragraphs[raw.paragraph],
        )
        last = next(
            (s for s in sentences[raw.last_paragraph] if s[0] <= raw.close <= s[1]),
            paragraphs[raw.last_paragraph],
        )
        left_start = max([first[0], *(r.close + 1 for r in raws[:i] if r.close < raw.open)])
        after = raw.close + 1 if raw.closed else raw.close
        right_end = min([last[1], *(r.open for r in raws[i + 1 :] if r.open >= after)])
        out.append(
            _Context(
                content=_content(text, raw),
                left=(left_start, raw.open),
                right=(after, max(after, right_end)),
                paragraph=raw.paragraph,
                opens_paragraph=raw.open == paragraphs[raw.paragraph][0],
            )
        )
    return out


def find_quotes(article: Article, *, doc: Any | None = None) -> tuple[QuoteMention, ...]:
    """Every direct quote in the article's body paragraphs, with its speaker and kind.

    ``doc`` is an optional spaCy ``Doc`` of ``article.text`` (parsed with
    ``storylens.nlp.load_spacy()``); without it only the paragraphs that may hold quotes,
    cue verbs or titled names are parsed. Spans cover the words inside the marks.
    """
    text = article.text
    paragraphs = _body_ranges(article)
    raws = _scan(article, paragraphs)
    if not raws:
        return ()
    regions = [(r.open, r.close + 1) for r in raws]
    speakers = _Speakers(text, paragraphs, regions)
    parsed = _parse(article, paragraphs, raws, doc)
    _collect(speakers, parsed)
    mentions: list[QuoteMention] = []
    glosses = _glosses(text, raws)
    for i, ctx in enumerate(_contexts(text, paragraphs, raws)):
        if ctx.content[0] >= ctx.content[1] or i in glosses:
            continue
        found = _speaker(speakers, parsed, ctx)
        if found.speaker is not None:
            speakers.last_in_paragraph[speakers.paragraph_of(ctx.content[1])] = found
        if i + 1 in glosses:
            gloss = _content(text, raws[i + 1])
            found = replace(found, features={**found.features, "translation": text[slice(*gloss)]})
        mentions.append(_mention(article, ctx, found))
    return tuple(mentions)


def _glosses(text: str, raws: list[_Raw]) -> set[int]:
    """Quotes that translate the quote before them: ``"Allahu akbar" ("God is greatest")``."""
    out = set()
    for i in range(1, len(raws)):
        before, raw = raws[i - 1], raws[i]
        between = text[before.close + 1 : raw.open] if before.closed else ""
        after = text[raw.close + 1 : raw.close + 3].lstrip()[:1] if raw.closed else ""
        if between.strip() == "(" and after == ")":
            out.add(i)
    return out


def _mention(article: Article, ctx: _Context, found: _Found) -> QuoteMention:
    speaker_span = article.span(*found.span) if found.span is not None else None
    features = {k: v for k, v in found.features.items() if v is not None}
    return QuoteMention(
        span=article.span(*ctx.content),
        kind=_kind(article.text, ctx, found),
        speaker=found.speaker,
        speaker_span=speaker_span,
        why=Why(rule=found.rule, features=features),
    )
