"""Switching language in Chromium: the header link leads to the same page, and nothing done is lost.

The store is one per site and keyed by id, so a tick or a picked question made on an English page is
there on the French one, in French words.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
import yaml
from playwright.sync_api import Page, Response, Route, expect
from sitebuild import ROOT

pytestmark = pytest.mark.browser

FRENCH_BANK = yaml.safe_load((ROOT / "question_bank.fr.yaml").read_text(encoding="utf-8"))


def switch(page: Page, name: str, lang: str) -> None:
    """Follow the header's language link by keyboard, as a visitor without a mouse would."""
    link = page.locator(f'.md-header a[hreflang="{lang}"]')
    expect(link).to_have_accessible_name(name)
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", lang)


def test_the_switch_leads_to_the_same_page_both_ways(page: Page, site_url: str) -> None:
    page.goto(urljoin(site_url, "questions/skills/"))
    switch(page, "Français", "fr")
    expect(page).to_have_url(urljoin(site_url, "fr/questions/skills/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Compétences et qualifications")
    switch(page, "English", "en")
    expect(page).to_have_url(urljoin(site_url, "questions/skills/"))


def test_the_switch_holds_once_the_french_sitemap_is_read_first(page: Page, site_url: str) -> None:
    """The switch leads to the same page even when the French sitemap arrives before the English one.

    Material takes over clicks on links into another language and, finding no such page in that
    language's sitemap.xml, goes to its home; it does so only once it has read that sitemap, and only
    if it read it before the English one. A visitor clicks long after both have arrived, in either
    order: here the English sitemap is held back until the French one is read.
    """
    english_map, french_map = urljoin(site_url, "sitemap.xml"), urljoin(site_url, "fr/sitemap.xml")
    french_read: list[Response] = []
    held: list[Route] = []

    def release(response: Response) -> None:
        if response.url == french_map:
            french_read.append(response)
            while held:
                held.pop().continue_()

    def hold(route: Route) -> None:
        if french_read:
            route.continue_()
        else:
            held.append(route)

    page.on("response", release)
    page.route(english_map, hold)
    with page.expect_response(english_map):
        page.goto(urljoin(site_url, "checklists/"))
    switch(page, "Français", "fr")
    expect(page).to_have_url(urljoin(site_url, "fr/checklists/"))


def test_an_advisors_page_switches_to_the_french_home(page: Page, site_url: str) -> None:
    page.goto(urljoin(site_url, "advisors/"))
    switch(page, "Français", "fr")
    expect(page).to_have_url(urljoin(site_url, "fr/"))
    expect(
        page.get_by_role("link", name="Pour les conseillères et conseillers (en anglais)").first
    ).to_be_attached()


def test_a_tick_made_in_english_is_there_in_french(page: Page, site_url: str) -> None:
    page.goto(urljoin(site_url, "checklists/"))
    item = '[data-checklist-item="before-research-field"] input[type="checkbox"]'
    page.locator(item).check()
    expect(page.locator(".guide-checklist-overall__text")).to_contain_text("Overall: 1 of")
    switch(page, "Français", "fr")
    expect(page.locator(item)).to_be_checked()
    expect(page.locator(".guide-checklist-overall__text")).to_contain_text("Au total : 1 point")
    page.locator(item).uncheck()
    switch(page, "English", "en")
    expect(page.locator(item)).not_to_be_checked()


def test_a_question_picked_in_english_shows_in_french_on_the_french_prep_sheet(
    page: Page, site_url: str
) -> None:
    page.goto(urljoin(site_url, "questions/career-path/"))
    page.locator('[data-question-id="how-you-started"] .guide-pick input').check()
    expect(page.locator(".guide-tray")).to_contain_text("1 question on your prep sheet")
    page.goto(urljoin(site_url, "fr/prep-sheet/"))
    french = FRENCH_BANK["questions"]["how-you-started"]["text"]
    expect(page.locator(".guide-prep__list .guide-prep__item-text")).to_have_text([french])
