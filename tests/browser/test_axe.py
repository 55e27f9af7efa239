"""axe-core with the WCAG 2.0/2.1 A and AA rules on every page of the built site: two widths, two schemes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gate_report
import pytest
from axe_gate import TAGS, format_violations, require_axe, run_axe
from browsing import describe, open_site_page
from playwright.sync_api import Page
from sitebuild import ROOT, report_path

pytestmark = pytest.mark.browser

BAD_PAGE = """<!doctype html><html lang="en"><head><title>Bad</title></head><body><main>
<p style="color:#999;background:#fff">Pale grey text</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="no-alt">
</main></body></html>"""


@pytest.fixture(scope="session")
def axe_source() -> Path:
    """axe-core as installed by `python3 tasks.py test` (npm, pinned in tools/package-lock.json)."""
    return require_axe()


def rule_ids(results: dict[str, Any]) -> set[str]:
    """The rules axe ran that applied to the page (passed, violated or needing review)."""
    return {rule["id"] for kind in ("passes", "violations", "incomplete") for rule in results.get(kind, [])}


@pytest.fixture(scope="module")
def axe_review(pytestconfig: pytest.Config) -> Iterator[dict[str, set[str]]]:
    """What axe could not decide (its "incomplete" results): written to reports/axe-review.txt."""
    found: dict[str, set[str]] = {}
    yield found
    if found:
        lines = ["axe-core could not decide these by itself; a person should look (rule: page and element)."]
        for rule, places in sorted(found.items()):
            lines += [f"\n{rule} ({len(places)})", *(f"    {place}" for place in sorted(places))]
        path = report_path("axe-review.txt")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        gate_report.note(
            pytestconfig,
            f"axe: places for a person to review in {path.relative_to(ROOT)}",
            *(f"{rule}: {place}" for rule, places in found.items() for place in places),
        )


def note_incomplete(review: dict[str, set[str]], where: str, results: dict[str, Any]) -> None:
    """Remember each element axe could not decide, with the page and the rule's help text."""
    for rule in results.get("incomplete", []):
        for node in rule["nodes"]:
            target = " >> ".join(str(part) for part in node["target"])
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            why = next((check["message"] for check in checks if check.get("message")), "")
            review.setdefault(f"{rule['id']}: {rule['help']}", set()).add(f"{where}: {target} ({why})")


@pytest.mark.parametrize("color_scheme", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("viewport_width", [1280, 390], indirect=True)
def test_page_has_no_axe_violations(
    pooled_page: Page,
    site_url: str,
    site_page: str,
    viewport_width: int,
    color_scheme: str,
    axe_source: Path,
    page_problems: list[str],
    pytestconfig: pytest.Config,
    axe_review: dict[str, set[str]],
) -> None:
    open_site_page(pooled_page, site_url, site_page, color_scheme)
    results = run_axe(pooled_page, axe_source)
    where = describe(site_page, viewport_width, color_scheme)
    gate_report.note(pytestconfig, "axe: pages checked", site_page)
    gate_report.note(
        pytestconfig, "axe: rules that applied (passed, violated or incomplete)", *rule_ids(results)
    )
    gate_report.note(pytestconfig, "axe: page checks (page x width x scheme)", where)
    note_incomplete(axe_review, where, results)
    if not gate_report.stats(pytestconfig).facts["axe: rules in the WCAG 2.0/2.1 A and AA tag set"]:
        rules = pooled_page.evaluate("tags => axe.getRules(tags).map(r => r.ruleId)", TAGS)
        gate_report.note(pytestconfig, "axe: rules in the WCAG 2.0/2.1 A and AA tag set", *rules)
    if results["violations"]:
        pytest.fail(format_violations(where, results["violations"]), pytrace=False)
    assert not page_problems, f"{where}:\n" + "\n".join(page_problems)


def test_axe_gate_reports_page_rule_impact_and_element(page: Page, axe_source: Path) -> None:
    page.set_content(BAD_PAGE)
    results = run_axe(page, axe_source)
    message = format_violations("bad page", results["violations"])
    assert {"color-contrast", "image-alt"} <= {rule["id"] for rule in results["violations"]}, message
    assert "color-contrast [serious]" in message
    assert 'at img: <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="no-alt">' in message, message
    assert '<p style="color:#999;background:#fff">Pale grey text</p>' in message
