"""compare() gives the same analysis whatever order the articles are given in."""

from __future__ import annotations

from storylens.clean import clean
from storylens.compare import compare
from storylens.model import Article, RawDocument
from storylens.report.comparison import to_json

# Three fictional reports of one mine collapse.
TEXTS = {
    "tarn-gazette.txt": (
        "A tunnel at the Tarnholt copper mine caved in early on Tuesday, leaving at least 23"
        " miners trapped, police said. The mine's operator, Greyfell Minerals, halted all work."
        ' "We are doing everything we can," said Anton Velsk, who leads the rescue.'
    ),
    "north-tribune.txt": (
        "Nine miners were trapped when the roof of a tunnel at the Tarnholt copper mine gave way"
        " on Tuesday. A spokeswoman for the Ministry of Mines said Greyfell Minerals had been"
        ' ordered to stop all work. "We are doing everything we can," Anton Velsk said.'
    ),
    "east-herald.txt": (
        "Protesters blocked the main gate of the Tarnholt mine in the evening. Work at the mine"
        " has been suspended by its owner, Greyfell Minerals. Relatives kept a vigil at the gates."
    ),
}


def _articles() -> list[Article]:
    return [
        clean(RawDocument(source=f"/in/{name}", text=text, meta={"filename": name}))
        for name, text in TEXTS.items()
    ]


def test_compare_result_does_not_depend_on_the_order_given() -> None:
    articles = _articles()
    first = to_json(compare(articles))
    assert to_json(compare(articles[::-1])) == first
    assert to_json(compare([articles[1], articles[2], articles[0]])) == first
