"""Exact and near duplicates: reprinted wire copy and other copies, grouped by origin.

Two steps, so a Spark job can map the first and reduce with the second:

- :func:`signature` (per article, pure, picklable): the content hash, the sorted 32-bit hashes of
  the article's 5-word shingles, their MinHash (128 permutations, datasketch's), the publication
  time, a wire tag such as ``(AP)`` found in the text, and a feed's source element
  (``article.meta["origin"]``).
- :func:`group_duplicates` (over all signatures): exact duplicates share a content hash; near
  duplicates are candidate pairs from MinHash LSH (Jaccard ~0.4), each verified with the real
  Jaccard of the shingle sets (>= 0.45) or their containment (>= 0.7: a cut paragraph or a copy
  with a local quote added). Calibrated on generated edits (new headline, one paragraph cut, a
  quote added: Jaccard 0.47-0.9); distinct stories, even about one event, score below 0.1.
  Linked articles form an :class:`OriginGroup` (union-find), which names its origin where it
  can be told.

Duplicates are reported, never dropped. :func:`find_duplicates` runs both steps.

A store adds articles a batch at a time, so it keeps the LSH index itself instead of rebuilding
it each run: :func:`band_keys` gives an article's band keys (the bands datasketch's
``MinHashLSH`` would use for ``lsh_threshold``), the store returns the stored articles sharing
a key, :func:`link_new` verifies those candidates with the same rule, and :func:`components`
and :func:`origin_group` turn all verified pairs into the same groups :func:`group_duplicates`
finds in one go.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash, MinHash, MinHashLSH

from storylens.features import shingles
from storylens.model import Article, DuplicateLink, OriginGroup

__all__ = [
    "DedupOptions",
    "DedupSignature",
    "DuplicateLink",
    "OriginGroup",
    "band_keys",
    "components",
    "find_duplicates",
    "group_duplicates",
    "jaccard_containment",
    "link_new",
    "origin_group",
    "signature",
    "wire_tag",
]

_WIRES = {
    "ap": "AP",
    "associated press": "AP",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "dpa": "dpa",
    "upi": "UPI",
}
_WIRE_TAG = re.compile(r"\((" + "|".join(re.escape(w) for w in _WIRES) + r")\)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DedupOptions:
    """Duplicate detection settings (calibrated on generated edits; see tests/test_dedup.py)."""

    num_perm: int = 128
    shingle_size: int = 5
    seed: int = 1
    lsh_threshold: float = 0.4
    min_jaccard: float = 0.45
    min_containment: float = 0.7
    min_shingles: int = 20


@dataclass(frozen=True, slots=True)
class DedupSignature:
    """What dedup keeps of one article (picklable; the map output of a Spark job)."""

    article: str
    content_hash: str
    shingles: npt.NDArray[np.uint32]
    minhash: LeanMinHash
    published: str | None = None
    outlet: str | None = None
    wire: str | None = None
    feed_origin: str | None = None


# --- the map part ----------------------------------------------------------------------------


def wire_tag(text: str) -> str | None:
    """The news agency named by a ``(AP)``-style tag in the text, or None.

    >>> wire_tag("WASHINGTON (AP) - Lawmakers met on Monday.")
    'AP'
    """
    match = _WIRE_TAG.search(text)
    return _WIRES[match.group(1).lower()] if match else None


def _wire(article: Article) -> str | None:
    """The agency an article credits: a tag in its text, or the credit of its dateline
    (``meta["credit"]``, set by cleaning) when that credit is not the outlet itself."""
    tagged = wire_tag(article.text)
    credit = article.meta.get("credit")
    if tagged is None and isinstance(credit, str) and credit and credit != article.outlet:
        return credit
    return tagged


def _identity(value: int) -> int:
    """The hash function handed to datasketch: shingles arrive already hashed."""
    return value


@lru_cache(maxsize=8)
def _template(num_perm: int, seed: int) -> MinHash:
    """An empty MinHash whose permutations every signature reuses (made once)."""
    return MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity)


def _shingle_hashes(text: str, size: int) -> npt.NDArray[np.uint32]:
    """Sorted unique CRC-32 hashes of the text's shingles (deterministic across processes)."""
    hashes = [zlib.crc32(s.encode("utf-8")) for s in shingles(text, size)]
    return np.unique(np.asarray(hashes, dtype=np.uint32))


def _minhash(hashes: npt.NDArray[np.uint32], options: DedupOptions) -> LeanMinHash:
    """datasketch MinHash of a set of 32-bit shingle hashes, frozen as a LeanMinHash."""
    template = _template(options.num_perm, options.seed)
    minhash = MinHash(
        num_perm=options.num_perm,
        seed=options.seed,
        hashfunc=_identity,
        permutations=template.permutations,
        scheme=template.scheme,
    )
    minhash.update_batch(hashes.tolist())
    return LeanMinHash(minhash)


def signature(article: Article, options: DedupOptions | None = None) -> DedupSignature:
    """The dedup signature of one article (pure; safe to map on a Spark executor)."""
    options = options or DedupOptions()
    hashes = _shingle_hashes(article.text, options.shingle_size)
    origin = article.meta.get("origin") if article.meta else None
    if origin and str(origin).strip().lower() == (article.outlet or "").lower():
        origin = None  # the entry's own outlet, read from its <source>: no other origin
        # (user trial 167: a reprint in an aggregator's feed was taken for the original)
    return DedupSignature(
        article=article.id,
        content_hash=article.content_hash,
        shingles=hashes,
        minhash=_minhash(hashes, options),
        published=article.published,
        outlet=article.outlet,
        wire=_wire(article),
        feed_origin=str(origin) if origin else None,
    )


# --- the group part --------------------------------------------------------------------------


def jaccard_containment(a: DedupSignature, b: DedupSignature) -> tuple[float, float]:
    """Exact Jaccard and containment (overlap / smaller set) of two shingle sets."""
    if a.content_hash == b.content_hash:
        return 1.0, 1.0
    small = min(a.shingles.size, b.shingles.size)
    if small == 0:
        return 0.0, 0.0
    common = np.intersect1d(a.shingles, b.shingles, assume_unique=True).size
    union = a.shingles.size + b.shingles.size - common
    return common / union, common / small


class _UnionFind:
    """Disjoint sets over article ids; the smaller id becomes the root (deterministic)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:
            item, self.parent[item] = self.parent[item], root
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _is_copy(pair: tuple[float, float], small: int, options: DedupOptions) -> bool:
    """The verification rule for a candidate pair."""
    jaccard, containment = pair
    if jaccard >= options.min_jaccard:
        return True
    return containment >= options.min_containment and small >= options.min_shingles


def _link_exact(signatures: Sequence[DedupSignature], sets: _UnionFind) -> list[DedupSignature]:
    """Union articles with the same content hash; return one representative per hash."""
    first: dict[str, DedupSignature] = {}
    for sig in signatures:
        sets.find(sig.article)
        if sig.content_hash in first:
            sets.union(first[sig.content_hash].article, sig.article)
        else:
            first[sig.content_hash] = sig
    return list(first.values())


def _link_near(
    representatives: Sequence[DedupSignature], sets: _UnionFind, options: DedupOptions
) -> None:
    """Union verified near-duplicate pairs found through MinHash LSH."""
    lsh = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.num_perm)
    by_id = {sig.article: sig for sig in representatives}
    for sig in representatives:
        for other_id in sorted(lsh.query(sig.minhash)):
            other = by_id[other_id]
            small = min(sig.shingles.size, other.shingles.size)
            if _is_copy(jaccard_containment(sig, other), small, options):
                sets.union(sig.article, other_id)
        lsh.insert(sig.article, sig.minhash)


def _origin(members: Sequence[DedupSignature], wire: str | None) -> tuple[str | None, str | None]:
    """The origin article id and the rule that told it, or (None, None); ``wire`` is the
    agency most members credit."""
    sources = {m.feed_origin for m in members if m.feed_origin}
    if len(sources) == 1:
        (source,) = sources
        named = sorted(m.article for m in members if (m.outlet or "").lower() == source.lower())
        if named:
            return named[0], "feed-source"
    own = [m.article for m in members if wire is not None and _is_agency(m.outlet, wire)]
    if len(own) == 1:  # "(HPA)" in the text, and one member is the Halden Press Agency
        return own[0], "wire-outlet"
    first = _earliest(members)
    return (first, "earliest-published") if first is not None else (None, None)


def _is_agency(outlet: str | None, wire: str) -> bool:
    """The outlet is the agency a wire tag names: "HPA" is the Halden Press Agency.

    >>> _is_agency("Halden Press Agency", "HPA"), _is_agency("Lunholm Courier", "HPA")
    (True, False)
    """
    if not outlet:
        return False
    initials = "".join(w[0] for w in outlet.split() if w[:1].isupper())
    return wire.casefold() in {outlet.casefold(), initials.casefold()}


def _earliest(members: Sequence[DedupSignature]) -> str | None:
    """The one member published first, or None when no member is dated or several share the
    first time (a tie tells no original). A date with no time of day is a tie with every
    time of that day: "2026-03-12" is not shown to be earlier than "2026-03-12T10:15Z"."""
    dated = sorted((m.published, m.article) for m in members if m.published)
    if not dated:
        return None
    first = dated[0][0]
    for other, _ in dated[1:]:
        day_only = len(first) <= _DAY or len(other) <= _DAY
        if other == first or (day_only and other[:_DAY] == first[:_DAY]):
            return None
    return dated[0][1]


_DAY = len("2026-03-12")


def _majority(values: Iterable[str | None]) -> str | None:
    """The most common non-empty value (ties: alphabetical), or None."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def _links(
    members: Sequence[DedupSignature], reference: DedupSignature, options: DedupOptions
) -> tuple[DuplicateLink, ...]:
    """Each member's similarity to the reference article, with the rule that applies."""
    links = []
    for sig in members:
        jaccard, containment = jaccard_containment(sig, reference)
        if sig.content_hash == reference.content_hash:
            rule = "exact"
        elif jaccard >= options.min_jaccard:
            rule = "near"
        elif containment >= options.min_containment:
            rule = "containment"
        else:
            rule = "transitive"
        links.append(DuplicateLink(sig.article, round(jaccard, 4), round(containment, 4), rule))
    return tuple(links)


def origin_group(
    signatures: Sequence[DedupSignature], options: DedupOptions | None = None
) -> OriginGroup:
    """One same-origin group from the signatures of its members (two or more)."""
    options = options or DedupOptions()
    members = sorted(signatures, key=lambda s: s.article)
    wire = _majority(m.wire for m in members)
    origin, rule = _origin(members, wire)
    tagged = [m for m in members if m.wire == wire]
    if origin is None and wire is not None:  # the one member with the tag, or the first of them
        first = tagged[0].article if len(tagged) == 1 else _earliest(tagged)
        origin, rule = (first, "wire-tag") if first is not None else (None, None)
    reference = next(m for m in members if m.article == (origin or members[0].article))
    ids = tuple(m.article for m in members)
    return OriginGroup(
        id="origin-" + hashlib.sha256(ids[0].encode("utf-8")).hexdigest()[:12],
        members=ids,
        reference=reference.article,
        origin=origin,
        origin_rule=rule,
        wire=wire,
        source=_majority(m.feed_origin for m in members),
        links=_links(members, reference, options),
    )


def group_duplicates(
    signatures: Sequence[DedupSignature], *, options: DedupOptions | None = None
) -> list[OriginGroup]:
    """Group signatures into same-origin sets of two or more articles, sorted by id."""
    options = options or DedupOptions()
    sets = _UnionFind()
    _link_near(_link_exact(signatures, sets), sets, options)
    groups: dict[str, list[DedupSignature]] = {}
    for sig in signatures:
        groups.setdefault(sets.find(sig.article), []).append(sig)
    found = [origin_group(members, options) for members in groups.values() if len(members) > 1]
    return sorted(found, key=lambda g: g.id)


def find_duplicates(
    articles: Sequence[Article], *, options: DedupOptions | None = None
) -> list[OriginGroup]:
    """Exact and near duplicates among ``articles``, as same-origin groups (nothing dropped)."""
    options = options or DedupOptions()
    return group_duplicates([signature(a, options) for a in articles], options=options)


# --- the incremental part --------------------------------------------------------------------


@lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The number of bands and rows a band that datasketch's MinHashLSH picks."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(sig: DedupSignature, options: DedupOptions | None = None) -> tuple[int, ...]:
    """The LSH band keys of a signature: two signatures are candidates when they share one.

    Each key is a signed 64-bit BLAKE2 hash of the band number and the band's MinHash values
    (little endian): deterministic across processes and machines, and one SQLite integer.
    """
    options = options or DedupOptions()
    bands, rows = _bands(options.lsh_threshold, options.num_perm)
    values = np.asarray(sig.minhash.hashvalues).astype("<u8")
    return tuple(
        int.from_bytes(
            hashlib.blake2b(
                values[band * rows : (band + 1) * rows].tobytes(),
                digest_size=8,
                salt=band.to_bytes(16, "little"),
            ).digest(),
            "little",
            signed=True,
        )
        for band in range(bands)
    )


def link_new(
    new: Sequence[DedupSignature],
    keys: Mapping[str, Sequence[int]],
    stored: Mapping[str, Sequence[DedupSignature]],
    options: DedupOptions | None = None,
) -> list[tuple[str, str]]:
    """Verified duplicate pairs (smaller id first) between new articles and earlier ones.

    ``keys`` gives each new article's :func:`band_keys`; ``stored`` the signatures of the
    stored articles sharing a key with it. A new article is also compared with the new
    articles before it that share a key. Candidates are verified as in
    :func:`group_duplicates`.
    """
    options = options or DedupOptions()
    seen: dict[int, list[DedupSignature]] = {}
    pairs: set[tuple[str, str]] = set()
    for sig in new:
        held = keys[sig.article]
        others = {o.article: o for o in stored.get(sig.article, ())}
        others |= {o.article: o for key in held for o in seen.get(key, ())}
        for other_id in sorted(others):
            other = others[other_id]
            small = min(sig.shingles.size, other.shingles.size)
            if other_id != sig.article and _is_copy(
                jaccard_containment(sig, other), small, options
            ):
                pairs.add((min(sig.article, other_id), max(sig.article, other_id)))
        for key in held:
            seen.setdefault(key, []).append(sig)
    return sorted(pairs)


def components(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, ...]]:
    """The groups of ids that linked pairs connect, each sorted, in order of their first id.

    >>> components([("b", "c"), ("a", "b"), ("x", "y")])
    [('a', 'b', 'c'), ('x', 'y')]
    """
    sets = _UnionFind()
    for a, b in pairs:
        sets.union(a, b)
    groups: dict[str, list[str]] = {}
    for item in list(sets.parent):
        groups.setdefault(sets.find(item), []).append(item)
    return sorted(tuple(sorted(members)) for members in groups.values())
