"""What the commands print: tables that fit the terminal, empty listings, CSV headers, the
JSON of the listings, the summaries of corrections and comparisons, and ``run`` without
sources. The articles are fictional, written here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from storylens.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "news"

FERRY_ID = "lantern-gazette-2026-05-02-quellmouth-ferry-fire"  # long, so a narrow table overflows

ARTICLES = [
    {
        "id": FERRY_ID,
        "outlet": "Lantern Gazette",
        "title": "Ferry fire in Quellmouth harbour forces 140 passengers ashore",
        "published": "2026-05-02T08:00:00Z",
        "section": "local",
        "text": (
            "By Ada Mersk\n\n"
            "A fire broke out on the ferry Marisol in Quellmouth harbour on Saturday morning,"
            " and all 140 passengers were brought ashore, the harbour master said.\n\n"
            "Harbour master Teodor Vinge said the fire started in the engine room shortly"
            " after the ferry left the quay.\n\n"
            '"Every passenger is safe and accounted for," Vinge said.'
        ),
    },
    {
        "id": "ridge-courier-ferry",
        "outlet": "Ridge Courier",
        "title": "Quellmouth ferry Marisol evacuated after engine room fire",
        "published": "2026-05-02T10:30:00Z",
        "text": (
            "Passengers were evacuated from the ferry Marisol in Quellmouth harbour on Saturday"
            " after a fire in its engine room, harbour master Teodor Vinge said.\n\n"
            "Vinge said 140 passengers and 12 crew members left the ferry and that two crew"
            " members were treated for smoke.\n\n"
            "The ferry company said the Marisol would stay in Quellmouth until the fire"
            " service had inspected it."
        ),
    },
    {
        "id": "plainfield-tovrania-vote",
        "outlet": "Plainfield Post",
        "title": "Tovrania parliament approves new rail budget",
        "published": "2026-05-01T16:00:00Z",
        "text": (
            "The parliament of Tovrania approved a rail budget of 2.4 billion crowns on Friday,"
            " with 88 votes to 61.\n\n"
            "Transport minister Lise Harrow said the money would pay for new lines between the"
            " capital Brask and the northern towns.\n\n"
            "The opposition said the budget left the south of the country behind."
        ),
    },
    {  # a copy of the one above with a local paragraph: a near duplicate, one origin
        "id": "delta-tovrania-vote",
        "outlet": "Delta Ledger",
        "title": "Tovrania parliament approves new rail budget",
        "published": "2026-05-01T18:00:00Z",
        "text": (
            "The parliament of Tovrania approved a rail budget of 2.4 billion crowns on Friday,"
            " with 88 votes to 61.\n\n"
            "Transport minister Lise Harrow said the money would pay for new lines between the"
            " capital Brask and the northern towns.\n\n"
            "The opposition said the budget left the south of the country behind.\n\n"
            "In Delta, the mayor said the town hoped for a station of its own."
        ),
    },
    {
        "id": "fjord-library",
        "outlet": "Fjord Times",
        "title": "Vessby library reopens after two years of repairs",
        "published": "2026-04-20T09:00:00Z",
        "text": (
            "The public library of Vessby reopened on Monday after two years of repairs to its"
            " roof and walls.\n\n"
            "Librarian Oskar Brun said more than 3,000 readers had signed up again in the first"
            " week."
        ),
    },
]


def write_news(folder: Path) -> Path:
    """The fictional articles above as a JSON Lines file in ``folder``."""
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def invoke(*args: str, columns: int | None = None) -> tuple[int, str, str]:
    env = {"COLUMNS": str(columns)} if columns else {"COLUMNS": ""}
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def stored_news(folder: Path) -> Path:
    """A store holding the fictional articles, clustered."""
    db = folder / "news.db"
    code, _, err = invoke("ingest", "-q", "--db", str(db), str(write_news(folder)))
    assert code == 0, err
    return db


@pytest.fixture(scope="module")
def news_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store, shared by the tests that only read it."""
    return stored_news(tmp_path_factory.mktemp("news"))


@pytest.fixture()
def own_db(news_db: Path, tmp_path: Path) -> Path:
    """A copy of the store, for a test that corrects the stories."""
    return Path(shutil.copy(news_db, tmp_path / "own.db"))


def _json(*args: str) -> Any:
    code, out, err = invoke(*args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def _story_of(db: Path, article: str) -> str:
    return next(s["id"] for s in _json("stories", "--db", str(db)) if article in s["articles"])


def _widest(text: str) -> int:
    return max(cell_len(line) for line in text.splitlines())


# --- tables that fit ---------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [60, 80, 100, 140])
def test_cli_output_tables_keep_every_id_whole_at_any_width(news_db: Path, columns: int) -> None:
    db = str(news_db)
    stories = _json("stories", "--db", db)
    ferry = _story_of(news_db, FERRY_ID)
    groups = _json("duplicates", "--db", db)
    commands = {
        ("stories",): [s["id"] for s in stories],
        ("articles",): [a["id"] for a in ARTICLES],
        ("story", ferry): [FERRY_ID, "ridge-courier-ferry"],
        ("story", ferry, "--why"): [FERRY_ID, "ridge-courier-ferry"],
        ("duplicates",): [g["id"] for g in groups] + list(groups[0]["members"]),
        ("search", "ferry"): [FERRY_ID, "ridge-courier-ferry"],
        ("article", FERRY_ID, "--format", "table"): [FERRY_ID],
    }
    for args, ids in commands.items():
        code, out, err = invoke(*args, "--db", db, columns=columns)
        assert code == 0, err
        words = set(out.split())
        for found in ids:
            assert found in words or f"{found}:" in words, (args, columns, found)
        if args[0] == "article":  # then the article's own text, a paragraph a line
            out = out.split("┘\n")[0]
        if columns >= 80:  # at 60 the 48-character id cannot fit beside the rest: wider, uncut
            assert _widest(out) <= columns, (args, columns)


def test_cli_output_stories_at_80_columns_wrap_the_label_and_say_what_is_left_out(
    news_db: Path,
) -> None:
    code, out, _ = invoke("stories", "--db", str(news_db), columns=80)
    assert code == 0
    for story in _json("stories", "--db", str(news_db)):
        assert story["id"] in out
        assert set(story["label"].split()) <= set(out.split())  # wrapped, never gone
    assert " ".join(out.split()).endswith(
        "Left out to fit 80 columns: dates (widen the terminal, set COLUMNS, or use --format"
        " csv or json)."
    )
    code, out, _ = invoke("stories", "--db", str(news_db), columns=140)
    assert "dates" in out and "Left out" not in out


def test_cli_output_columns_is_honoured_when_piped(news_db: Path) -> None:
    _, narrow, _ = invoke("articles", "--db", str(news_db), columns=80)
    _, default, _ = invoke("articles", "--db", str(news_db))
    _, wide, _ = invoke("articles", "--db", str(news_db), columns=140)
    assert _widest(narrow) <= 80
    assert 80 < _widest(default) <= 100  # piped with no COLUMNS: 100
    assert 100 < _widest(wide) <= 140


def test_cli_output_width_comes_from_columns_then_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os
    import sys

    from storylens.cli._output import width

    monkeypatch.setenv("COLUMNS", "72")
    assert width() == 72
    monkeypatch.delenv("COLUMNS")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert width() == 100
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback: os.terminal_size((80, 24)))
    assert width() == 80


@pytest.mark.parametrize("columns", [60, 80, 100, 140])
def test_cli_output_compare_text_keeps_ids_whole(news_db: Path, columns: int) -> None:
    ferry = _story_of(news_db, FERRY_ID)
    code, out, err = invoke("compare", "--db", str(news_db), "--story", ferry, columns=columns)
    assert code == 0, err
    assert FERRY_ID in out.split() and "ridge-courier-ferry" in out.split()
    if columns >= 80:
        assert _widest(out) <= columns


# --- empty listings ----------------------------------------------------------------------------


def test_cli_output_search_with_no_hits_prints_the_csv_header(news_db: Path) -> None:
    code, out, _ = invoke("search", "zeppelin", "--db", str(news_db), "--format", "csv")
    assert (code, out) == (0, "id,outlet,title,score,relevance,snippet\n")
    code, out, _ = invoke("search", "zeppelin", "--db", str(news_db), "--format", "json")
    assert (code, out) == (0, "[]\n")


def test_cli_output_empty_store_lists_say_none(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    invoke("ingest", "-q", "--db", str(db), str(write_news(tmp_path)), "--no-cluster")
    code, out, _ = invoke("stories", "--db", str(db))
    assert (code, out) == (0, "Stories: none: ingest articles first ('storylens ingest SOURCES')\n")
    code, out, _ = invoke("stories", "--db", str(db), "--format", "csv")
    assert out == (
        "id,label,article_count,outlet_count,origin_count,first_published,last_published,articles\n"
    )


# --- JSON of the listings ------------------------------------------------------------------------


def test_cli_output_story_why_json_has_features_as_numbers_and_null_runner_up(
    news_db: Path,
) -> None:
    ferry = _story_of(news_db, FERRY_ID)
    rows = {r["article"]: r for r in _json("story", ferry, "--why", "--db", str(news_db))}
    joined = rows["ridge-courier-ferry"]
    assert joined["rule"] == "joined" and joined["placed_by"] == "clustering"
    assert joined["score"] >= joined["threshold"]
    features = joined["features"]
    assert isinstance(features["words"], float) and isinstance(features["names"], float)
    assert isinstance(features["year_conflict"], bool)
    assert "marisol" in features["shared_names"]
    assert joined["runner_up"] is None and joined["runner_up_score"] is None
    _, csv_out, _ = invoke("story", ferry, "--why", "--db", str(news_db), "--format", "csv")
    assert "names=" in csv_out  # CSV keeps the features as one line of text


def test_cli_output_story_json_keeps_the_whole_title(news_db: Path) -> None:
    ferry = _story_of(news_db, FERRY_ID)
    rows = _json("story", ferry, "--db", str(news_db))
    assert rows[0]["title"] == ARTICLES[0]["title"]
    assert rows[0]["published"] == "2026-05-02T08:00:00Z"


# --- corrections ---------------------------------------------------------------------------------


def test_cli_output_split_says_what_moved_and_why_shows_placed_by_user(own_db: Path) -> None:
    db = str(own_db)
    ferry = _story_of(own_db, FERRY_ID)
    code, new_id, err = invoke("story", "split", ferry, "ridge-courier-ferry", "--db", db)
    assert code == 0, err
    new_id = new_id.strip()
    assert err == (
        f"moved 1 article out of {ferry} into {new_id} (kept in every later run); 5 articles"
        f" in 4 stories; rebuild the site with 'storylens run --db {db} --out DIR'\n"
    )
    staying = _json("story", ferry, "--why", "--db", db)
    assert [(r["article"], r["placed_by"]) for r in staying] == [(FERRY_ID, "clustering")]
    rows = _json("story", new_id, "--why", "--db", db)
    assert rows == [
        {
            "article": "ridge-courier-ferry",
            "rule": "pinned",
            "placed_by": "user",
            "score": None,
            "threshold": None,
            "runner_up": None,
            "runner_up_score": None,
            "features": {},
        }
    ]
    code, table, _ = invoke("story", new_id, "--why", "--db", db, columns=140)
    assert "pinned by user" in table
    assert "0.25" not in table  # no threshold for a score that decided nothing
    assert (
        "by user = placed with 'storylens story split', 'merge' or 'move' (kept in every later"
        " run), not by a score." in " ".join(table.split())
    )


def test_cli_output_run_without_sources_rebuilds_the_site(own_db: Path, tmp_path: Path) -> None:
    db, site = str(own_db), tmp_path / "site"
    code, _, err = invoke("run", "--db", db, "--out", str(site), "-q")
    assert code == 0, err
    ferry = _story_of(own_db, FERRY_ID)
    assert (site / f"{ferry}.html").is_file()
    code, new_id, _ = invoke("story", "split", ferry, "ridge-courier-ferry", "--db", db)
    code, _, err = invoke("run", "--db", db, "-o", str(site))  # -o as compare takes it
    assert code == 0, err
    assert err.splitlines() == [
        "5 articles in 4 stories: 0 newly assigned, 0 changed by the merge/split pass,"
        " 1 group of duplicates",
        f"4 stories, 1 compared, 3 with one article: open {site / 'index.html'}",
    ]
    assert (site / f"{new_id.strip()}.html").is_file()  # the new story has its page
    assert f"{new_id.strip()}.html" in (site / "index.html").read_text(encoding="utf-8")


def test_cli_output_run_keeps_another_stores_site(own_db: Path, tmp_path: Path) -> None:
    # user trial 163: a run with another --db into the same folder deleted the first
    # store's story pages without a word
    site = tmp_path / "site"
    code, _, err = invoke("run", "--db", str(own_db), "--out", str(site), "-q")
    assert code == 0, err
    pages = sorted(p.name for p in site.glob("story-*.html"))
    other = tmp_path / "other.db"
    code, _, err = invoke("run", str(EXAMPLES), "--db", str(other), "--out", str(site), "-q")
    assert code == 1
    assert err == (
        f"error: {site} holds the site of another store ({own_db.resolve()}): write this"
        f" store's site elsewhere with --out DIR, or delete {site} first\n"
    )
    assert sorted(p.name for p in site.glob("story-*.html")) == pages
    assert not other.exists()  # refused before anything was stored


def test_cli_output_run_without_sources_needs_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    code, _, err = invoke("run", "--db", str(missing), "--out", str(tmp_path / "site"))
    assert code == 1
    assert err == (
        f"error: no store at {missing}: ingest articles first ('storylens ingest --db"
        f" {missing} SOURCES'), or point --db (or STORYLENS_DB) at an existing store\n"
    )
    assert not missing.exists()


def test_cli_output_run_warns_when_no_digest_can_fit(own_db: Path, tmp_path: Path) -> None:
    site = str(tmp_path / "site")
    code, _, err = invoke("run", "--db", str(own_db), "--out", site, "--digest-words", "5")
    assert code == 0
    assert err.splitlines()[0] == (
        "warning: every digest will be empty: no sentence fits in 5 words (a digest sentence"
        " has at least 6): use --digest-words 6 or more"
    )


# --- compare -------------------------------------------------------------------------------------


def test_cli_output_compare_warns_when_no_digest_sentence_fits(news_db: Path) -> None:
    vote = _story_of(news_db, "plainfield-tovrania-vote")
    args = ("compare", "--db", str(news_db), "--story", vote, "--format", "json")
    code, out, err = invoke(*args, "--digest-words", "5")
    assert code == 0
    assert json.loads(out)["digest"] == []
    # the shortest sentence has 12 words, but the first the digest takes (best cited) has 19
    assert err == (
        "warning: the digest is empty: no sentence fits in 5 words (the shortest has 12):"
        " use --digest-words 19 or more\n"
    )
    code, out, err = invoke(*args, "--digest-words", "19")
    assert json.loads(out)["digest"] and err == ""


def test_cli_output_compare_files_says_what_was_compared(tmp_path: Path) -> None:
    news = write_news(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = invoke("compare", str(news), str(empty), "--format", "json")
    assert code == 1  # a source failed; the rest is compared
    assert len(json.loads(out)["articles"]) == 5
    assert err.splitlines()[-2:] == [
        f"error: {empty}: empty file: nothing to ingest, check that the file was fully written",
        "5 read, 5 compared, 0 skipped, 1 failed",
    ]


def test_cli_output_compare_story_is_headed_by_the_story_label(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples" / "news"
    db = tmp_path / "ex.db"
    code, _, err = invoke("ingest", "-q", "--db", str(db), str(examples))
    assert code == 0, err
    headed = 0
    for story in _json("stories", "--db", str(db)):
        args = ("compare", "--db", str(db), "--story", story["id"], "--format", "markdown")
        code, out, err = invoke(*args)
        assert code == 0, err
        assert out.splitlines()[0] == f"# Comparison: {story['label']}"
        headed += 1
    assert headed == 3  # one of them is led by an article whose title is not the label


# --- compare --only --------------------------------------------------------------------------

_TEXT_TITLES = ("Articles", "Digest", "Shared facts", "Only one outlet says", "Left out", "Quotes")
_TEXT_TITLES += ("Numbers", "Conflicting numbers", "Who is cited", "Word choice")


def _titles(out: str) -> list[str]:
    """The report's section titles (a table's title line, or an empty section's lead)."""
    return [t for t in _TEXT_TITLES if any(line.startswith(t) for line in out.splitlines())]


def test_cli_output_compare_only_prints_the_chosen_sections(news_db: Path) -> None:
    vote = _story_of(news_db, "plainfield-tovrania-vote")
    code, out, err = invoke("compare", "--db", str(news_db), "--story", vote)
    assert code == 0, err
    assert len(_titles(out)) >= 8  # the whole report
    code, out, err = invoke(
        "compare", "--db", str(news_db), "--story", vote, "--only", "quotes, Conflicts"
    )
    assert code == 0, err
    assert _titles(out) == ["Quotes", "Conflicting numbers"]


def test_cli_output_compare_only_in_markdown(news_db: Path) -> None:
    vote = _story_of(news_db, "plainfield-tovrania-vote")
    args = ("compare", "--db", str(news_db), "--story", vote, "--format", "markdown")
    code, out, err = invoke(*args, "--only", "digest,sources")
    assert code == 0, err
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert headings[1:] == ["## Digest", "## Who is cited", "## Sentences with no attribution"]


def test_cli_output_compare_only_keeps_the_order_asked(news_db: Path) -> None:
    # user trials 154, 158 and 162 asked for "conflicts,quotes" and got quotes first
    vote = _story_of(news_db, "plainfield-tovrania-vote")
    args = ("compare", "--db", str(news_db), "--story", vote)
    code, out, err = invoke(*args, "--only", "conflicts,quotes")
    assert code == 0, err
    lines = out.splitlines()
    first = {t: next(i for i, line in enumerate(lines) if line.startswith(t)) for t in _titles(out)}
    assert first["Conflicting numbers"] < first["Quotes"]
    code, out, err = invoke(*args, "--format", "markdown", "--only", "sources,digest")
    assert code == 0, err
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert headings[1:] == ["## Who is cited", "## Sentences with no attribution", "## Digest"]


@pytest.mark.parametrize(
    ("only", "fmt", "message"),
    [
        (
            "quotes,conflict",
            "text",
            "error: --only 'quotes,conflict': 'conflict' is not a report section (did you mean"
            " conflicts?): use one or more of articles, digest, shared, unique, omitted, quotes,"
            " numbers, conflicts, sources, wording, separated by commas",
        ),
        (
            ",",
            "markdown",
            "error: --only ',': names no section: use one or more of articles, digest, shared,"
            " unique, omitted, quotes, numbers, conflicts, sources, wording, separated by commas",
        ),
        (
            "quotes",
            "json",
            "error: --only chooses sections of the text and Markdown reports; the json report is"
            " always whole: use --format text or --format markdown with --only",
        ),
    ],
)
def test_cli_output_compare_only_refuses_what_it_cannot_show(
    tmp_path: Path, only: str, fmt: str, message: str
) -> None:
    news = write_news(tmp_path)
    code, out, err = invoke("compare", str(news), "--format", fmt, "--only", only)
    assert (code, out) == (1, "")  # refused before anything is read
    assert err.splitlines() == [message]


def test_cli_output_compare_refuses_an_output_in_a_missing_folder(tmp_path: Path) -> None:
    # user trial 128: a traceback (FileNotFoundError) after the whole analysis
    news = write_news(tmp_path)
    target = tmp_path / "missing" / "x.json"
    code, out, err = invoke("compare", str(news), "--format", "json", "-o", str(target))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"error: cannot write {target}: the folder {target.parent} does not exist: create it"
        f" (mkdir -p {target.parent}) or choose another path for -o"
    ]


def test_cli_output_a_file_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    news = write_news(tmp_path)
    blocker = tmp_path / "site"
    blocker.write_text("a file where the site folder should go", encoding="utf-8")
    db = tmp_path / "s.db"
    code, _, err = invoke("run", str(news), "--db", str(db), "-o", str(blocker / "inner"))
    assert code == 1
    assert err.splitlines()[-1] == (
        f"error: {blocker / 'inner'}: not a directory: check the path and its permissions"
    )
    assert "Traceback" not in err


def test_cli_output_compare_writes_several_reports_from_one_analysis(tmp_path: Path) -> None:
    # user trials 130-135: every format was a full run of its own
    news = write_news(tmp_path)
    paths = [tmp_path / name for name in ("r.json", "r.md", "r.html", "r.txt")]
    code, out, err = invoke("compare", str(news), *(f"-o{p}" for p in paths))
    assert (code, out) == (0, "")
    assert err.splitlines()[-4:] == [f"wrote {p}" for p in paths]
    assert json.loads(paths[0].read_text(encoding="utf-8"))["articles"]
    assert paths[1].read_text(encoding="utf-8").startswith("# Comparison: ")
    assert paths[2].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert paths[3].read_text(encoding="utf-8").startswith("Articles")  # no suffix: text
    code, _, err = invoke("compare", str(news), "--format", "markdown", "-o", str(paths[0]))
    assert code == 1
    assert err.splitlines() == [
        f"error: -o {paths[0]}: its suffix names the json format but --format says markdown:"
        " drop --format (each -o file's suffix names its format) or rename the file"
    ]


def test_cli_output_a_reader_that_goes_away_is_no_error(capsys: pytest.CaptureFixture[str]) -> None:
    # user trial 142: "storylens ... | head" printed "error: broken pipe: check the path and its
    # permissions"
    from storylens.cli._output import handle_errors

    @handle_errors
    def writes_to_a_closed_pipe() -> None:
        raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(SystemExit) as stop:
        writes_to_a_closed_pipe()
    assert stop.value.code == 0
    assert capsys.readouterr().err == ""
