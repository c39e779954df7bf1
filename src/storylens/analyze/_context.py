"""Where and when a quantity is reported, and the parses these read.

:class:`Context` holds one article's body paragraphs and their spaCy spans, parsed on first
use by :func:`parse` and :func:`span_of`. :func:`place_of` finds the nearest place in the
sentence (or, where the sentence names none, the scene of the sentences just before, or the
place "there" points back to) and :func:`time_of` the time expression. The source is found by
:mod:`storylens.analyze._attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storylens import lexicon
from storylens.analyze._attribution import attribution
from storylens.analyze._counted import subject_group
from storylens.analyze._num_words import (
    DAYS,
    ENTRY_STAMP,
    LOCATIVE,
    MONTHS,
    PLACE_NOUNS,
    SITE_NOUNS,
    SPEECH,
    TIME_UNITS,
)
from storylens.analyze._quantity import Run
from storylens.model import Article, Paragraph, ParagraphKind
from storylens.nlp import load_spacy, place_names
from storylens.text import _words

__all__ = [
    "NATIONAL",
    "Context",
    "clause_of",
    "clip",
    "parse",
    "place_evidence",
    "place_of",
    "span_of",
    "time_of",
]

_TIME_PREPS = {
    "in",
    "on",
    "since",
    "from",
    "over",
    "during",
    "within",
    "for",
    "until",
    "by",
    "after",
    "before",
    "throughout",
}
_RATE_WORDS = {"a", "an", "per", "each", "every"}
_PERIOD_WORDS = {"last", "past", "since", "from", "over", "recent", "previous", "ago", "this"}
_ORG_WORDS = _words(
    "ministry commission council mission company party army corps committee organisation "
    "organization group times news bank court congress parliament agency forces university "
    "embassy office department institute association union post"
)
_DOUBTFUL = {"", "PERSON", "ORG", "FAC", "GPE", "LOC", "NORP"}  # labels place evidence overrules
NATIONAL = re.compile(
    r"\b(?:across|throughout|all over)\s+the\s+(?:country|nation|world)\b|\bnation-?wide\b"
    r"|\bcountry-?wide\b|\bworld-?wide\b|\bglobally\b|\baround\s+the\s+world\b"
    # "arrested 47 people in four countries", "across the four countries": several at once
    r"|\b(?:in|across|throughout)\s+(?:the\s+)?(?:\w+\s+)?(?:countries|nations)\b"
    # "across Vardenholt province", "throughout the region": a whole area, not one scene in it
    r"|\b(?:across|throughout)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)*"
    r"(?:province|region|state|county|district|valley|coast|island)\b",
    re.I,
)
_NAME = r"[A-Z][\w'’.-]*(?:[ ](?:[A-Z][\w'’.-]*))*"
_TOPONYM_WORDS = (
    "Hill|Hills|Head|Point|Bay|Cove|Creek|River|Lake|Valley|Vale|Ridge|Moor|Fell|Mount|"
    "Mountain|Island|Cross|Heath|Wood|Forest|Marsh|Sound|Firth|Glen|Down|Downs|Cape"
)
_NUMBERED = re.compile(r"[ ]\d")
_PLACE_EVIDENCE = (
    re.compile(
        rf"\b(?i:in|at|near|outside|inside|across|throughout)\s+"
        rf"(?:(?i:nearby|neighbouring|neighboring)\s+)?({_NAME})"  # "in nearby Ashby Flats"
    ),
    re.compile(rf"\b(?i:{'|'.join(PLACE_NOUNS)}|residents|streets)\s+of\s+({_NAME})"),
    re.compile(  # "turnout in the Harbour ward" (user trial 167)
        rf"({_NAME})\s+(?:province|district|city|town|region|county|ward|borough|precinct"
        r"|constituency|parish)\b"
    ),
    re.compile(rf"({_NAME}),\s+(?:[\w'’-]+\s+){{0,3}}(?:{'|'.join(PLACE_NOUNS)})\b"),
    re.compile(rf"\b(?:city|town|village|capital|province|district),\s+({_NAME}),"),
    # "at the Kestrel Hill weather station": a place name a site takes, told by its generic
    # word ("Hill", "Bay"; not "the Calverin Chemicals plant", a company's)
    re.compile(
        rf"\b(?i:at|near|outside)\s+(?:the|its|their)\s+((?:[A-Z][\w'’-]*\s+){{1,3}}"
        rf"(?:{_TOPONYM_WORDS}))\s+(?:[a-z]+\s+)?(?:{'|'.join(SITE_NOUNS)})\b"
    ),
)


@dataclass(frozen=True, slots=True)
class Context:
    """What every step needs: the article, its body paragraphs, their parses, its place names.

    ``spans`` maps a body paragraph's index to its spaCy span; paragraphs without a number are
    parsed only when a mention needs them for context.
    """

    article: Article
    body: tuple[Paragraph, ...]
    doc: Any | None
    spans: dict[int, Any]
    places: frozenset[str]


def parse(context: Context, indexes: list[int]) -> None:
    """Parse these body paragraphs (or cut them out of the given doc) into ``context.spans``.

    The given doc comes from :func:`storylens.nlp.parse`, which keeps the article's own
    sentence boundaries (so "seven dead" in a headline never cuts "Seven" off the next
    sentence); without one, each paragraph is parsed on its own.
    """
    todo = [i for i in indexes if i not in context.spans]
    if context.doc is not None:
        for i in todo:
            par = context.body[i]
            context.spans[i] = context.doc.char_span(par.start, par.end, alignment_mode="expand")
        return
    text = context.article.text
    docs = load_spacy().pipe(text[context.body[i].start : context.body[i].end] for i in todo)
    for i, doc in zip(todo, docs, strict=True):
        context.spans[i] = doc[:]


def span_of(context: Context, index: int) -> Any:
    """The spaCy span of body paragraph ``index``, parsing it on first use."""
    parse(context, [index])
    return context.spans[index]


_LEADING_WORDS = re.compile(
    r"^(?:(?:The|In|At|On|Of|From|For|By|And|But|An?|Across|Throughout|Near|Around|Outside"
    r"|Inside|Within|Beyond)(?:\s+|$))+"
)


_TOWN_PART = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:square|market|centre|center|streets?|outskirts|suburbs?|quarter|"
    r"harbour|harbor|waterfront|seafront|town)\b"
)


def place_evidence(text: str) -> frozenset[str]:
    """Names the text itself shows to be places: "in X", "city of X", "X province", "X, a city"."""
    names: set[str] = set()
    for pattern in _PLACE_EVIDENCE:
        for match in pattern.finditer(text):
            if _NUMBERED.match(text, match.end(1)):
                continue  # "in Shaft 4", "at Gate 7": a numbered part of a site, no place
            parts = re.split(r"['’]s\b\s*", match.group(1))
            name = parts[-1].strip(" .")
            if not name and len(parts) > 1 and _TOWN_PART.match(text, match.end(1)):
                name = parts[-2].strip(" .")  # "in Dunmore's market square": Dunmore
            name = re.sub(_LEADING_WORDS, "", name)  # "Across Kellin province": Kellin
            words = name.lower().split()
            if name and not set(words) & (_ORG_WORDS | MONTHS | DAYS) and name[0].isupper():
                names.add(name)
    return frozenset(names)


def _places_in(context: Context, span: Any, sentence: Any) -> list[Any]:
    """Place mentions in a sentence as spaCy spans: GPE/LOC entities and evidenced names."""
    found = {
        (e.start, e.end): e
        for e in sentence.ents
        if e.label_ in {"GPE", "LOC"} or (e.label_ == "FAC" and _site_after(e))
    }
    for ent in sentence.ents:
        if ent.label_ in _DOUBTFUL and _bare(ent.text) in context.places:
            found[(ent.start, ent.end)] = ent
    offset = sentence.start_char
    for name in context.places:
        for match in re.finditer(rf"\b{re.escape(name)}\b", sentence.text):
            place = span.doc.char_span(offset + match.start(), offset + match.end())
            if place is None or any(t.ent_type_ not in _DOUBTFUL for t in place):
                continue
            if not any(s <= place.start < e for s, e in found):
                found[(place.start, place.end)] = place
    places = (_whole(found[k]) for k in sorted(found))
    return [
        p
        for p in places
        if not _names_a_thing(context, p) and not _holding_in(p) and not _surname(context, p.text)
    ]


_SITE_PREPS = frozenset(
    ["outside", "around", "near", "at", "inside", "behind", "beside", "on", "in", "along"]
)


def _site_after(ent: Any) -> bool:
    """A facility a preposition of place leads to ("tanks took up positions around Velmar
    Palace", "three tanks outside the ONB building on Kastel Avenue"): where the figure is
    (the planted coup story's tanks at two sites were compared once residents and witnesses
    became one source)."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in _SITE_PREPS


def _site_only(context: Context, place: Any) -> bool:
    """A facility taken as a place for being a site (see :func:`_site_after`), which places
    its own sentence's figures only ("at the Kettleby Marathon in 2023" is no scene of the
    next sentence's start temperature)."""
    return place.root.ent_type_ == "FAC" and _bare(place.text) not in context.places


def _surname(context: Context, name: str) -> bool:
    """The name is the surname of a person the article names in full ("received 600,000 marks
    from Brannigan" after "Ilse Brannigan, 54, ..."), and the text never shows it to be a
    place ("in Brannigan"): the model often takes a lone surname for a place."""
    if name in context.places or " " in name or not name[:1].isupper():
        return False
    pattern = re.compile(rf"\b[A-Z][a-z]+\s+{re.escape(name)}\b")
    for index, par in enumerate(context.body):
        match = pattern.search(context.article.text, par.start, par.end)
        if match is None:
            continue
        span = span_of(context, index)
        full = span.doc.char_span(
            span.start_char + match.start() - par.start, span.start_char + match.end() - par.start
        )
        if full is not None and (
            all(t.ent_type_ == "PERSON" for t in full) or _aged(full) or _addressed(context, name)
        ):
            return True
    return False


def _aged(name: Any) -> bool:
    """An age follows the name: "Ilse Brannigan, 54," (the model may tag no person)."""
    after = name.doc[name.end : name.end + 3]
    return len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ","


def _addressed(context: Context, name: str) -> bool:
    """The text gives the name a form of address: "Ms Brannigan", "Mr. Brannigan"."""
    return (
        re.search(rf"\b(?:Mr|Mrs|Ms|Dr)\.?\s+{re.escape(name)}\b", context.article.text) is not None
    )


_HOLDINGS = frozenset(["share", "stake", "stock", "holding", "investment", "bond"])


def _holding_in(place: Any) -> bool:
    """A name after "shares in", "a stake in": the company held, not a place ("Shares in
    Lundmark fell 6.2%")."""
    prep = place.root.head
    return bool(
        place.root.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lemma_.lower() in _HOLDINGS
    )


def _whole(place: Any) -> Any:
    """The place as a phrase of its own: a name with the place noun it names ("Tolberg" ->
    "Tolberg district"), without a trailing adverb ("Tolberg district alone"). Not a noun
    that names several places or one not named by it ("three Tolberg villages", "a Tolberg
    suburb", "the Tolberg district of Arnay")."""
    doc, start, end = place.doc, place.start, place.end
    root, noun = place.root, place.root.head
    if (
        root.dep_ == "compound"
        and root.pos_ == "PROPN"
        and noun.i == end
        and noun.lemma_ in PLACE_NOUNS
        and noun.tag_ == "NN"
        and not any(c.lower_ in {"a", "an", "of"} or c.dep_ == "nummod" for c in noun.children)
    ):
        end += 1
    while end - start > 1 and doc[end - 1].pos_ == "ADV":
        end -= 1
    return doc[start:end]


def _names_a_thing(context: Context, place: Any) -> bool:
    """A name the model calls a place that names what a number counts ("900,000 doses of
    Corvalin": a product) when neither the gazetteer nor the text ("in Corvalin", "Corvalin
    province") shows it to be a place. A count of people "of X" may be of a place's people;
    a singular noun ("the 12500 block of East Street") is no count of things."""
    root = place.root
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.pos_ != "NOUN":
        return False
    counted = root.head.head
    if counted.tag_ != "NNS" or counted.lemma_ in PLACE_NOUNS:
        return False
    if not any(c.dep_ == "nummod" for c in counted.children):
        return False
    name = _bare(place.text)
    known = name in context.places or name in place_names()
    return not known and subject_group(counted.lower_) is None


def _bare(name: str) -> str:
    """A name without a leading "the" or a trailing possessive."""
    return re.sub(r"(?:^the\s+)|(?:['’]s$)", "", name, flags=re.I).strip()


def _usable_place(place: Any, source_toks: frozenset[int], strict: bool) -> bool:
    """Not a modifier ("Afghanistan's commission", "US forces"), not inside the source."""
    root = place.root
    if root.i in source_toks:
        return False
    if _town_of_a_part(root):
        return True  # "a vigil in Dunmore's market square" was held in Dunmore
    if any(c.dep_ == "case" for c in root.children):
        return False
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return False  # "samples taken by Clearwater Tarvane": who took them
    if root.dep_ in {"compound", "poss", "amod", "nmod"} and site_of(place) is None:
        return False
    if place.end < len(place.doc) and place.doc[place.end].text in {"'s", "’s"}:
        return False
    if place.text.split()[-1].lower() in _BODY_WORDS:  # "the Civic Union", "Renewal Front"
        return False
    if _titled(place):  # "Dr Imke Varley", which the recogniser may take for a place
        return False
    if _journey_end(root):
        return False
    return not (strict and _a_subject(root))


def _town_of_a_part(root: Any) -> bool:
    """The place owns a part of a town that a preposition of place leads to ("in Dunmore's
    market square", "across Sarvel's old town")."""
    part = root.head
    return (
        root.dep_ == "poss"
        and part.dep_ == "pobj"
        and part.head.lower_ in LOCATIVE
        and _TOWN_PART.match(" " + part.text) is not None
    )


def _titled(place: Any) -> bool:
    """A name after a personal title ("Dr", "Mr", "General"): a person, not a place."""
    before = place.doc[place.start - 1] if place.start > 0 else None
    return before is not None and before.lower_.rstrip(".") in lexicon.TITLES


def site_of(place: Any) -> Any | None:
    """The site a place name stands in front of, when a preposition of place leads to it:
    "at the Marrisford weir", "near the Corrow Deep mine", "at the Marrisford weir sampling
    point" (not "US forces", "Afghanistan's commission", "the Tolberg plant's owners")."""
    root = place.root
    if root.dep_ != "compound":
        return None
    site, head = None, root.head
    while True:
        if site is None and head.lemma_.lower() in SITE_NOUNS:
            site = head
        if head.dep_ not in {"compound", "nmod"} or head.head.i == head.i:
            break
        head = head.head
    at = head.dep_ == "pobj" and head.head.lower_ in _AT
    return site if at and site is not None and site.i - place.end <= 1 else None


_AT = frozenset(["at", "near", "outside", "from", "below", "above", "by"])


def _with_site(place: Any) -> str:
    """The place as a where: "Marrisford weir" for a site, else the bare name."""
    site = site_of(place)
    name = _bare(place.text)
    return f"{name} {site.lower_}" if site is not None else name


_JOURNEYS = frozenset(
    [
        *("head", "sail", "travel", "fly", "steam", "bind", "bound", "depart", "leave"),
        *("return", "carry", "ship", "transport", "deliver", "export", "bring"),
    ]
)


def _journey_end(token: Any) -> bool:
    """Where a thing comes from or goes to ("flight NR 318 from the capital Talvik", "the
    ferry to Ostrel", "the tanker was heading to Port Edda"): not where the count was made."""
    while token.dep_ == "appos" and token.head.i != token.i:  # "the capital Talvik"
        token = token.head
    for _ in range(3):  # "carrying crude to the refinery at Port Edda": up through "at"
        prep = token.head
        if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == token.i:
            return False
        if prep.lower_ in {"from", "to", "for"}:
            if prep.head.pos_ in {"NOUN", "PROPN"}:
                return bool(prep.lower_ != "for")
            return bool(prep.head.lemma_.lower() in _JOURNEYS)  # "heading to Port Edda"
        token = prep.head
    return False


_BODY_WORDS = frozenset(
    ["party", "front", "alliance", "league", "movement", "coalition", "union", "bloc"]
)
"""The last words of a political or civic body's name: the model tags some as places."""


def _a_subject(token: Any) -> bool:
    """The subject of its clause, or joined to it ("Washington and London lashed out"): a
    place that acts stands for its government, not for where things happen."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def _is_locative(place: Any) -> bool:
    """Reached from "in/at/near/across..." through "of" phrases ("in the town of X")."""
    tok = place.root
    for _ in range(5):
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in LOCATIVE:
            return True
        if tok.dep_ == "pobj" and head.lower_ == "of":
            tok = head.head
        elif tok.dep_ in {"appos", "conj"} and head.i != tok.i:
            tok = head
        else:
            return False
    return False


_PART_WORDS = frozenset({"most", "many", "some", "half", "all", "several", "majority"})


def _of_a_part(place: Any) -> bool:
    """A place that says where part of a count is ("40,000 people were forced from their
    homes, most of them in Lower Askel province", "most of them from Kelbrook and the hamlets
    around Fennick"), not where the whole count is."""
    for prep in list(place.root.ancestors)[:5]:
        if prep.dep_ == "prep" and prep.head.lower_ in _PART_WORDS:
            return True
    return False


def _of_another_figure(phrase: Any, anchor: Any) -> bool:
    """A scope word in the phrase another figure is "of" ("fines of 48 million euros or 4
    percent of worldwide turnover": the turnover is worldwide, not the fine)."""
    noun = phrase.root.head if phrase.root.dep_ == "amod" else None
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    figure = noun.head.head
    numbered = figure.like_num or any(c.like_num for c in figure.children)
    return numbered and figure.i != anchor.i and figure.i != anchor.head.i


def place_of(
    context: Context, index: int, sentence: Any, anchor: Any, source_toks: frozenset[int]
) -> tuple[str | None, str | None]:
    """The nearest place in the sentence, else the last one in the sentences just before that
    is the scene of its sentence (see :func:`_scene`), or any place there when the sentence
    points back to one with "there" (see :func:`_points_back`)."""
    span = context.spans[index]
    places = [
        p
        for p in _places_in(context, span, sentence)
        if _usable_place(p, source_toks, strict=False)
    ]
    places = [
        p
        for p in places
        if not _describes_a_place(p, places)
        and not _holds_a_place(p, places)
        and not _of_a_part(p)
        and not _where_said(p, anchor)
        and not _where_it_began(p, anchor)
    ]
    nationals = [n for n in _nationals_in(sentence) if not _of_another_figure(n, anchor)]
    nationals += _nationally(anchor)
    places = [
        p for p in places if not any(n.start <= p.start and p.end <= n.end for n in nationals)
    ]
    if places or nationals:
        best = min(
            [*places, *nationals],
            key=lambda p: (
                _apart(p, anchor),
                not (p in nationals or _is_locative(p)),
                abs(p.root.i - anchor.i),
            ),
        )
        if best in nationals:
            return _with_site(best), "scope"  # "across the province": the whole of it
        return _unled(_with_partner(best, places)), "sentence"
    if _in_the_capital(sentence, anchor):
        return "the capital", "sentence"  # a story's other articles may name it (conflicts)
    back = _points_back(sentence)
    for earlier, earlier_span in _earlier_sentences(context, index, sentence):
        source = attribution(earlier, earlier_span, earlier.root)[1]
        places = [
            p
            for p in _places_in(context, earlier_span, earlier)
            if _usable_place(p, source, strict=True)
            and (back or _scene(p))
            and not _site_only(context, p)
        ]
        if places:
            best = max(places, key=lambda p: (_is_locative(p), p.start))
            return _unled(_with_site(best)), "context"
    return None, None


_LEADING_PREPOSITION = re.compile(
    r"^(?:In|At|On|From|Across|Throughout|Near|Around|Outside|Inside|Within|Beyond)\s+(?=[A-Z])"
)


def _unled(name: str) -> str:
    """A place's name without a preposition the recogniser took into it (user trial 79);
    "The Hague" keeps its article.

    >>> _unled("Across Kellin"), _unled("The Hague"), _unled("Inverness")
    ('Kellin', 'The Hague', 'Inverness')
    """
    return _LEADING_PREPOSITION.sub("", name)


def _with_partner(place: Any, places: list[Any]) -> str:
    """A place and the place it is joined to by "and", as one scene ("in Marrowby and
    Ostwick": both, whichever is nearer the number)."""
    for other in places:
        first, second = sorted((place, other), key=lambda p: p.start)
        between = first.doc[first.end : second.start]
        if other is not place and len(between) == 1 and between[0].lower_ == "and":
            return f"{_with_site(first)} and {_with_site(second)}"
    return _with_site(place)


def _where_said(place: Any, anchor: Any) -> bool:
    """The place where a figure was given, not where it counts: "the governor told reporters
    at the crisis centre in Teslin that 19 people had died" (in the reported clause), "4.2
    million people need food aid, the agency said at the launch in the capital" (a cue after
    the figure's clause)."""
    verb = next((t for t in place.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() not in SPEECH or place.start < verb.i:
        return False  # "In Harlow, the operator said ...": a scene set before the verb
    clause = next((t for t in anchor.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if clause is None or clause.i == verb.i:
        return False
    trailing = verb.head.i == clause.i and verb.i > anchor.i  # "..., the agency said at the
    return trailing or verb in clause.ancestors  # launch in the capital, Merav"


def _describes_a_place(place: Any, places: list[Any]) -> bool:
    """The place is inside an apposition to another place ("Lashkar Gah, the capital of
    Helmand province"): it says where that place is, and the other one is the scene."""
    others = [q for q in places if q is not place]
    roots = {q.root.i for q in others}
    ends = {q.end - 1 for q in others}
    return any(
        t.dep_ == "appos" and (t.head.i in roots or _follows(t, ends))
        for t in (place.root, *place.root.ancestors)
    )


def _in_the_capital(sentence: Any, anchor: Any) -> bool:
    """The sentence sets its scene "in the capital" without naming it: a place of its own, not
    the place of the sentences before ("... 44.2C in Ostrany. In the capital, the thermometer
    peaked at 41.3C"); not where the figure was given ("said at the launch in the capital")."""
    return any(
        t.lower_ == "capital"
        and t.dep_ == "pobj"
        and t.head.lower_ in LOCATIVE
        and any(c.lower_ == "the" for c in t.children)
        and not _where_said(sentence.doc[t.i : t.i + 1], anchor)
        for t in sentence
    )


def _holds_a_place(place: Any, places: list[Any]) -> bool:
    """The place says where another place of the sentence lies ("through the Orrin Valley in
    the Serrat Hills"): the other, nearer one is the scene."""
    prep = place.root.head
    if place.root.dep_ != "pobj" or prep.lower_ not in {"in", "within"}:
        return False
    return any(q is not place and q.start <= prep.head.i < q.end for q in places)


def _where_it_began(place: Any, anchor: Any) -> bool:
    """The place is in a "since" clause that dates the figure ("has burned 1,500 hectares since
    it broke out near Ashtane"): where it began, not where the figure counts."""
    clause = next((t for t in place.root.ancestors if t.dep_ == "advcl"), None)
    return (
        clause is not None
        and any(c.dep_ == "mark" and c.lower_ == "since" for c in clause.children)
        and anchor not in clause.subtree
    )


def _follows(apposition: Any, ends: set[int]) -> bool:
    """The apposition comes right after one of ``ends`` and a comma ("X, the capital of Y"):
    the parser may hang it on the word X belongs to rather than on X."""
    first = apposition.left_edge.i
    return first >= 2 and apposition.doc[first - 1].text == "," and first - 2 in ends


def _scene(place: Any) -> bool:
    """The place is where the events of its sentence happen, so a later sentence may take it:
    not a place given in passing inside a clause that describes a noun ("the recall covers
    jars filled at the company's plant in Tarnby": where the jars were filled, which says
    nothing of where shares fell in the next sentence)."""
    return not any(t.dep_ in {"acl", "relcl"} for t in place.root.ancestors)


def _points_back(sentence: Any) -> bool:
    """The sentence says "there" of a place ("the insurgents carried out revenge killings
    there"), not "there is/are": it names a place of the text before it, whichever clause
    named it ("in the town of Spin Boldak, which the insurgents captured ..."). The usual
    choice then picks it: a place reached by "in/at/near..." first, else the last one."""
    return any(t.lower_ == "there" and t.dep_ == "advmod" for t in sentence)


def _nationals_in(sentence: Any) -> list[Any]:
    """The national scope phrases of a sentence ("nationwide", "across the country") as spans."""
    found = (
        sentence.doc.char_span(sentence.start_char + m.start(), sentence.start_char + m.end())
        for m in NATIONAL.finditer(sentence.text)
    )
    return [p for p in found if p is not None]


def _nationally(anchor: Any) -> list[Any]:
    """ "nationally" right on the figure ("9.2 percent in Kessa, against 8.4 percent
    nationally"), as a span: the whole country, whatever place the sentence names."""
    head = anchor.head if anchor.dep_ == "nummod" else anchor
    return [anchor.doc[c.i : c.i + 1] for c in head.children if c.lower_ == "nationally"]


def _apart(place: Any, anchor: Any) -> bool:
    """Punctuation stands between a place and the number: "arrested nationwide, 47 of them in
    Tarvik" puts 47 in Tarvik, not nationwide."""
    lo, hi = sorted((place.start, anchor.i))
    return any(t.is_punct for t in anchor.doc[lo:hi] if t.i < place.start or t.i >= place.end)


def _earlier_sentences(context: Context, index: int, sentence: Any) -> Iterator[tuple[Any, Any]]:
    """Sentences before ``sentence`` in its paragraph, then in the paragraph before, last first."""
    span = context.spans[index]
    before = [s for s in span.sents if s.end <= sentence.start]
    for sent in reversed(before):
        yield clip(span, sent), span
    if index > 0 and not _opens_an_entry(context, index):
        prev_span = span_of(context, index - 1)
        for sent in reversed(list(prev_span.sents)):
            yield clip(prev_span, sent), prev_span


_ENTRY_START = re.compile(rf"(?:{ENTRY_STAMP})(?:\s+[-–—|])?(?:\s+(?=[A-Z])|\s*$)", re.I)


def _opens_an_entry(context: Context, index: int) -> bool:
    """The paragraph opens a live page's entry ("09:20 The observatory says ..."), or follows
    its stamp ("10:42" on a line of its own, or a heading): the paragraph before is another
    entry, whose places are not this one's."""
    text = context.article.text
    own, before = context.body[index], context.body[index - 1]
    if _ENTRY_START.match(text, own.start):
        return True
    line = text[before.start : before.end].strip()
    return before.kind is ParagraphKind.HEADING or _ENTRY_START.fullmatch(line) is not None


def clip(span: Any, sent: Any) -> Any:
    """A sentence cut to the paragraph span it belongs to."""
    return span.doc[max(sent.start, span.start) : min(sent.end, span.end)]


_AGE = re.compile(r"(?i)(?:under|over|aged?|below|above)\s+\d+$|\d+[- ]years?[- ]old$")
"""An age the entity model tags as a date: "children under 16", "aged 70", "a 12-year-old"."""


def _is_age(ent: Any) -> bool:
    """ "under 16", "aged 65 and over", "residents over 70": an age, not a date."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    bare = ent.text.isdigit() and before in _AGE_WORDS
    return bare or bool(_AGE.match(ent.text))


_AGE_WORDS = frozenset(["aged", "age", "ages", "under", "over", "above", "below"])


def time_of(
    sentence: Any, run: Run, offset: int, text: str, source_toks: frozenset[int] = frozenset()
) -> str | None:
    """The time expression of the sentence: a rate ("400 million krona a year") first, then
    periods ("in the last 24 hours", "since the unrest began on May 3"), then the nearest time
    in the number's own clause. A time inside the source and outside the number's own clause
    ("Civic Watch, which has counted the dead since May 3, said ...") dates the source."""
    if (rate := _rate(sentence, run)) is not None:
        return text[rate.start_char + offset : rate.end_char + offset]
    anchor = sentence.doc[run.end - 1]
    clause = clause_of(anchor)
    if (since := _since_event(sentence, clause)) is not None:
        return text[since[0] + offset : since[1] + offset]
    ents = [
        e
        for e in _time_ents(sentence)
        if not (e.start <= run.start < e.end)
        and not (any(t.i in source_toks for t in e) and clause_of(e.root) != clause)
        and not _describes_a_noun(e.root, anchor)
        and not _since_a_noun(e.root, anchor)
        and not _names_a_year_of(e, clause)
        and not (_possessive(e) and not _owns_the_count(e, anchor))
        and not _dates_a_comparison(e, anchor)
        and not _is_age(e)
        and not _no_time(e)
        and not _occasion(e)
        and not _ends_it(e, anchor)
    ]
    if not ents:
        if (earlier := _that_time(sentence)) is not None:
            return text[earlier.start_char + offset : earlier.end_char + offset]
        return _day_part(sentence, clause, offset, text)

    def rank(ent: Any) -> tuple[bool, bool, bool, int, bool]:
        words = {t.lower_ for t in ent} | {ent.doc[max(ent.start - 1, 0)].lower_}
        since = _since_clause(ent, anchor)
        return (
            not _dates_the_figure(ent, anchor),  # "down from 8 km on Monday morning"
            clause_of(ent.root if since is None else since.head) != clause,
            not (words & _PERIOD_WORDS or since is not None),
            abs(ent.start - run.start),
            ent.start < run.start,
        )

    best = min(ents, key=rank)
    back = _POINTS_BACK.fullmatch(best.text)
    if back and (earlier := _earlier_date(sentence, back.group("unit").lower())) is not None:
        return text[earlier.start_char + offset : earlier.end_char + offset]  # "That year"
    start, end = best.start_char, best.end_char
    before = best.doc[best.start - 1] if best.start > sentence.start else None
    if before is not None and before.lower_ == "since" and _when_of(best, anchor):
        return text[start + offset : end + offset]  # "since 1998, when 14 died": in 1998
    if before is not None and before.lower_ == "between":  # "between 2017 and 2023"
        second = next((e for e in sentence.ents if e.start == best.end + 1), None)
        if second is not None and best.doc[best.end].lower_ == "and":
            end = second.end_char
    if (since := _since_clause(best, anchor)) is not None:
        start = since.left_edge.idx  # "since the unrest began on May 3"
    elif before is not None and (before.lower_ in _TIME_PREPS or before.lower_ == "between"):
        start = before.idx
    return text[start + offset : end + offset]


_OCCASIONS = _words(
    "battle attack assault offensive siege war fighting clashes raid bombing blast explosion "
    "flood floods storm quake earthquake disaster fire crash incident uprising year"
)


def _that_time(sentence: Any) -> Any | None:
    """The time of the sentence before, when this one points back to what it told ("In 2019
    militants held the Old Bazaar ... Sixty-four soldiers were killed in that battle"): its
    only date, if it names one."""
    back = any(
        t.lower_ == "that"
        and t.dep_ == "det"
        and t.head.lower_ in _OCCASIONS
        and t.head.dep_ == "pobj"
        and t.head.head.lower_ in {"in", "during"}
        for t in sentence
    )
    return _earlier_date(sentence) if back else None


def _earlier_date(sentence: Any, unit: str = "year") -> Any | None:
    """The only calendar date of the sentence before (not "for nine days") that is as fine as
    ``unit`` ("that day" is no year: "... the contract since 2019. Around 380 meals were
    served that day": user trial 168), or None."""
    if sentence.start == 0:
        return None
    fine = _CALENDAR if unit == "year" else _DAY_DATE if unit in {"day", "week"} else _MONTHS
    dates = [
        e
        for e in _time_ents(sentence.doc[sentence.start - 1].sent)
        if e.label_ == "DATE" and _CALENDAR.search(e.text)
    ]
    return dates[0] if len(dates) == 1 and fine.search(dates[0].text) else None


_POINTS_BACK = re.compile(r"(?i:that|the same)\s+(?P<unit>year|month|week|day)")
"""A time that points back to the sentence before ("In 2022 alone, 17 babies died ... That
year its rate hit 9.1": in 2022; user trial 131)."""


_CALENDAR = re.compile(rf"\b(?:(?:19|20)\d\d|{'|'.join(sorted(DAYS | MONTHS))})\b", re.I)
_MONTHS = re.compile(rf"\b(?:{'|'.join(sorted(MONTHS))})\b", re.I)
_DAY_DATE = re.compile(
    rf"\b(?:{'|'.join(sorted(DAYS))})\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(sorted(MONTHS))})\b"
    rf"|\b(?:{'|'.join(sorted(MONTHS))})\s+\d{{1,2}}\b",
    re.I,
)


_DAY_PARTS = frozenset(
    ["morning", "afternoon", "evening", "night", "midnight", "noon", "dawn", "dusk", "overnight"]
)


_DAY_PART_PHRASE = re.compile(
    r"\b(?:(?:by|in|during|late in|early in|at|on)\s+the\s+)(?:morning|afternoon|evening|night)\b"
    r"|\b(?:overnight|at midday|at noon|at midnight|at dawn|at dusk|tonight)\b"
    r"|\bin (?:early|morning|afternoon|late) trad(?:ing|e)\b"  # "fell 6.2% in early trading"
    r"|\bby the time (?:the |a |an )?\w+ (?:had )?\w+ed\b"  # "by the time the leaders finished"
    # "40 firefighters had been at the scene at the height of the incident" (user trial 165)
    r"|\bat (?:the|its) (?:height|peak)(?: of the \w+)?\b"
    r"|\bat the (?:[\w.:]+\s+)?(?:start|finish|outset)\b",  # "a mild 12 degrees at the 8.30am
    # start" (user trial 136: a start's and a finish's temperature were one reading)
    re.I,
)


def _when_of(ent: Any, anchor: Any) -> bool:
    """The number is in a "when" clause that tells what happened at the time ``ent`` names
    ("the deadliest since 1998, when 14 people died": 14 died in 1998)."""
    clause = next((t for t in anchor.ancestors if t.dep_ == "relcl"), None)
    return (
        clause is not None
        and ent.start <= clause.head.i < ent.end
        and any(c.lower_ == "when" for c in clause.children)
    )


def _day_part(sentence: Any, clause: Any, offset: int, text: str) -> str | None:
    """A part of the day the entity model did not tag, in the number's own clause: "about
    4,000 people had gathered by the evening" ("by the evening")."""
    for found in _DAY_PART_PHRASE.finditer(sentence.text):
        start = sentence.start_char + found.start()
        token = sentence.doc.char_span(start, start + len(found.group(0).split()[0]))
        if token is not None and clause_of(token.root) == clause:
            return text[start + offset : start + offset + len(found.group(0))]
    return None


def _time_ents(sentence: Any) -> list[Any]:
    """The DATE and TIME entities of a sentence, a day and the part of it that follows as one
    ("Thursday morning", "Wednesday night": the model tags the day a DATE, the part a TIME),
    and a part of a day before "on" and its day ("mid-morning on Tuesday")."""
    from spacy.tokens import Span as SpacySpan

    found: list[Any] = []
    for ent in sentence.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        last = found[-1] if found else None
        if last is not None and last.end == ent.start and ent.root.lower_ in _DAY_PARTS:
            found[-1] = SpacySpan(ent.doc, last.start, ent.end, label=last.label_)
        elif last is not None and _part_on_day(last, ent):  # "mid-morning on Tuesday"
            found[-1] = SpacySpan(ent.doc, last.start, ent.end, label=ent.label_)
        else:
            found.append(ent)
    return found


def _occasion(ent: Any) -> bool:
    """A time after "for" named by a common noun that is no unit of time, part of a day or
    season says what for, not when or how long: "heading home for the spring holidays" (not
    "for three days", "for the weekend", "for the summer", "for Christmas Eve")."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    root = ent.root
    return (
        before == "for"
        and root.pos_ == "NOUN"
        and root.lemma_.lower() not in TIME_UNITS | _DAY_PARTS | _SEASONS
        and not any(t.like_num for t in ent)
    )


_SEASONS = frozenset(["spring", "summer", "autumn", "fall", "winter"])


def _part_on_day(part: Any, day: Any) -> bool:
    """A part of a day or a clock time, then "on" and the day: one time ("by mid-morning on
    Tuesday", "at 9pm on Tuesday", "at its evening briefing on Monday")."""
    between = [t.lower_ for t in part.doc[part.end : day.start]]
    clock = any(_CLOCK_TIME.fullmatch(t.lower_) for t in part)
    if between[:1] and part.doc[part.end].lemma_.lower() in _UPDATES:
        between = between[1:]  # "at its evening briefing on Monday"
    return (
        between == ["on"]
        and part.label_ == "TIME"
        and day.label_ == "DATE"
        and (clock or any(w in t.lower_ for t in part for w in _DAY_PARTS))
    )


_CLOCK_TIME = re.compile(r"\d{1,2}(?:[:.]\d\d)?(?:am|pm|a\.m\.|p\.m\.)?|am|pm|a\.m\.|p\.m\.")


def _no_time(ent: Any) -> bool:
    """A "date" the entity model finds that says no time: a bare number ("The People's
    Alliance won 57"), or a length of time describing a thing ("after a 12-hour debate")."""
    words = [t for t in ent if not t.is_punct]
    if len(words) == 1 and _count_word(words[0].text):
        return True  # "won 57", "a median age of 49.2"
    if _named_count(words) or _name_for_a_date(words):
        return True
    root = ent.root
    if root.lower_ in _DAY_PARTS and root.head.lemma_.lower() in _UPDATES:
        return False  # "the agency's evening update put the area at 58 km2": when it stood
    return bool(
        root.dep_ in {"amod", "compound", "nmod"}
        and root.head.pos_ == "NOUN"
        and root.head.lower_ not in TIME_UNITS | _DAY_PARTS
        and not (ent.start <= root.head.i < ent.end)
    )


def _name_for_a_date(words: list[Any]) -> bool:
    """A place or a name the model tags as a date ("Kerrow", user trial 152): proper nouns
    only, with no digit, no day, month or season and no feast day in them."""
    return bool(words) and all(
        t.pos_ == "PROPN"
        and not any(c.isdigit() for c in t.text)
        and t.lower_ not in DAYS | MONTHS | _SEASONS | _FEASTS
        for t in words
    )


_FEASTS = frozenset(["christmas", "easter", "ramadan", "eid", "hanukkah", "diwali", "passover"])
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"\d{4}")


def _count_word(text: str) -> bool:
    """Digits that make a count, not a year: "57", "49.2" (not "2026")."""
    return bool(_PLAIN_NUMBER.fullmatch(text)) and not _YEAR.fullmatch(text)


def _named_count(words: list[Any]) -> bool:
    """A name and a number that is no year, no day and no month: an item of a list of counts
    ("Holtbrook 41, Tarnby 38 and Gransvik 27"), not a date."""
    return (
        len(words) == 2
        and words[0].pos_ == "PROPN"
        and words[0].lower_ not in DAYS | MONTHS
        and words[1].text.isdigit()
        and _count_word(words[1].text)
    )


_UPDATES = frozenset(
    ["update", "briefing", "bulletin", "report", "statement", "count", "estimate", "tally"]
)


def _since_clause(ent: Any, anchor: Any) -> Any | None:
    """The verb of a clause opened by "since" that holds the time and says from when the
    number's clause runs ("23 people have died since the unrest began on May 3"): the count
    is a running total. Not a clause that holds the number itself, nor one that qualifies a
    noun ("the biggest protest since ..."). None otherwise."""
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.dep_ != "advcl" or verb.left_edge.lower_ != "since":
        return None
    if verb.head.pos_ not in {"VERB", "AUX"} or verb.left_edge.i <= anchor.i <= verb.right_edge.i:
        return None
    marked = any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)
    return verb if marked and verb.left_edge.i < ent.start else None


def _ends_it(ent: Any, anchor: Any) -> bool:
    """A time in a clause opened by "before" or "until" that does not hold the number dates
    the end of what the figure sums up, not the figure: "cost 3.4 billion crowns before it was
    abandoned last year" is the same total as "cost 3.7bn crowns before it was scrapped" (user
    trial 147)."""
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.dep_ != "advcl" or verb.left_edge.i <= anchor.i <= verb.right_edge.i:
        return False
    return any(c.dep_ == "mark" and c.lower_ in {"before", "until"} for c in verb.children)


def _rate(sentence: Any, run: Run) -> Any | None:
    """ "a year" in "400 million krona a year": a rate per unit of time right after the
    number and its noun."""
    doc = sentence.doc
    end = min(run.end + 4, sentence.end)
    for i in range(run.end, end - 1):
        if doc[i].is_punct:
            return None
        if doc[i].lower_ in _RATE_WORDS and doc[i + 1].lower_ in TIME_UNITS - _UNIT_TIMES:
            return doc[i : i + 2]
        if [t.lower_ for t in doc[i : i + 4]] == ["in", "each", "of", "the"]:
            return _each_of(doc, i, sentence.end)  # "4.5 percent in each of the next two years"
    return None


def _each_of(doc: Any, start: int, end: int) -> Any | None:
    """ "in each of the next two years" from ``start`` (its "in"), when a plural unit of time
    ends it within three words of "the"."""
    for j in range(start + 4, min(start + 7, end)):
        if doc[j].lower_ in TIME_UNITS and doc[j].lower_.endswith("s"):
            return doc[start : j + 1]
    return None


_UNIT_TIMES = frozenset(["second", "seconds", "minute", "minutes"])  # "600 cubic metres a
# second" is a flow's unit, not a rate of a count: no period of the figure


def _since_event(sentence: Any, clause: int) -> tuple[int, int] | None:
    """The character range of "since the ammonia leak" in the number's own clause: a running
    total counted from an event, not from a date ("since Tuesday" is a date the time entities
    give)."""
    for tok in sentence:
        if tok.lower_ != "since" or tok.dep_ != "prep" or clause_of(tok) != clause:
            continue
        objects = [c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        if objects and not any(t.ent_type_ in {"DATE", "TIME"} for t in tok.subtree):
            end = max(t.idx + len(t) for t in objects[0].subtree)
            return int(tok.idx), int(end)
    return None


def _dates_a_comparison(ent: Any, anchor: Any) -> bool:
    """The time belongs to a figure compared with ("up from 31 percent in 2022") or to a
    superlative ("the highest since 2010", "the worst rail disaster in more than a decade"),
    and the number is not in that phrase: it dates the earlier figure or the record, not this
    count."""
    for tok in ent.root.ancestors:
        if tok.dep_ != "prep":
            continue
        compared = tok.lower_ in {"from", "than"} and tok.head.lower_ in {"up", "down", "more"}
        record = tok.lower_ in {"since", "in", "for"} and (
            _superlative(tok.head) or _said_of_a_superlative(tok.head)
        )
        if compared or record:
            return anchor.i not in {t.i for t in tok.head.subtree}
    return False


def _superlative(token: Any) -> bool:
    """ "the highest", or a noun a superlative describes ("the worst rail disaster", "the most
    powerful storm")."""
    if token.tag_ in {"JJS", "RBS"}:
        return True
    if token.pos_ != "NOUN":
        return False
    most = (c for c in token.children if c.dep_ == "amod" for c in c.children)
    return any(c.tag_ in {"JJS", "RBS"} for c in (*token.children, *most))


def _said_of_a_superlative(verb: Any) -> bool:
    """The verb of an infinitive that says what a superlative did: "the strongest cyclone to
    hit the province since 2009", "the most powerful storm to strike Ketari in 17 years"."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    noun = subject if subject is not None else (verb.head if verb.dep_ == "relcl" else None)
    return noun is not None and _superlative(noun)


def _possessive(ent: Any) -> bool:
    """ "Tuesday's earthquake": the day dates the noun it owns, not what a number counts."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.dep_ == "case" and after.lower_ in {"'s", "’s"}


def _owns_the_count(ent: Any, anchor: Any) -> bool:
    """The day owns what the figure counts: "put Saturday's evacuations at about 130 people"
    (the estimate's object), "Saturday's 130 arrivals" (user trial 112)."""
    owned = ent.root.head
    noun = anchor.head if anchor.dep_ == "nummod" else anchor
    if owned.i == noun.i:
        return True
    prep = noun.head
    return bool(
        noun.dep_ == "pobj"
        and prep.lower_ == "at"
        and owned.dep_ == "dobj"
        and owned.head.i == prep.head.i
    )


def _dates_the_figure(ent: Any, anchor: Any) -> bool:
    """The time hangs on the figure itself ("down from 8 km on Monday morning": "on" hangs
    on "km"), whatever other time its clause names ("this morning")."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    owner = prep.head
    if owner.dep_ == "acl" and owner.tag_ == "VBN":  # "the record of 6.9 metres set in 1987"
        owner = owner.head  # (user trial 124)
    return owner.i in {anchor.i, anchor.head.i}


def _names_a_year_of(ent: Any, clause: int) -> bool:
    """A year that is part of a noun in another clause ("found the utility liable for the 2022
    Sorrel Creek Fire, awarding damages to the 1,312 plaintiffs"): it names the fire, not when
    the plaintiffs were counted."""
    root = ent.root
    return (
        re.fullmatch(r"(?:19|20)\d\d", ent.text) is not None
        and root.dep_ in {"nummod", "compound", "amod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and root.head.i >= ent.end
        and clause_of(root) != clause
    )


def _describes_a_noun(token: Any, anchor: Any) -> bool:
    """The token sits in a clause set off by commas that describes a noun in passing ("the
    plant, which opened in 1964,"; "the brewery, founded in 2009,") and the number does not:
    that time dates the noun, not what the number counts. A clause that says which things
    are meant ("the number of people arrested since Tuesday") dates them."""
    for tok in token.ancestors:
        if tok.dep_ in {"relcl", "acl"} and tok.pos_ in {"VERB", "AUX"}:
            start = tok.left_edge.i
            aside = start > 0 and tok.doc[start - 1].text == ","
            return aside and anchor.i not in {t.i for t in tok.subtree}
    return False


def _since_a_noun(token: Any, anchor: Any) -> bool:
    """The token dates a noun that a "since" phrase after a noun measures against ("their
    first strike since a one-day stoppage in November 2024, closing 97 schools": user trial
    164), not the number's own count; "since May 3" itself is a period and stays one, and so
    does "Since a first flash appeal in January, donors have provided $410m"."""
    noun = None
    for tok in token.ancestors:
        if tok.dep_ == "prep" and tok.lower_ == "since":
            after_noun = tok.i > 0 and tok.doc[tok.i - 1].pos_ == "NOUN"  # "strike since"
            return after_noun and noun is not None and anchor.i not in {t.i for t in tok.subtree}
        if tok.pos_ == "NOUN" and noun is None:
            noun = tok
        if tok.pos_ in {"VERB", "AUX"}:
            return False
    return False


def clause_of(token: Any) -> int:
    """The index of the verb whose clause holds ``token`` ("two workers died in a fire on
    Monday": "died", for both "two" and "Monday")."""
    for tok in [token, *token.ancestors]:
        if tok.pos_ in {"VERB", "AUX"}:
            return int(tok.i)
    return -1
