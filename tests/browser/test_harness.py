"""The harness itself: it sees requests to other hosts, console errors and uncaught exceptions."""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import guarded_context
from playwright.sync_api import Browser
from sitebuild import html_pages, pages_to_check

pytestmark = pytest.mark.browser

MISBEHAVE = """async () => {
    const url = "https://fonts.googleapis.com/css?family=Roboto";
    const fetched = await fetch(url).then(() => "loaded", () => "failed");
    console.error("something broke");
    setTimeout(() => { throw new Error("uncaught"); }, 0);
    await new Promise(done => setTimeout(done, 50));
    return fetched;
}"""


def test_guard_records_other_hosts_console_errors_and_exceptions(browser: Browser, site_url: str) -> None:
    problems: list[str] = []
    # Past the site's own policy, which refuses the request before the guard could see it
    # (test_policy.py): the guard stands behind it for whatever the policy allows.
    context = guarded_context(
        browser, site_url, problems.append, viewport={"width": 800, "height": 600}, bypass_csp=True
    )
    try:
        page = context.new_page()
        page.goto(site_url)
        assert page.evaluate(MISBEHAVE) == "failed", "a request to another host was not blocked"
    finally:
        context.close()
    text = "\n".join(problems)
    assert "request to another host: https://fonts.googleapis.com/css?family=Roboto" in text, text
    assert "console error: something broke" in text, text
    assert "uncaught exception: uncaught" in text, text


def test_the_per_page_gates_cover_every_html_file(built_site: Path, pytestconfig: pytest.Config) -> None:
    pages = pages_to_check(pytestconfig)
    assert pages == html_pages(built_site)
    assert len(pages) == len(list(built_site.rglob("*.html")))
    assert {"index.html", "404.html", "questions/index.html"} <= set(pages), pages[:5]
