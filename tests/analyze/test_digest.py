from __future__ import annotations

from storylens.analyze.digest import DigestOptions, make_digest
from storylens.model import Article, Claim, ClaimMention, Paragraph, Span, Support, Why


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
    claims = [
        _claim(f"c{i}", "one two three four five six seven eight", ["a"], i) for i in range(9)
    ]
    digest = make_digest(claims, ARTICLES, options=DigestOptions(words=20))
    assert sum(len(d.text.split()) for d in digest) <= 20
    assert len(digest) == 2


def test_digest_leaves_out_quotes_questions_and_fragments() -> None:
    claims = [
        _claim("q", '"We will rebuild every house," the mayor said on Tuesday.', ["a", "b"]),
        _claim("h", "What happens next for the town and its people?", ["a", "b"]),
        _claim("f", "Dozens injured.", ["a", "b"]),
    ]
    assert make_digest(claims, ARTICLES) == ()


def test_digest_sentences_are_claim_wordings() -> None:
    claims = [_claim("s", "The river burst its banks after four days of rain", ["a"])]
    (sentence,) = make_digest(claims, ARTICLES)
    assert sentence.text == "The river burst its banks after four days of rain."
