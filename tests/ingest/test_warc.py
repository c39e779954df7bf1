"""WARC archives: HTML responses become documents; damage is reported after what was read."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storylens.ingest import IngestOptions, read_sources
from storylens.model import Article, Failure, RawDocument, Skip
from storylens.pipeline import iter_articles

PAGE = (
    "<html><head><title>Ferry delayed</title></head><body><article>"
    "<p>The morning ferry left two hours late, the café owner said.</p>"
    "</article></body></html>"
)
DATE = "2024-03-05T21:15:00Z"


def _chunked(body: bytes) -> bytes:
    half = len(body) // 2
    parts = (body[:half], body[half:])
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"


def _response(
    writer: WARCWriter, url: str, body: bytes, headers: list[tuple[str, str]], status: str
) -> None:
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),  # with a length warcio needs no temporary file (left unclosed)
        http_headers=http,
        warc_headers_dict={"WARC-Date": DATE},
    )
    writer.write_record(record)


def _warc(compress: bool = False) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    html = [("Content-Type", "text/html; charset=utf-8")]
    _response(writer, "https://courier.example/ferry", PAGE.encode("utf-8"), html, "200 OK")
    png = [("Content-Type", "image/png")]
    _response(writer, "https://courier.example/a.png", b"\x89PNG\r\n\x1a\n", png, "200 OK")
    _response(writer, "https://courier.example/gone", b"<html>gone</html>", html, "404 Not Found")
    encoded = [
        ("Content-Type", "text/html; charset=windows-1252"),
        ("Content-Encoding", "gzip"),
        ("Transfer-Encoding", "chunked"),
    ]
    body = _chunked(gzip.compress(PAGE.encode("cp1252")))
    _response(writer, "https://courier.example/ferry-2", body, encoded, "200 OK")
    return buffer.getvalue()


def _check_archive(path: Path) -> None:
    outcomes = list(read_sources([path]))
    assert outcomes == [
        RawDocument(
            source=f"{path}#record-2",
            html=PAGE,
            meta={
                "title": "Ferry delayed",
                "url": "https://courier.example/ferry",
                "crawled": "2024-03-05T21:15:00Z",
            },
        ),
        Skip(f"{path}#record-3", "not an article (non-HTML WARC record)"),
        Skip(f"{path}#record-4", "not an article (HTTP error or redirect)"),
        RawDocument(
            source=f"{path}#record-5",
            html=PAGE,
            meta={
                "title": "Ferry delayed",
                "url": "https://courier.example/ferry-2",
                "crawled": "2024-03-05T21:15:00Z",
            },
        ),
    ]


def test_warc_reads_html_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc())
    _check_archive(path)


def test_warc_reads_record_gzipped_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc(compress=True))
    _check_archive(path)


def test_warc_reads_whole_file_gzipped_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(_warc()))
    _check_archive(path)


def test_warc_truncated_gzip_yields_records_then_fails(tmp_path: Path) -> None:
    data = _warc(compress=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 40])
    outcomes = list(read_sources([path]))
    assert [type(o) for o in outcomes] == [RawDocument, Skip, Skip, Failure]
    failure = outcomes[-1]
    assert isinstance(failure, Failure)
    assert failure.source == str(path)
    # How many bytes are lost varies: record ids are random, so compressed sizes differ.
    assert re.fullmatch(
        r"truncated or corrupt WARC archive after 4 records \(record ends \d+ bytes early\): "
        r"download the archive again or repair it",
        failure.message,
    )


def test_warc_truncated_archive_yields_records_then_fails(tmp_path: Path) -> None:
    data = _warc()
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 30])
    outcomes = list(read_sources([path]))
    assert [type(o) for o in outcomes] == [RawDocument, Skip, Skip, Failure]
    assert outcomes[-1] == Failure(
        str(path),
        "truncated or corrupt WARC archive after 4 records (record ends 26 bytes early): "
        "download the archive again or repair it",
    )


def test_warc_garbage_after_records_fails(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(_warc() + b"not a record\r\n")
    outcomes = list(read_sources([path]))
    assert isinstance(outcomes[-1], Failure)
    assert outcomes[-1].message.startswith("truncated or corrupt WARC archive after 5 records (")
    assert sum(isinstance(o, RawDocument) for o in outcomes) == 2


def test_warc_oversize_record_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc())
    outcomes = list(read_sources([path], options=IngestOptions(max_bytes=50)))
    size = len(PAGE.encode("utf-8"))
    assert outcomes[0] == Failure(
        f"{path}#record-2",
        f"article is {size:,} bytes, over the limit of 50 bytes for one article: "
        "raise the limit with --max-bytes (IngestOptions.max_bytes)",
    )
    assert len(outcomes) == 4


DATE_TAG = '<meta property="article:published_time" content="2024-02-27T09:30:00+01:00">'
DATED_PAGE = (
    f"<html><head><title>Quay wall repaired</title>{DATE_TAG}</head><body><article>"
    "<p>Engineers finished repairing the north quay wall of the Brightwater harbour on Tuesday,"
    " two weeks ahead of the date the harbour board had promised the fishing fleet.</p>"
    "<p>The wall was damaged in the January storms, when waves tore out a section of the"
    " old stonework and the boats had to moor at the ferry pier instead.</p>"
    "</article></body></html>"
)


def _one_page_warc(path: Path, page: str) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    html = [("Content-Type", "text/html; charset=utf-8")]
    _response(writer, "https://courier.example/quay", page.encode("utf-8"), html, "200 OK")
    path.write_bytes(buffer.getvalue())


def test_warc_page_date_wins_over_the_crawl_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _one_page_warc(path, DATED_PAGE)
    [article] = iter_articles([path])
    assert isinstance(article, Article)
    assert article.published == "2024-02-27T08:30:00Z"  # the page's own, not the WARC-Date
    assert article.meta["crawled"] == DATE


def test_warc_crawl_date_fills_published_only_for_an_undated_page(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _one_page_warc(path, DATED_PAGE.replace(DATE_TAG, ""))
    [article] = iter_articles([path])
    assert article.published == DATE
    assert article.meta["crawled"] == DATE


def test_warc_date_line_in_the_text_wins_over_the_crawl_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    undated = DATED_PAGE.replace(DATE_TAG, "")
    _one_page_warc(path, undated.replace("<article>", "<article><p>26 February 2024</p>"))
    [article] = iter_articles([path])
    assert article.published == "2024-02-26"
    assert article.meta["crawled"] == DATE


def test_warc_record_with_headers_cut_short_says_so(tmp_path: Path) -> None:
    # user trial 165: a record cut inside its headers gave warcio's own words,
    # "('NoneType' object has no attribute 'startswith')"
    cut = (
        b"WARC/1.0\r\nWARC-Type: response\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: 19\r\n\r\n"
        b"HTTP/1.1 200 OK\r\n\r\n"
    )
    path = tmp_path / "cut.warc"
    path.write_bytes(_warc() + cut)
    outcomes = list(read_sources([path]))
    assert outcomes[-1] == Failure(
        str(path),
        "truncated or corrupt WARC archive after 5 records (a record's headers are cut short "
        "or malformed): download the archive again or repair it",
    )
    assert sum(isinstance(o, RawDocument) for o in outcomes) == 2
