"""The ingest pipeline: read, clean, store; counted outcomes; real data kept whole."""

from __future__ import annotations

import json
import re
from pathlib import Path

from storylens.ingest import IngestOptions
from storylens.pipeline import ingest
from storylens.store import open_store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "news"


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text)


def test_pipeline_ecbplus_keeps_every_id_and_text(ecbplus_dir: Path, tmp_path: Path) -> None:
    source = ecbplus_dir / "docs.jsonl"
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    with open_store(tmp_path / "s.db") as store:
        stats = ingest([source], store)
        articles = {a.id: a for a in store.iter_articles()}
    assert stats.summary() == "772 read, 772 stored, 0 already present, 0 skipped, 0 failed"
    assert set(articles) == {r["id"] for r in records}
    identical = 0
    for record in records:
        article = articles[record["id"]]
        identical += article.text == record["text"]
        # Nothing is lost: what cleaning kept plus what it removed (with a reason) is the text.
        kept = _letters(article.text) + "".join(_letters(r.text) for r in article.removed)
        assert sorted(kept) == sorted(_letters(record["text"])), record["id"]
    print(f"ECB+: {identical} of {len(records)} texts kept character for character")
    assert identical >= 0.9 * len(records)


def test_pipeline_counts_and_is_idempotent(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        first = ingest([EXAMPLES], store)
        second = ingest([EXAMPLES], store)
    assert first.failed == [] and first.skipped == []
    assert first.stored == first.read > 0
    assert second.stored == 0 and second.present == first.stored


def test_pipeline_progress_hook_sees_running_counts(tmp_path: Path) -> None:
    seen: list[int] = []
    with open_store(tmp_path / "s.db") as store:
        ingest([EXAMPLES], store, progress=lambda stats: seen.append(stats.stored))
    assert seen and seen[-1] > 0


def _revised_feed(tmp_path: Path) -> Path:
    """The example feed polled again: the first entry's injured count was corrected."""
    feed = (EXAMPLES / "meridian-news.rss").read_text(encoding="utf-8")
    assert "more than 300 had been injured" in feed
    path = tmp_path / "meridian-news-again.rss"
    path.write_text(feed.replace("more than 300 had", "more than 350 had"), encoding="utf-8")
    return path


def test_pipeline_a_re_polled_entry_with_new_text_is_a_revision(tmp_path: Path) -> None:
    from storylens.stories import update_stories

    with open_store(tmp_path / "s.db") as store:
        ingest([EXAMPLES], store)
        update_stories(store)
        before = {s.id: s.articles for s in store.iter_stories()}
        groups = store.origin_groups()
        stats = ingest([_revised_feed(tmp_path)], store)
        assert stats.summary() == (
            "2 read, 0 stored, 1 revised, 1 already present, 0 skipped, 0 failed"
        )
        [(old, new)] = store.revisions().items()
        run = update_stories(store)
        after = {s.id: set(s.articles) for s in store.iter_stories()}
        assert run.articles == 9 and run.assigned == 1
        assert after == {
            sid: {new if a == old else a for a in articles} for sid, articles in before.items()
        }  # the revision took the old version's place, every story kept its id
        [why] = [w for w in store.story_assignments() if w.article == new]
        assert (why.rule, why.features) == ("revision", {"revises": old})
        assert store.origin_groups() == groups
        again = ingest([EXAMPLES, _revised_feed(tmp_path)], store)
        assert (again.stored, again.revised, again.present) == (0, 0, again.read)
        earlier = store.get_article(old)
        assert earlier is not None and earlier.meta["revised_by"] == new


def test_pipeline_a_page_a_script_fills_in_fails_alone_with_its_fix(tmp_path: Path) -> None:
    # user trial 147: a live page saved before its script ran was "skipped" with exit code 0
    # and a fix that did not apply ("give the article page itself": it was that page)
    good = tmp_path / "ferry.txt"
    good.write_text("Ferry runs again\n\nThe ferry to Oskby ran again on Monday.\n", "utf-8")
    shell = tmp_path / "live.html"
    shell.write_text(
        "<html><head><title>Ferry - live</title></head><body><nav><a href='/'>Home</a></nav>"
        "<main><h1>Ferry - live</h1><div id='root'>Loading live updates…</div>"
        "<noscript>Please enable JavaScript.</noscript><script>load()</script></main>"
        "</body></html>",
        "utf-8",
    )
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        stats = ingest([good, shell], store)
        assert store.count_articles() == 1
    assert [(f.source, f.message) for f in stats.failed] == [
        (
            str(shell),
            "no article text in the page: a script fills it in when a browser opens it (the "
            "file holds only 'Loading live updates…'): save the page from the browser once it "
            "has loaded, or give the site's feed",
        )
    ]
    assert stats.skipped == []


def test_pipeline_an_article_too_long_to_read_fails_alone_with_its_fix(tmp_path: Path) -> None:
    # One huge text (a transcript pasted in one line) must not stop the batch, nor reach the
    # language model, which reads at most a million characters.
    good = tmp_path / "ferry.txt"
    good.write_text("Ferry runs again\n\nThe ferry to Oskby ran again on Monday.\n", "utf-8")
    huge = tmp_path / "transcript.txt"
    huge.write_text("The coastguard said the search would go on. " * 30, "utf-8")
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        stats = ingest([good, huge], store, options=IngestOptions(max_chars=1000))
        assert store.count_articles() == 1
    assert [(f.source, f.message) for f in stats.failed] == [
        (
            str(huge),
            "article text is 1,319 characters after cleaning, over the limit of 1,000 for one "
            "article (the language model reads no more): split the file into its articles",
        )
    ]
