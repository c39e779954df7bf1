"""Direct quotes, their speakers, and the same quote matched across articles.

``find_quotes(article)`` finds every stretch of text between quote marks in the body
paragraphs (headings and captions are skipped) and says who said it; ``match_quotes``
groups the same quote across articles and classes how faithfully each outlet reports it.

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
    the residents as speakers. A quoted translation in parentheses right after a quote
    (``"Allahu akbar" ("God is greatest")``) is no quote of its own: it goes in the features
    of the quote it translates, as ``translation``.

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
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz

from storylens.analyze.speakers import (
    CUE_WORDS,
    Candidate,
    canonical_name,
    fold_surname,
    head_word,
    is_definite_description,
    is_elliptic,
    pronoun_kind,
    speaker_tokens,
    subject_of,
    titled_names,
)
from storylens.model import (
    Article,
    ParagraphKind,
    Quote,
    QuoteFidelity,
    QuoteKind,
    QuoteMention,
    Why,
    content_hash,
)

__all__ = ["find_quotes", "match_quotes"]

_DOUBLE_OPEN = "“"
_DOUBLE_CLOSE = "”"
_STRAIGHT = '"'
_SINGLE_OPENERS = "‘'"
_SINGLE_CLOSERS = "’'"
_BEFORE_OPEN = ' \t\n([{—–-/“"'
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
class _Raw:
    """A quote as found: the positions of its opening and closing marks (or its end)."""

    open: int
    close: int
    closed: bool
    double: bool
    paragraph: int
    last_paragraph: int


@dataclass(frozen=True, slots=True)
class _Found:
    """A speaker found for one quote, before it becomes a QuoteMention."""

    speaker: str | None
    span: tuple[int, int] | None
    rule: str
    features: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------------------
# Quote marks
# ----------------------------------------------------------------------------------------


def _body_ranges(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every body paragraph, white space trimmed; lines when none are given."""
    text = article.text
    if article.paragraphs:
        spans = [(p.start, p.end) for p in article.paragraphs if p.kind is ParagraphKind.BODY]
    else:
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """Pairs of double marks in one paragraph; an unclosed quote ends with ``None``."""
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for i in range(start, end):
        char = text[i]
        if char == _DOUBLE_OPEN or (char == _STRAIGHT and open_at is None):
            open_at = i
        elif char in (_DOUBLE_CLOSE, _STRAIGHT) and open_at is not None:
            pairs.append((open_at, i))
            open_at = None
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


def _is_single_open(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    return (
        text[i] in _SINGLE_OPENERS
        and before in _BEFORE_OPEN
        and (i + 1 < end and text[i + 1].isalnum())
    )


def _is_single_close(text: str, i: int, start: int, end: int) -> bool:
    after = text[i + 1] if i + 1 < end else " "
    return (
        text[i] in _SINGLE_CLOSERS
        and i > start
        and not text[i - 1].isspace()
        and (not after.isalnum())
    )


def _is_weak_close(text: str, i: int) -> bool:
    """``Afghans’ rights``: a plural possessive more likely than a closing mark."""
    return text[i - 1] in "sS" and re.match(r"\s[a-z]", text[i + 1 : i + 3]) is not None


def _single_marks(
    text: str, start: int, end: int, blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pairs of single marks outside the blocked (double-quoted) stretches of a paragraph."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    fallback: int | None = None
    for i in range(start, end):
        if any(a <= i <= b for a, b in blocked):
            continue
        if _is_single_open(text, i, start, end):
            if open_at is not None and fallback is not None:
                pairs.append((open_at, fallback))
            open_at, fallback = i, None
        elif open_at is not None and _is_single_close(text, i, start, end):
            if _is_weak_close(text, i):
                fallback = fallback if fallback is not None else i
                continue
            pairs.append((open_at, i))
            open_at, fallback = None, None
    if open_at is not None and fallback is not None:
        pairs.append((open_at, fallback))
    return pairs


def _scan(article: Article, paragraphs: list[tuple[int, int]]) -> list[_Raw]:
    """Every quote of the article, multi-paragraph quotes joined, in text order."""
    text = article.text
    raws: list[_Raw] = []
    carry: _Raw | None = None
    for k, (start, end) in enumerate(paragraphs):
        doubles = _double_marks(text, start, end)
        blocked = [(a, b if b is not None else end) for a, b in doubles]
        if carry is not None and doubles and doubles[0][0] == start:
            first_close = doubles[0][1]
            carry = _Raw(
                carry.open,
                first_close if first_close is not None else end,
                first_close is not None,
                True,
                carry.paragraph,
                k,
            )
            doubles = doubles[1:]
            if carry.closed:
                raws.append(carry)
                carry = None
        elif carry is not None:
            raws.append(carry)
            carry = None
        if carry is not None:  # the whole paragraph continues the quote
            continue
        for a, b in doubles:
            if b is None:
                carry = _Raw(a, end, False, True, k, k)
            else:
                raws.append(_Raw(a, b, True, True, k, k))
        raws.extend(
            _Raw(a, b, True, False, k, k) for a, b in _single_marks(text, start, end, blocked)
        )
    if carry is not None:
        raws.append(carry)
    return sorted(raws, key=lambda r: r.open)


def _content(text: str, raw: _Raw) -> tuple[int, int]:
    """The words inside the marks, white space trimmed."""
    start, end = raw.open + 1, raw.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
    """A place as the subject of a participle ("rooftops of Herat shouting") is a misparse."""
    return bool(verb.tag_ == "VBG" and subject.ent_type_ in {"GPE", "LOC", "FAC"})


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
        return fold_surname(canonical_name(phrase), self.full_names)


def _collect(speakers: _Speakers, parsed: _Parsed) -> None:
    """Register the subjects of cue verbs and the PERSON names outside quotes, in text order."""
    items: list[tuple[int, int, Any, Sequence[Any]]] = []
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
    for offset, ent in parsed.ents:
        if ent.label_ == "PERSON" and ent.root.dep_ in _NAME_DEPS:
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


# ----------------------------------------------------------------------------------------
# match_quotes
# ----------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_ELLIPSIS_RE = re.compile(r"…|\.\s?\.\s?\.")
_SEVERITY = {
    QuoteFidelity.VERBATIM: 0,
    QuoteFidelity.PUNCTUATION: 1,
    QuoteFidelity.FRAGMENT: 2,
    QuoteFidelity.REWORDED: 3,
    QuoteFidelity.OTHER_SPEAKER: 4,
}


@dataclass(frozen=True, slots=True)
class _Item:
    """One mention prepared for comparison."""

    index: int
    article: int
    text: str
    words: tuple[str, ...]
    pieces: tuple[tuple[str, ...], ...]
    speaker: str | None


def _words(text: str) -> tuple[str, ...]:
    """Lower-case words, apostrophes unified, punctuation and dashes dropped.

    >>> _words("I know – it’s hard...")
    ('i', 'know', "it's", 'hard')
    """
    return tuple(_WORD_RE.findall(text.lower().replace("’", "'").replace("‘", "'")))


def _item(index: int, mention: QuoteMention, articles: dict[str, tuple[int, Article]]) -> _Item:
    if mention.span.article not in articles:
        msg = (
            f"quote mention points to article {mention.span.article}, which is not among "
            "the articles given: pass every article the mentions come from"
        )
        raise ValueError(msg)
    order, article = articles[mention.span.article]
    text = article.text_of(mention.span)
    pieces = tuple(p for p in (_words(s) for s in _ELLIPSIS_RE.split(text)) if p)
    return _Item(index, order, " ".join(text.split()), _words(text), pieces, mention.speaker)


def _contains(long: tuple[str, ...], piece: tuple[str, ...], start: int) -> int:
    """End of the first occurrence of ``piece`` in ``long`` at or after ``start``, or -1."""
    n = len(piece)
    for i in range(start, len(long) - n + 1):
        if long[i : i + n] == piece:
            return i + n
    return -1


def _is_fragment(short: _Item, long: _Item) -> bool:
    if len(short.words) < 3 or len(short.words) >= len(long.words):
        return False
    at = 0
    for piece in short.pieces:
        at = _contains(long.words, piece, at)
        if at < 0:
            return False
    return True


def _relation(a: _Item, b: _Item) -> tuple[QuoteFidelity | None, float]:
    """How two mentions of different articles relate, with a 0-100 score."""
    if a.text == b.text:
        same = QuoteFidelity.VERBATIM
    elif a.words == b.words:
        same = QuoteFidelity.PUNCTUATION
    elif _is_fragment(*sorted((a, b), key=lambda x: len(x.words))):
        same = QuoteFidelity.FRAGMENT
    else:
        return _reworded(a, b)
    score = 100.0 * min(len(a.words), len(b.words)) / max(len(a.words), len(b.words), 1)
    if a.speaker and b.speaker and a.speaker.casefold() != b.speaker.casefold():
        return QuoteFidelity.OTHER_SPEAKER, score
    return same, score


def _reworded(a: _Item, b: _Item) -> tuple[QuoteFidelity | None, float]:
    if min(len(a.words), len(b.words)) < 4:
        return None, 0.0
    left, right = " ".join(a.words), " ".join(b.words)
    score = fuzz.token_sort_ratio(left, right)
    similar_length = min(len(a.words), len(b.words)) / max(len(a.words), len(b.words)) >= 0.6
    if similar_length:
        score = max(score, fuzz.token_set_ratio(left, right) - 5)
    return (QuoteFidelity.REWORDED if score >= 85 else None), float(score)


def match_quotes(
    mentions: Sequence[QuoteMention], articles: Sequence[Article]
) -> tuple[Quote, ...]:
    """Group the same quote across articles and class its fidelity against its reference.

    Mentions of one article are never linked directly. Each mention comes back with its own
    relation to the group's reference in ``why.features["fidelity"]``. Quotes are ordered by
    their first mention (article order, then offset); ids are content hashes of the mentions'
    spans.
    """
    by_id = {a.id: (i, a) for i, a in enumerate(articles)}
    ordered = sorted(
        mentions,
        key=lambda m: (by_id.get(m.span.article, (len(by_id),))[0], m.span.start, m.span.end),
    )
    items = [_item(i, m, by_id) for i, m in enumerate(ordered)]
    edges: list[tuple[int, int, QuoteFidelity, float]] = []
    for a in items:
        for b in items[a.index + 1 :]:
            if a.article != b.article:
                relation, score = _relation(a, b)
                if relation is not None:
                    edges.append((a.index, b.index, relation, score))
    groups = [
        g
        for members in _components(range(len(items)), edges)
        for g in _settle(members, items, edges)
    ]
    groups.sort(key=lambda g: g.members[0])
    return tuple(_quote(ordered, group, items, edges) for group in groups)


@dataclass(frozen=True, slots=True)
class _Group:
    """Mentions of one quote: the reference and every other member's relation to it."""

    members: list[int]
    reference: int
    relations: dict[int, tuple[QuoteFidelity, float]]


def _components(
    members: Iterable[int], edges: Sequence[tuple[int, int, QuoteFidelity, float]]
) -> list[list[int]]:
    """Connected groups of mentions over the links, each in mention order."""
    parent = {i: i for i in members}
    for a, b, _, _ in edges:
        if a in parent and b in parent:
            parent[_find(parent, b)] = _find(parent, a)
    groups: dict[int, list[int]] = {}
    for i in sorted(parent):
        groups.setdefault(_find(parent, i), []).append(i)
    return list(groups.values())


def _settle(
    members: list[int], items: list[_Item], edges: Sequence[tuple[int, int, QuoteFidelity, float]]
) -> list[_Group]:
    """Compare every member with the reference; members that are no form of it (linked only
    through a chain of others) are grouped again on their own."""
    reference = min(members, key=lambda i: (-len(items[i].words), i))
    relations: dict[int, tuple[QuoteFidelity, float]] = {}
    rest: list[int] = []
    for i in members:
        if i != reference:
            relation, score = _relation(items[i], items[reference])
            if relation is None:
                rest.append(i)
            else:
                relations[i] = (relation, score)
    kept = [i for i in members if i not in rest]
    out = [_Group(kept, reference, relations)]
    for part in _components(rest, edges) if rest else []:
        out.extend(_settle(part, items, edges))
    return out


def _find(parent: dict[int, int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _quote(
    ordered: list[QuoteMention],
    group: _Group,
    items: list[_Item],
    edges: Sequence[tuple[int, int, QuoteFidelity, float]],
) -> Quote:
    members = group.members
    mentions = [_with_fidelity(ordered[i], group, i) for i in members]
    home = items[group.reference].article
    best: dict[int, QuoteFidelity] = {}  # each other article's most faithful mention
    for i, (relation, _) in group.relations.items():
        article = items[i].article
        if article != home and (
            article not in best or _SEVERITY[relation] < _SEVERITY[best[article]]
        ):
            best[article] = relation
    if not best:
        fidelity, why = QuoteFidelity.SINGLE, Why(rule="single")
    else:
        fidelity = max(best.values(), key=lambda f: _SEVERITY[f])
        inside = set(members)
        pairs = tuple(
            (members.index(a), members.index(b), str(f), round(score, 1))
            for a, b, f, score in edges
            if a in inside and b in inside
        )
        why = Why(
            rule="matched",
            score=min(round(score, 1) for _, score in group.relations.values()),
            features={"reference": members.index(group.reference), "links": pairs},
        )
    key = "|".join(f"{m.span.article}:{m.span.start}:{m.span.end}" for m in mentions)
    return Quote(
        id=f"q{content_hash(key)}",
        speaker=_majority(mentions),
        fidelity=fidelity,
        mentions=tuple(mentions),
        why=why,
    )


def _with_fidelity(mention: QuoteMention, group: _Group, index: int) -> QuoteMention:
    """The mention with its relation to the reference in ``why.features["fidelity"]``."""
    if len(group.members) == 1:
        relation = str(QuoteFidelity.SINGLE)
    elif index == group.reference:
        relation = "reference"
    else:
        relation = str(group.relations[index][0])
    why = Why(mention.why.rule, mention.why.score, {**mention.why.features, "fidelity": relation})
    return replace(mention, why=why)


def _majority(mentions: list[QuoteMention]) -> str | None:
    """The most frequent speaker (case-insensitive), the earliest on a tie."""
    names = [m.speaker for m in mentions if m.speaker]
    if not names:
        return None
    counts = Counter(n.casefold() for n in names)
    best = max(counts.values())
    return next(n for n in names if counts[n.casefold()] == best)
