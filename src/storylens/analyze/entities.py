"""People, organisations and places, with one canonical name per referent across a story.

Mentions come from the shared spaCy parse (:func:`storylens.nlp.parse`). Each mention is
cleaned (leading "the", possessive "'s", titles such as "Gen" or "President" dropped), then
mentions are grouped across all articles by rules that hold for any story:

* the same name, or the same known organisation (``data/orgs.json``: "UN" = "United Nations",
  "Unama" = "UNAMA");
* an acronym and a name whose initials spell it ("UN Assistance Mission for Afghanistan" ->
  U-N-A-M-A = "UNAMA"), after expanding known acronyms inside names;
* a name defined in the text as ``Name (ACRONYM)``;
* a lone surname and the one full name in the story that ends with it ("Sadat" -> "Sami Sadat").

A person's name loses a capitalised description before it ("Harbourmaster Jonas Veldt" is
"Jonas Veldt") when the story shows the word to be one (:mod:`.speakers`): the story names the
person without it, or writes it in lower case as a noun ("the harbourmaster"). A name written
after "the" ("the Saint Orla", a ferry) is no person: its PERSON mentions are left out (no
label of :data:`LABELS` fits a vessel).

The articles themselves say what some names are: an outlet's name (``Article.outlet``, the
credit in its dateline "TALMERE, June 12 (Valley Tribune) -") is an organisation, and the
place of a dateline is a place (``GPE``), in every mention and whatever spaCy guessed.

A name introduced by an organisation noun (:data:`storylens.lexicon.ORG_NOUNS`: "the grid
operator Valnet", "the shipping company Marlo") is an organisation (``ORG``) in every mention,
whatever spaCy guessed for it.

A group's label is a place label when any of its mentions is a place (the place rules of
:mod:`storylens.nlp` fix "Spin Boldak" once, then every mention follows), else the most common.
Its name is the known organisation's name, else the longest full name seen. Ids are slugs of
the name; entities are ordered by mentions (most first), then name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storylens import lexicon
from storylens.analyze.speakers import (
    described_in,
    drop_description,
    is_the_name,
    split_description,
)
from storylens.model import Article, Entity, Span
from storylens.nlp import org_surfaces, organisations, parse
from storylens.outlet import dateline_credit

__all__ = ["LABELS", "find_entities", "slug"]

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
_PLACES = frozenset({"GPE", "LOC"})
TITLES = lexicon.TITLES | {"defence", "defense", "foreign", "of", "state", "uk", "un", "us"}
"""Words dropped from the front of a name: titles, and the words of titles such as
"US Secretary of State" or "Foreign Minister"."""
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
_EXTEND = re.compile(r" (?:for|in|of) ")
_ACRONYM_DEF = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")
_POSSESSIVE = ("'s", "’s", "'", "’")
_DATELINE_PLACE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’-]+(?:[ /][A-Z][A-Za-z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})(?![\w.]|\s*\d))?"
)


@dataclass(frozen=True, slots=True)
class _Mention:
    """One cleaned entity mention before grouping."""

    article: str
    start: int
    end: int
    name: str
    label: str
    order: int
    by_noun: bool = False  # introduced by an organisation noun: "the grid operator Valnet"


def slug(name: str) -> str:
    """A stable id for a canonical name.

    >>> slug("United Nations Assistance Mission in Afghanistan")
    'united-nations-assistance-mission-in-afghanistan'
    """
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def find_entities(
    articles: Sequence[Article], *, docs: Mapping[str, Any] | None = None
) -> tuple[Entity, ...]:
    """People, organisations and places of a story's articles, one entity per referent."""
    docs = docs if docs is not None else parse(articles)
    descriptions = _descriptions(articles, docs)
    mentions = [
        m for i, a in enumerate(articles) for m in _mentions(a, docs[a.id], i, descriptions)
    ]
    labels = _named_by_articles(articles)
    mentions = _no_people(_article_labels(mentions, labels), _things(articles, docs))
    mentions = _article_labels(_organisations_everywhere(_places_everywhere(mentions)), labels)
    groups = _group(mentions, _acronym_definitions(articles, mentions))
    entities = _unique_ids([_entity(group) for group in groups])
    return tuple(sorted(entities, key=lambda e: (-len(e.mentions), e.name, e.label)))


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    """Add the label to an id that two entities share ("georgia-gpe", "georgia-person")."""
    counts = Counter(e.id for e in entities)
    return [
        Entity(f"{e.id}-{e.label.lower()}", e.name, e.label, e.mentions) if counts[e.id] > 1 else e
        for e in entities
    ]


# -- mentions ---------------------------------------------------------------------------------


def _mentions(
    article: Article, doc: Any, order: int, descriptions: frozenset[str]
) -> list[_Mention]:
    """The cleaned mentions of one parsed article."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in LABELS or _is_title_part(ent) or _common_nouns(ent):
            continue
        end = _extended_end(doc, ent)
        cleaned = _clean(article.text, ent.start_char, end, ent.label_, descriptions)
        if cleaned is not None:
            start, end = cleaned
            name = article.text[start:end]
            by_noun = _after_org_noun(ent)
            label = "ORG" if by_noun else ent.label_
            out.append(_Mention(article.id, start, end, name, label, order, by_noun))
    return out


def _descriptions(articles: Sequence[Article], docs: Mapping[str, Any]) -> frozenset[str]:
    """Lower-case first words of PERSON names that the story shows to be descriptions.

    For "Harbourmaster Jonas Veldt": the story has "Jonas Veldt" as a PERSON without the word,
    or writes "harbourmaster" in lower case as a noun with a determiner ("the harbourmaster")
    or before the same name. spaCy's noun index is no evidence: it holds "mark" and "ana" too.
    """
    people = [e for a in articles for e in docs[a.id].ents if e.label_ == "PERSON"]
    names = {e.text for e in people}
    texts = [a.text for a in articles]
    nouns = {t.lower_ for a in articles for t in docs[a.id] if _determined_noun(t)}
    out: set[str] = set()
    for name in sorted(names):
        split = split_description(name)
        if split is None:
            continue
        word, rest = split[0].lower(), split[1]
        if rest in names or word in nouns or described_in(*split, texts):
            out.add(word)
    return frozenset(out)


def _determined_noun(token: Any) -> bool:
    """A lower-case common noun with a determiner: "the harbourmaster"."""
    return bool(
        token.is_lower and token.pos_ == "NOUN" and any(c.dep_ == "det" for c in token.children)
    )


def _things(articles: Sequence[Article], docs: Mapping[str, Any]) -> set[str]:
    """Names the story writes after "the" as a whole noun phrase, whatever their label ("The
    Saint Orla was licensed"): no person's names."""
    out = set()
    for article in articles:
        for ent in docs[article.id].ents:
            cleaned = _clean(article.text, ent.start_char, ent.end_char, ent.label_)
            if cleaned is not None and is_the_name(ent):
                out.add(article.text[cleaned[0] : cleaned[1]])
    return out


def _no_people(mentions: list[_Mention], things: set[str]) -> list[_Mention]:
    """Leave out the PERSON mentions of names that are no person's ("the ferry Saint Orla")."""
    return [m for m in mentions if not (m.label == "PERSON" and m.name in things)]


def _named_by_articles(articles: Sequence[Article]) -> dict[str, str]:
    """Case-folded name -> label that the articles give: their outlets and the credits of
    their datelines are organisations, the places of their datelines are places."""
    labels: dict[str, str] = {}
    for article in articles:
        for removed in article.removed:
            found = _DATELINE_PLACE.match(removed.text) if removed.reason == "dateline" else None
            if found is None:
                continue
            for place in (*found.group("place").split("/"), found.group("region") or ""):
                if place:
                    labels[place.casefold()] = "GPE"
    for article in articles:
        credits = [article.outlet, article.meta.get("credit")]
        credits += [dateline_credit(r.text) for r in article.removed if r.reason == "dateline"]
        for credit in credits:
            if isinstance(credit, str) and credit:
                labels[credit.casefold()] = "ORG"
    return labels


def _article_labels(mentions: list[_Mention], labels: Mapping[str, str]) -> list[_Mention]:
    """Give every mention of an outlet or dateline place the label its article gives it."""
    out = []
    for m in mentions:
        label = labels.get(m.name.casefold(), m.label)
        keep = label == m.label or (label == "GPE" and m.label in _PLACES)
        out.append(m if keep else _Mention(m.article, m.start, m.end, m.name, label, m.order))
    return out


def _after_org_noun(ent: Any) -> bool:
    """True for "Valnet" in "the grid operator Valnet": a name in apposition to (or compound
    with) the organisation noun just before it."""
    if ent.label_ == "ORG" or ent.start == 0:
        return False
    noun = ent.doc[ent.start - 1]
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return False
    if noun.lower_ not in lexicon.ORG_NOUNS and noun.lemma_ not in lexicon.ORG_NOUNS:
        return False
    return bool(ent.root.head.i == noun.i or noun.head.i == ent.root.i)


def _organisations_everywhere(mentions: list[_Mention]) -> list[_Mention]:
    """A name introduced by an organisation noun once is an organisation in every mention."""
    names = {m.name for m in mentions if m.by_noun}
    return [
        _Mention(m.article, m.start, m.end, m.name, "ORG", m.order, True)
        if m.name in names and m.label != "ORG"
        else m
        for m in mentions
    ]


def _places_everywhere(mentions: list[_Mention]) -> list[_Mention]:
    """A name that is a place in one mention is a place in all ("Spin Boldak" tagged ORG)."""
    places = {m.name: m.label for m in mentions if m.label in _PLACES}
    return [
        _Mention(m.article, m.start, m.end, m.name, places[m.name], m.order)
        if m.name in places and m.label in ("ORG", "PERSON")
        else m
        for m in mentions
    ]


def _common_nouns(ent: Any) -> bool:
    """True for "Videos" tagged ORG: only common nouns, no proper noun."""
    return all(t.tag_ in ("NN", "NNS") for t in ent)


def _is_title_part(ent: Any) -> bool:
    """True for "State" in "Secretary of State": a word of a title, not a name."""
    doc = ent.doc
    before = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.start]]
    return len(ent) == 1 and before[-1:] == ["of"] and before[0] in TITLES


def _extended_end(doc: Any, ent: Any) -> int:
    """Extend "the UN Assistance Mission" over "for Afghanistan" and "Embassy" over "in Kabul"."""
    if ent.label_ != "ORG" or ent[-1].text not in _ORG_HEAD_WORDS or ent.end + 1 >= len(doc):
        return int(ent.end_char)
    link, nxt = doc[ent.end], doc[ent.end + 1]
    if link.lower_ in ("for", "in", "of") and nxt.ent_type_ in _PLACES and nxt.ent_iob_ == "B":
        span = next(e for e in doc.ents if e.start == nxt.i)
        return int(span.end_char)
    return int(ent.end_char)


_ORG_HEAD_WORDS = frozenset(
    [
        "Mission",
        "Embassy",
        "Commission",
        "Ministry",
        "Council",
        "Office",
        "Agency",
        "Committee",
        "Consulate",
        "Delegation",
        "Programme",
        "Fund",
        "Force",
        "Forces",
    ]
)


def _clean(
    text: str, start: int, end: int, label: str, descriptions: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """Offsets of the bare name: no "the", no possessive, no title or description, no stray
    punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    for suffix in _POSSESSIVE:
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    if text[start:end].lower().startswith("the "):
        start += 4
    if label == "PERSON":
        start = _skip_titles(text, start, end)
        name = text[start:end]
        start += len(name) - len(drop_description(name, descriptions))
    if start >= end or not (text[start].isupper() or text[start].isdigit()):
        return None
    return start, end


def _skip_titles(text: str, start: int, end: int) -> int:
    """Move past leading titles ("Gen", "President", "US Secretary of State")."""
    while True:
        match = re.match(r"([A-Za-z]+)\.?\s+", text[start:end])
        if match is None or match.group(1).lower() not in TITLES:
            return start
        start += match.end()


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


def _merge_surnames(uf: _UnionFind, nodes: set[str]) -> None:
    """Merge a lone surname with the only full name of the story that ends with it."""
    full = [n for n in sorted(nodes) if n.startswith("PERSON|") and " " in n]
    for node in sorted(nodes):
        kind, key = _split(node)
        if kind == "PERSON" and " " not in key:
            matches = [f for f in full if _split(f)[1].split()[-1] == key]
            if len(matches) == 1:
                uf.union(node, matches[0])


# -- entities ---------------------------------------------------------------------------------


def _label(group: list[_Mention]) -> str:
    """A place label if any mention is a place, else the most common label."""
    labels = Counter(m.label for m in group)
    places = [lb for lb in ("GPE", "LOC") if labels[lb]]
    if places:
        return max(places, key=lambda lb: labels[lb])
    return min(labels, key=lambda lb: (-labels[lb], lb))


def _name(group: list[_Mention]) -> str:
    """The known organisation name, else the longest full name (most used on ties)."""
    surfaces = org_surfaces()
    for m in group:
        known = surfaces.get(m.name) or surfaces.get(m.name.upper())
        if known:
            return known
    counts = Counter(COUNTRY_ALIASES.get(m.name, m.name) for m in group)
    return min(counts, key=lambda n: (-len(n.split()), -counts[n], n))


def _entity(group: list[_Mention]) -> Entity:
    name = _name(group)
    ordered = sorted(group, key=lambda m: (m.order, m.start))
    spans = tuple(Span(m.article, m.start, m.end) for m in ordered)
    return Entity(id=slug(name), name=name, label=_label(group), mentions=spans)
