"""A hand-built story of two to six fictional articles that uses every highlight of the HTML
report: a fact shared firmly, one linked only weakly, one repeated by copies of one wire text,
one only one outlet states, one another outlet states in a sentence matched elsewhere, a quote
and a conflicting number. Town, outlets and people are invented."""

from __future__ import annotations

from storylens.model import (
    Article,
    Bound,
    Claim,
    ClaimMention,
    Conflict,
    NumberMention,
    Paragraph,
    ParagraphKind,
    Quote,
    QuoteFidelity,
    QuoteKind,
    QuoteMention,
    Span,
    StoryAnalysis,
    Support,
    Why,
    content_hash,
)

POST = (
    "Ferry capsizes on the Maren\n\n"
    "The ferry Silver Heron capsized on the Maren river on Sunday, officials said.\n\n"
    "Divers searched the wreck overnight.\n\n"
    '"We will not stop until everyone is found," harbourmaster Ana Ruiz said.\n\n'
    "At least 27 people died, according to the verbatim Pelican hospital count."
)
SIGNAL = (
    "Silver Heron disaster\n\n"
    "The Silver Heron ferry overturned on the Maren on Sunday, officials said.\n\n"
    "Rescue boats worked through the night.\n\n"
    '"We will not stop until everyone is found," Ruiz said.\n\n'
    "The operator suspended all crossings on Monday.\n\n"
    "Nine people died."
)
OUTLETS = (
    "Coastline Post",
    "Harbour Signal",
    "Pelican Wire",
    "Valley Herald",
    "Fjord Weekly",
    "Northline Daily",
)


def _article(aid: str, outlet: str, text: str, title: str | None) -> Article:
    paragraphs = []
    pos = 0
    for i, part in enumerate(text.split("\n\n")):
        kind = ParagraphKind.HEADING if i == 0 else ParagraphKind.BODY
        sentences = ((pos, pos + len(part)),) if kind is ParagraphKind.BODY else ()
        paragraphs.append(Paragraph(pos, pos + len(part), kind, sentences))
        pos += len(part) + 2
    return Article(aid, text, tuple(paragraphs), content_hash(text), outlet=outlet, title=title)


def span(article: Article, words: str) -> Span:
    start = article.text.index(words)
    return article.span(start, start + len(words))


def _mention(article: Article, words: str, score: float) -> ClaimMention:
    return ClaimMention(span(article, words), Why("matched", score))


def story(count: int = 3, *, titled: bool = True) -> StoryAnalysis:
    """``count`` articles (2 to 6): the Post, the Signal, and copies of the Signal's wire text
    (the third is the Pelican Wire itself); every copy shares one origin with the Signal."""
    post = _article("post-1", OUTLETS[0], POST, "Ferry capsizes on the Maren" if titled else None)
    signal = _article("signal-1", OUTLETS[1], SIGNAL, "Silver Heron disaster" if titled else None)
    copies = [
        _article(f"copy-{i}", OUTLETS[1 + i], SIGNAL, "Silver Heron disaster")
        for i in range(1, count - 1)
    ]
    articles = (post, signal, *copies)
    wire = (signal, *copies)
    capsized = Claim(
        "c-capsized",
        "The ferry Silver Heron capsized on the Maren river on Sunday, officials said.",
        (
            _mention(post, "The ferry Silver Heron capsized on the Maren river on Sunday", 0.9),
            *(
                _mention(a, "The Silver Heron ferry overturned on the Maren on Sunday", 0.9)
                for a in wire
            ),
        ),
        Support(len(articles), len(articles), 2),
    )
    search = Claim(
        "c-search",
        "Divers searched the wreck overnight.",
        (
            _mention(post, "Divers searched the wreck overnight.", 0.41),
            _mention(signal, "Rescue boats worked through the night.", 0.41),
        ),
        Support(2, 2, 2),
    )
    claims = [capsized, search]
    if copies:
        claims.append(
            Claim(
                "c-suspended",
                "The operator suspended all crossings on Monday.",
                tuple(
                    _mention(a, "The operator suspended all crossings on Monday.", 0.97)
                    for a in wire
                ),
                Support(len(wire), len(wire), 1),
            )
        )
    claims.append(
        Claim(
            "c-toll",
            "At least 27 people died, according to the verbatim Pelican hospital count.",
            (_mention(post, "At least 27 people died", 0.3),),
            Support(1, 1, 1),
        )
    )
    claims.append(
        Claim(
            "c-said",
            "harbourmaster Ana Ruiz said.",
            (_mention(post, "harbourmaster Ana Ruiz said.", 0.3),),
            Support(1, 1, 1),
            also=(ClaimMention(span(signal, "Ruiz said."), Why("also-states", 0.6)),),
        )
    )
    words = "We will not stop until everyone is found,"
    quote = Quote(
        "q-ruiz",
        "Ana Ruiz",
        QuoteFidelity.VERBATIM,
        tuple(
            QuoteMention(span(a, words), QuoteKind.STATEMENT, "Ana Ruiz", None, Why("cue-after"))
            for a in (post, signal)
        ),
        Why("verbatim"),
    )
    toll = NumberMention(
        span(post, "At least 27"),
        27.0,
        Bound.AT_LEAST,
        27.0,
        float("inf"),
        "people died",
        None,
        None,
        None,
        Why("nummod"),
    )
    nine = NumberMention(
        span(signal, "Nine"),
        9.0,
        Bound.EXACT,
        9.0,
        9.0,
        "people died",
        None,
        None,
        None,
        Why("nummod"),
    )
    return StoryAnalysis(
        articles=articles,
        claims=tuple(claims),
        quotes=(quote,),
        numbers=(toll, nine),
        conflicts=(
            Conflict("x-toll", "number", "people died", (toll, nine), Why("ranges-disjoint")),
        ),
        origins=tuple((a.id, "origin-signal") for a in wire) if copies else (),
    )
