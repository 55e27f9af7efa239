"""`mkdocs serve` rebuilds when the question bank or a script changes, and only then."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import ENV, free_port, wait_for

BUILDING = "Building documentation..."


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


@pytest.fixture
def served(minimal: Path) -> Iterator[tuple[str, Path]]:
    """A running `mkdocs serve` of the minimal project; yields its URL and its log file."""
    port = free_port()
    log = minimal / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=minimal,
            env=ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Minimal guide" in _fetch(url)), log.read_text()
        yield url, log
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_rebuilds_on_bank_and_script_changes_without_looping(
    served: tuple[str, Path], minimal: Path
) -> None:
    url, log = served
    bank = minimal / "question_bank.yaml"
    bank.write_text(bank.read_text().replace("What do you like best", "What do you enjoy most"))
    page = url + "questions/career-path/"
    assert wait_for(lambda: "What do you enjoy most" in _fetch(page)), log.read_text()

    script = minimal / "email_templates/thank-you.txt"
    script.write_text(script.read_text().replace("Thank you for your time today.", "Thanks a lot for today."))
    assert wait_for(lambda: "Thanks a lot for today." in _fetch(url + "scripts/thank-you/")), log.read_text()

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
    assert wait_for(lambda: "Which advice would you give" in _fetch(url + "questions/advice/")), (
        log.read_text()
    )
