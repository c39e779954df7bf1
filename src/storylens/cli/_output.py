"""What the commands share: the common options, error handling, output formats (table,
JSON, JSON Lines, CSV), the ingest progress bar and the closing summary on stderr."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from storylens.errors import StorylensError
from storylens.model import IngestStats

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "jsonl", "csv")
DB_HELP = "Store: a SQLite path or URL (default storylens.db; env STORYLENS_DB)."


def db_option(func: F) -> F:
    """The ``--db`` option every store command shares."""
    return click.option(
        "--db", envvar="STORYLENS_DB", default="storylens.db", show_default=True, help=DB_HELP
    )(func)


def format_option(default: str = "table") -> Callable[[F], F]:
    """The ``--format`` switch shared by listing commands (sqlite-utils style)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=default,
        show_default=True,
        help="Output format.",
    )


def handle_errors(func: F) -> F:
    """Turn library errors into one line on stderr and exit code 1, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StorylensError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(1)
        except BrokenPipeError:  # "storylens compare ... | head": the reader has gone
            _quiet_stdout()
            sys.exit(0)
        except OSError as e:  # a file the command writes: a missing folder, no permission, a
            # full disk (what it reads is checked by ingest, file by file)
            where = f"{e.filename}: " if e.filename else ""
            why = (e.strerror or str(e)).lower()
            click.echo(f"error: {where}{why}: check the path and its permissions", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]  # wraps keeps the signature click reads


def _quiet_stdout() -> None:
    """Point standard output at nothing, so that closing it after a broken pipe writes
    nothing more (Python would print "Exception ignored ... BrokenPipeError" on exit)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (a test runner's buffer)
        pass
    finally:
        os.close(devnull)


class _Progress:
    """A rich progress line on stderr while a long ingest runs."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("ingesting", total=None)
        return self

    def update(self, stats: IngestStats) -> None:
        """Show the running counts."""
        if self._progress is not None:
            self._progress.update(self._task, description=f"ingesting: {stats.summary()}")

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


SKIP_HINTS = {
    "no article body": "nothing but navigation or boilerplate: give the article page itself",
    "not an article (by its file extension)": "name the file on the command line to read it anyway",
}


def _report(stats: IngestStats, *, summary: str | None = None) -> None:
    """One line per skipped and failed document, then the summary (``summary``, else the
    ingest's own), on stderr."""
    for skip in stats.skipped:
        hint = SKIP_HINTS.get(skip.reason, "not a news article, so it was left out")
        click.echo(f"skipped: {skip.source}: {skip.reason}: {hint}", err=True)
    for source, article_id, stored in stats.copies:
        click.echo(
            f"same article: {source}: the text of {stored} (id {article_id}), stored once",
            err=True,
        )
    for source, message in stats.warnings:
        click.echo(f"warning: {source}: {message}", err=True)
    for failure in stats.failed:
        click.echo(f"error: {failure.source}: {failure.message}", err=True)
    click.echo(stats.summary() if summary is None else summary, err=True)


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 article", "2 articles", "1 story", "2 stories".

    >>> plural(1, "origin"), plural(2, "story", "stories"), plural(0, "article")
    ('1 origin', '2 stories', '0 articles')
    """
    return f"{n} {one if n == 1 else many or one + 's'}"


def _emit_records(
    records: Sequence[dict[str, Any]],
    fmt: str,
    *,
    title: str = "",
    single: bool = False,
    fields: Sequence[str] = (),
    drop: Sequence[str] = (),
    empty: str = "none",
    note: str = "",
) -> None:
    """Write records as JSON, JSON Lines, CSV (a header even with no rows: ``fields``) or a
    table fitted to the terminal (``drop``: the columns that may go to fit, least important
    first; ``empty``: what to say when there are no rows; ``note``: a line under the table)."""
    if fmt == "json":
        payload: Any = records[0] if single and records else list(records)
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif fmt == "csv":
        _emit_csv(records, fields)
    else:
        _emit_table(records, title, drop=drop, empty=empty, note=note)


def _emit_csv(records: Sequence[dict[str, Any]], fields: Sequence[str] = ()) -> None:
    names = list(records[0]) if records else list(fields)
    if not names:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)  # None is written as an empty field


_WHOLE = frozenset(
    {"id", "article", "runner_up", "origin", "members", "published", "dates", "rule"}
    | {"origin_rule", "articles", "outlets", "origins", "sentences", "removed", "score"}
    | {"threshold", "runner_up_score"}
)
"""Columns whose words are never broken in a table: ids, numbers, dates and rule names."""


def _emit_table(
    records: Sequence[dict[str, Any]],
    title: str,
    *,
    drop: Sequence[str] = (),
    empty: str = "none",
    note: str = "",
) -> None:
    """A table that fits the terminal: ids and numbers whole, text wrapped, the least
    important columns (``drop``) left out when it cannot fit, and a line that says so."""
    from rich.text import Text

    from storylens.report.terminal import print_table

    keys = list(records[0]) if records else []
    headers = [_header(k) for k in keys]
    whole = {_header(k) for k in keys if k in _WHOLE or _numbers(records, k)}
    rows = [[Text(_shown(r[k])) for k in keys] for r in records]  # no markup from data
    print_table(
        console(),
        title,
        headers,
        rows,
        whole=whole,
        drop=[_header(k) for k in drop],
        empty=empty,
        hint="widen the terminal, set COLUMNS, or use --format csv or json",
        note=note,
    )


def _header(key: str) -> str:
    """A record's key as a table header that may wrap: ``runner_up_score`` is "runner up score"."""
    return key.replace("_", " ")


def _numbers(records: Sequence[dict[str, Any]], key: str) -> bool:
    values = [r[key] for r in records if r[key] is not None]
    return bool(values) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values
    )


def _shown(value: object) -> str:
    return "" if value is None else str(value)


def console() -> Any:
    """A rich console on stdout as wide as :func:`width` says."""
    from rich.console import Console

    return Console(width=width())


DEFAULT_WIDTH = 100
"""Columns of a table written to a pipe or file when ``COLUMNS`` is not set."""


def width() -> int:
    """How wide tables may be: ``COLUMNS`` when it is set (piped or not), else the
    terminal's width, else (output piped or written to a file) :data:`DEFAULT_WIDTH`."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return DEFAULT_WIDTH
