"""HTML pages: the markup is kept, metadata read with trafilatura."""

from __future__ import annotations

from pathlib import Path

from storylens.ingest import read_sources
from storylens.ingest.html import html_metadata
from storylens.ingest.messages import HTML_CUT_OFF
from storylens.model import Failure, RawDocument

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="windows-1252">
<title>Silo fire under control | Northport Courier</title>
<meta property="og:site_name" content="Northport Courier">
<meta name="author" content="Ada Quill">
<meta property="article:published_time" content="2024-03-05T21:15:00+01:00">
<link rel="canonical" href="https://courier.example/news/silo-fire">
</head><body><article><h1>Silo fire under control</h1>
<p>Firefighters put out a blaze at the Northport grain silo, the café owner next door said.</p>
</article></body></html>
"""


def test_html_keeps_markup_and_reads_metadata(tmp_path: Path) -> None:
    path = tmp_path / "silo.html"
    path.write_bytes(PAGE.encode("cp1252"))
    [doc] = read_sources([path])
    assert isinstance(doc, RawDocument)
    assert doc.html == PAGE
    assert doc.meta == {
        "title": "Silo fire under control",
        "published": "2024-03-05T20:15:00Z",  # the meta tag's time, in UTC
        "sitename": "Northport Courier",
        "url": "https://courier.example/news/silo-fire",
        "author": "Ada Quill",
        "filename": "silo.html",
    }


def test_html_page_without_metadata_has_only_filename(tmp_path: Path) -> None:
    path = tmp_path / "bare.htm"
    path.write_text("<html><body><div>menu</div></body></html>", encoding="utf-8")
    [doc] = read_sources([path])
    assert doc == RawDocument(
        source=str(path),
        html="<html><body><div>menu</div></body></html>",
        meta={"filename": "bare.htm"},
    )


def test_html_metadata_ignores_missing_fields() -> None:
    assert html_metadata("<html><head><title>Only a title</title></head></html>") == {
        "title": "Only a title"
    }


def test_html_published_keeps_only_a_day_when_no_tag_gives_the_time() -> None:
    page = PAGE.replace("2024-03-05T21:15:00+01:00", "2024-03-05")
    assert html_metadata(page)["published"] == "2024-03-05"


def test_html_a_page_updated_later_keeps_its_last_update() -> None:
    # user trial 150: a live page was dated by its first post only
    stamp = '<meta property="article:modified_time" content="2024-03-06T10:15:00Z">\n'
    page = PAGE.replace("<link rel", stamp + "<link rel")
    assert html_metadata(page)["modified"] == "2024-03-06T10:15:00Z"
    assert "modified" not in html_metadata(PAGE)
    same = PAGE.replace("<link rel", stamp.replace("2024-03-06T10:15:00Z", "2024-03-05") + "<link")
    assert "modified" not in html_metadata(same)  # not after the publication


def test_html_cut_off_page_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text(PAGE[: PAGE.index("blaze") + 3], encoding="utf-8")
    [failure] = read_sources([path])
    assert failure == Failure(str(path), HTML_CUT_OFF)
    whole = tmp_path / "whole.html"  # </body> and </html> may be left out of a whole page
    whole.write_text(PAGE.replace("</body></html>", ""), encoding="utf-8")
    [doc] = read_sources([whole])
    assert isinstance(doc, RawDocument)
