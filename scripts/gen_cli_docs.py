"""Write docs/cli.md from the commands' own --help (tests/test_docs.py checks it is current).

Run:  .venv/bin/python scripts/gen_cli_docs.py
"""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from storylens.cli import main

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    found: list[list[str]] = []
    for name in sorted(group.commands):
        command = group.commands[name]
        found.append([*prefix, name])
        if isinstance(command, click.Group):
            found.extend(_commands(command, [*prefix, name]))
    return found


def render() -> str:
    """The whole reference page."""
    runner = CliRunner()
    parts = [
        "# Command reference",
        "",
        "Generated from `--help` by `scripts/gen_cli_docs.py`; a test fails when it is stale.",
        "",
    ]
    for path in [[], *_commands(main, [])]:
        text = runner.invoke(
            main, [*path, "--help"], prog_name="storylens", terminal_width=100
        ).output
        title = " ".join(["storylens", *path])
        parts += [f"## {title}", "", "```", text.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
