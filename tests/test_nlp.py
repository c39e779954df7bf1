"""Tests of the shared spaCy pipeline: model integrity, rule components and the shared parse."""

from __future__ import annotations

from typing import Any

import pytest

from storylens.model import Article, Paragraph, ParagraphKind, content_hash
from storylens.nlp import (
    OFFICIAL_SHA256,
    load_spacy,
    model_file_hashes,
    organisations,
    parse,
    place_names,
)


def _article(text: str, article_id: str = "a") -> Article:
    return Article(article_id, text, (Paragraph(0, len(text)),), content_hash(text))


def _ents(text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in load_spacy()(text).ents}


def test_nlp_model_weights_match_official_release() -> None:
    assert model_file_hashes() == dict(OFFICIAL_SHA256)


def test_nlp_load_spacy_is_cached_with_rule_components() -> None:
    nlp = load_spacy()
    assert load_spacy() is nlp
    names = nlp.pipe_names
    assert names.index("storylens_gazetteer") < names.index("ner")
    assert names.index("storylens_place_context") > names.index("ner")
    assert names.index("storylens_paragraphs") < names.index("parser")


def test_nlp_parse_offsets_are_article_offsets() -> None:
    articles = [_article("Officials in Paris said so.", "x"), _article("Nothing here.", "y")]
    docs = parse(articles)
    assert list(docs) == ["x", "y"]
    paris = next(e for e in docs["x"].ents if e.text == "Paris")
    assert articles[0].text[paris.start_char : paris.end_char] == "Paris"


def test_nlp_gazetteer_is_world_wide_data() -> None:
    places = place_names()
    assert {"France", "Nairobi", "Lima", "Jakarta", "Helmand"} <= set(places)
    assert places["Europe"] == "LOC"
    forms = {o["name"] for o in organisations()}
    assert {"United Nations", "North Atlantic Treaty Organization", "Save the Children"} <= forms


def test_nlp_gazetteer_tags_a_city_spacy_mislabels() -> None:
    assert _ents("Fighting went on in Herat on Monday.").get("Herat") == "GPE"


def test_nlp_gazetteer_leaves_longer_names_alone() -> None:
    ents = _ents("The Washington Post reported the story.")
    assert ents.get("Washington") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("People fled the town of Mora Vendi after the raid.", "Mora Vendi"),
        ("Aid reached Kelo Baran province on Sunday.", "Kelo Baran"),
        ("Troops entered the capital Ardo Minsa at dawn.", "Ardo Minsa"),
        ("Officials in the capital, Dravenholm, said more.", "Dravenholm"),
    ],
)
def test_nlp_place_context_relabels_fictional_places(text: str, name: str) -> None:
    doc: Any = load_spacy()(text)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get(name) == "GPE"


def test_nlp_place_context_spreads_label_to_every_mention() -> None:
    doc = load_spacy()("Fighting raged in Mora Vendi province. Mora Vendi residents fled.")
    labels = [e.label_ for e in doc.ents if e.text == "Mora Vendi"]
    assert labels == ["GPE", "GPE"]


def test_nlp_paragraph_breaks_start_sentences() -> None:
    doc = load_spacy()("A heading without a stop\n\nThe mayor said rain was coming.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[-1] == "The mayor said rain was coming."


def test_nlp_parse_keeps_the_article_sentences() -> None:
    head = "Ferry capsizes on Lake Vell, seven dead"
    body = (
        "Seven people died when a passenger ferry capsized on Lake Vell on Thursday evening,"
        " the regional police said. Roads shut."
    )
    text = f"{head}\n{body}"  # the parser alone cuts "Seven" off after this headline
    at = len(head) + 1
    first = (at, at + body.index(" Roads"))
    article = Article(
        "a",
        text,
        (
            Paragraph(0, len(head), kind=ParagraphKind.HEADING),
            Paragraph(at, len(text), sentences=(first, (first[1], len(text)))),
        ),
        content_hash(text),
    )
    sents = [(s.start_char, s.end_char) for s in parse([article])["a"].sents]
    assert first in sents  # "Seven" is not cut off its sentence
    assert (first[1] + 1, len(text)) in sents  # a sentence's leading space is not its start


def test_nlp_a_name_after_a_title_is_a_person() -> None:
    assert _ents("Mayor Ivo Stam resigned on Friday.")["Ivo Stam"] == "PERSON"
    assert _ents("General Motors cut jobs, the union said.")["General Motors"] == "ORG"


def test_nlp_the_town_a_mayor_is_of_is_a_place() -> None:
    assert _ents("Ivo Stam, the mayor of Dalby, stepped down.")["Dalby"] == "GPE"
