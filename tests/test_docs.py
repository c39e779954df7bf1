"""Docs that cannot rot: the CLI reference, the JSON field guide, and the README commands."""

from __future__ import annotations

import json
import re
import sys
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from gen_cli_docs import render  # noqa: E402  # the script lives outside the package


def test_docs_cli_reference_is_current() -> None:
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == render(), "run: .venv/bin/python scripts/gen_cli_docs.py"


def _schema_fields(node: object, prefix: str, found: set[str]) -> None:
    if not isinstance(node, dict):
        return
    for name, sub in node.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        found.add(path)
        target = sub.get("items", sub) if isinstance(sub, dict) else sub
        if isinstance(target, dict) and "$ref" in target:
            continue
        _schema_fields(target, path, found)


def test_docs_every_json_field_is_documented() -> None:
    schema = json.loads((files("storylens.report") / "comparison.schema.json").read_text())
    fields: set[str] = set()
    _schema_fields(schema, "", fields)
    for name, definition in schema["$defs"].items():
        _schema_fields(definition, name, fields)
    guide = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([^`]+)`", guide, flags=re.MULTILINE))
    assert sorted(fields - documented) == []


def _documented(guide: str, heading: str) -> set[str]:
    """The fields in the tables under the ``## heading`` of docs/json.md."""
    start = guide.index(f"\n## {heading}\n")
    end = guide.find("\n#", start + 1)
    section = guide[start : end if end > 0 else len(guide)]
    return set(re.findall(r"^\| `([^`]+)`", section, flags=re.MULTILINE))


FREE_FORM = frozenset({"meta"})
"""Objects whose keys are data, not fields (an article's other metadata, as given)."""


def _keys(value: object, prefix: str, found: set[str]) -> None:
    """Every key path in a JSON value: ``paragraphs.sentences.start``; lists are transparent."""
    if isinstance(value, list):
        for item in value:
            _keys(item, prefix, found)
    elif isinstance(value, dict):
        for key, sub in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found.add(path)
            if path not in FREE_FORM:
                _keys(sub, path, found)


def test_docs_every_listing_field_is_documented(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from storylens.cli import main
    from tests.test_cli_output import FERRY_ID, stored_news

    db = str(stored_news(tmp_path))

    def output(*args: str) -> object:
        result = CliRunner().invoke(main, [*args, "--db", db, "--format", "json"])
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    stories = output("stories")
    assert isinstance(stories, list)
    ferry = next(s["id"] for s in stories if FERRY_ID in s["articles"])
    split = CliRunner().invoke(main, ["story", "split", ferry, FERRY_ID, "--db", db])
    assert split.exit_code == 0, split.stderr  # so that --why shows a placement by the user
    outputs = {
        "`storylens stories`": stories,
        "`storylens story ID`": output("story", ferry),
        "`storylens story ID --why`": [output("story", s["id"], "--why") for s in stories],
        "`storylens articles`, `storylens article ID`": [
            output("articles"),
            output("article", FERRY_ID),
        ],
        "`storylens duplicates`": output("duplicates"),
        "`storylens search QUERY`": output("search", "ferry"),
    }
    guide = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    for heading, value in outputs.items():
        found: set[str] = set()
        _keys(value, "", found)
        assert found, heading  # the store gave something to check
        assert sorted(found - _documented(guide, heading)) == [], heading


def test_docs_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, flags=re.DOTALL)
    assert blocks[0].strip() == "bash scripts/setup.sh && .venv/bin/storylens run examples/news"
    assert blocks[1].strip() == ".venv/bin/python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == blocks[1].strip()


def test_docs_readme_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)[0]
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})  # our own README's example, run as written
    out = capsys.readouterr().out
    assert "The central bank of Valdoria kept its main interest rate" in out
