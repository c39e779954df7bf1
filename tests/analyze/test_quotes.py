"""Tests for storylens.analyze.quotes: quote marks, speakers, kinds and cross-article fidelity.

Unit tests use fictional snippets; the seed articles are read only through fixtures.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from storylens.analyze.quotes import find_quotes, match_quotes
from storylens.analyze.speakers import canonical_name, fold_surname
from storylens.clean import clean
from storylens.model import (
    Article,
    Paragraph,
    ParagraphKind,
    QuoteFidelity,
    QuoteKind,
    QuoteMention,
    RawDocument,
    Why,
    content_hash,
)
from storylens.nlp import parse

FLOORS = Path(__file__).resolve().parents[2] / "eval" / "quotes_floors.json"


def _article(*paragraphs: str | tuple[str, ParagraphKind], name: str = "") -> Article:
    """An article whose paragraphs are separated by blank lines."""
    parts = [p if isinstance(p, tuple) else (p, ParagraphKind.BODY) for p in paragraphs]
    text = "\n\n".join(p for p, _ in parts)
    built, pos = [], 0
    for body, kind in parts:
        built.append(Paragraph(pos, pos + len(body), kind=kind))
        pos += len(body) + 2
    ident = content_hash(name + text)
    return Article(id=ident, text=text, paragraphs=tuple(built), content_hash=ident)


def _only(article: Article) -> QuoteMention:
    mentions = find_quotes(article)
    assert len(mentions) == 1, [article.text_of(m.span) for m in mentions]
    return mentions[0]


def _text(article: Article, mention: QuoteMention) -> str:
    return article.text_of(mention.span)


# ---------------------------------------------------------------------------- speakers


def test_quotes_cue_after_named_speaker() -> None:
    article = _article('"The bridge will open on Monday," Maria Lopez said.')
    mention = _only(article)
    assert _text(article, mention) == "The bridge will open on Monday,"
    assert (mention.speaker, mention.kind, mention.why.rule) == (
        "Maria Lopez",
        QuoteKind.STATEMENT,
        "cue-after",
    )
    assert mention.speaker_span is not None
    assert article.text_of(mention.speaker_span) == "Maria Lopez"


def test_quotes_cue_verb_before_speaker() -> None:
    article = _article('"We are ready for the storm," said Tom Berry, the harbour master.')
    mention = _only(article)
    assert (mention.speaker, mention.why.rule) == ("Tom Berry", "cue-after")


def test_quotes_colon_cue_before() -> None:
    article = _article('Maria Lopez told reporters: "The bridge is safe to cross."')
    mention = _only(article)
    assert (mention.speaker, mention.kind, mention.why.rule) == (
        "Maria Lopez",
        QuoteKind.STATEMENT,
        "colon-cue",
    )


def test_quotes_pronoun_resolved_to_last_named_speaker() -> None:
    article = _article(
        "Mayor Maria Lopez visited the flooded school on Tuesday.",
        '"It is safe to return," she said.',
    )
    mention = _only(article)
    assert (mention.speaker, mention.why.rule) == ("Maria Lopez", "pronoun")
    assert mention.speaker_span is not None
    assert article.text_of(mention.speaker_span) == "she"


def test_quotes_he_never_stands_for_a_place() -> None:
    # user trial 35: "the town had been asking" took the resident's "he" for itself
    article = _article(
        "Another resident, who did not want to be named, said the town had been asking for a "
        'second road for a decade. "We have one road," he said.'
    )
    assert _only(article).speaker == "another resident"


@pytest.mark.parametrize(
    "intro",
    [
        'Ilse, who was standing by the gate with her son, said the crowd "surged like a tide".',
        'Ilse, a season-ticket holder, said the crowd "surged like a tide".',
    ],
)
def test_quotes_pronoun_reaches_a_first_name_the_sentence_calls_a_person(intro: str) -> None:
    # A lone first name is often no PERSON entity; "who was standing" or "a season-ticket
    # holder" says it is one, so "she" need not go back to the spokesperson paragraphs before.
    article = _article(
        "A spokesperson for the hospital told the Post that seven people were still there.",
        intro + ' "Nobody was in charge," she said.',
    )
    found = {m.speaker for m in find_quotes(article, doc=parse([article])[article.id])}
    assert found == {"Ilse"}


@pytest.mark.parametrize(
    ("paragraphs", "quoted", "speaker"),
    [
        # "and urged" goes on with the sentence's subject: "and" is no speaker
        (
            (
                'A UN spokesman, Oskar Teale, said the agency was "deeply alarmed", and urged '
                "both sides to pull back.",
            ),
            "deeply alarmed",
            "Oskar Teale",
        ),
        # the participle belongs to the reporting verb, not to the reported clause
        (
            (
                "Vera Lund, who leads the Left Bloc, said the plan did not go far enough, calling "
                'it "a half-measure".',
            ),
            "a half-measure",
            "Vera Lund",
        ),
        (
            ('Opposition leader Tomas Brede was angry. "This law is a disgrace," he fumed.',),
            "This law is a disgrace,",
            "Tomas Brede",
        ),
        # user trial 62: "said he would appeal" tells nothing of the lawyer's gender
        (
            (
                "Halvorsen showed no emotion as the verdict was read.",
                "His lawyer, Annika Brede, said he would appeal.",
                '"We will appeal this verdict," she told reporters on the courthouse steps.',
            ),
            "We will appeal this verdict,",
            "Annika Brede",
        ),
        # user trial 63: an occupation before a private person's name is no part of it
        (
            ('"It sounded like thunder," said Farmer Gareth Lowe, who lives by the line.',),
            "It sounded like thunder,",
            "Gareth Lowe",
        ),
        # user trial 68: "he" is no "union's demand" named in the sentence before, and "she
        # sobbed" is a cue
        (
            (
                "Chief executive Tobias Kerrane said the union's demand would add 95m euros a "
                'year. "We have made a fair offer, and our door remains open," he said.',
            ),
            "We have made a fair offer, and our door remains open,",
            "Tobias Kerrane",
        ),
        (
            ('Grace Okoro, 34, missed her flight. "I just want to get home," she sobbed.',),
            "I just want to get home,",
            "Grace Okoro",
        ),
        # user trial 69: "he" is no "staff" that complained
        (
            (
                "Union official Gareth Loame said staff had complained for years. "
                '"Our members have raised the state of that hall for years," he said.',
            ),
            "Our members have raised the state of that hall for years,",
            "Gareth Loame",
        ),
        # user trial 72: the full stop of "Dr." ends no speaker
        (
            ('"We are losing people by the hour," said Dr. Emil Rask, who runs the unit.',),
            "We are losing people by the hour,",
            "Emil Rask",
        ),
        # user trial 59: a tabloid's "whined that" and "ranted that" are cues
        (
            ('Mira Drost whined that it was "a budget for bondholders", as usual.',),
            "a budget for bondholders",
            "Mira Drost",
        ),
        (
            ('Union boss Bram Ketter ranted that nurses would "pay for a crisis".',),
            "pay for a crisis",
            "Bram Ketter",
        ),
        # a name after a preposition is still who "she" stands for
        (
            (
                "Council leader Mirja Falk backed the plan.",
                "For tenants like Anja Ruskin, the vote came in time. The single mother, 34, has "
                "seen her rent rise twice this year.",
                '"I cried when I heard the result," she said.',
            ),
            "I cried when I heard the result,",
            "Anja Ruskin",
        ),
        (
            ('Stoverby\'s mayor, Colm Bradach, said the town would "pull together".',),
            "pull together",
            "Colm Bradach",
        ),
        # an age says the name is a person's, whatever the entity model calls it
        (
            (
                "Vera Ruhn, the winner, thanked her voters.",
                'Dorvak, 68, did not concede. He accused the board of counting votes "behind '
                'closed doors".',
            ),
            "behind closed doors",
            "Dorvak",
        ),
        # a name in apposition to a person noun is who a later "he" stands for
        (
            (
                "Judge Tomas Marsh said the sentence was fair.",
                "The opposition's finance spokesman, Gregor Lunde, said regulators had ignored "
                'the signs. "The office was warned in 2019," he said.',
            ),
            "The office was warned in 2019,",
            "Gregor Lunde",
        ),
        # "though it": the words after the quote go on with the sentence's own subject
        (
            (
                'Mission head Ola Brandt said the vote was "competitive", though it noted '
                "favourable coverage.",
            ),
            "competitive",
            "Ola Brandt",
        ),
        # what someone leads is no one a later "he" stands for
        (
            (
                "Tomas Behrendt, leader of the centre-right Civic Alliance, argued that capping "
                "rents would deter investment.",
                '"This law will not build a single new home," he said.',
            ),
            "This law will not build a single new home,",
            "Tomas Behrendt",
        ),
        # user trial 28: a long description before "said:" (the speaker was "ana Kettley")
        (
            (
                "Mum Dana Kettley, 34, whose three-year-old daughter Mia spent four nights in "
                'hospital, said: "My little girl was screaming in pain."',
            ),
            "My little girl was screaming in pain.",
            "Dana Kettley",
        ),
        # a relative pronoun stands for the noun it hangs from
        (
            ('The creamery, which boasts of "pure Halloran goodness" on its bottles, is old.',),
            "pure Halloran goodness",
            "the creamery",
        ),
        # user trial 29: a message that "said" nothing is no one "she" stands for
        (
            (
                "Interior Minister Dana Petrak said the warning had come too late.",
                "The operator said it had alerted the province, but its message had not said "
                'how much water was coming. "Whoever is responsible will answer for it," she said.',
            ),
            "Whoever is responsible will answer for it,",
            "Dana Petrak",
        ),
        # "the minister" is the person the text titled so before her name
        (
            (
                "Interior Minister Dana Petrak said the warning came late.",
                'The operator disagreed. The minister called its plan "dangerously incomplete".',
            ),
            "dangerously incomplete",
            "Dana Petrak",
        ),
    ],
)
def test_quotes_speaker_found_past_misleading_words(
    paragraphs: tuple[str, ...], quoted: str, speaker: str
) -> None:
    article = _article(*paragraphs)
    mentions = find_quotes(article, doc=parse([article])[article.id])
    found = {article.text[m.span.start : m.span.end]: m.speaker for m in mentions}
    assert found[quoted] == speaker


def test_quotes_stand_alone_paragraph_carries_previous_speaker() -> None:
    article = _article(
        '"The water is falling," Tom Berry said.',
        '"We will reopen the harbour next week."',
    )
    first, second = find_quotes(article)
    assert first.speaker == second.speaker == "Tom Berry"
    assert (second.why.rule, second.kind) == ("carried-over", QuoteKind.STATEMENT)


def test_quotes_multi_paragraph_quote_is_one_mention() -> None:
    article = _article("Tom Berry said: “The river rose faster than ever.", "“Nobody expected it.”")
    mention = _only(article)
    assert _text(article, mention).startswith("The river rose")
    assert _text(article, mention).endswith("Nobody expected it.")
    assert mention.speaker == "Tom Berry"


def test_quotes_partial_quote_inside_reported_sentence() -> None:
    article = _article('Tom Berry said the flood was "worse than anything before" in places.')
    mention = _only(article)
    assert _text(article, mention) == "worse than anything before"
    assert (mention.speaker, mention.kind) == ("Tom Berry", QuoteKind.PARTIAL)


def test_quotes_scare_quote_has_no_speaker() -> None:
    article = _article('The so-called "green corridor" opened to traffic on Friday.')
    mention = _only(article)
    assert (mention.speaker, mention.kind, mention.why.rule) == (
        None,
        QuoteKind.SCARE,
        "no-speaker",
    )


def test_quotes_curly_and_apostrophes_are_not_quotes() -> None:
    article = _article(
        "“The farmers’ fields are gone,” Ana Diaz said.",
        "The town's mayor met the villagers' leaders and the workers’ union.",
    )
    mention = _only(article)
    assert _text(article, mention) == "The farmers’ fields are gone,"


def test_quotes_single_marks_british_style() -> None:
    article = _article("Ana Diaz said: 'We need more pumps.'", "It was the town’s ‘last hope’.")
    first, second = find_quotes(article)
    assert (_text(article, first), first.speaker) == ("We need more pumps.", "Ana Diaz")
    assert (_text(article, second), second.kind) == ("last hope", QuoteKind.SCARE)


def test_quotes_single_marks_inside_double_belong_to_it() -> None:
    article = _article("\"He shouted 'run' and we ran,\" Ana Diaz said.")
    mention = _only(article)
    assert _text(article, mention) == "He shouted 'run' and we ran,"


def test_quotes_titles_folded_to_full_name() -> None:
    article = _article(
        "General Ana Maria Diaz led the rescue of the stranded villagers.",
        '"Move everyone to higher ground," Gen Diaz said.',
    )
    assert _only(article).speaker == "Ana Maria Diaz"


def test_quotes_according_to() -> None:
    article = _article('The dam held "for now", according to Paul Kim.')
    mention = _only(article)
    assert (mention.speaker, mention.why.rule) == ("Paul Kim", "according-to")


def test_quotes_elliptic_another_takes_previous_noun() -> None:
    article = _article(
        '"The road is gone," one farmer told the radio.',
        'Another said: "We lost every sheep."',
    )
    _, second = find_quotes(article)
    assert (second.speaker, second.why.rule) == ("another farmer", "elliptic")


def test_quotes_definite_description_resolves_to_organisation() -> None:
    article = _article(
        "The City Water Board on Monday warned of shortages.",
        '"Boil all water before drinking it," the board said.',
    )
    mention = _only(article)
    assert (mention.speaker, mention.why.rule) == ("City Water Board", "definite-description")


def test_quotes_definite_description_of_another_kind_is_not_the_organisation() -> None:
    article = _article(
        "The Ferryworkers' Union said 900 crew members had stopped work.",
        'The harbour authority called the stoppage "reckless" and asked for talks.',
    )
    mention = _only(article)
    assert mention.speaker == "the harbour authority"
    assert mention.why.rule != "definite-description"


def test_quotes_definite_description_with_a_word_of_no_kind_still_resolves() -> None:
    article = _article(
        "The Norland Embassy on Monday warned that the truce was failing.",
        '"Both sides must stop firing now," the mission said.',
    )
    mention = _only(article)
    assert (mention.speaker, mention.why.rule) == ("Norland Embassy", "definite-description")


def test_quotes_headings_and_captions_are_skipped() -> None:
    article = _article(
        ("'Lost harvest'", ParagraphKind.HEADING),
        ('A farmer holds "what is left" of his crop.', ParagraphKind.CAPTION),
        "The harvest was lost.",
    )
    assert find_quotes(article) == ()


def test_quotes_doc_of_another_text_is_refused() -> None:
    from storylens.nlp import load_spacy

    article = _article('"Hello," Ana Diaz said.')
    with pytest.raises(ValueError, match="doc does not match article"):
        find_quotes(article, doc=load_spacy()("Something else."))


def test_speakers_canonical_names() -> None:
    assert canonical_name("Prime Minister Jan Novak") == "Jan Novak"
    assert canonical_name("Mr. Novak") == "Novak"
    assert canonical_name("the World Weather Office (wwo)") == "WWO"
    assert canonical_name("One resident") == "one resident"
    assert canonical_name("Guest Tom Brayle") == "Tom Brayle"  # user trial 93
    assert fold_surname("Novak", ["Jan Novak"]) == "Jan Novak"


# ---------------------------------------------------------------------------- fidelity


def _mention(article: Article, words: str, speaker: str | None = "Ana Diaz") -> QuoteMention:
    start = article.text.index(words)
    return QuoteMention(
        article.span(start, start + len(words)),
        QuoteKind.STATEMENT,
        speaker,
        None,
        Why(rule="test"),
    )


def _pair(a_words: str, b_words: str, *, b_speaker: str = "Ana Diaz") -> QuoteFidelity:
    a = _article(f"Ana Diaz said: “{a_words}”", name="a")
    b = _article(f"Ana Diaz said: “{b_words}”", name="b")
    quotes = match_quotes([_mention(a, a_words), _mention(b, b_words, b_speaker)], [a, b])
    assert len(quotes) == 1, quotes
    return quotes[0].fidelity


def test_match_verbatim() -> None:
    assert _pair("We will rebuild the school.", "We will rebuild the school.") is (
        QuoteFidelity.VERBATIM
    )


def test_match_punctuation_dashes_and_quote_chars() -> None:
    assert (
        _pair("It is hard – for all of us – to leave", "It is hard - for all of us - to leave")
        is QuoteFidelity.PUNCTUATION
    )


def test_match_fragment_with_ellipsis() -> None:
    assert (
        _pair(
            "We will rebuild and ... we will not give up on this town", "not give up on this town"
        )
        is QuoteFidelity.FRAGMENT
    )
    assert (
        _pair(
            "We will rebuild the school and the clinic by spring",
            "rebuild the school ... by spring",
        )
        is QuoteFidelity.FRAGMENT
    )


def test_match_reworded() -> None:
    assert _pair(
        "We will rebuild the old school before the winter comes",
        "We will rebuild the old school before winter arrives",
    ) is (QuoteFidelity.REWORDED)


def test_match_other_speaker() -> None:
    assert (
        _pair("We will rebuild the school.", "We will rebuild the school.", b_speaker="Tom Berry")
        is QuoteFidelity.OTHER_SPEAKER
    )


def test_match_same_speaker_named_with_a_description() -> None:
    words = "We will rebuild the school."
    for speaker in ("harbour chief Ana Diaz", "Diaz"):
        assert _pair(words, words, b_speaker=speaker) is QuoteFidelity.VERBATIM, speaker
    assert _pair(words, words, b_speaker="Ana Berry") is QuoteFidelity.OTHER_SPEAKER


def test_match_single_and_unrelated() -> None:
    a = _article("Ana Diaz said: “The harbour is closed.”", name="a")
    b = _article("Ana Diaz said: “Buses run again from Monday.”", name="b")
    quotes = match_quotes(
        [_mention(a, "The harbour is closed."), _mention(b, "Buses run again from Monday.")], [a, b]
    )
    assert [q.fidelity for q in quotes] == [QuoteFidelity.SINGLE, QuoteFidelity.SINGLE]


def test_match_is_deterministic_whatever_the_input_order() -> None:
    a = _article("Ana Diaz said: “We will rebuild the school.” Later: “Buses run.”", name="a")
    b = _article("Ana Diaz said: “We will rebuild the school.”", name="b")
    mentions = [
        _mention(a, "We will rebuild the school."),
        _mention(a, "Buses run."),
        _mention(b, "We will rebuild the school."),
    ]
    first = match_quotes(mentions, [a, b])
    again = match_quotes(list(reversed(mentions)), [a, b])
    assert first == again
    assert [q.fidelity for q in first] == [QuoteFidelity.VERBATIM, QuoteFidelity.SINGLE]


def test_match_unknown_article_is_refused() -> None:
    a = _article("Ana Diaz said: “Hello there.”", name="a")
    with pytest.raises(ValueError, match="not among the articles given"):
        match_quotes([_mention(a, "Hello there.")], [])


# ---------------------------------------------------------------------------- gold gate


def _speaker_ok(found: str | None, gold: str) -> bool:
    """Names compare case-insensitively; a nominal gold speaker needs its head noun."""
    if found is None:
        return False
    if gold.split()[0].lower() in {"a", "an", "one"}:
        head = gold.split(" of ")[0].split()[-1].lower()
        return head in found.lower()
    return found.casefold() == gold.casefold()


def _gold_span(article: Article, text: str) -> tuple[int, int]:
    start = article.text.find(text)
    assert start >= 0, f"gold text not in the article: {text!r}"
    return start, start + len(text)


def _overlapping(mentions: Any, span: tuple[int, int]) -> list[QuoteMention]:
    return [m for m in mentions if m.span.start < span[1] and span[0] < m.span.end]


_EXPECTED_FIDELITY = {
    "only the dash": QuoteFidelity.PUNCTUATION,
    "fragment": QuoteFidelity.FRAGMENT,
}


def _expected(verdict: str) -> QuoteFidelity:
    return next(f for key, f in _EXPECTED_FIDELITY.items() if key in verdict)


def test_quotes_gold_lashkar_gah(
    seed_articles: list[Any], gold_lashkar_gah: dict[str, Any]
) -> None:
    by_key: dict[str, Article] = {"a": seed_articles[0], "b": seed_articles[1]}
    mentions = {k: find_quotes(a) for k, a in by_key.items()}
    found = 0
    for gold in gold_lashkar_gah["quotes"]:
        article = by_key[gold["article"]]
        hits = _overlapping(mentions[gold["article"]], _gold_span(article, gold["text"]))
        found += any(_speaker_ok(m.speaker, gold["speaker"]) for m in hits)
    quotes = match_quotes([m for ms in mentions.values() for m in ms], list(by_key.values()))
    right = 0
    for gold in gold_lashkar_gah["cross_source_quotes"]:
        a_span = _gold_span(by_key["a"], gold["a"])
        b_span = _gold_span(by_key["b"], gold["b"])
        matched = [
            q
            for q in quotes
            if _overlapping(q.mentions, a_span) and _overlapping(q.mentions, b_span)
        ]
        right += any(q.fidelity is _expected(gold["verdict"]) for q in matched)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["lashkar-gah"]
    print(
        f"quotes found with the right speaker: {found}/{len(gold_lashkar_gah['quotes'])}; "
        f"cross-source fidelity right: {right}/{len(gold_lashkar_gah['cross_source_quotes'])}"
    )
    assert found >= floors["quotes_with_speaker"]
    assert right >= floors["cross_source_fidelity"]


def test_quotes_floors_never_below_the_issue_minimum() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["lashkar-gah"]
    assert floors["quotes_with_speaker"] >= 10
    assert floors["cross_source_fidelity"] >= 2


def test_quotes_seed_pair_speed(seed_articles: list[Any]) -> None:
    find_quotes(seed_articles[0])  # warm: the model is loaded
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        mentions = [m for a in seed_articles for m in find_quotes(a)]
        match_quotes(mentions, seed_articles)
        best = min(best, time.perf_counter() - start)
    print(f"quotes on the seed pair, warm: {best:.3f} s (target 0.3 s)")
    assert best < 0.6  # twice the target: the CI machine's two cores are shared


def _group(*words: str) -> tuple[list[Article], Any]:
    articles = [_article(f"Ana Diaz said: “{w}”", name=str(i)) for i, w in enumerate(words)]
    mentions = [_mention(a, w) for a, w in zip(articles, words, strict=True)]
    return articles, match_quotes(mentions, articles)


def _per_mention(quote: Any) -> list[str]:
    return [m.why.features["fidelity"] for m in quote.mentions]


def test_match_each_mention_is_compared_with_the_reference() -> None:
    _, quotes = _group(
        "We will rebuild the old school before the winter comes",
        "We will rebuild the old school, before the winter comes",
        "We will rebuild the old school before the winter comes",
        "We will rebuild the old school before winter arrives",
    )
    (quote,) = quotes
    assert _per_mention(quote) == ["verbatim", "punctuation", "verbatim", "reworded"]
    assert [m.why.features.get("reference", False) for m in quote.mentions] == [
        True,
        False,
        False,
        False,
    ]
    assert quote.fidelity is QuoteFidelity.REWORDED


def test_match_identical_copies_stay_verbatim_beside_a_fragment() -> None:
    _, quotes = _group(
        "The river will keep rising until the weekend",
        "The river will keep rising until the weekend",
        "keep rising until the weekend",
    )
    (quote,) = quotes
    assert _per_mention(quote) == ["verbatim", "verbatim", "fragment"]
    assert quote.fidelity is QuoteFidelity.FRAGMENT


def test_match_chained_quote_unrelated_to_the_reference_is_its_own_group() -> None:
    _, quotes = _group(
        "We will rebuild the school and the clinic and the bridge by the spring",
        "rebuild the school and the clinic",
        "the clinic and the school come first",  # like the second, not a part of the first
    )
    assert [len(q.mentions) for q in quotes] == [2, 1]
    assert quotes[0].fidelity is QuoteFidelity.FRAGMENT
    assert quotes[1].fidelity is QuoteFidelity.SINGLE


def test_match_mayor_quotes_of_the_examples() -> None:
    from storylens.pipeline import iter_articles

    examples = Path(__file__).resolve().parents[2] / "examples" / "news"
    articles = [a for a in iter_articles([examples]) if "Ostrowski" in a.text]
    mentions = [m for a in articles for m in find_quotes(a)]
    outlets = {a.id: a.outlet for a in articles}
    texts = {a.id: a for a in articles}

    def words(q: Any) -> str:
        return texts[q.mentions[0].span.article].text_of(q.mentions[0].span)

    (quote,) = [q for q in match_quotes(mentions, articles) if "do not wait" in words(q)]
    per_outlet = {outlets[m.span.article]: m.why.features["fidelity"] for m in quote.mentions}
    relations = sorted(per_outlet.values())
    assert relations == ["fragment", "verbatim", "verbatim"]
    assert per_outlet["Harbor Daily"] == "fragment"
    assert quote.fidelity is QuoteFidelity.FRAGMENT


def test_quotes_translation_in_parentheses_is_not_a_quote() -> None:
    article = _article('Crowds chanted "Allahu akbar" ("God is greatest") as the convoy passed.')
    mention = _only(article)
    assert _text(article, mention) == "Allahu akbar"
    assert (mention.speaker or "").casefold() == "crowds"
    assert mention.why.features["translation"] == "God is greatest"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a coordinated subject is one speaker; a place that is the subject speaks for it
        (
            "Norway and Sweden lashed out at the shipping company on Friday, accusing it of"
            ' "reckless negligence" in the fjord.',
            "Norway and Sweden",
        ),
        (
            'The Lantern Guild and the Harbour Board have accused the council of "wasting public'
            ' money" on the pier.',
            "Lantern Guild and the Harbour Board",
        ),
        # a place parsed as the subject of a participle after "of" is not a speaker
        ('Residents on the rooftops of Tromso cheering "well done" greeted the crews.', None),
    ],
)
def test_quotes_coordinated_and_place_subjects(sentence: str, speaker: str | None) -> None:
    (quote,) = find_quotes(_article(sentence))
    assert quote.speaker == speaker
    assert quote.kind == (QuoteKind.PARTIAL if speaker else QuoteKind.SCARE)


def test_quotes_doubled_ascii_marks_of_tokenised_text() -> None:
    text = (
        "``We will reopen the ferry line by spring,'' harbour chief Ana Diaz said on Monday."
        " She called the repairs ``long overdue.'' The workers' union agreed."
    )
    first, second = find_quotes(_article(text))
    assert text[first.span.start : first.span.end] == "We will reopen the ferry line by spring,"
    assert (first.speaker, first.kind) == ("Ana Diaz", QuoteKind.STATEMENT)  # "harbour chief"
    assert text[second.span.start : second.span.end] == "long overdue."
    assert second.kind is QuoteKind.PARTIAL and (second.speaker or "").endswith("Diaz")


# ---------------------------------------------------------------------------- one name per person


def test_quotes_description_the_ner_leaves_out_is_not_part_of_the_name() -> None:
    article = _article('Witness Anna Berg said the van was red. "It drove off fast," she said.')
    assert _only(article).speaker == "Anna Berg"


def test_match_folds_each_speaker_to_one_name_across_the_story() -> None:
    a = _article('Lockkeeper Ansel Dorn said the gates jammed. "Nobody listened to us," he said.')
    b = _article('"The gates are old," lockkeeper Ansel Dorn said on Tuesday.', name="b")
    c = _article('"We warned them twice," Mr Dorn told the Canal Post.', name="c")
    mentions = [m for article in (a, b, c) for m in find_quotes(article)]
    assert [m.speaker for m in mentions] == ["Lockkeeper Ansel Dorn", "Ansel Dorn", "Dorn"]
    quotes = match_quotes(mentions, [a, b, c])
    assert {q.speaker for q in quotes} == {"Ansel Dorn"}
    assert {m.speaker for q in quotes for m in q.mentions} == {"Ansel Dorn"}


def test_match_keeps_a_capitalised_first_name_without_evidence() -> None:
    a = _article('"The gates are old," Grace Ann Dorn said.')
    b = _article('"The gates are old," Ann Dorn said.', name="b")
    quotes = match_quotes([*find_quotes(a), *find_quotes(b)], [a, b])
    assert {q.speaker for q in quotes} == {"Ann Dorn"}  # "Ann Dorn" stands alone as a speaker
    (alone,) = match_quotes(list(find_quotes(a)), [a])
    assert alone.speaker == "Grace Ann Dorn"


def test_quotes_group_before_a_place_misparsed_as_the_subject_of_a_chant() -> None:
    article = _article(
        'Footage showed crowds on the bridges of Bergen chanting "Stay strong" as the boats'
        " came in."
    )
    mention = _only(article)
    assert (mention.speaker, mention.kind) == ("crowds", QuoteKind.PARTIAL)


def test_match_reference_is_the_wording_most_outlets_print_not_the_longest() -> None:
    _, quotes = _group(
        "The river was cold and quick and many people were caught below deck",
        "The river was cold and quick and many people were caught below deck",
        "Many of the people were stuck under the deck when the boat rolled in the cold quick river",
    )
    (quote,) = quotes
    assert _per_mention(quote) == ["verbatim", "verbatim", "reworded"]


def test_match_a_reference_nobody_prints_is_not_called_verbatim() -> None:
    _, quotes = _group(
        "Our first duty is to the families of the men below ground tonight",
        "Our first duty tonight is to the families of the men underground",
    )
    (quote,) = quotes
    assert _per_mention(quote) == ["reworded", "reworded"]
    assert quote.fidelity is QuoteFidelity.REWORDED


def test_match_two_copies_differing_in_punctuation_are_both_punctuation() -> None:
    _, quotes = _group(
        "The inspection reports will be published in full, and nobody will be spared",
        "The inspection reports will be published in full and nobody will be spared",
    )
    (quote,) = quotes
    assert _per_mention(quote) == ["punctuation", "punctuation"]


def test_quotes_a_speaker_after_the_cue_stops_before_a_relative_clause() -> None:
    article = _article(
        '"We are running a hospital on clipboards," said a nurse at Merrowvale General Hospital'
        " who asked not to be named."
    )
    (mention,) = find_quotes(article)
    assert mention.speaker == "a nurse at Merrowvale General Hospital"


def test_quotes_a_statement_speaks_for_who_issued_it() -> None:
    from storylens.clean import clean
    from storylens.model import RawDocument

    text = (
        "Halvora Motors said it would close the plant. In a statement, Halvora Motors said it"
        ' had told the unions. "We are working with the staff," the statement said. "No site'
        ' will reopen," a statement said.'
    )
    article = clean(RawDocument(source="x.txt", text=text, meta={}))
    speakers = [(q.speaker, q.why.rule) for q in find_quotes(article)]
    assert speakers[0] == ("Halvora Motors", "document")
    assert speakers[1][1] != "document"  # "a statement" of no one named


def test_quotes_he_and_she_pass_over_a_person_the_article_calls_the_other() -> None:
    from storylens.clean import clean
    from storylens.model import RawDocument

    text = (
        "Marta Ilvessen thanked her supporters in Vellin. The commission said the count was"
        ' over. "The voters have spoken and we accept their verdict," he told supporters.'
    )
    article = clean(RawDocument(source="x.txt", text=text, meta={}))
    (quote,) = find_quotes(article)
    assert quote.speaker is None  # not Ilvessen ("her supporters"), not the commission


def test_quotes_a_name_after_a_role_is_a_person_for_he_and_she() -> None:
    # here the entity model calls "Authority spokesperson Rurik Haldane" an organisation: the
    # role before the two-word name says it is a person, so "he" is Haldane, not no one
    text = (
        "Transit officials said the strike would cost the city millions. Federation leader"
        " Odalys Fenwick said her members would not back down.\n\nAuthority spokesperson Rurik"
        ' Haldane said the offer was fair. "We cannot spend money we do not have," he said.\n'
    )
    article = clean(RawDocument(source="strike.txt", text=text, meta={}))
    [mention] = find_quotes(article, doc=parse([article])[article.id])
    assert mention.speaker == "Rurik Haldane"


def test_quotes_words_in_a_reported_clause_are_the_reporter_s() -> None:
    # user trial 36: the union leader's "for years" was given to the drivers he spoke of
    article = _article(
        'Union leader Jonas Eberle said drivers had complained "for years" about worn rails.'
    )
    mention = _only(article)
    assert (mention.speaker, mention.why.features["cue"]) == ("Jonas Eberle", "said")


def test_match_a_two_word_fragment_of_one_speaker() -> None:
    # user trial 39: the tabloid's "despicable attack" stood alone, though the minister's
    # whole quote holds it
    long = "This was a despicable attack on people at their most vulnerable."
    assert _pair(long, "despicable attack") is QuoteFidelity.FRAGMENT
    a = _article(f"Ana Diaz said: “{long}”", name="a")
    b = _article("Ivo Marsh called it a “despicable attack” on Monday.", name="b")
    mentions = [_mention(a, long), _mention(b, "despicable attack", "Ivo Marsh")]
    assert len(match_quotes(mentions, [a, b])) == 2  # two words of two speakers: no match


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Transport Minister Helga Sarn was blunt: "Whoever cut corners will answer for it."',
            "Helga Sarn",
        ),
        (
            'Its director, Henrik Aaberg, put it bluntly: "Small firms are at the edge."',
            "Henrik Aaberg",
        ),
        ('The message on the door was clear: "Closed until further notice."', None),
    ],
)
def test_quotes_a_colon_after_a_clause_names_its_subject(text: str, speaker: str | None) -> None:
    # user trials 40-42: "X was blunt:" and "X put it bluntly:" left the quote a scare quote
    assert _only(_article(text)).speaker == speaker


def test_quotes_a_cue_that_reports_its_own_clause_is_no_cue_after() -> None:
    # user trial 41: '"..." Her Brennmark Federation of Labour warns that 25,000 jobs could go'
    # took the quote from the union leader who fumed it
    article = _article(
        'Union chief Marta Sjoholm fumed: "This is a savage blow to working people." Her '
        "Federation of Labour warns that as many as 25,000 jobs could go."
    )
    assert _only(article).speaker == "Marta Sjoholm"


@pytest.mark.parametrize(
    ("after", "rule"),
    [
        # user trial 154: the next sentence's cue has an object of its own
        (" The mission says more than 1,200 civilians have been killed since March.", "cue-in"),
        (" Ana Ruiz said on Tuesday.", "cue-after"),  # a time adjunct: still the cue
    ],
)
def test_quotes_a_cue_after_a_closed_quote_with_words_of_its_own_is_no_cue(
    after: str, rule: str
) -> None:
    article = _article(
        "The UN mission has demanded an inquiry. Its spokeswoman, Ana Ruiz, said that \u201ca"
        " market full of people is never a military target.\u201d" + after
    )
    found = _only(article)
    assert (found.speaker, found.why.rule[: len(rule)]) == ("Ana Ruiz", rule)


@pytest.mark.parametrize(
    "intro",
    [
        "who gave her name only as Mirela",
        "who asked to be identified only by her first name, Mirela",
        "identified only as Mirela",
        "Mirela, 31, who would give only her first name",  # user trial 155's other outlet
    ],
)
def test_quotes_a_person_named_only_as_she_chose_is_the_she_who_speaks(intro: str) -> None:
    # user trial 155: no model tags a lone first name, so "She said" went to the reporter
    article = _article(
        f"Our reporter Anika Solberg met a mother from the village of Tarsk, {intro}. She"
        ' walked over the pass with her children. She said: "My shoes came apart."'
    )
    assert _only(article).speaker == "Mirela"


def test_quotes_a_street_the_model_tags_as_a_person_is_no_she() -> None:
    # user trial 158: "she said" went to "Mill Lane", where the speaker lives
    article = _article(
        "Rosalind Fenwick lives on Mill Lane, a few hundred metres from the prison wall. She"
        " told the Evening Post her dog woke her in the early hours.",
        '"I saw a dark car waiting with its lights off near the field gate," she said.',
    )
    assert _only(article).speaker == "Rosalind Fenwick"


def test_quotes_spoke_to_after_a_quote_names_its_speaker() -> None:
    # user trial 157: the survivor who "spoke to the Herald" left her words a scare quote
    article = _article(
        "\u201cWe heard the engine change note and then there was just noise.\u201d Petra"
        " Lindqvar, 23, who survived the crash, spoke to the Herald from her hospital bed."
    )
    found = _only(article)
    assert (found.speaker, found.kind.value) == ("Petra Lindqvar", "statement")


def test_quotes_a_name_of_a_body_is_a_person_a_later_he_stands_for() -> None:
    # user trial 162: "Petar Lindqvist of Northgate University" read as an organisation, so
    # "which he said" went to a woman quoted before
    article = _article(
        "Maren Oduya, chief economist at Halvik Capital, said the downturn looked mild.",
        "Petar Lindqvist of Northgate University said the label mattered less than jobs, which"
        " he said \u201cis what matters now\u201d for the months ahead.",
    )
    assert _only(article).speaker == "Petar Lindqvist"


def test_quotes_the_mayor_is_no_organisation_named_before() -> None:
    # found with user trial 41: a title stood for the last organisation that spoke
    article = _article(
        "The Federation of Labour warns that as many as 25,000 jobs could go.",
        '"We will not give up," the mayor said that night.',
    )
    assert _only(article).speaker == "the mayor"


def test_quotes_an_occupation_before_a_name_is_no_part_of_it() -> None:
    # user trial 41: the speaker was "Nurse Lotte Brandvik"
    article = _article(
        'Nurse Lotte Brandvik, 34, said her family was struggling. "We are cutting back," she said.'
    )
    assert _only(article).speaker == "Lotte Brandvik"


@pytest.mark.parametrize("noun", ["Guest", "Volunteer"])
def test_quotes_a_person_source_noun_before_a_name_is_no_part_of_it(noun: str) -> None:
    # user trial 93: the speaker was "Guest Tom Brayle"
    article = _article(f'{noun} Tom Brayle, 42, said: "It was like a scene from a film."')
    assert _only(article).speaker == "Tom Brayle"


def test_quotes_he_after_a_lone_surname_is_that_person() -> None:
    # user trial 45: "Kreel is blunt about what comes next. '...,' he said." went to the
    # woman quoted before (the model tags the lone "Kreel" a place)
    article = _article(
        '"A day like that would have been impossible," said Hanno Kreel, a climate scientist.',
        "Agata Moravec, who leads the unit, said the data were clear.",
        'Kreel is blunt about what comes next. "Records used to fall by a tenth of a degree," '
        "he said.",
    )
    assert [m.speaker for m in find_quotes(article)] == ["Hanno Kreel", "Hanno Kreel"]


def test_quotes_a_description_of_someone_is_the_person_named_before() -> None:
    # user trial 43: "the retired bus driver told the Beacon" was a speaker of its own
    article = _article(
        "Grandmother Gerda Holm, 67, from Tarnby, has been waiting 71 weeks for a new hip.",
        '"I cannot climb the stairs any more," the retired bus driver told the Beacon.',
        '"Nobody listens," the nurse said.',
    )
    assert [m.speaker for m in find_quotes(article)] == ["Gerda Holm", "the nurse"]


def test_quotes_he_or_she_is_never_a_company_or_a_town_the_model_takes_for_a_person() -> None:
    # user trials 46-47: "Kessler" (of Kessler Group) and "Kestrum" (a town) took quotes
    article = _article(
        "Kessler Group agreed to buy Verdane. Kessler said the deal was fair.",
        'Union leader Tomas Brenner attacked the plan. "We will not stand by," he said.',
        "Ingrid Marsk said Kestrum would not be evacuated. Kestrum residents met in Kestrum.",
        '"There is no need to evacuate Kestrum at this stage," she told reporters.',
    )
    assert [m.speaker for m in find_quotes(article)] == ["Tomas Brenner", "Ingrid Marsk"]


def test_quotes_a_relative_who_is_the_person_it_follows() -> None:
    # user trial 46: "Alva Renning, a volcanologist ..., who told SBC ..." made "who" a speaker
    article = _article(
        "That view is not shared by Alva Renning, a volcanologist at the University of Port "
        'Aldis, who told SBC the town should be cleared tonight. "Waiting is a gamble," she said.'
    )
    assert _only(article).speaker == "Alva Renning"


def test_quotes_a_colon_after_a_clause_with_a_noun_that_looks_like_a_cue() -> None:
    # user trial 49: "was blunt on a call with analysts:" made the speaker "Chief executive
    # Pieter Vantrell was blunt on a" ("call" read as the cue)
    article = _article(
        'Chief executive Pieter Vantrell was blunt on a call with analysts: "We will win."'
    )
    assert _only(article).speaker == "Pieter Vantrell"


def test_quotes_she_after_a_judge_whose_quote_says_his() -> None:
    # user trial 54: the judge's quoted "his private purse" made her a man, and "she said"
    # went to "the judgment" named before
    article = _article(
        "Judge Ingrid Salomonsen suspended two years of the sentence. The payments went "
        "through a consultancy, the judgment said.",
        'Reading out the verdict, Salomonsen said: "The defendant treated the budget as his '
        'private purse."',
        '"There is no sign that he ever understood the harm he caused," she said.',
    )
    assert [m.speaker for m in find_quotes(article)] == ["Ingrid Salomonsen"] * 2


def test_quotes_he_is_never_the_town_someone_commutes_from() -> None:
    # user trial 53: "who commutes from Grauwen ... he said" gave the quote to the town
    article = _article(
        'Student Timo Brandt, 19, who commutes from Grauwen, summed up the mood. "It is total '
        'chaos," he said.'
    )
    assert _only(article).speaker == "Timo Brandt"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # user trial 74: "she said" after a name after an agent noun the model tags an
        # organisation went to the governor named earlier
        (
            'Governor Tomasina Reyvald ordered schools shut. "Stay home," she said.\n\n'
            "SMD chief forecaster Nadira Pellow warned that the danger was not over. "
            '"Rivers will keep rising until Tuesday," she said.',
            "Nadira Pellow",
        ),
        # user trial 73: a description opening with a place's name, then the name
        (
            '"We buried six of them," said Kessel Ford\'s village head, Oskar Brandl.',
            "Oskar Brandl",
        ),
    ],
)
def test_quotes_trials_73_to_75(text: str, speaker: str) -> None:
    *_, last = find_quotes(_article(*text.split("\n\n")))
    assert last.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # user trial 114: two of one family; "her son" and "his capture" told the surname
        # both ways, so "she said" went to the son named last
        (
            "Edda Varm recognised her son before she could see his face. The Herald has "
            "followed Jonas Varm's case since his capture.\n\n"
            '"I knew him by his walk," said Edda Varm, as Jonas Varm stepped off the bus. '
            '"He is thin, but he is alive," she said.',
            "Edda Varm",
        ),
        # ... and "whose brother Pavel": a brother is no "she"
        (
            "Lena Harrow, whose brother Pavel was captured last year, watched from the square. "
            '"Every empty bus is another door closing," she said.',
            "Lena Harrow",
        ),
    ],
)
def test_quotes_trial_114_she_is_not_the_man_named_last(text: str, speaker: str) -> None:
    *_, last = find_quotes(_article(*text.split("\n\n")))
    assert last.speaker == speaker


def test_quotes_he_is_the_chief_executive_the_model_took_for_a_company() -> None:
    # user trial 123: "chief executive Rolf Idstad" was tagged an organisation, so "he said"
    # went to the passenger quoted in the paragraph before
    article = _article(
        '"The corridor was already full of smoke," said Jonas Tervik, a carpenter.',
        "Tessaline Ferries chief executive Rolf Idstad said the company would cooperate fully "
        'with investigators. "Our thoughts are with everyone who was on board," he said.',
    )
    assert [q.speaker for q in find_quotes(article)] == ["Jonas Tervik", "Rolf Idstad"]


def test_quotes_she_is_not_the_company_that_employs_the_speaker() -> None:
    # user trial 119: "Delia Marsh, Corvane's managing partner, told ..." then "she said":
    # the quote went to Corvane, a company the model tagged a person
    article = _article(
        "Delia Marsh, Corvane's managing partner, told WBC News: \"We are not here to strip "
        'assets."',
        '"We will sit down with the supporters\' trust within weeks," she said.',
    )
    assert [q.speaker for q in find_quotes(article)] == ["Delia Marsh"] * 2


def test_quotes_the_nearest_of_two_subjects_speaks() -> None:
    # user trial 75: the article's parse gave "warned" two subjects, "cop" (of "Top cop") and
    # "Fenwick", and the quote went to "Top cop"
    from spacy.tokens import Doc

    from storylens.analyze.speakers import subject_of
    from storylens.nlp import load_spacy

    words = ["Top", "cop", "Superintendent", "Arlo", "Fenwick", "warned", ":"]
    heads = [1, 5, 4, 4, 5, 5, 5]
    deps = ["amod", "nsubj", "compound", "compound", "nsubj", "ROOT", "punct"]
    doc = Doc(load_spacy().vocab, words=words, heads=heads, deps=deps)
    assert str(subject_of(doc[5])) == "Fenwick"


def test_quotes_a_colon_cue_wins_over_a_cue_in_the_next_sentence() -> None:
    # user trial 77: 'X told Y: "..." The company, which ..., says it has written ...' gave
    # the quote to "the company"
    article = _article(
        'Velmora spokeswoman Katja Wren told the programme: "We do not accept the numbers." '
        "The company, which has 140 shops, says it has written to every customer."
    )
    assert _only(article).speaker == "Katja Wren"


def test_quotes_a_quote_after_a_sentence_that_reports_someone() -> None:
    # user trial 78: a quote opening a sentence after "X, who ..., said the water ..." had no
    # speaker (and, carried to the last name, went to the street in the description)
    article = _article(
        "Rain fell all night. Henrik Olle, who has lived on Mill Lane for 30 years, said the "
        'water had come in fast. "It came up through the floorboards. We got the dog upstairs."'
    )
    assert _only(article).speaker == "Henrik Olle"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # user trials 100 and 101: a speaker set before a colon by "speaking", a cue verb
        # "repeated", a title after the words of a place
        (
            'Mayor Lorna Pettigrew, speaking on Sunday night: "We will rebuild every home on '
            'this street, and we will do it together."',
            "Lorna Pettigrew",
        ),
        (
            'Union leader Marta Selvik, speaking in Ostrand, repeated that "no teacher can live '
            'on promises and a pay cut in real terms".',
            "Marta Selvik",
        ),
        (
            '"We found them in the basement," Calder County Sheriff Owen Brask said.',
            "Owen Brask",
        ),
    ],
)
def test_quotes_trials_100_101_speakers(text: str, speaker: str) -> None:
    assert _only(_article(text)).speaker == speaker


def test_quotes_she_after_a_double_barrelled_name_is_the_whole_name() -> None:
    # user trial 152: "she said" after "President Ilse Moravec-Dahl" gave the speaker "Dahl"
    article = _article(
        "President Ilse Moravec-Dahl, who campaigned for the change, spoke to supporters in"
        " Kerrow shortly after midnight. \u201cTonight the country chose to renew itself,\u201d"
        " she said."
    )
    assert [q.speaker for q in find_quotes(article)] == ["Ilse Moravec-Dahl"]


def test_quotes_according_to_a_measure_is_no_speaker() -> None:
    # user trial 153: "according to the area they lost" became the speaker of a partial quote
    article = _article(
        "Minister Orla Vennick called the drought \u201ca national emergency\u201d and announced"
        " aid to be paid to farmers according to the area they lost."
    )
    assert [q.speaker for q in find_quotes(article)] == ["Orla Vennick"]


@pytest.mark.parametrize("aux", ["had", "has", "would later"])
def test_quotes_an_auxiliary_before_the_cue_is_no_part_of_the_name(aux: str) -> None:
    # user trial 163: '"...," Venning had told reporters' gave the speaker "Venning had"
    article = _article(
        "Coastguard chief Orla Venning said the search would go on.",
        f"\u201cThe water is cold and the current is strong,\u201d Venning {aux} told reporters.",
    )
    assert _only(article).speaker == "Orla Venning"


@pytest.mark.parametrize(
    "lead",
    [
        "Our reporter Tomasz Velde was at the gates, where Marta Ilvane, general secretary of"
        " the teachers' federation, joined the pickets.",
        "At a rally outside City Hall, the federation's general secretary, Marta Ilvane, was"
        " blunt.",
    ],
)
def test_quotes_a_name_in_apposition_to_a_role_is_a_person(lead: str) -> None:
    # user trial 164: the model tagged "Marta Ilvane" a place, so "she told him" went to the
    # reporter, and "she told the crowd" to "Dornholm"
    article = _article(lead, "\u201cThis is not an offer,\u201d she told the crowd.")
    assert _only(article).speaker == "Marta Ilvane"
