"""Tests of storylens.clean on fictional snippets, plus the two real seeds from ../shared."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from storylens.clean import CleanOptions, clean
from storylens.model import Article, ParagraphKind, RawDocument, Skip, content_hash
from storylens.text import fold_whitespace

# Fictional body paragraphs, long enough to count as an article body.
P1 = "Floodwater reached the centre of the fictional town of Northvale on Monday, officials said."
P2 = "Emergency crews worked through the night to shore up the levees near the old stone bridge."
P3 = "The mayor, Ana Brill, said nobody had been hurt. She asked residents to stay calm."


def _clean(text: str, **meta: object) -> Article:
    result = clean(RawDocument(source="test.txt", text=text, meta=meta))
    assert isinstance(result, Article), result
    return result


def _kinds(article: Article) -> list[tuple[ParagraphKind, str]]:
    return [(p.kind, article.text[p.start : p.end]) for p in article.paragraphs]


def _reasons(article: Article) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for removal in article.removed:
        found.setdefault(removal.reason, []).append(removal.text)
    return found


def _assert_offsets_inside(article: Article) -> None:
    for paragraph in article.paragraphs:
        assert 0 <= paragraph.start < paragraph.end <= len(article.text)
        for start, end in paragraph.sentences:
            assert paragraph.start <= start < end <= paragraph.end
    for removal in article.removed:
        assert 0 <= removal.at <= len(article.text)


def test_clean_keeps_paragraphs_one_per_line() -> None:
    article = _clean(f"{P1}\n{P2}\n\n\n{P3}")
    assert article.text == f"{P1}\n{P2}\n{P3}"
    assert [k for k, _ in _kinds(article)] == [ParagraphKind.BODY] * 3
    assert article.removed == ()
    assert article.id == article.content_hash == content_hash(article.text)


def test_clean_sentence_offsets() -> None:
    article = _clean(f"{P1}\n\n{P3}")
    assert [article.text[s:e] for s, e in article.paragraphs[1].sentences] == [
        "The mayor, Ana Brill, said nobody had been hurt.",
        "She asked residents to stay calm.",
    ]
    assert article.text_of(article.sentences[0]) == P1


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Floods hit the valley for a second year",
        "Read more: Floods hit the valley",
        "Also read: How the levees were built",
        "RELATED: Northvale mayor re-elected",
        "Click here to follow our live coverage",
        "Sign up for our morning newsletter",
        "READ MORE:\u00a0Floods hit the valley for a second year",
        # user trials 82 and 83: a live page's greeting and a donation appeal
        "Welcome to our live coverage of the flood in the Northvale valley.",
        "This live page is now closed.",
        "Support independent local journalism: subscribe to our weekly newsletter.",
        # user trial 85: a live page's promise of updates
        "We will bring you updates through the day. You can also follow our coverage on "
        "Harbour Radio 2.",
        "Stay with us for the latest from Northvale.",
        # user trial 142: a live page's greeting and sign-off
        "Good evening.",
        "Thank you for following.",
        "That's where we'll leave our live coverage.",
        # user trial 147: a copyright and contact line at the foot
        "© Eastmere Herald 2026. Ingrid Falkvang can be reached at politics@herald.example",
        "Copyright 2026 The Valley News. All rights reserved.",
        "Jane Doe can be reached at jane.doe@valley.example.",
        # user trial 149: a tip-off box
        "Got a story? Email tips@valley.example or call our newsdesk.",
        # user trial 155: a live page's sign-off post, and its badge without the time
        "That is where we will end our live coverage for today. Ana Brill will be back from"
        " first light tomorrow. Thank you for following.",
        "LIVE Last updated",
        # user trial 161: a live page's sympathy, appeal and promise lines
        "Our thoughts are with everyone in Lindgate this morning.",
        "If you have been affected by the fire, contact the newsdesk.",
        "We will bring you confirmed information as soon as we have it.",
        # user trial 164: a live page's closing line
        "We are closing this live page now.",
        # user trial 170: a live page's sign-off and a reader call-out
        "That's all from us for today.",
        "Join us again tomorrow morning for day two.",
        "Have you been affected by the strike? Email newsdesk@valecourier.example",
    ],
)
def test_clean_removes_promo_lines(line: str) -> None:
    article = _clean(f"{P1}\n\n{line}\n\n{P2}\n\n{P3}")
    assert _reasons(article) == {"promo": [fold_whitespace(line)]}
    assert "\n".join([P1, P2, P3]) == article.text
    assert article.removed[0].at == len(P1) + 1


def test_clean_a_greeting_that_opens_a_live_post_is_cut_off_its_news() -> None:
    # user trial 147: "Good morning." was listed as one outlet's own fact
    article = _clean(f"{P1}\n\nGood morning. {P2}\n\n{P3}")
    assert article.text == "\n".join([P1, P2, P3])
    assert _reasons(article) == {"promo": ["Good morning."]}


def test_clean_a_sign_off_that_opens_a_live_post_is_cut_off_its_news() -> None:
    # user trial 164: "We are closing this live page now." led one outlet's digest
    sign_off = "We are closing this live page now. Thank you for following the day with us."
    article = _clean(f"{P1}\n\n{sign_off} {P2}\n\n{P3}")
    assert article.text == "\n".join([P1, P2, P3])
    assert _reasons(article) == {"promo": [sign_off]}


def test_clean_removes_related_link_runs_between_and_after_body() -> None:
    links = "Why the river keeps rising\nWho runs Northvale?\nThe bridge that survived a century"
    article = _clean(f"{P1}\n\n{P2}\n{links}\n{P3}\n\nInside the flood zone\nMaps of the valley")
    assert _reasons(article)["related-links"] == [
        "Why the river keeps rising",
        "Who runs Northvale?",
        "The bridge that survived a century",
        "Inside the flood zone",
        "Maps of the valley",
    ]
    assert article.text == "\n".join([P1, P2, P3])


def test_clean_headings_including_questions_and_quoted() -> None:
    text = (
        f"{P1}\n\nLevees hold for now\n\n{P2}\n\n'Never seen this'\n{P3}\n\n"
        f"What happens next?\n{P1[:-1]} again."
    )
    article = _clean(text)
    headings = [t for k, t in _kinds(article) if k is ParagraphKind.HEADING]
    assert headings == ["Levees hold for now", "'Never seen this'", "What happens next?"]
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.BODY:
            assert paragraph.sentences == ()


def test_clean_last_line_with_attribution_but_no_full_stop_is_body() -> None:
    article = _clean(f"{P1}\n\n{P2}\n\n{P3}\n\nThe levees will hold, the mayor said")
    assert article.removed == ()


def test_clean_question_with_quote_or_attribution_is_body() -> None:
    article = _clean(f'{P1}\n\n"Where do we go now?"\n\n{P2}\n\n{P3}')
    assert _kinds(article)[1] == (ParagraphKind.BODY, '"Where do we go now?"')


def test_clean_caption_kept_once_duplicate_and_credit_removed() -> None:
    caption = "FILE: Volunteers fill sandbags on the river bank in Northvale."
    text = f"{P1}\n\n{caption}\n{caption} (Lee Okafor / Reuters)\n\n{P2}\n\n{P3}"
    article = _clean(text)
    assert _kinds(article)[1] == (ParagraphKind.CAPTION, caption)
    assert article.text.count(caption) == 1
    assert _reasons(article) == {
        "photo-credit": ["(Lee Okafor / Reuters)"],
        "caption-duplicate": [caption],
    }
    assert article.paragraphs[1].sentences == ()


@pytest.mark.parametrize("credit", ["Photo: AFP", "Getty Images", "(Lee Okafor / Reuters)"])
def test_clean_removes_standalone_photo_credits(credit: str) -> None:
    article = _clean(f"{P1}\n\n{credit}\n\n{P2}\n\n{P3}")
    assert _reasons(article) == {"photo-credit": [credit]}


def test_clean_caption_by_trailing_credit() -> None:
    article = _clean(f"{P1}\n\nSandbags line the high street. Photo: AFP\n\n{P2}\n\n{P3}")
    assert _kinds(article)[1] == (ParagraphKind.CAPTION, "Sandbags line the high street.")
    assert _reasons(article) == {"photo-credit": ["Photo: AFP"]}


def test_clean_source_line_on_its_own_and_glued() -> None:
    alone = _clean(f"{P1}\n\n{P2}\n\n{P3}\n\nSource: ValleyNews and agencies")
    assert _reasons(alone) == {"source-line": ["Source: ValleyNews and agencies"]}
    assert alone.outlet == "Valley News"
    glued = _clean(f"{P1}\n\n{P2}\n\n{P3} Source: ValleyNews and agencies")
    assert glued.text.endswith("stay calm.")
    assert _reasons(glued) == {"source-line": ["Source: ValleyNews and agencies"]}
    assert glued.removed[0].at == len(glued.text)


def test_clean_an_agency_credit_glued_to_the_last_sentence_is_no_related_link() -> None:
    # user trial 157: "Police have closed the route until further notice. (TPA)" was cut whole
    last = "Police have closed the north ridge route until further notice."
    article = _clean(f"{P1}\n\n{P2}\n\n{last} (TPA)")
    assert article.text.endswith(last)
    assert _reasons(article) == {"wire-credit": ["(TPA)"]}
    assert article.outlet is None  # the agency wrote the copy, not the page that reprints it


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe",
        "By Jane Doe, Valley Times",
        "By Jane Doe and Omar Reyes in Northvale",
        "Reporting by Jane Doe; Editing by Omar Reyes",
        "Valley Press writer Omar Reyes contributed to this report.",
        "By Jane Doe, regional correspondent",
        "By Jane Doe, Valley 6 News",
        "Jane Doe, Housing Correspondent",
    ],
)
def test_clean_removes_bylines(byline: str) -> None:
    article = _clean(f"{byline}\n\n{P1}\n\n{P2}\n\n{P3}")
    assert _reasons(article) == {"byline": [byline]}


def test_clean_removes_a_staff_note_at_the_foot_only() -> None:
    # user trials 136 and 143: a staff note listed as the outlet's own fact
    note = "Greta Holmvik is the Gazette's sports reporter."
    article = _clean(f"{P1}\n\n{P2}\n\n{P3}\n\n{note}")
    assert _reasons(article) == {"byline": [note]}
    news = "Anna Berg is the paper's editor."
    article = _clean(f"{P1}\n\n{news}\n\n{P2}\n\n{P3}")
    assert news in article.text
    assert _reasons(article) == {}


def test_clean_a_section_label_before_a_byline_is_a_heading_and_the_byline_names_the_outlet() -> (
    None
):
    text = (
        f"By Jane Doe, Valley News, Northvale\n\n{P1}\n\nAnalysis: A quiet river rises\n\n"
        f"By Jane Doe, regional correspondent\n\n{P2}\n\n{P3}"
    )
    article = _clean(text)
    assert _reasons(article) == {
        "byline": ["By Jane Doe, Valley News, Northvale", "By Jane Doe, regional correspondent"]
    }
    headings = [t for k, t in _kinds(article) if k is ParagraphKind.HEADING]
    assert headings == ["Analysis: A quiet river rises"]
    assert (article.outlet, article.outlet_evidence) == (
        "Valley News",
        "byline: By Jane Doe, Valley News, Northvale",
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Follow the Valley Times on X for live updates.", "promo"),
        ("The post Ferry runs again appeared first on Valley Times.", "promo"),
        (
            "Lifeboats tasked to the Narrows. pic.twitter.com/xyz— Keswin Coastguard "
            "(@KeswinCG) March 10, 2026",
            "embed",
        ),
    ],
)
def test_clean_removes_feed_footers_and_embedded_posts(line: str, reason: str) -> None:
    article = _clean(f"{P1}\n\n{line}\n\n{P2}\n\n{P3}")
    assert _reasons(article) == {reason: [line]}


def test_clean_a_dash_and_a_date_in_a_sentence_is_no_embed() -> None:
    line = "The ferry, a 40-year-old vessel — the oldest on the route — sank on March 10, 2026."
    article = _clean(f"{P1}\n\n{line}\n\n{P2}\n\n{P3}")
    assert line in article.text


def test_clean_by_at_sentence_start_is_body() -> None:
    line = "By Monday the water had reached the church, and the square was closed to traffic."
    article = _clean(f"{P1}\n\n{line}\n\n{P2}\n\n{P3}")
    assert line in article.text
    assert article.removed == ()


@pytest.mark.parametrize(
    "dateline",
    [
        "NORTHVALE, Aug 3 (Reuters) - ",
        "NORTHVALE (AP) — ",
        "NEW HARBOR, Maine, March 3 (Reuters) - ",
    ],
)
def test_clean_removes_datelines(dateline: str) -> None:
    article = _clean(f"{dateline}{P1}\n\n{P2}\n\n{P3}")
    assert article.text.startswith(P1)
    assert _reasons(article) == {"dateline": [dateline.strip()]}
    assert article.removed[0].at == 0


def test_clean_removes_separator_lines() -> None:
    article = _clean(f"{P1}\n\n___\n\n{P2}\n\n* * *\n\n{P3}")
    assert _reasons(article) == {"separator": ["___", "* * *"]}


def test_clean_removes_duplicate_paragraphs() -> None:
    article = _clean(f"{P1}\n\n{P2}\n\n{P1}\n\n{P3}")
    assert _reasons(article) == {"duplicate-paragraph": [P1]}
    assert article.text.count(P1) == 1


def test_clean_normalises_nbsp_crlf_control_and_mojibake() -> None:
    text = (
        f"{P1}\u00a0\r\n\r\nThe mayorâ€™s office\x07 said:\u00a0\u201cstay\u201d \u2013 now.\r\n"
        f"{P2}\r\n{P3}"
    )
    article = _clean(text)
    assert "The mayor’s office said: “stay” – now." in article.text
    assert "\r" not in article.text and "\u00a0" not in article.text
    assert _reasons(article) == {"control-characters": ["\x07"]}
    removal = article.removed[0]
    assert article.text[removal.at - len("office") : removal.at] == "office"


def test_clean_offsets_always_inside_text() -> None:
    text = (
        f"NORTHVALE, Aug 3 (Reuters) - {P1}\x07\n\nFILE: A caption here.\n"
        f"FILE: A caption here. (A / B)\n\n{P2}\n\nSub heading\n{P3} Source: X and agencies"
    )
    _assert_offsets_inside(_clean(text))


def test_clean_is_deterministic() -> None:
    text = f"By Jane Doe\n\n{P1}\n\nREAD MORE: Something else\n\n{P2}\n\n{P3}"
    assert _clean(text) == _clean(text)


def test_clean_skips_documents_without_body() -> None:
    raw = RawDocument(source="short.txt", text="READ MORE: Nothing here\n\nSign up for alerts")
    assert clean(raw) == Skip("short.txt", "no article body")
    html = "<html><body><nav><a href='/'>Home</a></nav><p>Just a headline</p></body></html>"
    assert clean(RawDocument(source="nav.html", html=html)) == Skip("nav.html", "no article body")
    assert clean(RawDocument(source="empty.txt", text="")) == Skip("empty.txt", "no article body")
    options = CleanOptions(min_body_words=3)
    assert isinstance(
        clean(RawDocument(source="s", text="One short fact."), options=options), Article
    )


def test_clean_metadata_fields_and_extra_meta() -> None:
    article = _clean(
        f"{P1}\n\n{P2}\n\n{P3}",
        id=42,
        url="https://www.valleytimes.com/a",
        title="Flood in Northvale",
        published="2024-05-01",
        lang="en",
    )
    assert article.id == "42"
    assert article.url == "https://www.valleytimes.com/a"
    assert article.title == "Flood in Northvale"
    assert article.published == "2024-05-01"
    assert article.source == "test.txt"
    assert dict(article.meta) == {"lang": "en"}
    assert article.outlet == "Valley Times"  # the domain label split before its news word


def test_clean_drops_first_line_repeating_the_title() -> None:
    article = _clean(f"Flood in Northvale\n\n{P1}\n\n{P2}\n\n{P3}", title="Flood in Northvale")
    assert _reasons(article) == {"title": ["Flood in Northvale"]}


HTML = """<html><head><title>River floods Northvale</title>
<meta property="og:site_name" content="Valley Times">
<link rel="canonical" href="https://www.valleytimes.com/news/flood">
<meta name="author" content="Jane Doe"></head><body><nav><a href="/">Home</a></nav>
<article><p>{p1}</p><h2>Levees hold</h2><p>{p2}</p><p>{p3}</p>
<p>READ MORE: Northvale mayor re-elected</p></article>
<div class="comments"><p>Great article, thanks for writing it up so quickly!</p></div>
</body></html>"""


def test_clean_html_extracts_body_headings_and_metadata() -> None:
    raw = RawDocument(source="page.html", html=HTML.format(p1=P1, p2=P2, p3=P3))
    article = clean(raw)
    assert isinstance(article, Article)
    assert article.text == f"{P1}\nLevees hold\n{P2}\n{P3}"
    assert _kinds(article)[1] == (ParagraphKind.HEADING, "Levees hold")
    assert article.title == "River floods Northvale"
    assert article.url == "https://www.valleytimes.com/news/flood"
    assert article.author == "Jane Doe"
    assert article.outlet == "Valley Times"
    assert _reasons(article) == {
        "outside-body": ["Home", "Great article, thanks for writing it up so quickly!"],
        "promo": ["READ MORE: Northvale mayor re-elected"],
    }


PAGE = """<html><head><title>Levees hold in Northvale</title>
<meta property="og:site_name" content="Valley Times"></head><body>
<div class="cookies">We use cookies. <button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ul></nav>
<article><h1>Levees hold in Northvale</h1><p class="byline">By Jane Doe</p>
<p>{p1}</p>
<figure><img src="levee.jpg" alt=""><figcaption>Sandbags on the levee at dawn.
<span>Photo: Valley Times/Staff</span></figcaption></figure>
<p>{p2}</p>
<aside><p>Get our morning briefing in your inbox.</p></aside>
<p>{p3}</p>
<div class="share">Share this story: Email Print</div></article>
<section><h2>More from Valley Times</h2><ul><li><a href="/a">School roof fixed</a></li></ul>
</section><footer><p>Copyright Valley Times</p></footer>
</body></html>"""


def test_clean_html_records_what_the_extraction_left_out() -> None:
    raw = RawDocument(source="levees.html", html=PAGE.format(p1=P1, p2=P2, p3=P3))
    article = clean(raw)
    assert isinstance(article, Article)
    assert article.text == f"{P1}\n{P2}\n{P3}"
    after_p1, after_p2, end = len(P1) + 1, len(P1) + len(P2) + 2, len(article.text)
    assert [(r.reason, r.text, r.at) for r in article.removed] == [
        ("outside-body", "We use cookies. Accept", 0),
        ("outside-body", "Home", 0),
        ("outside-body", "Local", 0),
        ("title", "Levees hold in Northvale", 0),
        ("outside-body", "By Jane Doe", 0),
        ("outside-body", "Sandbags on the levee at dawn. Photo: Valley Times/Staff", after_p1),
        ("outside-body", "Get our morning briefing in your inbox.", after_p2),
        ("outside-body", "Share this story: Email Print", end),
        ("outside-body", "More from Valley Times", end),
        ("outside-body", "School roof fixed", end),
        ("outside-body", "Copyright Valley Times", end),
    ]
    assert clean(raw) == article  # deterministic


def test_clean_html_fragment_fully_kept_records_nothing() -> None:
    html = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    article = clean(RawDocument(source="feed#entry-1", html=html))
    assert isinstance(article, Article)
    assert article.removed == ()


def test_clean_speed_plain_text() -> None:
    text = "\n\n".join([P1, P2, "Sub heading", P3] * 8)
    raw = RawDocument(source="speed.txt", text=text)
    clean(raw)
    count = 200
    started = time.perf_counter()
    for _ in range(count):
        clean(raw)
    assert count / (time.perf_counter() - started) > 200  # well over 500/s on a quiet core


# --- the real seeds (skip without ../shared) ----------------------------------------------------


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def cleaned_seeds(seeds_dir: Path, gold_lashkar_gah: dict[str, object]) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    gold_articles = gold_lashkar_gah["articles"]
    assert isinstance(gold_articles, dict)
    for key, info in gold_articles.items():
        path = seeds_dir / info["file"]
        raw = RawDocument(
            source=str(path), text=path.read_text(encoding="utf-8"), meta={"filename": path.name}
        )
        result = clean(raw)
        assert isinstance(result, Article)
        articles[key] = result
    return articles


def test_clean_seeds_outlets(cleaned_seeds: dict[str, Article]) -> None:
    assert cleaned_seeds["a"].outlet == "TRT World"
    assert cleaned_seeds["a"].outlet_evidence == "source line: Source: TRTWorld and agencies"
    assert cleaned_seeds["b"].outlet == "BBC"
    assert (cleaned_seeds["b"].outlet_evidence or "").startswith("self-reference: told the BBC")


def test_clean_seeds_remove_boilerplate(
    cleaned_seeds: dict[str, Article], gold_lashkar_gah: dict[str, object]
) -> None:
    not_body = gold_lashkar_gah["not_body_text"]
    assert isinstance(not_body, dict)
    for article in cleaned_seeds.values():
        bodies = [_fold(article.text[p.start : p.end]) for p in article.body_paragraphs()]
        for boilerplate in not_body["boilerplate"]:
            assert not any(_fold(boilerplate) in body for body in bodies), boilerplate
        _assert_offsets_inside(article)


def test_clean_seeds_caption_once_and_headings(
    cleaned_seeds: dict[str, Article], gold_lashkar_gah: dict[str, object]
) -> None:
    not_body = gold_lashkar_gah["not_body_text"]
    assert isinstance(not_body, dict)
    caption = _fold(not_body["caption"])
    captions = [
        (p.kind, _fold(a.text[p.start : p.end]))
        for a in cleaned_seeds.values()
        for p in a.paragraphs
        if caption in _fold(a.text[p.start : p.end])
    ]
    assert captions == [(ParagraphKind.CAPTION, caption)]
    headings = {
        _fold(a.text[p.start : p.end])
        for a in cleaned_seeds.values()
        for p in a.paragraphs
        if p.kind is ParagraphKind.HEADING
    }
    assert headings == {_fold(h) for h in not_body["headings"]}


def _gold_strings(gold: dict[str, object]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for fact in gold["shared_facts"]:  # type: ignore[attr-defined]  # JSON list of dicts
        found += [("a", fact["a"]), ("b", fact["b"])]
    for key, facts in gold["unique_facts"].items():  # type: ignore[attr-defined]  # JSON dict
        found += [(key, fact) for fact in facts]
    for quote in gold["quotes"]:  # type: ignore[attr-defined]  # JSON list of dicts
        found.append((quote["article"], quote["text"]))
    return found


def test_clean_seeds_keep_every_gold_fact(
    cleaned_seeds: dict[str, Article], gold_lashkar_gah: dict[str, object]
) -> None:
    missing = [
        (key, text)
        for key, text in _gold_strings(gold_lashkar_gah)
        if _fold(text) not in _fold(cleaned_seeds[key].text)
    ]
    assert missing == []
    assert json.dumps([r.reason for r in cleaned_seeds["b"].removed]) == json.dumps(
        ["related-links"] * 3
    )


def test_clean_opening_heading_is_the_title_when_none_is_given() -> None:
    article = _clean(f"River floods the valley\n{P1}\n{P2}")
    assert article.paragraphs[0].kind is ParagraphKind.HEADING
    assert article.title == "River floods the valley"
    titled = _clean(f"River floods the valley\n{P1}\n{P2}", title="Given title")
    assert titled.title == "Given title"


@pytest.mark.parametrize(
    "line",
    ["27 NOVEMBER, 2031", "Updated 4 / 9 / 2031 6: 04 PM", "POSTED: 1052 GMT, April 10, 2031"],
)
def test_clean_a_date_line_is_not_the_title(line: str) -> None:
    article = _clean(f"{line}\n{P1}\n{P2}")
    assert article.title is None
    assert article.text.startswith(line)  # kept in the text, as the source has it


def test_clean_a_date_line_fills_published_when_the_metadata_has_none() -> None:
    assert _clean(f"Dam repairs finish early\n9 March 2031\n{P1}\n{P2}").published == "2031-03-09"
    given = _clean(f"9 March 2031\n{P1}", published="2031-03-10T08:00:00Z")
    assert given.published == "2031-03-10T08:00:00Z"  # the metadata wins
    assert _clean(f"Updated 10:30\n{P1}").published is None  # a time is no date
    unread = _clean(P1, published="02/05/2026")  # May or February? not guessed
    assert (unread.published, unread.meta) == (None, {"published_as_given": "02/05/2026"})
    for line in ("Published 2031-03-09", "Published: 2031-03-09T09:30:00Z", "2031-03-09"):
        assert _clean(f"Dam repairs finish early\n{line}\n{P1}").published == "2031-03-09"


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("March 9, 2031, 14:05", "2031-03-09T14:05:00"),
        ("Published March 9, 2031, 7:45 pm", "2031-03-09T19:45:00"),
        ("9 March 2031 06:10 GMT", "2031-03-09T06:10:00Z"),
    ],
)
def test_clean_a_date_line_keeps_its_time_of_day(line: str, published: str) -> None:
    # user trial 44: three reports of one morning, afternoon and evening were all one date
    assert _clean(f"Dam repairs finish early\n{line}\n{P1}").published == published


# --- datelines after a headline, credits, captions, bylines, dates --------------------------

HEADLINE = "Storm surge floods the harbour district of Port Sellin for the second night running"


@pytest.mark.parametrize(
    "dateline",
    [
        "PORT SELLIN, June 14 (Lakeshore Tribune) - ",
        "PORT SELLIN (Lakeshore Tribune) – ",
        "PORT SELLIN, June 14 — ",
        "PORT SELLIN, 14 June 2026 - ",
        "June 14 (Lakeshore Tribune) - ",
        "PORT SELLIN - ",
        "EAST PORT SELLIN BAY — ",
    ],
)
@pytest.mark.parametrize("heading", [HEADLINE, "Harbour floods"])
def test_clean_removes_dateline_after_headline_and_byline(dateline: str, heading: str) -> None:
    article = _clean(f"{heading}\nBy Jonas Adler\n{dateline}{P1}\n{P2}\n{P3}")
    assert article.text == "\n".join([heading, P1, P2, P3])
    assert _kinds(article)[0] == (ParagraphKind.HEADING, heading)
    assert _reasons(article) == {"byline": ["By Jonas Adler"], "dateline": [dateline.strip()]}
    dateline_removal = next(r for r in article.removed if r.reason == "dateline")
    assert dateline_removal.at == len(heading) + 1
    _assert_offsets_inside(article)


def test_clean_dateline_only_in_the_first_body_paragraph() -> None:
    later = f"PORT SELLIN - {P2}"
    article = _clean(f"{HEADLINE}\n{P1}\n{later}\n{P3}")
    assert later in article.text
    assert article.removed == ()


def test_clean_a_reprinted_wire_story_loses_its_credited_dateline_inside_the_page() -> None:
    # user trial 154: a local intro, then the agency's story with its dateline
    later = f"PORT SELLIN, Northvale (VPA) — {P2}"
    article = _clean(f"{HEADLINE}\n{P1}\n{later}\n{P3}")
    assert article.text == "\n".join([HEADLINE, P1, P2, P3])  # the headline stays a heading
    assert _reasons(article) == {"wire-dateline": ["PORT SELLIN, Northvale (VPA) —"]}
    assert "credit" not in article.meta  # the page's own outlet is not the agency


def test_clean_capitalised_opening_without_dash_is_not_a_dateline() -> None:
    line = "NATO and UN officials met in the fictional town of Northvale on Monday, aides said."
    article = _clean(f"{HEADLINE}\n{line}\n{P2}")
    assert article.removed == ()


@pytest.mark.parametrize(
    ("dateline", "credit", "outlet"),
    [
        ("PORT SELLIN, June 14 (Lakeshore Tribune) - ", "Lakeshore Tribune", "Lakeshore Tribune"),
        ("NORTHVALE (Continental Press) — ", "Continental Press", "Continental Press"),
        ("NORTHVALE, Aug 3 (Reuters) - ", "Reuters", "Reuters"),
        ("NORTHVALE (AP) — ", "AP", "AP"),
    ],
)
def test_clean_dateline_credit_is_kept_and_names_the_outlet(
    dateline: str, credit: str, outlet: str
) -> None:
    article = _clean(f"{HEADLINE}\n{dateline}{P1}\n{P2}")
    assert article.meta["credit"] == credit
    assert article.outlet == outlet
    assert article.outlet_evidence == f"dateline: ({credit})"


def test_clean_dateline_without_credit_records_none() -> None:
    article = _clean(f"NORTHVALE, Aug 3 - {P1}\n{P2}")
    assert "credit" not in article.meta
    assert article.outlet is None


def test_clean_source_line_beats_dateline_credit() -> None:
    article = _clean(f"NORTHVALE (Reuters) - {P1}\n{P2}\nSource: ValleyNews and agencies")
    assert article.outlet == "Valley News"
    assert article.meta["credit"] == "Reuters"


def test_clean_caption_repeated_with_credit_without_prefix() -> None:
    caption = "A rescue boat on the flooded street."
    text = f"{P1}\n{caption}\n{caption} (Jo Bell / Reuters)\n{P2}\n{P3}"
    article = _clean(text)
    assert _kinds(article)[1] == (ParagraphKind.CAPTION, caption)
    assert article.text == "\n".join([P1, caption, P2, P3])
    assert _reasons(article) == {
        "photo-credit": ["(Jo Bell / Reuters)"],
        "caption-duplicate": [caption],
    }
    assert article.paragraphs[1].sentences == ()
    _assert_offsets_inside(article)


def test_clean_caption_repeated_with_credit_at_the_top() -> None:
    caption = "Volunteers carry sandbags past the town hall"
    article = _clean(f"{caption}\n{caption} Photo: Jo Bell\n{P1}\n{P2}")
    assert _kinds(article)[0] == (ParagraphKind.CAPTION, caption)
    assert _reasons(article) == {"photo-credit": ["Photo: Jo Bell"], "caption-duplicate": [caption]}


def test_clean_caption_credited_first_then_repeated_bare() -> None:
    caption = "A rescue boat on the flooded street."
    article = _clean(f"{P1}\n{caption} (Jo Bell / Reuters)\n{caption}\n{P2}")
    assert _kinds(article)[1] == (ParagraphKind.CAPTION, caption)
    assert _reasons(article)["caption-duplicate"] == [caption]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        (
            "A rescue boat on the flooded street. (Jo Bell / Lakeshore Tribune)",
            "(Jo Bell / Lakeshore Tribune)",
        ),
        ("A rescue boat on the flooded street. Photo: Jo Bell", "Photo: Jo Bell"),
    ],
)
def test_clean_single_line_with_photo_credit_is_a_caption(line: str, credit: str) -> None:
    article = _clean(f"{P1}\n{line}\n{P2}")
    assert _kinds(article)[1] == (ParagraphKind.CAPTION, "A rescue boat on the flooded street.")
    assert _reasons(article) == {"photo-credit": [credit]}


def test_clean_photo_credit_names_the_outlet_after_dateline() -> None:
    line = "A rescue boat on the flooded street. (Jo Bell / Lakeshore Tribune)"
    article = _clean(f"{P1}\n{line}\n{P2}")
    assert article.outlet == "Lakeshore Tribune"
    assert article.outlet_evidence == "photo credit: (Jo Bell / Lakeshore Tribune)"
    both = _clean(f"NORTHVALE (Harbour Wire) - {P1}\n{line}\n{P2}")
    assert (both.outlet, both.outlet_evidence) == ("Harbour Wire", "dateline: (Harbour Wire)")


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Jonas Adler", "Jonas Adler"),
        ("By Ilse Varga, Northern Courier", "Ilse Varga"),
        ("By Jane Doe and Omar Reyes in Northvale", "Jane Doe and Omar Reyes"),
        ("BY JONAS ADLER", "Jonas Adler"),
        ("By Ilse Varga | Northern Courier", "Ilse Varga"),
    ],
)
def test_clean_byline_fills_author(byline: str, author: str) -> None:
    article = _clean(f"{HEADLINE}\n{byline}\n{P1}\n{P2}")
    assert article.author == author


def test_clean_metadata_author_beats_byline() -> None:
    article = _clean(f"By Jonas Adler\n{P1}\n{P2}", author="Ilse Varga")
    assert article.author == "Ilse Varga"
    assert _reasons(article) == {"byline": ["By Jonas Adler"]}


def test_clean_no_byline_no_author() -> None:
    assert _clean(f"{P1}\n{P2}").author is None


@pytest.mark.parametrize(
    ("given", "published"),
    [
        ("2026-03-03T19:05:00+00:00", "2026-03-03T19:05:00Z"),
        ("2026-03-03T21:05:00+02:00", "2026-03-03T19:05:00Z"),
        ("2026-03-03T19:05:00Z", "2026-03-03T19:05:00Z"),
        ("2026-03-03T19:05:00.250+00:00", "2026-03-03T19:05:00Z"),
        ("2026-03-04T01:30:00+07:00", "2026-03-03T18:30:00Z"),
        ("Tue, 03 Mar 2026 20:05:00 +0100", "2026-03-03T19:05:00Z"),
        ("2026-03-03", "2026-03-03"),
        (" 2026-03-03 ", "2026-03-03"),
        ("2026-03-03T19:05:00", "2026-03-03T19:05:00"),
        ("early March", None),  # not a date: kept in meta (published_as_given), with a warning
    ],
)
def test_clean_published_is_one_iso_form(given: str, published: str | None) -> None:
    assert _clean(f"{P1}\n{P2}", published=given).published == published


def test_clean_author_drops_a_job_title_the_byline_put_among_authors() -> None:
    raw = RawDocument(
        source="page.html",
        text="The hospital group said its systems were encrypted on Sunday.",
        meta={"author": "Marta Quillon; Health Correspondent"},
    )
    article = clean(raw)
    assert isinstance(article, Article)
    assert article.author == "Marta Quillon"


def test_clean_a_feed_entry_fragment_is_all_article_with_its_headings() -> None:
    # user trial 27: a one-sentence RSS description was skipped as "no article body", and an
    # <h2> inside content:encoded went as outside-body; a fragment has no page to pick from
    short = clean(
        RawDocument(
            source="feed.rss#entry-2",
            html="The coastguard said the search for two missing crew would resume at first "
            "light on Wednesday, weather permitting, with three lifeboats and a helicopter.",
        )
    )
    assert isinstance(short, Article) and short.text.startswith("The coastguard said")
    long = clean(
        RawDocument(
            source="feed.rss#entry-1",
            html=f"<p>{P1}</p><h2>Questions over radar</h2><p>{P2}</p><p>{P3}</p>",
        )
    )
    assert isinstance(long, Article) and long.removed == ()
    assert [t for k, t in _kinds(long) if k is ParagraphKind.HEADING] == ["Questions over radar"]


def test_clean_a_body_given_only_in_json_ld_keeps_its_paragraphs_and_time() -> None:
    # user trial 27: the paragraphs ran together and the publication time was cut to its day
    from storylens.ingest.html import read_html

    body = f"{P1}\n\n{P2}\n\n{P3}"
    page = (
        "<html><head><title>Tram line approved</title>"
        '<script type="application/ld+json">'
        + json.dumps(
            {
                "@type": "NewsArticle",
                "headline": "Tram line approved",
                "datePublished": "2026-03-12T22:50:00+01:00",
                "articleBody": body,
            }
        )
        + "</script></head><body><div id='app'></div></body></html>"
    )
    raw = read_html("tram.html", page.encode("utf-8"), meta={})
    assert isinstance(raw, RawDocument)
    article = clean(raw)
    assert isinstance(article, Article)
    assert [k for k, _ in _kinds(article)] == [ParagraphKind.BODY] * 3
    assert article.published == "2026-03-12T21:50:00Z"


LIVE_PAGE = """<html><head><title>LIVE: Storm in Tarby</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>LIVE: Storm in Tarby</h1>
<div class="update"><p class="stamp"><time>6:45 p.m.</time></p>
<p>The death toll from Sunday's storm in Tarby has risen to eleven, the county sheriff confirmed
this evening at a briefing outside the town hall.</p></div>
<div class="update"><p class="stamp"><time>6:00 p.m.</time></p>
<p>The power company says 12,400 customers in Tarby are still without electricity after the
storm brought down lines across the east of the town.</p></div>
<div class="update"><p class="stamp"><time>9:05 a.m.</time></p>
<p>Rescue teams are going from house to house on the east side of Tarby this morning, checking
every basement and cellar for people trapped by the storm.</p></div>
</article></main><footer>Copyright Tarby Courier</footer></body></html>"""


def test_clean_html_keeps_a_live_page_s_entry_stamps() -> None:
    """User trials 94 and 100: the <time> stamps of a live page's entries were removed as
    outside the body, so the entries' figures had no time."""
    from storylens.analyze.numbers import find_numbers

    article = clean(RawDocument(source="live.html", html=LIVE_PAGE))
    assert isinstance(article, Article)
    stamps = [
        article.text[p.start : p.end] for p in article.paragraphs if p.kind.value == "heading"
    ]
    assert stamps == ["6:45 p.m.", "6:00 p.m.", "9:05 a.m."]
    assert [(n.value, n.when) for n in find_numbers(article) if n.value == 12400.0] == [
        (12400.0, "6:00 p.m.")
    ]


def test_clean_html_keeps_entry_stamps_that_name_the_day() -> None:
    """User trial 150: stamps "09:40 Sun" were removed as outside the body."""
    post = (
        '<section class="live-post"><time datetime="2026-05-03T{0}:00Z">{0} {1}</time>'
        "<h3>Update</h3><p>Police said at their briefing at {0} that {2} people had died and"
        " dozens had been hurt in the crush at the north end of the ground.</p></section>"
    )
    posts = "".join(post.format(t, d, n) for t, d, n in (("10:15", "Sun", 9), ("09:40", "Sun", 8)))
    html = f"<html><body><main><h1>Crush - live</h1>{posts}</main></body></html>"
    article = clean(RawDocument(source="live.html", html=html))
    assert isinstance(article, Article)
    stamps = [
        article.text[p.start : p.end] for p in article.paragraphs if p.kind.value == "heading"
    ]
    assert [s for s in stamps if s[:1].isdigit()] == ["10:15 Sun", "09:40 Sun"]


def test_clean_html_keeps_a_time_inside_a_post_heading() -> None:
    """User trial 166: "<h3><time>14:30</time> Death toll rises to five</h3>" lost its time,
    so every figure of the live page had no *when*."""
    from storylens.analyze.numbers import find_numbers

    post = (
        '<div class="live-post"><h3><time datetime="2026-05-05T{0}:00+02:00">{0}</time> {1}'
        "</h3><p>The death toll has risen to {2}, the Kovalen rescue service says, as crews"
        " search the rubble of the block on Varnet Street.</p></div>"
    )
    posts = "".join(
        post.format(*p) for p in (("14:30", "Toll rises", "five"), ("10:15", "Three dead", "three"))
    )
    html = f"<html><body><main><h1>Collapse - live</h1>{posts}</main></body></html>"
    article = clean(RawDocument(source="live.html", html=html))
    assert isinstance(article, Article)
    stamps = [
        article.text[p.start : p.end] for p in article.paragraphs if p.kind.value == "heading"
    ]
    assert stamps[-2:] == ["14:30 Toll rises", "10:15 Three dead"]
    assert [n.when for n in find_numbers(article)] == ["14:30", "10:15"]


def test_clean_html_drops_the_stamp_of_a_post_removed_as_promo() -> None:
    """User trial 147: a sign-off post was removed, its time stayed on its own at the top."""
    sign_off = (
        '<div class="update"><p class="stamp"><time>8:10 p.m.</time></p>'
        "<p>That's where we'll leave our live coverage for today.</p></div>"
    )
    html = LIVE_PAGE.replace('<div class="update">', sign_off + '<div class="update">', 1)
    article = clean(RawDocument(source="live.html", html=html))
    assert isinstance(article, Article)
    stamps = [
        article.text[p.start : p.end] for p in article.paragraphs if p.kind.value == "heading"
    ]
    assert stamps == ["6:45 p.m.", "6:00 p.m.", "9:05 a.m."]
    assert ("outside-body", "8:10 p.m.") in [(r.reason, r.text) for r in article.removed]


def test_clean_html_keeps_every_post_of_a_live_page() -> None:
    """User trial 112: on a page of ten <article> posts trafilatura kept five and dropped the
    rest as outside the body (the summary post with the toll among them), with no warning."""
    from storylens.analyze.numbers import find_numbers

    html = (Path(__file__).parent / "data" / "live-page.html").read_text(encoding="utf-8")
    article = clean(RawDocument(source="live.html", html=html))
    assert isinstance(article, Article)
    for needle in ("280 people", "Vellin", "72 hours", "Kasimir Dovan", "About 180 patients"):
        assert needle in article.text
    headings = [
        article.text[p.start : p.end] for p in article.paragraphs if p.kind.value == "heading"
    ]
    assert headings[:3] == ["19:45", "What we know so far", "18:30"]
    assert "Share this post Copy link" not in article.text
    assert [n.when for n in find_numbers(article) if n.value == 180.0] == ["this morning"]


def test_clean_html_sibling_articles_without_times_are_no_live_page() -> None:
    """A story page whose related stories are <article> siblings of the story is no live
    page: the related stories stay out of the body."""
    story = (
        "<article><h1>Harbour wall gives way</h1>"
        "<p>The old harbour wall at Fennick gave way on Tuesday night after a week of storms,"
        " flooding the quay and two streets behind it, the council said.</p>"
        "<p>Engineers from the county council spent Wednesday checking the houses nearest the"
        " breach, and some 40 residents were told to stay with relatives.</p>"
        "<p>The wall was built in 1889 and last repaired in 2004.</p></article>"
    )
    related = "".join(
        f"<article><h3>{t}</h3><p>{t} and what it means for the town this winter.</p></article>"
        for t in ("School roof repairs delayed", "Ferry timetable changes", "Market to reopen")
    )
    html = f"<html><body><main>{story}{related}</main></body></html>"
    article = clean(RawDocument(source="page.html", html=html))
    assert isinstance(article, Article)
    assert "gave way on Tuesday night" in article.text
    assert "Ferry timetable changes" not in article.text


def test_clean_html_keeps_a_live_page_s_div_posts_in_page_order() -> None:
    """User trial 133: on a page of <div class="post"> entries trafilatura moved the first
    post above the page's heading and left its time with nothing under it."""
    html = (Path(__file__).parent / "data" / "live-page-divs.html").read_text(encoding="utf-8")
    article = clean(RawDocument(source="live.html", html=html))
    assert isinstance(article, Article)
    lines = [(p.kind.value, article.text[p.start : p.end]) for p in article.paragraphs]
    assert lines[0] == ("heading", "06:10")
    assert lines[1][1].startswith("A freight train has derailed on the Kessling viaduct")
    stamps = [text for kind, text in lines if kind == "heading"]
    assert stamps == ["06:10", "06:25", "06:50", "07:15", "07:40", "08:05", "08:30", "09:00"]
