"""``python -m storylens``: the same as the ``storylens`` command."""

from storylens.cli import main

main()
