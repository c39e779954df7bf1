"""Cross-article quote matching for :mod:`storylens.analyze.quotes`: ``match_quotes``.

Links mentions of the same quote in different articles (verbatim, punctuation, fragment,
reworded, other speaker), groups them around one reference mention, and classes how
faithfully each outlet reports it. The fidelity rules are described in full in
:mod:`storylens.analyze.quotes`, which re-exports :func:`match_quotes`. Speakers are first
folded to one name across the story (:func:`storylens.analyze.speakers.story_speakers`:
"Harbourmaster Jonas Veldt" and "Veldt" are "Jonas Veldt" when another article writes
"harbourmaster Jonas Veldt").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz

from storylens.analyze.speakers import story_speakers
from storylens.model import Article, Quote, QuoteFidelity, QuoteMention, Why, content_hash

__all__ = ["match_quotes"]

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
    meaning: Any = None  # the sentence embedding (unit length), for quotes a speaker shares


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
    # a closing comma or full stop is the sentence's ('"We will appeal," Kellan said' prints
    # the words of '"We will appeal."'): the two are verbatim
    exact = " ".join(text.split()).rstrip(",.")
    return _Item(index, order, exact, _words(text), pieces, mention.speaker)


def _contains(long: tuple[str, ...], piece: tuple[str, ...], start: int) -> int:
    """End of the first occurrence of ``piece`` in ``long`` at or after ``start``, or -1."""
    n = len(piece)
    for i in range(start, len(long) - n + 1):
        if long[i : i + n] == piece:
            return i + n
    return -1


def _is_fragment(short: _Item, long: _Item) -> bool:
    """The short quote's words appear in order in the long one: three words at least, or two
    when one speaker says both ("despicable attack" inside the minister's longer quote)."""
    one_speaker = bool(short.speaker and long.speaker and same_speaker(short.speaker, long.speaker))
    least = 2 if one_speaker else 3
    if len(short.words) < least or len(short.words) >= len(long.words):
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
    if a.speaker and b.speaker and not same_speaker(a.speaker, b.speaker):
        return QuoteFidelity.OTHER_SPEAKER, score
    return same, score


def same_speaker(a: str, b: str) -> bool:
    """One speaker named two ways: equal, or the shorter name ends the longer one after a
    description ("Bruce Arians" and "Colts interim coach Bruce Arians"; "Sadat" and "Sami
    Sadat").

    >>> same_speaker("Mara Quist", "harbour chief Mara Quist"), same_speaker("Quist", "Ivo Ren")
    (True, False)
    """
    x, y = sorted((a.casefold().split(), b.casefold().split()), key=len)
    return bool(x) and y[len(y) - len(x) :] == x


_REWORD = 85
_REWORD_SAME_SPEAKER = 70
SAME_MEANING = 0.75
"""The embedding cosine from which two quotes of one speaker that share too few words are one
quote reworded. On the planted stories (session 19), the same speaker's different quotes
scored at most 0.685 and the reworded pairs the word score missed 0.27-0.88, ten of 23 from
0.75."""


def _reworded(a: _Item, b: _Item) -> tuple[QuoteFidelity | None, float]:
    if min(len(a.words), len(b.words)) < 4:
        return None, 0.0
    left, right = " ".join(a.words), " ".join(b.words)
    score = fuzz.token_sort_ratio(left, right)
    similar_length = min(len(a.words), len(b.words)) / max(len(a.words), len(b.words)) >= 0.6
    if similar_length:
        score = max(score, fuzz.token_set_ratio(left, right) - 5)
    floor = _reword_floor(a, b)
    if score < floor and floor == _REWORD_SAME_SPEAKER and a.meaning is not None:
        close = float(a.meaning @ b.meaning) if b.meaning is not None else 0.0
        if close >= SAME_MEANING:  # "We will seek the confiscation of every florin" and
            return QuoteFidelity.REWORDED, float(score)  # "We intend to confiscate every
            # last florin": one speaker's words in other words
    if not similar_length and floor == _REWORD_SAME_SPEAKER:
        # one speaker's words, a short part given in other words ("no sign that anyone has
        # been hurt" for "no evidence that anyone has been harmed, but ..."): the best
        # alignment of the shorter quote inside the longer one
        score = max(score, fuzz.partial_ratio(left, right) - 5)
    return (QuoteFidelity.REWORDED if score >= floor else None), float(score)


def _reword_floor(a: _Item, b: _Item) -> int:
    """How alike two quotes' words must be (rapidfuzz, 0-100) to be one quote reworded: 85,
    or 70 when both name the same speaker (one person's two quotes rarely share most words;
    outlets transcribing one speech often differ by a few)."""
    known = bool(a.speaker and b.speaker and same_speaker(a.speaker, b.speaker))
    return _REWORD_SAME_SPEAKER if known else _REWORD


def match_quotes(
    mentions: Sequence[QuoteMention], articles: Sequence[Article]
) -> tuple[Quote, ...]:
    """Group the same quote across articles and class its fidelity against its reference.

    Mentions of one article are never linked directly; each speaker is first folded to its
    canonical name in the story (the same person has one name in every mention). Each
    mention comes back with its own relation to the group's reference in
    ``why.features["fidelity"]``. Quotes are ordered by their first mention (article order,
    then offset); ids are content hashes of the mentions' spans.
    """
    by_id = {a.id: (i, a) for i, a in enumerate(articles)}
    ordered = sorted(
        _story_speakers(mentions, articles),
        key=lambda m: (by_id.get(m.span.article, (len(by_id),))[0], m.span.start, m.span.end),
    )
    items = _with_meanings([_item(i, m, by_id) for i, m in enumerate(ordered)])
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


def _with_meanings(items: list[_Item]) -> list[_Item]:
    """The items whose speaker another article quotes too, with their sentence embedding
    (:data:`SAME_MEANING`); the model is not loaded when no two articles share a speaker."""
    shared = [
        i
        for i in items
        if i.speaker
        and len(i.words) >= 4
        and any(
            j.article != i.article and j.speaker and same_speaker(i.speaker, j.speaker)
            for j in items
        )
    ]
    if not shared:
        return items
    from storylens.embed import encode

    vectors = encode([i.text for i in shared])
    meant = {i.index: v for i, v in zip(shared, vectors, strict=True)}
    return [replace(i, meaning=meant[i.index]) if i.index in meant else i for i in items]


def _story_speakers(
    mentions: Sequence[QuoteMention], articles: Sequence[Article]
) -> list[QuoteMention]:
    """The mentions with each speaker folded to its one canonical name in the story."""
    names = story_speakers((m.speaker for m in mentions if m.speaker), [a.text for a in articles])
    return [
        replace(m, speaker=names[m.speaker]) if m.speaker and names[m.speaker] != m.speaker else m
        for m in mentions
    ]


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
    reference = min(members, key=lambda i: (-_covers(i, members, items), -len(items[i].words), i))
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


_SAME_WORDS = frozenset({QuoteFidelity.VERBATIM, QuoteFidelity.PUNCTUATION})


def _covers(candidate: int, members: list[int], items: list[_Item]) -> int:
    """How many other mentions print the candidate's words: all of them (verbatim, or with
    other punctuation) or a part of them (a fragment). The reference is the wording most
    outlets print, not merely the longest: three outlets quoting one sentence and a fourth
    rewording it at greater length make the sentence the reference and the fourth reworded."""
    mine = items[candidate]
    found = 0
    for i in members:
        if i == candidate:
            continue
        relation, _ = _relation(items[i], mine)
        shorter = len(items[i].words) <= len(mine.words)
        found += relation in _SAME_WORDS or (relation is QuoteFidelity.FRAGMENT and shorter)
    return found


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
    """The mention with its relation to the reference in ``why.features["fidelity"]``. The
    reference itself (``why.features["reference"]`` true) is ``verbatim`` when another outlet
    prints its exact words (in full or a part of them), else it takes the closest relation
    another mention has to it: of two outlets that punctuate or word a quote differently,
    neither is the exact words."""
    features = dict(mention.why.features)
    if len(group.members) == 1:
        features["fidelity"] = str(QuoteFidelity.SINGLE)
    elif index == group.reference:
        relations = [r for r, _ in group.relations.values()]
        printed = {QuoteFidelity.VERBATIM, QuoteFidelity.FRAGMENT} & set(relations)
        closest = min(relations, key=lambda r: _SEVERITY[r])
        features["fidelity"] = str(QuoteFidelity.VERBATIM if printed else closest)
        features["reference"] = True
    else:
        features["fidelity"] = str(group.relations[index][0])
    return replace(mention, why=Why(mention.why.rule, mention.why.score, features))


def _majority(mentions: list[QuoteMention]) -> str | None:
    """The most frequent speaker (case-insensitive), the earliest on a tie."""
    names = [m.speaker for m in mentions if m.speaker]
    if not names:
        return None
    counts = Counter(n.casefold() for n in names)
    best = max(counts.values())
    return next(n for n in names if counts[n.casefold()] == best)
