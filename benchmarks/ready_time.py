"""How long each tool page takes to be ready on a slow network, from navigation start, cold.

Run: .venv/bin/python benchmarks/ready_time.py --site DIR --label NAME [--runs 5]

Serves a built site on 127.0.0.1 and opens each tool's page (the question bank, the prep sheet, the
checklists, the contact tracker and one script page) in Debian's Chromium, as the tests launch it,
with a slow network emulated through the DevTools protocol: 150 ms round trip, 1.6 Mbit/s down,
750 kbit/s up, the cache disabled. A page is ready when no element is aria-busy and its tool has drawn
itself; the time is read in the page (performance.now(), from navigation start) the first frame that
holds, and the median of the cold loads (a fresh browser each) is kept. Each load also counts
the requests, those for our own JavaScript modules, the bytes that came over the network, and the
longest chain of requests each made by the one before (from the initiators Chromium reports), which
costs at least a round trip per link.

The results go into benchmarks/ready.json as one labelled row per site (measuring a label again
replaces its row) and, as a table of every row, between the markers in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BENCHMARKS = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCHMARKS), str(BENCHMARKS.parent / "tests")]

from playwright.sync_api import CDPSession, Playwright, sync_playwright  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from results import load_average, machine  # noqa: E402
from sitebuild import CHROMIUM, CHROMIUM_ARGS, serve  # type: ignore[import-not-found]  # noqa: E402
from weight import ours, script_page  # noqa: E402

RESULTS = BENCHMARKS / "ready.json"
README = BENCHMARKS / "README.md"
START_MARKER = "<!-- ready:start -->"
END_MARKER = "<!-- ready:end -->"
# A slow mobile connection, as DevTools' throttling takes it: latency per request, throughput in bytes/s.
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 93_750}
# Each tool page: where its tool goes, and what the tool draws there once it has started (as the
# browser tests wait for it).
TOOLS = {
    "questions/": ("[data-question-picker]", ".guide-picker .guide-select"),
    "prep-sheet/": (
        "[data-prep-sheet]",
        ".guide-prep__app:not([hidden]) .guide-prep__list, .guide-prep__app:not([hidden]) .guide-prep__empty",
    ),
    "checklists/": ("ul.guide-checklist", ".guide-checklist-progress"),
    "tracker/": ("[data-contact-tracker]", ".guide-tracker__app"),
    "scripts/": (".guide-studio[data-script-id]", ".guide-studio__app"),
}
# True (the time since navigation start, in ms) the first frame the page is ready; false before.
READY = """([place, drawn]) => {
    if (document.querySelector('[aria-busy="true"]')) return false;
    if (!document.querySelector(place) || !document.querySelector(drawn)) return false;
    return performance.now();
}"""
CONTENT_LOADED = "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
# A load that is not ready in a minute has stalled (a page here is ready in a few seconds): now and
# then, under the emulated network, Chromium never finishes receiving the page itself or a style
# sheet. Such a load is left out and made again, and the row says how many there were.
LOAD_TIMEOUT_MS = 60_000
MAX_STALLS = 5


@dataclass
class Requests:
    """What one page load asked for: each URL once, with the URL of the request or script that asked."""

    parents: dict[str, str | None] = field(default_factory=dict)
    waiting: dict[str, str] = field(default_factory=dict)
    transferred: int = 0

    def sent(self, event: dict[str, Any]) -> None:
        """Note a `Network.requestWillBeSent` event (a URL asked for again keeps its first initiator)."""
        url = event["request"]["url"]
        self.waiting[event["requestId"]] = url
        if url not in self.parents:
            self.parents[url] = initiator_url(event["initiator"])

    def finished(self, event: dict[str, Any]) -> None:
        """Note a `Network.loadingFinished` event: the bytes that came over the network for a request."""
        self.waiting.pop(event["requestId"], None)
        self.transferred += int(event["encodedDataLength"])

    def failed(self, event: dict[str, Any]) -> None:
        """Note a `Network.loadingFailed` event: the request is no longer waited for."""
        self.waiting.pop(event["requestId"], None)

    def modules(self) -> int:
        """How many of our JavaScript modules were fetched."""
        return sum(1 for url in self.parents if ours(url) and urlsplit(url).path.endswith(".js"))

    def longest_chain(self) -> list[str]:
        """The longest run of requests each asked for by the one before, from the page itself."""
        chains: dict[str, list[str]] = {}

        def chain(url: str, seen: frozenset[str]) -> list[str]:
            if url not in chains:
                parent = self.parents.get(url)
                before = chain(parent, seen | {url}) if parent in self.parents and parent not in seen else []
                chains[url] = [*before, url]
            return chains[url]

        return max((chain(url, frozenset()) for url in self.parents), key=len, default=[])


def initiator_url(initiator: dict[str, Any]) -> str | None:
    """The URL of what asked for a request: the parser's document, an importing module, a script's frame."""
    if initiator.get("url"):
        return str(initiator["url"])
    stack = initiator.get("stack")
    while stack:
        for frame in stack.get("callFrames", []):
            if frame.get("url"):
                return str(frame["url"])
        stack = stack.get("parent")
    return None


def slow_network(session: CDPSession) -> None:
    """Emulate the slow network on a page and turn its cache off."""
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", NETWORK)
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})


def cold_load(playwright: Playwright, url: str, tool: tuple[str, str]) -> dict[str, Any] | None:
    """Open a page in a fresh browser on the slow network; when it was ready, and what it requested.

    None when the load stalled (see LOAD_TIMEOUT_MS); what it still waited for is printed.
    """
    # A browser of its own for each load, not only a context: nothing (connections, the network
    # emulation's state) carries over from one load to the next.
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        session = context.new_cdp_session(page)
        requests = Requests()
        session.on("Network.requestWillBeSent", requests.sent)
        session.on("Network.loadingFinished", requests.finished)
        session.on("Network.loadingFailed", requests.failed)
        slow_network(session)
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
        try:
            ready = page.wait_for_function(READY, arg=list(tool), polling="raf", timeout=LOAD_TIMEOUT_MS)
        except PlaywrightTimeout:
            waiting = ", ".join(urlsplit(link).path for link in requests.waiting.values())
            print(f"  {urlsplit(url).path}: stalled, still waiting for {waiting or 'nothing'}", flush=True)
            return None
        ready_ms = float(ready.json_value())
        page.wait_for_load_state("domcontentloaded", timeout=LOAD_TIMEOUT_MS)
        dcl_ms = float(page.evaluate(CONTENT_LOADED))
        page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)  # every request it makes seen
        chain = requests.longest_chain()
        return {
            "ready_ms": ready_ms,
            "dcl_ms": dcl_ms,
            "requests": len(requests.parents),
            "modules": requests.modules(),
            "transferred": requests.transferred,
            "chain": [urlsplit(link).path for link in chain],
        }
    finally:
        browser.close()


def measure_page(playwright: Playwright, url: str, tool: tuple[str, str], runs: int) -> dict[str, Any]:
    """`runs` cold loads of one page: the median time to ready and the requests of the last load."""
    loads: list[dict[str, Any]] = []
    stalled = 0
    while len(loads) < runs:
        load = cold_load(playwright, url, tool)
        if load is not None:
            loads.append(load)
        elif (stalled := stalled + 1) > MAX_STALLS:
            raise SystemExit(f"{url}: more than {MAX_STALLS} loads stalled")
    times = [load["ready_ms"] for load in loads]
    print(
        f"  {urlsplit(url).path:28} ready {statistics.median(times):7.0f} ms (runs "
        + ", ".join(f"{t:.0f}" for t in times)
        + f"); {loads[-1]['modules']} modules, {loads[-1]['requests']} requests "
        f"({loads[-1]['transferred'] / 1000:.0f} kB), "
        f"chain of {len(loads[-1]['chain'])}; {stalled} stalled",
        flush=True,
    )
    return {
        "ready_ms": statistics.median(times),
        "ready_runs": [round(t) for t in times],
        "stalled": stalled,
        "dcl_ms": statistics.median(load["dcl_ms"] for load in loads),
        "requests": loads[-1]["requests"],
        "modules": loads[-1]["modules"],
        "transferred": loads[-1]["transferred"],
        "chain": loads[-1]["chain"],
    }


def tool_pages(site: Path) -> Iterator[tuple[str, tuple[str, str]]]:
    """Each tool page's path and its tool's selectors; the script page is the site's first."""
    for path, tool in TOOLS.items():
        yield (script_page(site) if path == "scripts/" else path), tool


def measure_site(site: Path, runs: int) -> dict[str, dict[str, Any]]:
    """Every tool page of a built site, served on 127.0.0.1."""
    pages = {}
    with serve(site) as base, sync_playwright() as playwright:
        for path, tool in tool_pages(site):
            pages[path] = measure_page(playwright, base + path, tool, runs)
    return pages


def save_row(path: Path, row: dict[str, Any]) -> dict[str, Any]:
    """Put a labelled row into the results file, in place of one with the same label; return them all."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    rows = [other for other in data.get("rows", []) if other["label"] != row["label"]]
    labels = [other["label"] for other in data.get("rows", [])]
    at = labels.index(row["label"]) if row["label"] in labels else len(rows)
    data = {"network": NETWORK, "rows": [*rows[:at], row, *rows[at:]]}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return data


def table(data: dict[str, Any]) -> str:
    """Every row as a Markdown table, page by page so that the sites compare line by line."""
    lines = [
        "| page | site | ready, median (s) | runs (s) | DOMContentLoaded (s) | our modules | requests "
        "| kB transferred | longest chain |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    pages = dict.fromkeys(path for row in data["rows"] for path in row["pages"])
    for path in pages:
        for row in data["rows"]:
            if path in row["pages"]:
                item = row["pages"][path]
                runs = ", ".join(f"{t / 1000:.2f}" for t in item["ready_runs"])
                lines.append(
                    f"| {path} | {row['label']} | **{item['ready_ms'] / 1000:.2f}** | {runs} | "
                    f"{item['dcl_ms'] / 1000:.2f} | {item['modules']} | {item['requests']} | "
                    f"{item['transferred'] / 1000:.0f} | {len(item['chain'])} |"
                )
    return "\n".join(lines) + "\n"


def stalls(row: dict[str, Any]) -> str:
    """The loads of a row that stalled and were made again, as a note ("" when none did)."""
    counts = {path: item.get("stalled", 0) for path, item in row["pages"].items()}
    stalled = [f"{path} {count}" for path, count in counts.items() if count]
    return f"; stalled and made again: {', '.join(stalled)}" if stalled else ""


def write_readme(data: dict[str, Any]) -> None:
    """Put the table, with each row's site and machine, between the markers in benchmarks/README.md."""
    notes = [
        f"- {row['label']}: {row['site']}, measured {row['measured']} on {row['cpus']} CPUs "
        f"(load average {row['load']}), {row['runs']} cold loads a page{stalls(row)}"
        for row in data["rows"]
    ]
    block = f"{START_MARKER}\n{table(data)}\n" + "\n".join(notes) + f"\n{END_MARKER}"
    text = README.read_text(encoding="utf-8")
    if START_MARKER not in text:
        text += f"\n{START_MARKER}\n{END_MARKER}\n"
    start, end = text.index(START_MARKER), text.index(END_MARKER) + len(END_MARKER)
    README.write_text(text[:start] + block + text[end:], encoding="utf-8")
    print(f"wrote the table into {README}")


def main() -> None:
    """Measure one built site under a label, save its row and write the table."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--site", type=Path, required=True, help="a built site (mkdocs build -d DIR)")
    parser.add_argument("--label", required=True, help="the row's name, e.g. 'before (e90447c)'")
    parser.add_argument("--runs", type=int, default=5, help="cold loads a page (the median is kept)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the JSON file of every row")
    parser.add_argument("--no-markdown", action="store_true", help="leave benchmarks/README.md alone")
    args = parser.parse_args()
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} has no index.html: build the site first")
    print(f"{args.label}: {site}", flush=True)
    started = machine()
    pages = measure_site(site, args.runs)
    row = {
        "label": args.label,
        "site": str(args.site),
        "measured": started["date"],
        "cpus": started["cpus"],
        "load": f"{started['load_start']} to {load_average()}",
        "runs": args.runs,
        "pages": pages,
    }
    data = save_row(args.results, row)
    print(table(data))
    if not args.no_markdown:
        write_readme(data)


if __name__ == "__main__":
    main()
