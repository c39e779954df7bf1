"""Tests of storylens.text: normalisation, lines, sentences, tokens."""

from __future__ import annotations

import pytest

from storylens.text import (
    fix_encoding,
    fold_whitespace,
    normalize_date,
    normalize_line,
    normalize_newlines,
    split_lines,
    split_sentences,
    tokens,
)


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_text_fix_encoding_repairs_mojibake_and_keeps_quotes_and_dashes() -> None:
    broken = "The mayorâ€™s office said â€œcalmâ€\x9d â€“ for now."
    assert fix_encoding(broken) == "The mayor’s office said “calm” – for now."


def test_text_fix_encoding_leaves_clean_text_untouched() -> None:
    clean = "“Leave now” – the mayor’s words, café, naïve, 3 – 4."
    assert fix_encoding(clean) is clean


def test_text_normalize_newlines_crlf_cr_and_separators() -> None:
    assert normalize_newlines("a\r\nb\rc\u2028d\x0ce") == "a\nb\nc\nd\ne"


def test_text_normalize_line_spaces_and_control_characters() -> None:
    line = normalize_line("\u00a0Rain\u00a0fell\x07 on\u200b  Monday.\u00a0")
    assert line.text == "Rain fell on Monday."
    assert line.dropped == "\x07\u200b"
    assert line.text[line.dropped_at - 4 : line.dropped_at] == "fell"


def test_text_normalize_line_keeps_joiners_used_by_scripts() -> None:
    assert normalize_line("می\u200cخواهم").text == "می\u200cخواهم"


def test_text_split_lines_drops_blank_lines() -> None:
    lines = split_lines("First line.\r\n\r\n  \nSecond line.\n")
    assert [line.text for line in lines] == ["First line.", "Second line."]


def test_text_fold_whitespace() -> None:
    assert fold_whitespace(" a\u00a0 b\n\tc ") == "a b c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gen. Marsh spoke on Monday. The river rose.",
            ["Gen. Marsh spoke on Monday.", "The river rose."],
        ),
        (
            "U.S. officials met in the U.K. on Friday. The talks ended.",
            ["U.S. officials met in the U.K. on Friday.", "The talks ended."],
        ),
        (
            "Aid came from the U.S. The mayor thanked them.",
            ["Aid came from the U.S.", "The mayor thanked them."],
        ),
        ("Dr. Ruth Pell and John F. Doe arrived.", ["Dr. Ruth Pell and John F. Doe arrived."]),
        ("Prices rose 3.5 percent. Rents fell.", ["Prices rose 3.5 percent.", "Rents fell."]),
        ("It happened on Aug. 3 in the town.", ["It happened on Aug. 3 in the town."]),
        (
            '"We will stay and ... we will rebuild," she said. "Nobody leaves."',
            ['"We will stay and ... we will rebuild," she said.', '"Nobody leaves."'],
        ),
        ("He waited... Then the sirens began.", ["He waited...", "Then the sirens began."]),
        ('"Why now?" she asked. Nobody knew.', ['"Why now?" she asked.', "Nobody knew."]),
        ("Is it safe? Officials say yes!", ["Is it safe?", "Officials say yes!"]),
        ("The firm, Delta Inc. said it would pay.", ["The firm, Delta Inc. said it would pay."]),
        ("No ending punctuation here", ["No ending punctuation here"]),
        ("", []),
        (  # user trial 50: a time zone in brackets after "a.m." ends no sentence
            "It struck after 3 a.m. (0200 GMT), when most were asleep. Rescuers came.",
            ["It struck after 3 a.m. (0200 GMT), when most were asleep.", "Rescuers came."],
        ),
        (
            "It derailed shortly after 7 a.m. Four carriages overturned.",
            ["It derailed shortly after 7 a.m.", "Four carriages overturned."],
        ),
    ],
)
def test_text_split_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_text_split_sentences_offset_and_bounds() -> None:
    text = "  One fact.  Two facts.  "
    spans = split_sentences(text, offset=100)
    assert spans == [(102, 111), (113, 123)]
    for start, end in split_sentences(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()


def test_text_tokens() -> None:
    text = "The U.S.-led team's 3.5 km walk"
    assert [text[s:e] for s, e in tokens(text)] == [
        "The",
        "U.S.-led",
        "team's",
        "3.5",
        "km",
        "walk",
    ]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2026-03-03T19:05:00+00:00", "2026-03-03T19:05:00Z"),
        ("2026-03-03T21:05:00+02:00", "2026-03-03T19:05:00Z"),
        ("2026-03-03 19:05:00Z", "2026-03-03T19:05:00Z"),
        ("2026-03-03T19:05:00.987654-00:30", "2026-03-03T19:35:00Z"),
        ("Tue, 03 Mar 2026 20:05:00 +0100", "2026-03-03T19:05:00Z"),
        ("Tue, 03 Mar 2026 19:05:00 GMT", "2026-03-03T19:05:00Z"),
        ("2026-03-03", "2026-03-03"),
        ("20260303", "2026-03-03"),
        ("2026-03-03T19:05", "2026-03-03T19:05:00"),
        ("2026-13-03", "2026-13-03"),
        ("last Tuesday", "last Tuesday"),
        ("", ""),
    ],
)
def test_text_normalize_date(given: str, expected: str) -> None:
    assert normalize_date(given) == expected
