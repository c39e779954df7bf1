"""Where each quote stands, for :mod:`storylens.analyze.quotes`: sentences and the parse.

Sentences of a paragraph are found with the quotes masked, so that a full stop inside a quote
does not end the sentence around it (abbreviations such as "Gen." end none either). Each quote
gets a :class:`_Context`: its content and the text before and after it in its sentence, up to
the quotes next to it. The spaCy parse (:class:`_Parsed`) addresses tokens by absolute
character offset; without a given ``Doc`` only the paragraphs that may hold quotes, cue verbs
or titled names (and the ones before them) are parsed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storylens.analyze._quote_marks import _content, _Raw
from storylens.analyze.speakers import CUE_WORDS
from storylens.model import Article

_CUE_ALT = "|".join(sorted(CUE_WORDS, key=len, reverse=True))
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
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


# ----------------------------------------------------------------------------------------
# Cue words that are part of a name
# ----------------------------------------------------------------------------------------


def _name_cues_masked(text: str) -> str:
    """The text with every capitalised cue word that belongs to a name blanked out (same
    length, so offsets hold), for the regex cue rules: "Telling" in "Bram Telling said" and
    in "Telling said" is a surname, not the verb.

    A capitalised cue word belongs to a name when it ends a run of capitalised words (only a
    space before it) or a cue verb follows it.

    >>> _name_cues_masked('"No," Bram Telling said.')
    '"No," Bram _______ said.'
    """
    words = list(_WORD_RE.finditer(text))
    chars = list(text)
    for i, word in enumerate(words):
        if not (word.group()[:1].isupper() and word.group().lower() in CUE_WORDS):
            continue
        before = words[i - 1] if i > 0 else None
        after = words[i + 1] if i + 1 < len(words) else None
        in_run = (
            before is not None
            and before.group()[:1].isupper()
            and text[before.end() : word.start()] == " "
        )
        cue_next = (
            after is not None
            and after.group() in CUE_WORDS
            and text[word.end() : after.start()].isspace()
        )
        if in_run or cue_next:
            chars[word.start() : word.end()] = "_" * (word.end() - word.start())
    return "".join(chars)


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
# Where each quote stands in its sentence
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    """Where a quote stands: its content and the text around it in its sentence."""

    content: tuple[int, int]
    left: tuple[int, int]
    right: tuple[int, int]
    paragraph: int
    opens_paragraph: bool


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
