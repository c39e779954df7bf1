"""Word lists shared by the number steps: time units, months and days, place nouns, locative
prepositions, speech verbs, measure units and the nouns that name a total.

The quantity filter (:mod:`~storylens.analyze._quantity_skip`), the counted-thing finder
(:mod:`~storylens.analyze._counted`) and the where/when/who finder
(:mod:`~storylens.analyze._context`) each read some of these; they live here once.
"""

from __future__ import annotations

from storylens.text import _words

CLOCK_STAMP = r"(?:[01]?\d|2[0-3])[:.][0-5]\d"
"""A 24-hour clock time as a live page stamps its entries ("08:15", "18.30"), as a regular
expression: the figures of the entry were given then, and it is no part of a name."""
_DAY_NAME = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
)
ENTRY_STAMP = rf"(?:{_DAY_NAME},?\s)?{CLOCK_STAMP}(?:\s?[ap]\.?m\.?)?(?:,?\s{_DAY_NAME})?"
"""A live page's entry stamp, the clock time with an optional "a.m."/"p.m." and day ("6:45
p.m.", "18:30", "09:40 Sun": user trial 150), as a regular expression (case-insensitive)."""

__all__ = [
    "CLOCK_STAMP",
    "DAYS",
    "ENTRY_STAMP",
    "LOCATIVE",
    "MEASURE_UNITS",
    "MONTHS",
    "MOVE_VERBS",
    "PLACE_NOUNS",
    "REPORTS",
    "SPEECH",
    "TIME_HOURS",
    "TIME_UNITS",
    "TOTALS",
]

SPEECH = _words(
    "say tell tweet report state announce confirm add warn estimate claim note write "
    "post record count put dispute argue insist allege testify"
)
TIME_HOURS = {
    "minute": 1 / 60,
    "hour": 1.0,
    "day": 24.0,
    "week": 168.0,
    "month": 730.0,
    "year": 8760.0,
}
"""The size of each unit of time, in hours (a month is a twelfth of a 365-day year)."""
MOVE_VERBS = _words(
    "raise lift increase hike cut lower reduce rise fall climb drop ease slow jump grow "
    "decline slip edge move revise"
)
"""Verbs that move a figure "from" one value "to" another ("raised the rate from 5.25 percent
to 6 percent"): a move, not a range; the "to" value is the new level."""
TIME_UNITS = _words(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries night nights weekend weekends"
)
MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
PLACE_NOUNS = _words(
    "city town village province district region capital outskirts suburb suburbs state county "
    "country area camp neighbourhood neighborhood community island ward borough precinct "
    "constituency municipality parish"
)
# Sites named after a place ("the Marrisford weir", "the Corrow Deep mine", "Holt Bridge"):
# a figure given at one is given there, not in the town the name comes from.
SITE_NOUNS = _words(
    "weir intake plant mine colliery pit bridge dam station reservoir factory refinery "
    "terminal harbour port airport depot works smelter quarry"
)
LOCATIVE = _words("in at near outside inside across throughout around within on into")
MEASURE_UNITS = _words(
    "kilometre kilometres kilometer kilometers km kms mile miles metre metres meter meters "
    "foot feet yard yards inch inches centimetre centimetres cm millimetre millimetres mm "
    "hectare hectares acre acres tonne tonnes ton tons kilogram kilograms kg kilo kilos gram "
    "grams litre litres liter liters gallon gallons knot knots degree degrees mph"
)
REPORTS = _words("estimate figure forecast projection tally count total reading measurement")
"""Nouns that report a figure rather than name what it counts: "the service's estimate of
54,000 hectares" is an area, and the service's."""
TOTALS = _words(
    "toll number total tally figure count turnout rate share"
)  # a number is their value
