"""How long the first visit takes to keep the whole guide offline, on a slow link, and how much it keeps.

Run: .venv/bin/python benchmarks/offline_fill.py [--site DIR]

Serves a built site (the project's `site/` unless --site) on 127.0.0.1 through a handler that makes the
link slow the way a phone's can be: every response waits 150 ms before it starts (the round trip), and
all of them together share 200,000 bytes a second (1.6 Mbit/s), as ready_time.py emulates for pages.
The throttling is the server's, not Chromium's, because Chromium's emulation does not reach the service
worker's own requests. A fresh browser opens the home page; the time is from navigation until the
worker's cache holds every file its list names (what test_offline.py waits for before it goes offline).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402
from sitebuild import CHROMIUM, CHROMIUM_ARGS, QuietHandler, serve  # type: ignore[import-not-found]  # noqa: E402

LATENCY_S = 0.150
BYTES_PER_S = 200_000
CHUNK = 8192
# Resolves once the worker's one cache holds every file of its list (polled in the page: a promise
# returned to wait_for_function would count as true at once).
KEPT = """async (expected) => {
  for (;;) {
    const keys = await caches.keys();
    if (keys.length === 1 && (await (await caches.open(keys[0])).keys()).length === expected) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}"""


class Link:
    """The one slow link all responses share: a byte may leave only when the link has room for it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.free_at = time.monotonic()

    def send(self, size: int) -> None:
        """Wait until `size` more bytes fit through the link."""
        with self.lock:
            start = max(self.free_at, time.monotonic())
            self.free_at = start + size / BYTES_PER_S
            wait = self.free_at - time.monotonic()
        if wait > 0:
            time.sleep(wait)


LINK = Link()


class SlowHandler(QuietHandler):  # type: ignore[misc]  # sitebuild is found at run time (tests/)
    """The site's files, each after a round trip's wait and through the shared slow link."""

    def send_head(self) -> Any:
        """Wait a round trip before answering."""
        time.sleep(LATENCY_S)
        return super().send_head()

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:
        """Send the body a chunk at a time, as fast as the link lets it."""
        while chunk := source.read(CHUNK):
            LINK.send(len(chunk))
            outputfile.write(chunk)


def listed(site: Path) -> tuple[int, int]:
    """How many files the worker keeps and their bytes, from the list in sw.js."""
    found = re.search(r"^const PRECACHE = (\{.*\});$", (site / "sw.js").read_text(encoding="utf-8"), re.M)
    if not found:
        raise SystemExit(f"{site}/sw.js has no list of files: build the site with offline on")
    files = json.loads(found.group(1))["files"]
    return len(files), sum((site / name).stat().st_size for name in files)


def main() -> None:
    """Measure one first visit and print what it kept and how long it took."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    files, size = listed(args.site)
    with serve(args.site, SlowHandler) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        start = time.monotonic()
        page.goto(url, timeout=300_000)
        loaded = time.monotonic() - start
        page.evaluate(KEPT, files)
        kept = time.monotonic() - start
        browser.close()
    print(f"kept offline: {files} files, {size / 1e6:.1f} MB")
    print(f"home page loaded after {loaded:.1f} s; the whole site kept after {kept:.1f} s")
    print(f"(150 ms a response, {BYTES_PER_S * 8 / 1e6:.1f} Mbit/s shared, the server's own throttling)")


if __name__ == "__main__":
    main()
