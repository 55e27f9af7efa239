"""The outreach script studio in Chromium: live preview, budgets, clipboard, mailto:, profile, damaged store.

Also the axe and keyboard gates on its empty, filled and over-budget states, and the page without it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect
from tooling import STORAGE_KEY, assert_axe_clean, assert_keyboard_clean, save_pending, snapshot, stored_when

pytestmark = pytest.mark.browser

STUDIO = ".guide-studio"
READY = ".guide-studio__app"
BODY = ".guide-studio__body"
SUBJECT = ".guide-studio__subject-text"
WARNING = ".guide-studio__warning"
EXTRA = ".guide-studio__extra"
COUNT = ".guide-studio__count-value"
HOSTILE = '<img src=x onerror="window.__studioHacked = 1">'


@cache
def _data(site_url: str) -> dict[str, Any]:
    with urlopen(urljoin(site_url, "scripts.json")) as response:
        data: dict[str, Any] = json.load(response)
    return data


@cache
def _scripts(site_url: str, kind_id: str = "") -> dict[str, dict[str, Any]]:
    data = _data(site_url)
    return {script["id"]: as_visitor(script, data["visitors"], kind_id) for script in data["scripts"]}


def as_visitor(data: dict[str, Any], visitors: dict[str, Any], kind_id: str = "") -> dict[str, Any]:
    """A script as the studio shows it to a kind of visitor (the first kind by default).

    Its phrases become that kind's parts, its fields are the details that kind gives and the
    script's own, and each optional part, kept as it is until the visitor leaves it out, is text.
    """
    kinds = {kind["id"]: kind for kind in visitors["kinds"]}
    kind = kinds.get(kind_id) or (visitors["kinds"][0] if visitors["kinds"] else None)
    optional = {field["id"]: field["example"] for field in data["fields"] if field.get("optional")}
    resolved = dict(data)
    asks: list[str] = []
    for name in ("subject_parts", "body_parts"):
        parts: list[dict[str, str]] = []
        for part in data[name]:
            if "phrase" in part and kind is not None:
                parts.extend(kind["phrases"][part["phrase"]])
                asks += [item["field"] for item in kind["phrases"][part["phrase"]] if "field" in item]
            elif part.get("field") in optional:
                parts.append({"text": optional[part["field"]]})
            elif "phrase" not in part:
                parts.append(part)
        resolved[name] = parts
    own = [field for field in data["fields"] if not field.get("optional")]
    own_ids = {field["id"] for field in own}
    about = [field for field in visitors["fields"] if field["id"] in asks and field["id"] not in own_ids]
    resolved["fields"] = about + own
    return resolved


def script(site_url: str, script_id: str, kind_id: str = "") -> dict[str, Any]:
    """One script of the built site's scripts.json, as the studio shows it to a kind of visitor."""
    return _scripts(site_url, kind_id)[script_id]


def expected(parts: list[dict[str, str]], values: dict[str, str], labels: dict[str, str]) -> str:
    """What the studio should show: each field's trimmed answer, or "[Label]" when it is empty."""
    pieces = []
    for part in parts:
        if "field" in part:
            answer = values.get(part["field"], "").strip()
            pieces.append(answer or f"[{labels[part['field']]}]")
        else:
            pieces.append(part["text"])
    return "".join(pieces)


def measured(data: dict[str, Any], values: dict[str, str]) -> str:
    """What the studio measures: the body with each blank at its example's length."""
    examples = {field["id"]: field["example"] for field in data["fields"]}
    pieces = []
    for part in data["body_parts"]:
        if "field" in part:
            pieces.append(values.get(part["field"], "").strip() or examples[part["field"]])
        else:
            pieces.append(part["text"])
    return "".join(pieces)


def labels_of(data: dict[str, Any]) -> dict[str, str]:
    """Field id -> label for a script."""
    return {field["id"]: field["label"] for field in data["fields"]}


def open_script(page: Page, site_url: str, script_id: str) -> None:
    """Open a script page and wait until its studio is built."""
    response = page.goto(urljoin(site_url, f"scripts/{script_id}/"))
    assert response is not None and response.status == 200, f"scripts/{script_id}/ did not load"
    page.wait_for_selector(READY)


def seed_store(page: Page, site_url: str, value: Any, script_id: str) -> None:
    """Save `value` (JSON-encoded unless it is text) as the store, then open a script page afresh."""
    if not page.url.startswith(site_url):
        page.goto(urljoin(site_url, "404.html"))
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])
    open_script(page, site_url, script_id)


def field(page: Page, field_id: str) -> Locator:
    """The studio's control for a field."""
    return page.locator(f"{STUDIO} [name='{field_id}']")


def saved(page: Page, field_id: str, text: str, script_id: str) -> dict[str, Any]:
    """The store once the studio has saved `text` as the answer for `field_id` (it saves 0.3 s after typing).

    A shared field is kept in the profile, the others under the script.
    """

    def answer(data: dict[str, Any]) -> object:
        shared = data["profile"]["fields"].get(field_id)
        return shared if shared is not None else data["scripts"][script_id]["fields"].get(field_id)

    found: dict[str, Any] = stored_when(
        page, lambda data: answer(data) == text, f"saved {text!r} as {field_id}"
    )
    return found


def test_the_studio_is_busy_until_its_scripts_have_come(page: Page, site_url: str) -> None:
    """tools.js marks the place busy while the studio loads, the studio while its scripts.json comes.

    The gates wait for no busy place before they look at a page: the first of the two to finish must
    not end the wait. The scripts are held back until the studio is known to be waiting for them.
    """
    held: list[Route] = []
    page.route("**/scripts.json", lambda route: held.append(route))
    with page.expect_request("**/scripts.json"):
        page.goto(urljoin(site_url, "scripts/first-email/"), wait_until="commit")
    for _ in range(1000):  # the route's handler runs as Playwright reads its messages: each call reads them
        if held:
            break
        page.evaluate("0")
    assert held, "the request for scripts.json never reached its route"
    busy = page.evaluate("s => document.querySelector(s).getAttribute('aria-busy')", STUDIO)
    assert busy == "true", "the studio's place stopped being busy before its scripts had come"
    held[0].continue_()
    page.wait_for_function("s => !document.querySelector(s).hasAttribute('aria-busy')", arg=STUDIO)
    assert page.locator(READY).count() == 1, "the place was no longer busy, but the studio was not built"


def test_typing_fills_the_preview_live_and_markup_stays_text(page: Page, site_url: str) -> None:
    data = script(site_url, "first-email")
    labels = labels_of(data)
    open_script(page, site_url, "first-email")
    body = page.locator(BODY)
    expect(body).to_have_text(expected(data["body_parts"], {}, labels))
    expect(body.locator("mark.guide-studio__blank").first).to_have_text(f"[{labels['contact_name']}]")
    name = field(page, "your_name")
    expect(name).to_have_attribute(
        "placeholder", next(f["example"] for f in data["fields"] if f["id"] == "your_name")
    )
    name.press_sequentially("Zo")
    expect(body).to_contain_text("I am Zo, a")
    name.press_sequentially("ë Tremblay")
    expect(body).to_contain_text("I am Zoë Tremblay, a")
    field(page, "contact_field").fill(HOSTILE)
    subject = page.locator(SUBJECT)
    expect(subject).to_contain_text(HOSTILE)
    expect(body).to_contain_text(f"into {HOSTILE}?")
    expect(page.locator(f"{STUDIO} img"), "typed markup became an element").to_have_count(0)
    assert page.evaluate("() => window.__studioHacked") is None
    values = {"your_name": "Zoë Tremblay", "contact_field": HOSTILE}
    expect(body).to_have_text(expected(data["body_parts"], values, labels))
    expect(subject).to_have_text(expected(data["subject_parts"], values, labels))


def test_the_over_budget_warning_appears_and_goes(page: Page, site_url: str) -> None:
    data = script(site_url, "follow-up-no-reply")
    limit = data["budget"]["limit"]
    open_script(page, site_url, "follow-up-no-reply")
    warning = page.locator(WARNING)
    expect(warning).to_have_attribute("role", "status")
    expect(warning).to_have_text("")
    expect(page.locator(COUNT)).to_contain_text(f"of {limit} words.")
    # An empty form is measured at its examples' length, within the budget, not at its placeholders'.
    assert data["example"]["length"] <= limit
    expect(page.locator(COUNT)).to_have_text(f"Length: {data['example']['length']} of {limit} words.")
    long_answer = " ".join(["engineering"] * limit)
    field(page, "contact_field").fill(long_answer)
    expect(warning).to_contain_text(f"This is longer than the {limit} words this script aims for.")
    expect(page.locator(".guide-studio__app--over")).to_have_count(1)
    snapshot(page, "studio-over-budget-1280")
    field(page, "contact_field").fill("water engineering")
    expect(warning).to_have_text("")
    expect(page.locator(".guide-studio__app--over")).to_have_count(0)


def test_copy_subject_and_message_to_the_clipboard(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    data = script(site_url, "thank-you")
    labels = labels_of(data)
    open_script(page, site_url, "thank-you")
    values = {"contact_name": "Mr. Lévesque", "what_you_learned": "how a team\nplans a launch & why"}
    for key, value in values.items():
        field(page, key).fill(value)
    page.get_by_role("button", name="Copy subject").click()
    expect(page.locator(f"{STUDIO} .guide-studio__status").last).to_have_text("Copied the subject.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == expected(data["subject_parts"], values, labels)
    page.get_by_role("button", name="Copy message").click()
    expect(page.locator(f"{STUDIO} .guide-studio__status").last).to_have_text("Copied the message.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == expected(data["body_parts"], values, labels)
    assert "how a team\nplans a launch & why" in copied


def test_a_refused_clipboard_gets_a_polite_message_and_a_selection(page: Page, site_url: str) -> None:
    # As a browser that refuses (a policy, or no permission): writeText rejects.
    page.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));"
    )
    open_script(page, site_url, "thank-you")
    page.get_by_role("button", name="Copy message").click()
    expect(page.locator(f"{STUDIO} .guide-studio__status").last).to_contain_text(
        "Your browser did not let this page copy."
    )
    selected = page.evaluate("() => window.getSelection().toString()")
    assert selected.startswith("Dear [Contact's name]")


def test_the_mailto_link_carries_subject_and_body_exactly(page: Page, site_url: str) -> None:
    data = script(site_url, "referral-email")
    labels = labels_of(data)
    open_script(page, site_url, "referral-email")
    values = {
        "contact_name": "Mme Bélanger-Côté",
        "referrer_name": "Prof. O'Brien & Dr. Ng",
        "contact_field": "R&D? #1 in café science",
        "referral_reason": 'She said: "ask about 50% time".\nAlso: what\'s next?',
        "your_email": "zoë+test@example.ca",
    }
    for key, value in values.items():
        field(page, key).fill(value)
    link = page.get_by_role("link", name="Open in your email app")
    # The link is made again on every keystroke: read it once it carries the last answer typed.
    last = quote(values["your_email"], safe="")
    expect(link).to_have_attribute("href", re.compile(re.escape(last)))
    href = link.get_attribute("href")
    assert href is not None and href.startswith("mailto:?")
    assert "\n" not in href and " " not in href and "#" not in href
    assert "%0D%0A" in href, "line breaks are CRLF, as RFC 6068 asks"
    query = urlsplit(href).query
    fields = parse_qs(query, keep_blank_values=True, strict_parsing=True)
    assert set(fields) == {"subject", "body"}
    assert fields["subject"] == [expected(data["subject_parts"], values, labels)]
    body = expected(data["body_parts"], values, labels)
    assert fields["body"] == [body.replace("\n", "\r\n")]
    # The same, decoded by hand: each value is one encodeURIComponent, no "+" for spaces.
    pairs = dict(pair.split("=", 1) for pair in query.split("&"))
    assert unquote(pairs["body"]) == body.replace("\n", "\r\n")
    assert "R&D? #1 in café science" in unquote(pairs["body"])
    assert "Prof. O'Brien & Dr. Ng" in unquote(pairs["subject"])


@pytest.mark.parametrize("script_id", ["phone-call", "voicemail"])
def test_phone_and_voicemail_scripts_give_the_speaking_time(
    page: Page, site_url: str, script_id: str
) -> None:
    data = script(site_url, script_id)
    open_script(page, site_url, script_id)
    expect(page.get_by_role("heading", name="What you will say")).to_be_visible()
    expect(page.get_by_role("button", name="Copy the script")).to_be_visible()
    expect(page.get_by_role("link", name="Open in your email app")).to_have_count(0)
    values = {"your_name": "Zoë Tremblay", "contact_name": "Ms. Okafor"}
    for key, value in values.items():
        field(page, key).fill(value)
    words = len(measured(data, values).split())
    seconds = round(words * 60 / 150)
    assert seconds < 60
    expect(page.locator(EXTRA)).to_have_text(
        f"About {seconds} seconds to say at an unhurried pace (150 words a minute)."
    )
    long_name = " ".join(["Okafor"] * 150)
    field(page, "contact_name").fill(long_name)
    words = len(measured(data, {**values, "contact_name": long_name}).split())
    seconds = round(words * 60 / 150)
    minutes, rest = divmod(seconds, 60)
    spoken = f"{minutes} minute{'s' if minutes > 1 else ''}" + (
        f" {rest} second{'s' if rest != 1 else ''}" if rest else ""
    )
    expect(page.locator(EXTRA)).to_have_text(
        f"About {spoken} to say at an unhurried pace (150 words a minute)."
    )


def test_the_linkedin_note_is_counted_against_200_and_300_characters(page: Page, site_url: str) -> None:
    data = script(site_url, "linkedin-note")
    assert data["budget"] == {"unit": "characters", "limit": 200}
    open_script(page, site_url, "linkedin-note")
    extra = page.locator(EXTRA)

    def note_with(program: str) -> int:
        field(page, "your_program").fill(program)
        text = measured(data, {"your_program": program})
        return len(text)

    count = note_with("second-year Géographie")
    assert count <= 200
    expect(extra).to_have_text(
        f"{count} characters: fits the note of a LinkedIn connection request on any account "
        "(up to 200 characters)."
    )
    expect(page.locator(COUNT)).to_have_text(f"Length: {count} of 200 characters.")
    note = page.locator(".guide-studio__count-note")
    expect(note).to_have_text("Each blank is counted at the length of its example.")
    expect(page.locator(WARNING)).to_have_text("")
    count = note_with("second-year Géographie" + "é" * (250 - count))
    assert count == 250
    expect(extra).to_contain_text(
        "250 characters: too long for a connection note from a free LinkedIn account"
    )
    expect(extra).to_contain_text("within the 300 a Premium account allows")
    expect(page.locator(WARNING)).to_contain_text("longer than the 200 characters this script allows")
    field(page, "contact_name").fill("Ms. Okafor")
    field(page, "contact_field").fill("geography")
    expect(note).to_have_text("")
    count = len(
        measured(
            data, {"your_program": "x" * 300, "contact_name": "Ms. Okafor", "contact_field": "geography"}
        )
    )
    field(page, "your_program").fill("x" * 300)
    expect(extra).to_have_text(
        f"{count} characters: too long for a LinkedIn connection note (200 characters, or 300 with Premium). "
        "Send it as a message once you are connected."
    )
    # The longer message to a connection is counted in words, and told how it compares with a note.
    open_script(page, site_url, "linkedin-message")
    expect(page.locator(COUNT)).to_contain_text("of 130 words.")
    expect(extra).to_contain_text("too long for a LinkedIn connection note")


def test_shared_details_carry_to_other_scripts_and_survive_a_reload(page: Page, site_url: str) -> None:
    open_script(page, site_url, "alumni-email")
    field(page, "your_name").fill("Zoë Tremblay")
    field(page, "contact_name").fill("Ms. Okafor")
    field(page, "contact_studies").fill("Civil Engineering")  # used by this script only
    data = saved(page, "contact_studies", "Civil Engineering", "alumni-email")
    assert data["profile"]["fields"] == {"your_name": "Zoë Tremblay", "contact_name": "Ms. Okafor"}
    assert data["scripts"]["alumni-email"]["fields"] == {"contact_studies": "Civil Engineering"}
    assert data["profile"]["who"] == "" and data["prepSheets"] == []

    open_script(page, site_url, "thank-you-letter")
    expect(field(page, "your_name")).to_have_value("Zoë Tremblay")
    expect(field(page, "contact_name")).to_have_value("Ms. Okafor")
    expect(page.locator(BODY)).to_contain_text("Zoë Tremblay")
    shared = page.get_by_role("group", name="Shared with the other scripts")
    expect(shared.get_by_label("Your name", exact=True)).to_have_value("Zoë Tremblay")
    field(page, "your_name").fill("Zoë T.")
    saved(page, "your_name", "Zoë T.", "thank-you-letter")
    page.reload()
    page.wait_for_selector(READY)
    expect(field(page, "your_name")).to_have_value("Zoë T.")

    open_script(page, site_url, "alumni-email")
    expect(field(page, "your_name")).to_have_value("Zoë T.")
    expect(field(page, "contact_studies")).to_have_value("Civil Engineering")
    own = page.get_by_role("group", name="Only for this message")
    expect(own.get_by_label("What they studied at your school")).to_have_value("Civil Engineering")


def test_clear_this_form_asks_and_keeps_shared_details_if_wanted(page: Page, site_url: str) -> None:
    open_script(page, site_url, "alumni-email")
    field(page, "your_name").fill("Zoë Tremblay")
    field(page, "contact_studies").fill("Civil Engineering")
    page.get_by_role("button", name="Clear this form").click()
    dialog = page.get_by_role("dialog", name="Clear this form?")
    expect(dialog).to_contain_text("clears them there too")
    assert_axe_clean(page, "scripts/alumni-email/ with the clear dialog")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(field(page, "contact_studies")).to_have_value("Civil Engineering")
    page.get_by_role("button", name="Clear this form").click()
    dialog.get_by_role("button", name="Clear this message's details only").click()
    expect(field(page, "contact_studies")).to_have_value("")
    expect(field(page, "your_name")).to_have_value("Zoë Tremblay")
    expect(page.get_by_text("Cleared this message's own details.")).to_be_visible()
    page.get_by_role("button", name="Clear this form").click()
    dialog.get_by_role("button", name="Clear everything in this form").click()
    expect(dialog).to_have_count(0)
    expect(field(page, "your_name")).to_have_value("")
    data = stored_when(
        page, lambda data: "your_name" not in data["profile"]["fields"], "cleared the shared details"
    )
    assert data["profile"]["fields"] == {} and data["scripts"]["alumni-email"]["fields"] == {}


def test_another_tab_sees_the_change(page: Page, site_url: str) -> None:
    open_script(page, site_url, "thank-you")
    other = page.context.new_page()
    open_script(other, site_url, "confirm-meeting")
    field(page, "contact_name").fill("Ms. Okafor")
    expect(field(other, "contact_name")).to_have_value("Ms. Okafor")
    expect(other.locator(BODY)).to_contain_text("Ms. Okafor")
    other.close()


def test_a_damaged_store_shows_the_notice_and_the_studio_still_works(page: Page, site_url: str) -> None:
    broken = '{"version": 1, "profile": {"fields": {"your_name": '
    seed_store(page, site_url, broken, "thank-you")
    notice = page.get_by_role("region", name="Your saved data could not be read")
    expect(notice).to_contain_text("is damaged, and this page cannot read it")
    field(page, "contact_name").fill("Ms. Okafor")
    expect(page.locator(BODY)).to_contain_text("Dear Ms. Okafor")
    save_pending(page)  # the save the studio holds back for a pause in typing, now
    assert page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) == broken
    assert_axe_clean(page, "scripts/thank-you/ with a damaged store")
    assert_keyboard_clean(page, STUDIO, "scripts/thank-you/ with a damaged store")
    # Junk in the studio's part is left out, and the rest kept, once the visitor says so.
    junk = {
        "version": 1,
        "profile": {
            "who": "",
            "exploring": "",
            "fields": {"your_name": "Zoë", "contact_name": 7, "Bad Id": "x"},
        },
        "scripts": {
            "thank-you": {"fields": {"next_step": ["no"]}, "updated": 3},
            "../etc": {},
            "voicemail": "x",
        },
    }
    seed_store(page, site_url, junk, "thank-you")
    expect(notice).to_contain_text("5 entries could not be read.")
    expect(field(page, "your_name")).to_have_value("Zoë")
    notice.get_by_role("button", name="Keep what could be read").click()
    expect(notice).to_be_hidden()
    data = stored_when(page, lambda data: data != junk, "saved what could be read")
    assert data["profile"]["fields"] == {"your_name": "Zoë"}
    assert data["scripts"] == {"thank-you": {"fields": {}, "updated": ""}}


def test_without_javascript_the_script_shows_and_prints(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, "scripts/thank-you/"))
        expect(page.locator(".guide-script__body")).to_contain_text("Dear")
        expect(page.locator(STUDIO)).to_be_empty()
        page.emulate_media(media="print")
        expect(page.locator(".guide-script__body")).to_be_visible()
    finally:
        context.close()


def test_printing_hides_the_form_and_keeps_the_script(page: Page, site_url: str) -> None:
    open_script(page, site_url, "thank-you")
    field(page, "contact_name").fill("Ms. Okafor")
    page.emulate_media(media="print")
    expect(page.locator(STUDIO)).to_be_hidden()
    expect(page.locator(".guide-script__body")).to_be_visible()


def no_horizontal_scroll(page: Page, where: str) -> None:
    """The page is no wider than the window."""
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{where}: the page scrolls sideways ({widths[0]} > {widths[1]} px)"


@pytest.mark.parametrize("color_scheme", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_studio_states_pass_axe_and_the_keyboard_gate(
    page: Page, site_url: str, viewport_width: int, color_scheme: str
) -> None:
    where = f"scripts/referral-email/ at {viewport_width} px, {color_scheme}"
    open_script(page, site_url, "referral-email")
    no_horizontal_scroll(page, where)
    assert_axe_clean(page, f"{where}, empty")
    assert_keyboard_clean(page, STUDIO, f"{where}, empty")
    field(page, "contact_name").fill("Mme Bélanger-Côté")
    field(page, "your_name").fill("Zoë Tremblay")
    field(page, "referral_reason").fill("you know the water sector in Saskatoon well")
    field(page, "your_email").fill("zoe.tremblay.long.address@student.example.ca")
    expect(page.locator(WARNING)).to_have_text("")
    no_horizontal_scroll(page, f"{where}, filled")
    assert_axe_clean(page, f"{where}, filled")
    assert_keyboard_clean(page, STUDIO, f"{where}, filled")
    snapshot(page, f"studio-filled-{viewport_width}-{color_scheme}", full_page=True)
    field(page, "referral_reason").fill(" ".join(["because"] * 120))
    expect(page.locator(WARNING)).not_to_have_text("")
    no_horizontal_scroll(page, f"{where}, over budget")
    assert_axe_clean(page, f"{where}, over budget")
    assert_keyboard_clean(page, STUDIO, f"{where}, over budget")
    page.locator(WARNING).scroll_into_view_if_needed()
    snapshot(page, f"studio-over-{viewport_width}-{color_scheme}")


def test_every_script_page_has_a_working_studio(page: Page, site_url: str) -> None:
    for script_id, data in _scripts(site_url).items():
        open_script(page, site_url, script_id)
        labels = labels_of(data)
        expect(page.locator(BODY)).to_have_text(expected(data["body_parts"], {}, labels))
        names = [re.escape(field["label"]) for field in data["fields"]]
        for name in names:
            expect(page.locator(STUDIO).get_by_label(re.compile(f"^{name}$"))).to_have_count(1)


def test_who_you_are_is_asked_once_and_every_script_follows(page: Page, site_url: str) -> None:
    kinds = _data(site_url)["visitors"]["kinds"]
    changer = next(kind for kind in kinds if kind["id"] == "career-changer")
    open_script(page, site_url, "first-email")
    who = page.locator(STUDIO).get_by_role("group", name="Who you are")
    expect(who.get_by_role("radio", name=kinds[0]["label"])).to_be_checked()
    expect(field(page, "your_program")).to_be_visible()
    expect(field(page, "current_role")).to_be_hidden()
    who.get_by_role("radio", name=changer["label"]).check()
    data = script(site_url, "first-email", "career-changer")
    expect(page.locator(BODY)).to_have_text(expected(data["body_parts"], {}, labels_of(data)))
    expect(field(page, "your_program")).to_be_hidden()
    field(page, "current_role").fill("a retail store manager")
    expect(page.locator(BODY)).to_contain_text("I am [Your name], a retail store manager in [")
    stored_when(page, lambda stored: stored["profile"]["visitor"] == "career-changer", "kept the kind")
    saved(page, "current_role", "a retail store manager", "first-email")
    open_script(page, site_url, "voicemail")
    expect(page.locator(STUDIO).get_by_role("radio", name=changer["label"])).to_be_checked()
    expect(page.locator(BODY)).to_contain_text("a retail store manager in [")
    page.reload()
    page.wait_for_selector(READY)
    expect(page.locator(STUDIO).get_by_role("radio", name=changer["label"])).to_be_checked()


def test_a_kind_no_longer_offered_falls_back_to_the_first(page: Page, site_url: str) -> None:
    seed_store(page, site_url, {"version": 1, "profile": {"visitor": "retired-kind"}}, "first-email")
    first = _data(site_url)["visitors"]["kinds"][0]
    expect(page.locator(STUDIO).get_by_role("radio", name=first["label"])).to_be_checked()
    data = script(site_url, "first-email")
    expect(page.locator(BODY)).to_have_text(expected(data["body_parts"], {}, labels_of(data)))


def test_an_optional_part_can_be_left_out_for_every_script(page: Page, site_url: str) -> None:
    sentence = "I am not asking for a job, only hoping to learn."
    open_script(page, site_url, "first-email")
    keep = page.locator(STUDIO).get_by_role("checkbox", name=re.compile("not asking for a job"))
    expect(keep).to_be_checked()
    expect(page.locator(BODY)).to_contain_text(sentence)
    keep.uncheck()
    expect(page.locator(BODY)).not_to_contain_text(sentence)
    expect(page.locator(BODY)).to_contain_text("[Field you are exploring]?\n\nWith thanks")
    stored_when(
        page, lambda data: data["profile"]["fields"].get("not_asking_for_a_job") == "no", "left it out"
    )
    open_script(page, site_url, "referral-email")
    expect(page.locator(BODY)).not_to_contain_text(sentence)
    page.locator(STUDIO).get_by_role("checkbox", name=re.compile("not asking for a job")).check()
    expect(page.locator(BODY)).to_contain_text(sentence)


def test_without_javascript_every_kind_of_visitor_sees_their_introduction(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, "scripts/first-email/"))
        kinds = _data(site_url)["visitors"]["kinds"]
        variants = page.locator(".guide-script__variants > div")
        expect(variants).to_have_count(len(kinds))
        for kind in kinds:
            expect(variants.filter(has_text=kind["label"])).to_have_count(1)
        expect(page.locator(".guide-script__body .guide-script__you")).to_have_count(1)
        expect(page.locator(".guide-script__body .guide-script__optional")).to_contain_text(
            "[I am not asking"
        )
    finally:
        context.close()


def test_the_prep_sheet_offers_the_introduction_given_in_the_studio(page: Page, site_url: str) -> None:
    open_script(page, site_url, "first-email")
    page.locator(STUDIO).get_by_role("radio", name="Changing careers").check()
    field(page, "your_name").fill("Dana Roy")
    field(page, "current_role").fill("a retail store manager")
    field(page, "your_field").fill("retail")
    saved(page, "your_field", "retail", "first-email")
    page.goto(urljoin(site_url, "prep-sheet/"))
    who = page.get_by_label("Who you are", exact=True)
    expect(who).to_have_value("")
    sentence = "I am Dana Roy, a retail store manager in retail, planning a career change."
    offer = page.locator(".guide-pitch__offer")
    expect(offer).to_contain_text(sentence)
    assert_axe_clean(page, "prep-sheet/ with the introduction offered")
    offer.get_by_role("button", name="Use this").click()
    expect(who).to_have_value(sentence)
    expect(who).to_be_focused()
    expect(offer).to_have_count(0)
    expect(page.locator(".guide-pitch__text")).to_have_text(sentence)
