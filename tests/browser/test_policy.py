"""Every page of both languages carries the strict Content Security Policy, first in its head.

That nothing on a page breaks it is checked wherever a browser test opens a page: the test context
reports each `securitypolicyviolation` as a console error (browsing.py), which fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.site.csp import inline_script_hashes

pytestmark = pytest.mark.browser

META = re.compile(r'<head>\s*<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]+)">')


def test_every_page_has_the_policy_with_its_own_scripts_hashes(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert any(path.parts[-2:] == ("fr", "index.html") for path in pages), "the French pages are built"
    for path in pages:
        text = path.read_text(encoding="utf-8")
        found = META.search(text)
        assert found, f"{path.relative_to(built_site)} has no policy first in its head"
        directives = dict(part.split(" ", 1) for part in found["policy"].split("; "))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert "unsafe" not in found["policy"], path
        scripts = directives["script-src"].split()
        assert scripts[0] == "'self'" and sorted(scripts[1:]) == sorted(inline_script_hashes(text)), path


def test_a_script_from_elsewhere_is_refused(page: Page, site_url: str, page_problems: list[str]) -> None:
    """The policy works in Chromium: a script the page did not ship does not run, and is reported."""
    page.goto(site_url)
    refused = page.evaluate(
        """() => new Promise((resolve) => {
            document.addEventListener("securitypolicyviolation", (event) => resolve(event.violatedDirective));
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.head.append(script);
        })"""
    )
    assert refused.startswith("script-src")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.evaluate("window.__ran === undefined")
    expected = [problem for problem in page_problems if "script-src" in problem]
    assert expected, "the refusal is reported as an error, as the other tests count it"
    page_problems[:] = [problem for problem in page_problems if problem not in expected]
