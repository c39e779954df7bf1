"""The story commands: cluster, stories, story ID [--why], split/merge/move, run, eval."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from storylens.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "news"


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _stories(db: Path) -> list[dict[str, object]]:
    code, out, _ = _invoke("stories", "--db", str(db), "--format", "json")
    assert code == 0
    data: list[dict[str, object]] = json.loads(out)
    return data


def test_cli_ingest_clusters_and_lists_stories(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    code, _, err = _invoke("ingest", "-q", "--db", str(db), str(EXAMPLES))
    assert code == 0, err
    assert "9 articles in 3 stories" in err
    stories = _stories(db)
    assert [s["article_count"] for s in stories] == [4, 3, 2]
    wire = stories[2]
    assert wire["articles"] == ["wire-0001", "wire-0002"]  # the ids given at ingest
    assert wire["origin_count"] == 1 and wire["outlet_count"] == 2
    assert wire["first_published"] == "2026-03-01T09:00:00Z"


def test_cli_story_why_and_corrections(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _invoke("ingest", "-q", "--db", str(db), str(EXAMPLES))
    stories = _stories(db)
    floods, strike = str(stories[0]["id"]), str(stories[1]["id"])
    code, out, _ = _invoke("story", floods, "--db", str(db), "--why", "--format", "json")
    assert code == 0
    assert {row["rule"] for row in json.loads(out)} <= {"new-story", "joined", "moved"}
    code, table, _ = _invoke("story", floods, "--db", str(db), "--why")
    assert code == 0
    assert "┃ features" not in table.split("The features that decided")[0]  # its own table
    assert "shared_names=" in table.split("The features that decided")[1]
    code, new_id, err = _invoke("story", "split", floods, "coastline-0001", "--db", str(db))
    assert code == 0, err
    code, _, err = _invoke("story", "move", "wire-0002", strike, "--db", str(db))
    assert code == 0, err
    _invoke("ingest", "-q", "--db", str(db), str(EXAMPLES))
    _invoke("cluster", "--db", str(db), "--rebuild")
    by_id = {s["id"]: s["articles"] for s in _stories(db)}
    assert by_id[new_id.strip()] == ["coastline-0001"]
    assert "wire-0002" in by_id[strike]  # type: ignore[operator]  # a list of ids
    code, _, err = _invoke("story", "merge", floods, new_id.strip(), "--db", str(db))
    assert code == 0, err
    assert "coastline-0001" in {s["id"]: s["articles"] for s in _stories(db)}[floods]  # type: ignore[operator]  # a list of ids


def test_cli_story_unknown_id(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _invoke("ingest", "-q", "--db", str(db), str(EXAMPLES))
    code, _, err = _invoke("story", "story-nope", "--db", str(db))
    assert code == 1
    assert err == (
        f"error: no story with id 'story-nope' in {db}: list stories with 'storylens stories'\n"
    )


def _labelled(tmp_path: Path) -> Path:
    """A small labelled file: two articles of one strike, one of a rate decision."""
    labelled = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "cluster": "x", "text": "Dock workers in Calder Bay went on strike over pay."},
        {"id": "b", "cluster": "x", "text": "Calder Bay dock workers strike over pay on Monday."},
        {"id": "c", "cluster": "y", "text": "The central bank of Valdoria held its rates at 3.5%."},
    ]
    labelled.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return labelled


def test_cli_eval_clustering_prints_scores(tmp_path: Path) -> None:
    labelled = _labelled(tmp_path)
    code, out, err = _invoke("eval", "clustering", str(labelled))
    assert code == 0, err
    scores = json.loads(out)
    for key in ("bcubed_precision", "bcubed_recall", "bcubed_f1", "pairwise_f1", "ari"):
        assert 0.0 <= scores[key] <= 1.0, key


def test_cli_eval_clustering_orders_summarise_shuffled_runs(tmp_path: Path) -> None:
    labelled = _labelled(tmp_path)
    code, out, err = _invoke("eval", "clustering", str(labelled), "--orders", "3")
    assert code == 0, err
    result = json.loads(out)
    assert result["orders"] == 3
    assert result["file_order"]["articles"] == 3
    spread = result["shuffled"]["bcubed_f1"]
    assert set(spread) == {"mean", "sd", "min", "max"}
    assert spread["min"] <= spread["mean"] <= spread["max"]
    assert "articles" not in result["shuffled"]
    code, out, err = _invoke("eval", "clustering", str(labelled), "--orders", "3", "--shuffle", "1")
    assert (code, out) == (1, "")
    assert err == (
        "error: give --orders or --shuffle, not both: --orders shuffles with seeds 1 to N itself\n"
    )
    code, out, err = _invoke("eval", "clustering", str(labelled), "--orders", "1")
    assert (code, out) == (1, "")
    assert err == (
        "error: 1 shuffled orders asked for: give at least 2 (--orders 2), so that their spread"
        " can be measured\n"
    )


def test_cli_eval_clustering_unknown_split_is_an_error(tmp_path: Path) -> None:
    labelled = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "cluster": "x", "split": "dev", "text": "Dock workers went on strike."},
        {"id": "b", "cluster": "y", "split": "train", "text": "The bank held its rates."},
    ]
    labelled.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, err = _invoke("eval", "clustering", str(labelled), "--split", "devv")
    assert (code, out) == (1, "")
    assert err == (
        f"error: {labelled}: no line has split devv (splits in the file: dev, train):"
        " check the --split value\n"
    )


def test_cli_compare_refuses_files_with_stored_articles(tmp_path: Path) -> None:
    source = str(EXAMPLES / "dockside-gazette-calder-bay.txt")
    code, out, err = _invoke("compare", source, "--story", "story-0123456789ab")
    assert (code, out) == (1, "")
    assert err == "error: give files or directories, or --story with stored articles, not both\n"
    code, _, err = _invoke("compare", "--story", "s", "--articles", "a,b")
    assert (code, err) == (1, "error: give --story or --articles, not both\n")


def test_cli_compare_names_the_source_that_failed(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = _invoke("compare", str(missing))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"error: {missing}: no such file or directory: check the path",
        "0 read, 0 compared, 0 skipped, 1 failed",  # compare stores nothing: no "0 stored"
    ]


def test_cli_compare_same_file_twice_is_one_article() -> None:
    source = str(EXAMPLES / "dockside-gazette-calder-bay.txt")
    code, out, err = _invoke("compare", source, source, "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)["articles"]) == 1
    assert err.startswith(f"warning: {source} is the same article as {source} (id ")
    assert err.endswith("): compared once\n")


def test_cli_compare_files_in_every_format(tmp_path: Path) -> None:
    sources = [str(EXAMPLES / "coastline-and-wire.jsonl")]
    for fmt, marker in (
        ("json", '"schema": "storylens.comparison/1"'),
        ("markdown", "# "),
        ("html", "<!DOCTYPE html>"),
        ("text", "Digest"),
    ):
        code, out, err = _invoke("compare", *sources, "--format", fmt, "--digest-words", "40")
        assert code == 0, err
        assert marker in out, fmt
    out_file = tmp_path / "c.json"
    code, _, _ = _invoke("compare", *sources, "--format", "json", "-o", str(out_file))
    first = out_file.read_bytes()
    _invoke("compare", *sources, "--format", "json", "-o", str(out_file))
    assert out_file.read_bytes() == first  # byte-identical across runs


def test_cli_compare_stored_story(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _invoke("ingest", "-q", "--db", str(db), str(EXAMPLES))
    wire = str(_stories(db)[2]["id"])
    code, out, err = _invoke("compare", "--db", str(db), "--story", wire, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert [a["id"] for a in report["articles"]] == ["wire-0001", "wire-0002"]
    shared = [c["support"] for c in report["claims"] if c["support"]["articles"] == 2]
    assert shared and all(s == {"articles": 2, "outlets": 2, "independent": 1} for s in shared)
    code, out, _ = _invoke(
        "compare", "--db", str(db), "--articles", "wire-0001,coastline-0002", "--format", "json"
    )
    assert code == 0
    assert len(json.loads(out)["articles"]) == 2
    code, _, err = _invoke("compare", "--db", str(db))
    assert code == 1
    assert err == (
        "error: nothing to compare: give files or directories, --articles ID,ID or --story ID\n"
    )


def test_cli_compare_with_nothing_given_asks_for_files_before_a_store(tmp_path: Path) -> None:
    # user trial 83: with no store, "compare" alone said "no store at storylens.db"
    code, _, err = _invoke("compare", "--db", str(tmp_path / "none.db"))
    assert code == 1
    assert err == (
        "error: nothing to compare: give files or directories, --articles ID,ID or --story ID\n"
    )
    assert not (tmp_path / "none.db").exists()


def test_cli_compare_one_article_still_reports_quotes_and_numbers() -> None:
    source = EXAMPLES / "northern-courier-brennmoor-floods.txt"
    code, out, err = _invoke("compare", str(source), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert len(report["articles"]) == 1
    assert any(q["speaker"] == "Clara Ostrowski" for q in report["quotes"])
    assert any(
        n["text"] == "more than 300" and n["bound"] == "more than" for n in report["numbers"]
    )
    assert any(e["name"] == "Clara Ostrowski" for e in report["entities"])
    assert report["sources_cited"]
    assert all(c["support"]["articles"] == 1 for c in report["claims"])


def test_cli_duplicates_lists_wire_copies(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _invoke("ingest", "-q", "--db", str(db), str(EXAMPLES))
    code, out, _ = _invoke("duplicates", "--db", str(db), "--format", "json")
    assert code == 0
    (group,) = json.loads(out)
    assert group["members"] == ["wire-0001", "wire-0002"]
    assert group["origin"] == "wire-0001" and group["origin_rule"] == "earliest-published"
    near = next(link for link in group["links"] if link["article"] == "wire-0002")
    assert near["rule"] == "near" and 0.5 < near["jaccard"] < 1.0
    code, out, _ = _invoke("articles", "--db", str(db), "--format", "jsonl")
    assert len(out.splitlines()) == 9  # duplicates stay stored and listed


def test_cli_story_why_marks_a_runner_up_that_is_gone(tmp_path: Path) -> None:
    from dataclasses import replace

    from storylens.store import open_store

    db = tmp_path / "s.db"
    _invoke("ingest", "-q", "--db", str(db), str(EXAMPLES))
    with open_store(db) as store:
        stories = list(store.iter_stories())
        rows = store.story_assignments()
        first = rows[0]
        other = next(i for i, r in enumerate(rows) if r.story != first.story)
        rows[0] = replace(first, runner_up="story-merged-away", runner_up_score=0.1)
        rows[other] = alive = replace(rows[other], runner_up=stories[0].id, runner_up_score=0.1)
        store.save_stories(stories, rows, store.origin_groups())
    _, table, _ = _invoke("story", first.story, "--db", str(db), "--why")
    why = table.split("The features that decided")[0]
    assert "story-merged-away" in why
    assert "no longer a" in why  # the cell wraps: "story-merged-away (no longer a story)"
    _, table, _ = _invoke("story", alive.story, "--db", str(db), "--why")
    assert stories[0].id in table
    assert "no longer a" not in table
    _, out, _ = _invoke("story", first.story, "--db", str(db), "--why", "--format", "json")
    assert "story-merged-away" in {row["runner_up"] for row in json.loads(out)}  # ids stay ids


def test_cli_story_why_says_when_no_story_was_compared(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _invoke("ingest", "-q", "--db", str(db), str(EXAMPLES / "dockside-gazette-calder-bay.txt"))
    (story,) = _stories(db)
    code, table, _ = _invoke("story", str(story["id"]), "--db", str(db), "--why")
    assert code == 0
    assert "no story then stored shared" in " ".join(table.split())


def test_cli_story_takes_its_options_before_the_id_too(tmp_path: Path) -> None:
    # user trial 27: 'story --db X ID --why' said "No such option '--db'"
    db = tmp_path / "s.db"
    _invoke("ingest", "-q", "--db", str(db), str(EXAMPLES))
    floods = str(_stories(db)[0]["id"])
    before = _invoke("story", "--db", str(db), floods, "--why", "--format", "json")
    after = _invoke("story", floods, "--db", str(db), "--why", "--format", "json")
    assert before[0] == 0 and before == after
