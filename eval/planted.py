"""Planted truths: fictional stories from user trials, scored with the library API.

Each ``eval/planted/*.json`` holds one story: its articles (plain text, one paragraph a line)
and the truths its writers planted, every one a substring of an article so that it can be
located by offset (``context``, when given, is a longer substring that makes ``text`` unique).
The stories were written during user trials and looked at while storylens was developed, so
this is a regression set, not a held-out measure: the seed pair and ECB+ gates stay the
measures of quality.

Categories (found / total; every one counts what is right, so a floor can only go up):

``conflicts``             pairs of figures flagged as a conflict
``not_conflicts``         pairs of figures not flagged
``not_conflict_reasons``  of those, pairs explained with an expected reason (a pair never
                          compared counts when ``different-thing`` is expected and both
                          figures were read)
``omissions``             the outlet is listed as leaving out the fact (``claim_views``)
``shared``                one claim holds every outlet's sentence (its mentions or ``also``)
``shared_not_omitted``    shared facts that no outlet stating them is said to leave out
``unique``                the sentence is in a claim listed as only this outlet's
``quote_speakers``        quote mentions found with the right speaker
``quote_fidelity``        quote mentions grouped with the truth's other mentions and given
                          the expected class (``single`` when alone)
``same_origin``           groups of wire copies found as exactly one origin group

A not-conflict truth may leave out ``reasons`` and a quote mention its ``fidelity`` (the six
stories of session 9's trials, converted from hand annotations in the seed gold file's format,
give a speaker for each quote and a verdict, not always a reason, for each pair): such a
truth is not counted in ``not_conflict_reasons`` or ``quote_fidelity``.

Usage::

    python eval/planted.py                       # the table, then every miss
    python eval/planted.py --json                # the same as JSON
    python eval/planted.py --story kelmar-quake  # one story (repeatable)
    python eval/planted.py --raise-floors        # raise eval/planted_floors.json to the scores

tests/test_planted.py fails when a category scores below its floor in
``eval/planted_floors.json``; ``--raise-floors`` never lowers one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from storylens.compare import compare
from storylens.model import (
    Article,
    Claim,
    ClaimMention,
    NumberMention,
    Paragraph,
    Quote,
    QuoteMention,
    Span,
    StoryAnalysis,
    content_hash,
)
from storylens.report.views import WEAK_LINK, ClaimViews, claim_views
from storylens.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
PLANTED = ROOT / "eval" / "planted"
FLOORS = ROOT / "eval" / "planted_floors.json"
CATEGORIES = (
    "conflicts",
    "not_conflicts",
    "not_conflict_reasons",
    "omissions",
    "shared",
    "shared_not_omitted",
    "unique",
    "quote_speakers",
    "quote_fidelity",
    "same_origin",
)
TRUTH_KEYS = (
    "conflicts",
    "not_conflicts",
    "omissions",
    "shared",
    "unique",
    "quotes",
    "same_origin",
)
"""The truth lists of a story file, each truth with an ``id`` unique in its story."""

Truth = Mapping[str, Any]


@dataclass(frozen=True)
class Miss:
    """One truth storylens did not get, and what it did instead."""

    category: str
    story: str
    truth: str
    detail: str


@dataclass
class Result:
    """Found and total per category, and every miss."""

    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    misses: list[Miss] = field(default_factory=list)
    stories: int = 0
    articles: int = 0

    def add(self, category: str, story: str, truth: str, detail: str | None) -> None:
        """Count one truth: found when ``detail`` is None, else a miss saying why."""
        self.total[category] += 1
        if detail is None:
            self.found[category] += 1
        else:
            self.misses.append(Miss(category, story, truth, detail))


# ------------------------------------------------------------------------------ loading


def load_stories(names: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The stories of ``eval/planted``, by file name; only ``names`` when given."""
    wanted = set(names)
    paths = sorted(PLANTED.glob("*.json"))
    found = [p for p in paths if not wanted or p.stem in wanted]
    unknown = wanted - {p.stem for p in found}
    if unknown:
        msg = f"no planted story named {', '.join(sorted(unknown))} in {PLANTED}"
        raise ValueError(msg)
    return [json.loads(p.read_text(encoding="utf-8")) for p in found]


def article(record: Mapping[str, Any]) -> Article:
    """An Article straight from a record: one body paragraph per non-empty line, split into
    sentences as cleaning does (no ingest or cleaning step: the text is already clean)."""
    text = str(record["text"])
    paragraphs = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            sentences = tuple(split_sentences(line, start))
            paragraphs.append(Paragraph(start, start + len(line), sentences=sentences))
        start += len(line) + 1
    return Article(
        id=str(record["id"]),
        text=text,
        paragraphs=tuple(paragraphs),
        content_hash=content_hash(text),
        outlet=record.get("outlet"),
        title=record.get("title"),
        published=record.get("published"),
    )


def locate(articles: Mapping[str, Article], mention: Truth) -> Span:
    """The span of a truth's substring: ``text``, found inside ``context`` when given."""
    art = articles[mention["article"]]
    context = mention.get("context", mention["text"])
    at = art.text.find(context)
    if at < 0 or art.text.find(context, at + 1) >= 0:
        msg = f"{context!r} must occur exactly once in article {art.id}"
        raise ValueError(msg)
    inner = context.find(mention["text"])
    if inner < 0:
        msg = f"{mention['text']!r} is not inside its context {context!r}"
        raise ValueError(msg)
    start = at + inner
    return art.span(start, start + len(mention["text"]))


# ------------------------------------------------------------------------------ scoring


@dataclass(frozen=True)
class _Story:
    """One analysed story, with what its truths are checked against."""

    name: str
    truths: Mapping[str, Any]
    articles: dict[str, Article]
    analysis: StoryAnalysis
    views: ClaimViews

    def span(self, mention: Truth) -> Span:
        return locate(self.articles, mention)

    def words(self, span: Span) -> str:
        return self.articles[span.article].text_of(span)


def _touches(spans: Iterable[Span], target: Span) -> bool:
    return any(s.overlaps(target) for s in spans)


def _claim_spans(claim: Claim, *, also: bool = False) -> list[Span]:
    spans = [m.span for m in claim.mentions]
    return spans + [m.span for m in claim.also] if also else spans


def _claims_at(claims: Iterable[Claim], span: Span, *, also: bool = False) -> list[Claim]:
    return [c for c in claims if _touches(_claim_spans(c, also=also), span)]


def _numbers_at(story: _Story, span: Span) -> list[NumberMention]:
    return [n for n in story.analysis.numbers if n.span.overlaps(span)]


def _pair(verdicts: Iterable[Any], a: Span, b: Span) -> Any | None:
    """The first conflict or non-conflict whose mentions cover both spans."""
    for verdict in verdicts:
        spans = [m.span for m in verdict.mentions]
        if _touches(spans, a) and _touches(spans, b):
            return verdict
    return None


def _read_as(story: _Story, span: Span) -> str:
    found = _numbers_at(story, span)
    if not found:
        return f"no figure read at {story.words(span)!r}"
    n = found[0]
    return f"{story.words(n.span)!r} counts {n.what!r} (per {n.attributed_to!r})"


def _never_compared(story: _Story, a: Span, b: Span) -> str:
    return f"never compared: {_read_as(story, a)}; {_read_as(story, b)}"


def _not_flagged_because(story: _Story, a: Span, b: Span) -> str:
    verdict = _pair(story.analysis.non_conflicts, a, b)
    if verdict is not None:
        return f"explained as {verdict.why.rule} ({verdict.about})"
    return _never_compared(story, a, b)


def _conflict(story: _Story, truth: Truth) -> str | None:
    a, b = story.span(truth["a"]), story.span(truth["b"])
    if _pair(story.analysis.conflicts, a, b) is not None:
        return None
    return "not flagged: " + _not_flagged_because(story, a, b)


def _not_conflict(story: _Story, truth: Truth) -> str | None:
    a, b = story.span(truth["a"]), story.span(truth["b"])
    flagged = _pair(story.analysis.conflicts, a, b)
    return None if flagged is None else f"flagged as a conflict: {flagged.about}"


def _reason(story: _Story, truth: Truth) -> str | None:
    a, b = story.span(truth["a"]), story.span(truth["b"])
    reasons = truth["reasons"]
    if _pair(story.analysis.conflicts, a, b) is not None:
        return "flagged as a conflict"
    verdict = _pair(story.analysis.non_conflicts, a, b)
    if verdict is not None:
        if verdict.why.rule in reasons:
            return None
        return f"explained as {verdict.why.rule}, expected {' or '.join(reasons)}"
    read = _numbers_at(story, a) and _numbers_at(story, b)
    if read and "different-thing" in reasons:
        return None  # never compared: storylens counts them as different things
    return f"expected {' or '.join(reasons)}, {_never_compared(story, a, b)}"


def _omission(story: _Story, truth: Truth) -> str | None:
    fact = story.span(truth["fact"])
    outlet = truth["article"]
    if _claims_at(story.views.omitted[outlet], fact):
        return None
    claims = _claims_at(story.analysis.claims, fact)
    if not claims:
        return "no claim holds the fact"
    claim = claims[0]
    stated = sorted({m.span.article for m in claim.mentions})
    if len(stated) < 2:
        return f"the fact's claim is stated by {stated[0]} only: no other outlet linked to it"
    if claim in story.views.weak:
        return f"the fact's claim ({', '.join(stated)}) is weakly linked: no omission listed"
    own = [m for m in (*claim.mentions, *claim.also) if m.span.article == outlet]
    if own:
        return f"{outlet} is counted as stating it: {_said(story, own[0], claim)}"
    return f"not listed for {outlet} (claim stated by {', '.join(stated)})"


def _said(story: _Story, mention: ClaimMention, claim: Claim) -> str:
    """A claim mention as evidence: "ws-feld (linked 0.81): 'words'" or "(also 0.57)"."""
    how = "also" if mention in claim.also else "linked"
    score = "" if mention.why.score is None else f" {mention.why.score:.2f}"
    return f"{mention.span.article} ({how}{score}): {story.words(mention.span)!r}"


def _split(story: _Story, spans: Sequence[Span]) -> str:
    """How a shared fact's sentences fall into claims: "[a, b] [c] [d: no claim]"."""
    groups: dict[str, list[str]] = {}
    for span in spans:
        claims = _claims_at(story.analysis.claims, span, also=True)
        key = claims[0].id if claims else f"none-{span.article}"
        groups.setdefault(key, []).append(span.article + ("" if claims else ": no claim"))
    return "split over claims: " + " ".join(f"[{', '.join(g)}]" for g in groups.values())


def _shared(story: _Story, truth: Truth) -> str | None:
    spans = [story.span(m) for m in truth["mentions"]]
    for claim in _claims_at(story.analysis.claims, spans[0], also=True):
        if all(_touches(_claim_spans(claim, also=True), s) for s in spans):
            return None
    return _split(story, spans)


def _shared_not_omitted(story: _Story, truth: Truth) -> str | None:
    spans = [story.span(m) for m in truth["mentions"]]
    wrong = sorted(
        {
            s.article
            for s in spans
            for claim in story.views.omitted[s.article]
            if any(_touches(_claim_spans(claim), t) for t in spans)
        }
    )
    return f"said to leave it out: {', '.join(wrong)}" if wrong else None


def _unique(story: _Story, truth: Truth) -> str | None:
    span = story.span(truth)
    if _claims_at(story.views.unique[truth["article"]], span):
        return None
    claims = _claims_at(story.analysis.claims, span)
    if not claims:
        return "no claim holds the sentence"
    claim = claims[0]
    also = [m for m in claim.also if m.why.score is not None and m.why.score >= WEAK_LINK]
    others = [m for m in (*claim.mentions, *also) if m.span.article != span.article]
    if not others:
        return "its claim is not listed as unique"
    return "linked with " + "; ".join(_said(story, m, claim) for m in others[:3])


def _quote_at(story: _Story, span: Span) -> tuple[Quote, QuoteMention] | None:
    """The quote mention overlapping ``span`` the most, with its quote."""
    best: tuple[int, Quote, QuoteMention] | None = None
    for quote in story.analysis.quotes:
        for m in quote.mentions:
            if m.span.overlaps(span):
                overlap = min(m.span.end, span.end) - max(m.span.start, span.start)
                if best is None or overlap > best[0]:
                    best = (overlap, quote, m)
    return None if best is None else (best[1], best[2])


def _bare(name: str) -> str:
    """A speaker's name to compare: case folded, a leading determiner dropped ("the national
    police unit" and "national police unit" name one speaker; "another resident", "resident")."""
    return re.sub(r"^(?:the|a|an|another)\s+", "", name.casefold())


def _speaker(story: _Story, truth: Truth, mention: Truth) -> str | None:
    found = _quote_at(story, story.span(mention))
    if found is None:
        return f"{mention['article']}: no quote found"
    speaker = found[1].speaker
    if speaker is not None and _bare(speaker) == _bare(truth["speaker"]):
        return None
    return f"{mention['article']}: speaker {speaker!r}, expected {truth['speaker']!r}"


def _fidelity(story: _Story, truth: Truth, mention: Truth) -> str | None:
    found = _quote_at(story, story.span(mention))
    if found is None:
        return f"{mention['article']}: no quote found"
    quote, qm = found
    spans = [m.span for m in quote.mentions]
    apart = [
        m["article"]
        for m in truth["mentions"]
        if m is not mention and not _touches(spans, story.span(m))
    ]
    if apart:
        return f"{mention['article']}: not grouped with {', '.join(apart)}"
    expected = mention["fidelity"]
    expected = [expected] if isinstance(expected, str) else expected
    own = qm.why.features.get("fidelity")  # the class, not the report's label ("reference")
    got = own if isinstance(own, str) else quote.fidelity.value
    if got in expected:
        return None
    return f"{mention['article']}: {got}, expected {' or '.join(expected)}"


def _same_origin(story: _Story, truth: Truth) -> str | None:
    groups: dict[str, set[str]] = {}
    for art, group in story.analysis.origins:
        groups.setdefault(group, set()).add(art)
    if set(truth["articles"]) in groups.values():
        return None
    found = " ".join(f"[{', '.join(sorted(g))}]" for g in groups.values()) or "none"
    return f"origin groups found: {found}"


def _analyse(data: Mapping[str, Any]) -> _Story:
    articles = [article(r) for r in data["articles"]]
    analysis = compare(articles)
    return _Story(data["story"], data, {a.id: a for a in articles}, analysis, claim_views(analysis))


_CHECKS = (
    ("conflicts", "conflicts", _conflict),
    ("not_conflicts", "not_conflicts", _not_conflict),
    ("not_conflict_reasons", "not_conflicts", _reason),
    ("omissions", "omissions", _omission),
    ("shared", "shared", _shared),
    ("shared_not_omitted", "shared", _shared_not_omitted),
    ("unique", "unique", _unique),
    ("same_origin", "same_origin", _same_origin),
)


def score_story(data: Mapping[str, Any], result: Result) -> None:
    """Analyse one story with ``compare`` and count its truths into ``result``."""
    story = _analyse(data)
    result.stories += 1
    result.articles += len(story.articles)
    for category, key, check in _CHECKS:
        for truth in data[key]:
            if category == "not_conflict_reasons" and "reasons" not in truth:
                continue  # a trial that said the pair is no conflict but not why
            result.add(category, story.name, truth["id"], check(story, truth))
    for truth in data["quotes"]:
        for mention in truth["mentions"]:
            name = f"{truth['id']}@{mention['article']}"
            result.add("quote_speakers", story.name, name, _speaker(story, truth, mention))
            if "fidelity" in mention:  # a trial may give the speaker only
                result.add("quote_fidelity", story.name, name, _fidelity(story, truth, mention))


def score_all(names: Iterable[str] = ()) -> Result:
    """Score every planted story (or those named)."""
    result = Result()
    for data in load_stories(names):
        score_story(data, result)
    return result


# ------------------------------------------------------------------------------ output


def table(result: Result) -> str:
    """The scores as a plain-text table, then one line per miss."""
    lines = [
        f"planted truths: {result.stories} stories, {result.articles} articles (eval/planted)",
        f"{'category':<22} {'found':>5} {'total':>5} {'share':>6}",
    ]
    for category in CATEGORIES:
        found, total = result.found[category], result.total[category]
        share = f"{found / total:.2f}" if total else "-"
        lines.append(f"{category:<22} {found:>5} {total:>5} {share:>6}")
    lines.append(f"misses: {len(result.misses)}")
    lines += [f"  {m.category} {m.story} {m.truth}: {m.detail}" for m in result.misses]
    return "\n".join(lines)


def as_json(result: Result) -> dict[str, Any]:
    """The scores and misses as JSON-ready data."""
    return {
        "stories": result.stories,
        "articles": result.articles,
        "scores": {c: {"found": result.found[c], "total": result.total[c]} for c in CATEGORIES},
        "misses": [asdict(m) for m in result.misses],
    }


def load_floors(path: Path = FLOORS) -> dict[str, int]:
    """The floor of each category (found counts)."""
    data: dict[str, int] = json.loads(path.read_text(encoding="utf-8"))["floors"]
    return data


def below_floors(result: Result, floors: Mapping[str, int]) -> list[str]:
    """One line per category that scored below its floor (empty when all pass)."""
    return [
        f"{category} {result.found.get(category, 0)} is below its floor {floor}"
        for category, floor in sorted(floors.items())
        if result.found.get(category, 0) < floor
    ]


def raise_floors(result: Result, path: Path = FLOORS) -> list[str]:
    """Raise each floor to its score; never lower one. Returns the changes made."""
    data = json.loads(path.read_text(encoding="utf-8"))
    floors: dict[str, int] = data["floors"]
    changes = []
    for category in CATEGORIES:
        now = floors.get(category, 0)
        if result.found[category] > now:
            changes.append(f"{category}: {now} -> {result.found[category]}")
            floors[category] = result.found[category]
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return changes


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: 0 when every floor holds, 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--story", action="append", default=[], help="score only this story")
    parser.add_argument(
        "--raise-floors", action="store_true", help="raise eval/planted_floors.json to the scores"
    )
    args = parser.parse_args(argv)
    result = score_all(args.story)
    if args.json:
        sys.stdout.write(json.dumps(as_json(result), indent=2) + "\n")
    else:
        sys.stdout.write(table(result) + "\n")
    if args.raise_floors:
        if args.story:
            sys.stderr.write("error: --raise-floors needs every story (drop --story)\n")
            return 1
        for change in raise_floors(result) or ["no floor raised"]:
            sys.stderr.write(change + "\n")
    below = [] if args.story else below_floors(result, load_floors())
    for line in below:
        sys.stderr.write(line + "\n")
    return 1 if below else 0


if __name__ == "__main__":
    raise SystemExit(main())
