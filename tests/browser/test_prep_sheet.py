"""The prep sheet in Chromium: order, notes, research, pitch, sheets, sharing, export, import, printing.

Also what happens to a damaged or older store, and the page without JavaScript.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from browsing import guarded_context
from playwright.sync_api import Browser, Page, expect
from tooling import (
    STORAGE_KEY,
    assert_axe_clean,
    assert_keyboard_clean,
    bank,
    bank_item,
    open_picker,
    open_prep_sheet,
    pdf_pages,
    save_pending,
    seed,
    sheet,
    snapshot,
    store_with,
    stored,
    stored_when,
)

pytestmark = pytest.mark.browser

ITEM_TEXT = ".guide-prep__item-text"
SEEDED = sheet()["updated"]  # when `sheet()` says a seeded sheet was last changed
LIVE = ".guide-prep__app > .guide-visually-hidden"


def first_questions(site_url: str, count: int) -> list[dict[str, Any]]:
    """The first `count` questions of the built bank."""
    questions: list[dict[str, Any]] = bank(site_url)["questions"][:count]
    return questions


def active_in(data: dict[str, Any]) -> dict[str, Any]:
    """The active prep sheet of a store."""
    found: dict[str, Any] = next(s for s in data["prepSheets"] if s["id"] == data["activePrepSheet"])
    return found


def active_when(page: Page, check: Callable[[dict[str, Any]], object], what: str) -> dict[str, Any]:
    """The active prep sheet as saved, once `check(sheet)` holds (see `stored_when`)."""
    return active_in(stored_when(page, lambda data: check(active_in(data)), what))


def seeded_three(page: Page, site_url: str) -> list[str]:
    """Open a prep sheet holding the bank's first three questions; return their texts."""
    questions = first_questions(site_url, 3)
    seed(page, site_url, store_with(sheet([bank_item(q["id"], q["text"]) for q in questions])))
    return [q["text"] for q in questions]


@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_reorder_by_keyboard_keeps_focus_and_survives_a_reload(
    page: Page, site_url: str, viewport_width: int
) -> None:
    one, two, three = seeded_three(page, site_url)
    expect(page.locator(ITEM_TEXT)).to_have_text([one, two, three])
    down = page.get_by_role("button", name="Move question 1 down")
    down.focus()
    page.keyboard.press("Enter")
    expect(page.locator(ITEM_TEXT)).to_have_text([two, one, three])
    # Focus follows the question: it is now number 2, and its "down" button still has the focus.
    expect(page.get_by_role("button", name="Move question 2 down")).to_be_focused()
    expect(page.locator(LIVE)).to_have_text("Moved to position 2 of 3.")
    page.keyboard.press("Enter")
    expect(page.locator(ITEM_TEXT)).to_have_text([two, three, one])
    expect(page.get_by_role("button", name="Move question 3 down")).to_be_focused()
    page.keyboard.press("Enter")  # already last: nothing moves, and it says so
    expect(page.locator(LIVE)).to_have_text("This question is already last.")
    page.get_by_role("button", name="Move question 2 up").press("Space")
    expect(page.locator(ITEM_TEXT)).to_have_text([three, two, one])
    page.reload()
    expect(page.locator(ITEM_TEXT)).to_have_text([three, two, one])


def test_reorder_by_dragging_the_handle(page: Page, site_url: str) -> None:
    one, two, three = seeded_three(page, site_url)
    # The list in the middle of the window, at once (no smooth scrolling): clear of the header, and of
    # the top and bottom edges, where a drag scrolls the page.
    page.locator(".guide-prep__list").evaluate(
        "list => list.scrollIntoView({block: 'center', behavior: 'instant'})"
    )
    handle = page.locator(".guide-prep__handle").nth(2)
    expect(handle).to_be_in_viewport()
    start = handle.bounding_box()
    target = page.locator(".guide-prep__item").nth(0).bounding_box()
    height = page.evaluate("() => window.innerHeight")
    assert target is not None and start is not None
    assert target["y"] > 80 and start["y"] + start["height"] < height - 60, (target, start, height)
    # As a person drags: press on the handle, move up in small steps to the top of the first question, let go.
    x = start["x"] + start["width"] / 2
    page.mouse.move(x, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(x, target["y"] + target["height"] / 4, steps=12)
    page.mouse.up()
    # The drop is applied once the list is no longer being dragged and the move is announced.
    expect(page.locator(".guide-prep__list--dragging, .guide-prep__item--dragging")).to_have_count(0)
    expect(page.locator(LIVE)).to_have_text("Moved to position 1 of 3.")
    expect(page.locator(ITEM_TEXT)).to_have_text([three, one, two])
    saved = active_when(page, lambda s: s["updated"] != SEEDED, "saved the order the drop made")
    assert [item["text"] for item in saved["questions"]] == [three, one, two]


def test_star_remove_and_add_your_own_question(page: Page, site_url: str) -> None:
    one, two, three = seeded_three(page, site_url)
    star = page.get_by_role("button", name="Star question 2")
    star.click()
    expect(page.get_by_role("button", name="Star question 2")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Star question 2")).to_be_focused()
    starred = active_when(page, lambda s: s["updated"] != SEEDED, "saved the star")
    assert [item["starred"] for item in starred["questions"]] == [False, True, False]

    page.get_by_role("button", name="Remove question 1").click()
    expect(page.locator(ITEM_TEXT)).to_have_text(["★ " + two, three])
    expect(page.get_by_role("button", name="Remove question 1")).to_be_focused()
    expect(page.locator(LIVE)).to_have_text(f"Removed: {one}")

    own = page.get_by_label("Add your own question", exact=True)
    own.fill("<b>How</b> do you <script>alert(1)</script> keep learning?")
    own.press("Enter")
    last = page.locator(ITEM_TEXT).nth(2)
    expect(last).to_have_text("<b>How</b> do you <script>alert(1)</script> keep learning?Your question")
    expect(last.locator("b, script")).to_have_count(0)  # shown as text, never as markup
    expect(own).to_be_focused()
    expect(own).to_have_value("")
    saved = active_when(page, lambda s: len(s["questions"]) == 3, "saved the question added")["questions"][2]
    assert saved["kind"] == "own" and saved["text"].startswith("<b>How</b>")


def test_research_logistics_and_meeting_notes_survive_a_reload(page: Page, site_url: str) -> None:
    seeded_three(page, site_url)
    expect(page.get_by_label("Agreed length", exact=True)).to_have_value("20")
    page.get_by_label("Date", exact=True).fill("2025-04-15")
    page.get_by_label("Time", exact=True).fill("14:30")
    page.get_by_label("Place or video link", exact=True).fill("Café Nord, 2nd floor")
    page.get_by_label("Field", exact=True).fill("Water resources")
    page.get_by_label("Organization", exact=True).fill("City of Springfield")
    page.get_by_label("Their name", exact=True).fill("Dana Lee")
    page.get_by_label("Their role", exact=True).fill("Hydrologist")
    page.get_by_label("How you found them", exact=True).fill("Alumni network")
    notes = page.get_by_label("Notes", exact=True).nth(1)
    notes.fill("Started in a summer job.\nAsk about the river project.")
    expect(page.get_by_label("Prep sheet", exact=True)).to_have_text("Dana Lee, City of Springfield")
    # The sheet saves 0.4 s after the last keystroke: reload once the last field typed is saved.
    active_when(
        page,
        lambda s: any(q["notes"].startswith("Started in a summer job.") for q in s["questions"]),
        "saved the meeting notes",
    )
    page.reload()
    expect(page.get_by_label("Their name", exact=True)).to_have_value("Dana Lee")
    expect(page.get_by_label("Place or video link", exact=True)).to_have_value("Café Nord, 2nd floor")
    expect(page.get_by_label("Date", exact=True)).to_have_value("2025-04-15")
    expect(page.get_by_label("Notes", exact=True).nth(1)).to_have_value(
        "Started in a summer job.\nAsk about the river project."
    )
    saved = active_in(stored(page))
    assert saved["research"]["found"] == "Alumni network"
    assert saved["logistics"] == {
        "date": "2025-04-15",
        "time": "14:30",
        "timeZone": "",  # the visitor's own, wherever they are, until they choose one
        "place": "Café Nord, 2nd floor",
        "length": 20,
    }
    expect(page.locator(".guide-prep__section--meeting .guide-note")).to_have_text(
        "Remember: arrive at least 10 minutes early (or be set up online 10 minutes before), and bring"
        " business cards to exchange."
    )


@pytest.fixture
def zoned_page(
    browser: Browser, site_url: str, page_problems: list[str], request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A page in a fresh context whose clocks are in the visitor's zone `request.param` (an IANA name)."""
    context = guarded_context(
        browser,
        site_url,
        page_problems.append,
        viewport={"width": 1280, "height": 900},
        timezone_id=request.param,
    )
    try:
        yield context.new_page()
    finally:
        context.close()


ZONE_NOTE = ".guide-prep__section--meeting .guide-hint"


@pytest.mark.parametrize("zoned_page", ["America/Winnipeg"], indirect=True)
def test_the_meeting_keeps_its_time_zone_and_gives_the_time_in_the_visitors(
    zoned_page: Page, site_url: str
) -> None:
    page = zoned_page
    seeded_three(page, site_url)
    zone = page.get_by_label("Time zone", exact=True)
    expect(zone).to_have_value("America/Winnipeg")  # the visitor's own, until they choose another
    zone.focus()  # reaching for the select loads every zone
    expect(zone.locator("option:checked")).to_have_text("Central (your time zone)")
    expect(zone.locator("optgroup").first.locator("option")).to_have_text(
        [
            "Newfoundland",
            "Atlantic",
            "Eastern",
            "Central (your time zone)",
            "Saskatchewan (no daylight saving)",
            "Mountain",
            "Pacific",
        ]
    )
    expect(zone.locator("option[value='Europe/Paris']")).to_have_text("Europe/Paris")
    expect(page.locator(ZONE_NOTE)).to_be_hidden()
    page.get_by_label("Date", exact=True).fill("2026-03-12")
    page.get_by_label("Time", exact=True).fill("10:00")
    zone.select_option("America/Toronto")
    expect(page.locator(ZONE_NOTE)).to_have_text(
        "10:00 a.m. Eastern is 9:00 a.m. in your time zone, Central."
    )
    expect(zone).to_have_accessible_description("10:00 a.m. Eastern is 9:00 a.m. in your time zone, Central.")
    active_when(page, lambda s: s["logistics"]["timeZone"] == "America/Toronto", "kept the zone")
    assert_axe_clean(page, "prep-sheet/ with a meeting in another time zone")

    page.reload()
    expect(zone).to_have_value("America/Toronto")
    expect(page.locator(ZONE_NOTE)).to_have_text(
        "10:00 a.m. Eastern is 9:00 a.m. in your time zone, Central."
    )
    page.get_by_label("Time", exact=True).fill("23:30")
    expect(page.locator(ZONE_NOTE)).to_have_text(
        "11:30 p.m. Eastern is 10:30 p.m. in your time zone, Central."
    )
    zone.select_option("America/Vancouver")
    expect(page.locator(ZONE_NOTE)).to_have_text(
        "11:30 p.m. Pacific is 1:30 a.m. on Friday, March 13 in your time zone, Central."
    )
    zone.select_option("America/Winnipeg")
    expect(page.locator(ZONE_NOTE)).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".guide-prep__section--meeting .guide-print-value").nth(2)).to_have_text("Central")
    saved = active_when(page, lambda s: s["logistics"]["timeZone"] == "America/Winnipeg", "kept the own zone")
    assert saved["logistics"]["time"] == "23:30"


@pytest.mark.parametrize("zoned_page", ["America/St_Johns"], indirect=True)
def test_a_kept_zone_shows_the_time_in_another_visitors_zone_at_once(zoned_page: Page, site_url: str) -> None:
    logistics = {"date": "2026-07-15", "time": "10:00", "timeZone": "America/Regina", "place": "Video call"}
    seed(zoned_page, site_url, store_with(sheet(logistics=logistics)))
    expect(zoned_page.get_by_label("Time zone", exact=True)).to_have_value("America/Regina")
    expect(zoned_page.locator(ZONE_NOTE)).to_have_text(
        "10:00 a.m. Saskatchewan (no daylight saving) is 1:30 p.m. in your time zone, Newfoundland."
    )


def test_notes_typed_just_before_leaving_are_kept(page: Page, site_url: str) -> None:
    seeded_three(page, site_url)
    page.get_by_label("Their name", exact=True).fill("Sam")
    page.goto(urljoin(site_url, "questions/"))  # at once, before the 0.4 s pause
    # The sheet saves as the page goes: the page left behind has no timer left to save it later.
    saved = active_when(page, lambda s: s["research"]["name"], "saved the name typed")
    assert saved["research"]["name"] == "Sam"


def test_pitch_builder_counts_words_and_speaking_time(page: Page, site_url: str) -> None:
    open_prep_sheet(page, site_url)
    result = page.locator(".guide-pitch__text")
    expect(result).to_have_text("Your pitch appears here as you answer the prompts.")
    page.get_by_label("Who you are", exact=True).fill("I'm Alex, in my third year of Environmental Science")
    page.get_by_label("What you are exploring", exact=True).fill(
        "Last summer I sampled water for the city and I'm curious about a career in water resources!"
    )
    page.get_by_label("Why this person", exact=True).fill("Your work on the river project caught my eye")
    expect(result).to_have_text(
        "I'm Alex, in my third year of Environmental Science. Last summer I sampled water for the city and"
        " I'm curious about a career in water resources! Your work on the river project caught my eye."
    )
    # 9 + 17 + 9 = 35 words, at 150 words a minute: 14 seconds.
    expect(page.locator(".guide-pitch__stats")).to_have_text("35 words, about 14 seconds to say.")
    expect(page.locator(".guide-pitch__stats")).to_have_attribute("role", "status")
    page.get_by_label("Why this person", exact=True).fill(" ".join(["word"] * 60))
    expect(page.locator(".guide-pitch__stats")).to_have_text("86 words, about 34 seconds to say.")
    page.get_by_label("Why this person", exact=True).fill(" ".join(["word"] * 70))
    expect(page.locator(".guide-pitch__stats")).to_have_text(
        "96 words, about 38 seconds to say. That is longer than 30 seconds: try cutting a sentence."
    )
    last = " ".join(["word"] * 70)
    saved = stored_when(page, lambda data: active_in(data)["pitch"]["why"] == last, "saved the pitch")
    assert saved["profile"]["who"] == "I'm Alex, in my third year of Environmental Science"


def test_several_sheets_new_switch_duplicate_and_delete(page: Page, site_url: str) -> None:
    seeded_three(page, site_url)
    switch = page.get_by_label("Prep sheet", exact=True)
    page.get_by_label("Their name", exact=True).fill("Dana Lee")
    page.get_by_label("Notes", exact=True).first.fill("meeting notes")
    page.get_by_label("Who you are", exact=True).fill("I'm Alex")
    page.get_by_role("button", name="New sheet").click()
    expect(switch).to_be_focused()
    expect(switch.locator("option")).to_have_text(["Dana Lee", "Prep sheet 2"])
    expect(page.locator(".guide-prep__empty")).to_be_visible()
    expect(page.get_by_label("Who you are", exact=True)).to_have_value("I'm Alex")  # the profile carries over
    page.get_by_label("Their name", exact=True).fill("Sam Roy")
    expect(switch.locator("option")).to_have_text(["Dana Lee", "Sam Roy"])

    switch.select_option(label="Dana Lee")
    expect(page.get_by_label("Their name", exact=True)).to_have_value("Dana Lee")
    expect(page.locator(ITEM_TEXT)).to_have_count(3)
    page.get_by_role("button", name="Duplicate").click()
    expect(switch.locator("option")).to_have_text(["Dana Lee", "Dana Lee", "Sam Roy"])
    copied = stored_when(page, lambda data: len(data["prepSheets"]) == 3, "saved the copy")
    expect(switch).to_have_value(active_in(copied)["id"])
    expect(page.locator(ITEM_TEXT)).to_have_count(3)
    expect(page.get_by_label("Notes", exact=True).first).to_have_value(
        ""
    )  # the copy leaves the meeting notes out
    page.get_by_label("Their name", exact=True).fill("Kim Park")
    renamed = stored_when(
        page, lambda data: active_in(data)["research"]["name"] == "Kim Park", "saved the name"
    )
    assert [s["research"]["name"] for s in renamed["prepSheets"]] == ["Dana Lee", "Kim Park", "Sam Roy"]

    page.get_by_role("button", name="Delete").click()
    dialog = page.get_by_role("dialog", name="Delete the prep sheet Kim Park?")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(switch.locator("option")).to_have_count(3)
    page.get_by_role("button", name="Delete").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete this sheet").click()
    expect(dialog).to_have_count(0)
    expect(switch.locator("option")).to_have_text(["Dana Lee", "Sam Roy"])
    expect(page.get_by_label("Their name", exact=True)).to_have_value("Sam Roy")
    left = stored_when(
        page,
        lambda data: all(s["research"]["name"] != "Kim Park" for s in data["prepSheets"]),
        "lost Kim Park",
    )
    assert len(left["prepSheets"]) == 2


def test_the_share_link_carries_only_question_ids_and_restores_them_elsewhere(
    page: Page, pooled_page: Page, site_url: str
) -> None:
    questions = first_questions(site_url, 4)
    picked = [bank_item(q["id"], q["text"], notes="private notes") for q in questions[:3]]
    own = {"kind": "own", "id": "own-1", "text": "My own secret question?", "notes": "", "starred": False}
    secret = sheet([*picked, own], research={"name": "Dana Lee", "organization": "Acme"})
    seed(page, site_url, store_with(secret))
    link_box = page.get_by_label("Link to these questions", exact=True)
    expect(link_box).to_have_value(
        urljoin(site_url, "prep-sheet/") + "#q=" + ",".join(q["id"] for q in questions[:3])
    )
    link = link_box.input_value()
    for private in ("Dana", "Acme", "secret", "private"):
        assert private not in link

    other = pooled_page  # another device: a different browser context, with nothing stored
    other.goto(link)
    other.wait_for_selector(".guide-prep__app:not([hidden]) .guide-prep__list")
    expect(other.locator(ITEM_TEXT)).to_have_text([q["text"] for q in questions[:3]])
    notice = other.locator(".guide-prep__incoming h2")
    expect(notice).to_have_text("The 3 questions from the link are on the prep sheet Prep sheet 1.")
    expect(notice).to_be_focused()
    expect(other, "the link's fragment is removed once used").to_have_url(urljoin(site_url, "prep-sheet/"))
    received = stored_when(
        other, lambda data: data["prepSheets"][0]["questions"], "saved the link's questions"
    )
    saved = received["prepSheets"][0]
    assert [item["id"] for item in saved["questions"]] == [q["id"] for q in questions[:3]]
    assert saved["research"]["name"] == ""

    # A device that already has a sheet with questions is asked first.
    other.goto(
        urljoin(site_url, "prep-sheet/") + f"#q={questions[3]['id']},not-a-question,{questions[0]['id']}"
    )
    other.wait_for_selector(".guide-prep__incoming h2")
    expect(other.locator(".guide-prep__incoming h2")).to_have_text("A shared link with 2 questions")
    expect(other.locator(".guide-prep__incoming")).to_contain_text(
        "1 question in the link is no longer in the question bank and was left out."
    )
    assert_axe_clean(other, "prep-sheet/ with a shared link to choose for")
    other.get_by_role("button", name="Start a new prep sheet").click()
    expect(other.locator(ITEM_TEXT)).to_have_text([questions[3]["text"], questions[0]["text"]])
    fresh = stored_when(
        other,
        lambda data: active_in(data)["questions"][0]["id"] == questions[3]["id"],
        "saved the new sheet with the link's questions",
    )
    assert len(fresh["prepSheets"]) == 2


def test_export_then_import_into_a_fresh_context(
    page: Page, pooled_page: Page, site_url: str, tmp_path: Path
) -> None:
    questions = first_questions(site_url, 2)
    mine = sheet(
        [bank_item(q["id"], q["text"], notes="good answer") for q in questions], research={"name": "Dana"}
    )
    seed(page, site_url, store_with(mine))
    with page.expect_download() as caught:
        page.get_by_role("button", name="Export all data").click()
    download = caught.value
    assert download.suggested_filename.startswith("informational-interviews-")
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    body = json.loads(exported.read_text("utf-8"))
    assert body["format"] == "ii-guide-export" and body["version"] == 1
    assert body["data"]["prepSheets"][0]["questions"][0]["notes"] == "good answer"

    other = pooled_page
    elsewhere = sheet([bank_item(questions[0]["id"])], id="sheet-elsewhere", research={"name": "Sam"})
    seed(other, site_url, store_with(elsewhere))
    with other.expect_file_chooser() as chooser:
        other.get_by_role("button", name="Import from a file").click()
    chooser.value.set_files(exported)
    dialog = other.get_by_role("dialog", name="Import this file?")
    expect(dialog).to_contain_text(f"{exported.name} holds 1 prep sheet.")
    expect(dialog).to_contain_text("Here you have 1 prep sheet. Merge adds what the file holds")
    assert_axe_clean(other, "prep-sheet/ with the import dialog open")
    dialog.get_by_role("button", name="Merge").click()
    expect(dialog).to_have_count(0)
    switch = other.get_by_label("Prep sheet", exact=True)
    expect(switch.locator("option")).to_have_text(["Sam", "Dana"])
    expect(other.locator(".guide-data__status")).to_have_text("Imported. You now have 2 prep sheets.")
    merged = stored_when(other, lambda data: len(data["prepSheets"]) > 1, "saved the merge")
    assert [s["research"]["name"] for s in merged["prepSheets"]] == ["Sam", "Dana"]
    expect(other.get_by_role("button", name="Import from a file")).to_be_focused()

    with other.expect_file_chooser() as chooser:
        other.get_by_role("button", name="Import from a file").click()
    chooser.value.set_files(exported)
    other.get_by_role("dialog").get_by_role("button", name="Replace").click()
    expect(other.locator("dialog.guide-dialog")).to_have_count(0)
    expect(switch.locator("option")).to_have_text(["Dana"])
    replaced = stored_when(other, lambda data: len(data["prepSheets"]) == 1, "saved the replacement")
    assert replaced["prepSheets"] == body["data"]["prepSheets"]

    wrong = tmp_path / "notes.json"
    wrong.write_text('{"hello": "world"}', "utf-8")
    with other.expect_file_chooser() as chooser:
        other.get_by_role("button", name="Import from a file").click()
    chooser.value.set_files(wrong)
    expect(other.locator(".guide-data__status")).to_have_text(
        "notes.json is not a data file exported from this guide."
    )
    expect(switch.locator("option")).to_have_text(["Dana"])


def test_clear_all_data_asks_first(page: Page, site_url: str) -> None:
    seeded_three(page, site_url)
    page.get_by_role("button", name="Clear all data").click()
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
    # The dialog gone, the page has had the answer and done what it does with it.
    expect(page.locator("dialog.guide-dialog")).to_have_count(0)
    assert stored(page) is not None
    page.get_by_role("button", name="Clear all data").click()
    page.get_by_role("dialog").get_by_role("button", name="Clear everything").click()
    expect(page.locator("dialog.guide-dialog")).to_have_count(0)
    expect(page.locator(".guide-prep__empty")).to_be_visible()
    stored_when(page, lambda data: data is None, "was removed")
    assert stored(page) is None, "nothing is saved until the visitor writes something again"


@pytest.mark.parametrize("path", ["prep-sheet/", "questions/"])
def test_a_corrupt_store_is_reported_kept_and_offered_for_download(
    page: Page, site_url: str, path: str, tmp_path: Path
) -> None:
    broken = '{"version": 1, "prepSheets": [ {"id": "x", '
    seed(page, site_url, broken, path=path)
    notice = page.get_by_role("region", name="Your saved data could not be read")
    expect(notice).to_contain_text("is damaged, and this page cannot read it")
    expect(notice).to_contain_text("Nothing has been changed")
    assert_axe_clean(page, f"{path} with a damaged store")
    assert_keyboard_clean(page, ".guide-notice", f"{path} with a damaged store")
    if path == "questions/":
        page.locator('[data-question-id="likes-best"] .guide-pick input').check()
    else:
        page.get_by_label("Their name", exact=True).fill("Dana")
        save_pending(page)  # the save the sheet holds back for a pause in typing, now
    raw = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    assert raw == broken, "the damaged data is not overwritten before the visitor decides"
    with page.expect_download() as caught:
        notice.get_by_role("button", name="Download the saved data").click()
    caught.value.save_as(tmp_path / "raw.txt")
    assert (tmp_path / "raw.txt").read_text("utf-8") == broken
    notice.get_by_role("button", name="Start afresh").click()
    page.get_by_role("dialog").get_by_role("button", name="Remove it and start afresh").click()
    expect(page.locator("dialog.guide-dialog")).to_have_count(0)
    expect(notice).to_be_hidden()
    stored_when(page, lambda data: data != broken, "was removed")
    assert page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) is None


def test_an_older_store_is_upgraded_and_a_newer_one_is_left_alone(page: Page, site_url: str) -> None:
    question = first_questions(site_url, 1)[0]
    older = {"prepSheets": [{"id": "old-1", "questions": [{"id": question["id"]}]}]}  # no version number
    seed(page, site_url, older)
    expect(page.locator(ITEM_TEXT)).to_have_text([question["text"]])
    expect(page.locator(".guide-notice")).to_have_count(0)
    page.get_by_label("Their name", exact=True).fill("Dana")
    upgraded = stored_when(
        page, lambda data: data["prepSheets"][0]["research"]["name"] == "Dana", "saved the name"
    )
    assert upgraded["version"] == 1 and upgraded["prepSheets"][0]["logistics"]["length"] == 20

    newer = json.dumps({"version": 99, "prepSheets": [], "futureThing": True})
    seed(page, site_url, newer)
    expect(page.get_by_role("region", name="Your saved data could not be read")).to_contain_text(
        "saved by a newer version of this guide"
    )

    damaged = store_with(sheet([bank_item(question["id"]), {"kind": "own", "text": ""}, 42]))
    seed(page, site_url, damaged)
    notice = page.get_by_role("region", name="Your saved data could not be read")
    expect(notice).to_contain_text("2 entries could not be read.")
    expect(page.locator(ITEM_TEXT)).to_have_text([question["text"]])
    notice.get_by_role("button", name="Keep what could be read").click()
    expect(notice).to_be_hidden()
    kept = stored_when(page, lambda data: data != damaged, "saved what could be read")
    assert len(kept["prepSheets"][0]["questions"]) == 1


def test_without_javascript_the_page_is_a_blank_sheet_with_the_recommended_questions(
    browser: Browser, site_url: str, tmp_path: Path
) -> None:
    recommended = bank(site_url)["recommended"]["sets"][0]["question_ids"]
    texts_by_id = {q["id"]: q["text"] for q in bank(site_url)["questions"]}
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, "prep-sheet/"))
        listed = page.locator("[data-recommended-question]")
        expect(listed).to_have_count(10)
        assert [e.get_attribute("data-recommended-question") for e in listed.all()] == recommended
        expect(page.locator(".guide-prep__question-text").first).to_have_text(texts_by_id[recommended[0]])
        expect(page.locator(".guide-prep__blank")).to_be_visible()
        expect(page.get_by_text("Agreed length")).to_be_visible()
        snapshot(page, "prep-sheet-no-js-390", full_page=True)
        page.emulate_media(media="print")
        snapshot(page, "prep-sheet-no-js-print", full_page=True)
        pdf = tmp_path / "blank.pdf"
        page.pdf(path=pdf, format="Letter")
        assert pdf_pages(pdf) <= 2
    finally:
        context.close()


def filled_sheet(site_url: str, count: int) -> dict[str, Any]:
    """A realistic sheet: the recommended questions (and more), notes on two, every detail filled in."""
    data = bank(site_url)
    texts_by_id = {q["id"]: q["text"] for q in data["questions"]}
    ids = data["recommended"]["sets"][0]["question_ids"]
    ids = (ids + [q["id"] for q in data["questions"] if q["id"] not in ids])[:count]
    items = [bank_item(i, texts_by_id[i]) for i in ids]
    items[0]["notes"] = "Started in a summer job with the city; moved to the province after four years."
    items[1]["starred"] = True
    items[2]["notes"] = "Loves field work.\nAsk about the spring survey."
    return sheet(
        items,
        research={
            "field": "Water resources",
            "organization": "City of Springfield",
            "name": "Dana Lee",
            "role": "Senior hydrologist",
            "found": "Alumni network on LinkedIn",
            "notes": "Led the river restoration project (2023). Studied at our university.",
        },
        logistics={"date": "2025-04-15", "time": "14:30", "place": "City Hall, 3rd floor", "length": 20},
        pitch={
            "who": "I'm Alex, in my third year of Environmental Science",
            "exploring": "Last summer I sampled water for the city, and liked the field work a lot",
            "why": "I read about your river project and would love to hear how you got into water resources",
        },
    )


@pytest.mark.parametrize("count", [10, 18])
def test_a_filled_sheet_prints_on_two_letter_pages(
    page: Page, site_url: str, count: int, tmp_path: Path
) -> None:
    seed(page, site_url, store_with(filled_sheet(site_url, count)))
    page.emulate_media(media="print")
    for hidden in (".guide-prep__bar", ".guide-timer", ".guide-share", ".guide-data", "textarea"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".guide-prep__section--meeting .guide-print-value").first).to_have_text(
        "Tuesday, April 15, 2025"
    )
    expect(page.locator(".guide-pitch__text")).to_be_visible()
    snapshot(page, f"prep-sheet-print-{count}", full_page=True)
    pdf = tmp_path / "sheet.pdf"
    page.pdf(path=pdf, format="Letter")
    assert pdf_pages(pdf) <= 2, f"{count} questions print on {pdf_pages(pdf)} Letter pages"


@pytest.mark.parametrize("color_scheme", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_prep_sheet_states_pass_axe_and_the_keyboard_gate(
    page: Page, site_url: str, viewport_width: int, color_scheme: str
) -> None:
    where = f"prep-sheet/ at {viewport_width} px, {color_scheme}"
    open_prep_sheet(page, site_url)
    assert_axe_clean(page, f"{where}, empty")
    seed(page, site_url, store_with(filled_sheet(site_url, 12), sheet(id="sheet-2")))
    page.get_by_label("Why this person", exact=True).fill(" ".join(["word"] * 80))  # the pitch is too long
    assert_axe_clean(page, f"{where}, filled, 12 questions, long pitch")
    assert_keyboard_clean(page, ".guide-prep__app", f"{where}, filled")
    snapshot(page, f"prep-sheet-{viewport_width}-{color_scheme}", full_page=True)
    page.get_by_role("button", name="Delete").click()
    assert_axe_clean(page, f"{where}, delete dialog")
    assert_keyboard_clean(page, "dialog", f"{where}, delete dialog")


@pytest.mark.parametrize("viewport_width", [390], indirect=True)
def test_from_the_bank_to_a_printed_sheet_on_a_phone(page: Page, site_url: str, tmp_path: Path) -> None:
    open_picker(page, site_url)
    page.get_by_label("Purpose", exact=True).select_option("job-search")
    page.get_by_role("button", name="Suggest a starter set").click()
    page.get_by_label("Search the questions", exact=True).fill("salary")
    page.locator(".guide-question:visible .guide-pick input").first.check()
    snapshot(page, "journey-1-bank-390")
    page.get_by_role("link", name="Open your prep sheet").click()
    page.wait_for_selector(".guide-prep__app:not([hidden]) .guide-prep__list")
    expect(page.locator(ITEM_TEXT)).to_have_count(11)
    page.get_by_label("Their name", exact=True).fill("Dana Lee")
    page.get_by_label("Organization", exact=True).fill("City of Springfield")
    page.get_by_label("Who you are", exact=True).fill("I'm Alex, in my third year of Environmental Science")
    snapshot(page, "journey-2-sheet-390")
    page.emulate_media(media="print")
    pdf = tmp_path / "journey.pdf"
    page.pdf(path=pdf, format="Letter")
    assert pdf_pages(pdf) <= 2
    page.emulate_media(media="screen")
    page.goto(urljoin(site_url, "questions/"))  # a week later, on the same phone
    open_prep_sheet(page, site_url)
    expect(page.get_by_label("Their name", exact=True)).to_have_value("Dana Lee")
    expect(page.locator(ITEM_TEXT)).to_have_count(11)
