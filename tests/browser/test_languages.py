"""Switching language in Chromium: the header link leads to the same page, and nothing done is lost.

The store is one per site and keyed by id, so a tick or a picked question made on an English page is
there on the French one, in French words.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
import yaml
from playwright.sync_api import Page, expect
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
