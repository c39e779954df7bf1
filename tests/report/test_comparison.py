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
