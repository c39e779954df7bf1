"""JSON Lines: one article per line, broken lines fail alone, streamed fast."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

from storylens.ingest import IngestOptions, read_sources
from storylens.model import Failure, RawDocument, Skip

LINES = [
    {
        "id": "nc-1",
        "url": "https://courier.example/silo",
        "outlet": "Northport Courier",
        "title": "Silo fire",
        "published": "2024-03-05",
        "author": "Ada Quill",
        "text": "Firefighters put out a blaze at the grain silo.",
        "topic": 7,
        "tags": ["fire", "harbour"],
    },
    {"id": 42, "html": "<p>The silo burned for three hours.</p>", "url": None},
]


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_fields_and_keeps_unknown_ones(tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps(line) for line in LINES])
    first, second = read_sources([path])
    assert first == RawDocument(
        source=f"{path}#line-1",
        text="Firefighters put out a blaze at the grain silo.",
        meta={
            "id": "nc-1",
            "url": "https://courier.example/silo",
            "outlet": "Northport Courier",
            "title": "Silo fire",
            "published": "2024-03-05",
            "author": "Ada Quill",
            "topic": 7,
            "tags": ["fire", "harbour"],
        },
    )
    assert second == RawDocument(
        source=f"{path}#line-2", html="<p>The silo burned for three hours.</p>", meta={"id": "42"}
    )


def test_jsonl_broken_line_fails_and_reading_goes_on(tmp_path: Path) -> None:
    good = json.dumps({"text": "A story."})
    path = _write(tmp_path, [good, '{"text": "cut off', "", good, "[1, 2]", '{"title": "x"}'])
    outcomes = list(read_sources([path]))
    assert outcomes == [
        RawDocument(source=f"{path}#line-1", text="A story.", meta={}),
        Failure(
            f"{path}#line-2",
            "invalid JSON (Unterminated string starting at: column 10): "
            "write one complete JSON object per line",
        ),
        RawDocument(source=f"{path}#line-4", text="A story.", meta={}),
        Failure(
            f"{path}#line-5", "line is a JSON array, not an object: write one JSON object per line"
        ),
        Failure(
            f"{path}#line-6",
            "no 'text' or 'html' field: give each line the article as 'text' (plain) or 'html'",
        ),
    ]


def test_jsonl_bad_field_type_fails(tmp_path: Path) -> None:
    path = _write(
        tmp_path, ['{"text": "A story.", "title": ["a", "b"]}', '{"id": {}, "text": "x"}']
    )
    assert [o.message for o in read_sources([path]) if isinstance(o, Failure)] == [
        "field 'title' is a JSON array, not a string: write it as a string or null",
        "field 'id' is a JSON object, not a string: write it as a string or null",
    ]


def test_jsonl_blank_text_is_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, ['{"text": "  "}'])
    assert list(read_sources([path])) == [Skip(f"{path}#line-1", "no article body")]


def test_jsonl_non_utf8_line_fails(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"text": "café"}\n'.encode("cp1252"))
    assert list(read_sources([path])) == [
        Failure(f"{path}#line-1", "line is not valid UTF-8: save the JSON Lines file as UTF-8")
    ]


def test_jsonl_oversize_line_fails_alone(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "word " * 100})
    path = _write(tmp_path, [long_line, '{"text": "Short."}'])
    outcomes = list(read_sources([path], options=IngestOptions(max_bytes=100)))
    assert outcomes == [
        Failure(
            f"{path}#line-1",
            f"article is {len(long_line) + 1:,} bytes, over the limit of 100 bytes for one "
            "article: raise the limit with --max-bytes (IngestOptions.max_bytes)",
        ),
        RawDocument(source=f"{path}#line-2", text="Short.", meta={}),
    ]


def test_jsonl_streams_twenty_thousand_lines_fast() -> None:
    line = json.dumps({"id": "x", "outlet": "Courier", "text": "A short story. " * 40}) + "\n"
    data = line.encode("utf-8") * 20_000
    start = time.perf_counter()
    count = sum(1 for _ in read_sources(["-"], stdin=io.BytesIO(data)))
    elapsed = time.perf_counter() - start
    assert count == 20_000
    assert elapsed < 4.0, f"{count / elapsed:.0f} lines per second is too slow"


def test_jsonl_reads_ecbplus(ecbplus_dir: Path) -> None:
    path = ecbplus_dir / "docs.jsonl"
    expected = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    outcomes = list(read_sources([path]))
    docs = [doc for doc in outcomes if isinstance(doc, RawDocument)]
    assert len(docs) == len(outcomes) == len(expected) == 772
    assert [doc.meta["id"] for doc in docs] == [record["id"] for record in expected]
    assert [doc.text for doc in docs] == [record["text"] for record in expected]


def test_jsonl_text_holding_html_is_read_as_html(tmp_path: Path) -> None:
    # user trial 45: "<p>" tags in a text field reached claims, the digest and speakers
    marked = "<p>The grid operator warned of cuts.</p><p>Demand hit a record.</p>"
    plain = "Prices rose 3 percent, a rise of <5% a year."
    path = _write(tmp_path, [json.dumps({"text": marked}), json.dumps({"text": plain})])
    html, text = read_sources([path])
    assert isinstance(html, RawDocument) and (html.html, html.text) == (marked, None)
    assert isinstance(text, RawDocument) and (text.text, text.html) == (plain, None)


def test_jsonl_reads_the_usual_other_names_of_fields(tmp_path: Path) -> None:
    # user trial 65: a dump with "source", "date" and "body" failed every line
    line = {
        "id": "cpa-1",
        "source": "CPA Wire",
        "date": "2026-07-15T08:15:00Z",
        "headline": "Blackout",
        "body": "<p>Power failed across the city.</p>",
        "text_version": 2,
    }
    path = _write(tmp_path, [json.dumps(line)])
    [doc] = read_sources([path])
    assert doc == RawDocument(
        source=f"{path}#line-1",
        html="<p>Power failed across the city.</p>",
        meta={
            "id": "cpa-1",
            "outlet": "CPA Wire",
            "published": "2026-07-15T08:15:00Z",
            "title": "Blackout",
            "text_version": 2,
        },
    )
