"""The sections of the text and Markdown reports, by the key ``compare --only`` selects them
with. A module of its own, importing nothing, so that the command line can list them in its
help without loading the analysis."""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["SECTIONS", "selected"]

SECTIONS: dict[str, str] = {
    "articles": "the articles compared, and which are copies of one text",
    "digest": "the cited digest",
    "shared": "facts two or more outlets state, and weak matches to check",
    "unique": "facts only one outlet states",
    "omitted": "facts others share that an outlet leaves out, and what a reprint cut",
    "quotes": "direct quotes, their speakers and fidelity",
    "numbers": "every figure, and with --explain those compared with nothing",
    "conflicts": "conflicting figures, figures that differ by source, and with --explain every"
    " pair compared",
    "sources": "who each outlet cites, and its sentences with no attribution",
    "wording": "word choice: terms for one referent, loaded and hedging words",
}
"""The sections of the text and Markdown reports, by the key ``compare --only`` selects them
with, and what each holds."""


def selected(only: Collection[str] | None, section: str) -> bool:
    """Whether a report shows ``section`` (every section when ``only`` is None).

    >>> selected(None, "quotes"), selected({"numbers"}, "quotes")
    (True, False)
    """
    return only is None or section in only
