"""Small fictional articles for the store tests, built by hand or from a seeded generator.

Imported by the contract tests and by ``store_ingest_worker.py`` (run as a subprocess), so
both sides build the very same articles from an index.
"""

from __future__ import annotations

import random
from types import MappingProxyType

from storylens.model import Article, Paragraph, ParagraphKind, Removal, content_hash

_WORDS = [
    "council",
    "harbour",
    "bridge",
    "ferry",
    "storm",
    "river",
    "mayor",
    "budget",
    "school",
    "vote",
    "market",
    "festival",
    "engineers",
    "residents",
    "delay",
    "repairs",
    "funding",
    "tunnel",
    "flood",
    "warning",
    "station",
    "museum",
    "archive",
    "lantern",
    "orchard",
    "quarry",
    "meadow",
    "village",
    "coastal",
    "northern",
    "eastern",
    "weekly",
    "spokesperson",
    "announced",
    "said",
    "confirmed",
    "reported",
    "estimated",
    "closed",
    "reopened",
    "opened",
    "inspected",
    "approved",
]


def sample_article() -> Article:
    """A hand-built article that uses every field, with awkward characters in its text."""
    title = "Ferry returns to Valdmora after storm repairs"
    heading = "A quieter harbour"
    body = (
        "The Valdmora ferry sailed again on Tuesday, the harbour office said. "
        "Repairs cost 1.2 million crowns – “more than planned”, a spokesperson said."
    )
    caption = "The ferry at dawn. Crème brûlée café 🚢 naïve\u00a0spaces \u200b and tabs\tend."
    text = f"{heading}\n\n{body}\r\n\n{caption}  \n"
    b0 = text.index(body)
    first_end = body.index(" Repairs") + b0
    c0 = text.index(caption)
    return Article(
        id="valdmora-ferry-1",
        text=text,
        paragraphs=(
            Paragraph(0, len(heading), ParagraphKind.HEADING),
            Paragraph(
                b0,
                b0 + len(body),
                ParagraphKind.BODY,
                ((b0, first_end), (first_end + 1, b0 + len(body))),
            ),
            Paragraph(c0, c0 + len(caption), ParagraphKind.CAPTION),
        ),
        content_hash=content_hash(text),
        outlet="Valdmora Gazette",
        outlet_evidence="og:site_name",
        title=title,
        url="https://gazette.example/ferry?id=1&lang=en",
        published="2024-03-05T08:00:00+01:00",
        author="I. Testwriter",
        source="fixtures/ferry.jsonl#3",
        removed=(
            Removal("Read more: Bridge plans", "related-links", 10),
            Removal("Photo: A. Lens", "photo-credit", c0),
        ),
        meta=MappingProxyType(
            {"z_last": [1, 2.5, None, True], "a_first": {"nested": "ü"}, "count": 3}
        ),
    )


def make_article(index: int, *, size: int = 3000, prefix: str = "gen") -> Article:
    """A generated article of about ``size`` characters, the same for the same index."""
    rng = random.Random(index)
    paragraphs: list[Paragraph] = []
    pieces: list[str] = []
    offset = 0
    while offset < size:
        sentences = rng.choices(_SENTENCES, k=rng.randint(2, 5))
        spans, pos = [], offset
        for sentence in sentences:
            spans.append((pos, pos + len(sentence)))
            pos += len(sentence) + 1
        paragraph = " ".join(sentences)
        paragraphs.append(Paragraph(offset, offset + len(paragraph), sentences=tuple(spans)))
        pieces.append(paragraph)
        offset += len(paragraph) + 2
    text = "\n\n".join(pieces)
    return Article(
        id=f"{prefix}-{index:06d}",
        text=text,
        paragraphs=tuple(paragraphs),
        content_hash=content_hash(text),
        outlet=f"Outlet {index % 7}",
        title=" ".join(rng.choices(_VOCABULARY, k=6)).capitalize(),
        published=f"2024-01-{index % 28 + 1:02d}",
        meta=MappingProxyType({"index": index}),
    )


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    syllables = [
        "ka",
        "lo",
        "mi",
        "nu",
        "ser",
        "tav",
        "ren",
        "dol",
        "pa",
        "vi",
        "gor",
        "lin",
        "mes",
        "tor",
        "ul",
        "an",
        "be",
    ]
    return ["".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(count)]


def _sentences(count: int) -> tuple[str, ...]:
    rng = random.Random(0)
    vocabulary = _WORDS * 20 + _pseudo_words(rng, 3000)
    return tuple(
        " ".join(rng.choices(vocabulary, k=rng.randint(8, 18))).capitalize() + "."
        for _ in range(count)
    )


_SENTENCES = _sentences(2000)
_VOCABULARY = tuple(_WORDS)
