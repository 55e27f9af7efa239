"""The palette in both schemes: every colour pair the site uses meets WCAG 2.1 AA, and the switch works.

axe-core checks the text it finds on each page; this checks the palette itself, including what axe
cannot see (hover and focus colours, the focus ring, text on the accent colour) and writes the
ratios to reports/palette.txt.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import MATERIAL_SCHEME, open_site_page
from playwright.sync_api import Page, expect
from sitebuild import report_path

pytestmark = pytest.mark.browser

TEXT, LARGE_OR_UI = 4.5, 3.0
PAGE = ["var(--md-default-bg-color)"]
HEADER = ["var(--md-primary-fg-color)"]
FOOTER = ["var(--md-footer-bg-color--dark)", "var(--md-footer-bg-color)", "var(--md-default-bg-color)"]
CARD = ["var(--guide-card-bg)", "var(--md-default-bg-color)"]

# (what, foreground, background layers from the top, minimum ratio, element to resolve them in)
PAIRS: list[tuple[str, str, list[str], float, str]] = [
    ("body text", "var(--md-typeset-color)", PAGE, TEXT, "body"),
    ("secondary text (nav titles, captions)", "var(--md-default-fg-color--light)", PAGE, TEXT, "body"),
    ("small icons (copy button, arrows)", "var(--md-default-fg-color--lighter)", PAGE, LARGE_OR_UI, "body"),
    ("links", "var(--md-typeset-a-color)", PAGE, TEXT, "body"),
    ("links on hover and focus (accent)", "var(--md-accent-fg-color)", PAGE, TEXT, "body"),
    (
        "text on the accent (back-to-top, selected)",
        "var(--md-accent-bg-color)",
        ["var(--md-accent-fg-color)"],
        TEXT,
        "body",
    ),
    ("header text", "var(--md-primary-bg-color)", HEADER, TEXT, ".md-header"),
    ("header page title", "var(--md-primary-bg-color--light)", HEADER, TEXT, ".md-header"),
    ("footer copyright", "var(--md-footer-fg-color--lighter)", FOOTER, TEXT, ".md-footer"),
    ("footer links", "var(--md-footer-fg-color--light)", FOOTER, TEXT, ".md-footer"),
    ("focus ring on the page", "var(--guide-focus-ring)", PAGE, LARGE_OR_UI, ".md-content"),
    ("focus ring on the header", "var(--guide-focus-ring)", HEADER, LARGE_OR_UI, ".md-header"),
    ("focus ring on the footer", "var(--guide-focus-ring)", FOOTER, LARGE_OR_UI, ".md-footer"),
    ("focus ring in a question card", "var(--guide-focus-ring)", CARD, LARGE_OR_UI, ".md-content"),
    ("question card text", "var(--md-typeset-color)", CARD, TEXT, ".md-content"),
    ("muted text in a card (tags)", "var(--guide-muted)", CARD, TEXT, ".md-content"),
    ("badge", "var(--guide-badge-fg)", ["var(--guide-badge-bg)"], TEXT, ".md-content"),
    ("seed badge", "var(--guide-seed-fg)", ["var(--guide-seed-bg)"], TEXT, ".md-content"),
    (
        "fill-in field in a script",
        "var(--md-typeset-color)",
        ["var(--guide-field-bg)", *CARD],
        TEXT,
        ".md-content",
    ),
]

RESOLVE = """([pairs]) => {
    const parse = t => { const m = t.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m[3] ?? 1]; };
    const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    const lum = c => 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    const hex = c => "#" + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, "0")).join("");
    return pairs.map(([what, fg, layers, minimum, scope]) => {
        const probe = document.createElement("span");
        document.querySelector(scope).append(probe);
        const colour = expr => { probe.style.color = expr; return parse(getComputedStyle(probe).color); };
        let back = [255, 255, 255, 1];
        for (const layer of [...layers].reverse()) back = over(colour(layer), back);
        const front = over(colour(fg), back);
        probe.remove();
        const [hi, lo] = [lum(front), lum(back)].sort((a, b) => b - a);
        return {what, fg: hex(front), bg: hex(back), ratio: (hi + 0.05) / (lo + 0.05), minimum};
    });
}"""


def measure(page: Page) -> list[dict[str, Any]]:
    """The contrast of every pair in the scheme the page shows."""
    results: list[dict[str, Any]] = page.evaluate(RESOLVE, [PAIRS])
    return results


@pytest.fixture(scope="module")
def palette_report() -> Iterator[list[str]]:
    """Lines for reports/palette.txt, written when the module's tests are done."""
    lines: list[str] = []
    yield lines
    if lines:
        path = report_path("palette.txt")
        path.write_text(
            "Contrast of the palette (WCAG 2.1: text 4.5:1, large text and UI 3:1)\n" + "\n".join(lines)
        )


@pytest.mark.parametrize("color_scheme", ["light", "dark"], indirect=True)
def test_every_colour_pair_meets_aa(
    pooled_page: Page, site_url: str, color_scheme: str, palette_report: list[str]
) -> None:
    open_site_page(pooled_page, site_url, "index.html", color_scheme)
    results = measure(pooled_page)
    palette_report.append(f"\n{color_scheme} scheme ({MATERIAL_SCHEME[color_scheme]}):")
    palette_report.extend(
        f"  {r['ratio']:5.2f}:1  {r['fg']} on {r['bg']}  {r['what']} (needs {r['minimum']:g})"
        for r in results
    )
    failing = [r for r in results if r["ratio"] < r["minimum"]]
    assert not failing, "\n".join(
        f"{color_scheme}: {r['what']}: {r['fg']} on {r['bg']} is {r['ratio']:.2f}:1, needs {r['minimum']:g}:1"
        for r in failing
    )


def test_links_in_text_are_underlined(pooled_page: Page, site_url: str) -> None:
    open_site_page(pooled_page, site_url, "index.html")
    lines = pooled_page.eval_on_selector_all(
        "article a[href]:not(.headerlink)", "links => links.map(a => getComputedStyle(a).textDecorationLine)"
    )
    assert lines, "the home page has no links in its text"
    assert all("underline" in line for line in lines), lines


def test_the_scheme_switch_works_by_keyboard_and_is_remembered(pooled_page: Page, site_url: str) -> None:
    page = pooled_page
    open_site_page(page, site_url, "index.html", "light")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.md-option')"):
            break
    else:
        pytest.fail("Tab never reached the colour scheme switch", pytrace=False)
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Switch to dark mode"
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
    expect(page.locator(":focus")).to_have_attribute("aria-label", "Switch to light mode")
    page.reload()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
    stored = page.evaluate("JSON.parse(localStorage.getItem(new URL('.', location).pathname + '.__palette'))")
    assert stored["color"]["scheme"] == "slate", stored
