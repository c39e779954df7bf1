"""Open pages in headless Chromium (Debian's package) through Playwright, for browser tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class PageReport:
    """What a page did while it loaded: console errors, dialogs (alert), page errors."""

    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    title: str = ""
    text: str = ""
    overflow: int = 0  # how many pixels the page is wider than the window (0: no sideways scroll)


@contextmanager
def chromium() -> Iterator[Any]:
    """A Playwright browser on the system Chromium; skips when either is missing."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("chromium is not installed: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[dev]'")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def visit(browser: Any, path: Path, screenshot: Path | None = None) -> PageReport:
    """Open a local file, wait for it to settle, and report what happened."""
    report = PageReport()
    page = browser.new_page()
    page.on("console", lambda m: m.type == "error" and report.console_errors.append(m.text))
    page.on("pageerror", lambda e: report.page_errors.append(str(e)))

    def _dialog(dialog: Any) -> None:
        report.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", _dialog)
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    report.title = page.title()
    report.text = page.inner_text("body")
    report.overflow = int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))
    if screenshot is not None:
        page.screenshot(path=str(screenshot), full_page=True)
    page.close()
    return report
