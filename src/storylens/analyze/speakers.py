"""Speakers of quotes: cue verbs, canonical names and the antecedents pronouns point back to.

Everything here is rule-based over character offsets. spaCy tokens (from
``storylens.nlp.load_spacy()``) are used only to find the subject of a cue verb and the
PERSON names an article mentions; the names themselves are folded by plain string rules:

- a title is stripped ("Gen Sadat" -> "Sadat", "US Secretary of State Antony Blinken" ->
  "Antony Blinken"), a parenthesised short form wins ("the United Nations Assistance Mission
  for Afghanistan (UNAMA)" -> "UNAMA"), a leading "the" before a proper name goes;
- a lone surname is mapped to the full name the same article uses ("Sadat" -> "Sami Sadat");
- a nominal speaker keeps its words with a lower-case determiner ("an Afghan interpreter");
- a capitalised word before a name of two or three words ("Survivor Mira Okafor",
  "Harbourmaster Jonas Veldt") is a description, not part of the name, when the text shows it:
  spaCy's NER leaves the word out of the person's name, the story writes it in lower case
  before the same name ("harbourmaster Jonas Veldt"), or the story names the person without
  it (:func:`story_speakers`). A name written
  after "the" ("the Saint Orla") is no person's (:func:`is_the_name`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from storylens import lexicon
from storylens.analyze._num_words import CLOCK_STAMP
from storylens.text import _words

__all__ = [
    "CUE_WORDS",
    "OTHER_GENDER",
    "Candidate",
    "canonical_name",
    "described_in",
    "drop_description",
    "fold_surname",
    "gender_in",
    "group_subject",
    "head_word",
    "held_titles",
    "is_definite_description",
    "is_elliptic",
    "is_kin",
    "is_the_name",
    "name_descriptions",
    "named_in_apposition",
    "only_named",
    "pronoun_kind",
    "role_phrases",
    "speaker_tokens",
    "split_description",
    "story_speakers",
    "subject_of",
    "titled_names",
    "titles_of",
]

_CUE_LEMMAS = (
    "say tell add tweet post write warn urge ask state declare announce explain insist claim "
    "note recall reply respond stress argue admit vow promise describe call chant shout cry "
    "scream yell exclaim confirm deny acknowledge comment remark plead demand predict suggest "
    "accuse condemn blame brand label dismiss criticise criticize fume seethe snap quip joke "
    "boast concede caution assert lament complain retort blast slam hail praise whine rant moan "
    "grumble gripe sneer scoff bleat rage bellow mutter whisper sob weep sigh gasp beg repeat "
    "reiterate"
)


def _forms(lemma: str) -> set[str]:
    """Regular and the few irregular forms of a cue verb."""
    irregular = {
        "say": {"said", "says", "saying"},
        "tell": {"told", "tells", "telling"},
        "write": {"wrote", "writes", "writing", "written"},
        "cry": {"cried", "cries", "crying"},
        "reply": {"replied", "replies", "replying"},
        "deny": {"denied", "denies", "denying"},
    }
    if lemma in irregular:
        return {lemma, *irregular[lemma]}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    double = lemma + lemma[-1] if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwy]", lemma) else stem
    return {lemma, lemma + "s", stem + "ed", stem + "ing", double + "ed", double + "ing"}


CUE_WORDS: frozenset[str] = frozenset(w for lemma in _CUE_LEMMAS.split() for w in _forms(lemma))
"""Word forms of verbs that introduce speech ("said", "told", "tweeted", "warned", ...)."""

_NAME_WORDS = 2  # a described name has a given name and a surname at least
_PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "org"}
_ELLIPTIC = {"another", "one", "a second", "a third", "others"}

_TITLES = "|".join(
    [re.escape(t) for t in lexicon.TITLE_PHRASES]
    + sorted(
        (w.capitalize() for w in lexicon.TITLES - {"vice", "prime"}), key=lambda w: (-len(w), w)
    )
)

_TITLE_RE = re.compile(
    rf"^(?:(?:[A-Z]{{2,5}}|[A-Z][a-z]+(?:['’]s)?)\s+)?(?:{_TITLES})\.?\s+(?=[A-Z])"
)
# A title after the words of a place or body ("Calder County Sheriff", "Dravenian Police
# Commissioner") before a full name, and nothing after it
_PLACED_TITLE_RE = re.compile(
    rf"^(?:[A-Z][\w'’-]*\s+){{2,3}}(?:{_TITLES})\.?\s+"
    rf"(?=[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}}$)"
)
_ACRONYM_RE = re.compile(r"\(\s*([A-Za-z][A-Za-z.&-]{1,9})\s*(?:\)|$)")
_TITLED_NAME_RE = re.compile(
    rf"\b(?:{_TITLES})\.?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}})"
)
_QUANTIFIER_RE = re.compile(
    r"^(?:hundreds|thousands|dozens|scores|tens|millions|some|many|several|most|all|a few|"
    r"a number|a group|a crowd|crowds|groups)\s+of\s+(?:the\s+)?(?=[a-z])",
    re.IGNORECASE,
)
_DETERMINER_RE = re.compile(r"^(The|A|An|One|Another|Some|Two|Three|Several|Many)\b")


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone a pronoun or a definite description may point back to.

    ``kind`` is ``person``, ``nominal`` (a singular common noun: "an Afghan interpreter"),
    ``plural`` ("doctors in Lashkar Gah") or ``org``; ``head`` is the lemma of the head noun,
    used to fill in "Another said" as "another <head>".
    """

    start: int
    end: int
    name: str
    kind: str
    head: str


_ENTRY_STAMP = re.compile(rf"^{CLOCK_STAMP}\s+(?:[-–—|]\s+)?(?=\S)")  # "11:45 - Dr Ana Vell"


def canonical_name(phrase: str) -> str:
    """Fold a speaker phrase to its canonical form (no surname folding: see fold_surname).

    >>> canonical_name("General Sami Sadat"), canonical_name("Chief Constable Harriet Vance")
    ('Sami Sadat', 'Harriet Vance')
    >>> canonical_name("Lutavia's Prime Minister Erik Sorel")
    'Erik Sorel'
    >>> canonical_name("Fire Officer Maren Holt")
    'Maren Holt'
    >>> canonical_name("US Secretary of State Antony Blinken")
    'Antony Blinken'
    >>> canonical_name("the United Nations Assistance Mission for Afghanistan (UNAMA)")
    'UNAMA'
    >>> canonical_name("The US Embassy in Kabul")
    'US Embassy in Kabul'
    >>> canonical_name("An Afghan interpreter")
    'an Afghan interpreter'
    >>> canonical_name("hundreds of residents")
    'residents'
    >>> canonical_name("Mum-of-three Kerry Doyle"), canonical_name("22:30 Mayor Ilan Coret")
    ('Kerry Doyle', 'Ilan Coret')
    >>> canonical_name("11:45 - Dr Selim Haddar")
    'Selim Haddar'
    >>> canonical_name("Calder County Sheriff Owen Brask"), canonical_name("19-year-old Ana Lind")
    ('Owen Brask', 'Ana Lind')
    """
    text = " ".join(phrase.replace("\u00a0", " ").split()).strip(" ,;:-–—")
    text = re.sub(r"(?:'s|’s)$", "", text)
    text = _ENTRY_STAMP.sub("", text)  # "12:40 Police spokesman": a live page's entry time
    acronym = _ACRONYM_RE.search(text)
    if acronym:
        short = acronym.group(1).replace(".", "")
        return short.upper() if short.isalpha() and len(short) <= 6 else short
    rest = re.sub(r"^(?:the|The)\s+", "", text)
    if rest[:1].isupper() and rest != text:
        text = rest
    while True:
        stripped = _TITLE_RE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = _PLACED_TITLE_RE.sub("", text, count=1)  # "Calder County Sheriff Owen Brask"
    text = _QUANTIFIER_RE.sub("", text)
    text = _FAMILY_RE.sub("", text)  # "Mum-of-three Kerry Doyle"
    text = _AGED_RE.sub("", text)  # "19-year-old Linnea Skarp" (user trial 113)
    text = _without_occupation(text)  # "Nurse Lotte Brandvik", "Estate agent Mats Kjellin"
    text = _described_name(_affiliated_name(text))
    return _DETERMINER_RE.sub(lambda m: m.group(1).lower(), text)


_FAMILY_RE = re.compile(r"^[A-Za-z]+-of-[a-z]+\s+(?=[A-Z])")
"""A family description before a name: "mum-of-three", "Father-of-two"."""

_AGED_RE = re.compile(r"^\d+-year-old\s+(?:[a-z]+\s+){0,2}(?=[A-Z])")
"""An age before a name: "19-year-old", "the 19-year-old student"."""

_OCCUPATION_RE = re.compile(
    r"^(?P<job>[A-Z][a-z]+(?P<more>(?:\s+[a-z]+){1,2})?)\s+(?=[A-Z][\w'’-]+\s+[A-Z][\w'’-]+$)"
)


def _without_occupation(text: str) -> str:
    """A full name without the occupation written before it: "Estate agent Mats Kjellin" (a
    lower-case word says the words are a description), "Nurse Lotte Brandvik" (one word: only
    a known role, as "Maria Lotte Brandvik" may be a name of three words).

    >>> _without_occupation("Lorry driver Dario Fenn"), _without_occupation("Nurse Ana Lind")
    ('Dario Fenn', 'Ana Lind')
    >>> _without_occupation("Guest Tom Brayle"), _without_occupation("Maria Lotte Brandvik")
    ('Tom Brayle', 'Maria Lotte Brandvik')
    """
    match = _OCCUPATION_RE.match(text)
    if match is None:
        return text
    job = match.group("job").lower()
    if match.group("more") or job in lexicon.PERSON_ROLES or _person_source(job):
        return text[match.end() :]
    return text


def _person_source(noun: str) -> bool:
    """A noun the sources table files as a person cited ("guest", "survivor", "medic")."""
    from storylens.analyze._source_kinds import PERSON_KINDS, SOURCE_NOUNS  # it imports this

    return SOURCE_NOUNS.get(noun) in PERSON_KINDS


_LINKING_WORDS = frozenset(
    {"of", "in", "at", "from", "for", "on", "with", "and", "or", "to", "by", "the", "a", "an"}
)


_AFFILIATED_RE = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){1,2})\s(?:of|from|at|with)\s(?:the\s)?[a-z]"
)


# "Hanna Lyst of Green Norvand": a given name and a surname, then a named body
_NAMED_AFFILIATION_RE = re.compile(
    r"(?P<name>[A-Z][a-z][\w'’-]*\s[A-Z][a-z][\w'’-]*)\s(?:of|from|at|with)\s(?:the\s)?[A-Z]"
)


def _affiliated_name(text: str) -> str:
    """A person's name followed by a lower-case affiliation is the name ("Ylva Strand of the
    forestry service"), and so is a given name and a surname followed by a named body ("Hanna
    Lyst of Green Norvand"); a named body is not cut ("Bank of England", "US Embassy in Kabul").

    >>> _affiliated_name("Ylva Strand of the forestry service")
    'Ylva Strand'
    >>> _affiliated_name("Port Council of the east"), _affiliated_name("Bank of England")
    ('Port Council of the east', 'Bank of England')
    >>> _affiliated_name("Hanna Lyst of Green Norvand"), _affiliated_name("Central Bank of Norvand")
    ('Hanna Lyst', 'Central Bank of Norvand')
    """
    found = _AFFILIATED_RE.match(text) or _NAMED_AFFILIATION_RE.match(text)
    if found is None:
        return text
    name = found.group("name")
    if any(
        w.lower() in lexicon.ORG_NOUNS or w.lower() in lexicon.ORG_NAME_WORDS for w in name.split()
    ):
        return text
    return name


def _described_name(text: str) -> str:
    """A person's name after a lower-case description is the name ("harbour chief Mara
    Quist", "the actress's rep Ivo Ren"); a place after "of" or "in" is not ("a resident of
    Port Sellin").

    >>> _described_name("harbour chief Mara Quist"), _described_name("a resident of Port Sellin")
    ('Mara Quist', 'a resident of Port Sellin')
    """
    words = text.split()
    run = 0
    while run < len(words) and words[len(words) - 1 - run][:1].isupper():
        run += 1
    if run < _NAME_WORDS or run == len(words):
        return text
    before = words[len(words) - 1 - run]
    if not before[:1].islower() or before.lower() in _LINKING_WORDS:
        return text
    return " ".join(words[len(words) - run :])


def titled_names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, canonical name) of every titled name of two or three words.

    >>> list(titled_names("Later, President Ashraf Ghani spoke."))
    [(7, 29, 'Ashraf Ghani')]
    """
    for match in _TITLED_NAME_RE.finditer(text):
        yield match.start(), match.end(), canonical_name(match.group())


_ONLY_NAMED_RE = re.compile(
    r"\b(?:gave|give|giving|gives)\s+(?:only\s+)?(?:her|his|their)\s+(?:first\s+)?name\s+"
    r"(?:only\s+)?as\s+"
    r"|\b(?:gave|give|giving|gives)\s+only\s+(?:her|his|their)\s+first\s+name,?\s+"
    r"|\b(?:identified|named|known|introduced\s+(?:herself|himself))\s+only\s+as\s+"
    r"|\basked\s+to\s+be\s+(?:identified|named)\s+only\s+(?:by\s+(?:her|his)\s+first\s+"
    r"name,?\s+|as\s+)"
)
_GIVEN_NAME_RE = re.compile(r"[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?")
_FIRST_NAME_ONLY = (
    r"who\s+(?:would\s+)?(?:only\s+)?(?:gave|give|gives|giving)\s+(?:only\s+)?"
    r"(?:her|his|their)\s+first\s+name\b"
)
# "Mirela, 31, from the village of Tarsk, who would give only her first name": the name comes
# first, then an age or the clause itself
_NAMED_BEFORE_RE = re.compile(
    rf"\b([A-Z][a-z][\w'’-]*),\s+(?:{_FIRST_NAME_ONLY}|\d{{1,3}},\s[^.;]{{0,60}}?"
    rf"{_FIRST_NAME_ONLY})"
)


def only_named(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each person a story names only as they chose to be named: "a
    mother who gave her name only as Mirela", "identified only as Tomas K." (user trial 155:
    no model tags a lone first name, so a later "She said" went to the reporter).

    >>> list(only_named("A mother, who gave her name only as Mirela, said it was cold."))
    [(36, 42, 'Mirela')]
    >>> list(only_named("Among them is Mirela, 31, who would give only her first name."))
    [(14, 20, 'Mirela')]
    """
    found = []
    for cue in _ONLY_NAMED_RE.finditer(text):
        name = _GIVEN_NAME_RE.match(text, cue.end())
        if name is not None:
            found.append((name.start(), name.end(), name.group()))
    found += [(m.start(1), m.end(1), m.group(1)) for m in _NAMED_BEFORE_RE.finditer(text)]
    yield from sorted(found)


def fold_surname(name: str, full_names: Iterable[str]) -> str:
    """Map a lone surname (or "First Last" with the same last word) to a longer full name.

    >>> fold_surname("Sadat", ["Sami Sadat", "Ashraf Ghani"])
    'Sami Sadat'
    >>> fold_surname("Ghani", ["Sami Sadat"])
    'Ghani'
    """
    words = name.split()
    if not words or not name[:1].isupper():
        return name
    last = words[-1].lower()
    for full in full_names:
        parts = full.split()
        if len(parts) > len(words) and parts[-1].lower() == last:
            return full
    return name


_NAME_WORD_RE = re.compile(r"[A-Z][a-z][\w'’-]*")


def split_description(name: str) -> tuple[str, str] | None:
    """(first word, rest) of a name of three or four capitalised words, else None: the first
    word may be a description ("Harbourmaster") of the person named by the rest.

    >>> split_description("Harbourmaster Jonas Veldt"), split_description("Jonas Veldt")
    (('Harbourmaster', 'Jonas Veldt'), None)
    """
    words = name.split()
    if not _NAME_WORDS + 1 <= len(words) <= _NAME_WORDS + 2:
        return None
    if not all(_NAME_WORD_RE.fullmatch(w) for w in words):
        return None
    return words[0], " ".join(words[1:])


def drop_description(name: str, descriptions: Collection[str]) -> str:
    """The name without a leading word known (lower case, in ``descriptions``) to describe.

    >>> drop_description("Survivor Mira Okafor", {"survivor"})
    'Mira Okafor'
    >>> drop_description("Mira Okafor", {"mira"})
    'Mira Okafor'
    """
    split = split_description(name)
    if split is None or split[0].lower() not in descriptions:
        return name
    return split[1]


def described_in(word: str, rest: str, texts: Iterable[str]) -> bool:
    """True when a text writes ``word`` in lower case right before the name ``rest``.

    >>> described_in("Harbourmaster", "Jonas Veldt", ["said harbourmaster Jonas Veldt."])
    True
    """
    pattern = re.compile(rf"(?<![\w-]){re.escape(word.lower())}\s+{re.escape(rest)}(?![\w-])")
    return any(pattern.search(text) for text in texts)


def name_descriptions(ents: Iterable[Any]) -> set[str]:
    """Lower-case words that a parse shows to describe the person named after them: the
    capitalised noun right before a PERSON name that the NER left out of the name and the
    parser hangs on it ("Survivor" in "Survivor Mira Okafor").

    spaCy's noun index is no evidence here: it holds "mark", "grace" and "ana" too.
    """
    out: set[str] = set()
    for ent in ents:
        if ent.label_ != "PERSON" or len(ent) < _NAME_WORDS:
            continue
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if (
            before is not None
            and before.is_title
            and before.pos_ in {"NOUN", "PROPN"}
            and ent.start <= before.head.i < ent.end
        ):
            out.add(before.lower_)
    return out


def is_the_name(ent: Any) -> bool:
    """True for a name written after "the" as a whole noun phrase ("The Saint Orla was
    licensed"): people are not named with an article, vessels and buildings are. A name that
    only modifies a noun ("the Biden administration"), a plural ("the Kennedys") and a title
    ("the Rev Ian Holt") are no evidence.
    """
    doc = ent.doc
    after_the = ent[0].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    words = [t for t in ent if t.lower_ != "the"]
    if not after_the or not words or words[-1].tag_ == "NNPS":
        return False
    if words[-1].dep_ in {"compound", "nmod", "amod", "poss"}:
        return False
    return words[0].lower_.rstrip(".") not in lexicon.TITLES


def story_speakers(names: Iterable[str], texts: Sequence[str]) -> dict[str, str]:
    """Each speaker name of a story -> the one canonical name the story gives it.

    A leading capitalised word is dropped when the story shows it is a description: a text
    writes it in lower case before the same name, or the name is a speaker without it. A
    longer name ending with a full name the story's speakers have is that person. Then a lone
    surname becomes the one full name of the story that ends with it (none when two do), and
    "the minister" the one person the texts give that title.

    >>> story_speakers(["Harbourmaster Ida Berg", "Ida Berg", "Berg"], [])["Berg"]
    'Ida Berg'
    >>> story_speakers(["Survivor Ida Berg"], ["the survivor Ida Berg"])["Survivor Ida Berg"]
    'Ida Berg'
    >>> names = ["Opposition MP Rosa Quellin", "Rosa Quellin"]
    >>> story_speakers(names, [])["Opposition MP Rosa Quellin"]
    'Rosa Quellin'
    """
    given = set(names)
    folded: dict[str, str] = {}
    for name in sorted(given):
        split = split_description(name)
        described = split is not None and (split[1] in given or described_in(*split, texts))
        folded[name] = split[1] if split is not None and described else name
    full = sorted({n for n in folded.values() if len(n.split()) >= _NAME_WORDS})
    for name, value in folded.items():
        ends = [f for f in full if value.endswith(" " + f) and f[:1].isupper()]
        if ends:  # "Opposition MP Rosa Quellin" is the story's "Rosa Quellin"
            folded[name] = max(ends, key=len)
        elif (other := _felt_name(value, full)) is not None:
            folded[name] = other  # "Heartbroken Vale posted:" is the story's "Corin Vale"
        elif " " not in value and value[:1].isupper():
            matches = [f for f in full if f[:1].isupper() and f.split()[-1] == value]
            if len(matches) == 1:
                folded[name] = matches[0]
        elif is_definite_description(value) and len(value.split()) == 2:
            holders = [
                f for f in full if f[:1].isupper() and value.split()[1] in titles_of(f, texts)
            ]
            if len(holders) == 1:  # "the minister" is "Interior Minister Teodor Vasch"
                folded[name] = holders[0]
    return folded


def _felt_name(name: str, full: Sequence[str]) -> str | None:
    """The one full name of the story with the surname of ``name`` when the word before that
    surname says how someone felt ("Heartbroken Vale", "Tearful Oduya"; a paper's style, which
    the entity model takes for a first name), else None.

    >>> _felt_name("Heartbroken Vale", ["Corin Vale", "Heartbroken Vale"])
    'Corin Vale'
    >>> _felt_name("Fred Vale", ["Corin Vale"]) is None
    True
    """
    words = name.split()
    if len(words) != 2 or not _FELT.search(words[0].lower()):
        return None
    matches = [f for f in full if f != name and f.split()[-1] == words[1]]
    return matches[0] if len(matches) == 1 else None


_FELT = re.compile(r"(?:broken|stricken|ful|less|ous|[a-z]{5}ed)$")
"""Endings of a word for a feeling ("heartbroken", "grief-stricken", "tearful", "furious",
"devastated"), five letters or more before an "-ed"."""


_NOT_THE_TITLE = frozenset({"prime", "vice", "deputy", "former", "ex", "junior", "assistant"})
"""Words that make a title another one: a prime minister is not "the minister"."""


def held_titles(words: Sequence[str]) -> set[str]:
    """The titles role words give, lower-cased: "Interior Minister" gives "minister", "Prime
    Minister" and "Deputy Mayor" none (they are other offices).

    >>> sorted(held_titles(["Interior", "Minister"])), held_titles(["Prime", "Minister"])
    (['minister'], set())
    """
    lower = [w.lower().rstrip(".") for w in words]
    return {
        w
        for i, w in enumerate(lower)
        if w in lexicon.TITLES
        and w not in _NOT_THE_TITLE
        and (i == 0 or lower[i - 1] not in _NOT_THE_TITLE)
    }


_ROLE_WORD_RE = re.compile(r"([A-Za-z][\w'’&-]*)(\.?)[ \u00a0]$")
_APPOSITION_RE = re.compile(
    r"^,\s+((?:a|an|the|its|their|his|her)\s+[^.,;:!?()\"“”]{1,60})(?=[,.;])"
)
# "Odile Ferrance, director of the Civil Protection Agency": a bare role of an organisation
_BARE_ROLE_RE = re.compile(
    r"^,\s+([a-z]+(?:\s+[a-z]+)?\s+(?:of|at|for)\s+[^.,;:!?()\"“”]{1,60})(?=[,.;])"
)
# "Captain Liesl Amand of the Dunvik fire brigade": the organisation after the name
_OF_ORG_RE = re.compile(r"^\s+(?:of|at|from)\s+the\s+([^.,;:!?()\"“”]{1,60}?)(?=[,.;]|\s+said\b)")
_ROLE_STOP = frozenset({"and", "or", "with", "by", "to", "from", "the", "a", "an", "of", "in"})


def role_phrases(text: str, start: int, end: int) -> list[list[str]]:
    """The role words of the name at ``start:end``: the words right before it, and an
    apposition after it ("Petra Moll, a union official, said") or before it ("A union
    official, Petra Moll,").

    >>> text = "Interior Minister Teodor Vasch, the acting leader, spoke."
    >>> role_phrases(text, 18, 30)
    [['Interior', 'Minister'], ['acting', 'leader']]
    """
    phrases = [_words_before(text[max(0, start - 60) : start])]
    after = text[end : end + 80]
    apposition = _APPOSITION_RE.match(after)
    if apposition:
        phrases.append(apposition.group(1).split()[1:])
    elif bare := _BARE_ROLE_RE.match(after):
        phrases.append(bare.group(1).split())
    if of_org := _OF_ORG_RE.match(after):
        phrases.append(of_org.group(1).split())
    before = text[max(0, start - 60) : start]
    titled = _TITLE_BEFORE_RE.search(before)  # "A police spokesman, Sergeant Callum Dreyer,"
    if titled and titled.group(1).lower().rstrip(".") not in lexicon.TITLES:
        titled = None
    cut = titled.start() + 1 if titled else len(before) - 1
    if before[:cut].endswith(",") and before[cut:].startswith(" ") and after.startswith(","):
        phrases.append(_words_before(before[: cut - 1] + " "))
    return [p for p in phrases if p]


_TITLE_BEFORE_RE = re.compile(r",\s([A-Z][a-z]+\.?)\s$")


def _words_before(before: str, limit: int = 4) -> list[str]:
    """The words right before a name, back to punctuation, a linking word or a cue verb
    ("said fire chief" gives "fire chief"); a dot only after a title ("Gen.").

    >>> _words_before("the army. Police Captain "), _words_before("said union official ")
    (['Police', 'Captain'], ['union', 'official'])
    """
    words: list[str] = []
    rest = before
    while len(words) < limit:
        match = _ROLE_WORD_RE.search(rest)
        if match is None:
            break
        word, dot = match.group(1), match.group(2)
        lower = word.lower()
        abbreviated = lower in lexicon.TITLES and len(word) <= _ABBREVIATED  # "Gen.", "Capt."
        if (dot and not abbreviated) or lower in _ROLE_STOP or lower in CUE_WORDS:
            break  # "a police spokesman. Katja Brill": the sentence before
        words.insert(0, word)
        rest = rest[: match.start()]
    return words


_ABBREVIATED = 6  # the longest title written with a full stop: "Lieut."


def titles_of(name: str, texts: Iterable[str]) -> set[str]:
    """The titles the texts give a person, in the role words at any mention of the name
    ("Interior Minister Teodor Vasch", "Teodor Vasch, the interior minister,").

    >>> texts = ["Harbour Minister Ida Berg spoke.", "Ida Berg, the mayor, said"]
    >>> sorted(titles_of("Ida Berg", texts))
    ['mayor', 'minister']
    """
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return {
        title
        for text in texts
        for match in pattern.finditer(text)
        for phrase in role_phrases(text, match.start(), match.end())
        for title in held_titles(phrase)
    }


def is_definite_description(phrase: str) -> bool:
    """True for "the mission", "the ministry": "the" and only common nouns after it."""
    words = phrase.split()
    return len(words) >= 2 and words[0].lower() == "the" and all(w.islower() for w in words[1:])


def pronoun_kind(word: str) -> str | None:
    """The kind of antecedent a subject pronoun needs, or None for other words."""
    return _PRONOUNS.get(word.lower())


def is_elliptic(phrase: str) -> bool:
    """True for a speaker phrase that names no noun: "Another", "One", "Others"."""
    return phrase.lower() in _ELLIPTIC


def head_word(token: Any) -> str:
    """The singular lower-case form of a head noun ("Doctors" -> "doctor"), lemmatizer or not."""
    word = str(token.lower_)
    if token.tag_ in {"NNS", "NNPS"} and word.endswith("s") and not word.endswith("ss"):
        return word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return word


def subject_of(verb: Any) -> Any | None:
    """The active subject of a cue verb, following conjuncts and participles up the tree."""
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects:  # the nearest, when a misparse gives two ("Top cop Superintendent Arlo
            return min(subjects, key=lambda c: abs(c.i - token.i))  # Fenwick warned")
        if token.dep_ in {"conj", "advcl", "xcomp"} and token.head is not token:
            token = _past_reported_clause(token)
            continue
        if token.dep_ == "acl" and token.tag_ == "VBG":
            return token.head
        return None
    return None


def _past_reported_clause(token: Any) -> Any:
    """The head to look for a subject in. A participle after a reported clause belongs to the
    reporting verb: in "Voss said the measure did not go far enough, calling it ...", the
    parser hangs "calling" on "go", but it is Voss who calls it so."""
    head = token.head
    if (
        token.tag_ == "VBG"
        and token.dep_ == "advcl"
        and head.dep_ == "ccomp"
        and head.head.lower_ in CUE_WORDS
    ):
        return head.head
    return head


_UP_DEPS = frozenset({"pcomp", "prep", "pobj", "conj", "cc"})
_NOT_GROUPS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "ORG", "PERSON"})


def group_subject(verb: Any) -> Any | None:
    """The group a speech participle with no usable subject hangs from: "residents" in "show
    residents on the streets and rooftops of Herat shouting ...", the place being misparsed
    as the subject. Walks up over prepositions and their objects to the first noun that is
    not one, and takes it when it is a plural common noun ("residents", "hundreds of
    villagers").
    """
    if verb.tag_ != "VBG":
        return None
    token = verb
    for _ in range(8):
        if (token.dep_ not in _UP_DEPS and token is not verb) or token.head is token:
            return None
        token = token.head
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in {"pobj", "conj"}:
            plural = token.tag_ in {"NNS", "NNPS"} and token.pos_ == "NOUN"
            return token if plural and token.ent_type_ not in _NOT_GROUPS else None
    return None


_CUT_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "amod"}


_KIN = _words(
    "father mother dad mum mom son daughter brother sister husband wife widow widower uncle "
    "aunt grandfather grandmother grandson granddaughter cousin fiance fiancee nephew niece "
    "stepfather stepmother"
)
"""Nouns only a person is: "The bride's father, Gerold Marrow" names a person, whatever the
entity model tags the name (user trial 93: a place)."""


def is_kin(noun: Any) -> bool:
    """A noun only a person is ("father", "widow")."""
    return noun.lemma_.lower() in _KIN or noun.lower_ in _KIN


def named_in_apposition(subject: Any) -> Any | None:
    """The person a described subject names in apposition: "Brady" in "Orsbridge's mayor, Colm
    Brady, said". A name the entity model calls a person, or one of two capitalised words
    (after a kin noun whatever the model calls it)."""
    if subject.pos_ != "NOUN":
        return None
    for child in subject.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        words = [t for t in child.subtree if t.pos_ == "PROPN"]
        kin = (subject.lemma_.lower() in _KIN or subject.lower_ in _KIN) and len(
            words
        ) >= _NAME_WORDS
        if (
            child.ent_type_ == "PERSON"
            or kin
            or (child.ent_type_ not in {"GPE", "LOC", "FAC"} and len(words) >= _NAME_WORDS)
        ):
            return child
    return None


def speaker_tokens(subject: Any, *, limit: int = 9) -> Sequence[Any]:
    """The tokens of a subject phrase, without clauses, appositions or long modifiers.

    "An Afghan interpreter living in the city" gives "An Afghan interpreter"; "the United
    Nations Assistance Mission for Afghanistan (UNAMA)" keeps its "(UNAMA)".
    """
    doc = subject.doc
    start = subject.left_edge.i
    end = subject.i + 1
    rights = list(subject.rights)
    for n, child in enumerate(rights):
        coordinated = _coordinated(child, rights[n + 1 : n + 2])
        if child.dep_ in _CUT_DEPS and not _is_acronym(child) and not coordinated:
            break
        if child.right_edge.i + 1 - start > limit:
            break
        end = child.right_edge.i + 1
    if _is_acronym_after(doc, end):
        end += 3
    elif end < len(doc) and doc[end].text == ")" and end >= 2 and doc[end - 2].text == "(":
        end += 1
    return [doc[i] for i in range(start, end)]


def _coordinated(child: Any, following: Sequence[Any]) -> bool:
    """A coordinated name in a subject: "and" before a noun conjunct, or that conjunct
    ("Washington and London", "The US and UK")."""
    if child.dep_ == "cc":
        return bool(following) and _coordinated(following[0], [])
    return bool(child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN"})


def _is_acronym(token: Any) -> bool:
    return bool(token.dep_ == "appos" and token.i > 0 and token.doc[token.i - 1].text == "(")


def _is_acronym_after(doc: Any, end: int) -> bool:
    if end + 2 >= len(doc):
        return False
    return bool(doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_alpha)


OTHER_GENDER = {"he": "f", "she": "m"}
"""For "he" and "she", the gender (:func:`gender_in`) of a person they cannot stand for."""

_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}
_GENDERED_BEFORE = _HONORIFICS | {  # "whose brother Pavel": Pavel is a man (user trial 114)
    **dict.fromkeys(["brother", "son", "father", "husband", "uncle", "nephew"], "m"),
    **dict.fromkeys(["grandson", "grandfather", "boyfriend", "stepson", "stepfather"], "m"),
    **dict.fromkeys(["sister", "daughter", "mother", "wife", "aunt", "niece"], "f"),
    **dict.fromkeys(["granddaughter", "grandmother", "girlfriend", "stepdaughter"], "f"),
}
_HIS = {"he": "m", "his": "m", "him": "m", "himself": "m"}
_HERS = {"she": "f", "her": "f", "hers": "f", "herself": "f"}


_SAID = frozenset(["said", "says", "told", "added", "insisted", "claimed", "argued", "that"])


def _kin_of(name: str, before: Sequence[str], gap: str) -> bool:
    """The surname of ``name`` right after another capitalised first name: "Tomas Solt" for
    "Maren Solt", whose pronouns are not hers (user trial 114)."""
    given = name.split()[:-1]
    return bool(
        given
        and before
        and gap == " "
        and before[-1][:1].isupper()
        and before[-1] not in given
        and before[-1].lower() not in lexicon.TITLES  # "Minister Solt" is Maren Solt
        and before[-1].lower() not in lexicon.PERSON_ROLES
    )


def _reported(before: Sequence[str]) -> bool:
    """The pronoun opens a clause someone reports: in "His lawyer, Annika Brede, said he
    would appeal" the "he" may be the client, so it tells nothing of the lawyer."""
    return bool(before) and before[-1].lower() in _SAID


def gender_in(text: str, name: str) -> str | None:
    """Whether an article calls a person "he" or "she": an honorific before the surname
    ("Ms Ilvessen"), else the first third-person pronoun after a mention of the surname in the
    same sentence, with no other capitalised name between ("Vedrik accepted the result, and he
    ..."). None when the article does not tell, or tells both ways."""
    surname = name.split()[-1]
    if not surname[:1].isupper():
        return None
    found: set[str] = set()
    for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
        before = re.findall(r"[A-Za-z]+", text[max(0, match.start() - 14) : match.start()])
        if before and before[-1].lower() in _GENDERED_BEFORE:  # "Ms Ilvessen", "brother Pavel"
            found.add(_GENDERED_BEFORE[before[-1].lower()])
            continue
        if _kin_of(name, before, text[match.start() - 1 : match.start()]):
            continue  # "Tomas Solt" is not "Maren Solt": another of the family
        rest = re.split(r"(?<=[.!?])\s", text[match.end() : match.end() + 200], maxsplit=1)[0]
        rest = re.split(r"[\"“”]", rest, maxsplit=1)[0]  # not the words a quote opens with:
        # 'Salomonsen said: "The defendant treated ... his private purse"' is not her gender
        words = re.findall(r"[A-Za-z]+", rest)
        for i, word in enumerate(words):
            key = word.lower()
            named = word[:1].isupper() and key not in _HIS and key not in _HERS
            if named and word not in ("I", "The", "A", "An"):
                break  # another name comes first: the pronoun may be that person's
            if key in _HIS or key in _HERS:
                if key not in {"he", "she"} or not _reported(words[:i]):  # "said his party"
                    found.add(_HIS.get(key) or _HERS[key])
                break
    return next(iter(found)) if len(found) == 1 else None
