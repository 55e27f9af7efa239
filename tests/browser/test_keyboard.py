"""Keyboard gate: Tab through every page; every control is reached, shows a focus ring and has a name.

A control is anything a sighted visitor can see and click: links, buttons, form fields, summaries,
elements with a tabindex, and labels that stand in for hidden checkboxes (Material's menu, search and
palette switches). Each stop of the Tab key must show an outline of at least 2 px with 3:1 contrast
against the background around it, not cut off by a scroll area and not covered by anything, and
must have an accessible name (Chromium's own computation; a focusable scroll area of code or a table
is exempt). Focus must leave the page at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import gate_report
import pytest
from browsing import describe, open_site_page
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sitebuild import ROOT

pytestmark = pytest.mark.browser

FOCUS_JS = ROOT / "tests" / "browser" / "focus.js"
MIN_RING_PX = 2.0
MIN_RING_CONTRAST = 3.0
HOLD_MS = 100  # as in focus.js: how long a form field, or a stop that looks wrong, may settle
# A focusable scroll area (Material's wide code blocks and tables) is not a control: it takes focus
# only so that the arrow keys can scroll it, and these roles may not be named (ARIA 1.2).
SCROLL_AREA_ROLES = {"code", "generic"}

# Visible, clickable things that are deliberately not Tab stops, each with the reason.
NOT_TAB_STOPS = {
    "label.md-nav__title[for='__drawer']": (
        "the phone menu's title bar closes the menu when clicked; it holds the home link, so it cannot"
        " be a button itself; keyboard users close the menu with Escape or the menu button"
    ),
    "label.md-overlay": "the shade behind the open phone menu closes it when clicked; Escape does the same",
    "label.md-search__icon[for='__search']": (
        "the magnifier (wide screens) or arrow (phones) inside the search box opens or closes search;"
        " the search box itself is a Tab stop, and Escape closes search"
    ),
    ".md-sidebar--secondary label.md-nav__title[for='__toc']": (
        "the 'Table of contents' heading beside the page is a label only so that phones can use it to go"
        " back; on a wide screen clicking it does nothing"
    ),
}


@dataclass
class Walk:
    """What one pass of the Tab key found on a page."""

    where: str
    stops: list[dict[str, Any]] = field(default_factory=list)
    left_page: bool = False
    problems: list[str] = field(default_factory=list)


def install(page: Page) -> None:
    """Load the measuring script into the page and mark the deliberate exceptions."""
    page.add_script_tag(path=FOCUS_JS)
    page.evaluate(
        """selectors => { for (const s of selectors)
            for (const e of document.querySelectorAll(s)) e.dataset.gateNotTabStop = ""; }""",
        list(NOT_TAB_STOPS),
    )


def controls(page: Page, scope: str | None = None) -> list[dict[str, str]]:
    """The controls a visitor can see now (optionally only inside `scope`), minus the exceptions."""
    found: list[dict[str, str]] = page.evaluate(
        """scope => window.__gate.controls(scope ? document.querySelector(scope) : document)
            .filter(c => !document.querySelector(`[data-gate-key="${c.key}"]`)
                .matches("[data-gate-not-tab-stop]"))""",
        scope,
    )
    return found


def check_stop(stop: dict[str, Any]) -> list[str]:
    """What is wrong with one Tab stop: not visible, or no clear focus ring."""
    what = stop["what"]
    problems = []
    if not stop["shown"]:
        problems.append(f"takes focus while hidden or off-screen: {what}")
    elif stop["coveredBy"]:
        problems.append(f"focused but covered by {stop['coveredBy']}: {what}")
    if stop["outlineStyle"] == "none" or stop["outlineWidth"] < MIN_RING_PX:
        problems.append(f"no focus ring of {MIN_RING_PX:g} px or more (outline: {stop['outline']}): {what}")
    elif stop["ringContrast"] < MIN_RING_CONTRAST:
        problems.append(
            f"focus ring contrast {stop['ringContrast']:.2f}:1 is under {MIN_RING_CONTRAST:g}:1"
            f" (outline: {stop['outline']}): {what}"
        )
    if stop["clippedBy"]:
        problems.append(f"focus ring cut off by {stop['clippedBy']}: {what}")
    return problems


def tab_through(page: Page, where: str, limit: int, *, key: str = "Tab", inside: str = "") -> Walk:
    """Press Tab until focus leaves the page (or, with `inside`, that element) and check every stop.

    The page measures each stop itself just before the next press moves focus on (focus.js), so a
    walk costs one round trip per press; it is asked whether the walk is over every few presses.
    """
    walk = Walk(where)
    page.evaluate(
        "args => window.__gate.startWalk(...args)",
        [inside, key, bool(inside), MIN_RING_PX, MIN_RING_CONTRAST],
    )
    pressed, held, chunk = 0, 0, max(5, min(limit, 40))
    most = 3 * limit + 200  # presses held back extend the walk, but never without end
    while pressed < min(limit + held, most):
        presses = min(chunk, min(limit + held, most) - pressed)
        for _ in range(presses):
            page.keyboard.press(key)
        pressed += presses
        state = page.evaluate("window.__gate.walkState()")
        if state["done"]:
            break
        held, chunk = state["held"], 10
        if state["holding"]:  # let the page settle rather than press into the wait
            page.wait_for_timeout(HOLD_MS)
    result = page.evaluate("window.__gate.endWalk()")
    walk.stops = result["stops"]
    walk.left_page = result["done"] and not result["cameBack"]
    if result["cameBack"]:
        walk.problems.append(f"focus went back to an element it had visited: {result['cameBack']}")
    for stop in walk.stops:
        walk.problems.extend(check_stop(stop))
    if inside:  # named as the walk went, while the menu or dialog was showing
        walk.problems.extend(name_problems(walk.stops))
    else:  # one batch: the accessibility tree is built once, not once per stop
        names = page.evaluate("keys => window.__gate.names(keys)", [stop["key"] for stop in walk.stops])
        for stop in walk.stops:
            stop["name"], stop["role"] = names[stop["key"]]
        walk.problems.extend(name_problems(walk.stops))
    return walk


def name_problems(stops: list[dict[str, Any]]) -> list[str]:
    """A problem for each stop without an accessible name (scroll areas of code or tables may have none)."""
    return [
        f"no accessible name (role {stop['role'] or 'none'}): {stop['what']}"
        for stop in stops
        if not stop["name"] and not (stop["scrollArea"] and stop["role"] in SCROLL_AREA_ROLES)
    ]


def unreached(walk: Walk, required: list[dict[str, str]]) -> list[str]:
    """The controls no Tab stop reached (a stop reaches its element and the label that shows it)."""
    reached = {stop["key"] for stop in walk.stops} | {stop["face"] for stop in walk.stops}
    return [f"not reachable with Tab: {c['what']}" for c in required if c["key"] not in reached]


def report(walk: Walk) -> str:
    """The failure message: where, then one line per problem."""
    return f"{walk.where}: {len(walk.problems)} keyboard problem(s)\n  " + "\n  ".join(walk.problems)


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
