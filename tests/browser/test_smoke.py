"""Smoke tests: the built site loads in Chromium, locally only, without errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

Screenshot = Callable[[Page, str], Path]


def open_page(page: Page, url: str) -> None:
    """Load a page and check that the server answered 200."""
    response = page.goto(url)
    assert response is not None, f"no response for {url}"
    assert response.status == 200, f"{url} answered {response.status}"


@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_home_page_loads(page: Page, site_url: str, viewport_width: int, screenshot: Screenshot) -> None:
    open_page(page, site_url)
    assert page.locator("h1").count() >= 1, "the home page has no <h1>"
    assert page.locator("header.md-header").count() == 1, "Material's header is missing"
    screenshot(page, f"home-{viewport_width}")


def test_questions_page_has_anchored_questions(page: Page, site_url: str) -> None:
    open_page(page, urljoin(site_url, "questions/"))
    ids = page.eval_on_selector_all("[data-question-id]", "els => els.map(e => [e.id, e.dataset.questionId])")
    assert ids, "questions/ has no [data-question-id] element"
    assert any(id_ == question_id for id_, question_id in ids), (
        f"no [data-question-id] element has a matching id: {ids[:5]}"
    )


def test_scripts_page_links_to_scripts(page: Page, site_url: str) -> None:
    open_page(page, urljoin(site_url, "scripts/"))
    hrefs = page.eval_on_selector_all("article a[href]:not(.headerlink)", "links => links.map(a => a.href)")
    scripts = [href for href in hrefs if urlsplit(href).path.startswith("/scripts/")]
    scripts = [href for href in scripts if urlsplit(href).path.rstrip("/") != "/scripts"]
    assert scripts, f"scripts/ links to no script page; links found: {hrefs[:10]}"


def test_questions_json_lists_questions(site_url: str) -> None:
    with urlopen(urljoin(site_url, "questions.json")) as response:
        data = json.load(response)
    assert isinstance(data, dict), "questions.json is not a JSON object"
    assert isinstance(data.get("questions"), list), "questions.json has no 'questions' list"
    assert data["questions"], "questions.json has an empty 'questions' list"
