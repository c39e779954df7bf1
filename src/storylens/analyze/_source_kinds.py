"""What a cited source is called and of what kind (see :mod:`storylens.analyze.sources`).

The kind of each entity of the story (:class:`_Story`), of an organisation noun and its
modifiers, and the name and kind of a source noun for people ("a ministry spokesman",
"residents"). :class:`_Cited` is one attribution found in one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storylens import lexicon
from storylens.model import Article, Entity
from storylens.nlp import organisations

# Source nouns: lemma -> kind.
SOURCE_NOUNS: Mapping[str, str] = {
    **dict.fromkeys(
        [
            "official",
            "authority",
            "government",
            "ministry",
            "minister",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "administration",
            "governor",
            "mayor",
            "embassy",
            "diplomat",
            "president",
            "parliament",
            "lawmaker",
            "police",
        ],
        "government",
    ),
    **dict.fromkeys(
        [
            "army",
            "military",
            "commander",
            "general",
            "troop",
            "soldier",
            "force",
            "officer",
            "militia",
        ],
        "military",
    ),
    **dict.fromkeys(
        [
            "resident",
            "witness",
            "eyewitness",
            "villager",
            "local",
            "survivor",
            "interpreter",
            "person",
            "people",
            "refugee",
            "relative",
            "parent",
            "student",
            "worker",
            "farmer",
            "shopkeeper",
            "driver",
        ],
        "resident/witness",
    ),
    **dict.fromkeys(
        [
            "doctor",
            "nurse",
            "medic",
            "physician",
            "expert",
            "analyst",
            "researcher",
            "scientist",
            "professor",
            "economist",
            "academic",
            "observer",
        ],
        "expert/doctor",
    ),
    **dict.fromkeys(
        [
            "media",
            "medium",
            "newspaper",
            "outlet",
            "broadcaster",
            "journalist",
            "reporter",
            "correspondent",
            "television",
            "radio",
        ],
        "media",
    ),
    **dict.fromkeys(
        ["charity", "ngo", "organisation", "organization", "group", "aid", "agency"], "ngo"
    ),
}
_NAME_KINDS: tuple[tuple[str, str], ...] = (
    (r"\b(Army|Corps|Forces|Military|Navy|Air Force|Command|Pentagon|Brigade)\b", "military"),
    (
        r"\b(Embassy|Ministry|Government|Department|Commission|Parliament|Council|Office"
        r"|Cabinet|Police|Consulate|White House|Kremlin)\b",
        "government",
    ),
    (r"\b(Watch|Foundation|Charity|Relief|Rescue|International|Aid)\b", "ngo"),
    (r"\b(News|Times|Post|Press|Radio|TV|Television|Media|Agency)\b", "media"),
)
_QUANTIFIERS = frozenset(
    ["several", "many", "some", "other", "few", "various", "numerous", "both", "all", "most"]
)
_SPEAKS_FOR = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "official", "representative", "source"]
)


@dataclass(frozen=True, slots=True)
class _Cited:
    """One attribution found in one sentence."""

    source: str
    kind: str
    start: int
    end: int
    role: str  # "person", "group" (a source noun) or "org": what "he", "one", "it" point to
    singular: bool = False  # a singular source noun ("an interpreter"): "he" may point to it


# -- the story's entities ---------------------------------------------------------------------


class _Story:
    """The entities of a story, looked up by article offset, with the kind of each."""

    def __init__(self, articles: Sequence[Article], entities: Sequence[Entity]) -> None:
        self.by_offset: dict[tuple[str, int], Entity] = {}
        for entity in entities:
            for span in entity.mentions:
                for pos in range(span.start, span.end):
                    self.by_offset[(span.article, pos)] = entity
        texts = {a.id: a.text for a in articles}
        self.kinds = {e.id: _entity_kind(e, texts) for e in entities}
        self.by_surname: dict[str, list[Entity]] = {}
        for entity in entities:
            if entity.label == "PERSON" and len(entity.name.split()) > 1:
                self.by_surname.setdefault(entity.name.split()[-1], []).append(entity)

    def full_name(self, word: str) -> Entity | None:
        """The one person of the story whose full name ends with ``word`` ("Holt")."""
        found = self.by_surname.get(word, [])
        return found[0] if len(found) == 1 else None

    def entity_at(self, article: str, start: int, end: int) -> Entity | None:
        """The entity mentioned anywhere in ``start:end`` of an article (first one wins)."""
        for pos in range(start, end):
            entity = self.by_offset.get((article, pos))
            if entity is not None:
                return entity
        return None


def _known_kinds() -> dict[str, str]:
    return {o["name"]: o["kind"] for o in organisations()}


def _entity_kind(entity: Entity, texts: Mapping[str, str]) -> str:
    """The source kind of an entity: its known kind, its words, or its title in the story."""
    known = _known_kinds().get(entity.name)
    if known:
        return known
    if entity.label == "PERSON":
        return _person_kind(entity, texts)
    if entity.label in ("GPE", "LOC"):
        return "government"
    introduced = _introduced_kind(entity, texts)
    if introduced:
        return introduced
    for pattern, kind in _NAME_KINDS:
        if re.search(pattern, entity.name):
            return kind
    return "other"


def _introduced_kind(entity: Entity, texts: Mapping[str, str]) -> str | None:
    """The kind of the organisation noun right before a mention ("the grid operator Valnet")."""
    for span in entity.mentions:
        before = texts[span.article][max(0, span.start - 40) : span.start]
        words = re.findall(r"[a-z]+", before.lower())[-3:]
        if not words or not before.rstrip().endswith(words[-1]) or before[-1:] != " ":
            continue
        if words[-1] in lexicon.ORG_NOUNS:
            return _kind_of_org(words[:-1], words[-1])
    return None


def _kind_of_org(modifiers: Sequence[str], noun: str) -> str:
    """An organisation noun's kind, or the kind its modifiers give ("news agency": media)."""
    for word in modifiers:
        if word in lexicon.ORG_NOUN_MODIFIERS:
            return lexicon.ORG_NOUN_MODIFIERS[word]
    return lexicon.ORG_NOUNS[noun]


def _person_kind(entity: Entity, texts: Mapping[str, str]) -> str:
    """A person's kind from the words just before any mention ("Gen", "President")."""
    words: set[str] = set()
    for span in entity.mentions:
        before = texts[span.article][max(0, span.start - 40) : span.start]
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", before)[-3:])
        after = texts[span.article][span.end : span.end + 40]
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", after)[:3])
    for titles, kind in (
        (lexicon.MILITARY_TITLES, "military"),
        (lexicon.OFFICIAL_TITLES, "government"),
        (lexicon.EXPERT_TITLES, "expert/doctor"),
    ):
        if words & titles:
            return kind
    return "person"


# -- names of nominal sources -----------------------------------------------------------------


def _person_noun(token: Any, story: _Story, article: str, start: int, end: int) -> _Cited:
    """A source noun for people: tied to an organisation ("a ministry spokesman"), or a class
    named by its plural ("residents")."""
    lemma = token.lemma_.lower()
    singular = token.tag_ == "NN"
    tied = _organisation_of(token, story, article)
    if tied is None:
        return _Cited(lexicon.plural(lemma), SOURCE_NOUNS[lemma], start, end, "group", singular)
    name, kind = tied
    kind = kind if lemma in _SPEAKS_FOR else SOURCE_NOUNS[lemma]
    return _Cited(f"{name} {token.lower_}", kind, start, end, "group", singular)


def _organisation_of(token: Any, story: _Story, article: str) -> tuple[str, str] | None:
    """The organisation a person noun belongs to, with its kind: a compound ("police
    spokeswoman") or the object of for/of/at/from ("a spokesman for the defence ministry")."""
    objects = [c for c in token.lefts if c.dep_ == "compound"]
    objects += [
        o
        for prep in token.rights
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "from")
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    for obj in objects:
        entity = story.entity_at(article, obj.idx, obj.idx + len(obj))
        if entity is not None and entity.label not in ("PERSON", "NORP", "GPE", "LOC"):
            return entity.name, story.kinds[entity.id]
        noun = _org_noun(obj)
        if noun is not None and entity is None:
            modifiers = _modifiers(obj)
            kind = _kind_of_org([w.lower() for w in modifiers], noun)
            return " ".join([*modifiers, _as_written(obj)]), kind
    return None


def _org_noun(token: Any) -> str | None:
    """The key of :data:`lexicon.ORG_NOUNS` a noun stands for ("guard" after "coast"), or None."""
    if token.pos_ not in ("NOUN", "PROPN") or not token.is_lower:
        return None
    lemma = token.lemma_.lower() or token.lower_
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    if f"{before} {lemma}" in lexicon.ORG_NOUNS:
        return f"{before} {lemma}"
    return lemma if lemma in lexicon.ORG_NOUNS and " " not in lemma else None


def _modifiers(token: Any) -> list[str]:
    """The words before a noun that say which one it is: "regional emergency" office."""
    words: list[str] = []
    for child in token.lefts:
        if child.dep_ not in ("compound", "amod", "nmod"):
            continue
        for t in child.subtree:
            skip = t.is_punct or t.like_num or t.lower_ in _QUANTIFIERS
            if skip or t.dep_ in ("det", "poss", "case", "predet"):
                continue
            words.append(t.text if t.pos_ == "PROPN" and not t.is_lower else t.lower_)
    return words


def _as_written(token: Any) -> str:
    """A noun in the singular unless the text used the plural ("offices" stays plural)."""
    if token.tag_ in ("NNS", "NNPS"):
        return str(token.lower_)
    return str(token.lemma_.lower() or token.lower_)
