"""Line shapes for :mod:`storylens.clean`: what one line of a document looks like.

Regular expressions and small predicates over a single line of text: promo and
call-to-action lines, bylines (and the author names in them), source lines, photo credits
(stand-alone or at the end of a caption), caption prefixes, datelines and headline-shaped
lines. They look only at the shape of a line (length, final punctuation, capitals), never at
the words of particular articles; :mod:`storylens.clean` decides what to do with each line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storylens.clean import CleanOptions

_PROMO = re.compile(
    r"^\W{0,3}(?:read (?:more|also|next)|also read|more on this(?: story)?|see also|watch|listen|"
    r"related(?: (?:articles?|stor(?:y|ies)|content|coverage|news|reading|topics?))?|"
    r"don['’]?t miss|recommended(?: for you)?|trending|you may also like|further reading|"
    r"editor['’]?s picks?|most read)\s*[:|»>\-–—]",
    re.IGNORECASE,
)
_CLOSING_LIVE = (
    r"we(?:['’]re| are) (?:now )?(?:closing|ending|pausing|wrapping up) (?:this|our) live "
    r"(?:page|blog|coverage)\b"
)
_CALL_TO_ACTION = re.compile(
    r"^\W{0,3}(?:click here|sign up|subscribe (?:to|for|now)|follow (?:us|our)|"
    r"download (?:the|our)|"
    r"get (?:the|our) .{0,40}newsletter|share this|story continues below|continue reading|"
    r"advertisement$|scroll (?:down|to continue)|"
    # "Follow the Harbour Gazette on X for live updates."
    r"follow (?:the )?[\w'’&. -]{1,40} on (?:x|twitter|facebook|instagram|tiktok|threads|"
    r"bluesky|whatsapp|telegram|youtube|linkedin)\b|"
    # a blog feed's footer: "The post <title> appeared first on <site>."
    r"the post .{3,300} (?:first )?appeared (?:first )?on \S|"
    # a tip-off box (user trial 149): "Got a story? Email tips@... or call our newsdesk."
    r"got a (?:story|news tip|tip)\b|(?:e-?mail|contact|call) (?:us|our news ?desk)\b|"
    # a copyright or contact line at the foot (user trial 147): "© Eastmere Herald 2026.",
    # "Ingrid Falkvang can be reached at politics@..."
    r"(?:©|\(c\)\s*(?:19|20)\d\d\b|copyright\b)|[^.!?]{3,60} can be (?:reached|contacted) at\b|"
    # a live page's greeting and sign-off (user trial 82), a donation appeal (trial 83)
    r"welcome to (?:our|the) (?:live (?:coverage|blog|page|updates)|rolling coverage)\b|"
    r"(?:this|our) live (?:page|blog|coverage) (?:is|has) (?:now )?(?:closed|ended)\b|"
    # "We are closing this live page now." (user trial 164)
    rf"{_CLOSING_LIVE}|"
    # "We will bring you updates through the day." (user trial 85), "Stay with us for ..."
    r"we(?:['’]ll| will) (?:bring|keep) you (?:[\w-]+ ){0,3}?"
    r"(?:updates?|posted|information|news|details)\b|"
    # a live page's sympathy and appeal lines (user trial 161): "Our thoughts are with everyone
    # in Lindgate this morning.", "If you have been affected, contact the newsdesk."
    r"our thoughts are with\b|if you (?:have been|were|are) affected\b|"
    # user trial 170: "That's all from us for today.", "Join us again tomorrow morning for day
    # two.", "Have you been affected by the strike? Email newsdesk@..."
    r"that(?:['’]s| is) all (?:from us|for (?:today|now|tonight))\b|"
    r"join us (?:again )?(?:tomorrow|later|next|on)\b|have you been affected\b|"
    r"stay with us\b|you can (?:also )?follow (?:our|the) (?:live )?coverage\b|"
    # a live page's sign-off and greeting (user trial 142): "Thank you for following.",
    # "That's where we'll leave our live coverage.", "Good evening."
    r"thank you for (?:following|reading|joining us|staying with us)\b|"
    r"that(?:['’]s| is) (?:where|all) we(?:['’]ll| will) (?:leave|end|close|pause)\b|"
    # a live page's badge left without its time (user trial 155): "LIVE Last updated"
    r"(?:live\s+)?(?:last\s+)?updated\W*$|live\W*$|"
    r"good (?:morning|afternoon|evening)(?: and welcome)?\W{0,3}$|"
    r"support (?:our|independent)\b.{0,60}\bjournalism\b)",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^\(?\s*(?:sources?\s*:\s*\S.*|(?:with )?(?:inputs from )?(?:news )?agencies\)?\.?)$",
    re.IGNORECASE,
)
# An agency's credit glued to a reprint's last sentence: "... until further notice. (TPA)"
# (user trial 157: the paragraph read as a related link and was cut)
_GLUED_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*(\([A-Z][A-Za-z&.]{1,14}(?: [A-Z][A-Za-z&.]{1,14}){0,3}\))$"
)
_GLUED_SOURCE = re.compile(r"(?:(?<=[.!?\"”’)\]])|\s)\s*(Sources?\s*:\s*[^.!?\n]{1,80})$")
_STAFF_CREDIT = re.compile(
    r"^\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|produced|written)\s+by\b.*$|"
    r"^[^.!?]{3,80}\bcontributed (?:reporting )?to this (?:report|story|article)\.?\)?$",
    re.IGNORECASE,
)
# A staff note at the foot of a story: "Greta Holmvik is the Gazette's sports reporter." (user
# trials 136 and 143 listed it as the outlet's own fact). Only at the foot: in the body, "Anna
# Berg is the paper's editor." can be news.
_STAFF_NOTE = re.compile(
    r"^(?:[A-Z][\w'’-]+ ){1,3}is (?:the|our) [\w'’ -]{0,40}?"
    r"(?:correspondent|reporter|editor|writer|columnist)\.?$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^[\W_]+$")
_BYLINE_START = re.compile(r"^(?:By|BY)\s+(?=[A-Z])")
# Where the names of a byline end: "By Jane Doe, Valley Times", "By Jane Doe in Northvale".
_BYLINE_TAIL = re.compile(r"\s*(?:[,;|•·/(]|\s[-–—]\s|\b(?:in|for|at|on)\b).*$")
_BYLINE_JOINERS = frozenset(
    ["and", "&", "in", "de", "van", "von", "der", "al", "bin", "la", "le", "du", "of"]
)
_PICTURE_AGENCIES = (
    r"(?:Getty(?: Images)?|Reuters|AFP|AP(?: Photo)?|EPA(?:-EFE)?|Anadolu(?: Agency)?|"
    r"Shutterstock|Alamy|PA(?: Media| Wire)?|Xinhua|EFE|DPA|NurPhoto|SOPA Images|Pool)"
)
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:(?:photo(?:graph)?|picture|image|video|credit|illustration)s?(?: credit| source)?"
    r"\s*[:/,]\s*[^.!?]{1,60}|(?:image|photo) (?:copyright|source)\b[^.!?]{0,60}|"
    rf"(?:[\w.'’-]+ ){{0,3}}(?:via |/ ?)?{_PICTURE_AGENCIES}(?: via {_PICTURE_AGENCIES})?)\)?$",
    re.IGNORECASE,
)
_TRAILING_CREDIT = re.compile(
    r"(?:\(\s*[^()/]{1,50}?\s*/\s*[^()/]{1,40}?\s*\)|"
    r"(?:photo(?:graph)?|picture|image|credit)s?\s*:\s*[^.!?:]{1,40}|"
    rf"\(?(?:[\w.'’-]+ ){{0,3}}(?:via |/ ?){_PICTURE_AGENCIES}\)?)",
    re.IGNORECASE,
)
_CREDIT_WINDOW = 120
_AGENCY_LAST_WORDS = frozenset(
    re.sub(r"[^a-z ]+", " ", _PICTURE_AGENCIES.lower().replace("?:", "")).split()
)
_CAPTION_PREFIX = re.compile(
    r"^(?:FILE(?: PHOTO)?|PHOTO|IMAGE|PICTURE|CAPTION|PICTURED|(?:image|photo) caption)"
    r"\s*[:,\-–—]\s*\S",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?)?"
    r"(?:\s*\([A-Z][\w .&-]{1,30}\))?\s*[-–—]+\s+(?=[\"“‘'(]?[A-Z0-9])"
)
# "April 12 (Eastmark Chronicle) -": a date and a credit, no city
_DATE_CREDIT_LINE = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?"
    r"\s*\([A-Z][\w .&-]{1,30}\)\s*[-–—]+\s+(?=[\"“‘'(]?[A-Z0-9])"
)
_FINAL_CLOSERS = "\"'”’»)] `"
_SENTENCE_END = frozenset(".,;:!…")
_QUOTE_CHARS = re.compile('["“”«»]')
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|asked|according to|added)\b", re.IGNORECASE)
_TITLE_START = re.compile(r"^[\"'“‘]?[A-Z0-9]")


def _words(text: str) -> int:
    """Number of white-space separated words."""
    return len(text.split())


# The text an embedded social post leaves in a page: the post, then "— Name (@handle) March
# 10, 2026", often after a "pic.twitter.com/..." link.
_EMBED = re.compile(
    r"(?:pic\.twitter\.com/\S*|https?://t\.co/\S*)?\s*[—–-]{1,2}\s*[^()\n]{1,60}"
    r"\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$"
)


def _is_embed(text: str) -> bool:
    """The text of an embedded social post ("... — Keswin Coastguard (@KeswinCG) March 10,
    2026"): the post is quoted by the page, not written by it."""
    return bool(_EMBED.search(text))


# A live post that opens with a greeting: "Good morning. The report is due out at 10:00."
_GREETING = re.compile(
    r"^good (?:morning|afternoon|evening)(?: and welcome)?[.!]\s+(?=[A-Z])", re.I
)


# A live post that opens with its sign-off, then news (user trial 164): "We are closing this
# live page now. Thank you for following the day with us. Schools are expected to reopen ..."
_SIGN_OFF_LEAD = re.compile(
    rf"^(?:(?:{_CLOSING_LIVE}|thank you for (?:following|reading|joining us|staying with us)\b)"
    r"[^.!?]{0,80}[.!?]\s+)+(?=[A-Z])",
    re.I,
)


def _is_promo(text: str, options: CleanOptions) -> bool:
    """A "READ MORE: ..." or call-to-action line."""
    if _words(text) > options.max_boilerplate_words:
        return False
    return bool(_PROMO.match(text) or _CALL_TO_ACTION.match(text))


# A newsroom role after the names: "By Tamsin Reyes, regional correspondent".
_JOURNALIST = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|journalist|columnist|staff)s?\b", re.I
)
# A name and a newsroom role alone on a line: "Petra Lindqvist, Housing Correspondent".
_ROLE_BYLINE = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3},\s+(?:[\w-]+\s+){0,3}"
    r"(?i:correspondent|editor|reporter|writer|journalist|columnist)$"
)


def _is_byline(text: str) -> bool:
    """Bylines: "By Jane Doe", "By Jane Doe and John Roe, BBC News in Kabul", "Reporting by
    ...", "By Tamsin Reyes, regional correspondent", "Petra Lindqvist, Housing Correspondent"."""
    if _STAFF_CREDIT.match(text) and _words(text) <= 30:
        return True
    if _ROLE_BYLINE.match(text):
        return True
    if not _BYLINE_START.match(text) or _words(text) > 12:
        return False
    names, _, role = text.partition(",")
    words = re.sub(r"[,|;]", " ", names if _JOURNALIST.search(role) else text).split()[1:]
    return all(w[0].isupper() or w.isdigit() or w.lower() in _BYLINE_JOINERS for w in words)


def _byline_author(text: str) -> str | None:
    """The names in a "By ..." byline ("By Jane Doe, Valley Times" -> "Jane Doe"), or None."""
    start = _BYLINE_START.match(text)
    if start is None:
        return None
    names = _BYLINE_TAIL.sub("", text[start.end() :]).strip()
    return (names.title() if names.isupper() else names) or None


def _trailing_credit(text: str) -> int | None:
    """Where a photo credit at the end of a line starts, or None.

    Only a few start positions are tried (the last "(", the label before the last ":", the
    last few words), so this stays cheap on long body paragraphs.
    """
    if not _may_end_with_credit(text):
        return None
    candidates = {text.rfind("("), _label_start(text), *_last_word_starts(text, 6)}
    for start in sorted(c for c in candidates if c >= 0 and len(text) - c <= _CREDIT_WINDOW):
        if _TRAILING_CREDIT.fullmatch(text, start):
            return start
    return None


def _may_end_with_credit(text: str) -> bool:
    """Cheap gate: a credit ends with ")", holds a colon, or ends with a picture agency."""
    if text.endswith(")") or ":" in text[-_CREDIT_WINDOW:]:
        return True
    return text[text.rfind(" ") + 1 :].lower() in _AGENCY_LAST_WORDS


def _label_start(text: str) -> int:
    """Where the word before the last colon starts ("... Photo: AFP"), or -1."""
    colon = text.rfind(":")
    if colon <= 0:
        return -1
    return text.rfind(" ", 0, colon - 1) + 1


def _last_word_starts(text: str, count: int) -> list[int]:
    """Start offsets of the last ``count`` words of a line."""
    starts: list[int] = []
    end = len(text)
    while len(starts) < count and end > 0:
        space = text.rfind(" ", 0, end)
        starts.append(space + 1)
        end = space
    return starts


def _is_credit(text: str) -> bool:
    """A stand-alone photo credit: "Photo: AFP", "Getty Images", "(Jane Doe / Reuters)"."""
    if _words(text) > 10:
        return False
    return bool(_CREDIT_LINE.match(text)) or _trailing_credit(text) == 0


def _is_title_like(text: str, max_words: int) -> bool:
    """A short headline-shaped line: capital start, no final sentence punctuation."""
    if _words(text) > max_words or not _TITLE_START.match(text):
        return False
    core = text.rstrip(_FINAL_CLOSERS)
    if not core or core[-1] in _SENTENCE_END or re.search(r"[.!?] [A-Z]", core):
        return False
    if core.endswith("?"):
        return not _QUOTE_CHARS.search(text)
    return True


_DATE_WORD = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*"
    r"|updated|published|posted|dated?|last|on|at|[ap]\.?\s?m\.?|gmt|bst|utc|[ecmp][sd]t|hkt|ist|jst|cet|cest|eet|eest|aest|aedt|sgt"
)
_ISO_STAMP = r"\d{4}-\d\d-\d\d(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"  # 2026-04-06T09:30:00Z
_DATE_LINE = re.compile(
    rf"(?:\s|[,.:/()|-]|{_ISO_STAMP}|\d+(?:st|nd|rd|th)?|\b(?:{_DATE_WORD})\b)+", re.I
)


def dated_line(text: str) -> str | None:
    """The date of a line that is only a date and time, as an ISO date (with the time of day
    when the line gives one); else None.

    >>> dated_line("9 March 2026"), dated_line("Updated 10:30"), dated_line("May Day parade")
    ('2026-03-09', None, None)
    >>> dated_line("Published: 2026-04-06T09:30:00Z"), dated_line("Date: 2026-04-06")
    ('2026-04-06', '2026-04-06')
    >>> dated_line("Published March 9, 2026, 19:45")
    '2026-03-09T19:45:00'

    """
    from storylens.features import text_dates

    if not is_date_line(text):
        return None
    found = text_dates(text)
    if not found:
        return None
    return found[0] + _clock_of(text)


_CLOCK = re.compile(
    r"\b(\d{1,2}):(\d\d)(?::\d\d)?\s*(?:([ap])\.?\s?m\.?)?(\s*(?:gmt|utc)\b)?", re.I
)


def _clock_of(text: str) -> str:
    """The time of day of a date line, as an ISO suffix ("T14:05:00", "Z" for GMT or UTC),
    or "" when it gives none or one that cannot be a time.

    >>> _clock_of("March 9, 2026, 14:05"), _clock_of("Updated 4/9/2031 6:04 PM GMT")
    ('T14:05:00', 'T18:04:00Z')
    >>> _clock_of("9 March 2026"), _clock_of("Published: 2026-04-06T09:30:00Z")
    ('', '')
    """
    match = _CLOCK.search(text)
    if match is None or re.search(r"\dT\d", text):  # an ISO stamp gives its own date only
        return ""
    hour, minute = int(match.group(1)), int(match.group(2))
    if match.group(3):
        hour = hour % 12 + (12 if match.group(3).lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return ""
    return f"T{hour:02d}:{minute:02d}:00" + ("Z" if match.group(4) else "")


def is_date_line(text: str) -> bool:
    """A line that is only a date and time: "27 NOVEMBER, 2031", "Updated 4/9/2031 6:04 PM".

    >>> is_date_line("POSTED: 1052 GMT, April 10, 2031"), is_date_line("May Day parade")
    (True, False)
    """
    return bool(_DATE_LINE.fullmatch(text))
