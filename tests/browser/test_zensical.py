"""Zensical builds the staged tree of the real guide, and its pages, search and tools work in Chromium.

Zensical (by Material's team) runs no MkDocs plugins, so `python -m generator stage` is its way in: the
staged tree carries the pages, the JSON, the handouts, the scripts and styles, the theme's overrides
and the checklists' markup, and names nothing of the generator. What the plugin alone adds is not
there, by design: the security policy, the bundled scripts and their preloads, and the language
switch's link to the same page (it leads to the other language's home).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import guarded_context
from playwright.sync_api import Browser, Page, expect
from sitebuild import ROOT, serve
from tooling import PICKER_READY, PREP_READY

pytestmark = pytest.mark.browser

TOOLS = {
    "questions/": PICKER_READY,
    "prep-sheet/": PREP_READY,
    "checklists/": ".guide-checklist-progress",
    "tracker/": ".guide-tracker__app",
    "scripts/thank-you/": ".guide-studio__app",
    "fr/prep-sheet/": PREP_READY,
    "fr/checklists/": ".guide-checklist-progress",
}


def _run(args: list[str], cwd: Path) -> None:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real guide staged, built by Zensical in both languages, and served."""
    staged = tmp_path_factory.mktemp("zensical") / "staged"
    _run([sys.executable, "-m", "generator", "stage", str(staged)], ROOT)
    for config in ("mkdocs.yml", "mkdocs.fr.yml"):  # the English first: a build empties its folder
        _run([sys.executable, "-m", "zensical", "build", "--config-file", config], staged)
    with serve(staged / "site") as url:
        yield url


@pytest.fixture
def zensical_page(browser: Browser, zensical_site: str, page_problems: list[str]) -> Iterator[Page]:
    """A page that must make no request elsewhere and log no error."""
    context = guarded_context(
        browser, zensical_site, page_problems.append, viewport={"width": 390, "height": 844}
    )
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not page_problems, "\n".join(page_problems)


@pytest.mark.parametrize("path", list(TOOLS))
def test_each_tool_starts_on_zensical_s_pages(zensical_page: Page, zensical_site: str, path: str) -> None:
    zensical_page.goto(zensical_site + path)
    zensical_page.wait_for_selector(TOOLS[path], state="attached")
    expect(zensical_page.locator("[aria-busy=true]")).to_have_count(0)


def test_a_tick_is_kept_and_search_finds_the_scripts(zensical_page: Page, zensical_site: str) -> None:
    page = zensical_page
    page.goto(zensical_site + "checklists/")
    page.wait_for_selector(TOOLS["checklists/"])
    tick = page.locator('[data-checklist-item="before-pack"] input[type="checkbox"]')
    tick.check()
    page.reload()
    page.wait_for_selector(TOOLS["checklists/"])
    expect(tick).to_be_checked()
    page.set_viewport_size({"width": 1280, "height": 900})  # the header's search button is for wide screens
    page.locator(".md-search__button").first.click()
    page.keyboard.type("thank-you email")
    expect(page.get_by_role("link", name="Thank-you email after the conversation").first).to_be_visible()


def test_the_handouts_and_the_data_are_served(zensical_site: str, zensical_page: Page) -> None:
    for path in ("downloads/guide.pdf", "questions.json", "fr/questions.json", "fr/downloads/guide.pdf"):
        response = zensical_page.request.get(zensical_site + path)
        assert response.status == 200, path
