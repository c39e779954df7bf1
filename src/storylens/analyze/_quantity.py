"""Number expressions: where a quantity's words run, its value, its bound and the range allowed.

:func:`run_at` reads digits and number words ("1.5 million", "two hundred and fifty", "5%"),
ranges ("30 to 40", "between 30 and 40") and vague amounts ("dozens", "tens of thousands",
"a handful") into a :class:`Run`; :func:`bound_phrase` finds the phrase before it ("more
than", "up to") and :func:`value_range` turns run and bound into the low and high values the
wording allows (``math.inf`` for an open range).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from storylens.analyze._measures import unit_at
from storylens.analyze._num_words import MOVE_VERBS, TIME_HOURS
from storylens.model import Bound
from storylens.nlp import SCALED

__all__ = [
    "BOUNDS",
    "CURRENCIES",
    "CURRENCY_WORDS",
    "HINT",
    "JUST_BELOW",
    "MONEY",
    "VAGUE",
    "Run",
    "bound_before",
    "bound_phrase",
    "currency_before",
    "increment_word",
    "is_count",
    "part_word",
    "run_at",
    "value_range",
]

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen"
_NUMBER_WORDS = {w: float(i) for i, w in enumerate(f"{_ONES} {_TEENS}".split())}
_NUMBER_WORDS |= {
    w: float(10 * (i + 2))
    for i, w in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    )
}
CURRENCIES = frozenset({"$", "£", "€", "¥"})
"""Currency signs written before an amount: the amount's ``unit``, and part of its span."""
CURRENCY_CODES = {
    "EUR": "€",
    "USD": "$",
    "GBP": "£",
    "JPY": "¥",
    **dict.fromkeys(["kr", "Kr", "NOK", "SEK", "DKK"], "kr"),  # "about kr 830", as "830 kroner"
}
"""Currency codes written before an amount ("EUR 2.4 million"), by the sign they stand for."""
CURRENCY_WORDS = {
    "euro": "€",
    "euros": "€",
    "dollar": "$",
    "dollars": "$",
    "yen": "¥",
    **dict.fromkeys(["crown", "crowns", "krona", "kronor", "krone", "kroner"], "kr"),
    **dict.fromkeys(["franc", "francs"], "Fr"),
    **dict.fromkeys(["rupee", "rupees"], "Rs"),
    **dict.fromkeys(["rouble", "roubles", "ruble", "rubles"], "RUB"),
    **dict.fromkeys(["peso", "pesos"], "MXN"),
    **dict.fromkeys(["shekel", "shekels"], "ILS"),
    **dict.fromkeys(["dirham", "dirhams"], "AED"),
    **dict.fromkeys(["riyal", "riyals"], "SAR"),
    "yuan": "CNY",
    "naira": "NGN",
    "lira": "TRY",
    "zloty": "PLN",
}
"""Currency names written after an amount ("2.4 million euros", "14.2 million crowns"); not
"pounds", a weight too, nor "won" or "rand", words too."""
MONEY = CURRENCIES | frozenset(CURRENCY_WORDS.values()) | {"mk"}  # "mk": see _SUM_WORDS
"""Every unit that makes a figure a sum of money: signs and the units of currency names."""


def currency_before(doc: Any, start: int) -> str | None:
    """The currency sign or code right before token ``start``, as a sign, or None."""
    if start <= 0:
        return None
    before = doc[start - 1].text
    return before if before in CURRENCIES else CURRENCY_CODES.get(before)


_MONEY_SUFFIXES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "million": 1e6,  # "€48million", written without a space
    "billion": 1e9,
    "trillion": 1e12,
}
_MONEY_TOKEN = re.compile(r"(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|b|tn|million|billion|trillion)")
_HALVED = frozenset(["million", "billion", "trillion", "dozen"])  # "half a million"
_MULTIPLIERS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12.0}
VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 999_999.0),
    "millions": (2e6, 999_999_999.0),
    "billions": (2e9, 999e9),
    "handful": (2.0, 9.0),
}
_VAGUE_TENS = {"tens": (20.0, 99.0), "dozens": (24.0, 99.0), "hundreds": (200.0, 999.0)}
_VAGUE_UNITS = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
HINT = re.compile(  # "one" alone is mostly a pronoun: see _quantity_skip
    r"\d|\b(?:"
    + "|".join([*(set(_NUMBER_WORDS) - {"one"}), *_MULTIPLIERS, *VAGUE, "tens"])
    + r"|(?:only|just|exactly|least|than)\s+one"
    + r"|(?:an?\s+|half-)(?:mile|kilomet(?:re|er)|metre|meter|yard|foot)s?"
    + r"|half\s+an?\s+percentage)\b",
    re.I,
)


BOUNDS: dict[tuple[str, ...], Bound] = {
    ("at", "least"): Bound.AT_LEAST,
    ("no", "fewer", "than"): Bound.AT_LEAST,
    ("no", "less", "than"): Bound.AT_LEAST,
    ("not", "less", "than"): Bound.AT_LEAST,
    ("a", "minimum", "of"): Bound.AT_LEAST,
    ("more", "than"): Bound.MORE_THAN,
    ("over",): Bound.MORE_THAN,
    ("above",): Bound.MORE_THAN,
    ("upwards", "of"): Bound.MORE_THAN,
    ("in", "excess", "of"): Bound.MORE_THAN,
    ("greater", "than"): Bound.MORE_THAN,
    ("at", "most"): Bound.AT_MOST,
    ("up", "to"): Bound.AT_MOST,
    ("no", "more", "than"): Bound.AT_MOST,
    ("not", "more", "than"): Bound.AT_MOST,
    ("a", "maximum", "of"): Bound.AT_MOST,
    ("as", "many", "as"): Bound.AT_MOST,
    ("as", "much", "as"): Bound.AT_MOST,  # "as much as 48 million euros"
    ("as", "high", "as"): Bound.AT_MOST,
    ("within",): Bound.AT_MOST,  # "within 30 days", "within 5 kilometres"
    ("within", "the", "next"): Bound.AT_MOST,
    ("in", "the", "next"): Bound.AT_MOST,  # a window ahead: "in the next 48 hours"
    ("in", "the", "coming"): Bound.AT_MOST,
    ("less", "than"): Bound.LESS_THAN,
    ("fewer", "than"): Bound.LESS_THAN,
    ("under",): Bound.LESS_THAN,
    ("below",): Bound.LESS_THAN,
    ("just", "under"): Bound.LESS_THAN,
    ("around",): Bound.AROUND,
    ("about",): Bound.AROUND,
    ("approximately",): Bound.AROUND,
    ("roughly",): Bound.AROUND,
    ("some",): Bound.AROUND,
    ("an", "estimated"): Bound.AROUND,
    ("estimated",): Bound.AROUND,
    ("circa",): Bound.AROUND,
    ("nearly",): Bound.AROUND,
    ("almost",): Bound.AROUND,
    ("close", "to"): Bound.AROUND,
}
JUST_BELOW = {("nearly",), ("almost",), ("close", "to")}  # around, but hardly above
NEARLY_OVER = 0.01
"""How far above its figure "nearly" reaches: a hundredth (rounding, not a rise)."""
_INCREMENTS = {"more", "additional", "further", "extra"}  # "21 more", "a further 21"
_PARTS = {"first", "initial"}  # "the first 500,000 doses": a batch of a larger total
_BATCH_ORDER = {"first", "initial", "second", "third", "last", "final", "latest", "next"}
_BATCHES = {"group", "batch", "wave", "round", "contingent", "convoy", "tranche", "shipment"}


@dataclass(frozen=True, slots=True)
class Run:
    """The tokens of one number expression and the values its wording allows."""

    start: int  # token index of the first token (bound phrase excluded)
    end: int  # token index after the last token
    value: float
    low: float
    high: float
    vague: str | None
    unit: str | None
    tail: int | None = None  # token index after the parts written after the unit, if any
    # ("seven years and six months": the run is "seven", 7.5; its text runs to "six")


def run_at(doc: Any, i: int, end: int) -> Run | None:
    """The number expression starting at token ``i``, if one does; "minus four" is below zero
    (user trials 155 and 157 read "minus 12" as 12 degrees)."""
    words = [t.lower_ for t in doc[i : min(end, i + 3)]]
    if words[0] == "minus" and i + 1 < end and is_count(words[1]):
        below = _positive_run(doc, i + 1, end)
        return None if below is None else _negated(below, i)
    return _positive_run(doc, i, end)


def _negated(run: Run, start: int) -> Run:
    """The run below zero, its first token moved to the "minus" before it."""
    return Run(start, run.end, -run.value, -run.high, -run.low, run.vague, run.unit, run.tail)


def _positive_run(doc: Any, i: int, end: int) -> Run | None:
    words = [t.lower_ for t in doc[i : min(end, i + 3)]]
    if words[0] in _VAGUE_TENS and words[1:3] and words[1] == "of" and words[2] in _VAGUE_UNITS:
        lo, hi = _VAGUE_TENS[words[0]]
        unit = _VAGUE_UNITS[words[2]]
        return Run(i, i + 3, lo * unit, lo * unit, hi * unit, " ".join(words), None)
    if words[0] in {"a", "an"} and len(words) > 1 and words[1] == "handful":
        return Run(i, i + 2, 2.0, 2.0, 9.0, "a handful", None)
    if words[0] in VAGUE:
        lo, hi = VAGUE[words[0]]
        return Run(i, i + 1, lo, lo, hi, words[0], None)
    if words[0] in {"a", "an"} and len(words) > 1 and words[1] in _MULTIPLIERS:
        return _exact_run(doc, i, i + 1, end)
    if words[0] in {"a", "an"} and _one_length(doc, i, end):  # "within a mile of the plant"
        return Run(i, i + 1, 1.0, 1.0, 1.0, None, None)
    if words[0] == "half" and words[1:2] == ["-"] and _length_at(doc, i + 2, end):
        return Run(i, i + 1, 0.5, 0.5, 0.5, None, None)  # "a half-mile exclusion zone"
    if words[0] == "half" and words[1:2] in (["a"], ["an"]) and _length_at(doc, i + 2, end):
        return Run(i, i + 2, 0.5, 0.5, 0.5, None, None)  # "a zone of half a kilometre"
    if words[0] == "half" and words[1:2] in (["a"], ["an"]) and words[2:3] == ["percentage"]:
        return Run(i, i + 2, 0.5, 0.5, 0.5, None, None)  # "half a percentage point"
    if words[0] == "half" and words[1:2] in (["a"], ["an"]) and words[2:] and words[2] in _HALVED:
        whole = _exact_run(doc, i + 1, i + 2, end)  # "half a billion euros"
        return Run(i, whole.end, whole.value / 2, whole.low / 2, whole.high / 2, None, whole.unit)
    if words[0] == "between" and len(words) > 1 and is_count(words[1]):
        return _between(doc, i, end)
    if (share := _fraction(doc, i, end) or _one_in(doc, i, end)) is not None:
        return share  # "two-fifths", "three quarters of", "four in five"
    if is_count(words[0]) and words[0] not in _MULTIPLIERS:
        return _with_parts(
            doc, _ranged(doc, _exact_run(doc, i, i, end), end, joiners={"to", "-"}), end
        )
    money = _MONEY_TOKEN.fullmatch(words[0])
    if money and i > 0 and doc[i - 1].text in CURRENCIES:  # "$2.5bn" as one token
        value = float(money.group(1).replace(",", "")) * _MONEY_SUFFIXES[money.group(2)]
        return Run(i, i + 1, value, value, value, None, doc[i - 1].text)
    if money and SCALED.fullmatch(words[0]):  # "1.9bn marks", "3.5m people", "4.3m crowns"
        value = float(money.group(1).replace(",", "")) * _MONEY_SUFFIXES[money.group(2)]
        if (code := currency_before(doc, i)) is not None:  # "EUR 9.6bn"
            return Run(i, i + 1, value, value, value, None, code)
        currency = (
            CURRENCY_WORDS.get(words[1]) or _SUM_WORDS.get(words[1]) if len(words) > 1 else None
        )
        return Run(i, i + 1 + bool(currency), value, value, value, None, currency)
    return None


def _length_at(doc: Any, i: int, end: int) -> bool:
    """A unit of length at token ``i``."""
    unit = unit_at(doc[i]) if i < end else None
    return unit is not None and unit.dimension == "length"


def _one_length(doc: Any, i: int, end: int) -> bool:
    """ "a mile", "a kilometre" after a bound ("within a mile of", "more than a kilometre"):
    one unit of length, a measure. Without a bound "a mile" is mostly a manner of speaking
    ("a mile-long queue", "won by a mile")."""
    if i + 1 >= end or i == 0 or bound_before(doc[i - 1]) is None:
        return False
    unit = unit_at(doc[i + 1])
    return unit is not None and unit.dimension == "length" and doc[i + 2 : i + 3].text != "-"


_NUMERATORS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a": 1, "an": 1}
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip
FRACTION_SLACK = 2.5
"""Percentage points either way a fraction allows: "two-fifths" is 37.5..42.5 percent, so
it agrees with "40 percent" and "two-thirds" with "67 percent"."""


def _fraction(doc: Any, i: int, end: int) -> Run | None:
    """A fraction as a share in percent: "two-fifths", "two fifths", "three-quarters", and
    "a third of" / "one quarter of" (an "of" must follow a one: "a third besieged city" is
    an ordinal)."""
    words = [t.lower_ for t in doc[i : min(end, i + 4)]]
    if not words or words[0] not in _NUMERATORS:
        return None
    at = 2 if words[1:2] == ["-"] else 1
    if len(words) <= at or words[at] not in _DENOMINATORS:
        return None
    top, bottom = _NUMERATORS[words[0]], _DENOMINATORS[words[at]]
    if top >= bottom or (top == 1 and words[at + 1 : at + 2] != ["of"]):
        return None
    value = round(100 * top / bottom, 2)
    low, high = value - FRACTION_SLACK, value + FRACTION_SLACK
    return Run(i, i + at + 1, value, low, high, "-".join((words[0], words[at])), "percent")


def _one_in(doc: Any, i: int, end: int) -> Run | None:
    """A share told as "four in five", "one in 10": in percent, as a fraction is (user trial
    145: "Four in five households" was read as 4 fives and 5 households). Not "two in three
    days" (a time), and not "nine out of ten services" (nine of a total of ten)."""
    words = [t.lower_ for t in doc[i : min(end, i + 4)]]
    at = 2 if words[1:2] == ["in"] else 0
    if not at or len(words) <= at or not (is_count(words[0]) and is_count(words[at])):
        return None
    top, bottom = _value([words[0]]), _value([words[at]])
    nxt = doc[i + at + 1] if i + at + 1 < end else None
    if not 0 < top < bottom <= 100 or (nxt is not None and nxt.lemma_.lower() in TIME_HOURS):
        return None
    value = round(100 * top / bottom, 2)
    low, high = value - FRACTION_SLACK, value + FRACTION_SLACK
    return Run(i, i + at + 1, value, low, high, " ".join(words[: at + 1]), "percent")


def _between(doc: Any, i: int, end: int) -> Run | None:
    """ "between 30 and 40": a range, or None when no second number follows."""
    run = _ranged(doc, _exact_run(doc, i + 1, i + 1, end), end, joiners={"and"})
    return Run(i, run.end, run.value, run.low, run.high, run.vague, run.unit) if run.vague else None


def _ranged(doc: Any, run: Run, end: int, *, joiners: set[str]) -> Run:
    """Join "30 to 40" or "30-40" into one run whose range is 30..40 (years are left alone);
    not "raised the rate from 5.25 percent to 6 percent", a move from one value to another, nor
    "fell 8.1 per cent to 412,560", two figures in two units."""
    if run.end + 1 >= end or doc[run.end].lower_ not in joiners:
        return run
    if _moved_from(doc, run):
        return run
    if not is_count(doc[run.end + 1].lower_) or _looks_like_year(run.value):
        return run
    second = _exact_run(doc, run.end + 1, run.end + 1, end)
    if _looks_like_year(second.value) or second.value <= run.value:
        return run
    if run.unit is not None and second.unit != run.unit:  # "fell 8.1 per cent to 412,560":
        return run  # a change, then the new level (user trial 145)
    words = doc[run.start : second.end].text.lower()
    return Run(run.start, second.end, run.value, run.value, second.value, words, second.unit)


def _with_parts(doc: Any, run: Run, end: int) -> Run:
    """A whole number with the parts written after it: "seven and a half years" is 7.5, and
    so is "seven years and six months" (in years, the unit right after the run; the months
    are its ``tail``)."""
    if run.vague or run.low != run.high or run.end + 3 >= end:
        return run
    after = [t.lower_ for t in doc[run.end : run.end + 3]]
    if after == ["and", "a", "half"] and doc[run.end + 3].pos_ == "NOUN":
        value = run.value + 0.5
        return Run(run.start, run.end + 3, value, value, value, None, run.unit)
    unit = doc[run.end].lemma_.lower() or doc[run.end].lower_.removesuffix("s")
    if unit not in TIME_HOURS or after[1] != "and" or not is_count(after[2]):
        return run
    part = _exact_run(doc, run.end + 2, run.end + 2, end)
    smaller = doc[part.end].lower_.removesuffix("s") if part.end < end else ""
    if TIME_HOURS.get(smaller, TIME_HOURS[unit]) >= TIME_HOURS[unit] or part.low != part.high:
        return run  # "two hours and 30 minutes": a smaller unit, in the larger one
    value = run.value + part.value * TIME_HOURS[smaller] / TIME_HOURS[unit]
    return Run(run.start, run.end, value, value, value, None, run.unit, tail=part.end)


def _moved_from(doc: Any, run: Run) -> bool:
    """The run follows "from" on a verb that moves a figure ("rose from 30 to 40")."""
    if run.start == 0 or doc[run.start - 1].lower_ != "from":
        return False
    verb = doc[run.start - 1].head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in MOVE_VERBS


def _looks_like_year(value: float) -> bool:
    """1900..2099 as a whole number."""
    return value.is_integer() and 1900 <= value <= 2099


def is_count(word: str) -> bool:
    """A digit string or a number word."""
    return bool(_DIGITS.fullmatch(word)) or word in _NUMBER_WORDS or word in _MULTIPLIERS


def _exact_run(doc: Any, start: int, first: int, end: int) -> Run:
    """Extend an exact number over its words ("two hundred and fifty", "1.5 million", "5%")."""
    j = first + 1
    while j < end and _continues(doc, j, end):
        j += 1
    value = _value([t.lower_ for t in doc[start:j]])
    unit = None
    suffix = doc[j].lower_.removesuffix(".") if j < end else ""  # "£85m." ends a sentence
    after = doc[j + (suffix in _MONEY_SUFFIXES)].lower_ if j + 1 < end else ""
    if j < end and doc[j].lower_ in {"%", "percent", "per cent"}:
        unit, j = "percent", j + 1
    elif (sign := currency_before(doc, start)) is not None:
        unit = sign
        if suffix in _MONEY_SUFFIXES:  # "£85m", "$1.2bn"
            value, j = value * _MONEY_SUFFIXES[suffix], j + 1
    elif j < end and after in CURRENCY_WORDS:  # "2.4 million euros", "2.4m euros"
        if suffix in _MONEY_SUFFIXES:
            value, j = value * _MONEY_SUFFIXES[suffix], j + 1
        unit, j = CURRENCY_WORDS[after], j + 1
    elif j < end and after in _SUM_WORDS and (value >= _SUM_FROM or suffix in _MONEY_SUFFIXES):
        if suffix in _MONEY_SUFFIXES:  # "1.8 million marks": a sum, not marks on a page
            value, j = value * _MONEY_SUFFIXES[suffix], j + 1
        unit, j = _SUM_WORDS[after], j + 1
    return Run(start, j, value, value, value, None, unit)


# Currency names that are words too ("marks"): a currency after a large or scaled figure only
_SUM_WORDS = dict.fromkeys(["mark", "marks"], "mk")
_SUM_FROM = 1000.0


def _continues(doc: Any, j: int, end: int) -> bool:
    """Whether token ``j`` carries on the number before it ("two hundred", "twenty-five")."""
    word, prev = doc[j].lower_, doc[j - 1].lower_
    words = {*_NUMBER_WORDS, *_MULTIPLIERS}
    if word in _MULTIPLIERS:
        return True
    if word in _NUMBER_WORDS:
        return prev in words or (prev in {"-", "and"} and doc[j - 2].lower_ in words)
    nxt = doc[j + 1].lower_ if j + 1 < end else ""
    return word in {"-", "and"} and prev in words and nxt in _NUMBER_WORDS


def _value(words: list[str]) -> float:
    """The value of number words and digits: ``["two", "hundred", "and", "fifty"]`` -> 250."""
    total = current = 0.0
    for word in words:
        if _DIGITS.fullmatch(word):
            current += float(word.replace(",", ""))
        elif word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word in {"hundred", "dozen"}:
            current = (current or 1.0) * _MULTIPLIERS[word]
        elif word in _MULTIPLIERS:
            total += (current or 1.0) * _MULTIPLIERS[word]
            current = 0.0
    return total + current


def bound_phrase(doc: Any, run: Run) -> tuple[str, ...]:
    """The bound phrase just before the number ("more than"), or ``()``; before its currency
    sign for an amount of money ("more than $5 million")."""
    first = run.start - (currency_before(doc, run.start) is not None)
    for size in (3, 2, 1):
        lo = first - size
        if lo < 0:
            continue
        words = tuple(t.lower_ for t in doc[lo:first])
        if lo > 0 and _particle_of(doc[lo - 1], words):
            return ()  # "the bill adds up to 148": a total, not at most 148
        if words in BOUNDS and not any(t.is_sent_end for t in doc[lo : first - 1]):
            return () if _beneath(doc, run, words) else words
    return ()


# Verbs whose particle reads as a bound: "adds up to 148" (a total), "edged up to 64.3 percent"
# and "went up to 13.6%" (the level reached), "handed over 146" (the number handed).
_PARTICLE_VERBS = {
    ("up", "to"): frozenset(
        """add go edge tick creep inch move climb rise jump shoot step push head revise bump
        ratchet""".split()  # noqa: SIM905
    ),
    ("over",): frozenset(["hand", "turn", "sign", "pass", "give"]),
}


def _particle_of(verb: Any, words: tuple[str, ...]) -> bool:
    """``words`` before a number are the particle of the verb before them, no bound:
    "edged up to 64.3 percent", "handed over 146" (user trials 113 and 114)."""
    return verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in _PARTICLE_VERBS.get(
        words, frozenset()
    )


_DEPTHS = frozenset(["metre", "metres", "meter", "meters", "m", "cm", "centimetres", "feet", "ft"])


def _beneath(doc: Any, run: Run, words: tuple[str, ...]) -> bool:
    """ "Under four metres of snow": a place beneath a layer that deep, not less than four
    metres of anything."""
    if words not in {("under",), ("below",), ("beneath",)} or run.end + 1 >= len(doc):
        return False
    return doc[run.end].lower_ in _DEPTHS and doc[run.end + 1].lower_ == "of"


def bound_before(token: Any) -> Bound | None:
    """The bound a phrase ending at ``token`` gives ("least" in "at least" gives AT_LEAST)."""
    for size in (3, 2, 1):
        lo = token.i - size + 1
        if lo >= 0 and (words := tuple(t.lower_ for t in token.doc[lo : token.i + 1])) in BOUNDS:
            return BOUNDS[words]
    return None


AROUND = 0.1
"""How far "about", "around", "roughly", "some" let a figure stray either way: a tenth. "About
11,500 workers" and "roughly 8,000" cannot both be true; "about 40" and 43 can."""


_ROUNDED_SCALES = frozenset(["m", "mn", "bn", "tn", "million", "billion", "trillion"])


def scale_rounding(doc: Any, run: Run) -> float | None:
    """Half the last written digit of a figure given in millions or more ("€84m": half a
    million, "84.5 million euros": fifty thousand): such figures are rounded, so "€84m" and
    "84.5 million euros" agree. None for any other figure."""
    tokens = [t.lower_.lstrip("$£€¥") for t in doc[run.start : run.end]]
    number = next((t for t in tokens if t[:1].isdigit()), None)
    if number is None:
        return None
    if fused := _MONEY_TOKEN.fullmatch(number):  # "84m", "1.9bn"
        number, scale = fused.group(1), fused.group(2)
    else:  # "84" "m", "84.5" "million"
        scale = next((t for t in tokens[1:] if t in _ROUNDED_SCALES), "")
    if scale not in _ROUNDED_SCALES:
        return None
    decimals = len(number.partition(".")[2])
    return float(0.5 * _MONEY_SUFFIXES[scale] / 10**decimals)


def value_range(
    run: Run, bound: Bound, just_below: bool, *, measured: bool = False
) -> tuple[float, float]:
    """Low and high values the wording allows: "more than 100" people is at least 101, but
    "more than 7 inches" of rain (a measure, like a percentage) is anything above 7."""
    lo, hi = run.low, run.high
    counted = float(lo).is_integer() and run.unit != "percent" and not measured
    step = 1.0 if counted else 0.0
    if bound is Bound.AT_LEAST:
        return lo, math.inf
    if bound is Bound.MORE_THAN:
        return (lo + step if step else math.nextafter(lo, math.inf)), math.inf
    floor = 0.0 if hi >= 0 else -math.inf  # "up to minus 5": any colder
    if bound is Bound.AT_MOST:
        return floor, hi
    if bound is Bound.LESS_THAN:
        return floor, (hi - step if step else math.nextafter(hi, -math.inf))
    if bound is Bound.AROUND:  # "about 8,000": rounded, so within a tenth of it; "nearly
        # 170" below it, give or take the rounding writers allow themselves ("nearly 4,300"
        # for 4,312, "nearly 170" for 171: user trials 134 and 148); "about minus 10" too
        ends = ((1 - AROUND) * lo, (1 + NEARLY_OVER) * hi if just_below else (1 + AROUND) * hi)
        return min(ends), max(ends)
    return lo, hi


def increment_word(doc: Any, start: int, run: Run) -> str | None:
    """The word making a number an increment on an earlier count, not a total: "21 more",
    "another 21", "a further 21", "an additional 21". ``start`` is where the bound phrase
    starts."""
    after = doc[run.end] if run.end < len(doc) else None
    if after is not None and not after.is_sent_start and after.lower_ in _INCREMENTS:
        return str(after.lower_)
    before = [t.lower_ for t in doc[max(start - 2, 0) : start]]
    if before[-1:] == ["another"]:
        return "another"
    if len(before) == 2 and before[0] in {"a", "an"} and before[1] in _INCREMENTS:
        return str(before[1])
    return None


def part_word(doc: Any, start: int) -> str | None:
    """ "first" in "the first 500,000 doses", or the order word of "the final group of nine
    men" or "a second batch of 200": the number counts one batch of a larger total."""
    word = doc[start - 1].lower_ if start > 0 else ""
    if word in _PARTS:
        return str(word)
    before = [t.lower_ for t in doc[max(start - 3, 0) : start]]
    if len(before) == 3 and before[1] in _BATCHES and before[2] == "of":
        return str(before[0]) if before[0] in _BATCH_ORDER else None
    return None
