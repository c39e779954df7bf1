"""The ``storylens`` command: a thin shell over the library.

Each command parses its options, opens the store, calls one library function and renders the
result. Data goes to stdout; progress and the closing summary go to stderr.

The commands live in :mod:`.articles`, :mod:`.stories` and :mod:`.compare`, and register
themselves on :func:`main` when imported at the end of this module; :mod:`._output` holds what
they share (options, output formats, progress, error handling).
"""

from __future__ import annotations

import click

from storylens import __version__

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storylens")
def main() -> None:
    """Compare how news outlets report the same event, with offsets as proof."""


# E402: these must come after ``main``, which they import to add their commands to it.
# F401: imported only for that side effect.
from storylens.cli import articles, compare, stories  # noqa: E402, F401
