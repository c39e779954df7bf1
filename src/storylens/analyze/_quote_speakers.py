"""Speakers for :mod:`storylens.analyze.quotes`: antecedents in text order, and resolution.

:class:`_Speakers` keeps the candidates of one article (subjects of cue verbs, PERSON names and
titled names outside quotes) in text order; :func:`_resolve` turns the speaker phrase of one
quote into a canonical speaker: a pronoun, an elliptic "another" or a definite description
("the mission") is resolved against the candidates before it, a name loses its description
and a lone surname becomes the full name. The rules are described in
:mod:`storylens.analyze.quotes`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from storylens import lexicon
from storylens.analyze._num_words import PLACE_NOUNS
from storylens.analyze._quote_context import _name_cues_masked, _Parsed
from storylens.analyze._source_kinds import PERSON_KINDS, SOURCE_NOUNS
from storylens.analyze.speakers import (
    CUE_WORDS,
    OTHER_GENDER,
    Candidate,
    canonical_name,
    drop_description,
    fold_surname,
    gender_in,
    head_word,
    is_definite_description,
    is_elliptic,
    is_kin,
    is_the_name,
    name_descriptions,
    named_in_apposition,
    only_named,
    pronoun_kind,
    speaker_tokens,
    subject_of,
    titled_names,
)

_MAX_PHRASE_WORDS = 12
_NAME_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "poss", "ROOT", "pobj"})
_MARKUP_RE = re.compile(r"[<>{}=\\]")


@dataclass(frozen=True, slots=True)
class _Found:
    """A speaker found for one quote, before it becomes a QuoteMention."""

    speaker: str | None
    span: tuple[int, int] | None
    rule: str
    features: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------------------
# Speakers: candidates (antecedents) and resolution
# ----------------------------------------------------------------------------------------


def _inside(pos: int, regions: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


def _markup(text: str, a: int, b: int) -> bool:
    """True when the words at [a, b) are markup or code, not a speaker: "<script" in
    "<script>alert(...)", "onerror" in "onerror=alert(...)" (the characters right around the
    words count).

    >>> _markup("<script>alert(1)", 1, 7), _markup("Ana Diaz said", 0, 8)
    (True, False)
    """
    return bool(_MARKUP_RE.search(text, max(0, a - 1), min(len(text), b + 1)))


def _misparsed(verb: Any, subject: Any) -> bool:
    """A place parsed as the subject of the participle itself ("rooftops of Herat shouting")
    is a misparse; a place that is the subject of the clause the participle hangs from
    ("Washington and London lashed out ..., accusing") speaks for its government."""
    return bool(
        verb.tag_ == "VBG"
        and subject.ent_type_ in {"GPE", "LOC", "FAC"}
        and subject.head.i == verb.i
    )


def _titled_name(subject: Any) -> bool:
    """A name of two words or more right after a role or a title ("Authority spokesperson
    Rurik Haldane", "coach Hanne Brisbo"): a person, even when the entity model calls it an
    organisation."""
    if subject.pos_ != "PROPN":
        return False
    start = subject.i
    while start > 0 and subject.doc[start - 1].pos_ == "PROPN":
        start -= 1
    before = subject.doc[start - 1] if start > 0 else None
    roles = lexicon.PERSON_ROLES | lexicon.TITLES
    if subject.i == start or before is None:
        return False
    word = str(before.lemma_ or before.lower_).lower()  # quotes parse without lemmas
    return before.lower_ in roles or _person_noun(word) or _person_word(word)
    # "SMD chief forecaster Nadira Pellow": an agent noun is a role too


def _described_as_person(subject: Any) -> bool:
    """True when the phrase itself says the name is a person's: a relative clause opened by
    "who" ("Priya, who was standing near the front,"), an apposition naming a person ("Aoife,
    a season-ticket holder,") or an age ("Tesar, 68,"). The entity model often misses a lone
    first name or an unfamiliar surname."""
    for child in subject.children:
        if child.dep_ == "relcl" and any(
            t.lower_ in {"who", "whom", "whose"} for t in child.subtree if t.i < child.i
        ):
            return True
        if child.dep_ == "appos" and child.text.isdigit() and 0 < int(child.text) < 120:
            return True  # an age: "Tesar, 68,"
        if child.dep_ == "appos" and not child.ent_type_ and _person_noun(child.lemma_):
            return True
        if child.dep_ == "appos" and not child.ent_type_ and _person_word(child.lemma_.lower()):
            return True  # "Ilse Varga, a hydrologist, said", tagged an organisation
        if (
            child.dep_ == "compound"
            and child.i < subject.i
            and child.text.islower()
            and (_person_noun(child.lemma_) or _person_word(child.lemma_.lower()))
        ):
            return True  # "chief executive Rolf Idstad said", tagged an organisation
            # (user trial 123)
    # "The opposition's finance spokesman, Gregor Lunde, said": named after a person noun
    return subject.dep_ == "appos" and _person_noun(subject.head.lemma_)


def _person_noun(lemma: str) -> bool:
    """A noun for a person: a role ("coach"), a source that is a person ("spokesman",
    "resident", "doctor"; not an institution such as "ministry"), or a "...holder"."""
    noun = lemma.lower()
    if noun in lexicon.PERSON_ROLES or noun.endswith("holder"):
        return True
    kind = SOURCE_NOUNS.get(noun)
    return kind in PERSON_KINDS or (kind == "government" and noun not in lexicon.ORG_NOUNS)


_THINGS_THAT_SAY = lexicon.STATEMENT_NOUNS | frozenset(
    [
        *("message", "report", "document", "email", "text", "post", "tweet", "note"),
        *("warning", "alert", "judgment", "judgement", "verdict", "ruling", "indictment"),
        *("filing", "letter"),
    ]
)


def _candidate_kind(subject: Any, tokens: Sequence[Any]) -> str:
    if any(t.ent_type_ == "PERSON" for t in tokens) or _titled_name(subject):
        return "person"
    if subject.pos_ == "PROPN" and (_described_as_person(subject) or _of_a_body(subject)):
        return "person"
    if subject.lemma_.lower() in _THINGS_THAT_SAY:
        return "thing"  # "its message had not said ...": no one "she" stands for
    if subject.tag_ in {"NNS", "NNPS"}:
        return "plural"
    if subject.pos_ == "PROPN" or subject.ent_type_ in {"ORG", "GPE", "NORP"}:
        return "org"
    return "nominal"


def _of_a_body(name: Any) -> bool:
    """A given name and a surname "of" a body: "Petar Lindqvist of Northgate University" is
    a person whatever the model tags him (user trial 162: a later "he" went to a woman); "the
    Bank of England" is no surname."""
    word = name.lower_
    if word in lexicon.ORG_NOUNS or word in lexicon.ORG_NAME_WORDS:
        return False
    given = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in name.lefts)
    return given and any(c.dep_ == "prep" and c.lower_ == "of" for c in name.rights)


_COLLECTIVE = frozenset(["staff", "crew", "personnel", "team", "public", "police", "family"])


def _someone(head: str) -> bool:
    """A common noun "he" or "she" may stand for: a person's ("the sprinter", "a spokesman"),
    not a thing ("the union's demand would add ...") nor a body of people ("staff")."""
    lemma = head.lower()
    if not lemma:
        return True  # no head word to judge by
    if lemma in _COLLECTIVE:
        return False
    return _person_noun(lemma) or _person_word(lemma)


def _person_word(lemma: str) -> bool:
    """ "a woman", "one passenger", or an agent noun ("the sprinter", "a hydrologist"; not
    "the number", "the water")."""
    if lemma in _PEOPLE_WORDS or SOURCE_NOUNS.get(lemma):
        return True
    return lemma.endswith(("er", "or", "ist", "ian")) and lemma not in _NOT_AGENTS


_NOT_AGENTS = frozenset(
    [
        *("number", "order", "water", "paper", "letter", "border", "sector", "factor"),
        *("matter", "power", "tower", "river", "error", "floor", "door", "weather", "corridor"),
        *("centre", "center", "register", "chapter", "quarter", "computer", "monitor", "motor"),
    ]
)


_PEOPLE_WORDS = frozenset(
    [
        *("man", "woman", "person", "boy", "girl", "mother", "father", "passenger", "driver"),
        "executive",  # "chief executive Rolf Idstad"
    ]
)


@dataclass
class _Speakers:
    """Antecedents of one article in text order, and what each paragraph's quotes said."""

    text: str
    paragraphs: list[tuple[int, int]]
    regions: list[tuple[int, int]]
    candidates: list[Candidate] = field(default_factory=list)
    full_names: list[str] = field(default_factory=list)
    descriptions: set[str] = field(default_factory=set)
    last_in_paragraph: dict[int, _Found] = field(default_factory=dict)
    cue_text: str = ""  # the text with cue words inside names blanked, for the cue regexes
    genders: dict[str, str | None] = field(default_factory=dict)
    not_people: frozenset[str] = frozenset()  # names the article shows are a place or a body

    def __post_init__(self) -> None:
        if not self.cue_text:
            self.cue_text = _name_cues_masked(self.text)

    def paragraph_of(self, pos: int) -> int:
        starts = [s for s, _ in self.paragraphs]
        return max(0, bisect.bisect_right(starts, pos) - 1)

    def add(self, candidate: Candidate) -> None:
        self.candidates.append(candidate)
        if candidate.kind == "person" and len(candidate.name.split()) >= 2:
            self.full_names.append(candidate.name)

    def before(self, pos: int) -> Iterator[Candidate]:
        """Candidates that end before ``pos``, nearest first."""
        return (c for c in reversed(self.candidates) if c.end <= pos)

    def antecedent(self, pos: int, kind: str, pronoun: str = "") -> Candidate | None:
        """The nearest candidate before ``pos`` a pronoun of ``kind`` may stand for; "he" and
        "she" pass over a person the article calls the other (see :func:`gender_in`)."""
        wanted = {"person": {"person", "nominal"}, "plural": {"plural", "org"}}.get(kind, {"org"})
        other = OTHER_GENDER.get(pronoun.lower())
        return next(
            (
                c
                for c in self.before(pos)
                if c.kind in wanted
                and (other is None or (self.gender(c.name) != other and not _body(c)))
                and not (kind == "person" and c.name in self.not_people)
                and not (other is not None and c.kind == "nominal" and not _someone(c.head))
            ),
            None,
        )

    def gender(self, name: str) -> str | None:
        """ "m" or "f" when the article says which (see :func:`gender_in`), else None."""
        if name not in self.genders:
            self.genders[name] = gender_in(self.text, name)
        return self.genders[name]

    def organisation(self, pos: int, head: str) -> Candidate | None:
        """The last named organisation speaking in the two paragraphs before ``pos`` that
        the description with ``head`` may stand for (see :func:`_may_be`)."""
        first = self.paragraphs[max(0, self.paragraph_of(pos) - 2)][0]
        return next(
            (
                c
                for c in self.before(pos)
                if c.kind == "org"
                and c.start >= first
                and c.name[:1].isupper()
                and _may_be(c.name, head)
            ),
            None,
        )

    def titled(self, pos: int, head: str) -> Candidate | None:
        """The last person before ``pos`` the text gave the title ``head`` right before the
        name ("Interior Minister Dana Petrak" for "the minister"), when ``head`` is a title."""
        word = head.lower()
        base = word.split("-")[0]  # "the president-elect"
        if base not in lexicon.TITLES and base not in lexicon.PERSON_ROLES:
            return None
        title = re.compile(rf"\b{re.escape(word)}\s+$", re.IGNORECASE)
        return next(
            (
                c
                for c in self.before(pos)
                if c.kind == "person" and title.search(self.text[max(0, c.start - 30) : c.start])
            ),
            None,
        )

    def described(self, pos: int, head: str) -> Candidate | None:
        """The person a description of someone stands for ("the retired bus driver told the
        Beacon" after "Grandmother Gerda Holm, 67, ..."): the last named person in this
        paragraph or the one before, when the head is a noun for a person and no title."""
        if _holds_office(head) or not _person_noun(head):
            return None
        first = self.paragraphs[max(0, self.paragraph_of(pos) - 1)][0]
        return next(
            (
                c
                for c in self.before(pos)
                if c.start >= first and c.kind == "person" and " " in c.name
            ),
            None,
        )

    def nominal_head(self, pos: int) -> str | None:
        return next(
            (c.head for c in self.before(pos) if c.kind in {"nominal", "plural"} and c.head), None
        )

    def name(self, phrase: str, pos: int | None = None) -> str:
        """The canonical name of a phrase; a lone surname ("Mr Marrow") is the full name
        that ends with it named nearest before ``pos`` ("The bride's father, Gerold Marrow",
        after "Elin Marrow"; user trial 93), else the article's first."""
        name = drop_description(canonical_name(phrase), self.descriptions)
        if pos is not None:
            before = [c.name for c in self.before(pos) if c.kind == "person" and " " in c.name]
            folded = fold_surname(name, before)
            if folded != name:
                return folded
        return fold_surname(name, self.full_names)


def _collect(speakers: _Speakers, parsed: _Parsed) -> None:
    """Register the subjects of cue verbs and the PERSON names outside quotes, in text order."""
    items: list[tuple[int, int, Any, Sequence[Any]]] = []
    speakers.descriptions.update(name_descriptions(ent for _, ent in parsed.ents))
    speakers.not_people = _not_people(speakers.text, [ent for _, ent in parsed.ents])
    surnames = {  # "Kreel is blunt about what comes next": Hanno Kreel, a later "he"
        ent[-1].text for _, ent in parsed.ents if ent.label_ == "PERSON" and len(ent) > 1
    }
    for start, token in parsed.tokens:
        if (
            token.lower_ in CUE_WORDS
            and token.pos_ == "VERB"
            and not _inside(start, speakers.regions)
        ):
            subject = subject_of(token)
            if subject is not None and subject.lower_ in _RELATIVE and token.dep_ == "relcl":
                subject = token.head  # "Alva Renning, a volcanologist who told SBC": her
                if subject.dep_ == "appos" and subject.head.pos_ == "PROPN":
                    subject = subject.head
            if subject is not None and not _misparsed(token, subject):
                subject = named_in_apposition(subject) or subject
                tokens = speaker_tokens(subject)
                a, b = parsed.char_span(tokens)
                items.append((a, b, subject, tokens))
        elif (
            token.pos_ == "PROPN"
            and token.dep_ in {"nsubj", "nsubjpass"}
            and _lone_surname(token, surnames)
        ):  # the model may tag a lone surname a place: the person it names all the same
            a, b = parsed.char_span([token])
            items.append((a, b, token.text, ()))
        elif (
            token.pos_ == "PROPN"
            and token.dep_ in {"nsubj", "nsubjpass", "ROOT"}  # the parse may lose the verb:
            and _described_as_person(token)  # "Brave cashier Lidia Sarrat, 34, ... sobbed"
        ):  # "Tesar, 68, did not concede": someone a later "he" may stand for
            tokens = speaker_tokens(token)
            a, b = parsed.char_span(tokens)
            items.append((a, b, token, tokens))
    things = {_bare(ent) for _, ent in parsed.ents if is_the_name(ent)}
    for offset, ent in parsed.ents:
        if (
            ent.label_ == "PERSON"
            and ent.root.dep_ in _NAME_DEPS
            and _bare(ent) not in things
            and not _belongs_to(ent)
        ):
            a = offset + ent.start_char
            items.append((a, offset + ent.end_char, ent.root, list(ent)))
    for a, b, name in (*titled_names(speakers.text), *only_named(speakers.text)):
        items.append((a, b, name, ()))
    seen: set[tuple[int, int]] = set()
    for a, b, subject, tokens in sorted(items, key=lambda item: (item[0], item[1])):
        if (a, b) in seen or _inside(a, speakers.regions) or _markup(speakers.text, a, b):
            continue
        if _second_half(speakers.text, a, b):
            continue  # "Dahl" of "Ilse Moravec-Dahl" is no second person (user trial 152)
        seen.add((a, b))
        if isinstance(subject, str):
            speakers.add(Candidate(a, b, fold_surname(subject, speakers.full_names), "person", ""))
        else:
            _register(speakers, a, b, subject, tokens)


def _second_half(text: str, a: int, b: int) -> bool:
    """One word right after a hyphen in a name: "Dahl" of "Moravec-Dahl" (not "General Nadia
    Vorhees" of "Prosecutor-General Nadia Vorhees", a title and a name)."""
    return a > 1 and text[a - 1] == "-" and text[a - 2].isalpha() and " " not in text[a:b]


_RELATIVE = frozenset(["who", "which", "that"])


_PLACE_BEFORE = r"(?:in|at|near|outside|into|from|evacuate|evacuating)"  # "commutes from X"
_STREET_WORDS = frozenset(
    [
        *("lane", "street", "road", "avenue", "square", "way", "drive", "close", "crescent"),
        *("terrace", "boulevard", "quay", "wharf", "alley", "embankment"),
    ]
)


def _not_people(text: str, ents: Sequence[Any]) -> frozenset[str]:
    """Names the model may tag as people that the article shows are not: the first words of
    an organisation's name ("Kessler" of "Kessler Group"), or a name written as a place ("in
    Kestrum", "evacuate Kestrum", "commutes from Grauwen"). "He" and "she" never stand for
    them."""
    found = {
        " ".join(t.text for t in ent[:-1])
        for ent in ents
        if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].lower_ in lexicon.ORG_NAME_WORDS
    }
    found |= {
        ent.text
        for ent in ents
        if ent.label_ == "PERSON"
        and len(ent) == 1
        and re.search(rf"\b{_PLACE_BEFORE}\s+{re.escape(ent.text)}\b", text)
    }
    found |= {  # "lives on Mill Lane": a street the model tags as a person (user trial 158)
        ent.text for ent in ents if ent.label_ == "PERSON" and ent[-1].lower_ in _STREET_WORDS
    }
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    found |= {  # "Delia Marsh, Corvane's managing partner": Corvane employs her (trial 119)
        ent.text
        for ent in ents
        if ent.label_ == "PERSON"
        and len(ent) == 1
        and ent.text not in surnames
        and re.search(rf"\b{re.escape(ent.text)}['’]s\s+(?:\w+\s+)?{_EMPLOYED}\b", text)
    }
    return frozenset(found)


_EMPLOYED = (
    r"(?:partner|executive|chief|director|spokes(?:man|woman|person)|chair(?:man|woman)?"
    r"|founder|owner|manager|head|boss)"
)
"""Roles a body gives the person after its name ("Corvane's managing partner")."""


def _lone_surname(token: Any, surnames: set[str]) -> bool:
    """A surname on its own of a person the article names in full ("Kreel" after "Hanno
    Kreel"), not the last word of a longer name."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.text in surnames and not (before is not None and before.pos_ == "PROPN")


def _belongs_to(ent: Any) -> bool:
    """A name after "of" ("leader of the Civic Alliance") or ending in a word of organisation
    names: what someone belongs to, not someone a later "he" stands for."""
    last = ent[-1].lower_
    if last in lexicon.ORG_NAME_WORDS or last in lexicon.ORG_NOUNS:
        return True
    return bool(ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of")


def _may_be(name: str, head: str) -> bool:
    """False when ``head`` is one kind of organisation and ``name`` says it is another.

    "The mission" may be the "US Embassy" and "the union" the "Dockworkers' Union", but "the
    port authority" is not the "Dockworkers' Union": both words are organisation nouns.
    """

    def kind_word(word: str) -> bool:
        return word in lexicon.ORG_NOUNS or word in lexicon.ORG_NAME_WORDS

    wanted = head.lower()
    words = [w.lower() for w in re.findall(r"[\w'’-]+", name)]
    if wanted in words or wanted.removesuffix("s") in words or not kind_word(wanted):
        return True
    return not any(kind_word(w) for w in words)


def _bare(ent: Any) -> str:
    """An entity's words without "the": "The Saint Orla" is "Saint Orla"."""
    return " ".join(t.text for t in ent if t.lower_ != "the")


def _register(speakers: _Speakers, a: int, b: int, subject: Any, tokens: Sequence[Any]) -> None:
    phrase = speakers.text[a:b]
    kind = pronoun_kind(phrase)
    if kind is not None:
        found = speakers.antecedent(a, kind, phrase)
        if found is not None:
            speakers.add(Candidate(a, b, found.name, found.kind, found.head))
        return
    head = "" if is_elliptic(phrase) else head_word(subject)
    name = speakers.name(phrase, a)
    kind = _candidate_kind(subject, tokens)
    if subject.dep_ == "appos" and is_kin(subject.head):
        kind = "person"  # "The bride's father, Gerold Marrow": whatever the model tags him
    if name != phrase and name in speakers.full_names:  # "Salomonsen said:" after "Judge
        kind = "person"  # Ingrid Salomonsen", whatever the model tags the lone surname
    speakers.add(Candidate(a, b, name, kind, head))


def _resolve(speakers: _Speakers, a: int, b: int, rule: str, cue: str) -> _Found:
    """Turn the speaker phrase at [a, b) into a canonical speaker."""
    phrase = speakers.text[a:b]
    features: dict[str, Any] = {"cue": cue, "phrase": phrase, "cue_rule": rule}
    kind = pronoun_kind(phrase)
    if kind is not None:
        found = speakers.antecedent(a, kind, phrase)
        features["antecedent"] = found.name if found else None
        return _Found(found.name if found else None, (a, b), "pronoun", features)
    if (issuer := _issuer(speakers, a, phrase)) is not None:  # "the statement said"
        features["antecedent"] = issuer
        return _Found(issuer, (a, b), "document", features)
    if is_elliptic(phrase):
        head = speakers.nominal_head(a)
        name = f"{phrase.lower()} {head}" if head else phrase.lower()
        return _Found(name, (a, b), "elliptic", features)
    if is_definite_description(phrase):
        head = phrase.split()[-1]
        found = (
            speakers.titled(a, head)
            or (None if _holds_office(head) else speakers.organisation(a, head))
            or speakers.described(a, head)
        )
        if found is not None:
            features["antecedent"] = found.name
            return _Found(found.name, (a, b), "definite-description", features)
    return _Found(speakers.name(phrase, a), (a, b), rule, features)


_SPEAKS_FOR = frozenset(["spokesman", "spokeswoman", "spokesperson", "official", "representative"])


def _holds_office(head: str) -> bool:
    """A title a person holds ("the mayor", "the governor"): never an organisation named
    before, as "the spokesman" for a body may be."""
    word = head.lower()
    return word in lexicon.TITLES and word not in _SPEAKS_FOR


def _body(candidate: Candidate) -> bool:
    """A nominal candidate that is an organisation or a place ("the commission", "the town had
    been asking for a road"): never "he" or "she"."""
    return candidate.kind == "nominal" and (
        candidate.head in lexicon.ORG_NOUNS
        or candidate.head in PLACE_NOUNS
        or candidate.head in _THINGS_THAT_SAY  # "the judgment said": no "she"
    )


def _issuer(speakers: _Speakers, a: int, phrase: str) -> str | None:
    """Who a document speaks for: "the company's statement" is the company named before it,
    "the statement" the speaker named last; None when the phrase names no document or
    nobody came before it."""
    words = phrase.lower().split()
    if (
        not words
        or words[-1] not in lexicon.STATEMENT_NOUNS
        or words[0] not in ("the", "its", "their")
    ):
        return None
    owner = re.sub(r"['’]s$", "", words[-2]) if len(words) > 2 else ""
    if owner:
        org = speakers.organisation(a, owner)
        return org.name if org is not None else f"the {owner}"
    last = next(iter(speakers.before(a)), None)
    if last is None:
        return None
    if is_definite_description(last.name):  # "the company" said it first
        org = speakers.organisation(a, last.name.split()[-1])
        return org.name if org is not None else last.name
    return last.name


_NAMED_AFTER = re.compile(r",\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)(?=\s*(?:[,.;:]|$))")


def _trim_phrase(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Cut a regex speaker phrase at its first comma; refuse long or empty ones.

    A description followed by a name ("his lawyer, Paul Ambrose", "Kessel Ford's village head,
    Oskar Brandl": it ends in a common noun) is the name.
    """
    phrase = text[a:b]
    comma = phrase.find(",")
    named = _NAMED_AFTER.match(phrase, comma) if comma > 0 else None
    head = phrase[:comma].split()[-1:] if comma > 0 else []
    described = phrase[:1].islower() or (bool(head) and head[0][:1].islower())
    if named is not None and described:  # "Kessel Ford's village head, Oskar Brandl"
        a, b = a + named.start(1), a + named.end(1)
    elif comma > 0:
        b = a + comma
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not (text[b - 1].isalnum() or text[b - 1] == ")"):
        b -= 1
    if a >= b or len(text[a:b].split()) > _MAX_PHRASE_WORDS or _markup(text, a, b):
        return None
    return a, b
