"""Print styles in Chromium: the article alone and full width, blocks open, addresses shown, nothing split."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from pypdf import PdfReader

pytestmark = pytest.mark.browser

Screenshot = Callable[[Page, str], Path]
PAGES = ["", "prepare/", "checklists/", "keep-track/", "questions/career-path/", "scripts/thank-you/"]
CHROME = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
]

STATE = """chrome => {
  const shown = e => e.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true});
  const article = document.querySelector("article");
  const source = article.querySelector(".guide-print-source");
  const heading = article.querySelector("h1");
  return {
    chrome: chrome.filter(s => [...document.querySelectorAll(s)].some(shown)),
    articleWidth: article.getBoundingClientRect().width,
    pageWidth: document.documentElement.clientWidth,
    source: source && shown(source) ? [...source.children].map(part => part.textContent) : null,
    title: heading ? [...heading.childNodes].filter(n => !n.classList?.contains("headerlink"))
      .map(n => n.textContent).join("").trim() : null,
  };
}"""

# What Material makes of `??? note` blocks and of content tabs (pymdownx.details and pymdownx.tabbed).
COLLAPSIBLES = """
<details class="note"><summary>More</summary><p id="print-details">Folded text</p></details>
<div class="tabbed-set tabbed-alternate" data-tabs="9:2">
<input checked="checked" id="__tabbed_9_1" name="__tabbed_9" type="radio">
<input id="__tabbed_9_2" name="__tabbed_9" type="radio">
<div class="tabbed-labels">
<label for="__tabbed_9_1">First</label><label for="__tabbed_9_2">Second</label></div>
<div class="tabbed-content"><div class="tabbed-block"><p id="print-tab-1">One</p></div>
<div class="tabbed-block"><p id="print-tab-2">Two</p></div></div></div>
<p><a id="print-external" href="https://careers.example.org/events">our events</a>
and <a id="print-internal" href="../meeting/">the meeting</a></p>
"""
VISIBILITY = """ids => Object.fromEntries(ids.map(id => [id,
  document.getElementById(id).checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})]))"""


def open_for_print(page: Page, site_url: str, path: str) -> None:
    """Load a page of the site and switch Chromium to print media."""
    response = page.goto(urljoin(site_url, path))
    assert response is not None and response.status == 200, path
    page.emulate_media(media="print")


@pytest.mark.parametrize("path", PAGES)
def test_print_shows_the_article_alone_full_width_with_its_source(
    page: Page, site_url: str, path: str, screenshot: Screenshot
) -> None:
    page.goto(urljoin(site_url, path))
    on_screen: dict[str, Any] = page.evaluate(STATE, CHROME)
    assert on_screen["source"] is None, "the print-only line shows on screen"
    open_for_print(page, site_url, path)
    state: dict[str, Any] = page.evaluate(STATE, CHROME)
    assert state["chrome"] == [], f"/{path}: still printed: {state['chrome']}"
    assert state["articleWidth"] >= 0.97 * state["pageWidth"], state
    assert state["source"] is not None, f"/{path}: no source line in print"
    name, title, address = state["source"]
    assert name == "Career Centre"
    assert title == state["title"]
    assert address.endswith("/" + path)
    screenshot(page, "print-" + (path.strip("/").replace("/", "-") or "home"))


def test_print_opens_folded_blocks_and_tabs_and_shows_web_addresses(page: Page, site_url: str) -> None:
    page.goto(urljoin(site_url, "prepare/"))
    page.evaluate(
        "html => document.querySelector('article').insertAdjacentHTML('beforeend', html)", COLLAPSIBLES
    )
    ids = ["print-details", "print-tab-1", "print-tab-2"]
    assert page.evaluate(VISIBILITY, ids) == {
        "print-details": False,
        "print-tab-1": True,
        "print-tab-2": False,
    }
    page.emulate_media(media="print")
    # The switch to print media restyles the page asynchronously: give it a moment, then compare.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            f"ids => Object.values(({VISIBILITY})(ids)).every(Boolean)", arg=ids, timeout=3000
        )
    assert page.evaluate(VISIBILITY, ids) == dict.fromkeys(ids, True)
    after = "id => getComputedStyle(document.getElementById(id), '::after').content"
    assert page.evaluate(after, "print-external") == '" (https://careers.example.org/events)"'
    assert page.evaluate(after, "print-internal") in ("none", "normal")


# Sections, checklist items and questions of many heights, so that some would fall on a page break.
FILLER = """() => {
  const vocabulary = ["plan", "ask", "listen", "note", "thank"];
  const words = n => Array.from({length: n}, (_, i) => vocabulary[i % 5]).join(" ");
  let html = "";
  for (let k = 1; k <= 24; k++) {
    html += `<h2>Section ${k}</h2>` + `<p>${words(20 + (k * 37) % 90)}.</p>`.repeat(1 + k % 3);
  }
  html += '<ul class="guide-checklist">';
  for (let k = 1; k <= 30; k++) {
    html += `<li class="guide-checklist__item"><label><input type="checkbox"> Item ${k}: `
      + `${words(18 + (k * 29) % 60)}</label></li>`;
  }
  html += '</ul><ol class="guide-questions">';
  for (let k = 1; k <= 30; k++) {
    html += `<li class="guide-question">`
      + `<p class="guide-question__text">Question ${k}: ${words(12 + (k * 17) % 30)}?</p>`
      + `<p class="guide-question__why"><strong>Why ask it:</strong> ${words(15 + (k * 23) % 50)}.</p></li>`;
  }
  document.querySelector("article").insertAdjacentHTML("beforeend", html + "</ol>");
}"""


@pytest.mark.parametrize("path", ["checklists/", "questions/career-path/", "prepare/"])
def test_printed_pages_keep_headings_and_items_with_their_text(page: Page, site_url: str, path: str) -> None:
    open_for_print(page, site_url, path)
    page.evaluate(FILLER)
    headings = page.eval_on_selector_all(
        "article h2, article h3",
        "els => els.map(e => [...e.childNodes].filter(n => !n.classList?.contains('headerlink'))"
        ".map(n => n.textContent).join('').trim())",
    )
    items = page.eval_on_selector_all(
        "article .guide-checklist__item, article .guide-question",
        "els => els.map(e => e.matches('.guide-question') ? [...e.querySelectorAll("
        "'.guide-question__text, .guide-question__why')].map(p => p.innerText) : [e.innerText])",
    )
    texts = [page_text.extract_text() for page_text in PdfReader(BytesIO(page.pdf(format="Letter"))).pages]
    assert len(texts) > 5
    for number, text in enumerate(texts[:-1], start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = [line for line in lines if not re.fullmatch(r"\d+ / \d+", line)]
        assert body[-1] not in headings, f"/{path}: page {number} ends with the heading '{body[-1]}'"
    squeezed = [re.sub(r"\s+", "", text) for text in texts]
    for parts in items:
        wanted = [re.sub(r"\s+", "", part) for part in parts]
        assert any(all(part in text for part in wanted) for text in squeezed), (
            f"/{path}: split: {parts[0][:60]}"
        )


def test_every_printed_page_names_the_centre_and_numbers_itself(page: Page, site_url: str) -> None:
    open_for_print(page, site_url, "prepare/")
    texts = [found.extract_text() for found in PdfReader(BytesIO(page.pdf(format="Letter"))).pages]
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert "Career Centre" in text, f"page {number} does not name the centre"
        assert f"{number} / {len(texts)}" in text, f"page {number} has no page number"
