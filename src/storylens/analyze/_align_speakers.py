"""Claims never join the words of two different speakers: ``separate_speakers``.

Two sentences that quote different people ("'We will cooperate fully,' the prime minister
said" and "'I never authorised it,' the minister wrote") are two facts however alike their
words, but the sentence model only sees the words. After quotes are found, a claim whose
mentions are mostly the quoted words of different speakers (different quotes, different
known speakers) keeps the speaker most of its mentions quote, with every mention that quotes
nobody; each other speaker's mentions become a claim of their own (rule ``speaker-differs``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storylens.analyze.align import claim_id, claim_order, support_of
from storylens.model import Article, Claim, ClaimMention, Quote, Span, Why

__all__ = ["ClaimStory", "part_claim", "separate_speakers"]

_QUOTED_SHARE = 0.5  # a mention is a quotation when quoted words cover this share of it


def separate_speakers(
    claims: Sequence[Claim],
    quotes: Sequence[Quote],
    articles: Sequence[Article],
    origins: Mapping[str, str] | None = None,
) -> tuple[Claim, ...]:
    """``claims`` with the mentions of a second speaker split off into claims of their own,
    most supported first (the order :func:`storylens.analyze.align.align_claims` gives)."""
    spoken = [(m.span, q.id, q.speaker) for q in quotes if q.speaker for m in q.mentions]
    story = ClaimStory({a.id: a for a in articles}, origins or {})
    found: list[Claim] = []
    for claim in claims:
        found.extend(_separated(claim, spoken, story))
    return tuple(sorted(found, key=lambda c: claim_order(c, articles)))


def _speaker(span: Span, spoken: Sequence[tuple[Span, str, str | None]]) -> tuple[str, str]:
    """(quote id, speaker) of the quote that covers most of ``span``, or ``("", "")``."""
    size = max(1, span.end - span.start)
    for quoted, quote_id, speaker in spoken:
        if quoted.article == span.article:
            inside = min(quoted.end, span.end) - max(quoted.start, span.start)
            if inside >= _QUOTED_SHARE * size:
                return quote_id, (speaker or "").casefold()
    return "", ""


@dataclass(frozen=True, slots=True)
class ClaimStory:
    """The articles of a story by id, and their same-origin groups."""

    articles: Mapping[str, Article]
    origins: Mapping[str, str]


def _separated(
    claim: Claim, spoken: Sequence[tuple[Span, str, str | None]], story: ClaimStory
) -> list[Claim]:
    """The claim itself when its mentions quote at most one speaker; else the claim of the
    main speaker and one claim for each other speaker."""
    keys = [_speaker(m.span, spoken) for m in claim.mentions]
    by_speaker: dict[str, list[int]] = {}
    for i, (_, speaker) in enumerate(keys):
        if speaker:
            by_speaker.setdefault(speaker, []).append(i)
    if len(by_speaker) < 2 or len({q for q, _ in keys if q}) < 2:
        return [claim]
    main = max(by_speaker, key=lambda s: (len(by_speaker[s]), -min(by_speaker[s])))
    kept = [m for i, m in enumerate(claim.mentions) if keys[i][1] in ("", main)]
    out = [part_claim(claim, kept, claim.also, story)]
    for speaker, members in by_speaker.items():
        if speaker != main:
            moved = [_moved(claim.mentions[i], main) for i in members]
            out.append(part_claim(claim, moved, (), story))
    return out


def _moved(mention: ClaimMention, main: str) -> ClaimMention:
    features = {**mention.why.features, "other_speaker": main}
    return ClaimMention(mention.span, Why("speaker-differs", mention.why.score, features))


def part_claim(
    claim: Claim,
    mentions: Sequence[ClaimMention],
    also: tuple[ClaimMention, ...],
    story: ClaimStory,
) -> Claim:
    """A claim of some of ``claim``'s mentions: its text is the original text when one of
    them holds it, else the first mention's words."""
    words = [story.articles[m.span.article].text_of(m.span) for m in mentions]
    text = claim.text if claim.text in words else words[0]
    support = support_of((story.articles[m.span.article] for m in mentions), story.origins)
    return Claim(claim_id(m.span for m in mentions), text, tuple(mentions), support, also)
