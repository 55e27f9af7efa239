"""Scripts sent as a reply in Chromium: no subject of their own, no new email to open, a line saying so."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

REPLIES = {
    "follow-up-no-reply": "your first email",
    "professor-introduction": "the email that introduced you",
}


@pytest.mark.parametrize(("script_id", "reply"), REPLIES.items())
def test_a_reply_keeps_its_thread(page: Page, site_url: str, script_id: str, reply: str) -> None:
    response = page.goto(urljoin(site_url, f"scripts/{script_id}/"))
    assert response is not None and response.status == 200
    expect(page.locator(".guide-script__reply")).to_have_text(
        f"Send as a reply to {reply}, so that it stays in the same thread."
    )
    expect(page.locator(".guide-script__subject")).to_have_count(1)
    page.wait_for_selector(".guide-studio__app")
    expect(page.locator(".guide-studio__reply")).to_have_text(
        f"Send this as a reply to {reply}, so that it stays in the same thread: "
        "copy the message, then answer that email."
    )
    expect(page.locator(".guide-studio__subject-text")).to_have_count(0)
    expect(page.get_by_role("button", name="Copy subject")).to_have_count(0)
    expect(page.get_by_role("link", name="Open in your email app")).to_have_count(0)
    expect(page.get_by_role("button", name="Copy message")).to_be_visible()


def test_a_new_email_still_opens_in_the_email_app(page: Page, site_url: str) -> None:
    page.goto(urljoin(site_url, "scripts/first-email/"))
    page.wait_for_selector(".guide-studio__app")
    expect(page.locator(".guide-studio__reply")).to_have_count(0)
    expect(page.get_by_role("link", name="Open in your email app")).to_have_attribute(
        "href", re.compile(r"^mailto:\?subject=")
    )
