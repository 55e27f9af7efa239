"""The question picker on the question bank pages: pick, filter, search, suggest, count, in Chromium."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from tooling import (
    assert_axe_clean,
    assert_keyboard_clean,
    bank,
    bank_item,
    open_picker,
    seed,
    sheet,
    snapshot,
    store_with,
    stored,
    stored_when,
)

pytestmark = pytest.mark.browser

COUNT = ".guide-picker__count"
TRAY = ".guide-tray"


def box(page: Page, question_id: str) -> Any:
    """The 'On my prep sheet' checkbox of a question."""
    return page.locator(f'[data-question-id="{question_id}"] .guide-pick input')


def ids_in(data: Any) -> list[str]:
    """The ids of the questions on the active prep sheet of a store."""
    active = next(s for s in data["prepSheets"] if s["id"] == data["activePrepSheet"])
    return [item["id"] for item in active["questions"]]


def sheet_ids(page: Page, count: int) -> list[str]:
    """The ids of the questions on the active prep sheet, as saved, once it holds `count` of them."""
    return ids_in(stored_when(page, lambda data: len(ids_in(data)) == count, f"held {count} questions"))


SHOWN = "() => [...document.querySelectorAll('[data-question-id]')].filter(e => e.checkVisibility())"


def shown_ids(page: Page) -> list[str]:
    """The ids of the questions the page shows now."""
    ids: list[str] = page.evaluate(f"() => ({SHOWN})().map(e => e.dataset.questionId)")
    return ids


def assert_shown(page: Page, expected: list[str]) -> None:
    """The page shows exactly the questions `expected`, in this order (waiting for the filters to apply)."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            f"ids => JSON.stringify(({SHOWN})().map(e => e.dataset.questionId)) === JSON.stringify(ids)",
            arg=expected,
            timeout=5000,
        )
    assert shown_ids(page) == expected


@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_pick_by_keyboard_and_find_it_after_a_reload(page: Page, site_url: str, viewport_width: int) -> None:
    open_picker(page, site_url)
    first = box(page, "how-you-started")
    expect(first).to_have_accessible_name("On my prep sheet")
    expect(first).to_have_accessible_description("How did you come to work in this field?")
    first.focus()
    page.keyboard.press("Space")
    box(page, "likes-best").focus()
    page.keyboard.press("Space")
    expect(page.locator(f"{TRAY}__summary")).to_have_text("2 questions on your prep sheet.")
    expect(page.locator('[data-question-id="likes-best"]')).to_have_class(
        "guide-question guide-question--picked"
    )
    assert sheet_ids(page, 2) == ["how-you-started", "likes-best"]
    saved = stored(page)["prepSheets"][0]["questions"][1]
    assert saved["text"] == "What do you like best about this line of work/organization?", "keeps a copy"

    page.keyboard.press("Space")  # unpick the second one again
    expect(page.locator(f"{TRAY}__summary")).to_have_text("1 question on your prep sheet.")
    page.reload()
    page.wait_for_selector(".guide-picker .guide-select")
    expect(box(page, "how-you-started")).to_be_checked()
    expect(box(page, "likes-best")).not_to_be_checked()
    link = page.locator(f"{TRAY} a")
    expect(link).to_have_attribute("href", site_url + "prep-sheet/")


def test_filters_and_search_narrow_the_list_as_you_type(page: Page, site_url: str) -> None:
    questions = bank(site_url)["questions"]
    total = len(questions)
    open_picker(page, site_url)
    count = page.locator(COUNT)
    expect(count).to_have_attribute("role", "status")
    expect(count).to_have_text(f"Showing all {total} questions.")

    page.get_by_label("Purpose").select_option("job-search")
    page.get_by_label("TIARA").select_option("trends")
    expected = [
        q["id"] for q in questions if "job-search" in q["tags"]["purpose"] and "trends" in q["tags"]["tiara"]
    ]
    assert_shown(page, expected)
    expect(count).to_have_text(f"Showing {len(expected)} of {total} questions.")

    page.get_by_label("Topic").select_option("industry")
    in_industry = [
        i for i in expected if next(q for q in questions if q["id"] == i)["category"] == "industry"
    ]
    assert_shown(page, in_industry)
    # Topics with nothing to show lose their heading too.
    expect(page.locator("h2#career-path")).to_be_hidden()
    expect(page.locator("h2#industry")).to_be_visible()

    page.get_by_role("button", name="Clear filters").click()
    expect(page.get_by_label("Search the questions")).to_be_focused()
    search = page.get_by_label("Search the questions")
    search.press_sequentially("sala")  # as you type: each key narrows the list at once
    matching = [
        q["id"] for q in questions if "sala" in (q["text"] + q["why"] + " ".join(q["follow_ups"])).lower()
    ]
    assert matching, "the bank has questions about salaries"
    assert_shown(page, matching)
    expect(count).to_have_text(f"Showing {len(matching)} of {total} questions.")

    search.fill("frustrations difficulties")  # every word must match, in any order
    assert_shown(page, ["frustrations"])
    search.fill("zebra crossing")
    expect(page.locator(".guide-picker__empty")).to_be_visible()
    expect(count).to_have_text(f"Showing 0 of {total} questions.")
    search.fill("")
    expect(count).to_have_text(f"Showing all {total} questions.")


def test_only_my_picks_and_a_category_page_share_the_sheet(page: Page, site_url: str) -> None:
    open_picker(page, site_url, "questions/skills/")
    expect(page.get_by_label("Topic")).to_have_count(0)  # one topic on this page
    box(page, "important-skills").check()
    open_picker(page, site_url)
    expect(box(page, "important-skills")).to_be_checked()
    box(page, "likes-best").check()
    page.get_by_label("Only questions on my prep sheet").check()
    assert_shown(page, ["likes-best", "important-skills"])
    box(page, "likes-best").uncheck()  # stays in view (and focused) until the filter is applied again
    expect(page.locator(f"{TRAY}__summary")).to_have_text("1 question on your prep sheet.")  # unpicked
    assert shown_ids(page) == ["likes-best", "important-skills"]
    page.get_by_label("Only questions on my prep sheet").uncheck()
    page.get_by_label("Only questions on my prep sheet").check()
    assert_shown(page, ["important-skills"])


def test_twelve_questions_bring_a_gentle_note(page: Page, site_url: str) -> None:
    ids = [q["id"] for q in bank(site_url)["questions"][:11]]
    seed(page, site_url, store_with(sheet([bank_item(i) for i in ids])), path="questions/")
    tray = page.locator(TRAY)
    expect(tray.locator(".guide-tray__summary")).to_have_text("11 questions on your prep sheet.")
    expect(tray.locator(".guide-tray__guidance")).to_have_text("5 to 10 questions fit 20 minutes.")
    expect(tray).not_to_have_class("guide-tool guide-tray guide-tray--many")
    box(page, "why-this-org").check()
    expect(tray.locator(".guide-tray__summary")).to_have_text("12 questions on your prep sheet.")
    expect(tray.locator(".guide-tray__guidance")).to_have_text(
        "That is more than 20 minutes usually allows: 5 to 10 fit well."
    )
    expect(tray).to_have_class("guide-tool guide-tray guide-tray--many")


def test_suggest_a_starter_set_for_the_chosen_purpose(page: Page, site_url: str) -> None:
    sets = {s["purpose"]: s["question_ids"] for s in bank(site_url)["recommended"]["sets"]}
    open_picker(page, site_url)
    hint = page.locator(".guide-picker__suggest .guide-hint")
    page.get_by_label("Purpose").select_option("exploring")
    expect(hint).to_have_text(
        "Adds up to 10 good first questions for “Exploring a field”, balanced across the topics."
    )
    page.get_by_role("button", name="Suggest a starter set").click()
    assert sheet_ids(page, len(sets["exploring"])) == sets["exploring"]
    expect(page.locator(".guide-picker .guide-visually-hidden")).to_have_text(
        "Added 10 suggested questions. Your prep sheet now has 10 questions."
    )
    for question_id in sets["exploring"]:
        expect(box(page, question_id)).to_be_checked()
    page.get_by_role("button", name="Suggest a starter set").click()
    expect(page.locator(".guide-picker .guide-visually-hidden")).to_contain_text("already has 10 questions")


def test_a_partly_picked_sheet_is_topped_up_to_ten(page: Page, site_url: str) -> None:
    sets = {s["purpose"]: s["question_ids"] for s in bank(site_url)["recommended"]["sets"]}
    seed(
        page,
        site_url,
        store_with(sheet([bank_item("unplanned-turns"), bank_item(sets[None][1])])),
        "questions/",
    )
    page.get_by_role("button", name="Suggest a starter set").click()
    ids = ids_in(stored_when(page, lambda data: len(ids_in(data)) > 2, "held the suggested questions"))
    assert len(ids) == 10
    assert ids[:2] == ["unplanned-turns", sets[None][1]]
    assert ids[2:] == [i for i in sets[None] if i != sets[None][1]][:8]


@pytest.mark.parametrize("color_scheme", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_picker_states_pass_axe_and_the_keyboard_gate(
    page: Page, site_url: str, viewport_width: int, color_scheme: str
) -> None:
    ids = [q["id"] for q in bank(site_url)["questions"][:12]]
    seed(page, site_url, store_with(sheet([bank_item(i) for i in ids])), path="questions/")
    page.get_by_label("Purpose").select_option("exploring")
    page.get_by_label("Search the questions").fill("first")
    where = f"questions/ with filters and 12 picks at {viewport_width} px, {color_scheme}"
    assert_axe_clean(page, where)
    assert_keyboard_clean(page, ".guide-picker", where)
    assert_keyboard_clean(page, ".guide-tray", where)
    page.locator(".guide-picker").scroll_into_view_if_needed()
    snapshot(page, f"picker-{viewport_width}-{color_scheme}")
    page.get_by_label("Search the questions").fill("zebra")
    assert_axe_clean(page, f"questions/ with no match at {viewport_width} px, {color_scheme}")
