"""Tests of storylens.outlet: the order of clues, readable names, evidence strings."""

from __future__ import annotations

import pytest

from storylens.outlet import infer_outlet, outlet_from_domain, readable_outlet


def test_outlet_metadata_wins() -> None:
    found = infer_outlet(
        meta={"outlet": "Valley Times", "url": "https://www.bbc.co.uk/x"},
        text="He told the BBC.",
        removed_source_line="Source: CNN",
    )
    assert found == ("Valley Times", "metadata: outlet Valley Times")


def test_outlet_feed_title_then_site_name() -> None:
    assert infer_outlet(meta={"feed_title": "BBC News - World", "sitename": "X"}, text="") == (
        "BBC",
        "feed title: BBC News - World",
    )
    assert infer_outlet(meta={"sitename": "Valley Times"}, text="") == (
        "Valley Times",
        "site name: Valley Times",
    )
    # user trial 81: a site that writes its name "SteepLines" was shown as "Steep Lines"
    assert infer_outlet(meta={"sitename": "SteepLines"}, text="")[0] == "SteepLines"
    assert infer_outlet(meta={"sitename": "TRTWorld"}, text="")[0] == "TRT World"  # known
    # user trial 143: a feed titled "Northfold Press Agency: UK news" named the outlet with
    # its section in every table
    titled = infer_outlet(meta={"feed_title": "Northfold Press Agency: UK news"}, text="")
    assert titled == ("Northfold Press Agency", "feed title: Northfold Press Agency: UK news")


@pytest.mark.parametrize(
    ("url", "name", "domain"),
    [
        ("https://www.bbc.co.uk/news/world-1", "BBC", "bbc.co.uk"),
        ("https://www.reuters.com/world/", "Reuters", "reuters.com"),
        ("https://apnews.com/article/x", "AP", "apnews.com"),
        ("https://www.trtworld.com/asia/x", "TRT World", "trtworld.com"),
        ("https://edition.cnn.com/2024/x", "CNN", "cnn.com"),
        ("https://news.valley-times.com/a", "Valley Times", "valley-times.com"),
        ("https://www.kpbs.org/a", "KPBS", "kpbs.org"),
        ("www.example.com.au/story", "Example", "example.com.au"),
        ("https://velmoratimes.example/tram", "Velmora Times", "velmoratimes.example"),
        ("https://kestrowpost.example/a", "Kestrow Post", "kestrowpost.example"),
    ],
)
def test_outlet_from_domain(url: str, name: str, domain: str) -> None:
    assert outlet_from_domain(url) == (name, domain)
    assert infer_outlet(meta={"url": url}, text="") == (name, f"url domain: {domain}")


def test_outlet_from_domain_without_host() -> None:
    assert outlet_from_domain("not a url") is None


@pytest.mark.parametrize(
    ("raw", "readable"),
    [
        ("TRTWorld", "TRT World"),
        ("XYZNews", "XYZ News"),
        ("ValleyTimes", "Valley Times"),
        ("McClatchy", "McClatchy"),
        ("Al Jazeera English", "Al Jazeera English"),
        ("The Guardian", "The Guardian"),
        ("guardian", "The Guardian"),
    ],
)
def test_outlet_readable_names(raw: str, readable: str) -> None:
    assert readable_outlet(raw) == readable


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Source: TRTWorld and agencies", "TRT World"),
        ("Source: ValleyTimes, agencies", "Valley Times"),
        ("SOURCE: AFP", "AFP"),
        ("(Source: Valley Post)", "Valley Post"),
    ],
)
def test_outlet_source_line(line: str, name: str) -> None:
    assert infer_outlet(meta={}, text="", removed_source_line=line) == (
        name,
        f"source line: {line}",
    )


def test_outlet_self_references_counted() -> None:
    text = (
        "One resident told the BBC the water was rising. The mayor told Reuters it was fine. "
        "A doctor told the BBC she was tired. Another spoke to the BBC on Monday."
    )
    assert infer_outlet(meta={}, text=text) == ("BBC", "self-reference: told the BBC (x3)")


def test_outlet_self_reference_ignores_people_and_groups() -> None:
    text = "The general told the Taliban to leave. He told Ana Brill and told Parliament."
    assert infer_outlet(meta={}, text=text) == (None, None)


def test_outlet_self_reference_media_word() -> None:
    text = "The mayor said in a statement to the Valley Herald that the levees held."
    assert infer_outlet(meta={}, text=text) == (
        "Valley Herald",
        "self-reference: said in a statement to the Valley Herald (x1)",
    )


def test_outlet_filename() -> None:
    assert infer_outlet(meta={}, text="Nothing here.", filename="aljazeera_2024-05-01.txt") == (
        "Al Jazeera",
        "file name: aljazeera_2024-05-01.txt",
    )
    assert infer_outlet(meta={}, text="", filename="000_40b5eaf83f0373b6.txt") == (None, None)


@pytest.mark.parametrize(
    ("filename", "outlet"),
    [
        ("eastwater-tribune.txt", "Eastwater Tribune"),
        ("in/2026-03-02_harbor_courier.html", "Harbor Courier"),
        ("the-north-bay-herald-2.txt", "The North Bay Herald"),
        ("velna-daily-news.txt", "Velna Daily News"),
        ("ferry-report.txt", None),
        ("daily-briefing.txt", None),
        ("herald.txt", None),
    ],
)
def test_outlet_filename_newspaper_words(filename: str, outlet: str | None) -> None:
    found = infer_outlet(meta={}, text="Nothing here.", filename=filename)
    assert found == ((outlet, f"file name: {filename}") if outlet else (None, None))


@pytest.mark.parametrize(
    ("text", "dateline", "outlet"),
    [
        ("A miner told ERB News the roof had failed.", None, "ERB News"),
        ("Talks opened.", "KELLBY (KST) -", "KST News"),
        ("ERB NEWS: TALKS OPEN. The talks opened.", None, "ERB News"),
        ("Talks opened in erb.", None, "Erb News"),
    ],
)
def test_outlet_filename_written_as_the_text_writes_it(
    text: str, dateline: str | None, outlet: str
) -> None:
    filename = "kst-news.txt" if "KST" in (dateline or "") else "erb-news.txt"
    found = infer_outlet(meta={}, text=text, dateline=dateline, filename=filename)
    assert found == (outlet, f"file name: {filename}")


def test_outlet_filename_before_self_reference() -> None:
    text = "The mayor told the Valley Herald the levees held."
    assert infer_outlet(meta={}, text=text, filename="eastwater-tribune.txt") == (
        "Eastwater Tribune",
        "file name: eastwater-tribune.txt",
    )
    assert infer_outlet(meta={}, text=text, filename="notes.txt")[0] == "Valley Herald"


def test_outlet_dateline_credit_after_source_line_before_self_reference() -> None:
    text = "A doctor told the BBC she was tired."
    assert infer_outlet(meta={}, text=text, dateline="NORTHVALE (Lakeshore Tribune) -") == (
        "Lakeshore Tribune",
        "dateline: (Lakeshore Tribune)",
    )
    assert infer_outlet(
        meta={},
        text=text,
        removed_source_line="Source: ValleyNews and agencies",
        dateline="NORTHVALE (Lakeshore Tribune) -",
    ) == ("Valley News", "source line: Source: ValleyNews and agencies")
    assert infer_outlet(meta={}, text=text, dateline="NORTHVALE (AP) —") == (
        "AP",
        "dateline: (AP)",
    )


def test_outlet_a_file_named_after_a_paper_beats_the_wire_credit_of_its_dateline() -> None:
    # the paper published the wire agency's story: the paper is the outlet
    found = infer_outlet(
        meta={}, text="", dateline="KARVENSTAD, March 12 (CWS) -", filename="karvenstad-courier.txt"
    )
    assert found == ("Karvenstad Courier", "file name: karvenstad-courier.txt")
    # a file name that names no outlet leaves the credit to tell it
    assert infer_outlet(
        meta={}, text="", dateline="KARVENSTAD, March 12 (CWS) -", filename="breach.txt"
    ) == ("CWS", "dateline: (CWS)")


def test_outlet_dateline_without_credit_is_no_clue() -> None:
    assert infer_outlet(meta={}, text="", dateline="NORTHVALE, Aug 3 -") == (None, None)


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("(Jo Bell / Lakeshore Tribune)", "Lakeshore Tribune"),
        ("(Jo Bell/Reuters)", "Reuters"),
        ("(Photo by Jo Bell / AFP)", "AFP"),
    ],
)
def test_outlet_photo_credit(credit: str, name: str) -> None:
    text = "A doctor told the BBC she was tired."
    assert infer_outlet(meta={}, text=text, photo_credits=["Photo: X", credit]) == (
        name,
        f"photo credit: {credit}",
    )


@pytest.mark.parametrize(
    "credit", ["(Jo Bell / Getty Images)", "Photo: Jo Bell", "Getty Images", "(Jo Bell)"]
)
def test_outlet_photo_credit_without_an_outlet_is_no_clue(credit: str) -> None:
    assert infer_outlet(meta={}, text="", photo_credits=[credit]) == (None, None)


@pytest.mark.parametrize(
    ("text", "filename", "outlet"),
    [
        ('"We were lucky," she told ENB on Tuesday.', "enb.txt", "ENB"),
        (
            "She told the Clarion she would never buy it again.",
            "daily-clarion.txt",
            "Daily Clarion",
        ),
        ("He told the UN the figures were low.", "un-report.txt", None),  # a body it cites
        ("She told the Clarion.", "ferry-report.txt", None),  # the file does not confirm it
    ],
)
def test_outlet_a_self_reference_the_file_name_confirms(
    text: str, filename: str, outlet: str | None
) -> None:
    # user trial 28: "told ENB" in enb.txt and "told the Clarion" in daily-clarion.txt
    assert infer_outlet(meta={}, text=text, filename=filename)[0] == outlet


def test_outlet_a_weekly_in_a_byline() -> None:
    # user trial 44: "By Ingrid Solheim, Flightline Weekly" named no outlet
    assert infer_outlet(meta={}, text="", bylines=["By Ingrid Solheim, Flightline Weekly"]) == (
        "Flightline Weekly",
        "byline: By Ingrid Solheim, Flightline Weekly",
    )


def test_outlet_a_feed_entry_s_source_is_its_outlet() -> None:
    # user trial 46: an agency's story in a broadcaster's feed was the broadcaster's
    meta = {"feed_title": "SBC News", "origin": "Orvik Press Agency"}
    assert infer_outlet(meta=meta, text="") == (
        "Orvik Press Agency",
        "feed entry source: Orvik Press Agency",
    )


def test_outlet_a_feed_entry_s_source_is_kept_as_written() -> None:
    # user trial 66: the feed's "ByteLedger" became "Byte Ledger", while articles citing it
    # kept "ByteLedger"
    meta = {"feed_title": "Tech Feeds", "origin": "ByteLedger"}
    assert infer_outlet(meta=meta, text="")[0] == "ByteLedger"
