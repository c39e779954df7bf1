"""``storylens ingest`` over folders and re-polled feeds: the lines it prints, word for word."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from storylens.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "news"


def test_cli_ingest_folder_skips_files_named_as_something_else(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "NOTES.md").write_text("# What is in this folder\n", encoding="utf-8")
    (folder / "make.py").write_text("print('building')\n", encoding="utf-8")
    story = folder / "ferry.txt"
    story.write_text("The ferry to Ostrel left two hours late on Monday.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(
        main, ["ingest", "-q", "--no-cluster", "--db", str(db), str(folder)]
    )
    assert result.exit_code == 0, result.stderr
    hint = (
        "not an article (by its file extension):"
        " name the file on the command line to read it anyway"
    )
    assert result.stderr.splitlines() == [
        f"skipped: {folder / 'NOTES.md'}: {hint}",
        f"skipped: {folder / 'make.py'}: {hint}",
        "3 read, 1 stored, 0 already present, 2 skipped (2 not an article (by its file extension)),"
        " 0 failed",
    ]
    named = CliRunner().invoke(
        main, ["ingest", "-q", "--no-cluster", "--db", str(db), str(folder / "NOTES.md")]
    )
    assert named.stderr.splitlines()[-1].startswith("1 read, 1 stored, ")


def test_cli_ingest_counts_a_revision_and_updates_the_stories(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", "-q", "--db", str(db), str(EXAMPLES)])
    assert first.exit_code == 0, first.stderr
    feed = (EXAMPLES / "meridian-news.rss").read_text(encoding="utf-8")
    again = tmp_path / "meridian-news-again.rss"
    again.write_text(feed.replace("40 boats", "45 boats"), encoding="utf-8")
    result = runner.invoke(main, ["ingest", "-q", "--db", str(db), str(again)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "2 read, 0 stored, 1 revised, 1 already present, 0 skipped, 0 failed",
        "9 articles in 3 stories: 1 newly assigned, 0 changed by the merge/split pass,"
        " 1 group of duplicates",
    ]
    listed = json.loads(
        runner.invoke(main, ["articles", "--db", str(db), "--format", "json"]).stdout
    )
    revision = next(a for a in listed if "revises" in a["meta"])
    args = ["article", revision["meta"]["revises"], "--db", str(db)]
    old = runner.invoke(main, [*args, "--format", "json"])
    assert json.loads(old.stdout)["meta"]["revised_by"] == revision["id"]
    table = runner.invoke(main, args)
    assert table.stdout.rstrip().splitlines()[-1] == f"Revised: replaced by {revision['id']}"
    assert revision["meta"]["revises"] not in {a["id"] for a in listed}
    stories = json.loads(
        runner.invoke(main, ["stories", "--db", str(db), "--format", "json"]).stdout
    )
    members = [a for story in stories for a in story["articles"]]
    assert revision["id"] in members and revision["meta"]["revises"] not in members


def test_cli_ingest_names_a_file_whose_text_is_already_stored(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = "The harbour at Sorn was closed on Monday after a storm damaged two piers.\n"
    (folder / "a-sorn-herald.txt").write_text(text, encoding="utf-8")
    (folder / "b-copy.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    args = ["ingest", "-q", "--no-cluster", "--db", str(db), str(folder)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.stderr
    (line,) = [x for x in first.stderr.splitlines() if x.startswith("same article:")]
    assert line.startswith(
        f"same article: {folder / 'b-copy.txt'}: the text of {folder / 'a-sorn-herald.txt'} (id "
    )
    assert line.endswith("), stored once")
    assert first.stderr.splitlines()[-1].startswith("2 read, 1 stored, 1 already present")


def test_cli_ingest_warns_of_a_date_it_cannot_read_and_keeps_it_as_written(tmp_path: Path) -> None:
    # user trials 128, 130, 133: "02/05/2026" and "yesterday morning" were stored as the
    # publication time, silently
    record = {
        "id": "dock-1",
        "title": "Ferry fire in Calder Bay leaves harbour closed",
        "outlet": "Dock News",
        "published": "02/05/2026",
        "text": "A ferry caught fire in Calder Bay on Saturday, the port authority said.\n"
        "All 212 passengers were taken off safely, it said.",
    }
    feed = tmp_path / "dock.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", "-q", "--no-cluster", "--db", str(db), str(feed)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"warning: {feed}#line-1: publication date '02/05/2026' is not ISO 8601 or RFC 2822, so"
        " it is kept as written but not used as a date: write it as 2026-05-02 or 2026-02-05,"
        " whichever it is",
        "1 read, 1 stored, 0 already present, 0 skipped, 0 failed",
    ]
    stored = json.loads(
        runner.invoke(main, ["article", "--db", str(db), "dock-1", "--format", "json"]).stdout
    )
    assert (stored["published"], stored["meta"]) == (None, {"published_as_given": "02/05/2026"})
