"""`mkdocs serve` rebuilds when the question bank or a script changes, and only then; it shows problems."""

from __future__ import annotations

import html
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import bilingual_project, fetch, generator, serving, wait_for

BUILDING = "Building documentation..."


@pytest.fixture
def served(minimal: Path) -> Iterator[tuple[str, Path]]:
    """A running `mkdocs serve` of the minimal project; yields its URL and its log file."""
    with serving(minimal, "Minimal guide") as running:
        yield running


def test_serve_rebuilds_on_bank_and_script_changes_without_looping(
    served: tuple[str, Path], minimal: Path
) -> None:
    url, log = served
    bank = minimal / "question_bank.yaml"
    bank.write_text(bank.read_text().replace("What do you like best", "What do you enjoy most"))
    page = url + "questions/career-path/"
    assert wait_for(lambda: "What do you enjoy most" in fetch(page)), log.read_text()

    script = minimal / "email_templates/thank-you.txt"
    script.write_text(script.read_text().replace("Thank you for your time today.", "Thanks a lot for today."))
    assert wait_for(lambda: "Thanks a lot for today." in fetch(url + "scripts/thank-you/")), log.read_text()

    time.sleep(3)
    builds = log.read_text().count(BUILDING)
    time.sleep(3)
    assert log.read_text().count(BUILDING) == builds, "the server kept rebuilding with no change"
    assert builds == 3, log.read_text()


def test_serve_shows_problems_then_recovers_when_fixed(served: tuple[str, Path], minimal: Path) -> None:
    url, log = served
    bank = minimal / "question_bank.yaml"
    good = bank.read_text()
    bank.write_text(good.replace("category: advice", "category: advise"))
    expected = "question_bank.yaml:34:15: question 'best-advice': unknown category 'advise'"
    assert wait_for(lambda: expected in log.read_text()), log.read_text()
    assert "Traceback" not in log.read_text()
    bank.write_text(good.replace("What advice would you give", "Which advice would you give"))
    assert wait_for(lambda: "Which advice would you give" in fetch(url + "questions/advice/")), (
        log.read_text()
    )


def test_serve_shows_translation_problems_in_the_french_pages(tmp_path: Path) -> None:
    """A broken French file, then a French entry left behind by the English, show in the French pages."""
    project = bilingual_project(tmp_path / "project")
    assert generator(project, "stamp").returncode == 0
    with serving(project, "Minimal guide") as (url, log):
        assert "guide-preview-problems" not in fetch(url + "fr/")
        interface = project / "interface.fr.yaml"
        good = interface.read_text(encoding="utf-8")
        interface.write_text(good.replace("text: ", "text: [", 1), encoding="utf-8")
        assert wait_for(lambda: "interface.fr.yaml:" in fetch(url + "fr/"), 10), log.read_text()
        assert "YAML syntax error" in fetch(url + "fr/")
        interface.write_text(good, encoding="utf-8")
        bank = project / "question_bank.yaml"
        bank.write_text(bank.read_text().replace("What do you like best", "What do you enjoy most"))
        stale = "question 'likes-best': the English has changed since this was translated"
        assert wait_for(lambda: stale in html.unescape(fetch(url + "fr/")), 10), log.read_text()
        assert "1 translation missing or out of date" in fetch(url)  # the English pages say so too
