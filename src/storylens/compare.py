"""Compare the articles of one story: every analysis stage, composed once.

:func:`compare` is what ``storylens compare`` and ``storylens run`` call; it returns a typed
:class:`~storylens.model.StoryAnalysis` and renders nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from storylens.analyze.digest import DigestOptions, make_digest
from storylens.dedup import find_duplicates
from storylens.model import Article, StoryAnalysis
from storylens.outlet import outlet_name

__all__ = ["CompareOptions", "compare"]


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Options of a comparison."""

    digest_words: int = 120

    def __post_init__(self) -> None:
        if self.digest_words < 1:
            msg = f"digest_words must be at least 1 (got {self.digest_words})"
            raise ValueError(msg)


def compare(
    articles: Sequence[Article],
    *,
    origins: Mapping[str, str] | None = None,
    options: CompareOptions = CompareOptions(),
) -> StoryAnalysis:
    """Analyse one story's articles: claims, quotes, numbers, conflicts, sources, wording, digest.

    The articles are analysed, and listed in the result, earliest published first, then by
    outlet and id: the order they are given in changes nothing.

    ``origins`` maps an article id to its same-origin group (from deduplication), so wire copy
    reprinted by several outlets counts as one independent origin; when it is not given, the
    articles are deduplicated here.
    """
    from storylens.analyze._align_figures import separate_figures
    from storylens.analyze._align_speakers import separate_speakers
    from storylens.analyze._clock import one_event_times
    from storylens.analyze.align import align_claims
    from storylens.analyze.conflicts import find_conflicts
    from storylens.analyze.entities import find_entities
    from storylens.analyze.numbers import find_numbers
    from storylens.analyze.quotes import find_quotes, match_quotes
    from storylens.analyze.sources import cited_sources, unattributed_sentences
    from storylens.analyze.wording import word_choice
    from storylens.nlp import parse

    articles = _checked(articles)
    if origins is None:
        origins = {m: g.id for g in find_duplicates(articles) for m in g.members}
    # Embedding (ONNX Runtime, off the GIL) runs beside the spaCy parse: two cores, one wait.
    with ThreadPoolExecutor(max_workers=1) as pool:
        aligned = pool.submit(align_claims, articles, origins=origins)
        docs = parse(articles)
        claims = aligned.result()
    quote_mentions = [m for a in articles for m in find_quotes(a, doc=docs[a.id])]
    numbers = tuple(n for a in articles for n in find_numbers(a, doc=docs[a.id]))
    numbers = one_event_times(numbers, claims)  # times of one fact's event are compared
    conflicts, non_conflicts = find_conflicts(numbers, articles, origins)
    entities = find_entities(articles, docs=docs)
    citations = cited_sources(articles, entities=entities, docs=docs, quotes=quote_mentions)
    unattributed = unattributed_sentences(
        articles, citations=citations, docs=docs, quotes=quote_mentions
    )
    wording = word_choice(articles, entities=entities, docs=docs)
    quotes = match_quotes(quote_mentions, articles)
    claims = separate_speakers(claims, quotes, articles, origins)
    claims = separate_figures(claims, conflicts, non_conflicts, articles, origins)
    return StoryAnalysis(
        articles=articles,
        claims=claims,
        quotes=quotes,
        numbers=numbers,
        conflicts=conflicts,
        non_conflicts=non_conflicts,
        entities=entities,
        sources_cited=citations,
        unattributed=tuple(span for a in articles for span in unattributed[a.id]),
        wording=wording,
        origins=_shared_origins(articles, origins),
        digest=make_digest(
            claims,
            articles,
            options=DigestOptions(words=options.digest_words),
            conflicts=conflicts,
            quotes=quote_mentions,
            numbers=numbers,
            origins=origins,
            loaded=[s for w in wording if w.kind in ("loaded", "hedge") for s in w.mentions],
        ),
    )


def _shared_origins(
    articles: Sequence[Article], origins: Mapping[str, str]
) -> tuple[tuple[str, str], ...]:
    """(article id, group) for the articles that share their origin with another one here."""
    groups = Counter(origins.get(a.id, a.id) for a in articles)
    return tuple(
        (a.id, origins[a.id]) for a in articles if a.id in origins and groups[origins[a.id]] > 1
    )


def _checked(articles: Sequence[Article]) -> tuple[Article, ...]:
    """The articles as a tuple; a TypeError that says what to pass for anything else."""
    if isinstance(articles, str | Article):
        kind = "one Article" if isinstance(articles, Article) else "a str"
        msg = (
            f"compare() takes a sequence of Article objects, not {kind}: pass a list"
            " (read files with storylens.iter_articles)"
        )
        raise TypeError(msg)
    found = tuple(articles)
    wrong = next((a for a in found if not isinstance(a, Article)), None)
    if wrong is not None:
        msg = (
            f"compare() takes Article objects, not {type(wrong).__name__}:"
            " read files with storylens.iter_articles"
        )
        raise TypeError(msg)
    if not found:
        raise ValueError("compare() needs at least one article")
    return tuple(sorted(found, key=_story_order))


def _story_order(article: Article) -> tuple[bool, str, str, str]:
    """The order a story's articles are analysed and shown in, whatever order they were given
    in (the same articles give the same report): the earliest published first, then those
    with no time, each by outlet and then id."""
    published = article.published or ""
    return (not published, published, outlet_name(article).casefold(), article.id)
