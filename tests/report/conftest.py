"""A small hand-built analysis of two fictional articles, for renderer tests."""

from __future__ import annotations

import pytest

from storylens.model import (
    Article,
    Bound,
    Claim,
    ClaimMention,
    Conflict,
    DigestSentence,
    Entity,
    NumberMention,
    Paragraph,
    ParagraphKind,
    Quote,
    QuoteFidelity,
    QuoteKind,
    QuoteMention,
    SourceCitation,
    StoryAnalysis,
    Support,
    Why,
    WordChoice,
    content_hash,
)

TEXT_A = (
    "Floods hit Brennmoor\n\n"
    "At least 12 people died and more than 300 were injured, officials said.\n\n"
    '"Leave now," the mayor said. <script>alert(1)</script>'
)
TEXT_B = "Twelve people died in Brennmoor floods, officials said.\n\nDozens were injured."


def _article(aid: str, outlet: str, text: str, kinds: list[ParagraphKind]) -> Article:
    paragraphs = []
    pos = 0
    for part, kind in zip(text.split("\n\n"), kinds, strict=True):
        sents = ((pos, pos + len(part)),) if kind is ParagraphKind.BODY else ()
        paragraphs.append(Paragraph(pos, pos + len(part), kind, sents))
        pos += len(part) + 2
    return Article(
        id=aid,
        text=text,
        paragraphs=tuple(paragraphs),
        content_hash=content_hash(text),
        outlet=outlet,
        title=f"{outlet} on the floods",
    )


def _span_of(article: Article, needle: str) -> tuple[int, int]:
    start = article.text.index(needle)
    return start, start + len(needle)


@pytest.fixture()
def analysis() -> StoryAnalysis:
    body = ParagraphKind.BODY
    a = _article("a1", "Courier <b>", TEXT_A, [ParagraphKind.HEADING, body, body])
    b = _article("b1", "Ledger", TEXT_B, [body, body])
    died_a = a.span(*_span_of(a, "At least 12 people died and more than 300 were injured"))
    died_b = b.span(*_span_of(b, "Twelve people died in Brennmoor floods"))
    why = Why("embedding+lexical", 0.81234567, {"cosine": 0.8, "shared": {"Brennmoor"}})
    claim = Claim(
        "c1",
        "Twelve people died in Brennmoor floods.",
        (ClaimMention(died_a, why), ClaimMention(died_b, why)),
        Support(2, 2, 2),
    )
    lone = Claim(
        "c2",
        "Dozens were injured.",
        (ClaimMention(b.span(*_span_of(b, "Dozens were injured.")), Why("single")),),
        Support(1, 1, 1),
    )
    qm = QuoteMention(
        a.span(*_span_of(a, "Leave now,")),
        QuoteKind.STATEMENT,
        "the mayor",
        a.span(*_span_of(a, "the mayor")),
        Why("cue-after"),
    )
    n_a = NumberMention(
        a.span(*_span_of(a, "more than 300")),
        300.0,
        Bound.MORE_THAN,
        301.0,
        float("inf"),
        "injured",
        "Brennmoor",
        None,
        "officials",
        Why("nummod"),
    )
    n_b = NumberMention(
        b.span(*_span_of(b, "Dozens")),
        24.0,
        Bound.VAGUE,
        24.0,
        99.0,
        "injured",
        None,
        None,
        None,
        Why("vague"),
    )
    return StoryAnalysis(
        articles=(a, b),
        claims=(claim, lone),
        quotes=(Quote("q1", "the mayor", QuoteFidelity.SINGLE, (qm,), Why("single")),),
        numbers=(n_a, n_b),
        conflicts=(Conflict("x1", "number", "injured", (n_a, n_b), Why("ranges-disjoint")),),
        entities=(Entity("brennmoor", "Brennmoor", "GPE", (a.span(*_span_of(a, "Brennmoor")),)),),
        sources_cited=(
            SourceCitation(
                "a1", "Courier <b>", "officials", "government", (a.span(*_span_of(a, "officials")),)
            ),
        ),
        wording=(
            WordChoice("the injured", "referent", {"injured": {"a1": 1}, "hurt": {"b1": 0}}, ()),
        ),
        digest=(DigestSentence("Twelve people died in Brennmoor floods.", ("c1",), ("a1", "b1")),),
    )
