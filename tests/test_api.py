"""The public API: everything in __all__ exists, and the package runs as a module."""

from __future__ import annotations

import subprocess
import sys

import pytest

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


def test_api_compare_says_what_to_pass() -> None:
    from storylens.compare import CompareOptions, compare
    from storylens.model import Article, Paragraph

    one = Article("a", "Rain fell.", (Paragraph(0, 10),), "h")
    with pytest.raises(TypeError) as error:
        compare(one)  # type: ignore[arg-type]
    assert str(error.value) == (
        "compare() takes a sequence of Article objects, not one Article: pass a list"
        " (read files with storylens.iter_articles)"
    )
    with pytest.raises(TypeError, match=r"not a str: pass a list"):
        compare("Rain fell.")
    with pytest.raises(TypeError, match=r"^compare\(\) takes Article objects, not dict:"):
        compare([{"text": "Rain fell."}])  # type: ignore[list-item]
    with pytest.raises(ValueError, match=r"^compare\(\) needs at least one article$"):
        compare([])
    with pytest.raises(ValueError, match=r"^digest_words must be at least 1 \(got 0\)$"):
        CompareOptions(digest_words=0)
