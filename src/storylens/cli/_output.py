"""What the commands share: the common options, error handling, output formats (table,
JSON, JSON Lines, CSV), the ingest progress bar and the closing summary on stderr."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
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

    return wrapper  # type: ignore[return-value]  # wraps keeps the signature click reads


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
}


def _finish(stats: IngestStats) -> None:
    _report(stats)
    if stats.failed:
        sys.exit(1)


def _report(stats: IngestStats) -> None:
    """One line per skipped and failed document, then the summary, on stderr."""
    for skip in stats.skipped:
        hint = SKIP_HINTS.get(skip.reason, "not a news article, so it was left out")
        click.echo(f"skipped: {skip.source}: {skip.reason}: {hint}", err=True)
    for failure in stats.failed:
        click.echo(f"error: {failure.source}: {failure.message}", err=True)
    click.echo(stats.summary(), err=True)


def _emit_records(
    records: Sequence[dict[str, Any]], fmt: str, *, title: str = "", single: bool = False
) -> None:
    if fmt == "json":
        payload: Any = records[0] if single and records else list(records)
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif fmt == "csv":
        _emit_csv(records)
    else:
        _emit_table(records, title)


def _emit_csv(records: Sequence[dict[str, Any]]) -> None:
    if not records:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


_ID_COLUMNS = frozenset({"id", "article", "runner_up"})
_SHORT_VALUE = 22  # longest value kept on one line in a table: "2026-03-03..2026-03-04"


def _emit_table(records: Iterable[dict[str, Any]], title: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    rows = list(records)
    table = Table(title=title or None, show_lines=False)
    for column in rows[0] if rows else ["(none)"]:
        # ids are copied and pasted, and short values (dates, scores, rules) read badly when
        # broken: never break them over two lines; long text wraps at spaces
        longest = max((len(str(row[column])) for row in rows), default=0)
        short = column in _ID_COLUMNS or longest <= _SHORT_VALUE
        table.add_column(column, overflow="fold", no_wrap=short)
    for row in rows:
        table.add_row(*(Text(str(v)) for v in row.values()))  # no markup from data
    Console(width=_width()).print(table)


def _width() -> int | None:
    return None if sys.stdout.isatty() else 100
