"""Reading paths, directories and stdin; the failures every kind of bad file gets."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from storylens.ingest import IngestOptions, read_sources
from storylens.model import Failure, RawDocument, Skip

STORY = "Firefighters put out a blaze at the Northport grain silo on Tuesday night.\n"
PAGE = (
    "<!DOCTYPE html><html><head><title>Silo fire - Northport Courier</title></head>"
    "<body><article><h1>Silo fire</h1><p>" + STORY + "</p></article></body></html>"
)
ACCEPTED = (
    "give plain text, HTML, RSS/Atom feeds, JSON Lines or WARC files (gzip-compressed or not)"
)


def test_files_reads_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "silo.txt"
    path.write_text(STORY, encoding="utf-8")
    [doc] = read_sources([path])
    assert doc == RawDocument(source=str(path), text=STORY, meta={"filename": "silo.txt"})


def test_files_reads_a_text_header_as_metadata(tmp_path: Path) -> None:
    path = tmp_path / "silo.txt"
    header = "Outlet: Northport Courier\nDate: 2026-03-09 14:05\nHeadline: Silo fire\n\n"
    path.write_text(header + STORY, encoding="utf-8")
    [doc] = read_sources([path])
    assert doc == RawDocument(
        source=str(path),
        text=STORY,
        meta={
            "filename": "silo.txt",
            "outlet": "Northport Courier",
            "published": "2026-03-09 14:05",
            "title": "Silo fire",
        },
    )


@pytest.mark.parametrize(
    "opening",
    [
        "Warning: graphic details\n\n",  # not a metadata field
        "Published: 9 March 2026\n\n",  # a date line alone stays: clean reads it
        "Outlet: Northport Courier\nTuesday night was calm.\n\n",  # a body line in it
        "Outlet: Northport Courier\nSource: Wire\n\n",  # one field twice
    ],
)
def test_files_text_without_a_header_block_stays_whole(tmp_path: Path, opening: str) -> None:
    path = tmp_path / "silo.txt"
    path.write_text(opening + STORY, encoding="utf-8")
    [doc] = read_sources([path])
    assert isinstance(doc, RawDocument)
    assert doc.text == opening + STORY
    assert doc.meta == {"filename": "silo.txt"}


def test_files_keeps_source_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "silo.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [doc] = read_sources(["./silo.txt"])
    assert doc.source == "./silo.txt"


def test_files_decodes_cp1252_text(tmp_path: Path) -> None:
    text = "The café owner said “we are closed” on Tuesday."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    [doc] = read_sources([path])
    assert isinstance(doc, RawDocument)
    assert doc.text == text


def test_files_detects_html_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_sources([path])
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"
    assert doc.html == PAGE
    assert doc.meta["filename"] == "page.txt"


def test_files_missing_path_fails(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert list(read_sources([missing])) == [
        Failure(str(missing), "no such file or directory: check the path")
    ]


def test_files_empty_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert list(read_sources([path])) == [
        Failure(str(path), "empty file: nothing to ingest, check that the file was fully written")
    ]


def test_files_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n ")
    assert list(read_sources([path])) == [
        Failure(str(path), "empty file: nothing to ingest, check that the file was fully written")
    ]


def test_files_png_fails_with_what_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert list(read_sources([path])) == [
        Failure(
            str(path),
            "not a text, HTML, feed, JSON Lines or WARC file (it looks like a PNG image): "
            + ACCEPTED,
        )
    ]


def test_files_zip_and_nul_bytes_fail(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    archive.write_bytes(b"PK\x03\x04" + bytes(100))
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"abc\x00\x01\x02" * 50)
    messages = [o.message for o in read_sources([archive, blob]) if isinstance(o, Failure)]
    assert messages == [
        "not a text, HTML, feed, JSON Lines or WARC file "
        "(it looks like a zip archive (or an Office/EPUB file)): " + ACCEPTED,
        "not a text, HTML, feed, JSON Lines or WARC file (it looks like binary data): " + ACCEPTED,
    ]


def test_files_undecodable_bytes_fail(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 256)) * 20)
    assert list(read_sources([path])) == [
        Failure(str(path), "not a text file (no text encoding fits its bytes): " + ACCEPTED)
    ]


def test_files_oversize_article_fails_with_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(STORY * 100, encoding="utf-8")
    size = path.stat().st_size
    outcomes = list(read_sources([path], options=IngestOptions(max_bytes=1000)))
    assert outcomes == [
        Failure(
            str(path),
            f"article is {size:,} bytes, over the limit of 1,000 bytes for one article: "
            "raise the limit with --max-bytes (IngestOptions.max_bytes)",
        )
    ]


def test_files_oversize_gzip_article_counts_its_full_size() -> None:
    data = gzip.compress(STORY.encode() * 100)
    [failure] = read_sources(["-"], stdin=io.BytesIO(data), options=IngestOptions(max_bytes=500))
    assert isinstance(failure, Failure)
    assert failure.message.startswith(f"article is {len(STORY) * 100:,} bytes, over the limit")


def test_files_walks_directories_sorted_without_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/c/d.txt", ".hidden.txt", ".git/x.txt", "a/.tmp.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Story from {name}.", encoding="utf-8")
    sources = [outcome.source for outcome in read_sources([tmp_path])]
    assert sources == [str(tmp_path / n) for n in ("a/c/d.txt", "a/z.txt", "b.txt")]


def test_files_empty_directory_fails(tmp_path: Path) -> None:
    (tmp_path / ".only-hidden").write_text("x", encoding="utf-8")
    assert list(read_sources([tmp_path])) == [
        Failure(
            str(tmp_path),
            "no files in this directory (hidden files are skipped): check the path",
        )
    ]


def test_files_reads_stdin_bytes() -> None:
    [doc] = read_sources(["-"], stdin=io.BytesIO(STORY.encode("utf-8")))
    assert doc == RawDocument(source="-", text=STORY, meta={})


def test_files_reads_stdin_pipe_without_seek() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return False

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override] # test double
            chunk = self._data.read(min(len(buffer), 7))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    lines = b"".join(b'{"id": "%d", "text": "Story %d."}\n' % (i, i) for i in range(50))
    outcomes = list(read_sources(["-"], stdin=Pipe(lines)))  # type: ignore[arg-type] # a raw pipe
    assert [o.meta["id"] for o in outcomes if isinstance(o, RawDocument)] == [
        str(i) for i in range(50)
    ]


def test_files_reads_gzipped_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    [doc] = read_sources([path])
    assert isinstance(doc, RawDocument)
    assert doc.html == PAGE


def test_files_truncated_gzip_fails(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY.encode("utf-8") * 5)[:-12])
    assert list(read_sources([path])) == [
        Failure(
            str(path),
            "truncated or corrupt gzip data (compressed data ends before its end-of-stream "
            "marker): download or compress the file again",
        )
    ]


def test_files_corrupt_gzip_fails(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    data = bytearray(gzip.compress(STORY.encode("utf-8") * 5))
    data[20:30] = b"\xff" * 10
    path.write_bytes(data)
    [failure] = read_sources([path])
    assert isinstance(failure, Failure)
    assert failure.message.startswith("truncated or corrupt gzip data (Error -3 while ")


def test_files_truncated_gzip_jsonl_keeps_lines_before(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl.gz"
    lines = b"".join(b'{"text": "Story %d."}\n' % i for i in range(2000))
    path.write_bytes(gzip.compress(lines)[:-300])
    outcomes = list(read_sources([path]))
    assert all(isinstance(o, RawDocument) for o in outcomes[:-2])
    assert len(outcomes) > 1000
    cut_line = outcomes[-2]
    assert isinstance(cut_line, Failure)
    assert cut_line.source == f"{path}#line-{len(outcomes) - 1}"
    assert cut_line.message.startswith("invalid JSON (")
    assert outcomes[-1] == Failure(
        str(path),
        "truncated or corrupt gzip data (compressed data ends before its end-of-stream "
        "marker): download or compress the file again",
    )


def test_files_outlet_option_forces_outlet(tmp_path: Path) -> None:
    path = tmp_path / "story.jsonl"
    path.write_text('{"outlet": "Wire", "text": "A story."}\n', encoding="utf-8")
    [doc] = read_sources([path], options=IngestOptions(outlet="Northport Courier"))
    assert isinstance(doc, RawDocument)
    assert doc.meta["outlet"] == "Northport Courier"


def test_files_json_document_fails(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    path.write_text('[\n  {"text": "A story."}\n]\n', encoding="utf-8")
    assert list(read_sources([path])) == [
        Failure(
            str(path),
            "a JSON document, not JSON Lines: put one article object per line (e.g. jq -c '.[]')",
        )
    ]


def test_files_foreign_xml_fails(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text("<?xml version='1.0'?><urlset><url/></urlset>", encoding="utf-8")
    assert list(read_sources([path])) == [
        Failure(str(path), "XML but not an RSS or Atom feed (root element <urlset>): " + ACCEPTED)
    ]


def test_files_reads_sources_in_order(tmp_path: Path) -> None:
    first, second = tmp_path / "1.txt", tmp_path / "2.txt"
    first.write_text("First story.", encoding="utf-8")
    second.write_text("Second story.", encoding="utf-8")
    sources = [o.source for o in read_sources([second, tmp_path / "missing", first])]
    assert sources == [str(second), str(tmp_path / "missing"), str(first)]


def test_files_unreadable_file_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert list(read_sources([path])) == [
        Failure(
            str(path),
            "cannot read the file (Permission denied): check that it exists and you may read it",
        )
    ]


def test_files_walk_skips_files_named_as_something_else(tmp_path: Path) -> None:
    names = [
        "README.md",
        "build_corpus.py",
        "notes.md.gz",
        "photo.JPG",
        "report.pdf",
        "bundle.tar.gz",
        "run.sh",
        "story",
        "story.txt",
        "story.txt.gz",
        "saved.php",
    ]
    for name in names:
        data = f"The ferry to Ostrel left on time, said {name}.\n".encode()
        (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    outcomes = list(read_sources([tmp_path]))
    skipped = [o.source for o in outcomes if isinstance(o, Skip)]
    read = [o.source for o in outcomes if isinstance(o, RawDocument)]
    reason = "not an article (by its file extension)"
    assert {o.reason for o in outcomes if isinstance(o, Skip)} == {reason}
    assert skipped == [
        str(tmp_path / n)
        for n in (
            "README.md",
            "build_corpus.py",
            "bundle.tar.gz",
            "notes.md.gz",
            "photo.JPG",
            "report.pdf",
            "run.sh",
        )
    ]
    assert read == [str(tmp_path / n) for n in ("saved.php", "story", "story.txt", "story.txt.gz")]


def test_files_named_file_is_read_whatever_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(STORY, encoding="utf-8")
    [doc] = read_sources([path])
    assert doc == RawDocument(source=str(path), text=STORY, meta={"filename": "draft.md"})


def test_files_directory_of_only_skipped_files_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "make.py").write_text("print('hello')\n", encoding="utf-8")
    assert list(read_sources([tmp_path])) == [
        Skip(str(tmp_path / "make.py"), "not an article (by its file extension)")
    ]
