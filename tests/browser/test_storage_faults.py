"""Nothing in storage breaks a page: the theme's damaged entry, storage refused or full, huge values, 2 tabs.

Each test opens real pages of the built site in Chromium, whose context fails the test on any uncaught
exception or console error (conftest's `page`). Our own damaged store has its tests with each tool.
"""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urljoin

import pytest
from browsing import guarded_context
from playwright.sync_api import Browser, Locator, Page, expect
from tooling import PREP_READY, STORAGE_KEY, stored, stored_when

pytestmark = pytest.mark.browser

PALETTE = "() => __md_scope.pathname + '.__palette'"
DARK = {
    "index": 1,
    "color": {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "primary": "custom",
        "accent": "custom",
    },
}
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
NOT_SAVING = "Your browser did not let this page save (its storage may be full)."
REFUSED = {
    "en": "Your browser does not let this site keep data",
    "fr": "Votre navigateur ne permet pas à ce site",
}
# Storage the browser refuses, as Chromium does when a person blocks site data: reading localStorage
# throws. (Chromium has no switch for it that a test can set, so the page is told before it starts.)
REFUSE_STORAGE = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The user denied permission to access the database.", "SecurityError"); },
});"""


def box(page: Page, item_id: str) -> Locator:
    """The checkbox of one checklist item."""
    return page.locator(f'[data-checklist-item="{item_id}"] input[type="checkbox"]')


def open_page(page: Page, site_url: str, path: str, ready: str) -> None:
    """Open `path` and wait until `ready` is in the page (the tool has drawn itself)."""
    response = page.goto(urljoin(site_url, path))
    assert response is not None and response.status == 200, f"{path} did not load"
    page.wait_for_selector(ready, state="attached")


def set_palette(page: Page, site_url: str, text: str) -> None:
    """Store `text` as the theme's colour scheme entry, from a page of the site."""
    if not page.url.startswith(site_url):
        page.goto(urljoin(site_url, "404.html"))
    page.evaluate(f"text => localStorage.setItem(({PALETTE})(), text)", text)


@pytest.mark.parametrize(
    "text",
    [
        '{"index": 1, "color": {"scheme": "sla',  # cut short
        "undefined",  # not JSON
        '"slate"',  # JSON, not the theme's shape
        '{"index": 9, "color": {"scheme": "slate"}}',  # a scheme this site does not have
        '{"index": 0, "color": {"no such name": "x"}}',  # not an attribute name the page can set
        json.dumps({"index": 0, "color": {"scheme": "x" * 2_000_000}}),  # huge
    ],
    ids=["cut-short", "not-json", "foreign", "no-such-scheme", "bad-name", "huge"],
)
def test_a_damaged_colour_scheme_entry_is_forgotten_and_the_switch_works(
    page: Page, site_url: str, text: str
) -> None:
    set_palette(page, site_url, text)
    open_page(page, site_url, "checklists/", ".guide-checklist-progress")
    key = page.evaluate(PALETTE)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    # The theme saves the scheme it starts in: the damaged entry is replaced by a good one.
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", key))["index"] == 0
    page.locator('label[for="__palette_1"]').click()  # the header's button: "Switch to dark mode"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", key))["index"] == 1
    box(page, "before-pack").check()
    stored_when(page, lambda data: data["checklists"]["before-pack"]["done"], "saved the tick")


def test_the_theme_s_own_colour_scheme_entry_is_kept(page: Page, site_url: str) -> None:
    set_palette(page, site_url, json.dumps(DARK))
    open_page(page, site_url, "", ".md-content")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", page.evaluate(PALETTE))) == DARK


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("checklists/", ".guide-checklist-progress"),
        ("prep-sheet/", PREP_READY),
        ("tracker/", ".guide-tracker__app"),
        ("scripts/thank-you/", ".guide-studio__app"),
        ("questions/", ".guide-picker .guide-select"),
        ("fr/checklists/", ".guide-checklist-progress"),
    ],
)
def test_storage_the_browser_refuses_leaves_the_tools_working_and_says_so(
    browser: Browser, site_url: str, page_problems: list[str], path: str, ready: str
) -> None:
    context = guarded_context(browser, site_url, page_problems.append, viewport={"width": 390, "height": 844})
    context.add_init_script(REFUSE_STORAGE)
    try:
        page = context.new_page()
        open_page(page, site_url, path, ready)
        expect(page.locator(".md-content")).to_contain_text(REFUSED["fr" if path.startswith("fr/") else "en"])
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
        if "checklists/" in path:
            box(page, "before-pack").check()
            expect(box(page, "before-pack")).to_be_checked()
    finally:
        context.close()
    assert not page_problems, "\n".join(page_problems)


FILL = """key => {
  // Fill this origin's storage to its real quota, in ever smaller pieces, as other pages might have.
  let size = 1 << 20, n = 0;
  while (size >= 1) {
    try { localStorage.setItem(`${key}${n++}`, "x".repeat(size)); } catch { size >>= 1; }
  }
  return n;
}"""
EMPTY = """key => Object.keys(localStorage)
  .filter((k) => k.startsWith(key))
  .forEach((k) => localStorage.removeItem(k))"""


def test_full_storage_keeps_the_ticks_on_the_page_says_so_and_saves_once_there_is_room(
    page: Page, site_url: str
) -> None:
    open_page(page, site_url, "checklists/", ".guide-checklist-progress")
    page.evaluate(FILL, "filler:")
    box(page, "before-pack").check()
    expect(page.locator(".md-content")).to_contain_text(NOT_SAVING)
    expect(box(page, "before-pack")).to_be_checked()
    assert stored(page) is None
    page.evaluate(EMPTY, "filler:")  # the visitor makes room (another site's data cleared)
    box(page, "before-plan-route").check()
    saved = stored_when(page, lambda data: data["checklists"]["before-plan-route"]["done"], "saved")
    assert saved["checklists"]["before-pack"]["done"], "the tick made while storage was full is kept"
    expect(page.locator(".md-content")).not_to_contain_text(NOT_SAVING)


def test_a_huge_damaged_store_is_reported_and_kept(page: Page, site_url: str) -> None:
    open_page(page, site_url, "404.html", "body")
    huge = '{"version": 1, "checklists": {' + '"a": 1, ' * 400_000
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, huge])
    open_page(page, site_url, "checklists/", ".guide-checklist-progress")
    expect(page.locator(".md-content")).to_contain_text("is damaged, and this page cannot read it")
    box(page, "before-pack").check()
    expect(box(page, "before-pack")).to_be_checked()
    assert page.evaluate("key => localStorage.getItem(key).length", STORAGE_KEY) == len(huge)


def test_two_tabs_writing_at_once_keep_both_changes(
    browser: Browser, site_url: str, page_problems: list[str]
) -> None:
    context = guarded_context(
        browser, site_url, page_problems.append, viewport={"width": 1280, "height": 900}
    )
    context.clock.install(time=START)  # the prep sheet saves after a pause in typing: the test says when
    try:
        typing, ticking = context.new_page(), context.new_page()
        open_page(typing, site_url, "prep-sheet/", PREP_READY)
        open_page(ticking, site_url, "checklists/", ".guide-checklist-progress")
        context.clock.pause_at(START + dt.timedelta(minutes=1))
        typing.get_by_label("Their name", exact=True).fill("Dana Lee")  # held back until typing pauses
        box(ticking, "before-pack").check()
        stored_when(ticking, lambda data: data["checklists"]["before-pack"]["done"], "saved the tick")
        assert "Dana Lee" not in json.dumps(stored(ticking)), "the typing was saved before the tick"
        # Chromium hands one tab's write to the other tab's process a moment later: the test waits until
        # the typing tab can read the tick, since what the store can read is what it can keep.
        stored_when(typing, lambda data: data["checklists"]["before-pack"]["done"], "showed the tick")
        context.clock.run_for(1000)  # the pause comes: the prep sheet saves
        both = stored_when(typing, lambda data: "Dana Lee" in json.dumps(data), "saved the name typed")
        assert "before-pack" in both["checklists"], "the other tab's tick was lost"
        # And the other way: the checklists tab ticks again over the prep sheet's save, once it can read it.
        stored_when(ticking, lambda data: "Dana Lee" in json.dumps(data), "showed the name")
        box(ticking, "before-plan-route").check()
        last = stored_when(ticking, lambda data: data["checklists"]["before-plan-route"]["done"], "saved")
        assert "Dana Lee" in json.dumps(last), "the tick saved the tab's older copy over the name"
    finally:
        context.close()
    assert not page_problems, "\n".join(page_problems)
