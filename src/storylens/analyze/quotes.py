"""Direct quotes, their speakers, and the same quote matched across articles.

``find_quotes(article)`` finds every stretch of text between quote marks in the body
paragraphs (headings and captions are skipped) and says who said it; ``match_quotes``
groups the same quote across articles and classes how faithfully each outlet reports it.
The quote-mark scanning lives in :mod:`storylens.analyze._quote_marks`, each quote's sentence
and the parse in :mod:`storylens.analyze._quote_context`, the story's speakers in
:mod:`storylens.analyze._quote_speakers`, the speaker and kind of one quote in
:mod:`storylens.analyze._quote_cues`, and the matching in :mod:`storylens.analyze._quote_match`.

Quote marks
    Curly double marks open and close by shape; straight double marks toggle within a
    paragraph. Single marks (‘ ’ and ') count only outside double quotes: an opening mark
    after a space and before a letter, closed by a mark after a non-space and before a
    non-letter. A closing-looking mark with no opening one pending is an apostrophe
    ("Afghans’ rights"); ``s’`` before a lower-case word is kept only as a last resort. Single
    marks inside a double quote are part of that quote, not quotes of their own. A paragraph
    that ends inside a quote continues in the next paragraph when that one opens with a quote
    mark (the span then covers both, marks included); otherwise the quote ends with its
    paragraph.

Speakers (``Why.rule`` of each mention says which rule found it)
    ``cue-after``       ``"...," the mission tweeted`` / ``"...," said X``: a cue verb right
                        after the closing mark, the speaker between (or after) them; not
                        when the words between open with "and", "but" ("...", and urged).
    ``according-to``    ``according to X`` in the same sentence.
    ``colon-cue``       ``Another said: "..."``.
    ``cue-in-sentence`` the nearest cue verb in the sentence around the quote (before it
                        first), its subject from the dependency parse; a participle after
                        a reported clause ("said the plan fell short, calling it "...""),
                        the reporting verb's subject; a described subject naming a person in
                        apposition ("the mayor, Colm Brady, said"), that person; a
                        common-noun subject of a clause a named person reports ("Jonas
                        Eberle said drivers had complained "for years""), that person.
    Names               a capitalised description before a name ("Survivor Mira Okafor")
                        is dropped when the parse shows it (:mod:`.speakers`); across the
                        story, ``match_quotes`` folds each speaker to one canonical name.
    ``pronoun``         a he/she/they/it speaker resolved to the last named speaker, person
                        or named subject of a cue verb before it (not inside a quote); a
                        lone name the parse calls a person ("Priya, who was standing ...,
                        said", "Aoife, a season-ticket holder, said") counts as a person.
    ``definite-description`` "the mission" resolved to the last named organisation that was
                        the subject of a cue verb in the two paragraphs before; "the
                        minister" to the last person the text gave that title before the
                        name ("Interior Minister Dana Petrak").
    ``elliptic``        "Another said" / "one told" filled in with the head noun of the last
                        nominal speaker ("another resident").
    ``carried-over``    no cue: an earlier quote in the same paragraph, or, for a quote that
                        opens its paragraph and reads as a sentence, the last speaker of the
                        paragraph before.
    ``no-speaker``      none of these.

Kinds
    SCARE: no cue and no carried-over speaker ("war crimes"). STATEMENT: a quote that opens
    its sentence and ends a clause, or follows "X said:" / "X said,". PARTIAL: any other
    attributed quote, i.e. a few words inside a reported sentence ("deeply disturbing").
    Chants and shouts count as speech: "residents chanted "Allahu akbar"" is PARTIAL with
    the residents as speakers, and so is "residents on the rooftops of Herat shouting "..."",
    where the parser takes the place for the subject of the participle: the speaker is the
    plural noun the participle's prepositions hang from. A quoted translation in parentheses
    right after a quote (``"Allahu akbar" ("God is greatest")``) is no quote of its own: it
    goes in the features of the quote it translates, as ``translation``.

Fidelity (``match_quotes``), compared over normalised word sequences
    Two mentions of different articles are linked when they are: VERBATIM same text (white
    space folded); PUNCTUATION same words; FRAGMENT the shorter (at least 3 words; "..."
    splits it into pieces found in order) is a contiguous part of the longer; REWORDED
    rapidfuzz token_sort_ratio >= 85, or token_set_ratio >= 90 for quotes of similar length
    (both at least 4 words); OTHER_SPEAKER one of the first three with different known
    speakers. Linked mentions form a group, and the group is then read against one
    reference: its longest mention (ties: article order, then offset). Each mention's own
    relation to the reference is in ``why.features["fidelity"]`` (``verbatim``,
    ``punctuation``, ``fragment``, ``reworded``, ``other-speaker``; ``single`` when alone; the
    reference itself has ``why.features["reference"]`` and is ``verbatim`` when another
    mention prints its exact words, else the closest relation of another mention to it), so three
    outlets
    that copy a quote word for word stay ``verbatim`` even when a fourth rewords it (a report
    shows this class on each mention's row, the group's as its summary). A mention linked
    only through a chain of others and no form of the reference at all is not the same
    quote: it leaves the group and is grouped again with what it matches. The group's
    ``fidelity`` flags what a journalist must check: each other article counts with its most
    faithful mention (an outlet that quotes in full and later repeats a piece still quoted in
    full), and the group takes the least faithful of these articles. A quote reported by one
    article only is SINGLE.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from storylens.analyze._quote_context import _Context, _contexts, _parse
from storylens.analyze._quote_cues import _kind, _speaker
from storylens.analyze._quote_marks import _body_ranges, _content, _Raw, _scan
from storylens.analyze._quote_match import match_quotes
from storylens.analyze._quote_speakers import _collect, _Found, _Speakers
from storylens.model import (
    Article,
    QuoteMention,
    Why,
)

__all__ = ["find_quotes", "match_quotes"]


# ----------------------------------------------------------------------------------------
# find_quotes
# ----------------------------------------------------------------------------------------


def find_quotes(article: Article, *, doc: Any | None = None) -> tuple[QuoteMention, ...]:
    """Every direct quote in the article's body paragraphs, with its speaker and kind.

    ``doc`` is an optional spaCy ``Doc`` of ``article.text`` (parsed with
    ``storylens.nlp.load_spacy()``); without it only the paragraphs that may hold quotes,
    cue verbs or titled names are parsed. Spans cover the words inside the marks.
    """
    text = article.text
    paragraphs = _body_ranges(article)
    raws = _scan(article, paragraphs)
    if not raws:
        return ()
    regions = [(r.open, r.close + 1) for r in raws]
    speakers = _Speakers(text, paragraphs, regions)
    parsed = _parse(article, paragraphs, raws, doc)
    _collect(speakers, parsed)
    mentions: list[QuoteMention] = []
    glosses = _glosses(text, raws)
    for i, ctx in enumerate(_contexts(text, paragraphs, raws)):
        if ctx.content[0] >= ctx.content[1] or i in glosses:
            continue
        found = _speaker(speakers, parsed, ctx)
        if found.speaker is not None:
            speakers.last_in_paragraph[speakers.paragraph_of(ctx.content[1])] = found
        if i + 1 in glosses:
            gloss = _content(text, raws[i + 1])
            found = replace(found, features={**found.features, "translation": text[slice(*gloss)]})
        mentions.append(_mention(article, ctx, found))
    return tuple(mentions)


def _glosses(text: str, raws: list[_Raw]) -> set[int]:
    """Quotes that translate the quote before them: ``"Allahu akbar" ("God is greatest")``."""
    out = set()
    for i in range(1, len(raws)):
        before, raw = raws[i - 1], raws[i]
        between = text[before.close + 1 : raw.open] if before.closed else ""
        after = text[raw.close + 1 : raw.close + 3].lstrip()[:1] if raw.closed else ""
        if between.strip() == "(" and after == ")":
            out.add(i)
    return out


def _mention(article: Article, ctx: _Context, found: _Found) -> QuoteMention:
    speaker_span = article.span(*found.span) if found.span is not None else None
    features = {k: v for k, v in found.features.items() if v is not None}
    return QuoteMention(
        span=article.span(*ctx.content),
        kind=_kind(article.text, ctx, found),
        speaker=found.speaker,
        speaker_span=speaker_span,
        why=Why(rule=found.rule, features=features),
    )
