"""Reflow: every page fits a phone (390 px), 400 % zoom (320 px) and 200 % zoom, without sideways scrolling.

200 % zoom of a 1280 px window is a 640 px wide viewport at twice the pixel density, which is how the
browser lays it out. Text must stay at a readable size, and nothing may stick out past the right
edge of the window except inside something that scrolls on its own (a wide code block or table).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gate_report
import pytest
from browsing import ContextPool, describe, open_site_page
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# name -> (width, height, device scale factor)
VIEWS = {
    "phone 390 px": (390, 844, 1),
    "400 % zoom (320 px)": (320, 256, 4),
    "200 % zoom of 1280 px (640 px)": (640, 450, 2),
}
MIN_TEXT_PX = 16

OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const scrolls = el => {
        for (let node = el.parentElement; node; node = node.parentElement) {
            const x = getComputedStyle(node).overflowX;
            if (x === "auto" || x === "scroll" || x === "hidden" || x === "clip") return true;
        }
        return false;
    };
    const sticking = [];
    for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 1 || scrolls(el)) continue;
        if (!el.checkVisibility({visibilityProperty: true})) continue;
        const label = el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
            ? "." + el.className.trim().split(/\\s+/).join(".") : "");
        const html = el.outerHTML.replace(/\\s+/g, " ").slice(0, 100);
        sticking.push(`${label} reaches ${Math.round(box.right)} px: ${html}`);
    }
    const text = document.querySelector(".md-content .md-typeset");
    return {
        scrollWidth: document.documentElement.scrollWidth,
        width,
        sticking: sticking.slice(0, 8),
        textPx: text ? parseFloat(getComputedStyle(text).fontSize) : null,
    };
}"""


@pytest.fixture(params=list(VIEWS))
def view(request: pytest.FixtureRequest) -> str:
    """One of the narrow views."""
    return str(request.param)


@pytest.fixture
def view_page(context_pool: ContextPool, view: str, page_problems: list[str]) -> Iterator[Page]:
    """A pooled tab with the view's size and pixel density."""
    width, height, scale = VIEWS[view]
    yield context_pool.page(page_problems, width=width, height=height, scale=scale)
    if page_problems:
        pytest.fail("the page had problems:\n" + "\n".join(page_problems), pytrace=False)


def test_page_reflows_without_sideways_scrolling(
    view_page: Page, site_url: str, site_page: str, view: str, pytestconfig: pytest.Config
) -> None:
    open_site_page(view_page, site_url, site_page)
    result: dict[str, Any] = view_page.evaluate(OVERFLOW)
    where = describe(site_page, VIEWS[view][0], "light") + f" ({view})"
    problems = []
    if result["scrollWidth"] > result["width"]:
        problems.append(f"the page is {result['scrollWidth']} px wide in a {result['width']} px window")
        problems.extend(result["sticking"])
    if result["textPx"] is not None and result["textPx"] < MIN_TEXT_PX:
        problems.append(f"body text is {result['textPx']} px, under {MIN_TEXT_PX} px")
    gate_report.note(pytestconfig, "reflow: pages checked", site_page)
    if problems:
        pytest.fail(f"{where}:\n  " + "\n  ".join(problems), pytrace=False)


def test_reflow_check_finds_what_sticks_out(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 600})
    page.set_content(
        '<main class="md-content"><div class="md-typeset" style="font-size:16px">'
        '<p class="wide" style="width:600px">A line that does not wrap</p>'
        '<div style="overflow-x:auto"><pre style="width:900px">wide code scrolls by itself</pre></div>'
        "</div></main>"
    )
    result = page.evaluate(OVERFLOW)
    assert result["scrollWidth"] > result["width"]
    assert len(result["sticking"]) == 1 and result["sticking"][0].startswith("p.wide reaches 608 px"), result
