"""Tests of storylens.analyze.entities: one canonical name per referent across articles."""

from __future__ import annotations

from typing import Any

from storylens.analyze.entities import find_entities, slug
from storylens.model import Article, Entity, Paragraph, content_hash


def _article(text: str, article_id: str) -> Article:
    return Article(article_id, text, (Paragraph(0, len(text)),), content_hash(text))


def _by_name(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def _surfaces(entity: Entity, articles: list[Any]) -> set[str]:
    texts = {a.id: a.text for a in articles}
    return {texts[s.article][s.start : s.end] for s in entity.mentions}


def test_entities_fold_titles_and_surnames() -> None:
    articles = [
        _article("General Tomas Varga met reporters in Lima on Monday.", "a"),
        _article("Gen Varga said the talks failed. Varga's aides agreed.", "b"),
    ]
    found = _by_name(find_entities(articles))
    varga = found["Tomas Varga"]
    assert varga.label == "PERSON"
    assert varga.id == "tomas-varga"
    assert _surfaces(varga, articles) == {"Tomas Varga", "Varga"}
    assert {s.article for s in varga.mentions} == {"a", "b"}


def test_entities_fold_acronyms_and_known_organisations() -> None:
    articles = [
        _article("The United Nations said aid was blocked. Nato said little.", "a"),
        _article("The UN said so too, and the North Atlantic Treaty Organization agreed.", "b"),
    ]
    found = _by_name(find_entities(articles))
    assert _surfaces(found["United Nations"], articles) == {"United Nations", "UN"}
    nato = found["North Atlantic Treaty Organization"]
    assert _surfaces(nato, articles) == {"Nato", "North Atlantic Treaty Organization"}


def test_entities_fold_acronym_defined_in_text() -> None:
    articles = [
        _article("The Coastal Fisheries Board (CFB) closed the port.", "a"),
        _article("The CFB said the port would reopen.", "b"),
    ]
    found = find_entities(articles)
    cfb = [e for e in found if "CFB" in _surfaces(e, articles)]
    assert len(cfb) == 1
    assert _surfaces(cfb[0], articles) == {"Coastal Fisheries Board", "CFB"}


def test_entities_ids_and_order_are_deterministic() -> None:
    articles = [_article("Officials in Nairobi and Kampala met the UN envoy in Nairobi.", "a")]
    first, second = find_entities(articles), find_entities(articles)
    assert first == second
    assert first[0].name == "Nairobi"
    assert slug("Save the Children") == "save-the-children"


def test_entities_gold_on_seeds(seed_articles: list[Any]) -> None:
    found = find_entities(seed_articles)
    by_name = _by_name(found)
    for e in found:
        print(f"{e.label:6} {len(e.mentions):3} {e.name}  {sorted(_surfaces(e, seed_articles))}")
    for place in ("Lashkar Gah", "Herat", "Kunduz", "Helmand", "Spin Boldak"):
        assert by_name[place].label == "GPE", place
    in_text = sum(a.text.count("Lashkar Gah") for a in seed_articles)
    assert len(by_name["Lashkar Gah"].mentions) == in_text
    for person in ("Sami Sadat", "Ashraf Ghani", "Antony Blinken"):
        assert by_name[person].label == "PERSON", person
    assert {"Sadat", "Sami Sadat"} <= _surfaces(by_name["Sami Sadat"], seed_articles)
    unama = [e for e in found if "UNAMA" in _surfaces(e, seed_articles)]
    assert len(unama) == 1
    assert {"Unama", "UN Assistance Mission for Afghanistan"} <= _surfaces(unama[0], seed_articles)
    taliban = by_name["Taliban"]
    assert len({s.article for s in taliban.mentions}) == 2
    assert not any(e.name.startswith(("the ", "The ")) or e.name.endswith("'s") for e in found)


def test_entities_name_after_organisation_noun_is_an_organisation() -> None:
    articles = [
        _article(
            "Power failed in 9,000 homes on Tuesday night, the grid operator Valnet said.", "a"
        ),
        _article(
            "The shipping company Marlo said ships waited. The security firm Brask agreed.", "b"
        ),
        _article("Valnet said repairs would take two days.", "c"),
    ]
    found = _by_name(find_entities(articles))
    assert {found[n].label for n in ("Valnet", "Marlo", "Brask")} == {"ORG"}
    assert len(found["Valnet"].mentions) == 2


def test_entities_drop_a_description_the_story_writes_in_lower_case() -> None:
    articles = [
        _article("Lockkeeper Ansel Dorn said the gates jammed on Tuesday.", "a"),
        _article("The gates jammed, lockkeeper Ansel Dorn told reporters. Mr Dorn was angry.", "b"),
    ]
    (dorn,) = [e for e in find_entities(articles) if e.label == "PERSON"]
    assert dorn.name == "Ansel Dorn"
    assert _surfaces(dorn, articles) == {"Ansel Dorn", "Dorn"}


def test_entities_a_name_written_after_the_is_no_person() -> None:
    text = "The ferry Brave Tilda left Orsk at noon. The Brave Tilda sank later."
    articles = [_article(text, "a")]
    assert [e for e in find_entities(articles) if e.label == "PERSON"] == []


def test_entities_outlet_is_an_organisation_and_dateline_place_a_place() -> None:
    from storylens.model import Removal

    text = "Two barges sank near Kessmoor, the Lowland Courier learned. The Kessmoor pier was shut."
    article = Article(
        "a",
        text,
        (Paragraph(0, len(text)),),
        content_hash(text),
        outlet="Lowland Courier",
        removed=(Removal("KESSMOOR, May 3 (Lowland Courier) -", "dateline", 0),),
    )
    found = _by_name(find_entities([article]))
    assert found["Lowland Courier"].label == "ORG"  # tagged PERSON by the small model
    assert found["Kessmoor"].label == "GPE"


def test_entities_a_person_in_one_article_is_a_person_in_all() -> None:
    texts = [
        "Mayor Ivo Stam resigned on Friday after the vote.",
        "Ivo Stam, the mayor of Dalby, stepped down after a vote of no confidence.",
    ]
    arts = [
        Article(f"a{i}", t, (Paragraph(0, len(t), sentences=((0, len(t)),)),), content_hash(t))
        for i, t in enumerate(texts)
    ]
    found = {(e.name, e.label): len(e.mentions) for e in find_entities(arts)}
    assert found[("Ivo Stam", "PERSON")] == 2
    assert ("Dalby", "GPE") in found


def test_entities_a_company_s_first_word_is_the_company() -> None:
    a = _article("Halvora Motors will close its Brackwater plant next year.", "a")
    b = _article("Halvora said the cuts were needed. Halvora shares fell on Tuesday.", "b")
    found = _by_name(find_entities([a, b]))
    assert found["Halvora Motors"].label == "ORG"
    assert _surfaces(found["Halvora Motors"], [a, b]) == {"Halvora Motors", "Halvora"}
    assert "Halvora" not in found


def test_entities_a_person_s_name_is_not_folded_into_a_company() -> None:
    a = _article("Ingrid Brandt founded Brandt Textiles in Kessing.", "a")
    b = _article("Brandt said the factory would reopen in Kessing.", "b")
    found = _by_name(find_entities([a, b]))
    assert _surfaces(found["Brandt Textiles"], [a, b]) == {"Brandt Textiles"}  # may be her
    assert found["Ingrid Brandt"].label == "PERSON"


def test_entities_a_lone_surname_the_model_took_for_a_place_is_the_person() -> None:
    article = _article(
        "Former minister Aurel Venkov was jailed on Tuesday. Venkov, 58, denied the charges."
        " Judges said Venkov took bribes.",
        "a",
    )
    found = {e.name: (e.label, len(e.mentions)) for e in find_entities([article])}
    assert found["Aurel Venkov"] == ("PERSON", 3)
    assert "Venkov" not in found
