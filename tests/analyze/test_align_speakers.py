"""Tests of storylens.analyze._align_speakers: a claim never joins two speakers' words."""

from __future__ import annotations

from storylens.analyze._align_speakers import separate_speakers
from storylens.model import (
    Article,
    Claim,
    ClaimMention,
    Paragraph,
    Quote,
    QuoteFidelity,
    QuoteKind,
    QuoteMention,
    Span,
    Support,
    Why,
)

# Three fictional reports: a and b quote the minister, c quotes the prime minister.
TEXTS = {
    "a": '"I never authorised it," the minister wrote.',
    "b": '"I never authorised it," Teodor Vasch said.',
    "c": '"We will cooperate fully," Liesl Amundar said.',
}
ARTICLES = [Article(k, t, (Paragraph(0, len(t)),), k) for k, t in TEXTS.items()]


def _span(article: str) -> Span:
    return Span(article, 0, len(TEXTS[article]))


def _quoted(article: str) -> Span:
    text = TEXTS[article]
    return Span(article, 1, text.index(",") + 1)


def _quote(qid: str, speaker: str, *articles: str) -> Quote:
    mentions = tuple(
        QuoteMention(_quoted(a), QuoteKind.STATEMENT, speaker, None, Why("cue")) for a in articles
    )
    return Quote(qid, speaker, QuoteFidelity.VERBATIM, mentions, Why("matched"))


def _claim(*articles: str) -> Claim:
    mentions = tuple(ClaimMention(_span(a), Why("matched", 0.6, {})) for a in articles)
    n = len(articles)
    return Claim("c", TEXTS[articles[0]], mentions, Support(n, n, n))


def test_separate_speakers_splits_off_the_other_speaker() -> None:
    quotes = [_quote("q1", "Teodor Vasch", "a", "b"), _quote("q2", "Liesl Amundar", "c")]
    main, other = separate_speakers([_claim("a", "b", "c")], quotes, ARTICLES)
    assert [m.span.article for m in main.mentions] == ["a", "b"]
    assert main.support == Support(2, 2, 2)
    assert [m.span.article for m in other.mentions] == ["c"]
    assert other.mentions[0].why.rule == "speaker-differs"
    assert other.mentions[0].why.features["other_speaker"] == "teodor vasch"
    assert other.text == TEXTS["c"]


def test_separate_speakers_keeps_one_quote_of_one_speaker_together() -> None:
    quotes = [_quote("q1", "Teodor Vasch", "a", "b", "c")]  # one quote, say
    (claim,) = separate_speakers([_claim("a", "b", "c")], quotes, ARTICLES)
    assert len(claim.mentions) == 3
