from __future__ import annotations

import json
from importlib.resources import files

import jsonschema

from storylens.model import StoryAnalysis
from storylens.report.comparison import SCHEMA, comparison_record, to_json


def test_comparison_validates_against_published_schema(analysis: StoryAnalysis) -> None:
    schema = json.loads((files("storylens.report") / "comparison.schema.json").read_text())
    jsonschema.validate(json.loads(to_json(analysis)), schema)


def test_comparison_spans_index_article_text(analysis: StoryAnalysis) -> None:
    record = comparison_record(analysis)
    texts = {a["id"]: a["text"] for a in record["articles"]}
    spans = [m for c in record["claims"] for m in c["mentions"]]
    spans += [m for q in record["quotes"] for m in q["mentions"]] + record["numbers"]
    assert spans
    for span in spans:
        assert texts[span["article"]][span["start"] : span["end"]] == span["text"]


def test_comparison_is_plain_json(analysis: StoryAnalysis) -> None:
    record = comparison_record(analysis)
    assert record["schema"] == SCHEMA == "storylens.comparison/1"
    assert record["numbers"][0]["high"] is None  # infinity is written as null
    assert record["claims"][0]["mentions"][0]["why"]["score"] == 0.8123
    assert record["claims"][0]["mentions"][0]["why"]["features"]["shared"] == ["Brennmoor"]


def test_comparison_json_is_byte_identical(analysis: StoryAnalysis) -> None:
    assert to_json(analysis) == to_json(analysis)
    assert to_json(analysis).endswith("}\n")


def test_comparison_names_the_origin_wire_copies_share(analysis: StoryAnalysis) -> None:
    from dataclasses import replace

    from storylens.report.markdown import to_markdown

    a, b = (x.id for x in analysis.articles)
    copied = replace(analysis, origins=((a, "origin-1"), (b, "origin-1")))
    assert [x["origin"] for x in comparison_record(copied)["articles"]] == ["origin-1"] * 2
    assert [x["origin"] for x in comparison_record(analysis)["articles"]] == [None, None]
    assert "Same text, one origin: Courier &lt;b&gt;, Ledger." in to_markdown(copied)
    schema = json.loads((files("storylens.report") / "comparison.schema.json").read_text())
    jsonschema.validate(json.loads(to_json(copied)), schema)


def test_comparison_compare_finds_wire_copies() -> None:
    from storylens.compare import compare
    from storylens.model import Article, Paragraph, content_hash

    wire = (
        "The harbour board of the fictional port of Calder Bay voted on Monday to raise mooring"
        " fees by 12 percent from April, the board's chair Ines Marr said after the meeting."
    )
    texts = [wire, wire + " Local fishers said they would protest.", "Rain fell in Vell."]
    articles = [
        Article(f"w{i}", t, (Paragraph(0, len(t), sentences=((0, len(t)),)),), content_hash(t))
        for i, t in enumerate(texts)
    ]
    origins = dict(compare(articles).origins)
    assert set(origins) == {"w0", "w1"}
    assert origins["w0"] == origins["w1"]


def test_comparison_articles_carry_their_author(analysis: StoryAnalysis) -> None:
    # user trial 84: the author shown by 'storylens article' was missing from the JSON
    from dataclasses import replace

    first = replace(analysis.articles[0], author="Ana Ruiz")
    record = json.loads(to_json(replace(analysis, articles=(first, *analysis.articles[1:]))))
    assert [a["author"] for a in record["articles"]] == ["Ana Ruiz", None]
    schema = json.loads((files("storylens.report") / "comparison.schema.json").read_text())
    jsonschema.validate(record, schema)
