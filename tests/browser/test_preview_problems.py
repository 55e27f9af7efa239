"""`mkdocs serve` shows the data's problems in the open page, over the last good site, until fixed.

A real server on a copy of the minimal project: the page an advisor is looking at reloads by itself
after each rebuild, so the test only changes files and waits for what the page shows.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from axe_gate import format_violations, require_axe, run_axe
from browsing import fail_on_problems, guarded_context
from keyboard_gate import install, report, tab_through
from playwright.sync_api import Browser, Page, expect
from sitebuild import ROOT
from support import mkdocs_build, run, serving

pytestmark = pytest.mark.browser

PANEL = "[data-guide-preview-problems]"
REBUILD_MS = 10_000  # the bound: the problems show within 10 s of saving


def _in_the_guides_colours(project: Path) -> None:
    """Give the minimal project the real site's palette and theme.css: Material's own fail axe."""
    real = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["palette"] = real["theme"]["palette"]
    config["extra_css"] = ["assets/stylesheets/theme.css"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    sheets = project / "content/assets/stylesheets"
    sheets.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "content/assets/stylesheets/theme.css", sheets / "theme.css")


@pytest.fixture
def served(minimal: Path) -> Iterator[str]:
    """The URL of a running `mkdocs serve` of the minimal project.

    The page below asks for it, so the page closes first: a page left open on a stopped server logs
    its failed reloads.
    """
    _in_the_guides_colours(minimal)
    with serving(minimal, "Minimal guide") as (url, _log):
        yield url


@pytest.fixture
def page(browser: Browser, served: str, viewport_width: int, page_problems: list[str]) -> Iterator[Page]:
    """A page on the server, held to the gates' rules (no other host, no console error), closed first."""
    context = guarded_context(
        browser, served, page_problems.append, viewport={"width": viewport_width, "height": 900}
    )
    try:
        yield context.new_page()
    finally:
        context.close()
    fail_on_problems(page_problems)


def _check_lines(project: Path) -> list[str]:
    """What `python -m generator check` prints for each problem, in its order."""
    result = run([sys.executable, "-m", "generator", "check"], project)
    assert result.returncode == 1, result.stdout
    return [line for line in result.stderr.splitlines() if ":" in line and line.split(":")[1].isdigit()]


def test_problems_show_in_the_open_page_then_go_when_fixed(page: Page, served: str, minimal: Path) -> None:
    page.goto(served + "questions/advice/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Advice")
    panel = page.locator(PANEL)
    bank = minimal / "question_bank.yaml"
    good_bank = bank.read_text(encoding="utf-8")
    bank.write_text(good_bank.replace("category: advice", "category: advise"), encoding="utf-8")
    expect(panel).to_contain_text("question_bank.yaml:34:15", timeout=REBUILD_MS)
    expect(panel.locator("li")).to_have_text(_check_lines(minimal))
    expect(panel).to_be_focused()
    expect(page.get_by_role("heading", level=1)).to_have_text("Advice")  # the last good page, still whole
    assert mkdocs_build(minimal).returncode == 1, "a build still stops on the problem"

    script = minimal / "email_templates/thank-you.txt"
    good_script = script.read_text(encoding="utf-8")
    bank.write_text(good_bank, encoding="utf-8")
    script.write_text(good_script.replace("\ntitle:", "\ntitl:", 1), encoding="utf-8")
    expect(panel).to_contain_text("email_templates/thank-you.txt:3:1: unknown key 'titl'", timeout=REBUILD_MS)
    expect(panel.locator("li")).to_have_text(_check_lines(minimal))

    script.write_text(good_script, encoding="utf-8")
    expect(panel).to_have_count(0, timeout=REBUILD_MS)
    expect(page.get_by_role("heading", level=1)).to_have_text("Advice")


@pytest.mark.parametrize("viewport_width", [1280, 390], indirect=True)
def test_the_panel_passes_axe_and_the_keyboard_and_hides_with_escape(
    page: Page, served: str, minimal: Path, viewport_width: int
) -> None:
    bank = minimal / "question_bank.yaml"
    page.goto(served + "questions/advice/")
    bank.write_text(bank.read_text(encoding="utf-8").replace("- id: best-advice", "- id: best-advice ["))
    panel = page.locator(PANEL)
    expect(panel).to_be_focused(timeout=REBUILD_MS)
    results = run_axe(page, require_axe())
    assert not results["violations"], format_violations(
        f"the page with problems at {viewport_width} px", results["violations"]
    )
    install(page)
    walk = tab_through(page, f"the panel at {viewport_width} px", 10, inside=".guide-preview-problems")
    assert [stop["name"] for stop in walk.stops][-1:] == ["Hide until the next change"], report(walk)
    assert not walk.problems, report(walk)
    panel.focus()
    page.keyboard.press("Escape")
    expect(panel).to_have_count(0)
