"""Tests of storylens.analyze.wording: referent labels per outlet, loaded and hedging terms."""

from __future__ import annotations

from typing import Any

import pytest

from storylens.analyze.entities import find_entities
from storylens.analyze.wording import word_choice
from storylens.model import Article, Entity, Paragraph, Span, WordChoice, content_hash


def _article(text: str, article_id: str) -> Article:
    return Article(article_id, text, (Paragraph(0, len(text)),), content_hash(text))


def _by_concept(choices: tuple[WordChoice, ...]) -> dict[str, WordChoice]:
    return {c.concept: c for c in choices}


def test_wording_reports_a_contrast_with_counts_and_spans() -> None:
    a = _article("Rebels held the pass. The rebels said the rebel flag flew.", "a")
    b = _article("Gunmen held the pass, and the terrorists fled.", "b")
    choice = _by_concept(word_choice([a, b]))["armed group members"]
    assert choice.kind == "referent"
    assert choice.counts == {
        "rebels": {"a": 3, "b": 0},
        "gunmen": {"a": 0, "b": 1},
        "terrorists": {"a": 0, "b": 1},
    }
    assert [a.text_of(s) for s in choice.mentions if s.article == "a"] == [
        "Rebels",
        "rebels",
        "rebel",
    ]


def test_wording_skips_sets_every_outlet_words_alike() -> None:
    a = _article("Three people were killed.", "a")
    b = _article("Two were killed later.", "b")
    assert "killing" not in _by_concept(word_choice([a, b]))


def test_wording_reports_a_term_only_one_outlet_uses() -> None:
    a = _article("The regime closed the border.", "a")
    b = _article("The border was closed.", "b")
    found = _by_concept(word_choice([a, b]))
    assert found["ruling authority"].counts == {"regime": {"a": 1, "b": 0}}
    assert found["regime"].kind == "loaded"


def test_wording_loaded_and_hedging_terms() -> None:
    a = _article("The so-called council reportedly ordered the massacre.", "a")
    found = _by_concept(word_choice([a]))
    assert found["so-called"].kind == "hedge"
    assert found["reportedly"].counts == {"reportedly": {"a": 1}}
    assert found["massacre"].kind == "loaded"


def test_wording_ignores_words_inside_entity_names() -> None:
    a = _article("Freedom Rebels Party won seats. Rebels fought on. Terrorists shot.", "a")
    b = _article("Peace held.", "b")
    party = Entity("x", "Freedom Rebels Party", "ORG", (Span("a", 0, 20),))
    choice = _by_concept(word_choice([a, b], entities=(party,)))["armed group members"]
    assert choice.counts == {"rebels": {"a": 1, "b": 0}, "terrorists": {"a": 1, "b": 0}}


def test_wording_one_term_alone_is_reported_only_when_loaded() -> None:
    a = _article("The government said the regime had fallen.", "a")
    b = _article("Peace held.", "b")
    found = _by_concept(word_choice([a, b]))
    assert found["ruling authority"].counts == {
        "regime": {"a": 1, "b": 0},
        "government": {"a": 1, "b": 0},
    }
    alone = _by_concept(word_choice([_article("The government said so.", "a"), b]))
    assert "ruling authority" not in alone


def test_wording_disaster_sets_leave_data_breaches_and_leaked_files_alone() -> None:
    a = _article("The levee breach flooded homes. Evacuees slept in a hall.", "a")
    b = _article("The dam failure left displaced residents waiting. A data breach hit.", "b")
    c = _article("Hackers leaked documents. The tanker spill spread as oil leaked.", "c")
    found = _by_concept(word_choice([a, b, c]))
    assert found["structure that failed"].counts == {
        "breach": {"a": 1, "b": 0, "c": 0},
        "failure": {"a": 0, "b": 1, "c": 0},
    }
    assert set(found["people forced from home"].counts) == {"evacuees", "displaced"}
    assert found["substance released"].counts["leak"] == {"a": 0, "b": 0, "c": 1}


def test_wording_gold_on_seeds(seed_articles: list[Any], gold_lashkar_gah: dict[str, Any]) -> None:
    trt, bbc = seed_articles
    choices = word_choice(seed_articles, entities=find_entities(seed_articles))
    for c in choices:
        counts = {t: (n.get(trt.id, 0), n.get(bbc.id, 0)) for t, n in c.counts.items()}
        print(f"{c.kind:8} {c.concept:22} TRT/BBC {counts}")
    gold = gold_lashkar_gah["wording"][0]
    found = _by_concept(choices)["armed group members"].counts
    for side, article in (("a", trt), ("b", bbc)):
        for term, expected in gold[side].items():
            assert abs(found[term][article.id] - expected) <= 1, (side, term)


def test_wording_killed_against_died_and_what_happened() -> None:
    a = _article("Four workers were killed in the mine tragedy.", "a")
    b = _article("Four workers died in the mine accident.", "b")
    found = _by_concept(word_choice([a, b]))
    assert found["killing"].counts == {"killed": {"a": 1, "b": 0}, "died": {"a": 0, "b": 1}}
    assert found["what happened"].counts == {
        "accident": {"a": 0, "b": 1},
        "tragedy": {"a": 1, "b": 0},
    }


def test_wording_administration_is_not_a_label_for_a_government() -> None:
    a = _article("The Vell administration said the government of Ostrel had fallen.", "a")
    b = _article("The government of Ostrel had fallen.", "b")
    assert "ruling authority" not in _by_concept(word_choice([a, b]))


def test_wording_fell_is_a_capture_only_when_it_falls_to_someone() -> None:
    texts = [
        "The border town of Kherat fell to the Velan rebels overnight.",
        "Rebels captured Kherat on Monday. Shares fell 6 percent and the index fell to 4,100.",
    ]
    articles = [_article(t, str(i)) for i, t in enumerate(texts)]
    (choice,) = [c for c in word_choice(articles) if c.concept == "taking territory"]
    assert choice.counts == {"fell": {"0": 1, "1": 0}, "captured": {"0": 0, "1": 1}}
    assert [articles[0].text_of(s) for s in choice.mentions if s.article == "0"] == ["fell"]


def test_wording_an_adjective_for_a_unions_stance_is_no_armed_group() -> None:
    texts = [
        "The militant union walked out again. Militant hands now hold the pass.",
        "Insurgents hold the pass.",
    ]
    articles = [_article(t, str(i)) for i, t in enumerate(texts)]
    (choice,) = [c for c in word_choice(articles) if c.concept == "armed group members"]
    assert choice.counts == {"militants": {"0": 1, "1": 0}, "insurgents": {"0": 0, "1": 1}}


def test_wording_job_cuts_against_restructuring() -> None:
    first = _article("Halvora announced 2,400 job cuts. The layoffs start in May.", "a")
    second = _article("Halvora said the restructuring would take five years.", "b")
    found = {w.concept: w for w in word_choice([first, second])}
    counts = found["jobs lost"].counts
    assert counts["job cuts"] == {"a": 1, "b": 0}
    assert counts["layoffs"] == {"a": 1, "b": 0}
    assert counts["restructuring"] == {"a": 0, "b": 1}


def test_wording_resigned_against_forced_out_and_claims_as_a_noun() -> None:
    first = _article("The minister resigned on Tuesday over the surveillance claims.", "a")
    second = _article("The minister was forced out, officials claimed, and he quit.", "b")
    found = {w.concept: w for w in word_choice([first, second])}
    counts = found["leaving office"].counts
    assert counts["resigned"] == {"a": 1, "b": 0}
    assert counts["forced out"] == {"a": 0, "b": 1}
    assert counts["quit"] == {"a": 0, "b": 1}
    assert found["claimed"].counts["claimed"] == {"a": 0, "b": 1}  # "claims" here is a noun


def test_wording_claiming_responsibility_is_no_hedge() -> None:
    first = _article("The gang claimed the attack. It later claimed responsibility.", "a")
    second = _article("The gang claimed that it stole data. It is a lie, officials claimed.", "b")
    found = {w.concept: w for w in word_choice([first, second])}
    assert found["claimed"].counts["claimed"] == {"a": 0, "b": 2}


def test_wording_tabloid_words_for_a_sum_and_a_firm_are_loaded() -> None:
    # user trial 149: only "fumed" and "furious" were found in a tabloid's report
    a = _article("Drug giant Corrant lands a BONANZA as the state will shell out 450 crowns.", "a")
    b = _article("Corrant agreed a price with the ministry of 390 crowns a dose.", "b")
    found = _by_concept(word_choice([a, b]))
    assert {k: found[k].counts[k]["a"] for k in ("giant", "bonanza", "splash out")} == {
        "giant": 1,
        "bonanza": 1,
        "splash out": 1,
    }


def test_wording_what_was_supposed_to_happen_is_no_hedge() -> None:
    # user trial 147: "was supposed to" (a plan) was counted as the hedge "supposedly"
    a = _article("The system was supposed to go live in 2022.", "a")
    b = _article("The supposed fix, supposedly tested, failed.", "b")
    found = _by_concept(word_choice([a, b]))
    assert found["supposedly"].counts == {"supposedly": {"a": 0, "b": 2}}


def test_wording_words_judging_a_person_are_loaded_and_a_denial_is_no_hedge() -> None:
    a = _article("The disgraced minister, a crooked politician, wept.", "a")
    b = _article("Venkov could not claim to stand above the law.", "b")
    found = _by_concept(word_choice([a, b]))
    assert found["disgraced"].counts == {"disgraced": {"a": 1, "b": 0}}
    assert found["crooked"].counts == {"crooked": {"a": 1, "b": 0}}
    assert "claimed" not in found


def test_wording_a_party_s_position_and_the_size_of_a_win() -> None:
    a = _article("The far-right Front came second after a landslide for the Union.", "a")
    b = _article("The nationalist Front came second; the Union won a clear victory.", "b")
    found = _by_concept(word_choice([a, b]))
    assert set(found["political position"].counts) == {"far-right", "nationalist"}
    assert set(found["size of a win"].counts) == {"landslide", "clear victory"}


def test_wording_a_labour_dispute_its_effect_and_words_against_a_side() -> None:
    a = _article(
        "The strike shut the network. Air strikes are no part of it. Commuters faced disruption.",
        "a",
    )
    b = _article(
        "Militant union bosses held the city to ransom with a walkout that caused chaos.", "b"
    )
    found = _by_concept(word_choice([a, b]))
    assert found["stopping work"].counts == {
        "strike": {"a": 1, "b": 0},
        "walkout": {"a": 0, "b": 1},
    }
    assert set(found["effect of a stoppage"].counts) == {"disruption", "chaos"}
    assert found["union bosses"].counts == {"union bosses": {"a": 0, "b": 1}}
    assert found["held to ransom"].counts == {"held to ransom": {"a": 0, "b": 1}}


def test_wording_hackers_against_cybercriminals() -> None:
    a = _article("Hackers stole the records of 60,000 patients.", "a")
    b = _article("Cybercriminals demanded 3 million velars from the hospital.", "b")
    found = _by_concept(word_choice([a, b]))
    assert set(found["people who break into computers"].counts) == {"hackers", "cybercriminals"}


def test_wording_a_wildfire_a_blaze_and_an_inferno() -> None:
    a = _article("The wildfire reached the ridge; fire chief Ana Vell said the wildfire grew.", "a")
    b = _article("The inferno reached the ridge.", "b")
    found = _by_concept(word_choice([a, b]))
    assert found["a fire"].counts == {"wildfire": {"a": 2, "b": 0}, "inferno": {"a": 0, "b": 1}}


@pytest.mark.parametrize(
    ("one", "two", "concept", "terms"),
    [
        (
            "The explosion shook the town.",
            "The blast shook the town.",
            "explosion",
            {"explosion", "blast"},
        ),
        (
            "Dozens were hurt in the crush at Gate 7.",
            "A surge at Gate 7 left dozens hurt.",
            "crowd disaster",
            {"crush", "surge"},
        ),
        (
            "Fans were stuck at the exit.",
            "Supporters were stuck at the exit.",
            "followers of a team or cause",
            {"fans", "supporters"},
        ),
        (
            "A toxic cloud drifted over the estate.",
            "A plume drifted over the estate.",
            "cloud of gas or smoke",
            {"cloud", "plume"},
        ),
        (
            "The law narrowly passed.",
            "The law squeaked through.",
            "size of a win",
            {"narrow win", "squeaked through"},
        ),
        (
            "Investors lost their savings.",
            "Victims of the pension scam lost their savings.",
            "people who lost money",
            {"investors", "victims"},
        ),
        (
            "The scheme collapsed in 2023.",
            "The scam collapsed in 2023.",
            "a fraud",
            {"scheme", "scam"},
        ),
        # session 12's trials: labels the outlets chose that no set held
        (
            "He took kickbacks from the builder.",
            "He took bribes from the builder.",
            "payments to win favour",
            {"kickbacks", "bribes"},
        ),
        (
            "The takeover was approved.",
            "The merger was approved.",
            "one company buying another",
            {"takeover", "merger"},
        ),
        (
            "A landslide buried the village.",
            "A mudslide buried the village.",
            "earth that slid",
            {"landslide", "mudslide"},
        ),
        (
            "The outbreak spread.",
            "The epidemic spread.",
            "spread of a disease",
            {"outbreak", "epidemic"},
        ),
        (
            "A savage hike in rates.",
            "A rise in rates.",
            "a rise in a price or rate",
            {"hike", "rise"},
        ),
        (
            "They live in a slum.",
            "They live in an informal settlement.",
            "a poor district",
            {"slum", "informal settlement"},
        ),
        (
            "Forty illegal arrivals landed.",
            "Forty migrants landed.",
            "people who moved",
            {"illegal immigrants", "migrants"},
        ),
        # session 19's trials
        (
            "The militia held the roof.",
            "Gunmen held the roof.",
            "armed group members",
            {"militia", "gunmen"},
        ),
        (
            "The detainees were freed.",
            "The prisoners of war were freed.",
            "people held by the other side",
            {"detainees", "prisoners of war"},
        ),
        (
            "The coup attempt collapsed by dawn.",
            "The mutiny collapsed by dawn.",
            "seizing power by force",
            {"coup", "mutiny"},
        ),
        (
            "The grid operator blamed sabotage.",
            "The grid operator blamed a technical fault.",
            "cause given for a failure",
            {"sabotage", "technical fault"},
        ),
        (
            "Drivers protested against the toll.",
            "Drivers protested against the bridge tax.",
            "a charge for using something",
            {"toll", "tax"},
        ),
        (
            "Some 2,600 people were evacuated.",
            "Some 2,600 people were forced from their homes.",
            "people forced from home",
            {"evacuated", "forced from home"},
        ),
        (
            "The launch ended in an anomaly.",
            "The launch ended in an accident.",
            "what happened",
            {"anomaly", "accident"},
        ),
        # user trial 159: one firm's money to MPs, and the files that showed it
        (
            "Leaked documents show the firm paid bribes to MPs.",
            "Stolen documents show the firm made undeclared donations to MPs.",
            "money for influence",
            {"bribes", "donations"},
        ),
        (
            "Leaked documents show the firm paid bribes to MPs.",
            "Stolen documents show the firm made undeclared donations to MPs.",
            "documents made public",
            {"leaked", "stolen"},
        ),
    ],
)
def test_wording_more_labels_for_one_thing(
    one: str, two: str, concept: str, terms: set[str]
) -> None:
    found = _by_concept(word_choice([_article(one, "a"), _article(two, "b")]))
    assert set(found[concept].counts) == terms


def test_wording_words_that_enlarge_a_change_or_colour_a_speaker_are_loaded() -> None:
    text = (
        "The landlord lobby was seething. Rents soared, he fumed, and the rent hike slammed "
        "families; the cap slashed rises. She waited in the hotel lobby; a cloud drifted."
    )
    found = _by_concept(word_choice([_article(text, "a")]))
    loaded = {c for c, w in found.items() if w.kind == "loaded"}
    assert {"lobby", "seething", "soared", "fumed", "hike", "slammed", "slashed"} <= loaded
    assert found["lobby"].counts == {"lobby": {"a": 1}}  # not the hotel's
    assert "cloud of gas or smoke" not in found  # a plain cloud is weather


def test_wording_a_killer_bug_is_loaded_and_a_possibility_hedges() -> None:
    a = _article("The killer bug has struck again. It is possible that more cases exist.", "a")
    b = _article("Police said the killer was arrested. Possibly more will follow.", "b")
    found = _by_concept(word_choice([a, b]))
    assert found["killer"].counts == {"killer": {"a": 1, "b": 0}}  # not the murderer
    assert found["possibly"].counts == {"possibly": {"a": 1, "b": 1}}


def test_wording_what_went_wrong_and_who_died_and_an_office_is_no_disaster() -> None:
    a = _article("The minister blamed negligence. The victims were named.", "a")
    b = _article(
        "The operator admitted a failure. The dead were named. The disaster office said.", "b"
    )
    found = _by_concept(word_choice([a, b]))
    assert set(found["what went wrong"].counts) == {"negligence", "failure"}
    assert set(found["people who died"].counts) == {"the dead", "victims"}
    assert "what happened" not in found  # "the disaster office" names an office


def test_wording_tabloid_words_are_loaded_and_each_keeps_its_own_label() -> None:
    # user trials 31 and 34: "crooks" was labelled "crooked"; tabloid words went unlisted
    a = _article(
        "The crooks plundered a whopping 48 million euros as fat-cat bosses boasted of profits.",
        "a",
    )
    b = _article("Thieves took 48 million euros, the bank said.", "b")
    found = _by_concept(word_choice([a, b]))
    for term in ("crooks", "plundered", "whopping", "fat cats", "boasted"):
        assert found[term].counts == {term: {"a": 1, "b": 0}}
    assert "crooked" not in found


def test_wording_more_tabloid_words_are_loaded() -> None:
    # user trial 39: "cyber-thugs", "axed", "furious" and "brought to its knees" went unlisted
    a = _article(
        "Cyber-thugs brought the hospital to its knees and axed 400 operations, furious staff "
        "said.",
        "a",
    )
    b = _article("Hackers disrupted the hospital and 400 operations were postponed.", "b")
    found = _by_concept(word_choice([a, b]))
    for term in ("thugs", "brought to its knees", "axed", "furious"):
        assert found[term].counts == {term: {"a": 1, "b": 0}}


def test_wording_the_tabloid_words_of_session_12_are_loaded() -> None:
    # user trials 41 and 51: "drugs cheat", "clobbered", "hammered again" and "fumed:" went
    # unlisted
    a = _article(
        "Families were hammered again as the drugs cheat was clobbered with a ban. The union "
        "chief fumed: it was wrong.",
        "a",
    )
    b = _article("Families paid more as the athlete was banned. The union chief objected.", "b")
    found = _by_concept(word_choice([a, b]))
    for term in ("drugs cheat", "clobbered", "hammered", "fumed"):
        assert found[term].counts == {term: {"a": 1, "b": 0}}


def test_wording_the_tabloid_words_of_session_13_are_loaded() -> None:
    # user trial 59: "wreckers", "hard-left", "greedy", "whined", "ranted", "moaned" unlisted
    a = _article(
        "The hard-left wreckers whined and ranted. Farmers moaned about greedy banks.", "a"
    )
    b = _article("The opposition objected. Farmers complained about the banks.", "b")
    found = _by_concept(word_choice([a, b]))
    for term in ("wreckers", "hard-left", "greedy", "whined", "ranted", "moaned"):
        assert found[term].counts == {term: {"a": 1, "b": 0}}


def test_wording_bandits_and_criminals_are_labels_for_an_armed_group() -> None:
    # user trial 83: a state-aligned daily's "bandits" and "criminal gangs" were not reported
    a = _article("Gunmen seized the convoy near the pass.", "a")
    b = _article("Bandits seized the convoy. The criminal gangs demanded money.", "b")
    choice = _by_concept(word_choice([a, b]))["armed group members"]
    assert choice.counts["bandits"] == {"a": 0, "b": 1}
    assert choice.counts["criminals"] == {"a": 0, "b": 1}
    loaded = {c.concept for c in word_choice([a, b]) if c.kind == "loaded"}
    assert "bandits" in loaded


def test_wording_a_crackdown_told_three_ways() -> None:
    # user trial 90: a state agency's, a wire's and an exile site's words for one night
    a = _article("Law enforcement officers detained hooligans after mass riots.", "a")
    b = _article("Security forces fired on protesters. A criminal case was opened.", "b")
    c = _article("Riot police and punitive units beat protesters.", "c")
    found = _by_concept(word_choice([a, b, c]))
    assert found["security forces"].counts == {
        "security forces": {"a": 0, "b": 1, "c": 0},
        "law enforcement": {"a": 1, "b": 0, "c": 0},
        "riot police": {"a": 0, "b": 0, "c": 1},
        "punitive units": {"a": 0, "b": 0, "c": 1},
    }
    assert found["people protesting"].counts["hooligans"] == {"a": 1, "b": 0, "c": 0}
    assert found["mass riots"].kind == "loaded"
    assert "armed group members" not in found  # "a criminal case" names no criminals
