"""Who each outlet cites, of what kind, and how often; and which sentences cite no one.

Attribution is read from the shared spaCy parse with rules that hold for any story:

* a cue verb (said, says, told, tweeted, warned, added, confirmed, accused, called, ...) and its
  subject ("the UN says", "Gen Sadat told the BBC", "Afghan media confirmed");
* "according to X";
* the subject is an entity of the story (canonical name from :mod:`.entities`; a lone surname
  such as "Holt" is the one full name of the story ending with it, "Mira Holt"), a source noun
  ("officials", "residents", "a doctor", "Afghan media"), an organisation noun
  (:data:`storylens.lexicon.ORG_NOUNS`: "the town hospital", "the regional emergency office",
  "the coast guard"), or a word that points back: "he"/"she" to the last person cited, "it" to
  the last organisation, "one"/"another" to the last group cited, "the mission" or "the board"
  (a definite organisation noun) to the last organisation cited whose name holds its words,
  or, for a bare "the mission", "the agency", to the last named organisation cited;
* whom a verb is told to ("told the BBC") is an audience, never a source.

Names of nominal sources: an organisation is named by its noun and the words before it, in
the singular ("regional emergency office", "defence ministry"); a person tied to an
organisation keeps both and the number the text used ("a spokesman for the defence ministry"
is "defence ministry spokesman", "a police spokeswoman" is "police spokeswoman"); other people
are a class, named by the English plural ("one witness" and "witnesses" are "witnesses", "a
spokesman" is "spokesmen", "people" stays "people").

Kinds: ``un``, ``international-org``, ``government``, ``military``, ``ngo``, ``media``,
``resident/witness``, ``expert/doctor``, ``person``, ``other``. Known organisations take their
kind from ``data/orgs.json``; other names from the organisation noun that introduces them ("the
grid operator Valnet" is ``other``, "the charity X" ``ngo``), their words ("Embassy", "Army")
or the title a person is given in the story ("Gen", "President"). A person tied to an
organisation ("a hospital spokesman", "officials at the ministry") speaks for it and takes its
kind; a doctor or a resident keeps the kind of the noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storylens import lexicon
from storylens.analyze.entities import find_entities
from storylens.model import Article, Entity, SourceCitation, Span
from storylens.nlp import organisations, parse

__all__ = ["CUE_VERBS", "cited_sources", "unattributed_sentences", "unattributed_share"]

CUE_VERBS = frozenset(
    [
        "say",
        "tell",
        "tweet",
        "warn",
        "add",
        "confirm",
        "announce",
        "state",
        "claim",
        "write",
        "post",
        "accuse",
        "urge",
        "call",
        "blame",
        "deny",
        "reject",
        "insist",
        "explain",
        "note",
        "vow",
        "pledge",
        "describe",
        "estimate",
        "acknowledge",
        "admit",
        "argue",
        "allege",
        "report",
        "believe",
        "caution",
        "stress",
        "suggest",
        "respond",
        "reply",
        "predict",
        "tweet",
    ]
)
_SUBJECTS = frozenset({"nsubj"})  # a passive subject ("residents were urged") is an addressee
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
_BACK_PERSON = frozenset({"he", "she"})
_BACK_ORG = frozenset({"it"})
_BACK_GROUP = frozenset({"one", "another", "they", "other", "others"})
_ORG_NOUNS = frozenset(
    [
        "mission",
        "embassy",
        "ministry",
        "agency",
        "organisation",
        "organization",
        "commission",
        "council",
        "group",
        "committee",
        "office",
    ]
)
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
_QUOTES = "\"'“”‘’"


@dataclass(frozen=True, slots=True)
class _Cited:
    """One attribution found in one sentence."""

    source: str
    kind: str
    start: int
    end: int
    role: str  # "person", "group" (a source noun) or "org": what "he", "one", "it" point to
    singular: bool = False  # a singular source noun ("an interpreter"): "he" may point to it


def cited_sources(
    articles: Sequence[Article],
    *,
    entities: Sequence[Entity] | None = None,
    docs: Mapping[str, Any] | None = None,
) -> tuple[SourceCitation, ...]:
    """Who each article cites: one citation per (article, source), mentions in text order."""
    docs = docs if docs is not None else parse(articles)
    entities = entities if entities is not None else find_entities(articles, docs=docs)
    story = _Story(articles, entities)
    out: list[SourceCitation] = []
    for article in articles:
        out.extend(_citations(article, list(_attributions(docs[article.id], story, article.id))))
    return tuple(out)


def unattributed_sentences(
    articles: Sequence[Article],
    *,
    citations: Sequence[SourceCitation] | None = None,
    entities: Sequence[Entity] | None = None,
    docs: Mapping[str, Any] | None = None,
) -> dict[str, tuple[Span, ...]]:
    """Per article, the body sentences that cite no source (a quote continuing an attributed
    paragraph counts as attributed)."""
    if citations is None:
        citations = cited_sources(articles, entities=entities, docs=docs)
    cited: dict[str, list[Span]] = {}
    for c in citations:
        cited.setdefault(c.article, []).extend(c.mentions)
    return {a.id: _unattributed(a, cited.get(a.id, [])) for a in articles}


def unattributed_share(
    articles: Sequence[Article],
    *,
    citations: Sequence[SourceCitation] | None = None,
    entities: Sequence[Entity] | None = None,
    docs: Mapping[str, Any] | None = None,
) -> dict[str, float]:
    """Per article, the share of body sentences that cite no source (0.0 with no sentences)."""
    found = unattributed_sentences(articles, citations=citations, entities=entities, docs=docs)
    return {a.id: len(found[a.id]) / len(a.sentences) if a.sentences else 0.0 for a in articles}


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


# -- attributions -----------------------------------------------------------------------------


def _attributions(doc: Any, story: _Story, article: str) -> Iterator[_Cited]:
    """Every attribution in one parsed article, in text order, at most one per source and
    sentence."""
    memory = _Memory()
    for sent in doc.sents:
        seen: set[str] = set()
        for token in sent:
            for subject in _source_tokens(token):
                cited = _resolve(subject, story, article, memory)
                if cited is not None and cited.source not in seen:
                    seen.add(cited.source)
                    memory.remember(cited)
                    yield cited


def _source_tokens(token: Any) -> list[Any]:
    """The subjects of a cue verb (with their conjuncts), or the object of "according to"."""
    if token.pos_ == "VERB" and token.lemma_ in CUE_VERBS:
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS] or _inherited(token)
        return [t for s in subjects for t in (s, *s.conjuncts)]
    if token.lower_ == "to" and token.i > 0 and token.doc[token.i - 1].lower_ == "according":
        return [c for c in token.children if c.dep_ == "pobj"]
    return []


def _inherited(token: Any) -> list[Any]:
    """The subject of a cue verb that has none of its own.

    "with the UN saying" (the object of "with"), "X, who ..., called on" (the noun a clause
    hangs from), "X lashed out, accusing" and "X said and added" (the subject of the head verb).
    """
    head = token.head
    if token.dep_ == "acl" and head.pos_ in ("PROPN", "NOUN"):
        return [head]
    if token.dep_ not in ("advcl", "xcomp", "conj"):
        return []
    with_objects = [
        obj
        for prep in head.children
        if prep.lower_ == "with" and prep.i < token.i
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    return with_objects or [c for c in head.children if c.dep_ == "nsubj"]


@dataclass
class _Memory:
    """The last person, group and organisation cited, to resolve "he", "one", "the mission"."""

    person: _Cited | None = None
    group: _Cited | None = None
    org: _Cited | None = None

    def remember(self, cited: _Cited) -> None:
        """Keep a citation as the last of its role; "an interpreter" is also what "he" is."""
        setattr(self, cited.role, cited)
        if cited.singular:
            self.person = cited


def _resolve(token: Any, story: _Story, article: str, memory: _Memory) -> _Cited | None:
    """Who a subject token stands for, or None when it is no source."""
    start, end = token.idx, token.idx + len(token)
    entity = story.entity_at(article, start, end) or _child_entity(token, story, article)
    if entity is None and token.pos_ == "PROPN":
        entity = story.full_name(token.text)
    if entity is not None and " " not in entity.name:
        entity = story.full_name(entity.name) or entity
    if entity is not None:
        kind = story.kinds[entity.id]
        role = "person" if entity.label == "PERSON" else "org"
        return _Cited(entity.name, kind, start, end, role)
    word = token.lower_
    back = _pointer(token, memory)
    if back is not None:
        return _Cited(back.source, back.kind, start, end, back.role)
    lemma = token.lemma_.lower()
    if word in _BACK_PERSON | _BACK_ORG | _BACK_GROUP:
        return None
    if lemma in _MASS_NOUNS and lemma in SOURCE_NOUNS:
        name = "media" if lemma == "medium" else lemma
        return _Cited(name, SOURCE_NOUNS[lemma], start, end, "group")
    noun = _org_noun(token)
    if noun is not None:
        modifiers = _modifiers(token)
        kind = _kind_of_org([w.lower() for w in modifiers], noun)
        return _Cited(" ".join([*modifiers, _as_written(token)]), kind, start, end, "org")
    if lemma not in SOURCE_NOUNS:
        return None
    return _person_noun(token, story, article, start, end)


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


def _pointer(token: Any, memory: _Memory) -> _Cited | None:
    """Resolve words that point back: "he", "it", "one", "another", "the mission"."""
    word = token.lower_
    if word in _BACK_PERSON:
        return memory.person
    if word in _BACK_ORG:
        return memory.org
    if word in _BACK_GROUP:
        return memory.group
    definite = any(c.lower_ == "the" for c in token.children)
    if not definite or memory.org is None:
        return None
    if word not in _ORG_NOUNS and _org_noun(token) is None:
        return None
    name = memory.org.source.lower()
    modifiers = [w.lower() for w in _modifiers(token)]
    if all(w in name for w in [*modifiers, token.lemma_.lower() or word]):
        return memory.org
    named = memory.org.source[:1].isupper()  # a name, not "the town hospital"
    return memory.org if named and not modifiers and word in _ORG_NOUNS else None


def _child_entity(token: Any, story: _Story, article: str) -> Entity | None:
    """An entity in apposition or compound with a source noun ("organisation Save the ...")."""
    for child in token.children:
        if child.dep_ in ("appos", "compound"):
            entity = story.entity_at(article, child.idx, child.idx + len(child))
            if entity is not None and entity.label != "NORP":
                return entity
    return None


_MASS_NOUNS = frozenset(
    ["media", "medium", "police", "military", "army", "government", "administration"]
)
_QUANTIFIERS = frozenset(
    ["several", "many", "some", "other", "few", "various", "numerous", "both", "all", "most"]
)
_SPEAKS_FOR = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "official", "representative", "source"]
)


# -- output -----------------------------------------------------------------------------------


def _citations(article: Article, found: list[_Cited]) -> list[SourceCitation]:
    """One citation per source of an article, sources in order of first citation."""
    by_source: dict[str, list[_Cited]] = {}
    for cited in found:
        by_source.setdefault(cited.source, []).append(cited)
    return [
        SourceCitation(
            article=article.id,
            outlet=article.outlet,
            source=source,
            kind=items[0].kind,
            mentions=tuple(article.span(c.start, c.end) for c in items),
        )
        for source, items in by_source.items()
    ]


def _unattributed(article: Article, cited: list[Span]) -> tuple[Span, ...]:
    """The body sentences of an article that hold no citation."""
    out: list[Span] = []
    previous_cited = False
    for paragraph in article.body_paragraphs():
        spans = [Span(article.id, s, e) for s, e in paragraph.sentences]
        text = article.text[paragraph.start : paragraph.end]
        has_citation = any(c.start >= paragraph.start and c.end <= paragraph.end for c in cited)
        quoted = text[:1] in _QUOTES
        carried = quoted and (has_citation or previous_cited)
        unattributed = [s for s in spans if not carried and not any(c.overlaps(s) for c in cited)]
        out.extend(unattributed)
        previous_cited = len(unattributed) < len(spans)
    return tuple(out)
