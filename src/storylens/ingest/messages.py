"""Every message and skip reason the ingest stage emits, in one place.

Failure messages are one line: what is wrong, then (after a colon) how to fix it. They never
name the file: :attr:`storylens.model.Failure.source` does. Placeholders are filled with
:meth:`str.format`; :func:`one_line` squeezes library error texts into a single short line.
Tests assert these texts word for word.
"""

from __future__ import annotations

__all__ = [
    "ACCEPTED",
    "BINARY",
    "DIRECTORY_EMPTY",
    "DIRECTORY_UNREADABLE",
    "EMPTY",
    "FEED_CUT_OFF",
    "FEED_MALFORMED",
    "GZIP_CORRUPT",
    "HTML_CUT_OFF",
    "JSON_NOT_LINES",
    "LINE_BAD_FIELD",
    "LINE_INVALID_JSON",
    "LINE_NOT_OBJECT",
    "LINE_NOT_UTF8",
    "LINE_NO_BODY",
    "NAME_NOT_CONTENT",
    "NOT_FOUND",
    "NOT_TEXT",
    "SCRIPT_PAGE",
    "SKIP_EMPTY_FEED",
    "SKIP_HTTP_STATUS",
    "SKIP_NON_HTML",
    "SKIP_NOT_ARTICLE_NAME",
    "SKIP_NO_BODY",
    "TOO_LARGE",
    "UNREADABLE",
    "WARC_CORRUPT",
    "XML_NOT_FEED",
    "one_line",
    "plural",
]

ACCEPTED = (
    "give plain text, HTML, RSS/Atom feeds, JSON Lines or WARC files (gzip-compressed or not)"
)

NOT_FOUND = "no such file or directory: check the path"
UNREADABLE = "cannot read the file ({error}): check that it exists and you may read it"
DIRECTORY_UNREADABLE = "cannot list the directory ({error}): check that you may read it"
DIRECTORY_EMPTY = "no files in this directory (hidden files are skipped): check the path"
EMPTY = "empty file: nothing to ingest, check that the file was fully written"
BINARY = "not a text, HTML, feed, JSON Lines or WARC file (it looks like {kind}): " + ACCEPTED
NOT_TEXT = "not a text file (no text encoding fits its bytes): " + ACCEPTED
TOO_LARGE = (
    "article is {size:,} bytes, over the limit of {limit:,} bytes for one article: "
    "raise the limit with --max-bytes (IngestOptions.max_bytes)"
)
SCRIPT_PAGE = (
    "no article text in the page: a script fills it in when a browser opens it (the file holds"
    " only {shown!r}): save the page from the browser once it has loaded, or give the site's feed"
)
TOO_LONG = (
    "article text is {size:,} characters after cleaning, over the limit of {limit:,} for one"
    " article (the language model reads no more): split the file into its articles"
)
HTML_CUT_OFF = (
    "the page is cut off (it stops in mid-text, before the closing </body> or </html> tag):"
    " download or save the page again"
)
GZIP_CORRUPT = "truncated or corrupt gzip data ({error}): download or compress the file again"

FEED_MALFORMED = "malformed feed XML ({error}): fix the XML or download the feed again"
FEED_CUT_OFF = (
    "the feed is cut off (it ends before its closing </rss> or </feed> tag): the {count}"
    " complete entries before the cut were read; download the feed again"
)
NAME_NOT_CONTENT = (
    "named as {named} but it holds plain text: check that the file was fully downloaded,"
    " or give it a .txt name to store it as one article"
)
XML_NOT_FEED = "XML but not an RSS or Atom feed (root element <{root}>): " + ACCEPTED

JSON_NOT_LINES = (
    "a JSON document, not JSON Lines: put one article object per line (e.g. jq -c '.[]')"
)
LINE_INVALID_JSON = "invalid JSON ({error}): write one complete JSON object per line"
LINE_NOT_UTF8 = "line is not valid UTF-8: save the JSON Lines file as UTF-8"
LINE_NOT_OBJECT = "line is a JSON {kind}, not an object: write one JSON object per line"
LINE_NO_BODY = "no 'text' or 'html' field: give each line the article as 'text' (plain) or 'html'"
LINE_BAD_FIELD = "field '{name}' is a JSON {kind}, not a string: write it as a string or null"

WARC_CORRUPT = (
    "truncated or corrupt WARC archive after {records} ({error}): "
    "download the archive again or repair it"
)

SKIP_NO_BODY = "no article body"
SKIP_EMPTY_FEED = "empty feed (no entries)"
SKIP_NON_HTML = "not an article (non-HTML WARC record)"
SKIP_HTTP_STATUS = "not an article (HTTP error or redirect)"
SKIP_NOT_ARTICLE_NAME = "not an article (by its file extension)"
"""A file a directory walk passed over by its name (:mod:`storylens.ingest.names`); the
command line adds how to read it anyway: name the file on the command line."""

_MAX_DETAIL = 160


def one_line(error: BaseException | str) -> str:
    """A library error as one short line, for the parenthesised detail of a message.

    >>> one_line(ValueError("bad\\n  thing"))
    'bad thing'
    """
    text = " ".join(str(error).split()) or type(error).__name__
    if len(text) > _MAX_DETAIL:
        text = text[: _MAX_DETAIL - 3].rstrip() + "..."
    return text


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an ``s`` unless there is exactly one.

    >>> plural(1, "record"), plural(3, "record")
    ('1 record', '3 records')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
