"""Mentions for :mod:`storylens.analyze.entities`: one name cleaned, and the labels a story gives.

A mention's offsets are cleaned to the bare name (no "the", possessive, title or description,
no stray punctuation); single title words ("State" in "Secretary of State") and common nouns
tagged as names are no mentions, and an organisation's name is extended over "for
Afghanistan". Then the labels the story itself gives are applied to every mention: outlets and
dateline credits are organisations, dateline places are places, a name introduced by an
organisation noun is an organisation and a name that is a place once is a place everywhere;
names written after "the" are no person's. The rules are described in
:mod:`storylens.analyze.entities`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storylens import lexicon
from storylens.analyze.speakers import (
    described_in,
    drop_description,
    is_the_name,
    split_description,
)
from storylens.model import Article
from storylens.nlp import place_names
from storylens.outlet import dateline_credit

_PLACES = frozenset({"GPE", "LOC"})
TITLES = lexicon.TITLES | {"defence", "defense", "foreign", "of", "state", "uk", "un", "us"}
"""Words dropped from the front of a name: titles, and the words of titles such as
"US Secretary of State" or "Foreign Minister"."""
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


def _short_organisations(mentions: list[_Mention]) -> list[_Mention]:
    """A lone word that begins the one organisation name of the story starting with it, and
    no person's name, is that organisation ("Halvora" for "Halvora Motors"), whatever the
    model guessed ("Halvora said" reads like a person to it)."""
    orgs = {m.name for m in mentions if m.label == "ORG" and " " in m.name}
    people = {w for m in mentions if m.label == "PERSON" and " " in m.name for w in m.name.split()}
    first: dict[str, set[str]] = {}
    for name in orgs:
        first.setdefault(name.split()[0], set()).add(name)
    return [
        _Mention(m.article, m.start, m.end, m.name, "ORG", m.order, m.by_noun)
        if m.label == "PERSON" and len(first.get(m.name, ())) == 1 and m.name not in people
        else m
        for m in mentions
    ]


def _people_everywhere(mentions: list[_Mention]) -> list[_Mention]:
    """A name of two words or more that is a person in one mention is a person wherever the
    model called it an organisation without an organisation noun ("Ivo Stam" tagged ORG in
    one article, PERSON after "Mayor" in another: the small model's usual slip)."""
    people = {m.name for m in mentions if m.label == "PERSON" and " " in m.name}
    return [
        _Mention(m.article, m.start, m.end, m.name, "PERSON", m.order)
        if m.name in people and m.label == "ORG" and not m.by_noun
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


def _surnames_are_people(mentions: list[_Mention]) -> list[_Mention]:
    """A lone word that ends a person's full name in the story is that person wherever the
    model called it a place or an organisation ("Venkov" tagged GPE beside "Aurel Venkov"),
    unless it is a known place."""
    surnames = {
        m.name.split()[-1] for m in mentions if m.label == "PERSON" and len(m.name.split()) > 1
    }
    known = place_names()
    return [
        _Mention(m.article, m.start, m.end, m.name, "PERSON", m.order)
        if m.name in surnames and m.label != "PERSON" and not m.by_noun and m.name not in known
        else m
        for m in mentions
    ]


def _common_nouns(ent: Any) -> bool:
    """True for "Videos" tagged ORG: only common nouns, no proper noun."""
    return all(t.tag_ in ("NN", "NNS") for t in ent)


def _is_title_part(ent: Any) -> bool:
    """True for "State" in "Secretary of State": a word of a title, not a name.

    The title word is capitalised, as titles are: in "the mayor of Dalby" the name is a place.
    """
    doc = ent.doc
    words = doc[max(0, ent.start - 2) : ent.start]
    before = [t.lower_ for t in words]
    return (
        len(ent) == 1
        and before[-1:] == ["of"]
        and before[0] in TITLES
        and words[0].text[:1].isupper()
    )


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
