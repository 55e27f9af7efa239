"""The contact tracker's files in Chromium: CSV export and import, a malformed CSV, .ics, the JSON export."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import guarded_context
from playwright.sync_api import Browser, Page, expect
from tooling import STORAGE_KEY, assert_axe_clean, assert_keyboard_clean
from tracker_steps import (
    CARD,
    TODAY,
    contact,
    contacts_when,
    open_tracker,
    saved_contacts,
    seed_tracker,
    with_contacts,
)

pytestmark = pytest.mark.browser

STATUS = ".guide-tracker__file-status"
ICS_BUTTON = "Add meetings and follow-up dates to a calendar (.ics)"
HEADINGS = [
    "Name",
    "Role",
    "Organization",
    "How you found them",
    "Referred by",
    "Channel",
    "Status",
    "Contacted",
    "Followed up",
    "Meeting",
    "Meeting time",
    "Time zone",
    "Thank-you sent",
    "Told the referrer",
    "Last progress update",
    "Next follow-up",
    "May use their name",
    "Notes",
    "Action steps",
    "Created",
    "Updated",
    "ID",
    "Referred by (ID)",
]
KEYS = [
    "name",
    "role",
    "organization",
    "found",
    "referredByName",
    "channel",
    "status",
    "contacted",
    "followedUp",
    "meeting",
    "meetingTime",
    "timeZone",
    "thankYouSent",
    "referrerTold",
    "updateSent",
    "nextFollowUp",
    "permission",
    "notes",
    "actions",
    "created",
    "updated",
    "id",
    "referredBy",
]


@pytest.fixture
def fresh_page(browser: Browser, site_url: str, page_problems: list[str]) -> Iterator[Page]:
    """A page in a new, empty browser context (its problems fail the test, as the `page` fixture's do)."""
    context = guarded_context(
        browser, site_url, page_problems.append, viewport={"width": 1280, "height": 900}
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def tricky() -> list[dict[str, Any]]:
    """Contacts whose text has every character a CSV file can trip on."""
    return [
        contact(
            "c-zoe",
            'Zoë Côté-Ng, "Jo"',
            role='Analyst, "water" resources',
            organization="Café Ñandú; 🌊 Inc.",
            found="  Alumni search, page 2  ",
            status="thanked",
            channel="in person",
            meeting="2026-03-12",
            meetingTime="09:30",
            timeZone="America/St_Johns",
            thankYouSent="2026-03-12",
            permission="yes",
            notes='Line 1\r\nLine 2\nLine 3, with a comma and a "quote"\n',
            actions="Apply by May 1 👩🏽‍💻\rthen tell her",
            updated="2026-03-13T08:30:00.000Z",
        ),
        contact("c-ben", "Ben Roy", referredBy="c-zoe", status="contacted", contacted="2026-03-15"),
        contact("c-mei", "Mei 李", organization="", notes='""', actions=","),
    ]


def download(page: Page, button: str, tmp_path: Path) -> Path:
    """Click `button`, save the file it downloads in tmp_path, and return its path."""
    with page.expect_download() as caught:
        page.get_by_role("button", name=button).click()
    path = tmp_path / caught.value.suggested_filename
    caught.value.save_as(path)
    return path


def import_csv(page: Page, path: Path) -> None:
    """Choose `path` with the tracker's CSV import button."""
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import a spreadsheet (CSV)").click()
    chooser.value.set_files(path)


def raw_store(page: Page) -> str | None:
    """The store's saved text, exactly."""
    value: str | None = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return value


def test_csv_round_trips_every_character_into_a_fresh_context(
    page: Page, fresh_page: Page, site_url: str, tmp_path: Path
) -> None:
    contacts = tricky()
    seed_tracker(page, site_url, with_contacts(*contacts))
    path = download(page, "Download as a spreadsheet (CSV)", tmp_path)
    assert re.fullmatch(r"contacts-\d{4}-\d{2}-\d{2}\.csv", path.name)
    expect(page.locator(STATUS)).to_have_text("Downloaded 3 contacts as a spreadsheet.")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfName,Role,"), "UTF-8 with a byte order mark, for Excel"
    assert raw.endswith(b"\r\n")

    # Python's csv module reads back every value exactly...
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == HEADINGS
    names = {c["id"]: c["name"] for c in contacts}
    expected = [
        [names.get(c["referredBy"], "") if key == "referredByName" else c[key] for key in KEYS]
        for c in contacts
    ]
    assert rows[1:] == expected
    # ...and writes the very same bytes: CRLF after every record, quotes only where RFC 4180 needs them.
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    assert raw == b"\xef\xbb\xbf" + again.getvalue().encode("utf-8")

    open_tracker(fresh_page, site_url)
    import_csv(fresh_page, path)
    dialog = fresh_page.get_by_role("dialog", name=f"Import contacts from {path.name}?")
    expect(dialog).to_contain_text("3 contacts will be added, 0 updated.")
    assert_axe_clean(fresh_page, "tracker/ with the CSV import dialog open")
    assert_keyboard_clean(fresh_page, "dialog", "tracker/ with the CSV import dialog open")
    dialog.get_by_role("button", name="Import").click()
    expect(dialog).to_have_count(0)
    expect(fresh_page.locator(CARD)).to_have_count(3)
    expect(fresh_page.locator(STATUS)).to_have_text(
        f"Imported from {path.name}: 3 contacts added, 0 updated."
    )
    assert contacts_when(fresh_page, lambda saved: len(saved) == 3, "saved the imported contacts") == contacts
    expect(fresh_page.locator("#contact-c-ben").get_by_role("link", name='Zoë Côté-Ng, "Jo"')).to_be_visible()

    # Exporting again gives the same file, byte for byte.
    (tmp_path / "again").mkdir()
    assert download(fresh_page, "Download as a spreadsheet (CSV)", tmp_path / "again").read_bytes() == raw

    # The same file again changes nothing, and says so.
    import_csv(fresh_page, path)
    expect(fresh_page.locator(STATUS)).to_have_text(
        f"{path.name} has 3 contacts, all already here and unchanged. Nothing to import."
    )


def test_cells_that_would_run_as_formulas_are_guarded_and_come_back_exactly(
    page: Page, fresh_page: Page, site_url: str, tmp_path: Path
) -> None:
    hostile = [
        contact("c-eq", '=HYPERLINK("http://x.example","Click")', notes="+1 306 555 0142"),
        contact("c-at", "@SUM(A1:A9)", role="-2+3", organization="'quoted", actions="\t=1"),
    ]
    seed_tracker(page, site_url, with_contacts(*hostile))
    path = download(page, "Download as a spreadsheet (CSV)", tmp_path)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    for row in rows[1:]:
        for cell in row:
            assert not re.match(r"[=+\-@\t\r]", cell), f"a cell a spreadsheet would run: {cell!r}"
    assert rows[1][0] == '\'=HYPERLINK("http://x.example","Click")'
    open_tracker(fresh_page, site_url)
    import_csv(fresh_page, path)
    fresh_page.get_by_role("dialog", name=f"Import contacts from {path.name}?").get_by_role(
        "button", name="Import"
    ).click()
    saved = contacts_when(fresh_page, lambda contacts: len(contacts) == 2, "saved the imported contacts")
    assert saved == hostile


def test_a_spreadsheet_over_the_limits_is_refused_and_changes_nothing(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    seed_tracker(page, site_url, with_contacts(*tricky()))
    before = raw_store(page)
    many = tmp_path / "many.csv"
    many.write_text("Name\r\n" + "".join(f"Person {n}\r\n" for n in range(5001)), encoding="utf-8")
    import_csv(page, many)
    status = page.locator(STATUS)
    expect(status).to_contain_text("Nothing was imported from many.csv, and your contacts are unchanged.")
    expect(status).to_contain_text(
        "The file has 5001 rows of contacts; the tracker reads up to 5000 at a time."
    )
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"Name,Notes\r\nAna," + b"x" * 5_100_000 + b"\r\n")
    import_csv(page, huge)
    expect(status).to_contain_text("Nothing was imported from huge.csv")
    expect(status).to_contain_text("The file is about 5.1 MB; the tracker reads spreadsheets of up to 5 MB.")
    assert raw_store(page) == before


def test_an_edited_spreadsheet_adds_and_updates_after_a_preview(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    contacts = tricky()
    seed_tracker(page, site_url, with_contacts(*contacts))
    path = download(page, "Download as a spreadsheet (CSV)", tmp_path)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    rows[2][KEYS.index("role")] = "Project coordinator"  # Ben's new role
    new = [""] * len(KEYS)
    new[KEYS.index("name")] = "Dana Roy"
    new[KEYS.index("referredByName")] = "Ben Roy"  # no ID: linked by the referrer's name
    new[KEYS.index("status")] = "Meeting booked"
    new[KEYS.index("meeting")] = "2026-04-02"
    rows.append(new)
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)  # no BOM, as LibreOffice may save it

    import_csv(page, edited)
    dialog = page.get_by_role("dialog", name="Import contacts from edited.csv?")
    expect(dialog).to_contain_text("1 contact will be added, 1 updated.")
    expect(dialog).to_contain_text("2 contacts in the file are already here, unchanged.")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(page.locator(STATUS)).to_have_text("Nothing was imported.")  # the tracker is done with the answer
    assert len(saved_contacts(page)) == 3

    import_csv(page, edited)
    dialog.get_by_role("button", name="Import").click()
    expect(dialog).to_have_count(0)
    expect(page.locator(CARD)).to_have_count(4)
    saved = {c["name"]: c for c in contacts_when(page, lambda saved: len(saved) == 4, "saved the import")}
    assert saved["Ben Roy"]["role"] == "Project coordinator"
    assert saved["Ben Roy"]["updated"] > contacts[1]["updated"]
    assert saved["Dana Roy"]["referredBy"] == "c-ben" and saved["Dana Roy"]["status"] == "meeting booked"
    assert saved['Zoë Côté-Ng, "Jo"'] == contacts[0]


MALFORMED = [
    ('Name,Role\r\nBen,Analyst\r\nAna,"Unclosed role\r\nMore,text\r\n', "Row 3, column B: a field starts"),
    ('Name,Role\r\nAna,Ana "Jo" Silva\r\n', "Row 2, column B: a quotation mark"),
    ('Name,Role\r\n"Ana"x,Analyst\r\n', "Row 2, column A: a quotation mark"),
    (
        "Name,Email\r\nAna,ana@example.ca\r\n",
        "Row 1, column B (Email): the tracker does not know this heading.",
    ),
    (
        "Name,Meeting\r\nAna,2026-03-12\r\nBen,March 12\r\n",
        "Row 3, column B (Meeting): “March 12” is not a date",
    ),
    (
        "Name,Role,Status\r\nAna,,waiting\r\n",
        "Row 2, column C (Status): “waiting” is not one of: to contact, contacted, meeting booked, met, "
        "thanked, keeping in touch.",
    ),
    (
        "Name,Role\r\nAna,Analyst,Extra\r\n",
        "Row 2, column C: this row has more fields than there are headings.",
    ),
    ("Role,Name\r\nAnalyst,\r\n", "Row 2, column B (Name): the name is empty."),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_a_malformed_csv_names_the_row_and_column_and_changes_nothing(
    page: Page, site_url: str, tmp_path: Path, text: str, message: str
) -> None:
    seed_tracker(page, site_url, with_contacts(*tricky()))
    before = raw_store(page)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(text.encode("utf-8"))
    import_csv(page, bad)
    status = page.locator(STATUS)
    expect(status).to_contain_text("Nothing was imported from bad.csv, and your contacts are unchanged.")
    expect(status).to_contain_text(message)
    expect(page.get_by_role("dialog", name=re.compile("Import contacts"))).to_have_count(0)
    assert raw_store(page) == before
    expect(page.locator(CARD)).to_have_count(3)


def test_a_malformed_csv_message_passes_axe(page: Page, site_url: str, tmp_path: Path) -> None:
    open_tracker(page, site_url)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b'Name\r\n"Ana\r\n')
    import_csv(page, bad)
    expect(page.locator(STATUS)).to_contain_text("Row 2, column A")
    assert_axe_clean(page, "tracker/ after a malformed CSV")
    assert_keyboard_clean(page, ".guide-tracker", "tracker/ after a malformed CSV")


def unfold(text: str) -> list[str]:
    """The content lines of an iCalendar text (RFC 5545 section 3.1)."""
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    """An iCalendar TEXT value as plain text."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def test_the_calendar_file_has_one_all_day_event_per_follow_up_date(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.clock.set_fixed_time(TODAY)
    long_name = 'Zoë Côté-Ng, "Jo"; Hydro\\Lab 🌊 ' + " ".join(["très long nom"] * 4)
    contacts = [
        contact(
            "c-zoe",
            long_name,
            role="Analyst",
            organization="Café Ñandú",
            nextFollowUp="2026-04-01",
            actions="Send the article\nAsk about co-op",
        ),
        contact("c-ben", "Ben Roy", nextFollowUp="2026-06-15"),
        contact("c-mei", "Mei Li"),
    ]
    seed_tracker(page, site_url, with_contacts(*contacts))
    path = download(page, ICS_BUTTON, tmp_path)
    assert path.suffix == ".ics"
    expect(page.locator(STATUS)).to_have_text("Downloaded a calendar file with 2 follow-up dates.")
    raw = path.read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    physical = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical), "the long summary is folded"
    lines = unfold(raw.decode("utf-8"))
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert lines.count("BEGIN:VEVENT") == 2
    starts = [line.split(":", 1)[1] for line in lines if line.startswith("DTSTART")]
    assert [line.split(":", 1)[0] for line in lines if line.startswith("DTSTART")] == [
        "DTSTART;VALUE=DATE"
    ] * 2
    assert starts == ["20260401", "20260615"]
    ends = [line.split(":", 1)[1] for line in lines if line.startswith("DTEND")]
    assert ends == ["20260402", "20260616"]
    summaries = [unescape(line.split(":", 1)[1]) for line in lines if line.startswith("SUMMARY:")]
    assert summaries == [f"Follow up with {long_name}", "Follow up with Ben Roy"]
    descriptions = [unescape(line.split(":", 1)[1]) for line in lines if line.startswith("DESCRIPTION:")]
    assert descriptions == ["Analyst, Café Ñandú\nSend the article\nAsk about co-op"]
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 2
    stamps = [line for line in lines if line.startswith("DTSTAMP:")]
    assert all(re.fullmatch(r"DTSTAMP:2026032\dT\d{6}Z", stamp) for stamp in stamps), stamps


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


def test_the_calendar_file_puts_each_meeting_to_come_at_its_time_in_utc(
    winnipeg_page: Page, site_url: str, tmp_path: Path
) -> None:
    page = winnipeg_page
    page.clock.set_fixed_time(TODAY)
    contacts = [
        contact("c-reg", "Rae Regina", meeting="2026-03-25", meetingTime="10:00", timeZone="America/Regina"),
        # Toronto is on daylight time from March 8: 10:00 EDT is 14:00 UTC (it would be 15:00 in winter).
        contact(
            "c-tor", "Tom Toronto", meeting="2026-04-02", meetingTime="10:00", timeZone="America/Toronto"
        ),
        contact(
            "c-stj", "Sam St. John's", meeting="2026-11-16", meetingTime="10:00", timeZone="America/St_Johns"
        ),
        # No zone kept: the visitor's own, Winnipeg's daylight time (UTC-5).
        contact("c-own", "Olu Own", meeting="2026-03-24", meetingTime="09:30"),
        contact("c-day", "Dee Day", meeting="2026-03-30"),  # a date only: an all-day event
        contact("c-old", "Pat Past", meeting="2026-03-10", meetingTime="10:00"),  # past: left out
        contact("c-fol", "Fay Follow", nextFollowUp="2026-04-01"),
    ]
    seed_tracker(page, site_url, with_contacts(*contacts))
    path = download(page, ICS_BUTTON, tmp_path)
    expect(page.locator(STATUS)).to_have_text(
        "Downloaded a calendar file with 5 meetings and 1 follow-up date."
    )
    lines = unfold(path.read_bytes().decode("utf-8"))
    events: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        name, _, value = line.partition(":")
        current[name] = value
        if line == "END:VEVENT":
            events[current["SUMMARY"]] = current
    assert len(events) == 6
    timed = {
        "Informational interview with Rae Regina": ("20260325T160000Z", "20260325T162000Z"),
        "Informational interview with Tom Toronto": ("20260402T140000Z", "20260402T142000Z"),
        "Informational interview with Sam St. John's": ("20261116T133000Z", "20261116T135000Z"),
        "Informational interview with Olu Own": ("20260324T143000Z", "20260324T145000Z"),
    }
    for summary, (start, end) in timed.items():
        assert (events[summary]["DTSTART"], events[summary]["DTEND"]) == (start, end), summary
        assert events[summary]["TRANSP"] == "OPAQUE"
    day = events["Informational interview with Dee Day"]
    assert (day["DTSTART;VALUE=DATE"], day["DTEND;VALUE=DATE"]) == ("20260330", "20260331")
    assert events["Follow up with Fay Follow"]["DTSTART;VALUE=DATE"] == "20260401"
    assert "Informational interview with Pat Past" not in events


def test_a_spreadsheet_from_before_meeting_times_imports_with_none(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    open_tracker(page, site_url)
    old = tmp_path / "old.csv"
    old.write_bytes(b"Name,Status,Meeting\r\nAna Silva,Meeting booked,2026-04-02\r\n")
    import_csv(page, old)
    page.get_by_role("dialog", name="Import contacts from old.csv?").get_by_role(
        "button", name="Import"
    ).click()
    (saved,) = contacts_when(page, lambda contacts: len(contacts) == 1, "saved the import")
    assert (saved["meeting"], saved["meetingTime"], saved["timeZone"]) == ("2026-04-02", "", "")


def test_no_follow_up_dates_means_no_calendar_file(page: Page, site_url: str) -> None:
    seed_tracker(page, site_url, with_contacts(contact("c-mei", "Mei Li")))
    page.get_by_role("button", name=ICS_BUTTON).click()
    expect(page.locator(STATUS)).to_have_text(
        "No contact has a meeting to come or a next follow-up date yet. Add one to a contact, then try again."
    )


def test_the_shared_json_export_carries_the_contacts_and_imports_back(
    page: Page, fresh_page: Page, site_url: str, tmp_path: Path
) -> None:
    contacts = tricky()
    seed_tracker(page, site_url, with_contacts(*contacts))
    path = download(page, "Export all data", tmp_path)
    body = json.loads(path.read_text("utf-8"))
    assert body["data"]["contacts"] == contacts

    open_tracker(fresh_page, site_url)
    fresh_page.get_by_role("button", name="Add a contact").click()
    fresh_page.get_by_label("Name (required)").fill("Already here")
    fresh_page.get_by_role("button", name="Add this contact").click()
    with fresh_page.expect_file_chooser() as chooser:
        fresh_page.get_by_role("button", name="Import from a file").click()
    chooser.value.set_files(path)
    dialog = fresh_page.get_by_role("dialog", name="Import this file?")
    dialog.get_by_role("button", name="Merge").click()
    expect(dialog).to_have_count(0)
    expect(fresh_page.locator(CARD)).to_have_count(4)
    saved = contacts_when(fresh_page, lambda saved: len(saved) == 4, "saved the merged contacts")
    assert saved[1:] == contacts and saved[0]["name"] == "Already here"
