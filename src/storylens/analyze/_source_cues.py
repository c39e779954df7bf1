"""Attribution cues in the spaCy parse (see :mod:`storylens.analyze.sources`).

A cue verb and its subject, "according to X", and the words that point back ("he", "it",
"one", "the mission") to the last source of their role; then the named speakers of direct
quotes (:mod:`storylens.analyze.quotes`) that those cues missed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from storylens import lexicon
from storylens.analyze._attribution import adds_a_thing, is_place, maker_of, trailing_subject
from storylens.analyze._counted import reports_no_speech
from storylens.analyze._source_kinds import (
    SOURCE_NOUNS,
    _as_written,
    _Cited,
    _kind_of_org,
    _modifiers,
    _org_noun,
    _person_kind,
    _person_noun,
    _Story,
    is_business_noun,
    name_kind,
)
from storylens.analyze.speakers import OTHER_GENDER, gender_in
from storylens.model import Article, Entity, QuoteMention, Span

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
        "promise",
        "concede",
        "testify",
        "tweet",
        "record",  # "the weather service recorded 182 millimetres"
        "forecast",
    ]
)
_MEASURING = frozenset(["record", "forecast"])  # a body's reading; a place's is what happened
# Verbs that report only with a clause: "the court found that ...", "judges ruled that ..."
# (not "rescuers found three bodies")
_CLAUSE_CUES = frozenset(["find", "rule", "conclude", "determine"])
_SUBJECTS = frozenset({"nsubj"})  # a passive subject ("residents were urged") is an addressee
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
_DOCUMENT_NOUNS = lexicon.STATEMENT_NOUNS | {"document", "record", "report"}
_FIGURE_NOUNS = frozenset(["result", "figure", "data"])  # cite their maker only ("... by X")
_MASS_NOUNS = frozenset(
    ["media", "medium", "police", "military", "army", "government", "administration"]
)


def _attributions(doc: Any, story: _Story, article: str) -> Iterator[_Cited]:
    """Every attribution in one parsed article, in text order, at most one per source and
    sentence."""
    memory = _Memory()
    for sent in doc.sents:
        seen: set[str] = set()
        hidden = bool(_ANONYMITY.search(sent.text))
        for token in sent:
            for subject in _source_tokens(token):
                cited = _resolve(subject, story, article, memory)
                if cited is not None and cited.source not in seen:
                    seen.add(cited.source)
                    if hidden and not cited.source[:1].isupper():  # a named source is no one's
                        cited = replace(cited, anonymous=True)  # secret
                    memory.remember(cited)
                    yield cited


_ANONYMITY = re.compile(
    r"\b(?:(?:asked|declined|requested) not to be (?:named|identified)"
    r"|(?:did|does|do) not (?:want|wish) to be (?:named|identified)"
    r"|(?:declined|refused) to give (?:his|her|their) (?:full )?(?:name|surname)"
    r"|(?:on|under) (?:the )?condition(?:s)? of anonymity|spoke anonymously|speaking anonymously"
    r"|requested anonymity|(?:was|were|is|are) not authori[sz]ed to (?:speak|comment))\b",
    re.I,
)
"""How a story says it keeps a source's name back."""


# Figures that speak for their maker: "results from the commission showed", "a poll by X gave"
_DATA_NOUNS = frozenset(
    ["result", "results", "figure", "figures", "data", "poll", "survey", "count", "statistics"]
)
_DATA_VERBS = frozenset(["show", "give", "put", "suggest", "indicate", "find"])


def _data_makers(token: Any) -> list[Any]:
    """Who made the figures a verb reports: the object of "from"/"by" after a data noun
    subject ("final results from the Central Election Commission showed")."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_ not in _DATA_VERBS:
        return []
    return [
        obj
        for subject in token.children
        if subject.dep_ in _SUBJECTS and subject.lower_ in _DATA_NOUNS
        for prep in subject.children
        if prep.lower_ in ("from", "by")
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _source_tokens(token: Any) -> list[Any]:
    """The subjects of a cue verb (with their conjuncts), the object of "according to", or
    the maker of figures a verb reports."""
    makers = _data_makers(token)
    if makers:
        return makers
    clause = token.lemma_ in _CLAUSE_CUES and any(c.dep_ == "ccomp" for c in token.children)
    cue = token.lemma_ in CUE_VERBS and not adds_a_thing(token) and not reports_no_speech(token)
    if token.pos_ == "VERB" and (cue or clause) and not _doing(token):
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        subjects = subjects or trailing_subject(token) or _inherited(token)
        if token.lemma_ in _MEASURING:  # "Tarsk last recorded an outbreak in 2009": a place
            subjects = [t for t in subjects if not is_place(t)]  # what befell it
        return [_named(t) for s in subjects for t in (s, *s.conjuncts)]
    if token.lower_ == "to" and token.i > 0 and token.doc[token.i - 1].lower_ == "according":
        return [c for c in token.children if c.dep_ == "pobj"]
    return []


def _compound_name(token: Any) -> tuple[Any, str] | None:
    """A proper noun with the capitalised words before it ("Patient Voice Ostmere"): its first
    token and the whole name, or None when no capitalised word comes before it."""
    if token.pos_ != "PROPN":
        return None
    words = [c for c in token.lefts if c.dep_ == "compound" and c.text[:1].isupper()]
    if not words:
        return None
    return words[0], token.doc[words[0].i : token.i + 1].text


def _compound_entity(token: Any, story: _Story) -> Entity | None:
    """The story's entity named by a proper noun with the capitalised words before it ("Patient
    Voice Ostmere", where the model tags "Ostmere" alone a place), when the story knows that
    whole name; None otherwise."""
    found = _compound_name(token)
    return story.by_name.get(found[1].casefold()) if found is not None else None


def _compound_body(token: Any) -> _Cited | None:
    """An organisation the model did not tag whole: capitalised words before a proper noun,
    set off as a body of a kind ("Patient Voice Ostmere, a charity that represents people
    waiting for treatment, said"), or ending in a word of organisation names; None otherwise
    ("Coach Hanne Brisbo" is a person)."""
    found = _compound_name(token)
    if found is None:
        return None
    first, name = found
    noun = next((c for c in token.children if c.dep_ == "appos" and _org_noun(c)), None)
    kind = _kind_of_org([], str(_org_noun(noun))) if noun is not None else name_kind(name)
    if kind is None:
        return None
    return _Cited(name, kind, first.idx, token.idx + len(token), "org")


def _named(subject: Any) -> Any:
    """The name in apposition to a role that is the subject ("said Rovers coach Hanne
    Brisbo": Brisbo, not the club), else the subject itself."""
    if subject.pos_ != "NOUN":
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subject)


def _doing(verb: Any) -> bool:
    """ "Doctors are writing notes by hand", "staff were posting updates": an activity in the
    progressive with a plain object, not words reported ("experts are warning that ...")."""
    progressive = verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in verb.children)
    told = any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
    return progressive and not told and any(c.dep_ == "dobj" for c in verb.children)


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
    last: _Cited | None = None  # of any role: who issued "the statement"

    def remember(self, cited: _Cited) -> None:
        """Keep a citation as the last of its role; "an interpreter" is also what "he" is."""
        setattr(self, cited.role, cited)
        self.last = cited
        if cited.singular:
            self.person = cited


def _resolve(token: Any, story: _Story, article: str, memory: _Memory) -> _Cited | None:
    """Who a subject token stands for, or None when it is no source."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return None  # "No armed group has said it carried out the attack": nobody cited
    start, end = token.idx, token.idx + len(token)
    entity = story.entity_at(article, start, end) or _child_entity(token, story, article)
    if (whole := _compound_entity(token, story)) is not None:
        entity = whole  # "Patient Voice Ostmere said": the charity, not the country
    elif (body := _compound_body(token)) is not None and (entity is None or " " not in entity.name):
        return body
    if entity is None and token.pos_ == "PROPN":
        entity = story.full_name(token.text)
    if entity is not None and " " not in entity.name:
        entity = story.full_name(entity.name) or entity
    if entity is None and (unnamed := _unrecognised_name(token)) is not None:
        return unnamed
    if entity is not None:
        kind = story.kinds[entity.id]
        role = "person" if entity.label == "PERSON" else "org"
        start, end = _name_span(entity, article, start, end)
        return _Cited(entity.name, kind, start, end, role)
    word = token.lower_
    if token.lemma_.lower() in _FIGURE_NOUNS:
        maker = maker_of(token)
        return _resolve(maker, story, article, memory) if maker is not None else None
    if token.lemma_.lower() in _DOCUMENT_NOUNS:
        return _issuer(token, story, article, memory)
    back = _pointer(token, memory)
    other = OTHER_GENDER.get(word)
    if back is not None and other and gender_in(story.texts[article], back.source) == other:
        return None  # "she said" after a man was cited: someone named earlier, not him
    if back is not None:
        return _Cited(back.source, back.kind, start, end, back.role)
    lemma = token.lemma_.lower()
    if word in _BACK_PERSON | _BACK_ORG | _BACK_GROUP:
        return None
    if lemma in _MASS_NOUNS and lemma in SOURCE_NOUNS:
        name = "media" if lemma == "medium" else lemma
        modifiers = [c.text for c in token.lefts if c.dep_ == "amod" and c.text.islower()]
        name = " ".join([*modifiers, name])  # "the provincial government", "local police"
        return _Cited(name, SOURCE_NOUNS[lemma], start, end, "group")
    noun = _org_noun(token)
    if noun is not None:
        modifiers = _modifiers(token)
        the = any(c.lower_ == "the" for c in token.children)
        named = story.named_org(noun, token, article) if the and not modifiers else None
        if named is not None and is_business_noun(noun):  # "the firm"
            return _Cited(named.name, story.kinds[named.id], start, end, "org")
        kind = _kind_of_org([w.lower() for w in modifiers], noun)
        name = " ".join([*modifiers, _as_written(token)])
        own = [w.lower() for w in modifiers] == noun.split()[:-1]  # "coast" of "coast guard"
        return _Cited(name, kind, start, end, "org", bare=the and own)
    if lemma not in SOURCE_NOUNS:
        return None
    return _the_titled(token, story) or _person_noun(token, story, article, start, end)


def _unrecognised_name(token: Any) -> _Cited | None:
    """A proper name the entity recogniser missed whose words say what it is ("the Pinecrest
    Courier": media), or None."""
    if token.pos_ != "PROPN":
        return None
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
    if len(words) < 2 or words[-1].i - words[0].i != len(words) - 1:
        return None
    name = " ".join(t.text for t in words)
    kind = name_kind(name)
    if kind is None:
        return None
    return _Cited(name, kind, words[0].idx, token.idx + len(token), "org")


def _issuer(token: Any, story: _Story, article: str, memory: _Memory) -> _Cited | None:
    """Who a document speaks for: its owner ("the company's statement said", "a report by
    Civic Watch", "documents seen by the Courier"); for "the statement said", the source
    cited last in the article (who made the statement); "a statement said" cites no one."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None) or maker_of(token)
    if owner is not None:
        return _resolve(owner, story, article, memory)
    definite = any(c.lower_ == "the" for c in token.children)
    if not definite or memory.last is None:
        return None
    back = memory.last
    start, end = token.idx, token.idx + len(token)
    return _Cited(back.source, back.kind, start, end, back.role, back.singular)


def _the_titled(token: Any, story: _Story) -> _Cited | None:
    """A bare definite title ("the minister") is one person, not a class: the one person
    of the story given that title ("Transport Minister Dan Roe"), else the title itself."""
    lemma = token.lemma_.lower()
    definite = any(c.lower_ == "the" for c in token.children)
    alone = not any(c.dep_ in ("compound", "amod", "prep", "poss") for c in token.children)
    if not (definite and alone and token.tag_ == "NN" and lemma in lexicon.TITLES):
        return None
    start, end = token.idx, token.idx + len(token)
    person = story.titled(lemma)
    if person is None:
        return _Cited(lemma, SOURCE_NOUNS[lemma], start, end, "person", singular=True)
    return _Cited(person.name, story.kinds[person.id], start, end, "person", singular=True)


def _name_span(entity: Entity, article: str, start: int, end: int) -> tuple[int, int]:
    """The whole name a subject word belongs to ("Solberg-Vance" and "Motors" are the ends
    of "Ingrid Solberg-Vance" and "Halvora Motors"): the entity's mention holding the word."""
    for span in entity.mentions:
        if span.article == article and span.start <= start and end <= span.end:
            return span.start, span.end
    return start, end


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
    """An entity in apposition or compound with a source noun ("organisation Save the ...").
    A place before an organisation noun is no source of its own: "the Orrin Falls police
    department" is the department."""
    org = _org_noun(token) is not None
    for child in token.children:
        if child.dep_ in ("appos", "compound"):
            entity = story.entity_at(article, child.idx, child.idx + len(child))
            place = entity is not None and org and entity.label != "ORG"  # or a misread one
            if entity is not None and entity.label != "NORP" and not place:
                return entity
    return None


# -- speakers of direct quotes ----------------------------------------------------------------


def _quoted(
    article: Article, quotes: Sequence[QuoteMention], found: Sequence[_Cited], story: _Story
) -> Iterator[_Cited]:
    """The named speaker of each quote of the article that the cue rules did not cite: none
    of their citations covers the speaker's words, and the same source is not cited in that
    sentence already ("I leave," Stam said.). Quotes with no speaker words (carried over
    from the paragraph before) and nominal speakers ("a resident") add no citation."""
    cited = list(found)
    for quote in quotes:
        span = quote.speaker_span
        name = quote.speaker
        if span is None or not name or not name[:1].isupper() or span.article != article.id:
            continue
        if any(c.start < span.end and span.start < c.end for c in cited):
            continue
        new = _speaker_citation(name, span, story)
        sentence = next((s for s in article.sentences if s.overlaps(span)), span)
        if any(c.source == new.source and sentence.overlaps(_span(article, c)) for c in cited):
            continue
        cited.append(new)
        yield new


def _span(article: Article, cited: _Cited) -> Span:
    return Span(article.id, cited.start, cited.end)


def _speaker_citation(name: str, span: Span, story: _Story) -> _Cited:
    """A quote's speaker as a source: the story's entity, else the name with the kind its
    role words give anywhere in the story ("union official Petra Moll")."""
    entity = story.speaker(name, span)
    if entity is not None:
        role = "person" if entity.label == "PERSON" else "org"
        return _Cited(entity.name, story.kinds[entity.id], span.start, span.end, role)
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    spans = [
        Span(article, m.start(), m.end())
        for article, text in story.texts.items()
        for m in pattern.finditer(text)
    ]
    return _Cited(name, _person_kind(spans, story.texts), span.start, span.end, "person")


_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+(?=[A-Z])")


def _folded(cited: _Cited, article: str, people: Sequence[str], story: _Story) -> _Cited:
    """A lone capitalised surname, or one after an honorific ("Ms Holt"), as the one full name
    of the story's people that ends with it ("Vranck" is "Odo Vranck" when a quote names him
    so), or else begins with it ("Tomas" is "Tomas Veyle"), with that name's kind."""
    surname = _HONORIFIC.sub("", cited.source)
    if " " in surname or not surname[:1].isupper():
        return cited
    matches = [p for p in people if p.split()[-1] == surname and p != cited.source]
    if not matches:  # a first name alone ("Tomas" for "Tomas Veyle")
        matches = [p for p in people if p.split()[0] == surname and p != cited.source]
    if len(matches) != 1:
        return cited
    full = _speaker_citation(matches[0], Span(article, cited.start, cited.end), story)
    return replace(cited, source=full.source, kind=full.kind, role=full.role)
