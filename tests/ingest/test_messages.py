"""The ingest messages: one line each, saying what is wrong and then how to fix it."""

from __future__ import annotations

import pytest

from storylens.ingest import messages

FAILURES = [
    name
    for name in messages.__all__
    if name.isupper() and not name.startswith("SKIP_") and name != "ACCEPTED"
]
SKIPS = [name for name in messages.__all__ if name.startswith("SKIP_")]


@pytest.mark.parametrize("name", FAILURES)
def test_messages_are_one_line_with_a_fix(name: str) -> None:
    text = getattr(messages, name)
    assert "\n" not in text
    what, _, fix = text.rpartition(": ")
    assert what and fix, f"{name} should read 'what is wrong: how to fix it'"


@pytest.mark.parametrize("name", SKIPS)
def test_messages_skip_reasons_are_short_codes(name: str) -> None:
    reason = getattr(messages, name)
    assert len(reason) <= 40
    assert ":" not in reason


def test_messages_one_line_squeezes_and_shortens() -> None:
    assert messages.one_line(ValueError("bad\n  thing")) == "bad thing"
    assert messages.one_line(ValueError()) == "ValueError"
    assert len(messages.one_line("x" * 500)) == 160


def test_messages_plural() -> None:
    assert messages.plural(0, "record") == "0 records"
    assert messages.plural(1, "record") == "1 record"
