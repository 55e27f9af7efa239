"""The guide with no signal: after one visit, every page and tool in both languages; a new build; install.

These contexts let the site's service worker run (the others block it, see browsing.py). Each waits
for the worker to hold the whole site (the cache has every file its list names) before the network is
cut with `context.set_offline(True)`.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import guarded_context
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sitebuild import CHROMIUM, CHROMIUM_ARGS, html_pages, serve
from tooling import PICKER_READY, PREP_READY, assert_axe_clean

from generator.site.offline import WORKER, AppLanguage, write_offline

pytestmark = pytest.mark.browser

# Resolves once the worker controls the page and its one cache holds every file of its list; fails
# after `timeout` ms saying how far it got. (wait_for_function would take the promise itself as true.)
KEPT = """async ([expected, timeout]) => {
  const deadline = Date.now() + timeout;
  let kept = 0;
  for (;;) {
    const keys = await caches.keys();
    kept = keys.length === 1 ? (await (await caches.open(keys[0])).keys()).length : 0;
    if (navigator.serviceWorker.controller && kept === expected) return kept;
    if (Date.now() > deadline) throw new Error(`the worker kept ${kept} of ${expected} files`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}"""


def listed_files(site: Path) -> int:
    """How many files the site's worker keeps, read from the list the build wrote into it."""
    text = (site / WORKER).read_text(encoding="utf-8")
    listed = re.search(r"^const PRECACHE = (\{.*\});$", text, re.M)
    assert listed, "sw.js holds no list of files"
    return len(json.loads(listed.group(1))["files"])


def visit_and_keep(page: Page, url: str, expected: int) -> None:
    """Open a page and wait until the worker holds every file of the site."""
    page.goto(url)
    assert page.evaluate(KEPT, [expected, 120_000]) == expected


@pytest.fixture
def offline_context(browser: Browser, site_url: str, page_problems: list[str]) -> Iterator[BrowserContext]:
    """A context whose pages the site's worker may control, failing on errors and requests elsewhere."""
    context = guarded_context(
        browser,
        site_url,
        page_problems.append,
        viewport={"width": 390, "height": 844},
        service_workers="allow",
    )
    try:
        yield context
    finally:
        context.close()
    # Offline, the only problems allowed are the address that leads nowhere, asked for on purpose.
    left = [
        problem
        for problem in page_problems
        if "no-such-page" not in problem and "status of 404" not in problem
    ]
    assert not left, "\n".join(left)


def test_after_one_visit_every_page_and_tool_works_offline(
    offline_context: BrowserContext, site_url: str, built_site: Path
) -> None:
    page = offline_context.new_page()
    visit_and_keep(page, site_url + "research/", listed_files(built_site))
    offline_context.set_offline(True)
    for html in html_pages(built_site):
        address = site_url + html.removesuffix("index.html")
        response = page.goto(address)
        assert response is not None and response.status == 200, f"{address} offline: {response}"
    missing = page.goto(site_url + "fr/no-such-page/")
    assert missing is not None and missing.status == 404
    expect(page.locator("h1")).to_have_text("Page introuvable")

    page.goto(site_url + "questions/career-path/")
    page.wait_for_selector(PICKER_READY)
    page.locator('[data-question-id="how-you-started"] .guide-pick input').check()
    page.get_by_role("link", name="Open your prep sheet").click()
    page.wait_for_selector(PREP_READY, state="attached")
    expect(page.locator(".guide-prep__item-text")).to_have_text(["How did you come to work in this field?"])
    page.get_by_role("button", name="Start the timer").click()
    expect(page.locator(".guide-timer--running")).to_have_count(1)
    assert_axe_clean(page, "prep-sheet/ offline, the timer running")

    page.goto(site_url + "scripts/thank-you/")
    page.wait_for_selector(".guide-studio__app")
    page.locator(".guide-studio__app input[type=text]").first.fill("Dana Lee")
    expect(page.locator(".guide-studio__app")).to_contain_text("Dana Lee")

    page.goto(site_url + "fr/checklists/")
    page.wait_for_selector(".guide-checklist-progress")
    page.locator('[data-checklist-item="before-pack"] input').check()
    expect(page.locator(".guide-checklist-progress__text").first).to_contain_text("1 sur")

    page.goto(site_url + "tracker/")
    page.wait_for_selector(".guide-tracker__app")
    page.get_by_role("button", name="Add a contact").click()
    page.get_by_role("form", name="Add a contact").get_by_label("Name (required)").fill("Ana Silva")
    page.get_by_role("button", name="Add this contact").click()
    expect(page.locator(".guide-tracker__app")).to_contain_text("Ana Silva")

    page.goto(site_url + "prep-sheet/")
    handout = page.get_by_role("link", name=re.compile(r"fillable prep sheet")).get_attribute("href")
    start = page.evaluate(
        """href => fetch(href).then((r) => r.arrayBuffer()).then((b) => [...new Uint8Array(b, 0, 4)])""",
        handout,
    )
    assert bytes(start) == b"%PDF", f"the handout {handout} offline"


def test_a_new_build_reaches_an_open_page_as_a_notice(
    browser: Browser, built_site: Path, tmp_path: Path, page_problems: list[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    with serve(site) as url:
        context = guarded_context(browser, url, page_problems.append, service_workers="allow")
        try:
            page = context.new_page()
            visit_and_keep(page, url + "research/", listed_files(site))
            research = site / "research" / "index.html"
            research.write_text(
                research.read_text(encoding="utf-8").replace("</h1>", " (new)</h1>", 1), encoding="utf-8"
            )
            write_offline(site, [english()], None, None)  # the build's last step, over the changed site
            page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
            notice = page.get_by_role("status").filter(has_text="A newer version of this guide is ready")
            expect(notice).to_be_visible(timeout=60_000)
            expect(page.locator("h1")).not_to_contain_text("(new)")  # nothing changes until the visitor says
            assert_axe_clean(page, "research/ with the newer-version notice")
            notice.get_by_role("button", name="Reload").click()
            expect(page.locator("h1")).to_contain_text("(new)", timeout=30_000)
        finally:
            context.close()
    assert not page_problems, "\n".join(page_problems)


def english() -> AppLanguage:
    """The English app as the build describes it (the version depends only on the site's files)."""
    return AppLanguage("", "en-CA", "Informational Interviews", "Interviews", "", "Prep sheet", "prep-sheet/")


def test_chromium_finds_the_guide_installable(browser: Browser, site_url: str, tmp_path: Path) -> None:
    # An ordinary Playwright context is a private window, where nothing installs: a profile on disk.
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    try:
        page = context.new_page()
        page.goto(site_url)
        page.evaluate("() => navigator.serviceWorker.ready")  # installed and active: its list is kept
        session = context.new_cdp_session(page)
        assert session.send("Page.getInstallabilityErrors") == {"installabilityErrors": []}
        manifest = session.send("Page.getAppManifest")
        assert manifest["errors"] == [] and '"short_name": "Interviews"' in manifest["data"]
    finally:
        context.close()
