"""Grouping for :mod:`storylens.analyze.entities`: which mentions name the same referent.

Each name gets a grouping key (a known organisation, a country, an acronym defined in the text
as ``Name (ACR)``, else the name with known acronyms expanded); keys are then merged with a
union-find: an acronym with the longer names whose initials spell it, and a lone surname with
the one full name of the story that ends with it. Places group together, other labels each
by themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from storylens.analyze._entity_mentions import _PLACES, _Mention
from storylens.model import Article
from storylens.nlp import org_surfaces, organisations

COUNTRY_ALIASES: Mapping[str, str] = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "UAE": "United Arab Emirates",
    "DRC": "Democratic Republic of the Congo",
}
_NAME_LINKS = frozenset({"of", "for", "in", "the", "and", "on", "de", "&"})
_ACRONYM_DEF = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


# -- grouping ---------------------------------------------------------------------------------


def _kind(label: str) -> str:
    """Labels that may share a referent: places together, the rest by label."""
    return "PLACE" if label in _PLACES else label


def _acronym_definitions(articles: Sequence[Article], mentions: list[_Mention]) -> dict[str, str]:
    """Acronyms defined in the text as ``Name (ACR)``: upper-case acronym -> name."""
    texts = {a.id: a.text for a in articles}
    found: dict[str, str] = {}
    for m in mentions:
        match = _ACRONYM_DEF.match(texts[m.article], m.end)
        if match and m.label != "PERSON":
            found.setdefault(match.group(1).upper(), m.name)
    return found


def _expand(name: str) -> str:
    """Expand known acronyms inside a name: "UN Assistance Mission" -> "United Nations ..."."""
    surfaces = org_surfaces()
    words = [surfaces.get(w, COUNTRY_ALIASES.get(w, w)) if w.isupper() else w for w in name.split()]
    return " ".join(words)


def _initials(name: str) -> str:
    """Initials of the content words of a name: "United Nations Mission in Iraq" -> "UNMI"."""
    words = [w for w in re.split(r"[\s-]+", _expand(name)) if w and w.lower() not in _NAME_LINKS]
    return "".join(w[0].upper() for w in words) if len(words) > 1 else ""


def _key(name: str, label: str, acronyms: Mapping[str, str]) -> str:
    """The grouping key of one name: a known organisation, a country, or the name itself."""
    surfaces = org_surfaces()
    known = surfaces.get(name) or surfaces.get(name.upper()) or surfaces.get(_expand(name))
    if known:
        return known
    if name in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[name]
    if label != "PERSON" and name.isalpha() and name.upper() in acronyms:
        return _key(acronyms[name.upper()], label, {})
    return _expand(name)


class _UnionFind:
    """Groups of names, merged by the rules."""

    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _group(mentions: list[_Mention], acronyms: Mapping[str, str]) -> list[list[_Mention]]:
    """Group mentions that name the same referent."""
    keys = {(m.name, _kind(m.label)): _key(m.name, m.label, acronyms) for m in mentions}
    singular = {m.name for m in mentions if m.label == "NORP"}
    for name, kind in list(keys):
        if kind == "NORP" and name.endswith("s") and name[:-1] in singular:
            keys[(name, kind)] = keys[(name[:-1], kind)]
    nodes = {f"{kind}|{key}" for (_, kind), key in keys.items()}
    uf = _UnionFind(sorted(nodes))
    _merge_acronyms(uf, nodes)
    _merge_surnames(uf, nodes)
    _merge_short_names(uf, nodes)
    groups: dict[str, list[_Mention]] = {}
    for m in mentions:
        kind = _kind(m.label)
        groups.setdefault(uf.find(f"{kind}|{keys[(m.name, kind)]}"), []).append(m)
    return [groups[root] for root in sorted(groups)]


def _split(node: str) -> tuple[str, str]:
    kind, _, key = node.partition("|")
    return kind, key


def _merge_acronyms(uf: _UnionFind, nodes: set[str]) -> None:
    """Merge an acronym ("UNAMA", "Unama") with a longer name whose initials spell it."""
    by_initials: dict[tuple[str, str], list[str]] = {}
    for node in sorted(nodes):
        kind, key = _split(node)
        if kind != "PERSON" and _initials(key):
            by_initials.setdefault((kind, _initials(key)), []).append(node)
    for node in sorted(nodes):
        kind, key = _split(node)
        acronym = _acronym_of(key)
        if kind != "PERSON" and acronym:
            for other in by_initials.get((kind, acronym), []):
                uf.union(node, other)


def _acronym_of(key: str) -> str:
    """The acronym a grouping key stands for: itself ("UNAMA") or a known organisation's."""
    if key.isalpha() and " " not in key:
        return key.upper()
    return _known_acronyms().get(key, "")


@lru_cache(maxsize=1)
def _known_acronyms() -> dict[str, str]:
    """Known organisation name -> its acronym."""
    return {o["name"]: o["acronym"] for o in organisations() if o.get("acronym")}


def _merge_short_names(uf: _UnionFind, nodes: set[str]) -> None:
    """Merge a one-word organisation name with the only longer one that begins with it
    ("Halvora" and "Halvora Motors"), unless it is a word of a person's name ("Brandt" with
    "Ingrid Brandt" in the story may be her)."""
    full = [n for n in sorted(nodes) if n.startswith("ORG|") and " " in n]
    people = {w for n in nodes if n.startswith("PERSON|") for w in _split(n)[1].split()}
    for node in sorted(nodes):
        kind, key = _split(node)
        if kind == "ORG" and " " not in key and key not in people:
            matches = [f for f in full if _split(f)[1].split()[0] == key]
            if len(matches) == 1:
                uf.union(node, matches[0])


def _merge_surnames(uf: _UnionFind, nodes: set[str]) -> None:
    """Merge a lone surname with the only full name of the story that ends with it."""
    full = [n for n in sorted(nodes) if n.startswith("PERSON|") and " " in n]
    for node in sorted(nodes):
        kind, key = _split(node)
        if kind == "PERSON" and " " not in key:
            matches = [f for f in full if _split(f)[1].split()[-1] == key]
            if len(matches) == 1:
                uf.union(node, matches[0])
