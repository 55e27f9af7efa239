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
from sitebuild import ROOT

pytestmark = pytest.mark.browser

FOCUS_JS = ROOT / "tests" / "browser" / "focus.js"
MIN_RING_PX = 2.0
MIN_RING_CONTRAST = 3.0
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


# Measure at once; but form fields (scripts react to their focus: Material opens search) and stops
# that look wrong are measured again after a frame and 50 ms, as a visitor would see them.
MEASURE = """async ([minPx, minContrast]) => {
    const first = window.__gate.focused();
    const field = document.activeElement.matches("input, textarea, select, [contenteditable]");
    const fine = s => !s || (s.shown && !s.coveredBy && !s.clippedBy && s.outlineStyle !== "none"
        && s.outlineWidth >= minPx && s.ringContrast >= minContrast);
    if (fine(first) && !field) return first;
    await new Promise(done => requestAnimationFrame(() => setTimeout(done, 50)));
    return window.__gate.focused();
}"""


def tab_through(page: Page, where: str, limit: int, *, key: str = "Tab", inside: str = "") -> Walk:
    """Press Tab until focus leaves the page (or, with `inside`, leaves that element); check each stop."""
    walk = Walk(where)
    visited: set[str] = set()
    for _ in range(limit):
        page.keyboard.press(key)
        stop = page.evaluate(MEASURE, [MIN_RING_PX, MIN_RING_CONTRAST])
        if stop is None or (inside and not page.evaluate(INSIDE, [inside, stop["key"]])):
            walk.left_page = True
            break
        if stop["key"] in visited:
            # Headless Chromium sometimes wraps from the last stop straight to the first.
            walk.left_page = stop["key"] == walk.stops[0]["key"]
            if not walk.left_page:
                walk.problems.append(f"focus went back to an element it had visited: {stop['what']}")
            break
        visited.add(stop["key"])
        walk.stops.append(stop)
        walk.problems.extend(check_stop(stop))
    names = page.evaluate("keys => window.__gate.names(keys)", [stop["key"] for stop in walk.stops])
    for stop in walk.stops:
        name, role = names[stop["key"]]
        if not name and not (stop["scrollArea"] and role in SCROLL_AREA_ROLES):
            walk.problems.append(f"no accessible name (role {role or 'none'}): {stop['what']}")
    return walk


INSIDE = """([scope, key]) => document.querySelector(scope)
    .contains(document.querySelector(`[data-gate-key='${key}']`))"""


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
