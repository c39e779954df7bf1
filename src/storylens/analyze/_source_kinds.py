"""What a cited source is called and of what kind (see :mod:`storylens.analyze.sources`).

The kind of each entity of the story (:class:`_Story`), of an organisation noun and its
modifiers, and the name and kind of a source noun for people ("a ministry spokesman",
"residents"). :class:`_Cited` is one attribution found in one sentence.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storylens import lexicon
from storylens.analyze.speakers import held_titles, role_phrases
from storylens.model import Article, Entity, Span
from storylens.nlp import org_surfaces, organisation_kinds

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
            "legislator",
            "mp",
            "aide",
            "police",
            "prosecutor",
            "judge",
            "magistrate",
            "firefighter",  # public emergency services, as the Fire Brigade is
            "fireman",
            "coastguard",
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
            "woman",
            "man",
            "mother",
            "father",
            "neighbour",
            "neighbor",
            "passenger",
            "evacuee",
            "guest",
            "visitor",
            "tourist",
            "volunteer",
            "bystander",
            "mourner",
            "customer",
            "patient",
        ],
        "resident/witness",
    ),
    **dict.fromkeys(
        [
            "doctor",
            "nurse",
            "medic",
            "paramedic",
            "surgeon",
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
    # unnamed sources ("a government source", "sources close to the talks", "insiders"),
    # and people speaking for a cause: who they are is not said
    **dict.fromkeys(
        [
            "source",
            "insider",
            "organiser",
            "organizer",
            "activist",
            "campaigner",
            "rescuer",
            "crew",
        ],
        "other",
    ),
    # a party's advocates: "his lawyer", "the defence team"
    **dict.fromkeys(["lawyer", "attorney", "barrister", "solicitor", "team"], "other"),
}

PERSON_KINDS = frozenset({"resident/witness", "expert/doctor"})
"""The kinds of SOURCE_NOUNS that are people, not bodies ("guest", "survivor", "medic")."""
_NAME_KINDS: tuple[tuple[str, str], ...] = (  # the first that matches decides
    (r"^(?:UN|U\.N\.|United Nations)\s+[A-Z]", "un"),  # "UN Health Relief Agency" (trial 112)
    (r"\b(News|Press|Wire) Agency\b", "media"),
    (r"\b(Meteorological|Weather|Met|Statistics|Statistical)\b", "government"),
    (
        r"\b(Army|Corps|Forces|Military|Navy|Air Force|Command|Pentagon|(?<!Fire )Brigade"
        r"|(?i:army|navy))\b",  # "the Ardessan navy" (user trial 146)
        "military",
    ),
    (
        r"\b(Embassy|Ministry|Government|Department|Commission|Parliament|Council|Office"
        r"|Cabinet|Police|Consulate|White House|Kremlin|Agency|Authority|Board|Bureau"
        r"|Inspectorate|Directorate|Service|Fire Brigade|Fire and Rescue|Fire Department"
        r"|Central Bank|Statistics)\b",
        "government",
    ),
    (r"\b(Institute|University|Hospital|Laboratory|Observatory|Survey)\b", "expert/doctor"),
    (
        r"\b(Watch|Foundation|Charity|Relief|Rescue|International|Aid|Trust|Coalition|Society)\b",
        "ngo",
    ),
    (r"\b(News|Times|Post|Press|Radio|TV|Television|Media)\b", "media"),
    (  # a newspaper's last word ("Eastwater Tribune"; not "Herald Square Partners")
        r"\b(Tribune|Herald|Gazette|Courier|Chronicle|Observer|Journal|Telegraph|Inquirer"
        r"|Examiner|Dispatch|Ledger)$",
        "media",
    ),
)
_QUANTIFIERS = frozenset(
    ["several", "many", "some", "other", "few", "various", "numerous", "both", "all", "most"]
)
_BUSINESS_KINDS = frozenset(["company", "other", "ngo"])  # what "the company" may stand for
_PARTY_WORDS = frozenset(["opposition", "ruling", "governing"])  # before a party's name
_STANCE_ONLY = frozenset(["union", "party", "club"])  # "militant" is a stance of these
_BUSINESS_NOUN_KINDS = frozenset(["company", "other"])  # "the company", "the union"


def is_business_noun(noun: str) -> bool:
    """A noun that stands for the organisation named before it ("the company", "the firm",
    "the union"), not for a public body that has its own name."""
    return lexicon.ORG_NOUNS.get(noun) in _BUSINESS_NOUN_KINDS


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
    bare: bool = False  # "the coast guard": may be the story's longer name for it
    anonymous: bool = False  # "an official who asked not to be named"


# -- the story's entities ---------------------------------------------------------------------


class _Story:
    """The entities of a story, looked up by article offset, with the kind of each."""

    def __init__(self, articles: Sequence[Article], entities: Sequence[Entity]) -> None:
        self.by_offset: dict[tuple[str, int], Entity] = {}
        for entity in entities:
            for span in entity.mentions:
                for pos in range(span.start, span.end):
                    self.by_offset[(span.article, pos)] = entity
        self.texts = {a.id: a.text for a in articles}
        self.kinds = {e.id: _entity_kind(e, self.texts) for e in entities}
        for entity in entities:  # "Velmora", the model's place, is "Velmora Retail Group"
            if (whole := _named_in_full(entity, entities, self.kinds)) is not None:
                self.kinds[entity.id] = self.kinds[whole.id]
        self.by_name = {e.name.casefold(): e for e in entities}
        self.by_surname: dict[str, list[Entity]] = {}
        self.by_title: dict[str, list[Entity]] = {}
        self.orgs: dict[str, list[tuple[int, Entity]]] = {}  # article -> (start, ORG) in order
        for entity in entities:
            if entity.label == "ORG" or _org_name_kind(entity.name) is not None:  # "Corvan Pharma"
                for span in entity.mentions:
                    self.orgs.setdefault(span.article, []).append((span.start, entity))
            if entity.label == "PERSON" and len(entity.name.split()) > 1:
                self.by_surname.setdefault(entity.name.split()[-1], []).append(entity)
                for title in _titles_of(entity, self.texts):
                    self.by_title.setdefault(title, []).append(entity)

    def full_name(self, word: str) -> Entity | None:
        """The one person of the story whose full name ends with ``word`` ("Holt")."""
        found = self.by_surname.get(word, [])
        return found[0] if len(found) == 1 else None

    def org_with(self, noun: str) -> Entity | None:
        """The one organisation of the story whose name holds ``noun`` as a word ("Ministry
        of Mines" for "ministry"), or None."""
        found = [
            e
            for e in self.by_name.values()
            if e.label == "ORG" and noun in e.name.casefold().split()
        ]
        return found[0] if len(found) == 1 else None

    def named_org(self, noun: str, token: Any, article: str) -> Entity | None:
        """The organisation a bare singular noun stands for: the story's one organisation
        with that word in its name ("Ministry of Mines" for "the ministry"), or for a business
        noun ("the company", "the firm") the organisation named last before it."""
        if token.tag_ != "NN":
            return None
        named = self.org_with(noun)
        if named is None and is_business_noun(noun):
            named = self.org_before(article, token.idx, lexicon.ORG_NOUNS[noun])
        return named

    def org_before(
        self, article: str, offset: int, kind: str = "other", reach: int = 600
    ) -> Entity | None:
        """The organisation named last before ``offset`` in an article, at most ``reach``
        characters back, that is no public body ("the company" after "Merrow Health
        Partners was attacked"), or None. One of the noun's own ``kind`` comes first, then one
        whose kind the story does not say: "the company" is the fertiliser firm named before,
        never the charity named since."""
        found = sorted(
            (start, e.name, e)
            for start, e in self.orgs.get(article, [])
            if offset - reach <= start < offset and self.kinds[e.id] in _BUSINESS_KINDS
        )
        same = [f for f in found if self.kinds[f[2].id] == kind]
        untyped = [f for f in found if self.kinds[f[2].id] == "other"]  # kind not said
        last = same or untyped
        return last[-1][2] if last else None

    def titled(self, title: str) -> Entity | None:
        """The one person of the story given ``title`` ("minister" for "Transport Minister
        Dan Roe"), or None when nobody or several people hold it."""
        found = self.by_title.get(title, [])
        return found[0] if len(found) == 1 else None

    def speaker(self, name: str, span: Span) -> Entity | None:
        """The entity a quote's speaker names: the entity of that name, one mentioned in the
        speaker's words whose full name begins the speaker's ("Hanna Lyst" for "Hanna Lyst of
        Green Norvand") or ends with it ("Sven Dahl" for "Dahl"), or the one full name ending
        with a lone surname. A lone surname entity is not the full name of the speaker."""
        found = self.by_name.get(name.casefold())
        if found is not None:
            return found
        words = name.casefold().split()
        for pos in range(span.start, span.end):
            entity = self.by_offset.get((span.article, pos))
            other = entity.name.casefold().split() if entity is not None else []
            ends = len(other) >= len(words) and other[len(other) - len(words) :] == words
            begins = 1 < len(other) < len(words) and words[: len(other)] == other
            if ends or begins:
                return entity
        return self.full_name(name) if len(words) == 1 else None

    def entity_at(self, article: str, start: int, end: int) -> Entity | None:
        """The entity mentioned anywhere in ``start:end`` of an article (first one wins)."""
        for pos in range(start, end):
            entity = self.by_offset.get((article, pos))
            if entity is not None:
                return entity
        return None


def _named_in_full(
    entity: Entity, entities: Sequence[Entity], kinds: Mapping[str, str]
) -> Entity | None:
    """The one company of the story a one-word place name opens, whose name ends in an
    organisation noun ("Velmora" of "Velmora Retail Group"): the short name is the firm's."""
    if entity.label not in ("GPE", "LOC") or len(entity.name.split()) != 1:
        return None
    found = [
        e
        for e in entities
        if e.label == "ORG"
        and e.name.startswith(entity.name + " ")
        and e.name.split()[-1].lower() in lexicon.ORG_NOUNS
        and kinds.get(e.id) == "company"  # not "Morvania Police": the country is no force
    ]
    return found[0] if len(found) == 1 else None


def _titles_of(entity: Entity, texts: Mapping[str, str]) -> set[str]:
    """The titles a person is given in the role words at any mention ("Transport Minister
    Dan Roe", "Dan Roe, the minister,"), lower-cased; "Prime Minister" is not "minister"."""
    return {
        title
        for span in entity.mentions
        for phrase in role_phrases(texts[span.article], span.start, span.end)
        for title in held_titles(phrase)
    }


def _entity_kind(entity: Entity, texts: Mapping[str, str]) -> str:
    """The source kind of an entity: its known kind, its words, or its role in the story."""
    known = organisation_kinds().get(entity.name) or known_tail(entity.name)
    if known:
        return known
    named = _org_name_kind(entity.name) or _institution_kind(entity.name)
    if entity.label == "PERSON" and named is None:
        return _person_kind(entity.mentions, texts)
    introduced = _introduced_kind(entity, texts)  # "retailer Velmora", whatever its label
    if introduced:
        return introduced
    if entity.label in ("GPE", "LOC") and named is None:  # not "Green Alliance": a body
        # a person the recogniser took for a place keeps the role the story gives it ("Ines
        # Vargolt, the charity's director"; user trial 83)
        return _role_kind(entity.mentions, texts) or "government"
    by_name = name_kind(entity.name)
    if by_name is not None:
        return by_name
    if named is not None:
        return named
    # a person the parser took for an organisation keeps the role the story gives it
    return _role_kind(entity.mentions, texts) or "other"


def known_tail(name: str) -> str | None:
    """The kind of a known organisation a name ends with: a country's society of a known
    movement ("Selvig Red Cross", "Varnland Red Cross": the Red Cross's kind).

    >>> known_tail("Selvig Red Cross"), known_tail("Selvig Police")
    ('ngo', None)
    """
    words = name.split()
    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        if " " in tail and (kind := _known_kind(tail)):
            return kind
    return None


def _known_kind(name: str) -> str | None:
    """The kind of a known organisation written ``name`` (its name, acronym or an alias)."""
    return organisation_kinds().get(org_surfaces().get(name, name))


def name_kind(name: str) -> str | None:
    """The kind the words of an organisation's name give ("Merrow Water Board": government,
    "Pinecrest Courier": media), or None."""
    return next((kind for pattern, kind in _NAME_KINDS if re.search(pattern, name)), None)


def _org_name_kind(name: str) -> str | None:
    """The kind the last word of a name of two words or more gives it ("Corvan Pharma").

    >>> _org_name_kind("Corvan Pharma"), _org_name_kind("Ana Group-Diaz")
    ('company', None)
    """
    words = name.split()
    last = words[-1] if len(words) > 1 else ""
    if not last[:1].isupper() or last.lower() not in lexicon.ORG_NAME_WORDS:
        return None
    return "other" if lexicon.names_workers(words[-2]) else lexicon.ORG_NAME_WORDS[last.lower()]


_INSTITUTIONS = frozenset(
    ["Hospital", "Clinic", "Ministry", "Agency", "Authority", "Inspectorate", "Directorate"]
)


def _institution_kind(name: str) -> str | None:
    """The kind of a name ending in an institution's word, which no person's name does ("St
    Brannoc's Hospital", which the entity model may take for a person)."""
    words = name.split()
    return name_kind(name) if len(words) > 1 and words[-1] in _INSTITUTIONS else None


def _introduced_kind(entity: Entity, texts: Mapping[str, str]) -> str | None:
    """The kind of the organisation noun right before a mention ("the grid operator Valnet")."""
    for span in entity.mentions:
        before = texts[span.article][max(0, span.start - 40) : span.start]
        words = re.findall(r"[a-z]+", before.lower())[-3:]
        bare = before.rstrip().removesuffix(",")  # "the supermarket chain, Hollins"
        if not words or not bare.endswith(words[-1]) or before[-1:] != " ":
            continue
        if words[-1] in _PARTY_WORDS:  # "the opposition Green Alliance": a party
            return "other"
        noun = words[-1] if words[-1] in lexicon.ORG_NOUNS else words[-1].removesuffix("s")
        if noun in lexicon.ORG_NOUNS:  # "two shipping lines, Norrhavn Line and ..."
            return _kind_of_org(words[:-1], noun)
    return None


def _kind_of_org(modifiers: Sequence[str], noun: str) -> str:
    """An organisation noun's kind, or the kind its modifiers give ("news agency": media).

    An armed-group word describes a group ("militant group": military) but only the stance
    of a union, party or company ("the militant union" is still a union).

    >>> _kind_of_org(["militant"], "group"), _kind_of_org(["militant"], "union")
    ('military', 'other')
    >>> _kind_of_org(["rights"], "group"), _kind_of_org(["criminal"], "group")
    ('ngo', 'other')
    """
    own = lexicon.ORG_NOUNS[noun]
    stance_only = own == "company" or noun in _STANCE_ONLY
    if any(lexicon.names_workers(word) for word in modifiers):
        return "other"  # "the teachers' federation", "the mineworkers' association": a union
    for word in modifiers:
        kind = lexicon.ORG_NOUN_MODIFIERS.get(word)
        if kind is not None and not (kind == "military" and stance_only):
            return kind
    return own


def _person_kind(spans: Sequence[Span], texts: Mapping[str, str]) -> str:
    """A person's kind from the role the story gives it (:func:`_role_kind`), else from a
    title among the words just around any mention ("Gen", "President")."""
    role = _role_kind(spans, texts)
    if role:
        return role
    words: set[str] = set()
    for span in spans:
        before = texts[span.article][max(0, span.start - 40) : span.start]
        before = _SENTENCE_END.split(before)[-1]  # not the words of the sentence before
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", before)[-3:])
        after = _SENTENCE_END.split(texts[span.article][span.end : span.end + 40])[0]
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", after)[:3])
    return _title_kind(words) or "person"


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _title_kind(words: Collection[str]) -> str | None:
    """The kind of a title among lower-case words: military ranks, offices, expertise. A
    "general" after an office is no rank ("Attorney General", "Prosecutor-General": user
    trial 125).

    >>> _title_kind(["attorney", "general"]), _title_kind(["prosecutor-general"])
    ('government', 'government')
    >>> _title_kind(["general"]), _title_kind(["general", "manager"])
    ('military', 'company')
    """
    words = {part for word in words for part in word.split("-")}
    if "general" in words and words & _GENERAL_OFFICES:
        return "government"
    if "general" in words and words & {"manager", "counsel"}:
        return "company"  # "Corrant's general manager" (user trial 149: military)
    for titles, kind in (
        (lexicon.MILITARY_TITLES, "military"),
        (lexicon.OFFICIAL_TITLES, "government"),
        (lexicon.EXPERT_TITLES, "expert/doctor"),
    ):
        if set(words) & titles:
            return kind
    return None


_GENERAL_OFFICES = frozenset(
    """attorney prosecutor auditor surgeon secretary director solicitor inspector
    postmaster advocate registrar comptroller""".split()  # noqa: SIM905
)


def _role_kind(spans: Sequence[Span], texts: Mapping[str, str]) -> str | None:
    """The kind the role words right at a mention give: the organisation they name first
    (:func:`_employer_kind`: "police spokesman Captain", "union official", "Brandt Group chief
    executive"), else a title in them, capitalised or right before the name ("Transport
    Minister", "transport minister"; not "major" in "a major offensive against"). Role words
    are the words just
    before the name with no punctuation between, and an apposition ("Petra Moll, a union
    official,")."""
    phrases = [p for span in spans for p in role_phrases(texts[span.article], span.start, span.end)]
    for phrase in phrases:
        kind = _employer_kind(phrase) or _acronym_kind(phrase, texts)
        if kind:
            return kind
    for span in spans:
        if (kind := _its_kind(texts[span.article], span.start)) is not None:
            return kind
    if any(_for_a_named_body(p) for p in phrases):
        return "other"  # "a spokesman for Kessling Meals": a body the story does not type
        # (user trial 168: the company's spokesman was cited as government)
    titles = [w for p in phrases for i, w in enumerate(p) if i == len(p) - 1 or w[:1].isupper()]
    return _title_kind([w.lower().rstrip(".") for w in titles]) or _class_kind(phrases)


def _for_a_named_body(phrase: Sequence[str]) -> bool:
    """Role words that name the body the role is held for by its name: "spokesman for
    Kessling Meals", "official at Varnet Holdings" (not "spokesman for the ministry").

    >>> _for_a_named_body(["spokesman", "for", "Kessling", "Meals"])
    True
    >>> _for_a_named_body(["spokesman", "for", "the", "ministry"])
    False
    """
    return any(
        w.lower() in {"for", "of", "at"} and nxt[:1].isupper()
        for w, nxt in itertools.pairwise(phrase)
    )


_ITS_ROLE = re.compile(r"\b(?:Its|its|Their|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?,?\s*$")
_ORG_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)+")


def _its_kind(text: str, start: int) -> str | None:
    """The kind of the organisation "its" points to in "Its coordinator, Tove Lindahl,": the
    last organisation named in the two sentences before, when its name or its last words are
    a known organisation or say what kind it is ("The Varnland Red Cross opened a centre.").

    >>> text = "The Varnland Red Cross opened a centre. Its coordinator, Tove Lindahl, said so."
    >>> _its_kind(text, text.index("Tove"))
    'ngo'
    """
    if not _ITS_ROLE.search(text[max(0, start - 40) : start]):
        return None
    before = text[max(0, start - 300) : start]
    for run in reversed(_ORG_RUN.findall(before)):
        name = run.removeprefix("The ")
        known = _known_kind(name) if " " in name else None
        kind = known or known_tail(name) or name_kind(run) or _org_name_kind(run)
        if kind:
            return kind
    return None


def _acronym_kind(words: Sequence[str], texts: Mapping[str, str]) -> str | None:
    """The kind of the organisation an acronym among role words stands for, when the story
    spells it out ("KRWU general secretary Jonas Eberle", after "the Korven Rail Workers'
    Union (KRWU)": a union's officer, not a government secretary); None otherwise ("MP" and
    "CEO" are titles, not employers). A known acronym ("the WHO representative") is read by
    :func:`_employer_kind` first.

    >>> texts = {"a": "The Korven Rail Workers' Union (KRWU) said so."}
    >>> _acronym_kind(["KRWU", "general", "secretary"], texts), _acronym_kind(["MP"], texts)
    ('other', None)
    """
    for word in words:
        if not re.fullmatch(r"[A-Z]{2,6}", word):
            continue
        spelled = re.compile(rf"((?:[A-Z][\w'’-]*\s+){{1,7}}[A-Z][\w'’-]*)\s*\(\s*{word}\s*\)")
        for text in texts.values():
            if match := spelled.search(text):
                name = match.group(1).removeprefix("The ")
                return organisation_kinds().get(name) or name_kind(name) or _org_name_kind(name)
    return None


def _class_kind(phrases: Sequence[Sequence[str]]) -> str | None:
    """The kind a role phrase ending in a noun for people of one class gives: "Ines Galdo, a
    displaced resident" is a resident, "Dr Ana Lind, a surgeon" an expert or doctor, and so is
    any "-ologist" ("Tomas Veyle, a meteorologist")."""
    for phrase in phrases:
        noun = phrase[-1].lower().rstrip(".")
        kind = SOURCE_NOUNS.get(noun) or SOURCE_NOUNS.get(noun.removesuffix("s"))
        if kind is None and noun.removesuffix("s").endswith("ologist"):
            kind = "expert/doctor"  # "a meteorologist", "a seismologist"
        if kind in ("resident/witness", "expert/doctor"):
            return kind
    return None


def _named_in(words: Sequence[str]) -> str | None:
    """The kind of a known organisation that capitalised role words name ("Red Cross")."""
    run: list[str] = []
    for word in [*words, ""]:
        if word[:1].isupper():
            run.append(re.sub(r"['’][sS]$", "", word))
            continue
        if len(run) > 1 and (kind := _known_kind(" ".join(run)) or known_tail(" ".join(run))):
            return kind
        run = []
    return None


def _employer_kind(words: Sequence[str]) -> str | None:
    """The kind of the organisation that role words name, or None.

    >>> _employer_kind(["police", "spokesman", "Captain"]), _employer_kind(["Fire", "chief"])
    ('government', 'government')
    >>> _employer_kind(["Brandt", "Group", "chief", "executive"]), _employer_kind(["Captain"])
    ('company', None)
    """
    if (named := _named_in(words)) is not None:
        return named  # "a Red Cross spokeswoman"
    for i, word in enumerate(words):
        bare = re.sub(r"['’][sS]$", "", word)  # "the society's coordinator"
        lower = bare.lower()
        if bare.isupper() and (known := organisation_kinds().get(org_surfaces().get(bare, ""))):
            return known  # "the UN agency's spokesperson", "the WHO representative"
        in_name = i > 0 and word[:1].isupper() and words[i - 1][:1].isupper()
        if in_name and lower in lexicon.ORG_NAME_WORDS:
            return "other" if lexicon.names_workers(words[i - 1]) else lexicon.ORG_NAME_WORDS[lower]
        if lower in lexicon.SERVICE_WORDS:
            return lexicon.SERVICE_WORDS[lower]
        if lower == "opposition":  # "the opposition health spokesman" speaks for a party
            return "other"
        if lower in lexicon.ORG_NOUNS:  # "the operators' association": a business lobby
            before = [words[i - 1].lower().rstrip("'’")] if i > 0 else []
            return _kind_of_org(before, lower)
    return None


# -- names of nominal sources -----------------------------------------------------------------


def _person_noun(token: Any, story: _Story, article: str, start: int, end: int) -> _Cited:
    """A source noun for people: tied to an organisation ("a ministry spokesman"), or a class
    named by its plural ("residents")."""
    lemma = token.lemma_.lower()
    singular = token.tag_ == "NN"
    familiar = next((c for c in token.rights if c.lower_ == "familiar"), None)
    if familiar is not None:  # "a person familiar with the investigation": unnamed, not a witness
        toks = list(familiar.subtree)
        cut = next((i for i, t in enumerate(toks) if t.is_punct or t.dep_ == "relcl"), len(toks))
        words = " ".join(t.lower_ for t in toks[:cut])  # not ", who spoke on condition ..."
        return _Cited(f"people {words}", "other", start, end, "group", singular)
    tied = _organisation_of(token, story, article)
    if tied is None and lemma == "team":  # "the defence team", "a rescue team": what it does
        kinds = [c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod")]
        return _Cited(" ".join([*kinds, "team"]), "other", start, end, "group", singular)
    if tied is None:
        name = lexicon.plural(lemma)
        if token.text[:2].isupper():  # an acronym keeps its capitals: "MPs"
            name = lemma.upper() + "s"
        trade = _trade(token)  # "rescue workers", "aid workers": the work says who they are
        kind = _TRADE_KINDS.get(trade or "") or SOURCE_NOUNS[lemma]
        if trade is None and lemma == "officer" and _police_story(token.doc):
            kind = "government"  # "Officers estimated that around 750 residents had left"
        return _Cited(f"{trade} {name}" if trade else name, kind, start, end, "group", singular)
    name, kind = tied
    kind = kind if lemma in _SPEAKS_FOR else SOURCE_NOUNS[lemma]
    return _Cited(f"{name} {token.lower_}", kind, start, end, "group", singular)


_POLICE = frozenset(["police", "constable", "constables", "sheriff", "detectives"])
_ARMED = frozenset(["army", "troops", "soldiers", "military", "militants", "rebels"])


def _police_story(doc: Any) -> bool:
    """The text speaks of police and of no armed forces: its bare "officers" are police
    officers (user trial 165: they were cited as military)."""
    words = {t.lower_ for t in doc}
    return bool(words & _POLICE) and not words & _ARMED


# The kind of people a trade names ("aid workers" are an NGO's, "ambulance crews" a service's).
_TRADE_KINDS: Mapping[str, str] = {
    **{k: v for k, v in SOURCE_NOUNS.items() if v == "ngo"},
    **lexicon.SERVICE_WORDS,
    "rescue": "other",  # who the rescuers are is not said
    "prison": "government",  # user trial 158: "prison officers" were cited as military
    "jail": "government",
    "customs": "government",
    "border": "government",
    "health": "expert/doctor",
    "hospital": "expert/doctor",
}


def _trade(token: Any) -> str | None:
    """The lower-case noun right before a class noun that says what the people do ("rescue"
    in "rescue workers", "aid" in "aid workers"), or None."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is None or before.dep_ != "compound" or before.head.i != token.i:
        return None
    plain = before.text[1:].islower()  # "rescue", or "Rescue" opening the sentence
    if before.is_sent_start and plain and before.lower_ in _TRADE_KINDS:
        return str(before.lower_)  # "Prison officers said": the model may take it for a name
    return before.lower_ if before.pos_ == "NOUN" and plain else None


def _organisation_of(token: Any, story: _Story, article: str) -> tuple[str, str] | None:
    """The organisation a person noun belongs to, with its kind: a compound ("police
    spokeswoman") or the object of for/of/at/from ("a spokesman for the defence ministry"; "a
    spokesman for the governor" is the governor's)."""
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
            named = story.named_org(noun, obj, article) if not modifiers else None
            if named is not None:  # "the ministry" of a story naming one: "Ministry of Mines"
                return named.name, story.kinds[named.id]
            kind = _kind_of_org([w.lower() for w in modifiers], noun)
            return " ".join([*modifiers, _as_written(obj)]), kind
        title = obj.lemma_.lower()
        if entity is None and obj.dep_ == "pobj" and obj.tag_ == "NN" and title in _OWNERS:
            return f"{title}'s", _title_kind([title]) or "government"  # "for the governor"
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


_OWNERS = lexicon.TITLES | {"prosecutor", "coroner", "sheriff", "commissioner", "attorney"}


def _modifiers(token: Any) -> list[str]:
    """The words before a noun that say which one it is: "regional emergency" office."""
    words: list[str] = []
    for child in token.lefts:
        if child.dep_ == "poss" and child.pos_ == "NOUN" and child.lemma_.lower() in _OWNERS:
            owner = [t.lower_ for t in child.subtree if t.dep_ not in ("det", "case")]
            words.append(" ".join(owner) + "'s")  # "the (prime) minister's office"
        if child.dep_ not in ("compound", "amod", "nmod"):
            continue
        for t in child.subtree:
            skip = t.is_punct or t.like_num or t.lower_ in _QUANTIFIERS
            if skip or t.dep_ in ("det", "poss", "case", "predet"):
                continue
            named = t.pos_ == "PROPN" or (t.is_title and not t.is_sent_start)  # "Veltrian"
            words.append(t.text if named and not t.is_lower else t.lower_)
    return words


def _as_written(token: Any) -> str:
    """A noun in the singular unless the text used the plural ("offices" stays plural)."""
    if token.tag_ in ("NNS", "NNPS"):
        return str(token.lower_)
    return str(token.lemma_.lower() or token.lower_)
