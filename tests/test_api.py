"""The public API: everything in __all__ exists, and the package runs as a module."""

from __future__ import annotations

import subprocess
import sys

import storylens


def test_api_all_names_exist_and_are_sorted() -> None:
    names = list(storylens.__all__)
    assert names == sorted(names)
    for name in names:
        assert hasattr(storylens, name), name


def test_api_names_are_not_shadowed_by_submodules() -> None:
    import types

    import storylens.cli
    import storylens.compare
    import storylens.ingest
    import storylens.pipeline
    import storylens.stories  # the imports set the attributes this test checks

    for name in storylens.__all__:
        assert not isinstance(getattr(storylens, name), types.ModuleType), name


def test_api_python_dash_m_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "storylens", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"storylens, version {storylens.__version__}"
