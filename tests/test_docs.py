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
