"""Decoding bytes: BOMs, declared charsets, UTF-8, legacy encodings."""

from __future__ import annotations

import codecs
import os

import pytest

from storylens.ingest.decode import decode_bytes, html_declared_charset, looks_binary

SNIPPET = "The café owner said “we are closed” on Tuesday — for good."


@pytest.mark.parametrize(
    "data",
    [
        SNIPPET.encode("utf-8"),
        codecs.BOM_UTF8 + SNIPPET.encode("utf-8"),
        SNIPPET.encode("utf-16"),
        SNIPPET.encode("cp1252"),
    ],
)
def test_decode_reads_utf8_boms_and_cp1252(data: bytes) -> None:
    assert decode_bytes(data) == SNIPPET


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("El niño dijo “sí” al alcalde de Málaga el martes.", "cp1252"),
        ("Der Bürgermeister sagte: „Wir schließen“ – am Dienstag.", "cp1252"),
        ("Мэр города заявил во вторник, что пожар на складе потушен.", "cp1251"),
    ],
)
def test_decode_detects_short_legacy_texts(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_decode_trusts_a_declared_charset_that_fits() -> None:
    data = "Ελληνικά νέα".encode("iso-8859-7")
    assert decode_bytes(data, "iso-8859-7") == "Ελληνικά νέα"


def test_decode_prefers_valid_utf8_over_a_wrong_declaration() -> None:
    assert decode_bytes(SNIPPET.encode("utf-8"), "iso-8859-1") == SNIPPET


def test_decode_refuses_random_bytes() -> None:
    assert decode_bytes(bytes(range(256)) * 8) is None
    assert decode_bytes(os.urandom(4096)) is None


def test_decode_finds_html_meta_charset() -> None:
    page = b'<html><head><meta charset="windows-1252"><title>x</title>'
    assert html_declared_charset(page) == "windows-1252"
    page = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    assert html_declared_charset(page) == "iso-8859-1"
    assert html_declared_charset(b"<html><body>no charset</body></html>") is None


def test_decode_looks_binary_on_control_characters() -> None:
    assert looks_binary("abc\x00def")
    assert looks_binary("\x01\x02\x03" + "a" * 50)
    assert not looks_binary("A line.\n\tAnother line.\r\n")
