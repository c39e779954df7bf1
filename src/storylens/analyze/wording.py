"""Word choice: which label each outlet uses for the same kind of referent, and loaded or
hedging terms.

Two generic lexicons, the same for every story:

* **Referent sets** (:data:`REFERENT_SETS`): labels that news uses interchangeably for one
  referent but that carry different judgements ("insurgents" / "militants" / "terrorists"). A set
  is reported when at least two of its terms are used across the articles, or when a single
  loaded term ("regime") is used by some articles and not others. Counts are per article.
* **Loaded and hedging terms** (:data:`LOADED`, :data:`HEDGES`): each term found is reported
  with its count per article.

Every form of a term counts for it: singular, plural and the adjective ("militant hands" counts
for "militants"), except before a union, party or company noun ("the militant union" is a
stance, not an armed group); verbs count in every tense ("massacred", "massacring"). Words
inside the name of an entity ("Economic Freedom Fighters", "Save the Children") do not count.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from storylens import lexicon
from storylens.model import Article, Entity, Span, WordChoice

__all__ = [
    "HEDGES",
    "LOADED",
    "REFERENT_SETS",
    "bare_headline",
    "neutral_headline",
    "term_pattern",
    "word_choice",
]

_TO_POWER = (
    r"(?:to|from) (?:(?:the|several|\d+|\w+) )?(?:MPs|members of parliament|politicians|"
    r"officials|lawmakers|deputies|senators|councillors|ministers)"
)
"""Whom money for influence goes to: "payments to 14 MPs", "donations to politicians"."""

# concept -> term -> regular expression of its forms (matched case-insensitively, whole words).
REFERENT_SETS: Mapping[str, Mapping[str, str]] = {
    "armed group members": {
        "insurgents": r"insurgents?",
        "militants": r"militants?",
        "fighters": r"fighters?",
        "rebels": r"rebels?",
        "terrorists": r"terrorists?",
        "extremists": r"extremists?",
        "gunmen": r"gunm[ae]n",
        "jihadists": r"jihadists?",
        "guerrillas": r"guerr?illas?",
        "separatists": r"separatists?",
        "freedom fighters": r"freedom[- ]fighters?",
        "bandits": r"bandits?",  # user trial 83: a state-aligned daily's word for kidnappers
        "mercenaries": r"mercenar(?:y|ies)",
        # the noun, not "a criminal case" (user trial 90)
        "criminals": r"criminals|criminal (?:gangs?|groups?|networks?)",
        # user trial 112: one group called "militia", "armed group" and "gunmen"
        "militia": r"militias?|militiam[ae]n",
        "armed group": r"armed groups?",
        "paramilitaries": r"paramilitar(?:y|ies)",
    },
    "people held by the other side": {  # user trial 114: one exchange, three framings
        "detainees": r"detainees?",
        "prisoners of war": r"prisoners? of war|POWs?",
        "hostages": r"hostages?",
        "captives": r"captives?",
    },
    "seizing power by force": {  # user trial 118: one night called three things
        "coup": r"coups?(?: d'[ée]tat)?|putsch(?:es)?",
        "mutiny": r"mutin(?:y|ies|ous)|mutineers?",
        "uprising": r"uprisings?",
        "rebellion": r"rebellions?",
        "insurrection": r"insurrections?",
        "revolt": r"revolts?",
        "plot": r"plot(?:s|ters?)?(?= (?:to|against)\b)|plotters",
    },
    "cause given for a failure": {  # user trial 115: one blackout, three causes
        "sabotage": r"sabotag(?:e|ed|ing)|saboteurs?",
        "technical fault": r"technical (?:faults?|failures?|problems?|glitch(?:es)?)|glitch(?:es)?",
        "cyberattack": r"cyber-? ?attacks?",
    },
    "people protesting": {
        "protesters": r"protest[eo]rs?",
        "demonstrators": r"demonstrators?",
        "rioters": r"rioters?",
        "mob": r"mobs?",
        "activists": r"activists?",
        "looters": r"looters?",
        "hooligans": r"hooligans?",  # user trial 90: a state agency's words for protesters
        "provocateurs": r"provocateurs?",
    },
    "security forces": {  # user trial 90: one force, named three ways
        "security forces": r"security forces?",
        "law enforcement": r"law[- ]enforcement(?: officers?| agencies| officials)?",
        "riot police": r"riot police(?:m[ae]n)?",
        "punitive units": r"punitive (?:units?|forces?|squads?|detachments?)",
    },
    "killing": {
        "killed": r"kill(?:s|ed|ing|ings)?",
        "murdered": r"murder(?:s|ed|ing)?",
        "massacred": r"massacr(?:e|es|ed|ing)",
        "slaughtered": r"slaughter(?:s|ed|ing)?",
        "executed": r"execut(?:e|es|ed|ing|ion|ions)",
        "butchered": r"butcher(?:s|ed|ing)?",
        # a death with no one to blame
        "died": r"died|dead|perished|lost (?:their|his|her) lives",
    },
    "ruling authority": {
        "regime": r"regimes?",
        "government": r"governments?",
        "authorities": r"authorities",
        "junta": r"juntas?",
    },
    "foreign military": {
        "occupation": r"occupation|occupying|occupiers?",
        "presence": r"military presence",
        "intervention": r"interventions?",
        "invasion": r"invasions?|invad(?:e|es|ed|ing)|invaders?",
        "special operation": r"special (?:military )?operation",
    },
    "people who moved": {
        "refugees": r"refugees?",
        "migrants": r"migrants?",
        "asylum seekers": r"asylum[- ]seekers?",
        "illegals": r"illegals",
        "illegal immigrants": r"illegal (?:immigrants?|aliens?|migrants?|arrivals?)",
        "undocumented": r"undocumented (?:immigrants?|migrants?|people)",
        "expats": r"expat(?:s|riates?)?",
    },
    "taking territory": {
        "captured": r"captur(?:e|es|ed|ing)",
        "seized": r"seiz(?:e|es|ed|ing)",
        "liberated": r"liberat(?:e|es|ed|ing|ion)",
        "overran": r"overr(?:an|un|uns|unning)",
        # "fell to the rebels", "the fall of Kherat": not "shares fell" or "fell to 4.1 euros"
        "fell": r"(?:fell|falls|fallen)(?= to (?:the )?(?-i:[A-Z]))|fall(?= of (?-i:[A-Z]))",
    },
    "what happened": {
        "accident": r"accidents?|accidental(?:ly)?",
        # user trial 120: a rocket's end as an "anomaly", a "failure" or an explosion
        "anomaly": r"anomal(?:y|ies)",
        "malfunction": r"malfunction(?:s|ed|ing)?",
        "mishap": r"mishaps?",
        "incident": r"incidents?",
        "tragedy": r"traged(?:y|ies)|tragic(?:ally)?",
        "disaster": r"(?:disasters?|disastrous)(?! (?:office|agency|management|relief|"
        r"response|fund|unit|team|committee|authority|service|ministry|department|centre)\b)",
        "catastrophe": r"catastroph(?:e|es|ic)",
    },
    "settlers": {
        "settlers": r"settlers?",
        "colonists": r"colonists?",
    },
    "leaving office": {
        "resigned": r"resign(?:s|ed|ing|ation|ations)?",
        "stepped down": r"step(?:s|ped|ping)? down",
        "quit": r"quits?|quitting",
        "forced out": r"forced (?:out|to (?:resign|quit|step down|leave))",
        "ousted": r"oust(?:s|ed|ing|er)?",
        "sacked": r"sack(?:s|ed|ing)|dismiss(?:ed|al)",
    },
    "people forced from home": {
        "evacuees": r"evacuees?",
        "displaced": r"(?:internally )?displaced (?:people|persons|residents|families|villagers)",
        "homeless": r"(?:left |made )?homeless",
        "fled": r"(?:fled|flee|fleeing) (?:from )?(?:their|his|her) homes?|who (?:had )?fled",
        # user trial 124: one flood's residents "evacuated", "displaced" or "forced from their
        # homes"
        "evacuated": r"evacuated|evacuations?",
        "forced from home": r"forced (?:from|out of) (?:their|his|her) homes?",
    },
    "a charge for using something": {  # user trial 126: one bridge toll, three names
        "toll": r"(?<!death )(?<!casualty )(?<!human )tolls?",
        "tax": r"(?:bridge|road|congestion|toll|crossing) tax(?:es)?",
        "charge": r"(?:crossing|road|congestion|bridge|user|toll) charges?",
        "levy": r"levy|levies",
        "fee": r"(?:crossing|road|bridge|user|entry) fees?",
    },
    "structure that failed": {  # not "a data breach", "a breach of contract"
        "breach": r"(?<!data )(?<!security )breach(?:es|ed)?(?! of)",
        "collapse": r"collaps(?:e|es|ed|ing)",
        "failure": r"(?:dam|levee|dyke|dike|structural|bridge) failures?",
        "burst": r"burst(?:s|ing)?",
        "gave way": r"(?:gave|give|gives|giving|given) way",
    },
    "substance released": {  # not "leaked documents", "data leak"
        "spill": r"spill(?:s|ed|age)?|spilt",
        "leak": r"(?<!data )leak(?:s|ed|ing|age)?(?! (?:of )?(?:data|documents?|emails?|files?))",
        "discharge": r"discharg(?:e|es|ed|ing)",
    },
    "harmful substance": {
        "toxic": r"toxic|toxins?",
        "hazardous": r"hazardous",
        "poisonous": r"poison(?:ous|ed)?",
        "contaminated": r"contaminat(?:ed|ion)",
    },
    "political position": {  # one party, placed by each outlet
        "far-right": r"far[- ]right",
        "hard-right": r"hard[- ]right",
        "radical right": r"radical[- ]right",
        "nationalist": r"nationalists?",
        "populist": r"populists?",
        "right-wing": r"right[- ]wing(?:ers?)?",
        "far-left": r"far[- ]left",
        "left-wing": r"left[- ]wing(?:ers?)?",
    },
    "size of a win": {
        "landslide": r"landslides?",
        "sweeping": r"sweeping (?:victory|win)",
        "resounding": r"resounding (?:victory|win)",
        "clear victory": r"clear (?:victory|win)",
        "comfortable lead": r"comfortable (?:lead|victory|win|margin)",
        "narrow win": r"narrow(?:ly)? (?:victory|win|won|lead|margin|passed|approved|defeated)",
        "squeaked through": r"(?:squeak|scrap)(?:ed|es|s|ing)? (?:through|by|home)",
    },
    "jobs lost": {  # the plain words and the euphemisms for one decision
        "job cuts": r"job cuts?|cuts? (?:to|in) jobs",
        "job losses": r"job loss(?:es)?|loss(?:es)? of (?:[\d,]+ )?jobs",
        "layoffs": r"lay-?offs?|laid off|laying off",
        "redundancies": r"redundanc(?:y|ies)",
        "restructuring": r"restructur(?:e|es|ed|ing)",
        "downsizing": r"downsiz(?:e|es|ed|ing)",
        "streamlining": r"streamlin(?:e|es|ed|ing)",
    },
    # user trial 159: one firm's money to MPs called "bribes", "payments" and "donations";
    # plain "payments" and "donations" only with the words that make them this money
    "money for influence": {
        "bribes": r"brib(?:e|es|ed|ing|ery)",
        "kickbacks": r"kickbacks?|backhanders?",
        "inducements": r"inducements?|sweeteners?",
        "payments": r"(?:secret|illicit|improper|undeclared|cash|unexplained) payments?"
        rf"|payments?(?= {_TO_POWER})",
        "donations": r"(?:political|party|campaign|undeclared|declared) donations?"
        rf"|donations?(?= {_TO_POWER})",
        "gifts": r"(?:lavish|undeclared|expensive) gifts?",
    },
    "documents made public": {  # user trial 159: "leaked documents", "stolen documents"
        "leaked": r"leak(?:ed|s)? (?:documents?|files?|emails?|papers?|records?|memos?)"
        r"|leaks?(?= of (?:documents?|files?|emails?|papers?|records?|memos?))",
        "stolen": r"stolen (?:documents?|files?|emails?|papers?|records?|data|memos?)",
        "hacked": r"hacked (?:documents?|files?|emails?|papers?|records?|data|memos?)",
        "obtained": r"(?:documents?|files?|emails?|papers?|records?|memos?) (?:seen|obtained)"
        r" by",
    },
    "a fire": {  # "fire" itself is left out: "fire chief", "fire service", "opened fire"
        "wildfire": r"wild-?fires?|forest fires?|bush-?fires?",
        "blaze": r"blazes?",
        "inferno": r"infernos?",
        "firestorm": r"firestorms?",
    },
    "stopping work": {  # a labour dispute, not "air strikes" nor "a strike on goal"
        "strike": r"(?<!air )(?<!drone )(?<!missile )(?<!military )(?<!rocket )(?<!hunger )"
        r"strikes?(?! (?:on|at) )",
        "walkout": r"walk-?outs?|walk(?:ed|ing|s)? out",
        "stoppage": r"(?:work )?stoppages?",
        "industrial action": r"industrial action",
    },
    "effect of a stoppage": {
        "disruption": r"disrupt(?:ion|ions|ed|ing|s)?",
        "chaos": r"chaos|chaotic",
        "havoc": r"havoc",
        "paralysed": r"paraly[sz](?:ed|ing|is)",
        "standstill": r"standstill|ground to a halt",
    },
    "explosion": {
        "explosion": r"explosions?",
        "blast": r"blasts?(?! furnace)",
        "detonation": r"detonations?",
        "blew up": r"bl(?:ew|ow|owing|own) up",
    },
    "crowd disaster": {  # "surge" the noun; "surged" is kept for crowds too
        "crush": r"crush(?:es)?(?! (?:on|of) )",
        "surge": r"surges?|surged(?= (?:forward|towards?|through|into))",
        "stampede": r"stamped(?:e|es|ed|ing)",
        "crowd collapse": r"crowd collapses?",
    },
    "followers of a team or cause": {
        "fans": r"fans",
        "supporters": r"supporters",
        "faithful": r"(?:the )?faithful(?= (?:were|had|have|are|sang|cheered))",
    },
    "cloud of gas or smoke": {  # not "rain clouds" or "cloud computing"
        "cloud": r"(?:toxic|gas|chemical|poisonous|smoke|ash|dust|black|thick|acrid) clouds?"
        r"|clouds? of (?:smoke|gas|ash|dust|fumes)",
        "plume": r"plumes?",
        "fumes": r"fumes",
        "haze": r"haze",
    },
    "people who lost money": {  # the same people, as a market or as wronged
        "investors": r"investors?",
        "victims": r"victims?(?= of (?:[\w'-]+ ){0,3}(?:fraud|scam|scheme|swindle|con)\b)"
        r"|(?:fraud|scam) victims?",
        "savers": r"savers?",
        "clients": r"clients?",
    },
    "a fraud": {
        "scheme": r"schemes?(?<!pension scheme)",
        "scam": r"scams?",
        "fraud": r"frauds?",
        "swindle": r"swindl(?:e|es|ed|ing)",
        "con": r"con(?= (?:trick|job|man|men|artist)\b)",
        "Ponzi scheme": r"ponzi(?: schemes?)?",
    },
    "what went wrong": {  # one fault, blamed or described
        "negligence": r"negligen(?:ce|t)",
        "failure": r"failures?(?! to)",
        "error": r"errors?",
        "mistake": r"mistakes?",
        "blunder": r"blunders?",
        "incompetence": r"incompeten(?:ce|t)",
    },
    "people who died": {
        "the dead": r"the dead\b",
        "victims": r"victims?(?! of (?:[\w'-]+ ){0,3}(?:fraud|scam|scheme|swindle|con)\b)",
        "fatalities": r"fatalit(?:y|ies)",
    },
    "payments to win favour": {  # a mayor's "kickbacks", "bribes" or "illicit payments"
        "bribes": r"brib(?:e|es|ed|ery|ing)",
        "kickbacks": r"kick-?backs?",
        "illicit payments": r"illicit payments?",
        "backhanders": r"backhanders?",
        "sweeteners": r"sweeteners?",
    },
    "one company buying another": {
        "merger": r"mergers?|merg(?:e|es|ed|ing)(?= with\b)",
        "takeover": r"take-?overs?",
        "acquisition": r"acquisitions?",
        "buyout": r"buy-?outs?",
        "swallows": r"swallow(?:s|ed|ing)?(?= (?:up )?(?:its )?(?:rival|competitor)s?\b)",
    },
    "earth that slid": {
        "landslide": r"landslides?(?! (?:win|victory|defeat|majority)\b)",
        "mudslide": r"mudslides?",
        "landslip": r"landslips?",
        "rockslide": r"rockslides?",
    },
    "spread of a disease": {
        "outbreak": r"outbreaks?",
        "epidemic": r"epidemics?",
        "pandemic": r"pandemics?",
        "plague": r"plagues?",
    },
    "a rise in a price or rate": {
        "rise": r"rises?(?= (?:in|of)\b)",
        "increase": r"increases?(?= (?:in|of)\b)",
        "hike": r"hikes?",
    },
    "a poor district": {
        "slum": r"slums?",
        "shanty town": r"shanty ?towns?",
        "informal settlement": r"informal settlements?",
    },
    "people who break into computers": {
        "hackers": r"hackers?",
        "cybercriminals": r"cyber-? ?criminals?",
        "ransomware gang": r"ransomware (?:gang|group|crew)s?",
        "threat actors": r"threat actors?",
        "attackers": r"(?:cyber-? ?)?attackers?",
    },
}
LOADED: Mapping[str, str] = {
    "massacre": r"massacr(?:e|es|ed|ing)",
    "slaughter": r"slaughter(?:s|ed|ing)?",
    "butcher": r"butcher(?:s|ed|ing|y)?",
    "regime": r"regimes?",
    "terrorist": r"terror(?:ist|ists|ism)?",
    "atrocity": r"atrocit(?:y|ies)",
    "barbaric": r"barbaric|barbarism|barbarity",
    "brutal": r"brutal(?:ly|ity)?",
    "thugs": r"(?:cyber-?)?thugs?",
    "mob": r"mobs?",
    "genocide": r"genocid(?:e|al)",
    "ethnic cleansing": r"ethnic cleansing",
    "war crimes": r"war crimes?",
    "savage": r"savage(?:ly|ry)?",
    "gruesome": r"gruesome",
    "cowardly": r"cowardly|cowards?",  # user trials 79 and 83
    "bandits": r"bandits?",
    "mercenaries": r"mercenar(?:y|ies)",
    "horrific": r"horrific|horrendous",
    "extremist": r"extremis[mt]s?",
    # words that pass judgement on a person
    "disgraced": r"disgraced?",
    "crooks": r"crooks?",
    "crooked": r"crooked",
    "fat cats": r"fat-? ?cats?",
    "firebrand": r"firebrands?",
    "notorious": r"notorious(?:ly)?",
    "infamous": r"infamous(?:ly)?",
    "shameless": r"shameless(?:ly)?",
    "scandal-hit": r"scandal-(?:hit|plagued|ridden)",
    # words that pass judgement on a side of a dispute
    "union bosses": r"union (?:bosses|barons)",
    "wreckers": r"wreckers?",
    "hard-left": r"hard-(?:left|right)(?:ers?)?",
    "greedy": r"greed(?:y|ily)?",
    "held to ransom": r"(?:hold|holds|holding|held) [\w' ]{0,30}?to ransom",
    "blackmail": r"blackmail(?:s|ed|ing)?",
    "conman": r"con-?m[ae]n|fraudsters?|swindlers?",
    "killer": r"killer(?= (?:bugs?|virus(?:es)?|disease|superbug|germs?|storm|quake|waves?|"
    r"heat(?:wave)?|fog|flu|drugs?|milk)\b)",  # "killer bug": the thing, not a murderer
    "lobby": r"(?<!hotel )(?<!the hotel )lobby|lobbies",  # "the landlord lobby": an interest
    # words that make a change sound bigger than a plain "cut" or "rise"
    "slashed": r"slash(?:es|ed|ing)?",
    "whopping": r"whopping",
    "staggering": r"staggering(?:ly)?",
    "crippling": r"crippl(?:e|es|ed|ing)",
    "inferno": r"infernos?",
    "shambles": r"shambles|shambolic",
    # words that make taking money sound like theft before a court says so
    "plundered": r"plunder(?:s|ed|ing)?",
    "axed": r"axe[ds]?|axing",
    "brought to its knees": r"(?:bring|brings|bringing|brought) [\w' ]{0,30}?to "
    r"(?:its|their|his|her) knees",
    "pocketed": r"pocket(?:ed|ing)",
    "soared": r"soar(?:s|ed|ing)?|sky-?rocket(?:s|ed|ing)?",
    "hike": r"hikes?(?= (?:in|of|to|for)\b)|(?:price|rent|tax|fare|rate|pay) hikes?",
    # words that put an emotion on a speaker
    "fumed": r"fum(?:ed|ing)(?! (?:from|of))",
    "seething": r"seeth(?:e|es|ed|ing)",
    "slammed": r"slamm(?:ed|ing)",
    "boasted": r"boast(?:s|ed|ing)",
    "whined": r"whin(?:ed|es|ing)",
    "ranted": r"rant(?:s|ed|ing)",
    "moaned": r"moan(?:s|ed|ing)",
    "furious": r"furious(?:ly)?",
    "snubbed": r"snub(?:s|bed|bing)?",
    "drugs cheat": r"drugs? cheats?",
    "clobbered": r"clobber(?:s|ed|ing)?",
    "hammered": r"hammer(?:s|ed|ing)(?= (?:by|with|again)\b)",  # "families were hammered again"
    # tabloid words for a sum and a firm (user trial 149): "BONANZA", "drug giant", "splash out"
    "bonanza": r"bonanzas?",
    "giant": r"(?:drugs?|pharma|tech|energy|oil|retail|food|media|chemicals?) giants?",
    "splash out": r"(?:splash|shell)(?:es|s|ed|ing)? out",
    # words that make a protest a crime or a plot (user trial 90)
    "mass riots": r"mass riots?",
    "hooligans": r"hooligans?|hooliganism",
    "provocateurs": r"provocateurs?|provocations?",
    "punitive": r"punitive (?:units?|forces?|squads?|detachments?)",
}
HEDGES: Mapping[str, str] = {
    "alleged": r"alleged(?:ly)?",
    "reportedly": r"reportedly|(?:is|are|was|were) reported to",
    "apparently": r"apparent(?:ly)?|appear(?:s|ed)? to",
    "so-called": r"so[- ]called",
    # "claimed that ...", "claims to", "..., he claimed.": not "surveillance claims" nor
    # "claimed responsibility" / "claimed the attack" (taking credit hedges nothing)
    # ... nor "could not claim to" (a denial, not the writer's doubt)
    "claimed": r"(?<!not )(?<!n't )claim(?:s|ed|ing)?(?=\s+(?:that|to)\b)|claimed(?=\s*[,.;])",
    "purportedly": r"purported(?:ly)?",
    "supposedly": r"supposedly|supposed(?! to\b)",  # "was supposed to open": a plan (trial 147)
    "unconfirmed": r"unconfirmed|unverified",
    "said to": r"(?:is|are|was|were) (?:said|believed|thought) to",
    "possibly": r"possibly|(?:it is|it's|it was) possible (?:that|to)",
}


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)


def neutral_headline(title: str) -> bool:
    """A headline in neutral words: no loaded or hedging term ("Crooked ex-minister ...") and
    not a speaker's words ("'STOLEN': Mayor's fury ...").

    >>> neutral_headline("'STOLEN': Mayor's fury as recount hands city hall to rival")
    False
    """
    if title.lstrip()[:1] in _QUOTE_MARKS:
        return False
    return not any(term_pattern(k, k).search(title) for k in (*LOADED, *HEDGES))


_QUOTE_MARKS = frozenset("\"'“‘«")


def bare_headline(title: str) -> str:
    """A headline without the live-page marks around it.

    >>> bare_headline("Live: tram derails in Brevik"), bare_headline("Dam bursts - live")
    ('Tram derails in Brevik', 'Dam bursts')
    """
    bare = _LIVE_AFTER.sub("", _LIVE_BEFORE.sub("", title)).strip()
    return bare[:1].upper() + bare[1:]


_LIVE_BEFORE = re.compile(r"^\s*(?i:live(?:\s+updates|\s+blog)?|as it happened)\s*[:|–—-]\s*")
_LIVE_AFTER = re.compile(
    r"\s*[:|–—-]\s*(?i:live(?:\s+updates|\s+blog)?|as it happened|latest updates)\s*$"
)


def term_pattern(concept: str, term: str) -> re.Pattern[str]:
    """The compiled pattern of one term: of a referent set's ``concept``, or a loaded or
    hedging term (whose concept is the term itself). Matches any text for an unknown term."""
    pattern = REFERENT_SETS.get(concept, {}).get(term) or LOADED.get(term) or HEDGES.get(term)
    return _compiled(pattern or r".*")


def word_choice(
    articles: Sequence[Article],
    *,
    entities: Sequence[Entity] | None = None,
    docs: Mapping[str, Any] | None = None,
) -> tuple[WordChoice, ...]:
    """Referent sets where the outlets' labels differ, then loaded and hedging terms.

    ``docs`` is accepted for a uniform stage signature; matching works on the text alone.
    ``entities`` (from :func:`storylens.analyze.entities.find_entities`) keeps words inside
    names from counting; without it every match counts.
    """
    names = _name_spans(entities or ())
    out = [c for c in (_referent(k, s, articles, names) for k, s in REFERENT_SETS.items()) if c]
    for kind, terms in (("loaded", LOADED), ("hedge", HEDGES)):
        out.extend(c for c in (_term(kind, t, p, articles, names) for t, p in terms.items()) if c)
    return tuple(out)


def _name_spans(entities: Sequence[Entity]) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = {}
    for entity in entities:
        if entity.label != "NORP":
            for span in entity.mentions:
                spans.setdefault(span.article, []).append(span)
    return spans


def _find(pattern: str, article: Article, names: Mapping[str, list[Span]]) -> list[Span]:
    """The matches of one term in one article, outside entity names, and not an adjective
    for the stance of a union, party or company ("the militant union")."""
    inside = names.get(article.id, [])
    text = article.text
    found = (article.span(m.start(), m.end()) for m in _compiled(pattern).finditer(text))
    return [
        s
        for s in found
        if not any(s.overlaps(n) for n in inside) and not _describes_a_body(text, s.end)
    ]


_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _describes_a_body(text: str, end: int) -> bool:
    """True when the word ending at ``end`` is followed by a union, party or company noun."""
    after = _NEXT_WORD.match(text, end)
    return bool(after) and lexicon.ORG_NOUNS.get(after.group(1) if after else "") == "other"


def _referent(
    concept: str,
    terms: Mapping[str, str],
    articles: Sequence[Article],
    names: Mapping[str, list[Span]],
) -> WordChoice | None:
    """One referent set, when the outlets' labels for it differ."""
    found = {t: {a.id: _find(p, a, names) for a in articles} for t, p in terms.items()}
    used = {t: by for t, by in found.items() if any(by.values())}
    users = {a for by in used.values() for a, spans in by.items() if spans}
    alone = len(used) == 1 and len(users) < len(articles) and _loaded(next(iter(used)))
    if len(used) < 2 and not alone:
        return None
    return _choice(concept, "referent", used)


def _loaded(term: str) -> bool:
    """A referent-set term that is also a loaded term ("regime", "terrorists")."""
    return any(_compiled(p).fullmatch(term) for p in LOADED.values())


def _term(
    kind: str, term: str, pattern: str, articles: Sequence[Article], names: Mapping[str, list[Span]]
) -> WordChoice | None:
    """One loaded or hedging term, when any article uses it."""
    by_article = {a.id: _find(pattern, a, names) for a in articles}
    return _choice(term, kind, {term: by_article}) if any(by_article.values()) else None


def _choice(concept: str, kind: str, used: Mapping[str, Mapping[str, list[Span]]]) -> WordChoice:
    """Counts per term and article (zeros included), mentions in text order per article."""
    counts = {t: {a: len(spans) for a, spans in by.items()} for t, by in used.items()}
    order = {a: i for i, a in enumerate(next(iter(used.values())))}
    mentions = sorted(
        (s for by in used.values() for spans in by.values() for s in spans),
        key=lambda s: (order[s.article], s.start),
    )
    return WordChoice(concept=concept, kind=kind, counts=counts, mentions=tuple(mentions))
