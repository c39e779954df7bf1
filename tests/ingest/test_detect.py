"""Format sniffing from the first bytes."""

from __future__ import annotations

import gzip

import pytest

from storylens.ingest.detect import Format, gunzip_head, sniff


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"", Format.EMPTY),
        (b"A fire broke out at the harbour on Tuesday.", Format.TEXT),
        (b"\xef\xbb\xbfA fire broke out.", Format.TEXT),
        (b"<!DOCTYPE html><html><body><p>Fire</p></body></html>", Format.HTML),
        (b"  <p>Fire at the harbour.</p>", Format.HTML),
        (b"Saved page\n<html><body>Fire</body></html>", Format.HTML),
        (b"<?xml version='1.0'?>\n<!-- a comment <html> -->\n<rss version='2.0'>", Format.FEED),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", Format.FEED),
        (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", Format.FEED),
        (b"<?xml version='1.0'?><!DOCTYPE html><html xmlns='x'>", Format.HTML),
        (b"<?xml version='1.0'?><urlset>", Format.XML),
        (b'{"id": "a1", "text": "Fire."}\n{"id": "a2"}', Format.JSONL),
        (b'{\n  "id": "a1"\n}', Format.JSON),
        (b'[{"id": "a1"}]', Format.JSON),
        (b"[Updated] Fire at the harbour", Format.TEXT),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", Format.WARC),
        (b"\x1f\x8b\x08\x00", Format.GZIP),
        (b"\x89PNG\r\n\x1a\n\x00\x00", Format.BINARY),
        (b"PK\x03\x04\x14\x00", Format.BINARY),
        (b"some\x00bytes", Format.BINARY),
        ("Fire at the harbour".encode("utf-16"), Format.TEXT),
    ],
)
def test_detect_sniffs_format_from_content(head: bytes, expected: Format) -> None:
    assert sniff(head).format is expected


def test_detect_names_binary_kind_and_xml_root() -> None:
    assert sniff(b"\x89PNG\r\n\x1a\n").detail == "a PNG image"
    assert sniff(b"%PDF-1.7\n").detail == "a PDF document"
    assert sniff(b"<?xml version='1.0'?><urlset>").detail == "urlset"


def test_detect_gunzip_head_reads_inside_gzip() -> None:
    assert gunzip_head(gzip.compress(b"WARC/1.0\r\n" * 3)).startswith(b"WARC/1.0")
    assert gunzip_head(b"\x1f\x8b\x08garbage") == b""
