from __future__ import annotations

from storylens.analyze.digest import DigestOptions, make_digest
from storylens.model import (
    Article,
    Bound,
    Claim,
    ClaimMention,
    Conflict,
    NumberMention,
    Paragraph,
    QuoteKind,
    QuoteMention,
    Span,
    Support,
    Why,
)


def _claim(cid: str, text: str, articles: list[str], start: int = 0) -> Claim:
    mentions = tuple(ClaimMention(Span(a, start, start + len(text)), Why("t")) for a in articles)
    n = len(articles)
    return Claim(cid, text, mentions, Support(n, n, n))


ARTICLES = [
    Article(id=i, text="x" * 500, paragraphs=(Paragraph(0, 500),), content_hash=i)
    for i in ("a", "b", "c")
]


def test_digest_puts_shared_facts_first_and_cites_them() -> None:
    claims = [
        _claim("u", "Only one outlet reports that the bridge was closed overnight.", ["b"], 0),
        _claim("s", "The river burst its banks after four days of rain.", ["a", "b", "c"], 50),
    ]
    digest = make_digest(claims, ARTICLES)
    assert [d.claims for d in digest] == [("s",), ("u",)]
    assert digest[0].articles == ("a", "b", "c")


def test_digest_keeps_to_word_budget() -> None:
    text = "One two three four five six seven eight."
    claims = [_claim(f"c{i}", text, ["a"], i) for i in range(9)]
    digest = make_digest(claims, ARTICLES, options=DigestOptions(words=20))
    assert sum(len(d.text.split()) for d in digest) <= 20
    assert len(digest) == 2


def test_digest_stops_at_the_first_claim_that_does_not_fit() -> None:
    lead = _claim("lead", "The river burst its banks after four days of heavy rain.", ["a", "b"])
    minor = _claim("minor", "A baker lost his shop.", ["c"], 80)
    short = make_digest([lead, minor], ARTICLES, options=DigestOptions(words=8, min_words=3))
    assert short == ()  # never the minor fact in place of the lead


def test_digest_leaves_out_disputed_numbers_and_quoted_words() -> None:
    died = _claim("d", "At least 12 people died in the floods on Tuesday.", ["a", "b"], 0)
    number = NumberMention(
        Span("b", 0, 11),
        12.0,
        Bound.AT_LEAST,
        12.0,
        float("inf"),
        "died",
        None,
        None,
        None,
        Why("t"),
    )
    conflict = Conflict("x", "number", "died", (number, number), Why("ranges-disjoint"))
    assert make_digest([died], ARTICLES, conflicts=[conflict]) == ()
    quote = QuoteMention(Span("a", 5, 20), QuoteKind.STATEMENT, "a resident", None, Why("t"))
    assert make_digest([died], ARTICLES, quotes=[quote]) == ()
    assert make_digest([died], ARTICLES) != ()


def test_digest_leaves_out_quotes_questions_and_fragments() -> None:
    claims = [
        _claim("q", '"We will rebuild every house," the mayor said on Tuesday.', ["a", "b"]),
        _claim("h", "What happens next for the town and its people?", ["a", "b"]),
        _claim("f", "Dozens injured.", ["a", "b"]),
        _claim("c", "is now focused on capturing the provincial capitals of the north", ["a", "b"]),
    ]
    assert make_digest(claims, ARTICLES) == ()


def test_digest_sentences_are_claim_wordings_to_the_letter() -> None:
    whole = _claim("s", "The river burst its banks after four days of rain.", ["a"])
    (sentence,) = make_digest([whole], ARTICLES)
    assert sentence.text == whole.text
    # a clause cut before its sentence ends would need a full stop the article does not have
    clause = _claim("c", "The army will deliver a so", ["a", "b"])
    assert make_digest([clause], ARTICLES) == ()
