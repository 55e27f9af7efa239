"""The contact tracker in Chromium: add, edit, delete, referrals, next actions, 200 contacts, the gates."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import pytest
from browsing import guarded_context
from playwright.sync_api import Browser, Page, expect
from tooling import (
    assert_axe_clean,
    assert_keyboard_clean,
    snapshot,
)
from tracker_steps import (
    ACTION,
    CARD,
    LIVE,
    READY,
    STAMP,
    TODAY,
    contact,
    contacts_when,
    open_tracker,
    saved_contact,
    saved_contacts,
    seed_tracker,
    with_contacts,
)

pytestmark = pytest.mark.browser


def journey() -> list[dict[str, Any]]:
    """Contacts at every stage, for a clock set to TODAY (2026-03-20)."""
    return [
        contact("c-ana", "Ana Silva", status="met", meeting="2026-03-19", organization="Prairie Water"),
        contact("c-ben", "Ben Roy", status="contacted", contacted="2026-03-10"),
        contact(
            "c-oka",
            "Ms. Okafor",
            status="thanked",
            meeting="2026-03-12",
            thankYouSent="2026-03-13",
            permission="yes",
        ),
        contact("c-chen", "Mr. Chen", status="contacted", contacted="2026-03-18", referredBy="c-oka"),
        contact("c-dara", "Dara Lee", status="thanked", meeting="2025-11-30", thankYouSent="2025-12-01"),
        contact("c-eve", "Eve Martin", status="keeping in touch", nextFollowUp="2026-04-01"),
        contact(
            "c-fay", "Fay Wong", notes="Met at the career fair.\nAsk about co-op.", actions="Apply by May 1"
        ),
    ]


# --- Adding, editing, deleting ------------------------------------------------------------------------


@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_add_edit_and_delete_a_contact(page: Page, site_url: str, viewport_width: int) -> None:
    open_tracker(page, site_url)
    expect(page.locator(".guide-tracker__count")).to_have_text(
        "No contacts yet. Add the first person you plan to reach out to."
    )
    page.get_by_role("button", name="Add a contact").click()
    expect(page.get_by_role("form", name="Add a contact").get_by_label("Name (required)")).to_be_focused()
    page.get_by_role("button", name="Add this contact").click()
    name = page.get_by_label("Name (required)")
    expect(name).to_be_focused()
    expect(name).to_have_attribute("aria-invalid", "true")
    error = page.locator(".guide-tracker__field--name .guide-tracker__error")
    expect(error).to_have_text("Please enter a name, so that you can find this contact again.")
    expect(name).to_have_accessible_description(
        "Please enter a name, so that you can find this contact again."
    )
    assert saved_contacts(page) == []

    name.fill("Zoë Côté")
    page.get_by_label("Role").fill("Analyst, water <b>resources</b>")
    page.get_by_label("Organization").fill("Prairie Water Consulting")
    page.get_by_label("Status").select_option(label="Contacted")
    page.get_by_label("Channel").select_option(label="LinkedIn")
    page.get_by_label("First contacted").fill("2026-03-02")
    page.get_by_label("Notes").fill("Line one\nLine two")
    page.get_by_role("button", name="Add this contact").click()
    card = page.locator(CARD)
    expect(card).to_have_count(1)
    expect(card.locator("h3")).to_have_text("Zoë Côté")
    expect(card.locator(".guide-tracker__where")).to_have_text(
        "Analyst, water <b>resources</b>, Prairie Water Consulting"
    )
    expect(card.locator(".guide-tracker__status")).to_have_text("Contacted")
    expect(page.get_by_role("button", name="Edit Zoë Côté")).to_be_focused()
    expect(page.locator(LIVE)).to_have_text("Added Zoë Côté.")
    (saved,) = contacts_when(page, lambda contacts: len(contacts) == 1, "saved the new contact")
    assert saved["name"] == "Zoë Côté" and saved["channel"] == "linkedin" and saved["status"] == "contacted"
    assert saved["contacted"] == "2026-03-02" and saved["notes"] == "Line one\nLine two"
    snapshot(page, f"tracker-added-{viewport_width}", full_page=True)

    page.reload()
    page.wait_for_selector(READY)
    page.get_by_role("button", name="Edit Zoë Côté").click()
    expect(page.get_by_role("form", name="Edit Zoë Côté").get_by_label("Name (required)")).to_be_focused()
    expect(page.get_by_label("Role")).to_have_value("Analyst, water <b>resources</b>")
    page.get_by_label("Role").fill("Senior analyst")
    page.get_by_role("button", name="Save changes").click()
    expect(card.locator(".guide-tracker__where")).to_have_text("Senior analyst, Prairie Water Consulting")
    (edited,) = contacts_when(
        page, lambda contacts: contacts[0]["role"] != "Analyst, water <b>resources</b>", "saved the edit"
    )
    assert edited["role"] == "Senior analyst"
    assert edited["updated"] > STAMP

    page.get_by_role("button", name="Edit Zoë Côté").click()
    page.get_by_label("Role").fill("Not saved")
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("button", name="Edit Zoë Côté")).to_be_focused()
    assert saved_contacts(page)[0]["role"] == "Senior analyst"

    page.get_by_role("button", name="Delete Zoë Côté").click()
    dialog = page.get_by_role("dialog", name="Delete Zoë Côté?")
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
    dialog.get_by_role("button", name="Cancel").click()
    expect(card).to_have_count(1)
    page.get_by_role("button", name="Delete Zoë Côté").click()
    page.get_by_role("dialog", name="Delete Zoë Côté?").get_by_role(
        "button", name="Delete this contact"
    ).click()
    expect(page.locator("dialog.guide-dialog")).to_have_count(0)
    expect(card).to_have_count(0)
    expect(page.get_by_role("button", name="Add a contact")).to_be_focused()
    assert contacts_when(page, lambda contacts: not contacts, "lost the deleted contact") == []


@pytest.fixture
def winnipeg_page(browser: Browser, site_url: str, page_problems: list[str]) -> Iterator[Page]:
    """A page in a fresh context whose visitor is in Winnipeg (Central time)."""
    context = guarded_context(
        browser,
        site_url,
        page_problems.append,
        viewport={"width": 1280, "height": 900},
        timezone_id="America/Winnipeg",
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def test_a_meeting_keeps_its_time_and_zone(winnipeg_page: Page, site_url: str) -> None:
    page = winnipeg_page
    open_tracker(page, site_url)
    page.get_by_role("button", name="Add a contact").click()
    page.get_by_label("Name (required)").fill("Ana Silva")
    page.get_by_label("Meeting time", exact=True).fill("10:00")
    page.get_by_role("button", name="Add this contact").click()
    error = page.locator(".guide-tracker__field--meetingTime .guide-tracker__error")
    expect(error).to_have_text("Please enter the meeting's date as well, or clear the time.")
    page.get_by_label("Meeting", exact=True).fill("2026-03-12")
    zone = page.get_by_label("Meeting time zone")
    expect(zone).to_have_value("America/Winnipeg")
    expect(zone.locator("option:checked")).to_have_text("Central (your time zone)")
    zone.select_option("America/St_Johns")
    note = page.locator(".guide-tracker__field--timeZone .guide-hint")
    expect(note).to_have_text("10:00 a.m. Newfoundland is 7:30 a.m. in your time zone, Central.")
    page.get_by_role("button", name="Add this contact").click()
    card = page.locator(CARD)
    meeting = card.locator("dd").filter(has_text="Mar 12, 2026")
    expect(meeting).to_contain_text("Mar 12, 2026, 10:00 a.m. Newfoundland")
    expect(meeting.locator(".guide-hint")).to_have_text(
        "10:00 a.m. Newfoundland is 7:30 a.m. in your time zone, Central."
    )
    (saved,) = contacts_when(page, lambda contacts: len(contacts) == 1, "saved the contact")
    assert (saved["meeting"], saved["meetingTime"], saved["timeZone"]) == (
        "2026-03-12",
        "10:00",
        "America/St_Johns",
    )

    page.reload()
    page.wait_for_selector(READY)
    expect(meeting.locator(".guide-hint")).to_have_text(
        "10:00 a.m. Newfoundland is 7:30 a.m. in your time zone, Central."
    )
    page.get_by_role("button", name="Edit Ana Silva").click()
    expect(zone).to_have_value("America/St_Johns")
    expect(page.get_by_label("Meeting time", exact=True)).to_have_value("10:00")


def test_a_meeting_kept_without_a_zone_stays_in_the_visitors_own(winnipeg_page: Page, site_url: str) -> None:
    page = winnipeg_page
    seed_tracker(
        page,
        site_url,
        with_contacts(contact("c-ana", "Ana Silva", meeting="2026-03-12", meetingTime="14:30")),
    )
    meeting = page.locator(CARD).locator("dd").filter(has_text="Mar 12, 2026")
    expect(meeting).to_have_text("Mar 12, 2026, 2:30 p.m. your time")
    page.get_by_role("button", name="Edit Ana Silva").click()
    expect(page.get_by_label("Meeting time zone")).to_have_value("America/Winnipeg")
    page.get_by_label("Role").fill("Analyst")
    page.get_by_role("button", name="Save changes").click()
    saved = saved_contact(page, "c-ana", lambda c: c["role"] == "Analyst", "saved the edit")
    assert saved["timeZone"] == "", "the zone was never chosen: it stays the visitor's own, wherever they are"


def test_a_thank_you_dated_before_the_meeting_is_questioned_once(page: Page, site_url: str) -> None:
    seed_tracker(page, site_url, with_contacts(contact("c-1", "Ana Silva", status="met")))
    page.get_by_role("button", name="Edit Ana Silva").click()
    page.get_by_label("Meeting", exact=True).fill("2026-03-12")
    thanks = page.get_by_label("Thank-you sent")
    thanks.fill("2026-03-10")
    page.get_by_role("button", name="Save changes").click()
    expect(thanks).to_be_focused()
    expect(page.locator(".guide-tracker__field--thankYouSent .guide-tracker__error")).to_have_text(
        "This is before the meeting date. Is that right? If it is, save again to keep it."
    )
    assert saved_contacts(page)[0]["thankYouSent"] == ""
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(CARD)).to_contain_text("Thank-you sent")
    saved = saved_contact(page, "c-1", lambda c: c["updated"] != STAMP, "saved the thank-you date")
    assert saved["thankYouSent"] == "2026-03-10"


def test_a_referral_links_to_the_person_who_referred_them(page: Page, site_url: str) -> None:
    many = [contact(f"c-{n:03}", f"Person {n:03}") for n in range(40)]
    okafor = contact("c-oka", "Ms. Okafor", organization="Prairie Water")
    seed_tracker(page, site_url, with_contacts(okafor, *many, contact("c-chen", "Mr. Chen")))
    page.get_by_role("button", name="Edit Mr. Chen").click()
    referrer = page.get_by_label("Referred by")
    expect(referrer.locator("option").first).to_have_text("No one")
    referrer.select_option(label="Ms. Okafor")
    page.get_by_role("button", name="Save changes").click()
    chen = saved_contact(page, "c-chen", lambda c: c["updated"] != STAMP, "saved Mr. Chen's referrer")
    assert chen["referredBy"] == "c-oka"

    page.get_by_label("Find a contact").fill("chen")
    expect(page.locator(CARD)).to_have_count(1)
    link = page.locator(CARD).get_by_role("link", name="Ms. Okafor")
    expect(link).to_have_attribute("href", "#contact-c-oka")
    link.click()
    expect(page.locator("#contact-c-oka")).to_be_focused()
    expect(page.locator("#contact-c-oka")).to_be_in_viewport()
    expect(page.get_by_label("Find a contact")).to_have_value("")
    expect(page.locator(CARD)).to_have_count(42)

    # Deleting the referrer keeps the contact they referred, without the link.
    page.get_by_role("button", name="Delete Ms. Okafor").click()
    dialog = page.get_by_role("dialog", name="Delete Ms. Okafor?")
    expect(dialog).to_contain_text("1 contact was referred by them; that contact stays, without the link.")
    dialog.get_by_role("button", name="Delete this contact").click()
    # The tracker deletes once the dialog's answer is in: wait for the dialog to go, then for the store.
    expect(dialog).to_have_count(0)
    expect(page.locator("#contact-c-oka")).to_have_count(0)
    left = contacts_when(page, lambda contacts: all(c["id"] != "c-oka" for c in contacts), "lost Ms. Okafor")
    assert next(c for c in left if c["id"] == "c-chen")["referredBy"] == ""


# --- Next actions -------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_next_actions_follow_the_guides_timing(page: Page, site_url: str, viewport_width: int) -> None:
    page.clock.set_fixed_time(TODAY)
    seed_tracker(page, site_url, with_contacts(*journey()))
    actions = page.locator(ACTION)
    expect(actions.locator(".guide-tracker__action-what")).to_have_text(
        [
            "Send Dara Lee a short progress update",
            "Send one polite follow-up to Ben Roy",
            "Send a thank-you to Ana Silva",
            "Send one polite follow-up to Mr. Chen",
            "Tell Ms. Okafor that you followed up with Mr. Chen",
            "Follow up with Eve Martin",
        ]
    )
    expect(actions.locator(".guide-tracker__action-when")).to_have_text(
        [
            "Was due Sunday, March 1, 2026",
            "Was due Tuesday, March 17, 2026",
            "Due today, Friday, March 20, 2026",
            "By Wednesday, March 25, 2026",
            "By Wednesday, March 25, 2026",
            "By Wednesday, April 1, 2026",
        ]
    )
    expect(actions.locator(".guide-tracker__flag")).to_have_text(["Overdue", "Overdue", "Due today"])
    expect(page.locator(".guide-tracker__next")).to_contain_text("1 more action is planned later.")
    hrefs = [link.get_attribute("href") or "" for link in actions.locator("a[href*='scripts/']").all()]
    assert [href.removeprefix(site_url) for href in hrefs] == [
        "scripts/progress-update/",
        "scripts/follow-up-no-reply/",
        "scripts/thank-you/",
        "scripts/follow-up-no-reply/",
        "scripts/referrer-update/",
        "scripts/progress-update/",
    ]
    snapshot(page, f"tracker-actions-{viewport_width}", full_page=True)

    actions.nth(2).get_by_role("link", name="See Ana Silva").click()
    expect(page.locator("#contact-c-ana")).to_be_focused()

    page.get_by_role("button", name="Mark as done: Send a thank-you to Ana Silva").click()
    ana = saved_contact(page, "c-ana", lambda c: c["updated"] != STAMP, "saved Ana Silva's thank-you")
    assert ana["thankYouSent"] == "2026-03-20" and ana["status"] == "thanked"
    expect(actions).to_have_count(5)
    expect(page.locator(LIVE)).to_contain_text("Marked as done: Send a thank-you to Ana Silva.")
    page.get_by_role(
        "button", name="Mark as done: Tell Ms. Okafor that you followed up with Mr. Chen"
    ).click()
    chen = saved_contact(page, "c-chen", lambda c: c["updated"] != STAMP, "saved telling Ms. Okafor")
    assert chen["referrerTold"] == "2026-03-20"
    expect(actions).to_have_count(4)


def test_the_next_day_a_due_thank_you_becomes_overdue(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(datetime(2026, 3, 21, 9, 0, 0))
    seed_tracker(
        page, site_url, with_contacts(contact("c-ana", "Ana Silva", status="met", meeting="2026-03-19"))
    )
    expect(page.locator(ACTION)).to_have_count(1)
    expect(page.locator(f"{ACTION} .guide-tracker__flag")).to_have_text("Overdue")
    expect(page.locator(f"{ACTION}--overdue")).to_have_count(1)


def test_sorting_by_next_date_and_by_status(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(TODAY)
    seed_tracker(page, site_url, with_contacts(*journey()))
    names = page.locator(f"{CARD} h3")
    expect(names).to_have_text(
        ["Ana Silva", "Ben Roy", "Dara Lee", "Eve Martin", "Fay Wong", "Mr. Chen", "Ms. Okafor"]
    )
    page.get_by_label("Sort by").select_option(label="Next date")
    expect(names).to_have_text(
        ["Dara Lee", "Ben Roy", "Ana Silva", "Mr. Chen", "Eve Martin", "Ms. Okafor", "Fay Wong"]
    )
    page.get_by_label("Sort by").select_option(label="Status")
    expect(names).to_have_text(
        ["Fay Wong", "Ben Roy", "Mr. Chen", "Ana Silva", "Dara Lee", "Ms. Okafor", "Eve Martin"]
    )


# --- Many contacts ------------------------------------------------------------------------------------


def test_two_hundred_contacts_render_and_filter(page: Page, site_url: str) -> None:
    people = [
        contact(f"c-{n:03}", f"Contact {n:03}", organization=f"Org {n % 7}", status="contacted")
        for n in range(199)
    ]
    people.append(contact("c-zoe", "Zoë Côté", role="Hydrologist"))
    started = time.monotonic()
    seed_tracker(page, site_url, with_contacts(*people))
    expect(page.locator(CARD)).to_have_count(200)
    assert time.monotonic() - started < 10
    expect(page.locator(".guide-tracker__count")).to_have_text("200 contacts.")
    filter_box = page.get_by_label("Find a contact")
    filter_box.fill("contact 17")  # every word matches somewhere: 017, 117 and 170 to 179
    expect(page.locator(CARD)).to_have_count(12)
    expect(page.locator(".guide-tracker__count")).to_have_text("Showing 12 of 200 contacts.")
    filter_box.fill("zoe cote")
    expect(page.locator(f"{CARD} h3")).to_have_text(["Zoë Côté"])
    filter_box.fill("nobody here")
    expect(page.locator(CARD)).to_have_count(0)
    expect(page.locator(".guide-tracker__count")).to_have_text(
        "No contact matches “nobody here”. Try fewer or shorter words."
    )
    filter_box.fill("")
    expect(page.locator(CARD)).to_have_count(200)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 1280


# --- Stored data --------------------------------------------------------------------------------------


def test_damaged_contacts_are_reported_and_the_rest_shown(page: Page, site_url: str) -> None:
    damaged = with_contacts(
        contact("c-ana", "Ana Silva", status="wondering", junk={"x": 1}, meeting="March 12"),
        {"id": 7, "name": "No id"},
        "not a contact",
        contact("c-ben", "Ben Roy", referredBy="c-gone"),
    )
    seed_tracker(page, site_url, damaged)
    expect(page.locator(".guide-tracker__notice")).to_be_visible()
    expect(page.locator(f"{CARD} h3")).to_have_text(["Ana Silva", "Ben Roy"])
    expect(page.locator("#contact-c-ana .guide-tracker__status")).to_have_text("To contact")
    expect(page.locator("#contact-c-ben")).not_to_contain_text("Referred by")
    assert_axe_clean(page, "tracker/ with damaged contacts")


def test_without_javascript_the_page_points_to_the_printable_tracker(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, "tracker/"))
        note = page.locator(".guide-tracker__no-script")
        expect(note).to_be_visible()
        expect(note).to_contain_text("The contact tracker needs JavaScript")
        link = note.get_by_role("link", name="contact tracker")
        assert link.get_attribute("href") == "../downloads/contact-tracker.pdf"
        response = page.request.get(urljoin(page.url, "../downloads/contact-tracker.pdf"))
        assert response.ok
    finally:
        context.close()


def test_the_printed_tracker_lists_every_contact(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(TODAY)
    seed_tracker(page, site_url, with_contacts(*journey()))
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".guide-tracker__next")).to_be_hidden()
    expect(page.locator(".guide-tracker__files")).to_be_hidden()
    expect(page.locator(CARD)).to_have_count(7)
    expect(page.locator("#contact-c-fay .guide-tracker__text").first).to_be_visible()
    expect(page.get_by_role("button", name="Edit Ana Silva")).to_be_hidden()
    snapshot(page, "tracker-print", full_page=True)


# --- The gates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
@pytest.mark.parametrize("color_scheme", ["light", "dark"], indirect=True)
def test_tracker_states_pass_axe_and_the_keyboard_gate(
    page: Page, site_url: str, viewport_width: int, color_scheme: str
) -> None:
    where = f"tracker/ at {viewport_width} px, {color_scheme}"
    page.clock.set_fixed_time(TODAY)
    open_tracker(page, site_url)
    assert_axe_clean(page, f"{where}, empty")
    assert_keyboard_clean(page, ".guide-tracker", f"{where}, empty")
    snapshot(page, f"tracker-empty-{viewport_width}-{color_scheme}", full_page=True)

    seed_tracker(page, site_url, with_contacts(*journey()))
    page.locator("#contact-c-fay summary").click()
    assert_axe_clean(page, f"{where}, filled")
    assert_keyboard_clean(page, ".guide-tracker", f"{where}, filled")
    snapshot(page, f"tracker-filled-{viewport_width}-{color_scheme}", full_page=True)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport_width

    page.get_by_role("button", name="Edit Ms. Okafor").click()
    assert_axe_clean(page, f"{where}, form open")
    assert_keyboard_clean(page, ".guide-tracker", f"{where}, form open")
    page.get_by_label("Name (required)").fill("")
    page.get_by_label("Thank-you sent").fill("2026-03-01")
    page.get_by_role("button", name="Save changes").click()
    # One error (no name) and one polite question (a thank-you before the meeting).
    expect(page.locator(".guide-tracker__error:visible")).to_have_count(2)
    expect(page.locator(".guide-tracker__error--question:visible")).to_have_count(1)
    assert_axe_clean(page, f"{where}, form with an error")
    assert_keyboard_clean(page, ".guide-tracker", f"{where}, form with an error")
    snapshot(page, f"tracker-form-error-{viewport_width}-{color_scheme}", full_page=True)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport_width

    page.get_by_role("button", name="Cancel").click()
    page.get_by_role("button", name="Delete Ana Silva").click()
    assert_axe_clean(page, f"{where}, delete dialog")
    assert_keyboard_clean(page, "dialog", f"{where}, delete dialog")
