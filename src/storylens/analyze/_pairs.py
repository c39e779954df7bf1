"""Pairwise evidence between claim units: embeddings, story-local lexical overlap, names, numbers.

Every matrix is n x n over the units of one story. The features:

- ``cosine``: cosine of the all-MiniLM-L6-v2 sentence embeddings (:mod:`storylens.embed`);
- ``centred``: the same after subtracting the story's mean embedding (what all its units
  share: the topic), so that "same fact" stands out from "same story";
- ``csls``: cross-domain similarity local scaling (Conneau et al. 2018, used to mine
  parallel sentences): ``2 cos(x, y) - r(x) - r(y)`` where ``r(x)`` is the mean cosine of
  ``x`` to its ``k`` nearest units in the other article. A pair scores high when it stands
  out from what each unit shares with the rest of the other article;
- ``tfidf``: cosine of content-word TF-IDF vectors, idf over the story's units;
- ``names``: capitalised names both units hold (at most 3 counted);
- ``numbers``: numbers both units hold (at most 2 counted);
- ``clash``: 1 when both units hold numbers and share none (negative evidence);
- ``phrases``: cosine of TF-IDF vectors of content-word bigrams ("revenge killings", "air
  strikes"): a shared phrase says more than two shared words;
- ``rarest``: the idf of the rarest content word both units hold, over the largest idf the
  story allows (0 when they share none): one shared rare word is strong evidence;
- ``clause``: the best cosine between the two units or their pieces (a unit cut at commas
  and subordinating words, pieces of at least :data:`PIECE_WORDS` words, long units only):
  a fact stated inside a longer compound sentence;
- ``ratio``: the shorter unit's word count over the longer's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "FEATURES",
    "Evidence",
    "content_words",
    "pair_features",
    "stop_words",
    "unit_pieces",
    "words",
]

Floats = npt.NDArray[np.float32]

FEATURES = (
    "cosine",
    "centred",
    "csls",
    "tfidf",
    "names",
    "numbers",
    "clash",
    "phrases",
    "rarest",
    "clause",
    "ratio",
)
PIECE_WORDS = 5  # a piece of a unit needs this many words
PIECED_UNIT_WORDS = 15  # only units this long are cut into pieces
_NEIGHBOURS = 4  # k of the CSLS neighbourhood
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")


def words(text: str) -> list[str]:
    """The words and numbers of ``text``, in order."""
    return _WORD.findall(text)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Pairwise feature matrices over the units (n x n), one per name in :data:`FEATURES`."""

    cosine: Floats
    centred: Floats
    csls: Floats
    tfidf: Floats
    names: Floats
    numbers: Floats
    clash: Floats
    phrases: Floats
    rarest: Floats
    clause: Floats
    ratio: Floats

    def stack(self) -> npt.NDArray[np.float32]:
        """The features as one (n, n, len(FEATURES)) array, in :data:`FEATURES` order."""
        return np.stack([getattr(self, f) for f in FEATURES], axis=-1)

    def probability(self, weights: Sequence[float]) -> Floats:
        """The logistic link probability of every pair: intercept, then one weight a feature."""
        if len(weights) != 1 + len(FEATURES):
            msg = (
                f"{len(weights)} weights given, {1 + len(FEATURES)} needed: the intercept, then "
                f"one weight for each of {', '.join(FEATURES)} (0 leaves a feature out)"
            )
            raise ValueError(msg)
        z = weights[0] + self.stack() @ np.asarray(weights[1:], dtype=np.float32)
        out: Floats = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
        return out

    def at(self, i: int, j: int) -> dict[str, float]:
        """The features of one pair, rounded for a ``Why``."""
        return {f: round(float(getattr(self, f)[i, j]), 4) for f in FEATURES}


def pair_features(
    texts: Sequence[str], article_of: Sequence[int], *, pieces: bool = True
) -> Evidence:
    """Embedding, lexical, name and number evidence for every pair of ``texts``.

    With ``pieces=False`` the long units are not cut and embedded again: ``clause`` is then
    the plain cosine (faster, for a model that gives ``clause`` no weight).
    """
    from storylens.embed import encode

    vectors = encode(texts)
    cosine = (vectors @ vectors.T).astype(np.float32)
    content = [content_words(t) for t in texts]
    lengths = np.array([max(1, len(words(t))) for t in texts], dtype=np.float32)
    centred = vectors - vectors.mean(axis=0)
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-6)
    names = _indicator([_names(t) for t in texts])
    numbers = _indicator([_numbers(t) for t in texts])
    has_number = numbers.sum(axis=1) > 0
    shared_numbers = numbers @ numbers.T
    clash = (has_number[:, None] & has_number[None, :] & (shared_numbers == 0)).astype(np.float32)
    return Evidence(
        cosine=cosine,
        centred=(centred @ centred.T).astype(np.float32),
        csls=csls(cosine, article_of),
        tfidf=_tfidf_cosine(content),
        names=np.minimum(names @ names.T, 3.0).astype(np.float32),
        numbers=np.minimum(shared_numbers, 2.0).astype(np.float32),
        clash=clash,
        phrases=_tfidf_cosine([_bigrams(c) for c in content]),
        rarest=_rarest_shared(content),
        clause=_clause_cosine(texts, vectors, cosine) if pieces else cosine.copy(),
        ratio=(np.minimum.outer(lengths, lengths) / np.maximum.outer(lengths, lengths)).astype(
            np.float32
        ),
    )


def csls(sim: Floats, article_of: Sequence[int], k: int = _NEIGHBOURS) -> Floats:
    """``2 sim(x, y) - r(x, art(y)) - r(y, art(x))``: r is the mean of the top ``k`` of a row.

    >>> s = np.array([[1, .5, .1], [.5, 1, .2], [.1, .2, 1]], dtype=np.float32)
    >>> [round(float(v), 2) for v in csls(s, [0, 1, 1], k=1)[0, 1:]]
    [0.0, -0.4]
    """
    arts = np.asarray(article_of)
    n = len(arts)
    # r[i, a]: mean similarity of unit i to its k nearest units of article a
    r = np.zeros((n, int(arts.max()) + 1 if n else 0), dtype=np.float32)
    for art in np.unique(arts):
        cols = sim[:, arts == art]
        top = -np.sort(-cols, axis=1)[:, : min(k, cols.shape[1])]
        r[:, art] = top.mean(axis=1)
    out: Floats = (2 * sim - r[:, arts] - r[:, arts].T).astype(np.float32)
    return out


_STOP: frozenset[str] = frozenset()


def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words plus reporting verbs, loaded on first use."""
    global _STOP
    if not _STOP:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        _STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "according"}
    return _STOP


_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]{2,}\b")


def plain_words(text: str) -> set[str]:
    """The lower-case words of three letters or more that are no stop words, without a plural
    -s: what a sentence says happened, apart from the names it gives (capitalised).

    >>> sorted(plain_words("Chairman Ana Marsh said the fees would pay for a new ground."))
    ['fee', 'ground', 'new', 'pay']
    """
    stops = stop_words()
    return {w.rstrip("s") for w in _LOWER_WORD.findall(text) if w not in stops}


def share_content(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """Which pairs of texts share a plain word (:func:`plain_words`), as a square matrix."""
    vocab: dict[str, int] = {}
    rows = [[vocab.setdefault(w, len(vocab)) for w in sorted(plain_words(t))] for t in texts]
    incidence = np.zeros((len(texts), max(len(vocab), 1)), dtype=np.float32)
    for i, row in enumerate(rows):
        incidence[i, row] = 1.0
    return np.asarray((incidence @ incidence.T) > 0)


def _stem(word: str) -> str:
    """A light stemmer: possessives, plural -s, -ing and -ed."""
    word = word.removesuffix("'s").removesuffix("’s")
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Lowercased, lightly stemmed words that are not stop words."""
    stops = stop_words()
    lowered = (w.lower() for w in words(text) if not w[0].isdigit())
    return [_stem(w) for w in lowered if w not in stops and len(w) > 1]


def _names(text: str) -> set[str]:
    """Capitalised words other than the first, and other than stop words."""
    stops = stop_words()
    return {w.lower() for w in words(text)[1:] if w[0].isupper() and w.lower() not in stops}


def _numbers(text: str) -> set[str]:
    """Numbers written with digits, commas removed."""
    return {w.replace(",", "") for w in words(text) if w[0].isdigit()}


def _indicator(sets: Sequence[set[str]]) -> Floats:
    """A 0/1 matrix: one row per set, one column per distinct item."""
    vocab = {item: i for i, item in enumerate(sorted(set().union(*sets)))} if sets else {}
    matrix = np.zeros((len(sets), max(1, len(vocab))), dtype=np.float32)
    for row, items in enumerate(sets):
        matrix[row, [vocab[i] for i in items]] = 1.0
    return matrix


def _tfidf_cosine(docs: Sequence[list[str]]) -> Floats:
    """Cosine between TF-IDF vectors of ``docs`` (smooth idf over ``docs``)."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for row, doc in enumerate(docs):
        for word in doc:
            rows.append(row)
            cols.append(vocab.setdefault(word, len(vocab)))
            vals.append(1.0)
    tf = csr_matrix((vals, (rows, cols)), shape=(len(docs), max(1, len(vocab))), dtype=np.float64)
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
    weighted = tf.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1))).ravel()
    weighted = csr_matrix(weighted.multiply(1.0 / np.maximum(norms, 1e-12)[:, None]))
    out: Floats = np.asarray((weighted @ weighted.T).todense(), dtype=np.float32)
    return out


def _bigrams(content: list[str]) -> list[str]:
    """Adjacent content-word pairs (stop words between them are skipped)."""
    return [f"{a} {b}" for a, b in itertools.pairwise(content)]


def _rarest_shared(docs: Sequence[list[str]]) -> Floats:
    """Idf of the rarest content word two units share, over the largest idf possible."""
    holders: dict[str, list[int]] = {}
    for row, doc in enumerate(docs):
        for word in sorted(set(doc)):
            holders.setdefault(word, []).append(row)
    n = len(docs)
    top = np.log((1 + n) / 2) + 1.0
    out = np.zeros((n, n), dtype=np.float32)
    for rows in holders.values():
        idf = (np.log((1 + n) / (1 + len(rows))) + 1.0) / top
        block = np.ix_(rows, rows)
        out[block] = np.maximum(out[block], idf)
    return out


_PIECE_WORDS = (
    r"(?:as|after|with|while|which|who|when|because|since|amid|although|that|said|says|warned"
    r"|added)"
)
_PIECE_BREAK = re.compile(rf",\s(?:{_PIECE_WORDS}\s)?|;\s|\s[–—-]\s|\s{_PIECE_WORDS}\s")


def unit_pieces(text: str) -> list[str]:
    """The pieces a long unit is cut into (none for a short unit or one that does not split).

    >>> unit_pieces(
    ...     "Police closed the old stone bridge on Monday night, as heavy rain flooded the"
    ...     " valley roads."
    ... )
    ['Police closed the old stone bridge on Monday night', 'heavy rain flooded the valley roads.']
    >>> unit_pieces("Heavy rain fell.")
    []
    """
    if len(words(text)) < PIECED_UNIT_WORDS:
        return []
    found = [p for p in _PIECE_BREAK.split(text) if len(words(p)) >= PIECE_WORDS]
    return [] if found == [text] else found


def _clause_cosine(texts: Sequence[str], vectors: Floats, cosine: Floats) -> Floats:
    """The best cosine between two units, each taken whole or as one of its pieces."""
    from storylens.embed import encode

    cut = [unit_pieces(t) for t in texts]
    flat = [p for ps in cut for p in ps]
    if not flat:
        return cosine.copy()
    owner = np.array([i for i, ps in enumerate(cut) for _ in ps])
    all_vectors = np.vstack([vectors, encode(flat)])
    all_owner = np.concatenate([np.arange(len(texts)), owner])
    sim = all_vectors @ all_vectors.T
    # max over rows grouped by owner, then over columns grouped by owner
    by_row = np.full((len(texts), len(all_owner)), -1.0, dtype=np.float32)
    np.maximum.at(by_row, all_owner, sim)
    out = np.full((len(texts), len(texts)), -1.0, dtype=np.float32)
    np.maximum.at(out.T, all_owner, by_row.T)
    return np.maximum(out, cosine).astype(np.float32)
