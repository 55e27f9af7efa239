"""Checklist ticks in Chromium: kept per item id, progress, reset, other tabs, a damaged store, printing.

Also a step page with a task list and a reworded item, in a copy of the project built for the test.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from browsing import guarded_context
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader
from sitebuild import ROOT, serve
from tooling import STORAGE_KEY, assert_axe_clean, assert_keyboard_clean, snapshot, stored, stored_when

from generator.bank import load_project, read_project

pytestmark = pytest.mark.browser

READY = ".guide-checklist-progress"
LIVE = ".md-content .guide-visually-hidden[aria-live]"
LISTS = ("before", "on-the-day", "after")


def _list_sizes() -> tuple[int, ...]:
    """How many items each list of the checklists page has, as the guide reads them (advisors add items)."""
    guide = load_project(read_project(ROOT / "mkdocs.yml"))
    sizes = {
        checklist.id: len(checklist.items)
        for checklist in guide.checklists
        if checklist.page == "checklists.md"
    }
    return tuple(sizes[name] for name in LISTS)


BEFORE, DAY, AFTER = _list_sizes()


def open_checklists(page: Page, site_url: str, path: str = "checklists/") -> None:
    """Open a page with checklists and wait until their progress is shown."""
    response = page.goto(urljoin(site_url, path))
    assert response is not None and response.status == 200, f"{path} did not load"
    page.wait_for_selector(READY)


def box(page: Page, item_id: str) -> Locator:
    """The checkbox of one checklist item."""
    return page.locator(f'[data-checklist-item="{item_id}"] input[type="checkbox"]')


def progress(page: Page, list_id: str) -> Locator:
    """The progress words above the list under the heading `list_id`."""
    return page.locator(f"{block(list_id)} .guide-checklist-progress__text")


def block(list_id: str) -> str:
    """A selector for the group of a list's progress bar and items, by the id of the list's heading."""
    return f'.guide-checklist-block[aria-labelledby="{list_id}"]'


def reset_button(page: Page, name: str) -> Locator:
    """A list's reset button, by the list's name."""
    return page.get_by_role("button", name=f"Reset this list: {name}")


def ticks(page: Page) -> dict[str, Any]:
    """The saved ticks."""
    data = stored(page)
    return {} if data is None else dict(data["checklists"])


def ticks_when(page: Page, check: Callable[[dict[str, Any]], object], what: str) -> dict[str, Any]:
    """The saved ticks once `check(ticks)` holds (see `stored_when`)."""
    data = stored_when(page, lambda data: check({} if data is None else dict(data["checklists"])), what)
    return {} if data is None else dict(data["checklists"])


def seed_ticks(page: Page, site_url: str, value: Any) -> None:
    """Save `value` (the whole store, or its text) and open the checklists page afresh."""
    if not page.url.startswith(site_url):
        page.goto(urljoin(site_url, "404.html"))
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])
    open_checklists(page, site_url)


INK = """async png => {
  // Decoded here, not fetched as a data: URL, which the page's security policy refuses.
  const bytes = Uint8Array.from(atob(png), (character) => character.charCodeAt(0));
  const image = await createImageBitmap(new Blob([bytes], {type: "image/png"}));
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  const dark = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const at = 4 * (y * image.width + x);
      if (pixels[at] + pixels[at + 1] + pixels[at + 2] < 3 * 160) dark.push([x, y]);
    }
  }
  const xs = dark.map(([x]) => x), ys = dark.map(([, y]) => y);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const inside = dark.filter(([x, y]) => x > left + 3 && x < right - 3 && y > top + 3 && y < bottom - 3);
  return {dark: dark.length, inside: inside.length, width: right - left + 1, height: bottom - top + 1};
}"""


def ink(page: Page, element: Locator) -> dict[str, int]:
    """The dark pixels of an element as drawn: how many, how many inside its outline, and its size."""
    png = base64.b64encode(element.screenshot()).decode("ascii")
    found: dict[str, int] = page.evaluate(INK, png)
    return found


ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_a_tick_is_saved_by_item_id_and_survives_a_reload(
    page: Page, site_url: str, viewport_width: int
) -> None:
    open_checklists(page, site_url)
    expect(progress(page, "before")).to_have_text(f"0 of {BEFORE} done")
    expect(page.locator(".guide-checklist-overall__text")).to_have_text(
        f"Overall: 0 of {BEFORE + DAY + AFTER} items done in the 3 lists."
    )
    box(page, "before-research-field").check()
    expect(progress(page, "before")).to_have_text(f"1 of {BEFORE} done")
    expect(page.locator(LIVE)).to_have_text(f"Ticked. Before the meeting: 1 of {BEFORE} done.")
    # By keyboard: Space on the focused box ticks it.
    box(page, "before-set-goals").focus()
    page.keyboard.press("Space")
    expect(box(page, "before-set-goals")).to_be_checked()
    box(page, "day-arrive-early").check()
    expect(progress(page, "before")).to_have_text(f"2 of {BEFORE} done")
    expect(progress(page, "on-the-day")).to_have_text(f"1 of {DAY} done")
    expect(page.locator(".guide-checklist-overall__text")).to_have_text(
        f"Overall: 3 of {BEFORE + DAY + AFTER} items done in the 3 lists."
    )
    saved = ticks_when(page, lambda saved: "day-arrive-early" in saved, "saved the third tick")
    assert set(saved) == {"before-research-field", "before-set-goals", "day-arrive-early"}
    for tick in saved.values():
        assert tick["done"] is True and ISO.match(tick["at"]), tick
    snapshot(page, f"checklists-ticked-{viewport_width}")

    page.reload()
    page.wait_for_selector(READY)
    expect(box(page, "before-research-field")).to_be_checked()
    expect(box(page, "before-set-goals")).to_be_checked()
    expect(box(page, "before-research-person")).not_to_be_checked()
    expect(progress(page, "before")).to_have_text(f"2 of {BEFORE} done")

    box(page, "before-set-goals").uncheck()
    expect(page.locator(LIVE)).to_have_text(f"Unticked. Before the meeting: 1 of {BEFORE} done.")
    page.reload()
    page.wait_for_selector(READY)
    expect(box(page, "before-set-goals")).not_to_be_checked()
    assert ticks(page)["before-set-goals"]["done"] is False, "an untick is kept, so merges honour it"


def test_a_whole_list_ticked_says_so(page: Page, site_url: str) -> None:
    open_checklists(page, site_url)
    items = page.locator(f"{block('after')} [data-checklist-item]")
    ids = [item.get_attribute("data-checklist-item") for item in items.all()]
    assert len(ids) == AFTER
    for item_id in ids:
        box(page, str(item_id)).check()
    expect(progress(page, "after")).to_have_text(f"All {AFTER} done")
    expect(page.locator(f"{block('after')} .guide-checklist-progress")).to_have_class(
        re.compile("guide-checklist-progress--done")
    )


def test_reset_asks_first_and_clears_only_that_list(page: Page, site_url: str) -> None:
    open_checklists(page, site_url)
    for item_id in ("before-research-field", "before-set-goals", "after-thank-you"):
        box(page, item_id).check()
    reset = reset_button(page, "Before the meeting")
    reset.click()
    dialog = page.get_by_role("dialog", name="Reset the list “Before the meeting”?")
    expect(dialog).to_contain_text("All 2 ticked items in this list will be unticked.")
    expect(dialog).to_contain_text("Your other lists keep their ticks.")
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
    assert_axe_clean(page, "checklists/ with the reset dialog open")
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.locator("dialog.guide-dialog")).to_have_count(0)
    expect(reset).to_be_focused()
    expect(page.locator(LIVE)).to_have_text("Nothing was changed in Before the meeting.")
    expect(box(page, "before-set-goals")).to_be_checked()
    assert set(ticks(page)) == {"before-research-field", "before-set-goals", "after-thank-you"}

    reset.click()
    page.get_by_role("dialog").get_by_role("button", name="Untick this list").click()
    expect(box(page, "before-research-field")).not_to_be_checked()
    expect(box(page, "before-set-goals")).not_to_be_checked()
    expect(box(page, "after-thank-you")).to_be_checked()
    expect(progress(page, "before")).to_have_text(f"0 of {BEFORE} done")
    expect(progress(page, "after")).to_have_text(f"1 of {AFTER} done")
    expect(page.locator(LIVE)).to_have_text(f"Before the meeting: every box is unticked. 0 of {BEFORE} done.")
    expect(reset).to_be_focused()
    left = ticks_when(page, lambda saved: "before-research-field" not in saved, "lost the list's ticks")
    assert set(left) == {"after-thank-you"}

    reset.click()  # nothing left to reset: no question, just a word
    expect(page.locator("dialog.guide-dialog")).to_have_count(0)
    expect(page.locator(LIVE)).to_have_text("Nothing is ticked in Before the meeting yet.")
    page.reload()
    page.wait_for_selector(READY)
    expect(box(page, "before-set-goals")).not_to_be_checked()
    expect(box(page, "after-thank-you")).to_be_checked()


def test_ticks_follow_another_tab(page: Page, site_url: str) -> None:
    open_checklists(page, site_url)
    other = page.context.new_page()
    open_checklists(other, site_url)
    box(page, "day-lead").check()
    expect(box(other, "day-lead")).to_be_checked()
    expect(progress(other, "on-the-day")).to_have_text(f"1 of {DAY} done")
    box(other, "before-pack").check()
    expect(box(page, "before-pack")).to_be_checked()
    reset_button(other, "On the day").click()
    other.get_by_role("dialog").get_by_role("button", name="Untick this list").click()
    expect(box(page, "day-lead")).not_to_be_checked()
    expect(progress(page, "on-the-day")).to_have_text(f"0 of {DAY} done")
    expect(box(page, "before-pack")).to_be_checked()
    other.close()


def test_a_damaged_store_is_reported_and_the_boxes_still_work(page: Page, site_url: str) -> None:
    broken = '{"version": 1, "checklists": {"before-pack": {"done": tr'
    seed_ticks(page, site_url, broken)
    notice = page.get_by_role("region", name="Your saved data could not be read")
    expect(notice).to_contain_text("is damaged, and this page cannot read it")
    assert_axe_clean(page, "checklists/ with an unreadable store")
    assert_keyboard_clean(page, ".guide-checklist-notice", "checklists/ with an unreadable store")
    box(page, "before-pack").check()
    expect(box(page, "before-pack")).to_be_checked()
    expect(progress(page, "before")).to_have_text(f"1 of {BEFORE} done")
    raw = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    assert raw == broken, "the damaged data is not overwritten before the visitor decides"
    snapshot(page, "checklists-damaged-store")

    # Part damaged: the good ticks show, the junk is counted, and keeping what could be read drops it.
    junk = {
        "version": 1,
        "checklists": {
            "before-pack": {"done": True, "at": "2025-03-01T10:00:00.000Z"},
            "before-plan-route": {"done": "yes", "at": "2025-03-01T10:00:00.000Z"},
            "before-save-number": True,
            "day-lead": {"done": True},
        },
    }
    seed_ticks(page, site_url, junk)
    notice = page.get_by_role("region", name="Your saved data could not be read")
    expect(notice).to_contain_text("3 entries could not be read.")
    expect(box(page, "before-pack")).to_be_checked()
    expect(box(page, "before-plan-route")).not_to_be_checked()
    expect(box(page, "day-lead")).not_to_be_checked()
    box(page, "before-choose-clothes").check()
    notice.get_by_role("button", name="Keep what could be read").click()
    expect(notice).to_be_hidden()
    kept = stored_when(page, lambda data: data != junk, "saved what could be read")
    assert set(kept["checklists"]) == {"before-pack", "before-choose-clothes"}

    seed_ticks(page, site_url, {"version": 1, "checklists": ["before-pack"]})
    expect(page.get_by_role("region", name="Your saved data could not be read")).to_contain_text(
        "1 entry could not be read."
    )


def test_export_clear_and_import_bring_the_ticks_back(page: Page, site_url: str, tmp_path: Path) -> None:
    open_checklists(page, site_url)
    box(page, "after-keep-private").check()
    with page.expect_download() as caught:
        page.get_by_role("button", name="Export all data").click()
    exported = tmp_path / caught.value.suggested_filename
    caught.value.save_as(exported)
    assert json.loads(exported.read_text("utf-8"))["data"]["checklists"]["after-keep-private"]["done"] is True
    page.get_by_role("button", name="Clear all data").click()
    page.get_by_role("dialog").get_by_role("button", name="Clear everything").click()
    expect(box(page, "after-keep-private")).not_to_be_checked()
    expect(progress(page, "after")).to_have_text(f"0 of {AFTER} done")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import from a file").click()
    chooser.value.set_files(exported)
    page.get_by_role("dialog").get_by_role("button", name="Merge").click()
    expect(box(page, "after-keep-private")).to_be_checked()
    expect(progress(page, "after")).to_have_text(f"1 of {AFTER} done")


def test_a_printed_checklist_shows_empty_boxes(page: Page, site_url: str, tmp_path: Path) -> None:
    open_checklists(page, site_url)
    for item_id in ("before-research-field", "before-set-goals", "day-lead"):
        box(page, item_id).check()
    page.mouse.move(0, 0)
    page.evaluate("() => document.activeElement?.blur()")
    assert ink(page, box(page, "before-set-goals"))["inside"] > 0, "on screen, a ticked box is filled"
    page.emulate_media(media="print")
    for hidden in (READY, ".guide-checklist-overall", ".guide-checklist-data"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(box(page, "before-set-goals")).to_be_checked()  # still ticked on screen, only not printed
    ticked = ink(page, box(page, "before-set-goals"))
    empty = ink(page, box(page, "before-research-person"))
    assert ticked == empty, f"printed, a ticked box {ticked} differs from an empty one {empty}"
    assert ticked["inside"] == 0 and ticked["dark"] > 40, ticked
    snapshot(page, "checklists-print", full_page=True)
    pdf = page.pdf(format="Letter")
    (tmp_path / "checklists.pdf").write_bytes(pdf)
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "Gather basic information about the career field" in text
    for screen_only in ("Reset this list", f"of {BEFORE} done", "Overall:", "Export all data"):
        assert screen_only not in text, f"{screen_only!r} is printed"


def test_without_javascript_the_boxes_work_for_the_visit(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, "checklists/"))
        expect(page.locator("[data-checklist-item]")).to_have_count(BEFORE + DAY + AFTER)
        page.get_by_label("Choose clothes as you would for a job interview").check()
        expect(box(page, "before-choose-clothes")).to_be_checked()
        expect(page.locator(READY)).to_have_count(0)
        snapshot(page, "checklists-no-js-390")
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("viewport_width", [390, 1280], indirect=True)
def test_ticked_and_reset_states_pass_axe_and_the_keyboard_gate(
    page: Page, site_url: str, viewport_width: int, color_scheme: str
) -> None:
    where = f"checklists/ at {viewport_width} px, {color_scheme}"
    open_checklists(page, site_url)
    for item_id in ("before-research-field", "before-send-request", "day-open", "after-thank-you"):
        box(page, item_id).check()
    assert_axe_clean(page, f"{where}, ticked")
    for list_id in LISTS:
        assert_keyboard_clean(page, block(list_id), f"{where}, ticked, list {list_id}")
    assert_keyboard_clean(page, ".guide-checklist-data", f"{where}, ticked, your data")
    snapshot(page, f"checklists-ticked-{viewport_width}-{color_scheme}")
    reset_button(page, "Before the meeting").click()
    assert_axe_clean(page, f"{where}, reset dialog")
    assert_keyboard_clean(page, "dialog", f"{where}, reset dialog")
    snapshot(page, f"checklists-reset-dialog-{viewport_width}-{color_scheme}")
    page.locator("dialog").get_by_role("button", name="Untick this list").click()
    expect(progress(page, "before")).to_have_text(f"0 of {BEFORE} done")
    assert_axe_clean(page, f"{where}, after a reset")
    for list_id in LISTS:
        assert_keyboard_clean(page, block(list_id), f"{where}, after a reset, list {list_id}")


# --- A step page with its own task list, and a reworded item, in a copy of the project ---------------

STEP_LIST = """

## Before you send it {#before-you-send}

- [ ] Read your message aloud once {#send-read-aloud step=reach-out}
- [ ] Check the person's name is spelled right {#send-check-name step=reach-out}
"""


def build(project: Path, site: Path) -> None:
    """Build a project copy the way an advisor does, into `site`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def project_copy(tmp_path: Path) -> Iterator[tuple[Path, Path, str]]:
    """A copy of the project with a task list on the "Reach out" page, built and served."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("content", "overrides", "email_templates"):
        shutil.copytree(ROOT / name, project / name)
    for name in ("mkdocs.yml", "question_bank.yaml", "visitors.yaml"):
        shutil.copyfile(ROOT / name, project / name)
    if (ROOT / ".cache").is_dir():  # the handouts' cache, so that unchanged PDFs are not made again
        shutil.copytree(ROOT / ".cache", project / ".cache")
    # English only: the French of the reworded page and items is not the point here (test_translations).
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^\s*translations: .*\n", "", config.read_text("utf-8")), "utf-8")
    step = project / "content/reach-out.md"
    step.write_text(step.read_text("utf-8") + STEP_LIST, "utf-8")
    site = tmp_path / "site"
    build(project, site)
    with serve(site) as url:
        yield project, site, url


def test_a_step_page_list_and_a_reworded_item_keep_their_ticks(
    browser: Browser, project_copy: tuple[Path, Path, str]
) -> None:
    project, site, url = project_copy
    problems: list[str] = []
    context = guarded_context(browser, url, problems.append, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        tick_reword_and_reload(page, project, site, url)
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def tick_reword_and_reload(page: Page, project: Path, site: Path, url: str) -> None:
    """Tick on the step page and the checklists page, reword both items, rebuild, and reload."""
    open_checklists(page, url, "reach-out/")
    expect(page.locator(".guide-checklist-progress__text")).to_have_text(["0 of 2 done"])
    expect(page.locator(".guide-checklist-overall, .guide-checklist-data")).to_have_count(0)
    box(page, "send-check-name").check()
    expect(page.locator(".guide-checklist-progress__text")).to_have_text(["1 of 2 done"])
    expect(page.locator(LIVE)).to_have_text("Ticked. Before you send it: 1 of 2 done.")
    assert_axe_clean(page, "reach-out/ with a task list, ticked")
    snapshot(page, "checklists-step-page")
    open_checklists(page, url)
    box(page, "before-confirm").check()

    # An advisor rewords both items and rebuilds; the ids stay, so do the ticks.
    for name, old, new in (
        ("reach-out.md", "Check the person's name is spelled right", "Check the spelling of their name"),
        ("checklists.md", "Confirm the meeting a day or two before", "Confirm the meeting the day before"),
    ):
        path = project / "content" / name
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    build(project, site)
    open_checklists(page, url, "reach-out/")
    expect(page.get_by_label("Check the spelling of their name")).to_be_checked()
    expect(box(page, "send-read-aloud")).not_to_be_checked()
    open_checklists(page, url)
    expect(page.get_by_label("Confirm the meeting the day before")).to_be_checked()
    assert set(ticks(page)) == {"send-check-name", "before-confirm"}
