"""Who each outlet cites, of what kind, and how often; and which sentences cite no one.

Attribution is read from the shared spaCy parse with rules that hold for any story:

* a cue verb (said, says, told, tweeted, warned, added, confirmed, accused, called, ...) and its
  subject ("the UN says", "Gen Sadat told the BBC", "Afghan media confirmed");
* "according to X";
* the subject is an entity of the story (canonical name from :mod:`.entities`; a lone surname
  such as "Holt" is the one full name of the story ending with it, "Mira Holt"), a source noun
  ("officials", "residents", "a doctor", "Afghan media"), an organisation noun
  (:data:`storylens.lexicon.ORG_NOUNS`: "the town hospital", "the regional emergency office",
  "the coast guard"), or a word that points back: "he"/"she" to the last person cited, "it" to
  the last organisation, "one"/"another" to the last group cited, "the mission" or "the board"
  (a definite organisation noun) to the last organisation cited whose name holds its words,
  or, for a bare "the mission", "the agency", to the last named organisation cited;
* whom a verb is told to ("told the BBC") is an audience, never a source;
* the named speaker of a direct quote (:mod:`.quotes`) that none of these found (""I leave,"
  Stam said" with no entity "Stam"): the story's entity the name stands for, else the name.

Names of nominal sources: an organisation is named by its noun and the words before it, in
the singular ("regional emergency office", "defence ministry"); a person tied to an
organisation keeps both and the number the text used ("a spokesman for the defence ministry"
is "defence ministry spokesman", "a police spokeswoman" is "police spokeswoman"); other people
are a class, named by the English plural ("one witness" and "witnesses" are "witnesses", "a
spokesman" is "spokesmen", "people" stays "people"). One source written with different
capitals ("police", "Police") is one source, shown in the casing the story uses most.

Kinds: ``un``, ``international-org``, ``government``, ``military``, ``ngo``, ``media``,
``resident/witness``, ``expert/doctor``, ``person``, ``other``. Known organisations take their
kind from ``data/orgs.json``; other names from the organisation noun that introduces them ("the
grid operator Valnet" is ``other``, "the charity X" ``ngo``), their words ("Embassy", "Army")
or the title a person is given in the story ("Gen", "President"). A person tied to an
organisation ("a hospital spokesman", "officials at the ministry") speaks for it and takes its
kind; a doctor or a resident keeps the kind of the noun.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from storylens.analyze._source_cues import (
    CUE_VERBS,
    _attributions,
    _folded,
    _quoted,
    _speaker_citation,
)
from storylens.analyze._source_kinds import SOURCE_NOUNS as SOURCE_NOUNS
from storylens.analyze._source_kinds import _Cited, _Story
from storylens.analyze.entities import find_entities
from storylens.analyze.quotes import find_quotes
from storylens.analyze.speakers import story_speakers
from storylens.model import Article, Entity, QuoteMention, SourceCitation, Span
from storylens.nlp import parse

__all__ = ["CUE_VERBS", "cited_sources", "unattributed_sentences", "unattributed_share"]

_QUOTES = "\"'“”‘’"


def cited_sources(
    articles: Sequence[Article],
    *,
    entities: Sequence[Entity] | None = None,
    docs: Mapping[str, Any] | None = None,
    quotes: Sequence[QuoteMention] | None = None,
) -> tuple[SourceCitation, ...]:
    """Who each article cites: one citation per (article, source), mentions in text order.

    ``quotes`` are the articles' quote mentions (:func:`~storylens.analyze.quotes.find_quotes`,
    found here when not given): a named speaker the cue rules missed is cited too.
    """
    docs = docs if docs is not None else parse(articles)
    entities = entities if entities is not None else find_entities(articles, docs=docs)
    quotes = _story_named(quotes if quotes is not None else _find_quotes(articles, docs), articles)
    story = _Story(articles, entities)
    found: dict[str, list[_Cited]] = {}
    for a in articles:
        mine = [q for q in quotes if q.span.article == a.id]
        cues = _as_quoted(a.id, _outside(_attributions(docs[a.id], story, a.id), mine), mine, story)
        found[a.id] = sorted([*cues, *_quoted(a, mine, cues, story)], key=lambda c: c.start)
    people = _people(quotes, found)
    found = {a: [_folded(c, a, people, story) for c in cited] for a, cited in found.items()}
    found = _widened(found, {a.id: a.text for a in articles})
    names = _most_common_casing(c.source for a in articles for c in found[a.id])
    return tuple(c for a in articles for c in _citations(a, found[a.id], names))


def _outside(cues: Iterable[_Cited], quotes: Sequence[QuoteMention]) -> list[_Cited]:
    """The cues that are not words of a quote ("Property can be replaced, people cannot,"
    cites nobody: the words are the speaker's, not the outlet's attribution)."""
    return [
        c for c in cues if not any(q.span.start <= c.start and c.end <= q.span.end for q in quotes)
    ]


def _as_quoted(
    article: str, cues: list[_Cited], quotes: Sequence[QuoteMention], story: _Story
) -> list[_Cited]:
    """A "he said" cue of a quote stands for the quote's speaker: the quote rules weigh every
    person named before it ("Mayor Dmitri Halvorsen visited the village. "...," he said."),
    the cue rules only the sources cited before it."""
    by_span = {
        (q.speaker_span.start, q.speaker_span.end): q.speaker
        for q in quotes
        if q.speaker_span is not None and q.speaker and q.speaker[:1].isupper()
    }
    out = []
    for cue in cues:
        speaker = by_span.get((cue.start, cue.end))
        if speaker is not None and cue.role == "person" and speaker != cue.source:
            span = Span(article, cue.start, cue.end)
            cue = replace(_speaker_citation(speaker, span, story), anonymous=cue.anonymous)
        out.append(cue)
    return out


def unattributed_sentences(
    articles: Sequence[Article],
    *,
    citations: Sequence[SourceCitation] | None = None,
    entities: Sequence[Entity] | None = None,
    docs: Mapping[str, Any] | None = None,
    quotes: Sequence[QuoteMention] | None = None,
) -> dict[str, tuple[Span, ...]]:
    """Per article, the body sentences that cite no source. A sentence that holds a quote
    with a speaker is attributed to that speaker, and so is a quote continuing an attributed
    paragraph. ``quotes`` are found here when not given."""
    if quotes is None:
        quotes = _find_quotes(articles, docs)
    if citations is None:
        citations = cited_sources(articles, entities=entities, docs=docs, quotes=quotes)
    cited: dict[str, list[Span]] = {}
    for c in citations:
        cited.setdefault(c.article, []).extend(c.mentions)
    for q in quotes:
        if q.speaker:
            cited.setdefault(q.span.article, []).append(q.span)
    return {a.id: _unattributed(a, cited.get(a.id, [])) for a in articles}


def unattributed_share(
    articles: Sequence[Article],
    *,
    citations: Sequence[SourceCitation] | None = None,
    entities: Sequence[Entity] | None = None,
    docs: Mapping[str, Any] | None = None,
    quotes: Sequence[QuoteMention] | None = None,
) -> dict[str, float]:
    """Per article, the share of body sentences that cite no source (0.0 with no sentences)."""
    found = unattributed_sentences(
        articles, citations=citations, entities=entities, docs=docs, quotes=quotes
    )
    return {a.id: len(found[a.id]) / len(a.sentences) if a.sentences else 0.0 for a in articles}


def _people(quotes: Sequence[QuoteMention], found: Mapping[str, list[_Cited]]) -> list[str]:
    """The full names of people in the story: quote speakers and cited people of two
    capitalised words or more."""
    names = {q.speaker for q in quotes if q.speaker}
    names |= {c.source for cited in found.values() for c in cited if c.role == "person"}
    return sorted(
        n for n in names if len(n.split()) > 1 and all(w[:1].isupper() for w in n.split())
    )


def _widened(
    found: Mapping[str, list[_Cited]], texts: Mapping[str, str]
) -> dict[str, list[_Cited]]:
    """Organisations named by a shorter form ("the coast guard") take the one longer name of
    the story that ends with it ("the Veltrian coast guard") and its kind: one source, not
    two. With two longer names ("defence ministry", "health ministry") the short one stays,
    and so does an office someone owns ("his office" is not "the mayor's office")."""
    kinds = {c.source: c.kind for cs in found.values() for c in cs if c.role == "org"}
    longer: dict[str, str] = {}
    for name in kinds:
        ends = _longest([o for o in kinds if o.casefold().endswith(" " + name.casefold())])
        if len(ends) == 1:
            longer[name] = ends[0]
    widened = {
        a: [
            replace(c, source=longer[c.source], kind=kinds[longer[c.source]])
            if c.role == "org" and c.bare and c.source in longer
            else c
            for c in cs
        ]
        for a, cs in found.items()
    }
    return {a: _described_named(cs, texts.values()) for a, cs in widened.items()}


def _longest(names: list[str]) -> list[str]:
    """The names no other of them ends ("weather office" ends "National Weather Office": one
    name, the longest, so "the office" is that office)."""
    return [
        n for n in names if not any(o != n and o.casefold().endswith(n.casefold()) for o in names)
    ]


def _described_named(cited: list[_Cited], texts: Iterable[str]) -> list[_Cited]:
    """An organisation an article cites by a description in lower case is the one it also
    cites by name when the description is its kind ("the company" for the one company named),
    names it in part ("weather office", "National Weather Office") or a text of the story puts
    the two together ("grid operator Marrgrid"): one source, not two (user trial 96). "The
    health ministry" is no "National Weather Office", whatever their kind."""
    named: dict[str, set[str]] = {}
    for c in cited:
        if c.role == "org" and c.source[:1].isupper():
            named.setdefault(c.kind, set()).add(c.source)
    out = []
    for c in cited:
        names = sorted(named.get(c.kind, set()))
        if c.role == "org" and c.source.islower():
            told = [n for n in names if _told_together(c.source, n, texts)]
            if len(told) == 1 or (len(names) == 1 and c.source == c.kind):
                c = replace(c, source=(told or names)[0])
        out.append(c)
    return out


def _told_together(description: str, name: str, texts: Iterable[str]) -> bool:
    """The description's words are the name's last words ("weather office", "National Weather
    Office"), or a text writes it right before the name or after it and a comma ("grid
    operator Marrgrid", "Marrgrid, the grid operator")."""
    if name.casefold().endswith(" " + description):
        return True
    d, n = re.escape(description), re.escape(name)
    pattern = re.compile(rf"\b{d}\s+{n}\b|\b{n},\s+(?:the\s+|a\s+)?(?:\w+\s+)?{d}\b", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


def _story_named(quotes: Sequence[QuoteMention], articles: Sequence[Article]) -> list[QuoteMention]:
    """The quotes with each speaker folded to its one name in the story ("Stam" is "Ivo
    Stam" when another article names him in full)."""
    names = story_speakers((q.speaker for q in quotes if q.speaker), [a.text for a in articles])
    return [replace(q, speaker=names[q.speaker]) if q.speaker else q for q in quotes]


def _find_quotes(articles: Sequence[Article], docs: Mapping[str, Any] | None) -> list[QuoteMention]:
    """The quote mentions of every article, with the shared parse when there is one."""
    return [
        m
        for a in articles
        for m in find_quotes(a, doc=docs.get(a.id) if docs is not None else None)
    ]


# -- output -----------------------------------------------------------------------------------


def _most_common_casing(names: Iterable[str]) -> dict[str, str]:
    """Each name -> the casing of it the story uses most often (the first seen on a tie).

    >>> _most_common_casing(["police", "Police", "police"])["Police"]
    'police'
    """
    ordered = list(names)
    counts = Counter(ordered)
    best: dict[str, str] = {}
    for name in ordered:
        key = name.casefold()
        if key not in best or counts[name] > counts[best[key]]:
            best[key] = name
    return {name: best[name.casefold()] for name in ordered}


def _citations(
    article: Article, found: list[_Cited], names: Mapping[str, str]
) -> list[SourceCitation]:
    """One citation per source of an article (names grouped case-insensitively, shown in the
    story's most common casing), sources in order of first citation."""
    by_source: dict[str, list[_Cited]] = {}
    for cited in found:
        by_source.setdefault(names[cited.source], []).append(cited)
    return [
        SourceCitation(
            article=article.id,
            outlet=article.outlet,
            source=source,
            kind=items[0].kind,
            mentions=tuple(article.span(c.start, c.end) for c in items),
            anonymous=sum(c.anonymous for c in items),
        )
        for source, items in by_source.items()
    ]


def _unattributed(article: Article, cited: list[Span]) -> tuple[Span, ...]:
    """The body sentences of an article that hold no citation."""
    out: list[Span] = []
    previous_cited = False
    for paragraph in article.body_paragraphs():
        spans = [Span(article.id, s, e) for s, e in paragraph.sentences]
        text = article.text[paragraph.start : paragraph.end]
        has_citation = any(c.start >= paragraph.start and c.end <= paragraph.end for c in cited)
        quoted = text[:1] in _QUOTES
        carried = quoted and (has_citation or previous_cited)
        unattributed = [s for s in spans if not carried and not any(c.overlaps(s) for c in cited)]
        out.extend(unattributed)
        previous_cited = len(unattributed) < len(spans)
    return tuple(out)
