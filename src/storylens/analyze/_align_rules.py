"""Anchors: unit pairs that a shared rare phrase lets link below ``link``.

Two units *share a phrase* when both hold the same two content words in the same order,
next to each other or with at most ``gap`` content words between them ("revenge killings";
"blow for the government" and "blow for the Afghan government" share "blow government").
The phrase is *rare* when at most ``units`` units of the story hold it. A pair sharing a rare
phrase is an *anchor* when each unit is the other's best partner by link probability among
the units of the two articles that hold the phrase, and the probability reaches the anchor
threshold. A specific shared phrase says "same fact" more surely than the embedding does.

A phrase of time words ("late afternoon") or one ending in a place word ("presidential
palace") is no anchor: it says when or where, not what.
Single shared words were tried as anchors too, and left out: on the fictional dev set and ECB+
they anchor chance pairs ("cut", "river", "home"); phrases of two words rarely do.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storylens.analyze._num_words import PLACE_NOUNS
from storylens.analyze._pairs import content_words

__all__ = ["anchors", "phrases"]

Floats = npt.NDArray[np.float32]
Pair = tuple[int, int]


def phrases(text: str, gap: int = 1) -> set[str]:
    """Ordered pairs of content words with at most ``gap`` content words between them.

    >>> sorted(phrases("a blow for the Afghan government"))
    ['afghan government', 'blow afghan', 'blow government']
    """
    content = content_words(text)
    return {
        f"{a} {b}"
        for skip in range(gap + 1)
        for a, b in zip(content, content[skip + 1 :], strict=False)
    }


def anchors(
    texts: Sequence[str],
    article_of: Sequence[int],
    prob: Floats,
    *,
    threshold: float,
    units: int = 2,
    gap: int = 1,
) -> dict[Pair, str]:
    """Anchored pairs ``(i, j)``, ``i < j``, each with the phrase that anchors it.

    A pair anchored by several phrases shows the rarest (then alphabetically first).
    """
    holders: dict[str, list[int]] = {}
    for row, text in enumerate(texts):
        for phrase in sorted(phrases(text, gap)):
            holders.setdefault(phrase, []).append(row)
    found: dict[Pair, tuple[int, str]] = {}
    for phrase, rows in sorted(holders.items()):
        if not 2 <= len(rows) <= units or _says_when(phrase):
            continue
        by_article: dict[int, list[int]] = {}
        for r in rows:
            by_article.setdefault(article_of[r], []).append(r)
        for a, b in itertools.combinations(sorted(by_article), 2):
            for i, j in _mutual_best(prob, by_article[a], by_article[b]):
                pair = (min(i, j), max(i, j))
                if prob[i, j] >= threshold and (pair not in found or len(rows) < found[pair][0]):
                    found[pair] = (len(rows), phrase)
    return {pair: phrase for pair, (_, phrase) in sorted(found.items())}


_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december morning afternoon evening night
    midnight noon dawn dusk overnight today yesterday tomorrow weekend week month year day hour
    minute early late last next earlier later""".split()  # noqa: SIM905
)


_WHERE_WORDS = PLACE_NOUNS | frozenset(
    """palace square hall centre center street road building station airport port harbour
    harbor border headquarters office court courthouse stadium gate site scene""".split()  # noqa: SIM905
)


def _says_when(phrase: str) -> bool:
    """A phrase of time words ("late afternoon", "tuesday night"), or one ending in a word
    for a place ("presidential palace", "main square"): it says when or where, which two
    different facts of one day or one place share, not what happened."""
    words = phrase.split()
    return all(word in _TIME_WORDS for word in words) or words[-1] in _WHERE_WORDS


def _mutual_best(prob: Floats, left: list[int], right: list[int]) -> list[Pair]:
    """Pairs (i in left, j in right) that are each other's best by probability."""
    out = []
    for i in left:
        j = max(right, key=lambda c: (float(prob[i, c]), -c))
        if max(left, key=lambda c: (float(prob[c, j]), -c)) == i:
            out.append((i, j))
    return out
