"""Tests for storylens.analyze.quotes: names that hold a cue word, markup, per-mention fidelity.

Fictional snippets only.
"""

from __future__ import annotations

from storylens.analyze.quotes import find_quotes, match_quotes
from storylens.model import Article, Paragraph, QuoteFidelity, QuoteMention, content_hash


def _article(text: str, name: str = "") -> Article:
    ident = content_hash(name + text)
    return Article(id=ident, text=text, paragraphs=(Paragraph(0, len(text)),), content_hash=ident)


def _only(article: Article) -> QuoteMention:
    mentions = find_quotes(article)
    assert len(mentions) == 1, [article.text_of(m.span) for m in mentions]
    return mentions[0]


def test_quotes_capitalised_cue_word_in_a_name_is_no_cue() -> None:
    article = _article('"The ferry will sail at noon," harbour master Jonas Warning said.')
    mention = _only(article)
    assert (mention.speaker, mention.why.features["cue"]) == ("Jonas Warning", "said")
    assert mention.speaker_span is not None
    assert article.text_of(mention.speaker_span) == "harbour master Jonas Warning"


def test_quotes_lone_surname_that_is_a_cue_word_is_the_speaker() -> None:
    article = _article('"The ferry will sail at noon," Warning said.')
    assert _only(article).speaker == "Warning"


def test_quotes_name_with_cue_word_before_colon() -> None:
    article = _article('Harbour master Jonas Warning said: "The ferry will sail at noon."')
    assert _only(article).speaker == "Jonas Warning"


def test_quotes_same_quote_of_a_name_with_a_cue_word_is_one_speaker() -> None:
    texts = [
        '"The ferry will sail at noon," harbour master Jonas Warning said.',
        'Jonas Warning, the harbour master, said: "The ferry will sail at noon."',
    ]
    articles = [_article(t, name=str(i)) for i, t in enumerate(texts)]
    mentions = [m for a in articles for m in find_quotes(a)]
    (quote,) = match_quotes(mentions, articles)
    assert quote.speaker == "Jonas Warning"
    # the closing comma before the cue is the sentence's, not the speaker's: the same words
    assert quote.fidelity is QuoteFidelity.VERBATIM


def test_quotes_markup_is_never_a_speaker() -> None:
    for text in (
        'Note to readers: <script>alert("hi-there")</script> appeared in a reader comment.',
        'Note to readers: <b>"hello"</b> appeared in a reader comment.',
    ):
        mention = _only(_article(text))
        assert (mention.speaker, mention.speaker_span) == (None, None), text


def test_match_fragment_first_leaves_full_copies_verbatim() -> None:
    texts = [
        'Ana Diaz said the tide was "higher than ever".',
        '"The tide was higher than ever this spring," Ana Diaz said.',
        '"The tide was higher than ever this spring," Ana Diaz said.',
    ]
    articles = [_article(t, name=str(i)) for i, t in enumerate(texts)]
    mentions = [m for a in articles for m in find_quotes(a)]
    (quote,) = match_quotes(mentions, articles)
    assert [m.why.features["fidelity"] for m in quote.mentions] == [
        "fragment",
        "verbatim",
        "verbatim",
    ]
    assert [m.why.features.get("reference", False) for m in quote.mentions] == [
        False,
        True,
        False,
    ]
    assert quote.fidelity is QuoteFidelity.FRAGMENT


def test_quotes_a_name_set_off_after_a_description_is_the_speaker() -> None:
    from storylens.model import Article, Paragraph, content_hash

    text = (
        '"The ruling will not stand," said her lawyer, Oda Brenn. '
        '"We will appeal," said her lawyer, who asked not to be named.'
    )
    cut = text.index('"We')
    article = Article(
        "a",
        text,
        (Paragraph(0, len(text), sentences=((0, cut - 1), (cut, len(text)))),),
        content_hash(text),
    )
    assert [q.speaker for q in find_quotes(article)] == ["Oda Brenn", "her lawyer"]


def test_quotes_one_speakers_reworded_quote_is_matched() -> None:
    from storylens.analyze.quotes import match_quotes
    from storylens.model import Article, Paragraph, QuoteFidelity, content_hash

    texts = [
        '"You treated a public clinic as your own purse, and the sick paid the price," '
        "Judge Ada Lund said.",
        '"You used the public clinic like your own purse and the sick paid for it," '
        "Judge Ada Lund said.",
    ]
    articles = [
        Article(f"a{i}", t, (Paragraph(0, len(t), sentences=((0, len(t)),)),), content_hash(t))
        for i, t in enumerate(texts)
    ]
    mentions = [m for a in articles for m in find_quotes(a)]
    (quote,) = match_quotes(mentions, articles)
    assert quote.fidelity is QuoteFidelity.REWORDED


def test_quotes_name_with_an_affiliation_is_the_same_speaker() -> None:
    a = _article('"The wind is our worst enemy," forest service spokeswoman Lina Rask said.', "a")
    b = _article('"The wind is our worst enemy," said Lina Rask of the forest service.', "b")
    assert _only(b).speaker == "Lina Rask"
    (group,) = match_quotes([*find_quotes(a), *find_quotes(b)], [a, b])
    assert group.speaker == "Lina Rask"
    assert group.fidelity is not QuoteFidelity.OTHER_SPEAKER


def test_quotes_a_short_part_in_other_words_is_reworded_for_one_speaker() -> None:
    full = (
        '"There is no proof that any patient was harmed, but we are taking no risks,"'
        " Health Minister Oda Brenn said."
    )
    part = 'Health Minister Oda Brenn said there was "no sign that any patient was hurt".'
    other = 'Nurse Ilse Varg said there was "no sign that any patient was hurt".'
    a, b, c = _article(full, "a"), _article(part, "b"), _article(other, "c")
    (group,) = match_quotes([*find_quotes(a), *find_quotes(b)], [a, b])
    assert group.fidelity is QuoteFidelity.REWORDED
    groups = match_quotes([*find_quotes(a), *find_quotes(c)], [a, c])
    assert len(groups) == 2  # another speaker's short words are not this quote reworded


def test_quotes_one_speakers_words_in_other_words_are_reworded_by_meaning() -> None:
    # user trials 113 and 116 (and ten earlier planted stories): one speaker's quote given in
    # other words shares too few words to be matched, and was left "single"
    full = (
        '"We will seek the confiscation of every florin these people stole from pensioners,"'
        " prosecutor Ilse Tollund said."
    )
    short = (
        'Prosecutor Ilse Tollund said: "We intend to confiscate every last florin that was stolen."'
    )
    other = '"The court will sit again on Monday to hear the defence," Ilse Tollund said.'
    a, b, c = _article(full, "a"), _article(short, "b"), _article(other, "c")
    (group,) = match_quotes([*find_quotes(a), *find_quotes(b)], [a, b])
    assert group.fidelity is QuoteFidelity.REWORDED
    assert len(match_quotes([*find_quotes(a), *find_quotes(c)], [a, c])) == 2  # another quote


def test_story_speakers_a_definite_title_is_its_one_holder() -> None:
    from storylens.analyze.speakers import story_speakers

    texts = [
        "Interior Minister Teodor Vasch resigned. Prime Minister Liesl Amundar thanked him.",
        '"I never authorised it," the minister wrote in a letter.',
    ]
    names = ["the minister", "Teodor Vasch", "Liesl Amundar"]
    assert story_speakers(names, texts)["the minister"] == "Teodor Vasch"
    texts[0] += " Deputy Interior Minister Ilse Parvani, Minister Ana Lind and Ida Berg spoke."
    unresolved = story_speakers([*names, "Ana Lind"], texts)
    assert unresolved["the minister"] == "the minister"  # two ministers: which is not known


def test_quotes_mr_and_a_surname_is_the_person_of_that_name_named_last() -> None:
    # user trial 93: the bride and her father share a surname; "Mr Marrow" is the father,
    # named last before the quote (by a kin noun the entity model took for a place)
    text = (
        "Elin Marrow, 29, married Tobias Renk on Saturday. The bride's father, Gerold "
        'Marrow, said he had paid for the meal. "It was meant to be her happiest day," said '
        "Mr Marrow, 61."
    )
    assert _only(_article(text)).speaker == "Gerold Marrow"


def test_quotes_she_after_a_person_the_parse_left_without_a_verb() -> None:
    # user trial 91: the model tagged "Lidia Sarrat" an organisation and lost her verb; her
    # age says she is a person, so "she said" is hers, not the negotiator's named before
    text = (
        "Top negotiator Tomás Velde spent hours on the phone with the hoodlums. Brave cashier "
        "Lidia Sarrat, 34, one of the first to be let go, sobbed as she told how she had "
        'feared the worst. "I was sure I would never see my little girl again," she said.'
    )
    assert _only(_article(text)).speaker == "Lidia Sarrat"


def test_a_feeling_before_a_surname_is_no_first_name() -> None:
    # user trial 97: "Heartbroken Vale posted:" was a speaker of its own
    from storylens.analyze.speakers import story_speakers

    assert story_speakers(["Heartbroken Vale", "Corin Vale"], [])["Heartbroken Vale"] == (
        "Corin Vale"
    )
    assert story_speakers(["Fred Vale", "Corin Vale"], [])["Fred Vale"] == "Fred Vale"
