"""The claim matrix: group the sentences of a story's articles into claims.

One claim is one fact with its mentions in each article. The units are body sentences,
long ones split into clauses at ``;``, dashes and conjunctions such as ``, but`` (outside
quotes, and only when both sides are long enough to state something). Every pair of units
from different articles gets a link probability from four pieces of evidence:

- ``cosine``: cosine of the all-MiniLM-L6-v2 sentence embeddings (:mod:`storylens.embed`);
- ``tfidf``: cosine of content-word TF-IDF vectors (idf over the story's units);
- ``names``: how many capitalised names the two units share (at most 3 counted);
- ``numbers``: how many numbers they share (at most 2 counted).

The probability is a logistic model whose weights were fitted on the ECB+ train topics
(``eval/claims_ecbplus.py --calibrate``), as were the thresholds in :class:`AlignOptions`.
Units are then merged greedily, strongest link first: a merge needs a link of at least
``link``, a mean probability between the two groups of at least ``group``, and at most one
mention per article, unless two units of the same article say the same thing (probability
``duplicate`` or more). A unit that links to nothing is a claim of its own: a unique fact.

Above ``max_units`` units the rest are not compared (they become claims of their own, with
rule ``not-compared``): the comparison is quadratic in the number of units.

>>> from storylens.model import Article, Paragraph
>>> text = "Rain fell in Paris. Rain fell over Paris."
>>> p = Paragraph(0, len(text), sentences=((0, 19),))
>>> art = Article("x", text, (p,), "h")
>>> [c.text for c in align_claims([art])]
['Rain fell in Paris.']
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from storylens.model import Article, Claim, ClaimMention, Span, Support, Why

__all__ = [
    "AlignOptions",
    "align_claims",
    "claim_units",
    "omitted_by",
    "pair_features",
    "shared_by_all",
    "shared_claims",
    "unique_claims",
]

Floats = npt.NDArray[np.float32]

# Logistic weights (intercept, cosine, centred, mutual, tfidf, names, numbers), fitted on the
# ECB+ train topics by eval/claims_ecbplus.py --calibrate.
Weights = tuple[float, float, float, float, float, float, float]
WEIGHTS: Weights = (-2.125, 1.863, -0.099, 0.412, 3.383, 0.029, 0.369)


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """How claims are formed. The thresholds are link probabilities, calibrated on ECB+."""

    link: float = 0.4  # the strongest pair between two groups must reach this
    group: float = 0.2  # and the mean probability over all their cross pairs this
    duplicate: float = 0.9  # two units of one article merge only at this probability
    clauses: bool = True  # split long sentences into clauses
    min_clause_words: int = 6  # both sides of a split need this many words
    statements_only: bool = True  # drop units without closing punctuation, and questions
    max_units: int = 3000  # units compared pairwise; the rest stay claims of their own
    weights: Weights = field(default=WEIGHTS)


# --------------------------------------------------------------------------------------------
# Units: sentences and clauses
# --------------------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(
    r";\s+|\s[–—]\s|\s-\s|,\s(?:but|while|whereas|although|though)\s|,\s(?=including\s)"
    r"|,\sand\s(?=(?:any|the|a|an|its|their|his|her|he|she|they|it|we|i)\s)"
)
_QUOTES = '"“”'
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")
_STATEMENT_END = re.compile(r"""(?:[.!…]|\.\.\.)[\s"'”’)\]]*$""")


def claim_units(article: Article, options: AlignOptions = AlignOptions()) -> list[Span]:
    """The spans that can be claims: body sentences, long ones split into clauses."""
    units: list[Span] = []
    for sentence in article.sentences:
        if not _is_statement(article.text_of(sentence), options):
            continue
        units.extend(_clauses(article, sentence, options) if options.clauses else [sentence])
    return units


def _is_statement(text: str, options: AlignOptions) -> bool:
    """A statement ends like one: headings, link lines and questions do not."""
    if not options.statements_only:
        return bool(text.strip())
    return bool(_STATEMENT_END.search(text.rstrip()))


def _clauses(article: Article, sentence: Span, options: AlignOptions) -> list[Span]:
    """Split one sentence at clause breaks outside quotes, keeping each side long enough."""
    text = article.text_of(sentence)
    cuts = [m for m in _CLAUSE_BREAK.finditer(text) if not _inside_quotes(text, m.start())]
    pieces: list[Span] = []
    start = 0
    for m in cuts:
        if (
            _words(text[start : m.start()]) >= options.min_clause_words
            and _words(text[m.end() :]) >= options.min_clause_words
        ):
            pieces.append(article.span(sentence.start + start, sentence.start + m.start()))
            start = m.end()
    pieces.append(article.span(sentence.start + start, sentence.end))
    return pieces if len(pieces) > 1 else [sentence]


def _inside_quotes(text: str, at: int) -> bool:
    """True when ``at`` is inside a quotation (an odd number of quote marks before it)."""
    return sum(text[:at].count(q) for q in _QUOTES) % 2 == 1


def _words(text: str) -> int:
    return len(_WORD.findall(text))


# --------------------------------------------------------------------------------------------
# Evidence
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Evidence:
    """Pairwise feature matrices over the units (n x n)."""

    cosine: Floats
    centred: Floats
    mutual: Floats
    tfidf: Floats
    names: Floats
    numbers: Floats

    def probability(self, weights: Sequence[float]) -> Floats:
        """The logistic link probability of every pair."""
        b, *w = weights
        z = b + w[0] * self.cosine + w[1] * self.centred + w[2] * self.mutual
        z = z + w[3] * self.tfidf + w[4] * self.names + w[5] * self.numbers
        out: Floats = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
        return out


def pair_features(texts: Sequence[str], article_of: Sequence[int]) -> _Evidence:
    """Embedding, TF-IDF, shared-name and shared-number evidence for every pair of texts.

    ``centred`` is the cosine after removing the story's mean embedding (what all its
    sentences share: the topic), ``mutual`` is 1 when two units are each other's closest
    unit in the other's article by that measure.
    """
    from storylens.embed import encode

    vectors = encode(texts)
    centred = vectors - vectors.mean(axis=0)
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-6)
    centred_cosine = (centred @ centred.T).astype(np.float32)
    names = _indicator([_names(t) for t in texts])
    numbers = _indicator([_numbers(t) for t in texts])
    return _Evidence(
        cosine=(vectors @ vectors.T).astype(np.float32),
        centred=centred_cosine,
        mutual=_mutual_best(centred_cosine, article_of),
        tfidf=_tfidf_cosine([_content_words(t) for t in texts]),
        names=np.minimum(names @ names.T, 3.0).astype(np.float32),
        numbers=np.minimum(numbers @ numbers.T, 2.0).astype(np.float32),
    )


def _mutual_best(sim: Floats, article_of: Sequence[int]) -> Floats:
    """1 where two units of different articles are each other's best in the other article."""
    arts = np.asarray(article_of)
    best = np.full(sim.shape, False)
    for art in np.unique(arts):
        cols = np.nonzero(arts == art)[0]
        rows = np.nonzero(arts != art)[0]
        if len(rows):
            best[rows, cols[sim[np.ix_(rows, cols)].argmax(axis=1)]] = True
    out: Floats = (best & best.T).astype(np.float32)
    return out


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "according"}


_STOP: frozenset[str] = frozenset()


def _stops() -> frozenset[str]:
    """The stop words, loaded on first use."""
    global _STOP
    if not _STOP:
        _STOP = _stop_words()
    return _STOP


def _stem(word: str) -> str:
    """A light stemmer: possessives and plural -s."""
    word = word.removesuffix("'s").removesuffix("’s")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _content_words(text: str) -> list[str]:
    """Lowercased, lightly stemmed words that are not stop words."""
    stops = _stops()
    words = (w.lower() for w in _WORD.findall(text) if not w[0].isdigit())
    return [_stem(w) for w in words if w not in stops and len(w) > 1]


def _names(text: str) -> set[str]:
    """Capitalised words other than the first, and other than stop words."""
    stops = _stops()
    words = _WORD.findall(text)[1:]
    return {w.lower() for w in words if w[0].isupper() and w.lower() not in stops}


def _numbers(text: str) -> set[str]:
    """Numbers written with digits, commas removed."""
    return {w.replace(",", "") for w in _WORD.findall(text) if w[0].isdigit()}


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
    for row, words in enumerate(docs):
        for word in words:
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


# --------------------------------------------------------------------------------------------
# Grouping
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    """Units merged so far, and the articles they come from."""

    members: list[int]
    articles: set[int]


def _link_groups(prob: Floats, article_of: Sequence[int], options: AlignOptions) -> list[list[int]]:
    """Greedy constrained average-linkage over the pair probabilities."""
    n = len(article_of)
    owner = list(range(n))
    groups = {i: _Group([i], {article_of[i]}) for i in range(n)}
    for i, j in _candidates(prob, article_of, options):
        gi, gj = groups[owner[i]], groups[owner[j]]
        if gi is gj or not _may_merge(gi, gj, prob, options):
            continue
        gi.members.extend(gj.members)
        gi.articles |= gj.articles
        del groups[owner[j]]
        for m in gj.members:
            owner[m] = owner[i]
    return [sorted(g.members) for g in groups.values()]


def _candidates(
    prob: Floats, article_of: Sequence[int], options: AlignOptions
) -> list[tuple[int, int]]:
    """Pairs strong enough to link, strongest first (ties by position: deterministic)."""
    arts = np.asarray(article_of)
    same = arts[:, None] == arts[None, :]
    need = np.where(same, max(options.duplicate, options.link), options.link)
    i, j = np.nonzero(np.triu(prob >= need, k=1))
    order = np.lexsort((j, i, -prob[i, j]))
    return [(int(i[k]), int(j[k])) for k in order]


def _may_merge(a: _Group, b: _Group, prob: Floats, options: AlignOptions) -> bool:
    """Mean linkage is high enough, and articles repeat only for true duplicates."""
    overlap = bool(a.articles & b.articles)
    if overlap and prob[a.members[0], b.members[0]] < options.duplicate:
        return False  # cheap early exit: the minimum below cannot reach ``duplicate``
    cross = prob[np.ix_(a.members, b.members)]
    if float(cross.mean()) < options.group:
        return False
    if not a.articles & b.articles:
        return True
    return float(cross.min()) >= options.duplicate


# --------------------------------------------------------------------------------------------
# Claims
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Units:
    """Every unit of the story with its article index and text."""

    spans: list[Span]
    article_of: list[int]
    texts: list[str]


def _collect_units(articles: Sequence[Article], options: AlignOptions) -> _Units:
    spans: list[Span] = []
    article_of: list[int] = []
    for index, article in enumerate(articles):
        units = claim_units(article, options)
        spans.extend(units)
        article_of.extend([index] * len(units))
    texts = [articles[a].text_of(s) for a, s in zip(article_of, spans, strict=True)]
    return _Units(spans, article_of, texts)


def align_claims(
    articles: Sequence[Article],
    *,
    origins: Mapping[str, str] | None = None,
    options: AlignOptions = AlignOptions(),
) -> tuple[Claim, ...]:
    """Group the sentences of ``articles`` into claims, most supported first.

    ``origins`` maps an article id to its origin group (from dedup: wire copies share one);
    an article missing from it is its own origin. Every unit ends in exactly one claim.
    """
    units = _collect_units(articles, options)
    compared = min(len(units.spans), options.max_units)
    groups: list[list[int]] = []
    evidence: _Evidence | None = None
    prob: Floats = np.zeros((0, 0), dtype=np.float32)
    if compared:
        evidence = pair_features(units.texts[:compared], units.article_of[:compared])
        prob = evidence.probability(options.weights)
        groups = _link_groups(prob, units.article_of[:compared], options)
    groups += [[i] for i in range(compared, len(units.spans))]
    context = _Context(articles, units, evidence, prob, origins or {})
    claims = [_claim(context, g) for g in groups]
    return tuple(sorted(claims, key=lambda c: _claim_order(c, articles)))


@dataclass(frozen=True, slots=True)
class _Context:
    articles: Sequence[Article]
    units: _Units
    evidence: _Evidence | None
    prob: Floats
    origins: Mapping[str, str]


def _claim(ctx: _Context, members: list[int]) -> Claim:
    """Build one claim from unit indexes."""
    mentions = tuple(ClaimMention(ctx.units.spans[m], _why(ctx, m, members)) for m in members)
    central = max(members, key=lambda m: (_centrality(ctx, m, members), -m))
    return Claim(
        id=claim_id(m.span for m in mentions),
        text=ctx.units.texts[central],
        mentions=mentions,
        support=_support(ctx, members),
    )


def _centrality(ctx: _Context, m: int, members: list[int]) -> float:
    if len(members) == 1 or m >= len(ctx.prob):
        return 0.0
    return float(sum(ctx.prob[m, o] for o in members if o != m))


def _why(ctx: _Context, m: int, members: list[int]) -> Why:
    """The rule and evidence that put unit ``m`` in its claim (its strongest partner)."""
    if m >= len(ctx.prob):
        return Why("not-compared", None, {"max_units": len(ctx.prob)})
    others = [o for o in members if o != m]
    if not others or ctx.evidence is None:
        return Why("unique", None, {})
    best = max(others, key=lambda o: (float(ctx.prob[m, o]), -o))
    ev = ctx.evidence
    partner = ctx.units.spans[best]
    features = {
        "cosine": round(float(ev.cosine[m, best]), 4),
        "centred": round(float(ev.centred[m, best]), 4),
        "mutual": bool(ev.mutual[m, best]),
        "tfidf": round(float(ev.tfidf[m, best]), 4),
        "names": int(ev.names[m, best]),
        "numbers": int(ev.numbers[m, best]),
        "with": f"{partner.article}:{partner.start}-{partner.end}",
    }
    return Why("similar", round(float(ctx.prob[m, best]), 4), features)


def _support(ctx: _Context, members: list[int]) -> Support:
    arts = [ctx.articles[ctx.units.article_of[m]] for m in members]
    ids = {a.id for a in arts}
    return Support(
        articles=len(ids),
        outlets=len({a.outlet or a.id for a in arts}),
        independent=len({ctx.origins.get(i, i) for i in ids}),
    )


def claim_id(spans: Iterable[Span]) -> str:
    """A content id for a claim: ``c`` + 12 hex digits of the hash of its sorted spans."""
    key = "|".join(sorted(f"{s.article}:{s.start}:{s.end}" for s in spans))
    return "c" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _claim_order(claim: Claim, articles: Sequence[Article]) -> tuple[int, int, int, str]:
    """Most supported first, then by where the claim first appears."""
    index = {a.id: i for i, a in enumerate(articles)}
    first = min((index[m.span.article], m.span.start) for m in claim.mentions)
    return (-claim.support.articles, first[0], first[1], claim.id)


# --------------------------------------------------------------------------------------------
# Views
# --------------------------------------------------------------------------------------------


def _article_ids(claim: Claim) -> set[str]:
    return {m.span.article for m in claim.mentions}


def shared_by_all(claims: Iterable[Claim], articles: Sequence[Article]) -> tuple[Claim, ...]:
    """Claims every article states (none when there are fewer than two articles)."""
    ids = {a.id for a in articles}
    if len(ids) < 2:
        return ()
    return tuple(c for c in claims if _article_ids(c) >= ids)


def shared_claims(claims: Iterable[Claim], *, min_articles: int = 2) -> tuple[Claim, ...]:
    """Claims stated by at least ``min_articles`` articles."""
    return tuple(c for c in claims if c.support.articles >= min_articles)


def unique_claims(claims: Iterable[Claim], article_id: str | None = None) -> tuple[Claim, ...]:
    """Claims stated by one article only (that article, when ``article_id`` is given)."""
    found = (c for c in claims if c.support.articles == 1)
    if article_id is None:
        return tuple(found)
    return tuple(c for c in found if c.mentions[0].span.article == article_id)


def omitted_by(claims: Iterable[Claim], article_id: str) -> tuple[Claim, ...]:
    """Shared claims (two or more articles) that ``article_id`` does not state."""
    return tuple(c for c in claims if c.support.articles >= 2 and article_id not in _article_ids(c))
