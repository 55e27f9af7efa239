"""The keyboard gate's walk: press Tab through a page (or one element) and check every stop it makes.

Each stop must be shown, not covered, carry a focus outline of at least 2 px with 3:1 contrast against
the background around it, not be cut off by a scroll area, and have an accessible name (Chromium's own
computation; a focusable scroll area of code or a table is exempt). focus.js measures in the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from browsing import load_script
from playwright.sync_api import Page
from sitebuild import ROOT

FOCUS_JS = ROOT / "tests" / "browser" / "focus.js"
MIN_RING_PX = 2.0
MIN_RING_CONTRAST = 3.0
SETTLE_TIMEOUT_MS = 10_000  # and no longer than this for its transitions to end
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
    load_script(page, FOCUS_JS)
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
        if state["holding"]:  # let the page settle (its time up, nothing moving) rather than press into it
            page.wait_for_function("() => window.__gate.settled()", timeout=SETTLE_TIMEOUT_MS)
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
