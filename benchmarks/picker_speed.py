"""Measure the question picker's filtering and search on a synthetic bank of 10,000 questions.

Run: .venv/bin/python benchmarks/picker_speed.py [--questions N] [--site DIR]

Builds a synthetic project of that size (benchmarks/synthetic.py; its PDF cache seeded, so no PDF is
printed), or takes a built site (--site), serves it on 127.0.0.1 and types searches and changes
filters on its question bank page in headless Chromium (Debian's, as the tests use). For each
keystroke it reports the time from the input event to the end of the picker's work including style
and layout (what blocks the next frame), and to the next frame. The goal is a median under 16 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS.parent / "tests"))
sys.path.insert(0, str(BENCHMARKS))

from playwright.sync_api import Page, sync_playwright  # noqa: E402
from sitebuild import CHROMIUM, CHROMIUM_ARGS, serve  # type: ignore[import-not-found]  # noqa: E402
from synthetic import seed_pdf_cache, synthetic_project  # noqa: E402

SEARCHES = ["what do you", "skills", "first job", "salary range", "organization culture", "zebra"]


INSTRUMENT = """() => {
    const input = document.querySelector('.guide-picker input[type=search]');
    window.__bench = [];
    const record = (event) => {
        void document.body.offsetHeight;  // style and layout, as the next frame will need them
        const work = performance.now() - event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => {
            window.__bench.push([work, performance.now() - event.timeStamp]);
        }, 0));
    };
    input.addEventListener('input', record);  // after the picker's own listener
    for (const select of document.querySelectorAll('.guide-picker select')) {
        select.addEventListener('change', record);
    }
}"""


CHOOSE = """([name, value]) => {
    const select = document.querySelector(`.guide-picker select[data-filter="${name}"]`);
    select.value = value;
    select.dispatchEvent(new Event('change'));
}"""


def settle(page: Page) -> None:
    """Wait two frames."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def run(site: Path, width: int) -> dict[str, list[tuple[float, float]]]:
    """Type the searches and change the filters; return (work, frame) times per kind of action."""
    results: dict[str, list[tuple[float, float]]] = {}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
        page.goto(url + "questions/", timeout=180000)
        page.wait_for_selector(".guide-picker .guide-select", timeout=180000)
        total = page.locator("[data-question-id]").count()
        page.evaluate(INSTRUMENT)
        search = page.locator(".guide-picker input[type=search]")
        search.focus()
        for text in SEARCHES:
            for character in text:
                page.keyboard.type(character)
                settle(page)
            for _ in text:
                page.keyboard.press("Backspace")
                settle(page)
        results["search keystroke"] = page.evaluate("window.__bench.splice(0)")
        for name, value in [("purpose", "exploring"), ("tiara", "trends"), ("category", "skills")]:
            for option in [value, ""] * 5:
                page.evaluate(CHOOSE, [name, option])
                settle(page)
        results["filter change"] = page.evaluate("window.__bench.splice(0)")
        browser.close()
    print(f"{total} questions on the page at {width} px")
    return results


def report(results: dict[str, list[tuple[float, float]]]) -> None:
    """Print the medians and the slowest cases."""
    for kind, times in results.items():
        work = sorted(t[0] for t in times)
        frame = sorted(t[1] for t in times)
        p95 = work[int(len(work) * 0.95) - 1]
        print(
            f"  {kind:17} n={len(times):3} | filter+layout median {statistics.median(work):5.1f} ms, "
            f"p95 {p95:5.1f} ms, max {work[-1]:5.1f} ms | "
            f"to next frame median {statistics.median(frame):5.1f} ms"
        )


def main() -> None:
    """Build (or take) the site of a synthetic bank, measure at two widths."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--questions", type=int, default=10000)
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build a synthetic one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = args.site
        if site is None:
            project = synthetic_project(Path(folder), args.questions, 0)
            seed_pdf_cache(project)
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env, check=True)
            site = project / "site"
        size = (site / "questions" / "index.html").stat().st_size
        print(f"question bank page: {size / 1e6:.1f} MB")
        for width in (1280, 390):
            report(run(site, width))


if __name__ == "__main__":
    main()
