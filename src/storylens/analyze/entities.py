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

Cleaning mentions and the labels a story gives live in :mod:`storylens.analyze._entity_mentions`,
grouping them in :mod:`storylens.analyze._entity_groups`; this module names the entities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from storylens.analyze._entity_groups import COUNTRY_ALIASES, _acronym_definitions, _group
from storylens.analyze._entity_mentions import (
    _after_org_noun,
    _article_labels,
    _clean,
    _common_nouns,
    _descriptions,
    _extended_end,
    _is_title_part,
    _Mention,
    _named_by_articles,
    _no_people,
    _organisations_everywhere,
    _people_everywhere,
    _places_everywhere,
    _short_organisations,
    _surnames_are_people,
    _things,
)
from storylens.model import Article, Entity, Span
from storylens.nlp import org_surfaces, parse

__all__ = ["LABELS", "find_entities", "slug"]

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})


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
    mentions = _organisations_everywhere(
        _people_everywhere(_surnames_are_people(_places_everywhere(mentions)))
    )
    mentions = _short_organisations(mentions)
    mentions = _article_labels(mentions, labels)
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
