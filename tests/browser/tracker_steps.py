"""The contact tracker's test steps and data, shared by test_tracker.py and test_tracker_files.py."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from playwright.sync_api import Page
from tooling import STORAGE_KEY, store_with, stored, stored_when

READY = ".guide-tracker__app"
CARD = ".guide-tracker__card"
ACTION = ".guide-tracker__action"
LIVE = ".guide-tracker__app > .guide-visually-hidden"
STAMP = "2026-03-01T10:00:00.000Z"
TODAY = datetime(2026, 3, 20, 12, 0, 0)  # local time in the browser; a Friday


def contact(contact_id: str, name: str, **fields: Any) -> dict[str, Any]:
    """A contact as the store keeps it, with the given fields."""
    base: dict[str, Any] = {
        "id": contact_id,
        "name": name,
        "role": "",
        "organization": "",
        "found": "",
        "referredBy": "",
        "channel": "email",
        "status": "to contact",
        "contacted": "",
        "followedUp": "",
        "meeting": "",
        "thankYouSent": "",
        "referrerTold": "",
        "updateSent": "",
        "nextFollowUp": "",
        "meetingTime": "",
        "timeZone": "",
        "permission": "not asked",
        "notes": "",
        "actions": "",
        "created": STAMP,
        "updated": STAMP,
    }
    return {**base, **fields}


def with_contacts(*contacts: dict[str, Any]) -> dict[str, Any]:
    """A whole store holding these contacts and no prep sheet."""
    data = store_with()
    data["contacts"] = list(contacts)
    return data


def open_tracker(page: Page, site_url: str) -> None:
    """Open the tracker and wait until it is drawn."""
    response = page.goto(urljoin(site_url, "tracker/"))
    assert response is not None and response.status == 200, "tracker/ did not load"
    page.wait_for_selector(READY)


def seed_tracker(page: Page, site_url: str, value: Any) -> None:
    """Save `value` as the store, then open the tracker afresh."""
    if not page.url.startswith(site_url):
        page.goto(urljoin(site_url, "404.html"))
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])
    open_tracker(page, site_url)


def saved_contacts(page: Page) -> list[dict[str, Any]]:
    """The contacts as saved in localStorage."""
    data = stored(page)
    return [] if data is None else list(data["contacts"])


def contacts_when(
    page: Page, check: Callable[[list[dict[str, Any]]], object], what: str
) -> list[dict[str, Any]]:
    """The saved contacts once `check(contacts)` holds (see `stored_when`)."""
    data = stored_when(page, lambda data: check([] if data is None else list(data["contacts"])), what)
    return [] if data is None else list(data["contacts"])


def saved_contact(
    page: Page, contact_id: str, check: Callable[[dict[str, Any]], object], what: str
) -> dict[str, Any]:
    """One saved contact once `check(contact)` holds (see `stored_when`)."""
    found = contacts_when(
        page, lambda contacts: check(next(c for c in contacts if c["id"] == contact_id)), what
    )
    return next(c for c in found if c["id"] == contact_id)
