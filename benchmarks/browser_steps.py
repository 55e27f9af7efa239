"""The build benchmarks' browser steps, in headless Chromium: weight of each page, the picker, the bank page.

Weight of our JavaScript and CSS on the smallest site (weight.py); on the largest, the picker's
filter and search (picker_speed.py's own functions) and the first render of the question bank page.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import picker_speed
from playwright.sync_api import sync_playwright
from results import Results, median
from sitebuild import CHROMIUM, CHROMIUM_ARGS, serve  # type: ignore[import-not-found]
from weight import BUDGET, our_files, page_weights


def browser(results: Results, site: Path, runs: int) -> None:
    """The picker's filter and search, and the first render of the bank page, in headless Chromium."""
    store = results.data["browser"]
    store["questions"] = len(json.loads((site / "questions.json").read_text(encoding="utf-8"))["questions"])
    store["bank_page_mb"] = (site / "questions" / "index.html").stat().st_size / 1e6
    print(f"browser: {store['questions']} questions, bank page {store['bank_page_mb']:.1f} MB", flush=True)
    timings = picker_speed.run(site, 1280)
    for kind, times in timings.items():
        store[kind] = {
            "median_ms": median([t[0] for t in times]),
            "p95_ms": sorted(t[0] for t in times)[max(0, int(len(times) * 0.95) - 1)] if times else None,
            "frame_ms": median([t[1] for t in times]),
            "n": len(times),
        }
    picker_speed.report(timings)
    results.save()
    renders = []
    with serve(site) as url, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = chromium.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(url + "questions/", wait_until="load", timeout=600000)
            renders.append(page.evaluate(FIRST_RENDER))
            context.close()
        chromium.close()
    store["first_render"] = {
        key: median([r[key] for r in renders if r[key] is not None]) for key in renders[0]
    }
    first = store["first_render"]
    print(
        f"  bank page first render: first contentful paint {first['fcp']:.0f} ms, "
        f"DOMContentLoaded {first['dom_content_loaded']:.0f} ms, load {first['load']:.0f} ms",
        flush=True,
    )
    results.save()


FIRST_RENDER = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
        response_end: nav.responseEnd,
        dom_content_loaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        fcp: paint ? paint.startTime : null,
    };
}"""


def weigh_pages(results: Results, site: Path) -> None:
    """What each page fetches of our JavaScript and CSS as served (minified), gzipped, in Chromium."""
    pages = page_weights(site)
    ours = our_files(site)
    results.data["weight"] = {
        "budget": BUDGET,
        "pages": {
            path: {key: item[key] for key in ("js_gzip", "css_gzip", "raw", "gzip")}
            | {"files": len(item["files"])}
            for path, item in pages.items()
        },
        "all_files_gzip": sum(_gzipped(path)[1] for path in ours),
        "all_files_raw": sum(path.stat().st_size for path in ours),
        "all_files": len(ours),
    }
    heaviest = max(item["gzip"] for item in results.data["weight"]["pages"].values())
    print(f"our JS and CSS: at most {heaviest / 1000:.1f} KB gzipped a page (budget {BUDGET / 1000:.0f} KB)")
    results.save()


def _gzipped(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))
