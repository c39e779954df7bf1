"""Measures: numbers with a unit of length, area, mass, volume, speed or temperature, and what
they measure.

"A depth of 10 kilometres", "a 40-metre breach", "the breach was 60 metres wide" and "a wave
of up to 6 metres" measure a depth, a breach, a breach's width and a wave: two articles giving
a depth or a breach two sizes disagree, whatever units they write. A unit is read to one
canonical symbol with its dimension and its size in the dimension's base unit (metre, square
metre, kilogram, litre), so "35 km" and "22 miles" can be compared. "Ton" is left out: short,
long and metric tons differ by a tenth.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from storylens.analyze._num_words import REPORTS
from storylens.nlp import merged_unit
from storylens.text import _words

__all__ = ["Unit", "measured", "placed", "to_unit", "unit_at", "unit_named"]


class Unit(NamedTuple):
    """A unit as comparisons need it: ``symbol`` ("km"), ``dimension`` ("length") and
    ``size`` in the dimension's base unit (1000.0)."""

    symbol: str
    dimension: str
    size: float


_ROWS = (  # symbol, dimension, size in the dimension's base unit, the words that name it
    ("mm", "length", 0.001, "mm millimetre millimetres millimeter millimeters"),
    ("cm", "length", 0.01, "cm centimetre centimetres centimeter centimeters"),
    ("m", "length", 1.0, "metre metres meter meters"),
    ("km", "length", 1000.0, "km kms kilometre kilometres kilometer kilometers"),
    ("in", "length", 0.0254, "inch inches"),
    ("ft", "length", 0.3048, "foot feet ft"),
    ("yd", "length", 0.9144, "yard yards"),
    ("mi", "length", 1609.344, "mile miles"),
    ("nmi", "length", 1852.0, ""),  # "20 nautical miles" (read from "nautical": unit_at)
    ("m2", "area", 1.0, ""),  # squared units are read from "square" and a length (unit_at)
    ("km2", "area", 1_000_000.0, ""),
    ("mi2", "area", 2_589_988.0, ""),
    ("ha", "area", 10_000.0, "hectare hectares ha"),
    ("acre", "area", 4046.856, "acre acres"),
    ("ng", "mass", 1e-12, "ng nanogram nanograms"),
    ("ug", "mass", 1e-9, "ug µg microgram micrograms"),
    ("mg", "mass", 1e-6, "mg milligram milligrams milligramme milligrammes"),
    ("g", "mass", 0.001, "gram grams"),
    ("kg", "mass", 1.0, "kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes"),
    ("t", "mass", 1000.0, "tonne tonnes"),
    ("ml", "volume", 0.001, "ml millilitre millilitres milliliter milliliters"),
    ("l", "volume", 1.0, "l litre litres liter liters"),
    ("m3", "volume", 1000.0, ""),  # read from "cubic" and a length (unit_at)
    ("gal", "volume", 3.785, "gallon gallons"),
    ("kph", "speed", 1.0, "kph kmh km/h"),
    ("m/h", "speed", 0.001, "m/h"),  # "lava advancing at 40 metres an hour"
    ("mph", "speed", 1.609344, "mph"),
    ("kn", "speed", 1.852, "knot knots"),
    ("kW", "power", 1e3, "kw kilowatt kilowatts"),
    ("MW", "power", 1e6, "mw megawatt megawatts"),
    ("GW", "power", 1e9, "gw gigawatt gigawatts"),
    # temperatures: the size is a degree's (5/9 of a Celsius one for Fahrenheit); a reading is
    # converted with the zero apart (see :func:`to_unit`)
    ("C", "temperature", 1.0, "celsius"),
    ("F", "temperature", 5 / 9, "fahrenheit"),
    # a change in a rate: "75 basis points" is "0.75 percentage points" (read from the word
    # before "points": unit_at)
    ("bp", "rate change", 0.01, ""),
    ("pp", "rate change", 1.0, ""),
    ("ppm", "ratio", 1.0, "ppm"),  # "420 parts per million" (merged to "ppm")
    ("ppb", "ratio", 0.001, "ppb"),
)
_ZERO = {"C": 0.0, "F": 32.0}  # the reading of a unit at 0 degrees Celsius
_SYMBOLS = {symbol: Unit(symbol, dimension, size) for symbol, dimension, size, _ in _ROWS}
_UNITS = {word: _SYMBOLS[symbol] for symbol, _, _, words in _ROWS for word in words.split()}
_CUBED = {"m": "m3"}  # "45 cubic metres"
# Concentrations: a small mass in a volume ("4.8 mg/l", "2.6 milligrams of nitrate per
# litre", "35 micrograms per cubic metre"), sized in milligrams per litre.
_SOLUTES = ("ng", "ug", "mg", "g")
_SOLVENTS = ("l", "ml", "m3")
_SYMBOLS |= {
    f"{m}/{v}": Unit(f"{m}/{v}", "concentration", _SYMBOLS[m].size * 1e6 / _SYMBOLS[v].size)
    for m in _SOLUTES
    for v in _SOLVENTS
}
_UNITS |= {f"{m}/{v}": _SYMBOLS[f"{m}/{v}"] for m in _SOLUTES for v in _SOLVENTS}
_UNITS |= {f"µg/{v}": _SYMBOLS[f"ug/{v}"] for v in _SOLVENTS}
# Flows: a volume in a time ("1,200 cubic metres of water per second"), sized in litres a second.
_TIMES = {"second": ("s", 1.0), "minute": ("min", 60.0), "hour": ("h", 3600.0)}
_SYMBOLS |= {
    f"{v}/{t}": Unit(f"{v}/{t}", "flow", _SYMBOLS[v].size / seconds)
    for v in _SOLVENTS
    for t, seconds in _TIMES.values()
}
_PER = frozenset(["per", "a", "an", "/", "in", "each", "every"])
_POINTS = {"basis": "bp", "percentage": "pp"}  # "75 basis points", "half a percentage point"

_PLAY_UNITS = frozenset({"yard", "yards"})  # "a 7-yard pass", "a 200-yard game": sport

_DIRECTIONS = _words(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west from away off outside offshore inland downstream upstream "
    "downriver upriver beyond"
)


def placed(unit: Any) -> bool:
    """The length says where something is ("located 1,150 km southeast of Tehran", "struck
    seven km east of Dargahan", "two kilometres downstream"), not a size or a distance
    covered."""
    after = unit.doc[unit.i + 1] if unit.i + 1 < len(unit.doc) else None
    near = [*unit.children, *([after] if after is not None else [])]
    if unit.dep_ == "npadvmod" and unit.head.lower_ in _DIRECTIONS:
        return True
    return any(t.lower_ in _DIRECTIONS for t in near)


_DIMENSION_ADJECTIVES = {
    "wide": "width",
    "broad": "width",
    "long": "length",
    "deep": "depth",
    "high": "height",
    "tall": "height",
    "thick": "thickness",
}


def unit_of(word: str) -> Unit | None:
    """The unit a word names, or None (a unit of speed in several words is one token whose
    lemma is its symbol: see :func:`storylens.nlp.merge_units`).

    >>> unit_of("Kilometres")
    Unit(symbol='km', dimension='length', size=1000.0)
    >>> unit_of("tons") is None
    True
    """
    return _UNITS.get(word.lower())


def unit_at(token: Any) -> Unit | None:
    """The unit a token names, read with the word before it: "120 square kilometres" is an
    area (``km2``), "12 kilometres" a length."""
    unit = unit_of(token.lower_) or (unit_of(token.lemma_) if merged_unit(token) else None)
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    if unit is None and token.lower_ in {"degree", "degrees"} and _weather(token, before):
        return _SYMBOLS["F" if _FAHRENHEIT.search(token.doc.text) else "C"]
    if token.lower_ in {"point", "points"} and before in _POINTS:
        return _SYMBOLS[_POINTS[before]]
    if unit is not None and unit.symbol == "mi" and before == "nautical":
        return _SYMBOLS["nmi"]
    if unit is not None and before in {"square", "sq"}:
        return _SYMBOLS.get(f"{unit.symbol}2")
    if unit is not None and before == "cubic":
        cubed = _SYMBOLS.get(_CUBED.get(unit.symbol, ""))
        return (_flow(token, cubed) or cubed) if cubed is not None else None
    if unit is not None and unit.dimension == "volume":
        return _flow(token, unit) or unit
    if unit is not None and unit.symbol in _SOLUTES:
        return _concentration(token, unit) or unit
    return unit


def _weather(degrees: Any, before: str) -> bool:
    """Bare "degrees" of a temperature: its sentence speaks of the weather ("the temperature
    had climbed to 16 degrees", "a mild 12 degrees"; user trial 136 set a start's "9 degrees
    Celsius" apart from "12 degrees"), and the word is no angle or grade ("a 90-degree turn",
    "degrees of latitude")."""
    after = degrees.doc[degrees.i + 1].lower_ if degrees.i + 1 < len(degrees.doc) else ""
    if before == "-" or after == "of":
        return False
    return any(t.lower_ in _WEATHER_WORDS for t in degrees.sent)


_WEATHER_WORDS = frozenset(
    [
        *("temperature", "temperatures", "heat", "heatwave", "hot", "hotter", "hottest"),
        *("cold", "colder", "cool", "cooler", "warm", "warmer", "mild", "chilly", "freezing"),
        *("thermometer", "thermometers", "frost", "high", "highs", "low", "lows", "weather"),
    ]
)
_FAHRENHEIT = re.compile(r"\bfahrenheit\b|°F|\d\s?F\b", re.IGNORECASE)


def _flow(volume: Any, unit: Unit) -> Unit | None:
    """The flow a volume gives when a time follows it: "1,200 cubic metres of water per
    second", "850 cubic metres a second", "300 litres a minute"."""
    for after in _per_words(volume):
        if (time := _TIMES.get(after.lemma_.lower())) is not None:
            return _SYMBOLS.get(f"{unit.symbol}/{time[0]}")
    return None


def _concentration(mass: Any, unit: Unit) -> Unit | None:
    """The concentration a small mass gives when a volume follows it: "2.6 milligrams of
    nitrate per litre", "4.8 mg per litre", "35 micrograms found in each cubic metre"."""
    doc = mass.doc
    for after in _per_words(mass):
        cubic = after.lower_ == "cubic" and after.i + 1 < len(doc)
        volume = unit_at(doc[after.i + 1]) if cubic else unit_of(after.lower_)
        if volume is not None and volume.dimension == "volume":
            return _SYMBOLS.get(f"{unit.symbol}/{volume.symbol}")
    return None


def _per_words(unit: Any) -> Iterator[Any]:
    """The word after each "per", "a", "in each" ... in the few words after a unit, up to a
    punctuation mark or a verb (a participle aside: "milligrams found per litre")."""
    doc = unit.doc
    for token in doc[unit.i + 1 : unit.i + 6]:
        if token.lower_ in _PER and token.i + 1 < len(doc):
            yield doc[token.i + 1]
        if token.is_punct or (token.pos_ in {"VERB", "AUX", "CCONJ"} and token.tag_ != "VBN"):
            return


def to_unit(value: float, unit: Unit, target: Unit) -> float:
    """A value in ``unit`` read in ``target`` of the same dimension: a length or a speed by its
    size, a temperature reading with its zero too.

    >>> round(to_unit(112.3, unit_named("F"), unit_named("C")), 2)
    44.61
    >>> to_unit(22.0, unit_named("mi"), unit_named("km"))
    35.405568
    """
    if unit.dimension != "temperature" or math.isinf(value):
        return value * unit.size / target.size
    celsius = (value - _ZERO[unit.symbol]) * unit.size
    return celsius / target.size + _ZERO[target.symbol]


def unit_named(symbol: str) -> Unit | None:
    """The unit of a symbol :func:`unit_of` gives ("mi"), or None.

    >>> unit_named("mi").size
    1609.344
    """
    return _SYMBOLS.get(symbol)


def measured(unit: Any) -> tuple[str, str] | None:
    """(what, subject) that a number's unit token measures, or None when the sentence does
    not say: "a depth of 10 kilometres" ("depth", "depth"), "a 40-metre breach" ("breach",
    "breach"), "the breach was 60 metres wide" ("breach width", "width"), "a wave of up to 6
    metres" ("wave", "wave"). A dimension noun or adjective is the subject when the sentence
    gives one, so "35 km deep" and "a depth of 10 km" are compared."""
    head = unit.head
    if _below_ground(unit):
        return "depth", "depth"
    if _above_normal(unit):  # "the river stood 4.2 metres above its normal level"
        return "level above normal", "level"
    if (plume := _plume_of(unit)) is not None:  # "the ash column reached about 11 km"
        return f"{plume.lower_} height", "plume height"
    if _altitude(unit):  # "as the aircraft climbed through 10,800 feet"
        return "altitude", "altitude"
    if (estimated := _estimated_at(unit)) is not None:  # "put peak winds at 165 mph"
        return str(estimated.lower_), str(estimated.lemma_.lower())
    if (river := _river_level(unit)) is not None:  # "the Skarre peaked at 4.8 metres"
        return f"level of the {river.text}", "water level"
    if (fallen := _fallen(unit)) is not None:  # "... and 171 millimetres in 24 hours"
        return fallen, fallen
    if (reached := _reached_by(unit)) is not None:  # "waves reached 30 feet"
        return str(reached.lower_), str(reached.lemma_.lower())
    if (apart := _distance_of(unit)) is not None:  # "the front line was 2 km from the gates"
        return f"distance of {_compound_phrase(apart)}", f"distance of {apart.lemma_.lower()}"
    if (spanned := _spanned_by(unit)) is not None:  # "the tailback stretched 18 km"
        return str(spanned.lower_), _QUEUE
    if (
        unit.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() not in REPORTS  # "the service's estimate of 54,000 ha"
    ):
        noun = head.head
        done = [c.lower_ for c in noun.children if c.dep_ == "amod" and c.tag_ in {"VBG", "VBN"}]
        if done:  # "its cleared cruising altitude of 34,000 feet": no altitude flown through
            phrase = " ".join([*done, noun.lower_])
            return phrase, " ".join([*done, noun.lemma_.lower()])
        return str(noun.lower_), str(noun.lemma_.lower())
    if (amount := _amount_of(unit)) is not None:  # "310 millimetres of rain"
        return str(amount.lower_), str(amount.lemma_.lower())
    if unit.dep_ in {"compound", "amod", "nmod"} and head.pos_ == "NOUN" and head.i > unit.i:
        if head.tag_ == "NNS" or unit.lower_ in _PLAY_UNITS:
            return None  # "7.62mm rifles": a kind of thing; "a 47-yard field goal": a play
        whole = _whole_of(head)  # "a 40-metre section of the fence": the fence's
        return str(whole.lower_), str(whole.lemma_.lower())
    if unit.dep_ == "npadvmod" and head.lower_ in _DIMENSION_ADJECTIVES:
        dimension = _DIMENSION_ADJECTIVES[head.lower_]
        thing = _subject_of(head)
        return (f"{thing.lower_} {dimension}" if thing is not None else dimension), dimension
    return None


_SPANS = _words("stretch extend grow reach run span")
_QUEUE = "queue"
_QUEUES = _words("queue queues tailback tailbacks jam jams backlog line")
"""A queue of traffic by any name: "the tailback stretched 18 km", "a queue of 25 miles"."""


def _spanned_by(unit: Any) -> Any | None:
    """The queue a length says how long it is: the subject of a spanning verb ("the tailback
    stretched 18 km", "the queue has grown to 32 km"), or the noun it is "of" when the parse
    hung it elsewhere ("a queue of 25 miles northbound"); None otherwise."""
    head = unit.head
    verb = head.head if unit.dep_ == "pobj" and head.lower_ == "to" else head
    if unit.dep_ in {"npadvmod", "dobj", "pobj"} and verb.lemma_.lower() in _SPANS:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and subject.lower_ in _QUEUES else None
    of = head.head
    if unit.dep_ == "npadvmod" and head.dep_ == "pcomp" and of.lower_ == "of":
        return of.head if of.head.lower_ in _QUEUES else None
    return None


_PLUMES = _words("plume plumes column cloud")
_HEIGHT_VERBS = _words(
    "reach rise climb drop fall measure soar top tower peak hit stand shrink grow send"
)


def _plume_of(unit: Any) -> Any | None:
    """The plume or column a length is the height of, whatever the verb says of it: "the ash
    column reached about 11 kilometres", "measured the plume at 36,000 feet", "the plume has
    dropped to about 6 km, down from 8 km"; None otherwise."""
    kind = unit_of(unit.lower_) or unit_of(unit.lemma_)
    if kind is None or kind.dimension != "length":
        return None
    token = unit
    for _ in range(3):  # the unit, a preposition ("at", "to"), "down" of "down from"
        token = token.head
        if token.pos_ == "VERB":
            break
    if token.pos_ != "VERB" or token.lemma_.lower() not in _HEIGHT_VERBS:
        return None  # "the plume travelled 18 kilometres": how far, not how high
    held = (c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"})
    return next((c for c in held if c.lemma_.lower() in _PLUMES), None)


_CLIMBS = _words("climb descend fly cruise soar plunge drop dive level")
_FLIERS = _words(
    "aircraft plane jet airliner helicopter flight drone balloon pilot crew climber expedition "
    "road pass trail route path"  # "the road climbs to 1,900 metres": how high it goes
)
_ALTITUDE_FROM = 1000.0  # "at 11,000 feet": a height flown at, not a distance


_ESTIMATES = _words("put estimate place set peg")


def _estimated_at(unit: Any) -> Any | None:
    """The object a measure is put "at" ("its survey put peak winds at 165 mph": the winds),
    or None."""
    prep = unit.head
    if unit.dep_ != "pobj" or prep.lower_ != "at" or prep.head.lemma_.lower() not in _ESTIMATES:
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)


def _altitude(unit: Any) -> bool:
    """A length something that flies climbs through, to or at ("the aircraft climbed through
    10,800 feet", "the jet descended to 3,000 metres"; not "the gauge climbed to 6.4 metres"),
    or "at" a thousand feet or more ("reported the fire at about 11,000 feet")."""
    kind = unit_of(unit.lower_) or unit_of(unit.lemma_)
    prep = unit.head
    if kind is None or kind.dimension != "length" or unit.dep_ != "pobj":
        return False
    verb = prep.head
    flier = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if flier is not None and flier.lower_ in {"which", "that"} and verb.dep_ == "relcl":
        flier = verb.head  # "the road, which climbs to 1,900 metres"
    if (
        prep.lower_ in {"through", "to", "at"}
        and verb.lemma_.lower() in _CLIMBS
        and flier is not None
        and flier.lemma_.lower() in _FLIERS
    ):
        return True
    number = next((c for c in unit.children if c.dep_ == "nummod" and c.like_num), None)
    value = number.text.replace(",", "") if number is not None else ""
    return (
        prep.lower_ == "at"
        and unit.lower_ in {"feet", "ft"}
        and value.replace(".", "", 1).isdigit()
        and float(value) >= _ALTITUDE_FROM
    )


_NORMAL = frozenset(["normal", "usual", "average", "typical", "normally", "usually"])
_LIES = frozenset(["be", "lie", "sit", "stand", "remain", "stay"])
_FROM = frozenset(["from", "away", "off"])
_HEADINGS = _words(
    "north south east west north-east north-west south-east south-west northeast northwest "
    "southeast southwest"
)


def _distance_of(unit: Any) -> Any | None:
    """The thing a length says how far away it is: "the front line was about three miles from
    the hospital", "whose border lies about 80 kilometres east of Dravik" (its subject noun),
    or None."""
    kind = unit_of(unit.lower_) or unit_of(unit.lemma_)
    doc = unit.doc
    if kind is None or kind.dimension != "length" or unit.i + 2 > len(doc):
        return None
    after = doc[unit.i + 1]
    away = after.lower_ in _FROM or (
        after.lower_ in _HEADINGS and unit.i + 2 < len(doc) and doc[unit.i + 2].lower_ == "of"
    )
    verb = unit.head
    for _ in range(3):  # up from "east" or "from" to the verb
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if not away or verb.lemma_.lower() not in _LIES:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _compound_phrase(noun: Any) -> str:
    """A noun with the words before it that say which: "front line", "nearest town"."""
    words = [c.lower_ for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.is_alpha]
    return " ".join([*words, noun.lower_])


def _above_normal(unit: Any) -> bool:
    """A length above or below what is normal: a level ("4.2 metres above normal", "240
    centimetres above its usual level"), not a distance."""
    kind = unit_of(unit.lower_) or unit_of(unit.lemma_)
    doc = unit.doc
    after = doc[unit.i + 1 : unit.i + 6]
    if kind is None or kind.dimension != "length" or not len(after):
        return False
    return after[0].lower_ in {"above", "below"} and any(t.lower_ in _NORMAL for t in after[1:])


def _amount_of(unit: Any) -> Any | None:
    """The stuff a length is a depth of: "310 millimetres of rain", "40 cm of snow", "2 km
    of track" (a bare common noun); not a landmark ("within 2 km of the plant"). Masses and
    volumes ("cubic metres") are left alone: outlets name the stuff differently ("oil",
    "crude")."""
    kind = unit_of(unit.lower_) or unit_of(unit.lemma_)
    before = unit.doc[unit.i - 1].lower_ if unit.i else ""
    if kind is None or kind.dimension != "length" or before in {"cubic", "square", "sq"}:
        return None  # "210 cubic metres of solution" is a volume
    of = next((c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    stuff = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if stuff is None or stuff.pos_ != "NOUN" or stuff.ent_type_:
        return None
    return None if any(c.dep_ in {"det", "poss"} for c in stuff.children) else stuff


_PARTS = frozenset(["section", "stretch", "part", "portion", "piece", "segment", "length"])


def _whole_of(noun: Any) -> Any:
    """The thing a part noun is of ("a 40-metre section of the perimeter fence", "a 200-foot
    stretch of the fence": the fence), else the noun itself."""
    if noun.lemma_.lower() not in _PARTS:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None and whole.pos_ == "NOUN" else noun


_REACH = frozenset(["reach", "hit", "top", "exceed", "surpass"])
_PEAK = frozenset(["peak", "stand", "settle", "hover", "crest"])  # "crested at 26 feet"
_REACHED = frozenset(["length", "area", "volume", "mass", "power", "speed"])


def _reached_by(unit: Any) -> Any | None:
    """The thing whose size a length a verb of reaching gives: "waves reached 30 feet", "the
    water topped 2 metres" (its subject), not "the plume travelled 18 km"."""
    head, dep = unit.head, unit.dep_
    if dep == "npadvmod" and head.pos_ == "ADV":  # "reached up to 6 metres overnight", which
        head, dep = head.head, "dobj"  # the parser hangs on "overnight"
    verb = _reaching_verb(head, dep)
    if verb is None:
        return None
    unit_kind = unit_of(unit.lower_) or unit_of(unit.lemma_)
    if unit_kind is None or unit_kind.dimension not in _REACHED:
        return None  # a temperature or a concentration has its own subject
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_:
        return None  # not "Meridia reached 3.1 gigawatts"
    opening = subject.pos_ == "PROPN" and subject.is_sent_start  # "Demand peaked at ..."
    return subject if subject.pos_ == "NOUN" or opening else None


def _reaching_verb(head: Any, dep: str) -> Any | None:
    """The verb of reaching a length hangs from as its object ("waves reached 30 feet"), or
    through "at" ("demand peaked at 3.1 gigawatts"), or None."""
    if dep == "pobj" and head.lower_ == "at" and head.head.lemma_.lower() in _PEAK:
        head, dep = head.head, "dobj"
    return head if dep == "dobj" and head.lemma_.lower() in _REACH | _PEAK else None


_WATER = _words("river gauge water floodwater floodwaters tide lake reservoir banks")


def _river_level(unit: Any) -> Any | None:
    """The river whose level a length gives, named by its name: "the Skarre peaked at 4.8
    metres", "the Skarre reached 5.6 metres at the town gauge" (user trial 148: both read as a
    distance where something is, so never compared). The name must be the subject of a verb
    of reaching and the sentence must speak of water ("gauge", "river", "banks")."""
    verb = _reaching_verb(unit.head, unit.dep_)
    kind = unit_of(unit.lower_) or unit_of(unit.lemma_)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
    if kind is None or kind.dimension != "length" or subject is None:
        return None
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    if subject.pos_ != "PROPN" or (subject.ent_type_ in {"PERSON", "NORP"} and not the):
        return None  # "The Skarre" is no person, whatever the model says
    sentence = unit.sent
    return subject if any(t.lemma_.lower() in _WATER for t in sentence) else None


_RAIN = {"rain": "rain", "rainfall": "rain", "precipitation": "rain", "snow": "snow"}
_RAIN |= {"snowfall": "snow"}


def _fallen(unit: Any) -> str | None:
    """Rain or snow that a bare depth in millimetres or centimetres gives in a sentence of
    rain: "62 millimetres of rain fell in one hour, and 171 millimetres in 24 hours"."""
    kind = unit_of(unit.lower_) or unit_of(unit.lemma_)
    if kind is None or kind.symbol not in {"mm", "cm"}:
        return None
    return next((_RAIN[t.lemma_.lower()] for t in unit.sent if t.lemma_.lower() in _RAIN), None)


_BELOW = frozenset(["below", "beneath", "under", "underneath"])
_GROUND = frozenset(["surface", "ground", "sea", "seabed", "waterline"])


def _below_ground(unit: Any) -> bool:
    """A length that says how deep something is: "380 metres below the surface", "520 metres
    underground", "40 metres beneath the seabed"."""
    length = unit_of(unit.lower_)
    if length is None or length.dimension != "length":
        return False
    after = [t.lower_ for t in unit.doc[unit.i + 1 : unit.i + 5] if t.lower_ not in {"the"}]
    # "down a shaft" is deep; "ran 1.2 kilometres down the mountain" is how far
    if after[:1] == ["down"] and len(after) > 1 and after[1].isalpha():
        noun = after[2:3] if after[1] in {"a", "an", "its"} else after[1:2]
        return not noun or noun[0] in _SHAFTS
    if after and after[0] in {"underground", "down"}:
        return True
    return len(after) >= 2 and after[0] in _BELOW and after[1] in _GROUND


_SHAFTS = frozenset(["shaft", "well", "hole", "pit", "mine", "borehole", "crevasse", "sinkhole"])


def _subject_of(adjective: Any) -> Any | None:
    """The noun an adjective is said of: "the breach was 60 metres wide" -> "breach"."""
    if adjective.dep_ != "acomp":
        return None
    return next((c for c in adjective.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
