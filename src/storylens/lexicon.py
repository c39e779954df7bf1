"""Small generic word lists shared by the analysis stages: titles of people, by kind.

These are general English news conventions (no list here is taken from any evaluation text).
Every entry is lower case without a final dot; matching strips a dot ("Gen." = "gen").
"""

from __future__ import annotations

__all__ = [
    "EXPERT_TITLES",
    "HONORIFICS",
    "MILITARY_TITLES",
    "OFFICIAL_TITLES",
    "TITLES",
    "TITLE_PHRASES",
]

MILITARY_TITLES = frozenset(
    [
        "gen",
        "general",
        "lt",
        "lieutenant",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "sgt",
        "sergeant",
        "adm",
        "admiral",
        "cmdr",
        "commander",
        "brig",
        "brigadier",
    ]
)
"""Military ranks: a source with one of these is cited as ``military``."""

OFFICIAL_TITLES = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "governor",
        "gov",
        "mayor",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "senator",
        "sen",
        "representative",
        "rep",
        "envoy",
        "chancellor",
        "premier",
        "official",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
    ]
)
"""Offices of state: a source with one of these is cited as ``government``."""

EXPERT_TITLES = frozenset(["dr", "doctor", "prof", "professor", "analyst", "expert"])
"""Titles of expertise: a source with one of these is cited as ``expert/doctor``."""

HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "sir",
        "dame",
        "lord",
        "lady",
        "princess",
        "pope",
        "sheikh",
        "imam",
        "mullah",
        "archbishop",
        "bishop",
        "rev",
        "reverend",
        "father",
        "chief",
    ]
)
"""Forms of address that say nothing about the kind of source."""

TITLES = MILITARY_TITLES | OFFICIAL_TITLES | EXPERT_TITLES | HONORIFICS | {"vice", "prime"}
"""Every word that may stand before a name and is not part of it ("Gen Sadat" is Sadat)."""

TITLE_PHRASES = (
    "Secretary of State",
    "Secretary-General",
    "Secretary General",
    "Prime Minister",
    "Vice President",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Interior Minister",
    "Attorney General",
    "Lieutenant General",
    "Major General",
    "Brigadier General",
    "Lt Gen",
    "Maj Gen",
    "Brig Gen",
)
"""Titles of several words, matched before the single words."""
