"""Tests of storylens.analyze.sources: quote speakers as sources, and kinds from role words.

Fictional snippets only.
"""

from __future__ import annotations

from tests.analyze.test_sources import _article as _sentences_by_stops

from storylens.analyze.sources import cited_sources, unattributed_sentences
from storylens.model import Article, SourceCitation


def _article(text: str, article_id: str = "a") -> Article:
    return _sentences_by_stops(text, article_id, outlet=article_id)


def _cited(citations: tuple[SourceCitation, ...]) -> dict[str, str]:
    return {c.source: c.kind for c in citations}


def test_sources_quote_speaker_is_cited_and_its_sentence_attributed() -> None:
    article = _article(
        "Mayor Odo Vranck of Pellby resigned on Sunday.\n\n"
        '"I go with a clear conscience," Vranck said.'
    )
    found = cited_sources([article])
    assert "Odo Vranck" in _cited(found)
    unattributed = unattributed_sentences([article], citations=found)["a"]
    assert [article.text_of(s) for s in unattributed] == [
        "Mayor Odo Vranck of Pellby resigned on Sunday."
    ]


def test_sources_quote_with_a_speaker_is_attributed_even_without_a_citation() -> None:
    article = _article('"We stay," Ilse Marrow told the crowd. "We will not go."')
    unattributed = unattributed_sentences([article])["a"]
    assert unattributed == ()


def test_sources_police_rank_is_government_not_military() -> None:
    article = _article("Eleven people were held, police spokesman Captain Aldo Ferrand said.")
    assert _cited(cited_sources([article]))["Aldo Ferrand"] == "government"


def test_sources_fire_chief_is_government() -> None:
    article = _article("The blaze was out by noon, fire chief Maren Tolst said.")
    assert _cited(cited_sources([article]))["Maren Tolst"] == "government"


def test_sources_union_official_and_police_union_are_not_government_or_ngo() -> None:
    article = _article(
        "A union official, Kaja Brenvik, said the shifts were too long. "
        "Three officers were hurt, the police union said."
    )
    found = _cited(cited_sources([article]))
    assert found["Kaja Brenvik"] == "other"
    assert found["police union"] == "other"


def test_sources_company_name_is_an_organisation() -> None:
    article = _article("The first doses will ship in May, Velmora Pharma said.")
    assert _cited(cited_sources([article]))["Velmora Pharma"] == "company"


def test_sources_company_officer_speaks_for_the_company() -> None:
    article = _article("Talso Group chief executive Rune Okabe said the plant would reopen.")
    assert _cited(cited_sources([article]))["Rune Okabe"] == "company"


def test_sources_an_agency_of_the_state_and_an_institute_are_not_media() -> None:
    article = _article(
        "The Vell Flood Protection Agency said 40 homes were lost. "
        "The Ostrel Geological Institute said the tremor was strong. "
        "The Calder Press Agency said the roads were shut."
    )
    found = _cited(cited_sources([article]))
    assert found["Vell Flood Protection Agency"] == "government"
    assert found["Ostrel Geological Institute"] == "expert/doctor"
    assert found["Calder Press Agency"] == "media"


def test_sources_the_maker_of_figures_is_cited() -> None:
    article = _article(
        "Final results from the Vell Electoral Commission showed a narrow win. "
        "An exit poll by Norvik Research had given the party 43 percent."
    )
    found = _cited(cited_sources([article]))
    assert "Vell Electoral Commission" in found
    assert "Norvik Research" in found
    assert unattributed_sentences([article])["a"] == ()


def test_sources_kinds_of_trials_58_to_60() -> None:
    # user trials 58-60: a sergeant the sentence calls a police spokesman was military, a
    # mineworkers' federation an ngo, a saint's hospital a person, a fertiliser maker and a
    # credit-rating agency government or a person
    article = _article(
        'A police spokesman, Sergeant Ivo Dremmer, said: "We are treating this as an offence." '
        "Gethin Marrow, general secretary of the Northern Mineworkers' Federation, said the men "
        "were brave. Only two men were taken to hospital, St Brannoc's Hospital said. "
        "Tessaly Fertilisers said the valve failed. The credit-rating agency Castor Ratings "
        "said the budget was credible."
    )
    found = _cited(cited_sources([article]))
    assert found["Ivo Dremmer"] == "government"
    assert found["Gethin Marrow"] == "other"
    assert found["St Brannoc's Hospital"] == "expert/doctor"
    assert found["Tessaly Fertilisers"] == "company"
    assert found["Castor Ratings"] == "company"


def test_sources_a_title_in_the_sentence_before_is_not_a_role() -> None:
    # user trial 59: a florist named after "... said Inspector Lusk, a police spokesman." was
    # government
    article = _article(
        "The square was cleared, said Inspector Davo Lusk, a police spokesman. Katja Brill, who "
        "runs a flower shop on the square, said she had closed at noon."
    )
    assert _cited(cited_sources([article]))["Katja Brill"] == "person"


def test_sources_the_company_is_never_a_charity_named_since() -> None:
    # user trial 58: "the company has said" after the charity Living Rivers was named
    article = _article(
        "Tessaly's plant leaked on Tuesday. The charity Living Rivers said the river was "
        "dead. Some 100,000 litres escaped, the company has said."
    )
    cited = cited_sources([article])
    company = next(c for c in cited if any(article.text_of(m) == "company" for m in c.mentions))
    assert company.source != "Living Rivers"


def test_sources_kinds_of_trials_61_to_63() -> None:
    # user trials 61-63: a Red Cross spokeswoman was government, a fire and rescue service
    # an ngo, a firefighters' association an ngo, a rail operator's chief a person
    article = _article(
        "Some 120 people were treated, said Leila Haddad, a Red Cross spokeswoman. Ostvale "
        "Fire and Rescue said 30 firefighters attended. Leon Mertz of the Kessa Firefighters' "
        "Association said crews were exhausted. Adrian Kessel, chief executive of Northvale "
        "Rail, said the line would reopen."
    )
    found = _cited(cited_sources([article]))
    assert found["Leila Haddad"] == "ngo"
    assert found["Ostvale Fire and Rescue"] == "government"
    assert found["Leon Mertz"] == "other"
    assert found["Adrian Kessel"] == "company"


def test_sources_a_news_site_and_a_magazine_are_media() -> None:
    # user trial 66: "The technology news site ByteLedger" was other
    article = _article(
        "The technology news site ByteLedger reported the breach first, it said. The weekly "
        "magazine Harbour Life said the port was quiet."
    )
    found = _cited(cited_sources([article]))
    assert (found["ByteLedger"], found["Harbour Life"]) == ("media", "media")
