"""Whose age a number is, when it names a person: "Tobin Aldercrest, 19,", "Aldercrest, aged
21,", "19-year-old Tobin Aldercrest", "the 19-year-old student Tobin Aldercrest".

An age is no count (see :mod:`storylens.analyze._quantity_skip`), but outlets that give one
person two ages disagree on a fact (user trials 148, 151 and 156 planted such conflicts): a
named person's age is read as a figure whose ``what`` is "age of" and the name, so the two
are compared like any two figures. An age with no name ("a man, 45,", "children under 16")
stays out.
"""

from __future__ import annotations

from typing import Any

from storylens.analyze.speakers import canonical_name

__all__ = ["aged_person"]

_MAX_NOUNS = 2  # "the 19-year-old engineering student Tobin Aldercrest"


def aged_person(doc: Any, start: int, end: int) -> str | None:
    """The name of the person whose age the number at tokens ``start:end`` gives, if named."""
    before = _name_before(doc, start)
    return before if before is not None else _name_after(doc, end)


def _name_before(doc: Any, start: int) -> str | None:
    """ "Tobin Aldercrest, 19," and "Tobin Aldercrest, aged 19,"."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "aged":
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    return _name_ending(doc, i - 1)


def _name_after(doc: Any, end: int) -> str | None:
    """ "19-year-old Tobin Aldercrest", "the 19-year-old student Tobin Aldercrest"."""
    reach = range(end, min(end + 4, len(doc)))
    old = next((j for j in reach if doc[j].lower_.endswith("old")), None)
    if old is None:
        return None
    j = old + 1
    nouns = 0
    while j < len(doc) and doc[j].pos_ == "NOUN" and nouns < _MAX_NOUNS:
        j, nouns = j + 1, nouns + 1
    return _name_starting(doc, j)


def _name_ending(doc: Any, last: int) -> str | None:
    if last < 0 or doc[last].pos_ != "PROPN":
        return None
    first = last
    while first > 0 and doc[first - 1].pos_ == "PROPN":  # titles too: _person folds them
        first -= 1
    return _person(doc, first, last + 1)


def _name_starting(doc: Any, first: int) -> str | None:
    if first >= len(doc) or doc[first].pos_ != "PROPN":
        return None
    last = first
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
        last += 1
    return _person(doc, first, last + 1)


def _person(doc: Any, start: int, end: int) -> str | None:
    """The name, as the quote stage folds a speaker's (titles left out: "Dr Ana Voss" is "Ana
    Voss"); the number stage has already read the number as an age, so the name as a
    person's, whatever label the model gives it."""
    if not all(t.text[:1].isupper() for t in doc[start:end]):
        return None  # "his father, 47,": the model may take a kinship noun for a name
    return canonical_name(" ".join(t.text for t in doc[start:end])) or None
