"""Outlet inference: which news outlet published an article, and the evidence for it.

The clues are tried from the most to the least reliable, and the first that gives a name wins:

1. the ``outlet`` metadata field;
2. the outlet a feed entry's ``<source>`` element names (an agency's story in a
   broadcaster's feed is the agency's), then the feed title or the site name;
3. the URL's domain (``www.bbc.co.uk`` -> ``BBC``);
4. a "Source: X and agencies" line that cleaning removed;
5. the file name: a well-known outlet in it (``bbc_2021-08-03.txt``), or words ending in a
   newspaper word (``eastwater-tribune.txt`` -> "Eastwater Tribune"): a user who names files
   after outlets means it, and it names the publisher, where a dateline credit often names
   the wire agency the story came from ("KARVENSTAD, March 12 (CWS) -" in a paper's copy);
6. the credit in a removed dateline ("PORT SELLIN, June 14 (Lakeshore Tribune) -");
7. the outlet in a removed photo credit ("(Jane Doe / Lakeshore Tribune)"), or in a removed
   byline ("By Tamsin Reyes, ABS News, Drovna");
8. self-references in the text ("told the BBC", "said in a statement to CNN"), counted: the
   weakest, since an article also quotes what people told other outlets; a name no table
   knows counts when the file is named after it ("told ENB" in ``enb.txt``).

Names are made readable the same way everywhere: a small table of well-known outlets (data,
not rules), then a general fallback that splits brand names by case shape ("TRTWorld" ->
"TRT World") and title-cases domain labels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from storylens.model import Article

__all__ = [
    "dateline_credit",
    "infer_outlet",
    "outlet_from_domain",
    "outlet_name",
    "readable_outlet",
]

# Registrable domain label -> readable name. Data, kept small: the fallback handles the rest.
KNOWN_OUTLETS: Mapping[str, str] = {
    "aa": "Anadolu Agency",
    "abcnews": "ABC News",
    "afp": "AFP",
    "aljazeera": "Al Jazeera",
    "apnews": "AP",
    "axios": "Axios",
    "bbc": "BBC",
    "bloomberg": "Bloomberg",
    "cbsnews": "CBS News",
    "cnn": "CNN",
    "dailymail": "Daily Mail",
    "dailysabah": "Daily Sabah",
    "dawn": "Dawn",
    "dw": "DW",
    "economist": "The Economist",
    "euronews": "Euronews",
    "foxnews": "Fox News",
    "france24": "France 24",
    "ft": "Financial Times",
    "hindustantimes": "Hindustan Times",
    "independent": "The Independent",
    "latimes": "Los Angeles Times",
    "nbcnews": "NBC News",
    "npr": "NPR",
    "nytimes": "The New York Times",
    "politico": "Politico",
    "reuters": "Reuters",
    "rferl": "RFE/RL",
    "scmp": "South China Morning Post",
    "skynews": "Sky News",
    "telegraph": "The Telegraph",
    "theguardian": "The Guardian",
    "thehindu": "The Hindu",
    "tolonews": "TOLOnews",
    "trtworld": "TRT World",
    "usatoday": "USA Today",
    "voanews": "VOA",
    "washingtonpost": "The Washington Post",
    "wsj": "The Wall Street Journal",
    "xinhuanet": "Xinhua",
}

_KEY = re.compile(r"[^a-z0-9]+")


def _key(name: str) -> str:
    """Lower-case alphanumerics only: the lookup form of a name ("BBC News" -> "bbcnews")."""
    return _KEY.sub("", name.lower())


def _aliases() -> dict[str, str]:
    """Lookup keys for every known outlet: its label, its name, with and without "the"/"news"."""
    aliases: dict[str, str] = {}
    for label, name in KNOWN_OUTLETS.items():
        key = _key(name)
        bare = key.removeprefix("the")
        for alias in (label, key, bare, key + "news", bare + "news", "the" + bare):
            aliases.setdefault(alias, name)
    aliases.update(
        {"associatedpress": "AP", "theassociatedpress": "AP", "guardian": "The Guardian"}
    )
    return aliases


_ALIASES = _aliases()
# Second-level labels under a country code that are not the outlet's name (bbc.co.uk).
_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gv", "news"])
_HOST_PREFIXES = ("www.", "www2.", "m.", "amp.", "mobile.", "edition.", "english.")
_ACRONYM_WORD = re.compile(r"([A-Z]{2,})([A-Z][a-z])")
_LOWER_UPPER = re.compile(r"([a-z]{3,})([A-Z])")
_SECTION_SEP = re.compile(r"\s+[-|–—:]\s+|:\s+")  # "Outlet - World", "Outlet: UK news"
_AGENCIES = re.compile(
    r"\s*(?:,|&|\band\b|\bwith\b)\s*(?:news\s+)?(?:wire\s+)?(?:agencies|wires|agency)\b.*$",
    re.IGNORECASE,
)
_SOURCE_PREFIX = re.compile(r"^\s*\(?\s*sources?\s*:\s*", re.IGNORECASE)
# Words that end a newspaper's name. (SIM905: a word list reads better as one string.)
_NEWS_WORDS = """News Times Post Journal Press Radio TV Television Agency Herald Tribune Gazette
    Telegraph Guardian Daily Monitor Broadcasting Channel Network Magazine Courier Chronicle
    Observer Mirror Inquirer Examiner Sentinel Ledger Courant Dispatch Bulletin Wire Weekly
    Review Standard Express Star Digest Insider""".split()  # noqa: SIM905
_MEDIA_WORD = re.compile(r"\b(?:" + "|".join(_NEWS_WORDS) + r")\b")
_FILE_WORDS_BEFORE = 2  # at most this many words before a newspaper word ("north-bay-herald")
_DATELINE_CREDIT = re.compile(r"\(\s*([^()]*?\w[^()]*?)\s*\)")
# "(Jane Doe / Outlet)", "(Photo by Jane Doe/Outlet)": the part after the last slash.
_PHOTO_CREDIT = re.compile(r"^\(\s*[^()/]+/\s*([^()/]*\w[^()/]*?)\s*\)$")
# Picture libraries and pool shots credit a photo, never publish an article.
_PICTURE_ONLY = frozenset(
    ["gettyimages", "getty", "shutterstock", "alamy", "nurphoto", "sopaimages", "pool", "handout"]
)
_SELF_REFERENCE = re.compile(
    r"\b(?:told|telling|speaking to|spoke to|said in a statement to|in a statement to|"
    r"in an interview with|interviewed by|confirmed to)\s+(?:the\s+)?"
    r"((?:[A-Z][\w&/'’.-]*)(?:\s+[A-Z][\w&/'’.-]*){0,3})"
)


def readable_outlet(name: str) -> str:
    """Make an outlet name readable: known names by table, else split brand names by case.

    >>> readable_outlet("TRTWorld"), readable_outlet("BBC News"), readable_outlet("XYZNews")
    ('TRT World', 'BBC', 'XYZ News')
    """
    name = name.strip().strip(".,;:()")
    known = _ALIASES.get(_key(name))
    if known is not None:
        return known
    name = _ACRONYM_WORD.sub(r"\1 \2", name)
    return _LOWER_UPPER.sub(r"\1 \2", name)


def outlet_from_domain(url: str) -> tuple[str, str] | None:
    """The outlet named by a URL's registrable domain, and that domain; None without a host.

    >>> outlet_from_domain("https://www.bbc.co.uk/news/world-asia-58082375")
    ('BBC', 'bbc.co.uk')
    >>> outlet_from_domain("https://news.example-times.com/a")
    ('Example Times', 'example-times.com')
    >>> outlet_from_domain("https://velmoratimes.example/tram")
    ('Velmora Times', 'velmoratimes.example')
    """
    host = urlsplit(url if "//" in url else "//" + url).hostname
    if not host or "." not in host:
        return None
    for prefix in _HOST_PREFIXES:
        host = host.removeprefix(prefix)
    labels = host.split(".")
    index = -2
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        index = -3
    label = labels[index]
    domain = ".".join(labels[index:])
    known = _ALIASES.get(_key(label))
    if known is not None:
        return known, domain
    if len(label) <= 4:
        return label.upper(), domain
    return " ".join(_split_news_word(part) for part in label.split("-") if part), domain


_NEWS_WORD = re.compile(r"^([a-z]{3,}?)(" + "|".join(w.lower() for w in _NEWS_WORDS) + r")$")


def _split_news_word(part: str) -> str:
    """A domain label run together with a news word, split before it: "velmoratimes" ->
    "Velmora Times", "kestrowpost" -> "Kestrow Post"; else the label capitalised."""
    found = _NEWS_WORD.match(part)
    if found is None:
        return part.capitalize()
    return f"{found.group(1).capitalize()} {found.group(2).capitalize()}"


def _from_source_line(line: str) -> str | None:
    """The outlet in a "Source: TRTWorld and agencies" line, or None."""
    name = _AGENCIES.sub("", _SOURCE_PREFIX.sub("", line)).strip().rstrip(")")
    name = re.split(r"\s*[,;/]\s*", name, maxsplit=1)[0]
    if not name or len(name.split()) > 5:
        return None
    return readable_outlet(name)


def dateline_credit(dateline: str) -> str | None:
    """The wire or outlet credited in parentheses in a dateline, or None.

    >>> dateline_credit("PORT SELLIN, June 14 (Lakeshore Tribune) -"), dateline_credit("KABUL -")
    ('Lakeshore Tribune', None)
    """
    found = _DATELINE_CREDIT.search(dateline)
    return found.group(1) if found is not None else None


def _from_photo_credits(credits: Iterable[str]) -> tuple[str, str] | None:
    """The outlet of the first "(Name / Outlet)" photo credit that names one, with evidence."""
    for credit in credits:
        found = _PHOTO_CREDIT.match(credit.strip())
        if found is not None and _key(found.group(1)) not in _PICTURE_ONLY:
            return readable_outlet(found.group(1)), f"photo credit: {credit.strip()}"
    return None


def _from_bylines(bylines: Iterable[str]) -> tuple[str, str] | None:
    """The outlet named after the author in the first byline that names one ("By Tamsin
    Reyes, ABS News, Drovna"): a part after a comma that is a known outlet or ends in a news
    word ("News", "Herald"), with evidence."""
    for byline in bylines:
        for part in byline.split(",")[1:]:
            found = _self_reference_name(part.strip())
            if found is not None and found[1] == part.strip().rstrip(".,;:'’"):
                return found[0], f"byline: {byline.strip()}"
    return None


def _self_reference_name(phrase: str) -> tuple[str, str] | None:
    """The longest leading part of a capitalised phrase that names an outlet, as
    (readable name, words as written), or None."""
    words = phrase.split()
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size]).rstrip(".,;:'’")
        if _key(candidate) in _ALIASES or _MEDIA_WORD.search(candidate):
            return readable_outlet(candidate), candidate
    return None


def _from_self_references(text: str) -> tuple[str, str] | None:
    """The outlet the text refers to most often as "told (the) X"; evidence with the count."""
    counts: Counter[str] = Counter()
    phrases: dict[str, str] = {}
    for match in _SELF_REFERENCE.finditer(text):
        found = _self_reference_name(match.group(1))
        if found is not None:
            name, written = found
            counts[name] += 1
            lead = match.group(0)[: match.start(1) - match.start(0)]
            phrases.setdefault(name, lead + written)
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name, f"self-reference: {phrases[name].strip()} (x{count})"


def _known_bodies() -> Mapping[str, str]:
    """Known organisations' written forms ("UN", "Unama"): never an outlet's name."""
    from storylens.nlp import org_surfaces  # the shipped list of organisations, read once

    return org_surfaces()


_ACRONYM_LETTERS = 5  # a file-name word the text writes in capitals up to this long is an acronym


def _from_named_file(text: str, filename: str | None) -> tuple[str, str] | None:
    """The outlet when the text refers to itself by a name its file is named after: "told
    ENB" in ``enb.txt``, "told the Clarion" in ``daily-clarion.txt`` (the file's words then
    name it, title-cased, an acronym in capitals). A name the text alone gives ("told the
    UN") is no outlet: the file name confirms it.

    >>> _from_named_file("She told the Clarion.", "daily-clarion.txt")
    ('Daily Clarion', 'file name and self-reference: told the Clarion')
    >>> _from_named_file("He told the UN.", "un-report.txt") is None
    True
    """
    parts = [p for p in _file_words(filename) if p.isalpha()] if filename else []
    for match in _SELF_REFERENCE.finditer(text) if parts else ():
        written = match.group(1).rstrip(".,;:'’")
        words = [w.lower() for w in written.split()]
        if not words or not all(w in parts for w in words) or written in _known_bodies():
            continue  # "told the UN" in un-report.txt: a body the story cites, no outlet
        evidence = f"file name and self-reference: {match.group(0).rstrip('.,;:')}"
        if written.isupper():
            return written, evidence
        at = parts.index(words[0])
        before = [p for p in parts[max(0, at - 1) : at] if _MEDIA_WORD.fullmatch(p.capitalize())]
        return " ".join(w.capitalize() for w in [*before, *words]), evidence
    return None


def _file_words(filename: str) -> list[str]:
    """The lower-case words and numbers of a file's name, without its extension.

    >>> _file_words("/in/2026-03-04_Daily-Clarion.txt")
    ['2026', '03', '04', 'daily', 'clarion']
    """
    stem = PurePosixPath(filename.replace("\\", "/")).name.rsplit(".", 1)[0]
    return [p for p in re.split(r"[^a-z0-9]+", stem.lower()) if p]


def _from_filename(filename: str) -> str | None:
    """An outlet a file name names: a known outlet ("bbc_2021-08-03.txt"), else the words
    ending in a newspaper word ("eastwater-tribune-2.txt" -> "Eastwater Tribune"), or None.

    >>> _from_filename("the-north-bay-herald_fire.txt"), _from_filename("ferry-report.txt")
    ('The North Bay Herald', None)
    """
    parts = _file_words(filename)
    for size in (2, 1):
        for i in range(len(parts) - size + 1):
            known = _ALIASES.get("".join(parts[i : i + size]))
            if known is not None:
                return known
    return _media_words(parts)


def _media_words(parts: list[str]) -> str | None:
    """The first run of newspaper words in file-name words, with up to two words before it
    (and a leading "the"), title-cased; None without a newspaper word, or for a newspaper
    word alone ("daily-briefing.txt" names no outlet).

    >>> _media_words(["2024", "eastwater", "tribune"]), _media_words(["daily", "briefing"])
    ('Eastwater Tribune', None)
    """
    media = [bool(p.isalpha() and _MEDIA_WORD.fullmatch(p.capitalize())) for p in parts]
    if not any(media):
        return None
    first = end = media.index(True)
    while end + 1 < len(parts) and media[end + 1]:
        end += 1
    start = first
    while start > 0 and first - start < _FILE_WORDS_BEFORE and parts[start - 1].isalpha():
        start -= 1
    if start > 0 and parts[start - 1] == "the":
        start -= 1
    if end == start:
        return None
    return " ".join(p.capitalize() for p in parts[start : end + 1])


def _from_meta(meta: Mapping[str, Any]) -> tuple[str, str] | None:
    """Outlet from the metadata: ``outlet``, then the outlet a feed entry's ``<source>``
    names (an agency's story carried in a broadcaster's feed is the agency's), then feed
    title or site name, then URL."""
    outlet = meta.get("outlet")
    if isinstance(outlet, str) and outlet.strip():
        return outlet.strip(), f"metadata: outlet {outlet.strip()}"
    origin = meta.get("origin")
    if isinstance(origin, str) and origin.strip() and "/" not in origin:
        written = origin.strip()  # a name the feed writes out: "ByteLedger" stays as it is
        return _ALIASES.get(_key(written), written), f"feed entry source: {written}"
    for field, label in (("feed_title", "feed title"), ("sitename", "site name")):
        value = meta.get(field)
        if isinstance(value, str) and value.strip():
            main = _SECTION_SEP.split(value.strip(), maxsplit=1)[0].strip()
            written = _ALIASES.get(_key(main), main)  # the outlet's own name: "SteepLines"
            return written, f"{label}: {value.strip()}"  # stays as it writes it (trial 81)
    url = meta.get("url")
    if isinstance(url, str) and url.strip():
        found = outlet_from_domain(url.strip())
        if found is not None:
            return found[0], f"url domain: {found[1]}"
    return None


def infer_outlet(
    *,
    meta: Mapping[str, Any],
    text: str,
    removed_source_line: str | None = None,
    dateline: str | None = None,
    photo_credits: Iterable[str] = (),
    filename: str | None = None,
    bylines: Iterable[str] = (),
) -> tuple[str | None, str | None]:
    """Infer ``(outlet, evidence)`` from metadata, text and file name; ``(None, None)`` if unknown.

    ``removed_source_line``, ``dateline``, ``photo_credits`` and ``bylines`` are what cleaning
    removed.

    >>> infer_outlet(meta={}, text="", removed_source_line="Source: TRTWorld and agencies")
    ('TRT World', 'source line: Source: TRTWorld and agencies')
    >>> infer_outlet(meta={}, text="He told the BBC. She told the BBC too.")
    ('BBC', 'self-reference: told the BBC (x2)')
    >>> infer_outlet(meta={}, text="He told the BBC.", dateline="PORT SELLIN (Lakeshore Tribune) -")
    ('Lakeshore Tribune', 'dateline: (Lakeshore Tribune)')
    >>> infer_outlet(meta={}, text="", bylines=["By Tamsin Reyes, ABS News, Drovna"])
    ('ABS News', 'byline: By Tamsin Reyes, ABS News, Drovna')
    """
    clues: tuple[Callable[[], tuple[str, str] | None], ...] = (
        lambda: _from_meta(meta),
        lambda: _from_source_line_clue(removed_source_line),
        lambda: _from_filename_clue(filename, f"{dateline or ''}\n{text}"),
        lambda: _from_dateline(dateline),
        lambda: _from_photo_credits(photo_credits),
        lambda: _from_bylines(bylines),
        lambda: _from_self_references(text),
        lambda: _from_named_file(text, filename),
    )
    for clue in clues:
        found = clue()
        if found is not None:
            return found
    return None, None


def _from_source_line_clue(line: str | None) -> tuple[str, str] | None:
    """The outlet of a removed source line, with evidence."""
    name = _from_source_line(line) if line else None
    return (name, f"source line: {line.strip()}") if name and line else None


def _from_dateline(dateline: str | None) -> tuple[str, str] | None:
    """The outlet credited in a removed dateline, with evidence."""
    credit = dateline_credit(dateline) if dateline else None
    return (readable_outlet(credit), f"dateline: ({credit})") if credit else None


def _from_filename_clue(filename: str | None, text: str = "") -> tuple[str, str] | None:
    """The outlet a file name names, with evidence, written as the text writes it."""
    name = _from_filename(filename) if filename else None
    return (_cased_as_in(name, text), f"file name: {filename}") if name else None


def _cased_as_in(name: str, text: str) -> str:
    """A name made from file-name words, in the text's own casing: the whole name as the text
    writes it ("told ERB News"), else each short word the text writes in capitals ("(KST)").

    >>> _cased_as_in("Erb News", "He told ERB News on Monday.")
    'ERB News'
    >>> _cased_as_in("Kst News", "KELLBY (KST) - Talks opened."), _cased_as_in("Kst News", "")
    ('KST News', 'Kst News')
    >>> _cased_as_in("The Kellby News", "THE KELLBY NEWS: TALKS OPEN")
    'The Kellby News'

    """
    words = name.split()
    whole = re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", text, re.IGNORECASE)
    if whole is not None and not whole.group(0).islower() and not whole.group(0).isupper():
        return " ".join(whole.group(0).split())
    return " ".join(w.upper() if _acronym_in(w, text) else w for w in words)


def _acronym_in(word: str, text: str) -> bool:
    """The text writes a short file-name word in capitals, and it is no newspaper word ("NEWS"
    in a headline) or "the"."""
    if len(word) > _ACRONYM_LETTERS or word.lower() == "the" or _MEDIA_WORD.fullmatch(word):
        return False
    return re.search(rf"\b{re.escape(word.upper())}\b", text) is not None


def outlet_name(article: Article) -> str:
    """The outlet; when it is unknown, the name of the file the article came from (a reader
    knows "ferry-report.txt", not a content hash), else the article id.

    >>> from storylens.model import Article
    >>> outlet_name(Article("9f2c", "x", (), "h", source="/tmp/in/ferry-report.txt"))
    'ferry-report.txt'
    """
    if article.outlet:
        return article.outlet
    source = (article.source or "").replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return source if source and source != "-" else article.id
