"""Weigh what each page fetches of our own JavaScript and CSS, gzipped, against the 30 KB budget (issue 8).

Run: .venv/bin/python benchmarks/weight.py [--site DIR]

Builds the real project into a temporary folder (or takes a built site with --site), serves it on
127.0.0.1 and opens a few pages in headless Chromium (Debian's, as the tests use): the home page,
each tool's page and a page of prose. Once the network is idle and no tool is aria-busy, it sums
every response of ours (assets/javascripts/ and assets/stylesheets/ and their subfolders, such as
core/ and each tool's, but not Material's bundle, main and palette files, its workers/ or lunr/),
each body gzipped at level 9, as a server would.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TypedDict
from urllib.parse import urlsplit

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import Page, Response, sync_playwright  # noqa: E402
from sitebuild import CHROMIUM, CHROMIUM_ARGS, serve  # type: ignore[import-not-found]  # noqa: E402

BUDGET = 30_000
PAGES = ["", "questions/", "prep-sheet/", "checklists/", "tracker/", "research/"]
# The French pages load the French words in place of the English ones (longer, so weighed too).
PAGES += [f"fr/{page}" for page in PAGES]
ASSETS = ("javascripts", "stylesheets")
# Any script or style sheet under our asset folders, at any depth, except Material's search worker
# and lunr's language files, which sit in folders of their own there.
OURS = re.compile(r"^(?:/fr)?/assets/(javascripts|stylesheets)/(?!workers/|lunr/)(?:[^/]+/)*[^/]+\.(js|css)$")
MATERIAL = re.compile(r"^(bundle|main|palette)\.[0-9a-f]+\.min\.(js|css)$")


class PageWeight(TypedDict):
    """What one page fetched of ours: each file's raw and gzip bytes, the sums, whether it is in budget."""

    files: dict[str, tuple[int, int]]
    js_gzip: int
    css_gzip: int
    raw: int
    gzip: int
    within_budget: bool


def ours(url: str) -> bool:
    """Whether a URL is one of our own scripts or style sheets (not Material's)."""
    path = urlsplit(url).path
    return bool(OURS.match(path)) and not MATERIAL.match(path.rsplit("/", 1)[-1])


def our_files(site: Path) -> list[Path]:
    """Every script and style sheet of ours in a built site, whether or not a page fetches it."""
    found = (path for folder in ASSETS for path in sorted((site / "assets" / folder).rglob("*")))
    return [path for path in found if path.is_file() and ours("/" + path.relative_to(site).as_posix())]


def script_page(site: Path) -> str:
    """The URL path of one outreach script page (scripts/<id>/)."""
    pages = sorted(site.glob("scripts/*/index.html"))
    if not pages:
        raise SystemExit(f"{site} has no scripts/<id>/ page")
    return pages[0].parent.relative_to(site).as_posix() + "/"


def fetched(page: Page, url: str) -> dict[str, bytes]:
    """Open a page until it is idle and no tool is busy; the bodies of our files it fetched, by path."""
    responses: list[Response] = []

    def record(response: Response) -> None:
        responses.append(response)

    page.on("response", record)
    page.goto(url, wait_until="networkidle", timeout=120_000)
    page.wait_for_function("() => !document.querySelector('[aria-busy=true]')", timeout=60_000)
    page.wait_for_load_state("networkidle")
    return {urlsplit(r.url).path: r.body() for r in responses if ours(r.url) and r.ok}


def page_weights(site: Path) -> dict[str, PageWeight]:
    """For each page weighed: its files with raw and gzip sizes, the sums and whether it is in budget."""
    weights: dict[str, PageWeight] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for path in [*PAGES, script_page(site)]:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            bodies = fetched(context.new_page(), base + path)
            context.close()
            files = {name: (len(body), len(gzip.compress(body, 9))) for name, body in sorted(bodies.items())}
            gzipped = sum(size for _, size in files.values())
            weights[path or "/"] = {
                "files": files,
                "js_gzip": sum(size for name, (_, size) in files.items() if name.endswith(".js")),
                "css_gzip": sum(size for name, (_, size) in files.items() if name.endswith(".css")),
                "raw": sum(raw for raw, _ in files.values()),
                "gzip": gzipped,
                "within_budget": gzipped <= BUDGET,
            }
        browser.close()
    return weights


def build(folder: Path) -> Path:
    """Build the real project into `folder`/site."""
    site = folder / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return site


def report(weights: dict[str, PageWeight], verbose: bool) -> None:
    """Print one row per page (and its files when asked)."""
    print(f"{'page':28} {'files':>5} {'raw':>8} {'JS gz':>7} {'CSS gz':>7} {'gzip':>7}  budget {BUDGET:,}")
    for path, weight in weights.items():
        files = weight["files"]
        verdict = "ok" if weight["within_budget"] else "OVER"
        print(
            f"{path:28} {len(files):5} {weight['raw']:8,} {weight['js_gzip']:7,} "
            f"{weight['css_gzip']:7,} {weight['gzip']:7,}  {verdict}"
        )
        if verbose:
            for name, (raw, gzipped) in files.items():
                print(f"    {name.rsplit('/', 1)[-1]:24} {raw:8,} {gzipped:7,}")


def main() -> None:
    """Build (or take) the site, weigh its pages, print the table."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--site", type=Path, help="a built site to weigh (default: build the project)")
    parser.add_argument("--files", action="store_true", help="list each page's files too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = args.site or build(Path(folder))
        report(page_weights(site), args.files)


if __name__ == "__main__":
    main()
