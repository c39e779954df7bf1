"""Numbers that are not quantities: ordinals, years, dates, clock times, ages, names, durations.

:func:`skip_reason` says why a number run is not a reported quantity ("in 2021", "June 5",
"aged 5", "Ana Ruiz, 34,", "Article 5", "the last 24 hours", "one resident said"), or None when
it is one.
"""

from __future__ import annotations

import re
from typing import Any

from storylens.analyze._counted import event_group, subject_group
from storylens.analyze._durations import lasting
from storylens.analyze._num_words import (
    DAYS,
    LOCATIVE,
    MEASURE_UNITS,
    MONTHS,
    SPEECH,
    TIME_UNITS,
    TOTALS,
)
from storylens.analyze._penalties import penalty, time_limit, time_unit
from storylens.analyze._quantity import CURRENCY_CODES, MONEY, Run, bound_before
from storylens.nlp import place_names
from storylens.text import _words

__all__ = ["skip_reason"]

_CLOCK = {"am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc", "hrs", "o'clock"}
_DAY_PARTS = {"morning", "afternoon", "evening", "night"}
_YEAR_PREPS = {"in", "since", "by", "until", "from", "of", "before", "after", "during", "to"}
_ONE_KEEPERS = {"only", "just", "exactly", "single"}
_NOT_PEOPLE = {"GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME", "EVENT", "PRODUCT"}


def skip_reason(doc: Any, run: Run) -> str | None:
    """Why a number is not a reported quantity (year, date, name...), or None when it is one."""
    first, last = doc[run.start], doc[run.end - 1]
    prev = doc[run.start - 1] if run.start > 0 else None
    nxt = doc[run.end] if run.end < len(doc) else None
    checks = (
        ("ordinal", first.ent_type_ == "ORDINAL"),
        ("year", _is_year(run, last, prev)),
        ("date", _near_month(prev, nxt)),
        ("time", ":" in last.text or (nxt is not None and nxt.lower_ in _CLOCK)),
        ("time", _part_of_day_after(doc, run) or _bare_hour(doc, run)),
        ("age", _is_age(doc, run, prev) or _is_age_after_name(run, first, prev, nxt)),
        ("name", _inside_name(run, last, prev, nxt)),
        ("duration", _is_duration(doc, run)),
        ("score", _is_scoreline(doc, run)),
        ("code", _is_code(doc, run) or _is_identifier(doc, run)),
        ("date", _dated_list(doc, run)),
        ("rate-base", prev is not None and prev.lower_ == "per"),
        ("pronoun-one", _is_pronoun_one(run, first, prev)),
        ("denied", _denied_total(doc, run)),
        ("family", _family_size(doc, run) or _own_life(doc, run)),
        ("restated", _restated(doc, run, prev, nxt)),
        ("multiplier", _multiplier(doc, run, nxt)),
    )
    return next((reason for reason, hit in checks if hit), None)


_TIMES_WHAT = frozenset(["over", "as", "the", "that", "what", "its", "their", "his", "her"])


def _multiplier(doc: Any, run: Run, nxt: Any | None) -> bool:
    """ "three times over", "four times the national average", "twice as many": a ratio, not
    a count of times (user trial 147: "paid for it three times over" was set against "changed
    more than 60 times"). "changed more than 60 times." counts."""
    if nxt is None or nxt.lower_ != "times" or run.end + 1 >= len(doc):
        return False
    after = doc[run.end + 1]
    return after.lower_ in _TIMES_WHAT or after.tag_ in {"JJR", "RBR"}


def _restated(doc: Any, run: Run, prev: Any | None, nxt: Any | None) -> bool:
    """A count given before, named again: "two of those six men", "four of the six were
    taken to hospital" (the six with no noun of their own)."""
    if prev is None:
        return False
    if prev.lower_ in {"those", "these"}:
        return True
    part = doc[run.start - 3 : run.start]  # "four of the": a part of the group before
    of_the = len(part) == 3 and part[0].like_num and [t.lower_ for t in part[1:]] == ["of", "the"]
    return of_the and (nxt is None or nxt.pos_ in {"VERB", "AUX", "PUNCT", "ADP"})


_PARENTS = frozenset(
    ["mother", "father", "mum", "mom", "dad", "parent", "grandmother", "grandfather"]
)


def _family_size(doc: Any, run: Run) -> bool:
    """ "a mother of three": who someone is, not a count the story reports."""
    before = [t.lower_ for t in doc[max(0, run.start - 2) : run.start]]
    return len(before) == 2 and before[1] == "of" and before[0] in _PARENTS


_HOLDS = frozenset(["have", "hold", "own", "juggle", "work"])


def _own_life(doc: Any, run: Run) -> bool:
    """ "he now holds two part-time jobs", "she has three children": what one person has,
    told of them, not a count the story reports (user trial 113 compared those two jobs with
    the 112,000 the economy added)."""
    noun = doc[run.end - 1].head
    verb = noun.head
    return (
        doc[run.end - 1].dep_ == "nummod"
        and noun.dep_ == "dobj"
        and verb.lemma_.lower() in _HOLDS
        and any(c.dep_ == "nsubj" and c.lower_ in {"he", "she", "i"} for c in verb.children)
    )


def _denied_total(doc: Any, run: Run) -> bool:
    """ "it does not add up to 148": a figure the sentence denies, not one it gives."""
    if run.start < 4 or [t.lower_ for t in doc[run.start - 2 : run.start]] != ["up", "to"]:
        return False
    verb = doc[run.start - 3]
    return verb.lemma_.lower() == "add" and any(c.dep_ == "neg" for c in verb.children)


def _is_year(run: Run, last: Any, prev: Any | None) -> bool:
    """A four-digit 1900..2099 in a date, after "in/since/by", or not counting a noun; an
    earlier year ("records began in 1894", user trial 148) after "in/since/by" only."""
    if run.unit or run.vague:
        return False
    after_prep = prev is not None and prev.lower_ in _YEAR_PREPS
    if re.fullmatch(r"1[5-8]\d\d", last.text):
        nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
        return after_prep and last.dep_ == "pobj" and (nxt is None or nxt.tag_ != "NNS")
    if not re.fullmatch(r"(?:19|20)\d\d", last.text):
        return False
    counts_noun = last.dep_ == "nummod" and last.head.tag_ == "NNS"
    return last.ent_type_ == "DATE" or after_prep or not counts_noun


def _near_month(prev: Any | None, nxt: Any | None) -> bool:
    """Next to a month name: "June 5", "5 June"."""
    return any(t is not None and t.lower_.rstrip(".") in MONTHS for t in (prev, nxt))


def _is_age(doc: Any, run: Run, prev: Any | None) -> bool:
    """ "aged 5", "a 5-year-old", "children under 16", "people over 65"."""
    tail = "".join(t.text for t in doc[run.end : run.end + 4]).lower()
    before = doc[run.start - 2] if run.start > 1 else None
    limit = (
        prev is not None
        and prev.lower_ in {"under", "over"}
        and before is not None
        and subject_group(before.lower_) in {"people", "children"}
        and (run.end >= len(doc) or doc[run.end].pos_ != "NOUN")
    )
    return (
        (prev is not None and prev.lower_ in {"aged", "age"})
        or limit
        or bool(re.match(r"-(?:year|month|week)s?-old", tail))
    )


def _is_age_after_name(run: Run, first: Any, prev: Any | None, nxt: Any | None) -> bool:
    """ "Ana Ruiz, 34, said", "the driver, 45, was": a bare whole number set off by commas right
    after a name or a singular noun is the age of who it names. Not after a place ("in Harlow,
    75, and Dunmore, 40") or a noun naming an amount ("the tally, 45, was higher")."""
    if prev is None or not _set_off(run, first, prev, nxt):
        return False
    name = first.doc[prev.i - 1]
    if name.pos_ == "PROPN":
        person = name.ent_type_ not in _NOT_PEOPLE or _named_as_person(name, nxt)
        return person and not _at_place(name)
    return name.tag_ == "NN" and not _names_amount(name)


def _at_place(name: Any) -> bool:
    """The name, or the first of names joined to it, is the object of "in/at/near...": a place
    ("deaths were highest in Harlow, 75, and Dunmore, 40")."""
    while name.dep_ == "conj" and name.head.i != name.i:
        name = name.head
    return bool(name.dep_ == "pobj" and name.head.lower_ in LOCATIVE)


def _set_off(run: Run, first: Any, prev: Any, nxt: Any | None) -> bool:
    """A bare whole number of one to three digits, an age's range, between a comma and a comma
    or the end of the sentence."""
    if run.unit or run.vague or run.end - run.start != 1 or not first.text.isdigit():
        return False
    if prev.text != "," or prev.i == 0 or not 0 < run.value < 120:
        return False
    return nxt is None or nxt.is_punct


def _named_as_person(name: Any, nxt: Any | None) -> bool:
    """A capitalised name the model labels a place or organisation ("Vera Feld, 58, said"),
    read as a person's when the words around it say so: after its number comes a verb, "who" or
    a description in apposition ("Ilse Hamar, 61, a retired nurse"), or it says a quote ("said
    Vera Feld, 58."). A name in the shipped gazetteer of places is not: "Paris, 75, and Lyon,
    40, reported"; nor is a day or a month."""
    if not name.text[:1].isupper() or name.lower_ in DAYS | MONTHS:
        return False
    if _name_phrase(name) in place_names():
        return False
    return _speaks_after_quote(name) or _person_follows(name, nxt)


def _person_follows(name: Any, comma: Any | None) -> bool:
    """After "Name, 58," the words go on about a person: a verb ("said", "was"), "who", or a
    description in apposition to the name ("a retired nurse")."""
    if comma is None or comma.text != "," or comma.i + 1 >= len(comma.doc):
        return False
    after = comma.doc[comma.i + 1]
    if after.pos_ in {"VERB", "AUX"} or after.tag_ == "WP":
        return True
    described = after if after.dep_ == "appos" else after.head
    return bool(
        described.dep_ == "appos" and described.head.i == name.i and described.pos_ == "NOUN"
    )


def _speaks_after_quote(name: Any) -> bool:
    """The name is the subject of a speech verb before it: '"It was dark," said Vera Feld'."""
    verb = name.head
    return bool(name.dep_ == "nsubj" and verb.i < name.i and verb.lemma_.lower() in SPEECH)


def _name_phrase(name: Any) -> str:
    """The name with the proper nouns compounded before it: "Ilse Hamar", "New York"."""
    compounds = (t.i for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN")
    return str(name.doc[min(compounds, default=name.i) : name.i + 1].text)


def _names_amount(noun: Any) -> bool:
    """A noun a number is the value of, not the age of: a total or a unit ("the tally, 45"),
    or compared as an amount is ("the fare, 45, was lower than last year")."""
    if noun.lower_ in TOTALS | MEASURE_UNITS | TIME_UNITS or noun.lemma_.lower() in TOTALS:
        return True
    verb = noun.head if noun.dep_ in {"nsubj", "nsubjpass"} else None
    return verb is not None and any(c.dep_ == "acomp" and c.tag_ == "JJR" for c in verb.children)


_LABEL_NOUNS = frozenset(["type", "category", "stage", "grade", "tier", "level", "phase"])


def _inside_name(run: Run, last: Any, prev: Any | None, nxt: Any | None) -> bool:
    """Part of a name: "Article 5", "Covid-19", "the InterCity 214 service", "the 215 Maiwand
    Afghan Army Corps"."""
    if run.vague or run.unit == "percent" or run.unit in MONEY:  # "the Green Labour
        return False  # Alliance 14.6 percent", "fined retailer Velmora 4.2 million euros"
    if prev is not None and not prev.whitespace_ and prev.text == "-":
        return True
    if prev is not None and prev.lower_ in _LABEL_NOUNS and prev.dep_ != "pobj":
        return True  # "type 2 diabetes", "a category 4 storm", "stage 3 cancer" (trial 149)
    named_prev = (
        prev is not None
        and prev.whitespace_
        and prev.is_alpha
        and prev.text[:1].isupper()  # "Article 5", "UN 2250", "InterCity 214"
        and not prev.is_sent_start
        and prev.lower_ not in DAYS | MONTHS
        and prev.tag_ == "NNP"
        and prev.text not in CURRENCY_CODES  # "EUR 2.4 million" is money
    )
    named_next = (
        nxt is not None
        and nxt.tag_ in {"NNP", "NNPS"}
        and last.head.pos_ == "PROPN"
        and last.dep_ in {"nummod", "compound"}
        and nxt.ent_type_ not in {"NORP", "GPE"}
    )
    return named_prev or named_next


def _is_duration(doc: Any, run: Run) -> bool:
    """A stretch of time ("the last 24 hours"): a *when*, unless it measures something ("20
    years of operations"), is a penalty given or asked ("sentenced to nine years") or a limit
    set ("within 30 days")."""
    unit = time_unit(doc, run)
    if unit is None or penalty(unit) is not None or time_limit(doc, run) is not None:
        return False
    if any(c.dep_ in {"compound", "amod"} and c.lower_ in _DAYS_OF for c in unit.children):
        return False  # "11 school days had been lost": days counted (user trial 122)
    if lasting(doc, run) is not None:  # "the fighting lasted six hours": how long, not when
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in unit.children)


_DAYS_OF = frozenset(["school", "working", "work", "teaching", "trading", "strike", "sick"])

_RESULTS = _words("win wins victory defeat loss lead draw ruling decision vote verdict result")


def _is_scoreline(doc: Any, run: Run) -> bool:
    """A result written "2-1" or a split vote "7-2": two small whole numbers joined by a
    hyphen with no counted noun after them ("10-15 people" is a range of people)."""
    at = run.start
    if at > 1 and doc[at - 1].text in {"-", "–"} and doc[at - 2].like_num:
        at -= 2
    if at + 2 >= len(doc) or doc[at + 1].text not in {"-", "–"}:
        return False
    first, second = doc[at], doc[at + 2]
    if not (first.text.isdigit() and second.text.isdigit()):
        return False
    if (
        int(first.text) > 30
        or int(second.text) > 30
        or first.whitespace_
        or doc[at + 1].whitespace_
    ):
        return False
    after = doc[at + 3] if at + 3 < len(doc) else None
    return after is None or after.pos_ != "NOUN" or after.lower_ in _RESULTS


def _is_code(doc: Any, run: Run) -> bool:
    """Digits of a phone number or a reference ("0800 555 0192", "0800 417 2200"): a number
    with a leading zero, or three or more digits in a run of such groups that holds one."""
    token = doc[run.start]

    def group(t: Any) -> bool:
        return t.text.isdigit() and (t.text.startswith("0") or len(t.text) >= 3)

    if re.fullmatch(r"0\d{2,}", token.text):
        return True
    if not group(token):
        return False
    chain = [token]  # "0800 417 2200": every group of the number, however far from the zero
    for step in (-1, 1):
        i = run.start + step
        while 0 <= i < len(doc) and group(doc[i]):
            chain.append(doc[i])
            i += step
    return any(t.text.startswith("0") for t in chain[1:])


_ID_NOUNS = _words(
    "batch batches lot lots flight flights route routes bus buses platform platforms room rooms "
    "gate gates exit exits junction chapter section article clause code number no no. nos. "
    "ward bay pier berth terminal highway interstate runway runways row rows seat track tracks "
    "line lines hangar"
)
_LIST_WORDS = frozenset({",", "and", "or", "to", "-", "–"})


def _is_identifier(doc: Any, run: Run) -> bool:
    """A number that names a thing ("Gate 7", "Flight 370", "Batches 2231, 2232 and 2240"):
    digits after a noun that things are numbered by, or in a list that follows one."""
    at = run.start - 1
    while at >= 0 and (doc[at].text in _LIST_WORDS or doc[at].text.isdigit()):
        at -= 1
    if at > 0 and doc[at].text == "." and doc[at - 1].lower_ in {"no", "nos"}:
        at -= 1  # "the colliery's No. 4 district", its full stop a token of its own
    return at >= 0 and doc[run.start].text.isdigit() and doc[at].lower_ in _ID_NOUNS


def _dated_list(doc: Any, run: Run) -> bool:
    """A day in a list of days before a month: "18, 19 or 21 March"."""
    at = run.end
    while at < len(doc) and at < run.end + 8:
        token = doc[at]
        if token.lower_.rstrip(".") in MONTHS:
            return True
        if not (token.text in _LIST_WORDS or (token.text.isdigit() and int(token.text) <= 31)):
            return False
        at += 1
    return False


def _part_of_day_after(doc: Any, run: Run) -> bool:
    """A clock time in words: "They rang me at seven in the morning"; not a figure put at a
    number ("officials put the number of dead at three in the morning")."""
    after = [t.lower_ for t in doc[run.end : run.end + 3]]
    if len(after) < 3 or after[:2] != ["in", "the"] or after[2] not in _DAY_PARTS:
        return False
    prep = doc[run.start - 1] if run.start > 0 else None
    return (
        prep is not None
        and prep.lower_ in {"at", "by", "until", "till", "before", "after"}
        and prep.head.lemma_ not in _FIGURE_VERBS
    )


_FIGURE_VERBS = frozenset(["put", "stand", "estimate", "set", "peg", "place", "fix", "reach"])
_LEVEL_VERBS = frozenset(  # verbs a level is given at: "inflation peaked at three"
    ["peak", "close", "open", "settle", "finish", "end", "hover", "level", "rate", "value"]
)


def _bare_hour(doc: Any, run: Run) -> bool:
    """An hour in words or digits after "at", nothing counted after it, saying when someone
    did something: "I woke up at three and could not breathe"; not a figure something is put
    or rated at ("put the toll at three", "rated the danger at four") or a level ("inflation
    peaked at three")."""
    prep = doc[run.start - 1] if run.start > 0 else None
    number = doc[run.end - 1]
    if prep is None or prep.lower_ != "at" or number.dep_ != "pobj" or run.end - run.start != 1:
        return False
    verb = prep.head
    return (
        1 <= run.value <= 12
        and run.value.is_integer()
        and verb.pos_ == "VERB"
        and verb.lemma_ not in _FIGURE_VERBS | _LEVEL_VERBS
        and not any(c.dep_ == "dobj" for c in verb.children)  # "rated the danger at four"
    )


def _is_pronoun_one(run: Run, first: Any, prev: Any | None) -> bool:
    """ "one resident said", "one of three": "one" is a count only after "only/just/exactly",
    or when what it counts is a casualty ("one man is still missing", "one firefighter was
    injured")."""
    if first.lower_ != "one" or run.end - run.start != 1 or _one_casualty(first):
        return False
    return prev is None or (prev.lower_ not in _ONE_KEEPERS and bound_before(prev) is None)


def _one_casualty(one: Any) -> bool:
    """ "One man is still missing": the noun "one" counts is the subject of a casualty word."""
    noun = one.head
    if one.dep_ != "nummod" or noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    predicate = noun.head
    words = [predicate, *(c for c in predicate.children if c.dep_ in {"acomp", "attr", "oprd"})]
    return any(event_group(w.lemma_) or event_group(w.lower_) for w in words)
