"""The command line, run in-process with click's runner on the examples and built inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storylens.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "news"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _ingest(runner: CliRunner, db: Path, *sources: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["ingest", "-q", "--no-cluster", "--db", str(db), *sources])
    return result.exit_code, result.stdout, result.stderr


def test_cli_ingest_examples_and_list(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    code, out, err = _ingest(runner, db, str(EXAMPLES))
    assert code == 0, err
    assert out == ""  # data goes to stdout, the summary to stderr
    assert err.strip().endswith("0 failed")
    listed = json.loads(
        runner.invoke(main, ["articles", "--db", str(db), "--format", "json"]).stdout
    )
    outlets = {a["outlet"] for a in listed}
    assert {"Coastline Post", "Harbor Daily", "Meridian News", "Northern Courier"} <= outlets
    ids = {a["id"] for a in listed}
    assert {"coastline-0001", "wire-0001"} <= ids  # ids given in JSON Lines are kept


def test_cli_ingest_twice_stores_once(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, str(EXAMPLES))
    code, _, err = _ingest(runner, db, str(EXAMPLES))
    assert code == 0
    assert " 0 stored, " in err


def test_cli_ingest_reports_failures_and_keeps_the_rest(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    missing = tmp_path / "nope.txt"
    code, _, err = _ingest(
        runner, db, str(EXAMPLES / "dockside-gazette-calder-bay.txt"), str(missing)
    )
    assert code == 1
    assert f"error: {missing}: " in err
    assert "Traceback" not in err
    assert "1 stored" in err and "1 failed" in err
    listed = runner.invoke(main, ["articles", "--db", str(db), "--format", "jsonl"]).stdout
    assert len(listed.splitlines()) == 1


def test_cli_ingest_output_errors_then_counts_then_stories(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-good.txt").write_text(
        "Ferry crews in the fictional port of Ostrel returned to work on Monday.\n",
        encoding="utf-8",
    )
    (folder / "b-empty.txt").write_bytes(b"")
    db = tmp_path / "s.db"
    result = runner.invoke(main, ["ingest", "-q", "--db", str(db), str(folder)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {folder / 'b-empty.txt'}: empty file: nothing to ingest, check that the file"
        " was fully written",
        "1 read, 1 stored, 0 already present, 0 skipped, 1 failed",  # counted, not repeated
        "1 article in 1 story: 1 newly assigned, 0 changed by the merge/split pass,"
        " 0 groups of duplicates",
    ]


def test_cli_article_and_search(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, str(EXAMPLES))
    shown = runner.invoke(main, ["article", "wire-0001", "--db", str(db), "--format", "json"])
    record = json.loads(shown.stdout)
    assert record["id"] == "wire-0001"
    for p in record["paragraphs"]:
        for s in p["sentences"]:
            assert p["start"] <= s["start"] < s["end"] <= p["end"]
    hits = runner.invoke(main, ["search", "dockers", "--db", str(db), "--format", "json"])
    assert any("Calder" in (h["title"] + h["snippet"]) for h in json.loads(hits.stdout))
    # user trial 159: the words of a query need no quotes ("bribes OR donations")
    words = ["search", "dockers", "OR", "floods", "--db", str(db), "--format", "json"]
    either = json.loads(runner.invoke(main, words).stdout)
    assert {h["id"] for h in either} > {h["id"] for h in json.loads(hits.stdout)}


def test_cli_article_table_shows_the_text_and_what_was_removed(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, str(EXAMPLES))
    args = ["article", "wire-0001", "--db", str(db)]
    record = json.loads(runner.invoke(main, [*args, "--format", "json"]).stdout)
    shown = runner.invoke(main, args)  # a table by default, like the other listings
    assert shown.exit_code == 0
    paragraphs = [record["text"][p["start"] : p["end"]] for p in record["paragraphs"]]
    assert "\n\n".join(paragraphs) in shown.stdout  # every paragraph, in order
    removed = record["removed"][0]
    assert f"- {removed['reason']}: {removed['text'].strip()}" in shown.stdout


def test_cli_unknown_article_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, str(EXAMPLES / "dockside-gazette-calder-bay.txt"))
    result = runner.invoke(main, ["article", "zzz", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: no article with id 'zzz' in {db}: list ids with 'storylens articles'\n"
    )


def test_cli_csv_and_table(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, str(EXAMPLES))
    csv_out = runner.invoke(main, ["articles", "--db", str(db), "--format", "csv"]).stdout
    assert csv_out.splitlines()[0].startswith("id,outlet,title")
    assert "Brennmoor evacuated as Oster floods the lower town," in csv_out  # nothing cut
    assert "2026-03-03T19:05:00Z" in csv_out
    table = runner.invoke(main, ["articles", "--db", str(db)]).stdout
    assert "Harbor Daily" in table


def test_cli_db_from_environment(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = runner.invoke(
        main,
        ["ingest", "-q", "--no-cluster", str(EXAMPLES / "dockside-gazette-calder-bay.txt")],
        env={"STORYLENS_DB": str(db)},
    )
    assert result.exit_code == 0, result.stderr
    assert db.exists()


def test_cli_ingest_names_skipped_pages(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "nav.html"
    page.write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>",
        encoding="utf-8",
    )
    code, _, err = _ingest(runner, tmp_path / "s.db", str(page))
    assert code == 0  # a skip is an outcome, not a failure
    assert err.splitlines()[0] == (
        f"skipped: {page}: no article body: nothing but navigation or boilerplate:"
        " give the article page itself"
    )
    assert (
        err.splitlines()[-1]
        == "1 read, 0 stored, 0 already present, 1 skipped (1 no article body), 0 failed"
    )


def test_cli_search_scores_keep_significant_digits(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(runner, db, str(EXAMPLES))
    common = runner.invoke(main, ["search", "the", "--db", str(db), "--format", "json"])
    scores = [h["score"] for h in json.loads(common.stdout)]
    assert scores and all(s > 0 for s in scores)  # a word every article holds still ranks
    none = runner.invoke(main, ["search", "zeppelin", "--db", str(db)])
    assert none.exit_code == 0
    assert none.stdout == ""
    assert none.stderr == f"no article matches 'zeppelin' in {db}\n"


def test_cli_search_table_shows_relevance_to_the_best_hit(
    runner: CliRunner, tmp_path: Path
) -> None:
    # user trials 162-164: the table's bm25 scores read like 1.04e-06
    db = tmp_path / "s.db"
    _ingest(runner, db, str(EXAMPLES))
    hits = json.loads(
        runner.invoke(main, ["search", "the", "--db", str(db), "--format", "json"]).stdout
    )
    relevance = [h["relevance"] for h in hits]
    assert relevance[0] == 1.0 and relevance == sorted(relevance, reverse=True)
    table = runner.invoke(main, ["search", "the", "--db", str(db)], env={"COLUMNS": "120"})
    assert "relevance" in table.stdout and "e-06" not in table.stdout
