"""The axe gate: axe-core with the WCAG 2.0/2.1 A and AA rules, run in a page, and its violations as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browsing import load_script
from playwright.sync_api import Page
from sitebuild import ROOT

AXE = ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations", "incomplete"],
})"""


def require_axe() -> Path:
    """axe-core as installed by `python3 tasks.py test` (npm, pinned in tools/package-lock.json)."""
    if not AXE.is_file():
        pytest.fail(
            f"{AXE} is missing; run `python3 tasks.py test`, which installs the npm tools", pytrace=False
        )
    return AXE


def run_axe(page: Page, axe: Path) -> dict[str, Any]:
    """Inject axe-core into the loaded page and run the WCAG 2.1 A/AA rules; return axe's results."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        load_script(page, axe)
    results: dict[str, Any] = page.evaluate(RUN_AXE, TAGS)
    return results


def format_violations(where: str, violations: list[dict[str, Any]]) -> str:
    """One block per rule: rule id, impact, help, then each element's selector, snippet and summary."""
    lines = [f"{where}: {len(violations)} axe rule(s) violated"]
    for rule in violations:
        lines.append(f"  {rule['id']} [{rule['impact']}] {rule['help']} ({rule['helpUrl']})")
        for node in rule["nodes"]:
            target = " >> ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            snippet = " ".join(node["html"].split())
            lines.append(f"    at {target}: {snippet[:200]}")
            lines.append(f"       {summary[:400]}")
    return "\n".join(lines)
