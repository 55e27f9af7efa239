"""Keyboard gate: Tab through every page; every control is reached, shows a focus ring and has a name.

A control is anything a sighted visitor can see and click: links, buttons, form fields, summaries,
elements with a tabindex, and labels that stand in for hidden checkboxes (Material's menu, search and
palette switches). Each stop of the Tab key must show an outline of at least 2 px with 3:1 contrast
against the background around it, not cut off by a scroll area and not covered by anything, and
must have an accessible name (Chromium's own computation; a focusable scroll area of code or a table
is exempt). Focus must leave the page at the end.
"""

from __future__ import annotations

import gate_report
import pytest
from browsing import describe, open_site_page
from keyboard_gate import controls, install, report, tab_through, unreached
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport_width", [1280, 390], indirect=True)
def test_every_control_is_reachable_named_and_shows_focus(
    pooled_page: Page, site_url: str, site_page: str, viewport_width: int, pytestconfig: pytest.Config
) -> None:
    open_site_page(pooled_page, site_url, site_page)
    install(pooled_page)
    required = controls(pooled_page)
    walk = tab_through(pooled_page, describe(site_page, viewport_width, "light"), 3 * len(required) + 20)
    if not walk.left_page:
        walk.problems.append(f"focus never left the page after {len(walk.stops)} Tab presses (a trap?)")
    walk.problems.extend(unreached(walk, required))
    gate_report.note(pytestconfig, "keyboard: pages tabbed through", site_page)
    gate_report.note(
        pytestconfig,
        "keyboard: Tab stops checked",
        *(f"{site_page}@{viewport_width}:{s['key']}" for s in walk.stops),
    )
    if walk.problems:
        pytest.fail(report(walk), pytrace=False)


MENU = "label.md-header__button[for='__drawer']"
SIDEBAR = ".md-sidebar--primary"


def open_menu(page: Page) -> None:
    """Tab to the phone menu's button and press Enter; focus must move into the open menu."""
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", MENU):
            break
    else:
        pytest.fail("Tab never reached the menu button", pytrace=False)
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked"), "Enter did not open the menu"
    try:
        page.wait_for_function(
            "s => document.querySelector(s).contains(document.activeElement)", arg=SIDEBAR, timeout=2000
        )
    except PlaywrightTimeoutError:
        pytest.fail("focus did not move into the open menu", pytrace=False)


@pytest.mark.parametrize("viewport_width", [390], indirect=True)
def test_phone_menu_opens_is_walked_and_closes_by_keyboard(
    pooled_page: Page, site_url: str, site_page: str, viewport_width: int
) -> None:
    page = pooled_page
    open_site_page(page, site_url, site_page)
    install(page)
    open_menu(page)
    required = controls(page, SIDEBAR)
    walk = tab_through(
        page,
        describe(site_page, viewport_width, "light") + ", menu open",
        3 * len(required) + 10,
        inside=SIDEBAR,
    )
    walk.problems.extend(unreached(walk, required))
    if page.evaluate("document.getElementById('__drawer').checked"):
        walk.problems.append("the menu stayed open when focus left it")
    page.focus(MENU)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    if page.evaluate("document.getElementById('__drawer').checked"):
        walk.problems.append("Escape did not close the menu")
    if not page.evaluate("s => document.activeElement.matches(s)", MENU):
        walk.problems.append("after Escape, focus is not back on the menu button")
    if walk.problems:
        pytest.fail(report(walk), pytrace=False)


def focus_moves_to(page: Page, selector: str) -> bool:
    """Wait up to a second for focus to land on an element matching `selector`."""
    try:
        page.wait_for_function("s => document.activeElement.matches(s)", arg=selector, timeout=1000)
    except PlaywrightTimeoutError:
        return False
    return True


@pytest.mark.parametrize("viewport_width", [390], indirect=True)
def test_phone_menu_sections_open_and_go_back_by_keyboard(pooled_page: Page, site_url: str) -> None:
    page = pooled_page
    open_site_page(page, site_url, "scripts/index.html")
    open_menu(page)
    title = page.evaluate("document.activeElement.textContent.trim()")
    assert title == "Outreach scripts", f"the open menu should start at the page's section, not {title!r}"
    page.keyboard.press("Enter")  # the section's title goes back to the main menu
    assert focus_moves_to(page, "label.md-nav__link"), "going back did not focus the section's arrow"
    assert page.evaluate("document.activeElement.computedName") == "Outreach scripts"
    for _ in range(10):  # back to the previous section's arrow
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.matches('label.md-nav__link')"):
            break
    name = page.evaluate("document.activeElement.computedName")
    assert name and name != "Outreach scripts", f"Shift+Tab did not reach another section's arrow ({name!r})"
    page.keyboard.press("Space")
    assert focus_moves_to(page, "label.md-nav__title"), f"Space on {name!r} did not focus the section's title"
    title = page.evaluate("document.activeElement.textContent.trim()")
    assert title == name, f"opened {title!r} from the arrow named {name!r}"


IN_VIEW = """() => {
  const box = document.activeElement.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""


@pytest.mark.parametrize("viewport_width", [390], indirect=True)
def test_a_field_focused_as_search_closes_on_a_phone_is_shown(pooled_page: Page, site_url: str) -> None:
    """On a phone Material fixes the page while search is open; a field focused as it closes is shown."""
    page = pooled_page
    open_site_page(page, site_url, "scripts/invitation-to-apply-reply/index.html")
    page.focus(".md-search__input")
    page.wait_for_function("() => document.body.hasAttribute('data-md-scrolllock')", timeout=5000)
    # Search closes (as Tab from its field closes it) and a field far down the page takes focus in the
    # same task, as a quick second Tab does: Material's timer cannot have let go of the page yet.
    fixed = page.evaluate(
        """() => {
          const search = document.getElementById("__search");
          search.checked = false;
          search.dispatchEvent(new Event("change"));
          document.querySelector(".guide-studio__form input[name=contact_name]").focus();
          return document.body.hasAttribute("data-md-scrolllock");
        }"""
    )
    assert fixed, "the field should take focus after search closed and before Material let go of the page"
    page.wait_for_function("() => !document.body.hasAttribute('data-md-scrolllock')", timeout=5000)
    try:
        page.wait_for_function(IN_VIEW, timeout=2000)
    except PlaywrightTimeoutError:
        top = page.evaluate("document.activeElement.getBoundingClientRect().top")
        pytest.fail(f"the focused field stayed out of view (its top at {top:.0f} px)", pytrace=False)


BAD_KEYBOARD_PAGE = """<!doctype html><html lang="en"><head><title>Bad</title></head><body>
<p><a href="#x" class="no-ring" style="outline: none">no ring</a></p>
<p><button class="nameless" style="outline: 3px solid #000"></button></p>
<p><label for="box" class="unreachable">Toggle</label><input type="checkbox" id="box" hidden></p>
<div style="overflow: hidden; width: 200px"><a href="#y" class="clipped"
   style="display: block; outline: 3px solid #000; outline-offset: 4px">cut off</a></div>
<p><a href="#z" class="pale" style="outline: 3px solid #eee">pale ring</a></p>
</body></html>"""


def test_keyboard_gate_reports_each_kind_of_problem(page: Page) -> None:
    page.set_content(BAD_KEYBOARD_PAGE)
    install(page)
    required = controls(page)
    walk = tab_through(page, "bad page", 3 * len(required) + 20)
    walk.problems.extend(unreached(walk, required))
    message = report(walk)
    assert walk.left_page, message
    expected = [
        "no focus ring of 2 px or more (outline: none",
        "no accessible name (role button): button.nameless",
        "not reachable with Tab: label.unreachable",
        "focus ring cut off by div: a.clipped",
        "focus ring contrast 1.16:1 is under 3:1",
    ]
    for text in expected:
        assert text in message, f"{text!r} missing from:\n{message}"
    assert len(walk.problems) == len(expected), message
