"""Claim units: the body sentences of an article, long ones split into clauses.

A quotation of several sentences is one unit; a sentence opening with a name and a description
between commas gives the description a unit of its own (see :mod:`storylens.analyze.align`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storylens.analyze._pairs import stop_words
from storylens.model import Article, Span

if TYPE_CHECKING:
    from storylens.analyze.align import AlignOptions

__all__ = ["evidence_units"]


_CLAUSE_BREAK = re.compile(
    r";\s+|\s[–—]\s|\s-\s|,\s(?:but|while|whereas|although|though)\s|,\s(?=including\s)"
    r"|,\sand\s(?=(?:any|the|a|an|its|their|his|her|he|she|they|it|we|i)\s)"
)
# Tried and left out (dev scores; seed shared/unique, fictional P/R, ECB+ dev P/R, from
# 11/14 10/10, 0.795/0.756, 0.769/0.279): an opening subordinate clause as a unit of its own
# ("Although nearly all its forces have left, | the US has continued ..."): 11/14, fictional
# 0.769/0.732 (a conditional "If ..." states no fact; without "If": unchanged), ECB+
# 0.767/0.281. Splitting also at a trailing " as "/" since " clause: 12/14 but ECB+
# 0.744/0.241 (" as " alone costs ECB+ 0.03 precision and 0.04 recall). The seed's missed
# "US air strikes" pair already reaches ``link`` (0.384; 0.358 split): it loses the one-to-one
# matching to a wrong partner sharing "in recent days/months" (0.504). Session 13: cutting a
# purpose adjunct ("in a bid to", "in order to", "so as to") off a unit's evidence gives 12/14
# and 10/10, but the fictional compound-sentence set (eval/claims_compound.json, written blind)
# fell from 0.856/0.664 to 0.845/0.649 (0.848/0.664 as a unit of its own) and ECB+ train F0.5
# from 0.4197 to 0.4186: not shipped.
_QUOTES = '"“”'
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")
_STATEMENT_END = re.compile(r"""(?:[.!…]|\.\.\.)[\s"'”’)\]]*$""")


# A sentence opening with a name and a descriptive apposition or relative clause between
# commas ("Mara Quist, the chief executive, said ..."): the description is a fact of its own.
# Its evidence is the description alone; with the name in front ("Mara Quist, the chief
# executive") ECB+ train F0.5 fell from 0.403 to 0.399 (dev P/R 0.767/0.277) and seed unique
# facts from 10/10 to 9/10: not shipped.
_APPOSITION = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*\s){1,5}[A-Z][\w'’.-]*),\s"
    r"(?P<apposition>(?:[a-z]|[Ww]ho\s|[Ww]hich\s)[^,;\"“”]+?),\s(?=[a-z])"
)
_MIN_APPOSITION_WORDS = 3


def evidence_units(article: Article, options: AlignOptions) -> list[tuple[Span, str]]:
    """Each unit with the text its evidence is computed on (its own text, or more)."""
    units: list[tuple[Span, str]] = []
    for sentence in _quote_whole(article):
        text = article.text_of(sentence)
        if not _is_statement(text, options):
            continue
        if not options.clauses:
            units.append((sentence, text))
            continue
        name, rest = "", sentence
        found = _APPOSITION.match(text)
        if found and _is_apposition(found):
            head = article.span(sentence.start, sentence.start + found.end("apposition"))
            units.append((head, found["apposition"]))
            name, rest = (
                found["name"] + " ",
                article.span(sentence.start + found.end(), sentence.end),
            )
        clauses = _clauses(article, rest, options)
        units += [(c, (name if i == 0 else "") + article.text_of(c)) for i, c in enumerate(clauses)]
    return units


def _quote_whole(article: Article) -> list[Span]:
    """The article's sentences, those of one quotation joined into one unit.

    A quotation of several sentences ("My brother was on that boat. Nobody is telling us
    anything," said ...) is one statement by one speaker: cut at its sentences, it would give
    claims with unbalanced quote marks. Joining stops at the paragraph's end.
    """
    out: list[Span] = []
    for paragraph in article.paragraphs:
        opened: Span | None = None
        for start, end in paragraph.sentences:
            span = article.span(opened.start if opened else start, end)
            if _open_quote(article.text_of(span)):
                opened = span
                continue
            out.append(span)
            opened = None
        if opened is not None:
            out.append(opened)
    return out


def _open_quote(text: str) -> bool:
    """True when ``text`` opens a quotation it does not close."""
    return sum(text.count(q) for q in _QUOTES) % 2 == 1


def _is_apposition(found: re.Match[str]) -> bool:
    """The opening is a name (no function word such as "In" or "The") and the description
    is long enough to state something."""
    stops = stop_words()
    name = found["name"].split()
    return (
        not any(w.lower() in stops for w in name)
        and _words(found["apposition"]) >= _MIN_APPOSITION_WORDS
    )


def _is_statement(text: str, options: AlignOptions) -> bool:
    """A statement ends like one: headings, link lines and questions do not."""
    if not options.statements_only:
        return bool(text.strip())
    return bool(_STATEMENT_END.search(text.rstrip()))


def _clauses(article: Article, sentence: Span, options: AlignOptions) -> list[Span]:
    """Split one sentence at clause breaks outside quotes, keeping each side long enough."""
    text = article.text_of(sentence)
    cuts = [m for m in _CLAUSE_BREAK.finditer(text) if not _inside_quotes(text, m.start())]
    pieces: list[Span] = []
    start = 0
    for m in cuts:
        if (
            _words(text[start : m.start()]) >= options.min_clause_words
            and _words(text[m.end() :]) >= options.min_clause_words
        ):
            pieces.append(article.span(sentence.start + start, sentence.start + m.start()))
            start = m.end()
    pieces.append(article.span(sentence.start + start, sentence.end))
    return pieces if len(pieces) > 1 else [sentence]


def _inside_quotes(text: str, at: int) -> bool:
    """True when ``at`` is inside a quotation (an odd number of quote marks before it)."""
    return sum(text[:at].count(q) for q in _QUOTES) % 2 == 1


def _words(text: str) -> int:
    return len(_WORD.findall(text))
