"""Helpers for testing the browser tools: open a tool, read or seed its store, run the gates on a state."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest
from axe_gate import format_violations, require_axe, run_axe
from keyboard_gate import controls, install, report, tab_through, unreached
from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

STORAGE_KEY = "ii-guide:v1"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PICKER_READY = ".guide-picker .guide-select"
PREP_READY = (
    ".guide-prep__app:not([hidden]) .guide-prep__list, .guide-prep__app:not([hidden]) .guide-prep__empty"
)


def bank(site_url: str) -> dict[str, Any]:
    """The built site's questions.json."""
    with urlopen(urljoin(site_url, "questions.json")) as response:
        data: dict[str, Any] = json.load(response)
    return data


def open_picker(page: Page, site_url: str, path: str = "questions/") -> None:
    """Open a question bank page and wait until its filters are built."""
    response = page.goto(urljoin(site_url, path))
    assert response is not None and response.status == 200, f"{path} did not load"
    page.wait_for_selector(PICKER_READY)


def open_prep_sheet(page: Page, site_url: str, fragment: str = "") -> None:
    """Open the prep sheet page and wait until the sheet is drawn."""
    response = page.goto(urljoin(site_url, "prep-sheet/") + fragment)
    assert response is not None and response.status == 200, "prep-sheet/ did not load"
    page.wait_for_selector(PREP_READY, state="attached")


def stored(page: Page) -> Any:
    """The tools' data as saved in localStorage (None when nothing is saved)."""
    raw = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return None if raw is None else json.loads(raw)


def stored_when(page: Page, check: Callable[[Any], object], what: str, timeout: float = 10) -> Any:
    """The store once `check(store)` holds; fails after `timeout` s, showing the store as last read.

    The tools write localStorage from their event handlers, some only after a pause in typing or once a
    dialog has been answered, so a test waits for the change it expects before it reads the store. The
    store is passed as `stored` returns it (its text, if that is not JSON). `what` completes "the store
    never ..." in the failure message. A check that looks up what is not there yet (KeyError, IndexError,
    TypeError, StopIteration) counts as not holding. Between reads, the page waits for the text to change.
    """
    deadline = time.monotonic() + timeout
    while True:
        raw = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
        try:
            data = None if raw is None else json.loads(raw)
        except ValueError:
            data = raw
        why = ""
        try:
            if check(data):
                return data
        except (LookupError, TypeError, StopIteration) as error:
            why = f" (the check raised {type(error).__name__}: {error})"
        left = deadline - time.monotonic()
        if left <= 0:
            shown = raw if raw is None or len(raw) <= 3000 else raw[:3000] + "..."
            read = f"localStorage[{STORAGE_KEY!r}] as last read: {shown}"
            pytest.fail(f"the store never {what} within {timeout:g} s{why}\n{read}", pytrace=False)
        with contextlib.suppress(PlaywrightTimeoutError):  # then read once more, and report what is there
            page.wait_for_function(
                "([key, last]) => localStorage.getItem(key) !== last",
                arg=[STORAGE_KEY, raw],
                timeout=left * 1000,
            )


def save_pending(page: Page) -> None:
    """Make the tools save now what they hold back until typing pauses, as they do when the visitor leaves.

    The prep sheet and the script studio save a moment after the last keystroke, and at once on
    `pagehide`; a test that must show that nothing was written (a damaged store is never overwritten)
    has the pending save run with this, instead of waiting for it.
    """
    page.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: false}))")


def seed(page: Page, site_url: str, value: Any, path: str = "prep-sheet/") -> None:
    """Save `value` (JSON-encoded unless it is already text) as the store, then open `path` afresh."""
    if not page.url.startswith(site_url):
        page.goto(urljoin(site_url, "404.html"))
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])
    if path == "prep-sheet/":
        open_prep_sheet(page, site_url)
    else:
        open_picker(page, site_url, path)


def sheet(questions: list[dict[str, Any]] | None = None, **parts: Any) -> dict[str, Any]:
    """A prep sheet as the store keeps it, with the given questions and parts."""
    now = "2025-03-01T10:00:00.000Z"
    base: dict[str, Any] = {
        "id": parts.pop("id", "sheet-test-1"),
        "created": now,
        "updated": now,
        "questions": questions or [],
        "research": {"field": "", "organization": "", "name": "", "role": "", "found": "", "notes": ""},
        "logistics": {"date": "", "time": "", "timeZone": "", "place": "", "length": 20},
        "pitch": {"who": "", "exploring": "", "why": ""},
        "timer": {"startedAt": None, "elapsed": 0},
    }
    for key, value in parts.items():
        base[key] = {**base[key], **value} if isinstance(value, dict) else value
    return base


def bank_item(question_id: str, text: str = "", notes: str = "", starred: bool = False) -> dict[str, Any]:
    """A bank question on a sheet."""
    return {"kind": "bank", "id": question_id, "text": text, "notes": notes, "starred": starred}


def store_with(*sheets: dict[str, Any]) -> dict[str, Any]:
    """A whole store holding these sheets, the first active."""
    return {
        "version": 1,
        "prepSheets": list(sheets),
        "activePrepSheet": sheets[0]["id"] if sheets else None,
        "profile": {"who": "", "exploring": ""},
        "settings": {"timerSound": False},
        "checklists": {},
        "contacts": [],
        "scripts": {},
    }


def texts(locator: Locator) -> list[str]:
    """The trimmed text of every element a locator matches."""
    return [" ".join(text.split()) for text in locator.all_inner_texts()]


def assert_axe_clean(page: Page, where: str) -> None:
    """axe-core's WCAG 2.1 A/AA rules pass on the page as it is now."""
    results = run_axe(page, require_axe())
    if results["violations"]:
        pytest.fail(format_violations(where, results["violations"]), pytrace=False)


def assert_keyboard_clean(page: Page, scope: str, where: str) -> int:
    """Every visible control inside `scope` is reached by Tab, named, and shows its focus; returns the stops.

    Focus starts on the scope itself (made focusable for the check), as if the visitor had just tabbed
    to the element before it.
    """
    page.evaluate(
        "() => { for (const e of document.querySelectorAll('[data-gate-key]')) delete e.dataset.gateKey; }"
    )
    install(page)
    required = controls(page, scope)
    page.evaluate(
        """scope => { const el = document.querySelector(scope);
            el.setAttribute("tabindex", "-1"); el.dataset.gateStart = ""; el.focus(); }""",
        scope,
    )
    walk = tab_through(page, where, 3 * len(required) + 10, inside=scope)
    # The walk may press Tab a few times past the scope, round to Material's search box, which opens
    # search on focus: close it again, so that the test can carry on clicking.
    page.evaluate(
        """() => { for (const el of document.querySelectorAll("[data-gate-start]")) {
            el.removeAttribute("tabindex"); delete el.dataset.gateStart; }
          document.activeElement?.blur();
          const search = document.getElementById("__search");
          if (search?.checked) { search.checked = false; search.dispatchEvent(new Event("change")); } }"""
    )
    walk.problems.extend(unreached(walk, required))
    if walk.problems:
        pytest.fail(report(walk), pytrace=False)
    return len(walk.stops)


def pdf_pages(path: Path) -> int:
    """How many pages a PDF has."""
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def snapshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Save what the visitor sees as screenshots/<name>.png (git-ignored) for people to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=full_page)
    return path
