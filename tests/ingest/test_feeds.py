"""RSS and Atom feeds: one document per entry."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from storylens.ingest import IngestOptions, read_sources
from storylens.model import Failure, RawDocument, Skip

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Northport Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Silo fire under control</title>
    <link>https://courier.example/silo</link>
    <guid isPermaLink="false">courier-1001</guid>
    <pubDate>Tue, 05 Mar 2024 21:15:00 +0100</pubDate>
    <dc:creator>Ada Quill</dc:creator>
    <source url="https://wire.example/rss">Harbour Wire</source>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Firefighters put out a blaze at the silo.</p>]]></content:encoded>
  </item>
  <item>
    <title>Ferry delayed</title>
    <link>https://courier.example/ferry</link>
    <description>The morning ferry left two hours late.</description>
  </item>
  <item><title>Photo only</title></item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Wire</title>
  <id>urn:wire</id>
  <updated>2024-03-06T08:00:00Z</updated>
  <entry>
    <title>Council meets on silo safety</title>
    <id>urn:wire:77</id>
    <link href="https://wire.example/council"/>
    <updated>2024-03-06T08:00:00Z</updated>
    <author><name>Ben Ostrow</name></author>
    <content type="text">The council will review silo safety rules on Friday.</content>
  </entry>
</feed>
"""


def test_feeds_reads_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "courier.xml"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = read_sources([path])
    assert first == RawDocument(
        source=f"{path}#entry-1",
        html="<p>Firefighters put out a blaze at the silo.</p>",
        meta={
            "title": "Silo fire under control",
            "url": "https://courier.example/silo",
            "published": "2024-03-05T20:15:00Z",
            "author": "Ada Quill",
            "feed_title": "Northport Courier",
            "guid": "courier-1001",
            "origin": "Harbour Wire",
        },
    )
    assert isinstance(second, RawDocument)
    assert second.source == f"{path}#entry-2"
    assert second.html == "The morning ferry left two hours late."
    assert "id" not in second.meta
    assert third == Skip(f"{path}#entry-3", "no article body")


def test_feeds_reads_atom_plain_text_content(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    [entry] = read_sources([path])
    assert entry == RawDocument(
        source=f"{path}#entry-1",
        text="The council will review silo safety rules on Friday.",
        meta={
            "title": "Council meets on silo safety",
            "url": "https://wire.example/council",
            "published": "2024-03-06T08:00:00Z",
            "author": "Ben Ostrow",
            "feed_title": "Harbour Wire",
            "guid": "urn:wire:77",
        },
    )


def test_feeds_malformed_xml_without_entries_fails(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text('<rss version="2.0"><channel><title>Courier</ti', encoding="utf-8")
    [failure] = read_sources([path])
    assert isinstance(failure, Failure)
    assert failure.source == str(path)
    assert failure.message.startswith("malformed feed XML (")
    assert failure.message.endswith("): fix the XML or download the feed again")


def test_feeds_malformed_xml_with_entries_is_read(tmp_path: Path) -> None:
    path = tmp_path / "sloppy.rss"
    broken = RSS.replace("</channel>\n</rss>", "<item><title>Cut")
    path.write_text(broken, encoding="utf-8")
    docs = [o for o in read_sources([path]) if isinstance(o, RawDocument)]
    assert [d.meta["title"] for d in docs] == ["Silo fire under control", "Ferry delayed"]


@pytest.mark.parametrize(
    ("cut_at", "titles"),
    [
        ("<title>Ferry delayed</title>", ["Silo fire under control"]),  # inside an entry
        ("  <item><title>Photo only", ["Silo fire under control", "Ferry delayed"]),
        ("</channel>", ["Silo fire under control", "Ferry delayed"]),  # after the entries
    ],
)
def test_feeds_a_cut_off_feed_reads_its_complete_entries_and_fails(
    tmp_path: Path, cut_at: str, titles: list[str]
) -> None:
    path = tmp_path / "cut.rss"
    path.write_text(RSS[: RSS.index(cut_at) + len(cut_at)], encoding="utf-8")
    outcomes = list(read_sources([path]))
    docs = [o for o in outcomes if isinstance(o, RawDocument)]
    failures = [o for o in outcomes if isinstance(o, Failure)]
    assert [d.meta["title"] for d in docs] == titles
    complete = len(titles) + (cut_at == "</channel>")  # the photo entry is complete there
    assert failures == [
        Failure(
            str(path),
            f"the feed is cut off (it ends before its closing </rss> or </feed> tag): the "
            f"{complete} complete entries before the cut were read; download the feed again",
        )
    ]


UNCLOSED_ITEM = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
  <title>Lakeshore Tribune</title>
  <item>
    <title>Harbour district floods</title>
    <link>https://tribune.example/floods</link>
</channel>
</rss>
"""


def test_feeds_malformed_xml_with_only_empty_entries_fails_once(tmp_path: Path) -> None:
    path = tmp_path / "unclosed.rss"
    path.write_text(UNCLOSED_ITEM, encoding="utf-8")
    [failure] = read_sources([path])
    assert isinstance(failure, Failure)
    assert failure.source == str(path)
    assert failure.message.startswith("malformed feed XML (")
    assert "mismatched tag" in failure.message
    assert failure.message.endswith("): fix the XML or download the feed again")


def test_feeds_malformed_xml_with_real_content_adds_no_failure(tmp_path: Path) -> None:
    path = tmp_path / "unclosed.rss"
    body = "<description>The harbour wall gave way at dawn.</description>\n</channel>"
    path.write_text(UNCLOSED_ITEM.replace("</channel>", body), encoding="utf-8")
    [doc] = read_sources([path])
    assert isinstance(doc, RawDocument)
    assert doc.html == "The harbour wall gave way at dawn."


def test_feeds_well_formed_feed_with_empty_entries_skips_them(tmp_path: Path) -> None:
    path = tmp_path / "photos.rss"
    path.write_text(UNCLOSED_ITEM.replace("</channel>", "</item></channel>"), encoding="utf-8")
    assert list(read_sources([path])) == [Skip(f"{path}#entry-1", "no article body")]


def test_feeds_empty_feed_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<rss version="2.0"><channel><title>C</title></channel></rss>', "utf-8")
    assert list(read_sources([path])) == [Skip(str(path), "empty feed (no entries)")]


def test_feeds_oversize_entry_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "courier.rss"
    path.write_text(RSS, encoding="utf-8")
    outcomes = list(read_sources([path], options=IngestOptions(max_bytes=40)))
    assert outcomes[0] == Failure(
        f"{path}#entry-1",
        "article is 48 bytes, over the limit of 40 bytes for one article: "
        "raise the limit with --max-bytes (IngestOptions.max_bytes)",
    )
    assert isinstance(outcomes[1], RawDocument)


def test_feeds_a_feed_name_holding_plain_text_fails(tmp_path: Path) -> None:
    """A file named as a container (feed, WARC, JSON Lines) is not silently one article."""
    rss = tmp_path / "courier.rss"
    rss.write_text("this is not xml <rss> at all\n", encoding="utf-8")
    lines = tmp_path / "batch.jsonl.gz"
    lines.write_bytes(gzip.compress(b"plain words, not JSON\n"))
    plain = tmp_path / "notes.txt"
    plain.write_text("The ferry to Ostrel left on time on Monday.\n", encoding="utf-8")
    outcomes = list(read_sources([rss, lines, plain]))
    assert [type(o) for o in outcomes] == [Failure, Failure, RawDocument]
    failures = [o for o in outcomes if isinstance(o, Failure)]
    assert [f.message for f in failures] == [
        "named as an RSS feed but it holds plain text: check that the file was fully"
        " downloaded, or give it a .txt name to store it as one article",
        "named as JSON Lines but it holds plain text: check that the file was fully"
        " downloaded, or give it a .txt name to store it as one article",
    ]


def test_read_sources_takes_one_path_given_alone(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("The ferry to Ostrel left on time on Monday.\n", encoding="utf-8")
    for given in (plain, str(plain)):
        [document] = read_sources(given)  # not the characters of the path
        assert isinstance(document, RawDocument)
        assert document.source == str(plain)


def _rss_item(author: str, extra: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Lakeshore Tribune</title>"
        "<pubDate>Thu, 07 Mar 2024 06:00:00 GMT</pubDate>"
        "<lastBuildDate>Thu, 07 Mar 2024 07:00:00 GMT</lastBuildDate>"
        f"<item><title>Harbour wall repaired</title>{extra}<author>{author}</author>"
        "<description>The harbour wall was repaired on Wednesday.</description></item>"
        "</channel></rss>"
    )


def test_feeds_rss_author_keeps_the_name_and_moves_the_address(tmp_path: Path) -> None:
    path = tmp_path / "tribune.rss"
    path.write_text(_rss_item("desk@tribune.example (Ines Varga)"), encoding="utf-8")
    [doc] = read_sources([path])
    assert isinstance(doc, RawDocument)
    assert doc.meta["author"] == "Ines Varga"
    assert doc.meta["author_email"] == "desk@tribune.example"


def test_feeds_rss_author_that_is_only_an_address_gives_no_author(tmp_path: Path) -> None:
    path = tmp_path / "tribune.rss"
    path.write_text(_rss_item("desk@tribune.example"), encoding="utf-8")
    [doc] = read_sources([path])
    assert isinstance(doc, RawDocument)
    assert "author" not in doc.meta
    assert doc.meta["author_email"] == "desk@tribune.example"


def test_feeds_atom_author_with_email_keeps_the_name(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    author = "<author><name>Ben Ostrow</name><email>ben@wire.example</email></author>"
    path.write_text(ATOM.replace("<author><name>Ben Ostrow</name></author>", author), "utf-8")
    [doc] = read_sources([path])
    assert isinstance(doc, RawDocument)
    assert (doc.meta["author"], doc.meta["author_email"]) == ("Ben Ostrow", "ben@wire.example")


def test_feeds_entry_date_wins_and_the_channel_date_never_fills_in(tmp_path: Path) -> None:
    dated = tmp_path / "dated.rss"
    pub_date = "<pubDate>Wed, 06 Mar 2024 18:30:00 GMT</pubDate>"
    dated.write_text(_rss_item("Ines Varga", pub_date), encoding="utf-8")
    undated = tmp_path / "undated.rss"
    undated.write_text(_rss_item("Ines Varga"), encoding="utf-8")
    first, second = read_sources([dated, undated])
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.meta["published"] == "2024-03-06T18:30:00Z"
    assert "published" not in second.meta


def test_feeds_an_author_that_is_the_feed_itself_is_no_author(tmp_path: Path) -> None:
    # user trial 27: an Atom <author> naming the outlet was stored as the writer
    path = tmp_path / "wire.atom"
    path.write_text(ATOM.replace("<name>Ben Ostrow</name>", "<name>Harbour Wire</name>"), "utf-8")
    docs = [o for o in read_sources([path]) if isinstance(o, RawDocument)]
    assert docs and all("author" not in d.meta for d in docs)
    path.write_text(ATOM, "utf-8")
    docs = [o for o in read_sources([path]) if isinstance(o, RawDocument)]
    assert any(d.meta.get("author") == "Ben Ostrow" for d in docs)
