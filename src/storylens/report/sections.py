"""The sections of the text and Markdown reports, by the key ``compare --only`` selects them
with. A module of its own, importing nothing, so that the command line can list them in its
help without loading the analysis."""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["CLAIM_SECTIONS", "SECTIONS", "in_order", "plan", "selected"]

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


CLAIM_SECTIONS = ("shared", "unique", "omitted")
"""The sections of the claim matrix (one article's "Claims" answers "shared" and "unique")."""


def in_order(only: Collection[str] | None) -> list[str]:
    """The sections to show: in the order asked when ``only`` is a sequence (user trials 154,
    158 and 162 asked for "conflicts,quotes" and got quotes first), else (None, a set) in the
    report's order.

    >>> in_order(["conflicts", "quotes", "conflicts"])
    ['conflicts', 'quotes']
    >>> in_order({"quotes", "conflicts"}), in_order(None)[:3]
    (['quotes', 'conflicts'], ['articles', 'digest', 'shared'])
    """
    if isinstance(only, list | tuple):
        return list(dict.fromkeys(only))
    return [name for name in SECTIONS if selected(only, name)]


def plan(only: Collection[str] | None, articles: int) -> list[tuple[str, tuple[str, ...]]]:
    """(section, the claim sections it shows) for each section a report prints, in order
    (see :func:`in_order`): a claim section shows itself, but one article's claims are one
    "Claims" section, shown once, for every claim section asked.

    >>> plan(["quotes", "unique", "shared"], 1)
    [('quotes', ()), ('unique', ('unique', 'shared'))]
    >>> plan(["shared", "quotes"], 3)
    [('shared', ('shared',)), ('quotes', ())]
    """
    keys = in_order(only)
    asked = tuple(k for k in keys if k in CLAIM_SECTIONS)
    steps: list[tuple[str, tuple[str, ...]]] = []
    for key in keys:
        if key not in CLAIM_SECTIONS:
            steps.append((key, ()))
        elif articles > 1:
            steps.append((key, (key,)))
        elif key == asked[0]:
            steps.append((key, asked))
    return steps
