"""The meeting timer on the prep sheet, on a controlled clock: elapsed and remaining time, quiet cues."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect
from tooling import (
    assert_axe_clean,
    assert_keyboard_clean,
    bank_item,
    open_prep_sheet,
    seed,
    sheet,
    snapshot,
    store_with,
    stored_when,
)

pytestmark = pytest.mark.browser

START = dt.datetime(2025, 4, 15, 14, 30, tzinfo=dt.UTC)
TIMER = ".guide-timer"
# Counts the soft sounds the page makes (Web Audio oscillators), before any of its own scripts run.
COUNT_SOUNDS = """
window.__tones = 0;
const Original = window.AudioContext;
window.AudioContext = class extends Original {
  createOscillator() { window.__tones += 1; return super.createOscillator(); }
};
"""


def expect_readout(page: Page, elapsed: str, remaining: str) -> None:
    """The timer's two readouts show these words (as shown: each readout's words, spaces evened out)."""
    expect(page.locator(".guide-timer__readout")).to_have_text([elapsed, remaining], use_inner_text=True)


def open_with_clock(page: Page, site_url: str, length: int = 20) -> None:
    """Open a prep sheet (two questions, this agreed length) on a controlled clock, stopped at 14:31."""
    page.clock.install(time=START)
    page.add_init_script(script=COUNT_SOUNDS)
    questions = [bank_item("likes-best"), bank_item("frustrations")]
    seed(page, site_url, store_with(sheet(questions, logistics={"length": length})))
    page.clock.pause_at(START + dt.timedelta(minutes=1))


def press(page: Page, name: str) -> None:
    """Click a button, then let the page's short timers (such as announcements) run."""
    page.get_by_role("button", name=name).click()
    page.clock.run_for(100)


def test_timer_counts_against_the_agreed_length_with_quiet_cues(page: Page, site_url: str) -> None:
    open_with_clock(page, site_url)
    timer = page.locator(TIMER)
    cue = page.locator(".guide-timer__cue")
    expect(cue).to_have_attribute("role", "status")
    expect(cue).to_have_text("Agreed length: 20 minutes. Start the timer when the conversation begins.")
    expect_readout(page, "Elapsed 0:00", "Remaining 20:00")

    press(page, "Start the timer")
    expect(page.locator(".guide-prep__app > .guide-visually-hidden")).to_have_text(
        "Timer started: 20 minutes agreed."
    )
    expect(timer).to_have_attribute("data-phase", "on-time")
    expect(timer).to_have_class("guide-prep__section guide-timer guide-timer--running")
    page.clock.run_for("14:59")
    expect_readout(page, "Elapsed 14:59", "Remaining 5:01")
    expect(timer).to_have_attribute("data-phase", "on-time")
    expect(cue).to_have_text("On time: 20 minutes agreed.")

    page.clock.run_for("00:01")
    expect(timer).to_have_attribute("data-phase", "near-end")
    expect(cue).to_have_text(
        "Nearly time: 5 minutes or less to go. Ask your last questions, and who else you could speak with."
    )
    expect_readout(page, "Elapsed 15:00", "Remaining 5:00")

    page.clock.run_for("05:00")
    expect(timer).to_have_attribute("data-phase", "over")
    expect(cue).to_have_text(
        "The agreed 20 minutes have passed. Say so, thank them, and be ready to leave,"
        " unless they offer more time."
    )
    page.clock.run_for("02:15")
    expect_readout(page, "Elapsed 22:15", "Over by 2:15")
    assert page.evaluate("window.__tones") == 0, "no sound unless it is turned on"


def test_the_timer_keeps_time_across_a_reload_and_pauses(page: Page, site_url: str) -> None:
    open_with_clock(page, site_url, length=30)
    press(page, "Start the timer")
    page.clock.run_for("03:00")
    page.reload()
    page.wait_for_selector(TIMER)
    page.clock.run_for("00:02")
    expect_readout(page, "Elapsed 3:02", "Remaining 26:58")
    press(page, "Pause")
    expect(page.locator(".guide-prep__app > .guide-visually-hidden")).to_have_text("Timer paused at 3:02.")
    page.clock.run_for("10:00")
    expect_readout(page, "Elapsed 3:02", "Remaining 26:58")
    expect(page.locator(TIMER)).not_to_have_class("guide-prep__section guide-timer guide-timer--running")
    paused = stored_when(
        page, lambda data: data["prepSheets"][0]["timer"]["startedAt"] is None, "saved the pause"
    )
    saved = paused["prepSheets"][0]["timer"]
    assert saved["startedAt"] is None and 182000 <= saved["elapsed"] < 183000
    press(page, "Resume")
    page.clock.run_for("00:58")
    expect_readout(page, "Elapsed 4:00", "Remaining 26:00")
    press(page, "Reset")
    expect_readout(page, "Elapsed 0:00", "Remaining 30:00")
    expect(page.get_by_role("button", name="Start the timer")).to_be_focused()


def test_a_new_agreed_length_moves_the_end(page: Page, site_url: str) -> None:
    open_with_clock(page, site_url)
    press(page, "Start the timer")
    page.clock.run_for("16:00")
    expect(page.locator(TIMER)).to_have_attribute("data-phase", "near-end")
    page.get_by_label("Agreed length", exact=True).fill("45")
    expect(page.locator(TIMER)).to_have_attribute("data-phase", "on-time")
    expect_readout(page, "Elapsed 16:00", "Remaining 29:00")


def test_a_soft_sound_plays_at_the_cues_only_when_turned_on(page: Page, site_url: str) -> None:
    open_with_clock(page, site_url, length=10)
    sound = page.get_by_label("Play a soft sound 3 minutes before the end and when time is up")
    expect(sound).not_to_be_checked()
    sound.check()
    # Turning it on plays the sound once, to hear it, as soon as the timer's workings have loaded.
    page.wait_for_function("() => window.__tones === 2")
    tones = 2
    saved = stored_when(page, lambda data: data["settings"]["timerSound"], "saved the sound setting")
    assert saved["settings"]["timerSound"] is True
    press(page, "Start the timer")
    page.clock.run_for("06:59")
    assert page.evaluate("window.__tones") == tones
    page.clock.run_for("00:01")
    assert page.evaluate("window.__tones") == tones + 2
    page.clock.run_for("03:00")
    assert page.evaluate("window.__tones") == tones + 4
    page.clock.run_for("05:00")
    assert page.evaluate("window.__tones") == tones + 4, "each cue sounds once"


@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_timer_states_pass_axe_and_the_keyboard_gate(page: Page, site_url: str, viewport_width: int) -> None:
    open_with_clock(page, site_url)
    press(page, "Start the timer")
    page.clock.run_for("16:30")
    where = f"prep-sheet/ with the timer near the end at {viewport_width} px"
    expect(page.locator(TIMER)).to_have_attribute("data-phase", "near-end")
    page.clock.resume()  # axe and the keyboard gate wait on timers of their own: let time flow again
    page.locator("#prep-questions").scroll_into_view_if_needed()
    snapshot(page, f"timer-near-end-{viewport_width}")
    assert_axe_clean(page, where)
    assert_keyboard_clean(page, TIMER, where)
    page.clock.fast_forward("04:00")
    expect(page.locator(TIMER)).to_have_attribute("data-phase", "over")
    snapshot(page, f"timer-over-{viewport_width}")
    assert_axe_clean(page, where.replace("near the end", "over time"))
    open_prep_sheet(page, site_url)  # still running after a reload, still over
    expect(page.locator(TIMER)).to_have_attribute("data-phase", "over")
