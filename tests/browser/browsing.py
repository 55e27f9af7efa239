"""Helpers shared by the browser gates: guarded contexts, a pool of tabs, opening a page of the site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request
from sitebuild import page_path

# The colour scheme a visitor prefers -> the Material scheme the palette must then show.
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


def open_site_page(page: Page, site_url: str, html_file: str, color_scheme: str = "light") -> str:
    """Load a page of the built site; check it answered 200 and shows the visitor's scheme; return its URL."""
    url = urljoin(site_url, page_path(html_file))
    response = page.goto(url, wait_until="load")
    assert response is not None, f"no response for {url}"
    assert response.status == 200, f"{url} answered {response.status}"
    expected = MATERIAL_SCHEME[color_scheme]
    page.wait_for_function(
        "scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=expected, timeout=5000
    )
    # The browser tools mark what they are still building with aria-busy (page.js `busyUntil`).
    page.wait_for_function("() => !document.querySelector('[aria-busy=\"true\"]')", timeout=10000)
    return url


def describe(html_file: str, width: int, color_scheme: str) -> str:
    """A short label for failure messages: `questions/ at 390 px, dark scheme`."""
    return f"/{page_path(html_file)} ({html_file}) at {width} px, {color_scheme} scheme"


def load_script(page: Page, path: Path) -> None:
    """Run a test's own script file in the page, as the browser's tools would, past the page's policy.

    An added `<script>` element would be an inline script, which the site's policy rightly refuses.
    """
    page.evaluate(path.read_text(encoding="utf-8") + "\n;undefined")


REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content Security Policy violation: ${event.violatedDirective} refused ${event.blockedURI}`);
});"""


def guarded_context(
    browser: Browser, site_url: str, record: Callable[[str], None], **options: Any
) -> BrowserContext:
    """A browser context that records requests elsewhere, console errors, exceptions and CSP violations.

    The browser cannot resolve any host but 127.0.0.1 (see CHROMIUM_ARGS), so such requests also fail.
    Requests are watched, not intercepted: interception pauses every request and slows each page.
    The context asks for reduced motion, so Material draws no transitions that could catch a check
    half-way.
    """
    # Service workers are blocked unless a test asks for them (test_offline.py): the site's worker would
    # fetch the whole site into each new context, and Playwright's routes do not see what it answers.
    context = browser.new_context(reduced_motion="reduce", **{"service_workers": "block", **options})
    # Each page carries a Content Security Policy (generator/site/csp.py): anything it refuses is an error.
    context.add_init_script(REPORT_VIOLATIONS)

    def on_request(request: Request) -> None:
        if not request.url.startswith((site_url, "data:", "blob:")):
            record(f"request to another host: {request.url}")

    def watch(page: Page) -> None:
        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                source = message.location.get("url") or "?"
                record(f"{page.url}: console error: {message.text} (from {source})")

        page.on("console", on_console)
        page.on("pageerror", lambda error: record(f"{page.url}: uncaught exception: {error}"))

    context.on("request", on_request)
    context.on("page", watch)
    return context


def fail_on_problems(problems: list[str]) -> None:
    """Fail the test if its page made requests elsewhere, logged errors or threw."""
    if problems:
        pytest.fail("the page had problems:\n" + "\n".join(problems), pytrace=False)


class ContextPool:
    """Browser pages shared by the per-page gates, one per set of options.

    A new context or tab costs a second or more (new renderer, cold caches); the gates visit every page
    several times, so each set of options keeps one tab that the tests navigate in turn. A test gets the
    tab with the site's localStorage and sessionStorage cleared and its own problem list. Tests must not
    change the tab's viewport or emulation; a navigation resets everything else.

    Here the site's service worker runs, as it does for visitors: once it has kept the site, the gates
    check pages as the worker serves them.
    """

    def __init__(self, browser: Browser, site_url: str) -> None:
        """Start with no contexts; they are made on first use."""
        self.browser = browser
        self.site_url = site_url
        self.pages: dict[tuple[Any, ...], Page] = {}
        self.problems: list[str] = []

    def _record(self, problem: str) -> None:
        """Add a problem to the list of the test now running."""
        self.problems.append(problem)

    def page(
        self,
        problems: list[str],
        *,
        width: int,
        height: int = 900,
        scheme: str = "light",
        scale: float = 1,
        init_script: Path | None = None,
    ) -> Page:
        """The pooled tab for these options, its site storage cleared, reporting problems to `problems`."""
        key = (width, height, scheme, scale, init_script)
        self.problems = problems
        if key not in self.pages:
            context = guarded_context(
                self.browser,
                self.site_url,
                self._record,
                viewport={"width": width, "height": height},
                color_scheme=scheme,
                device_scale_factor=scale,
                service_workers="allow",
            )
            if init_script is not None:
                context.add_init_script(path=init_script)
            self.pages[key] = context.new_page()
        page = self.pages[key]
        if page.url.startswith(self.site_url):
            page.evaluate("localStorage.clear(); sessionStorage.clear()")
        return page

    def close(self) -> None:
        """Close every pooled context."""
        for page in self.pages.values():
            page.context.close()
