"""LinkChecker against the built site served on 127.0.0.1: no broken link or anchor anywhere.

Every HTML page is a start URL, and links are followed to any depth: Markdown links, links in raw
HTML, stylesheets, scripts, images and PDF files (with the links inside them). A missing page, file
or anchor fails the gate. External URLs are not fetched (there is no network); every one of them is
listed, with the pages that link to it, in reports/external-links.txt for a person to review.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import shutil
import stat
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import gate_report
import pytest
from sitebuild import QuietHandler, html_pages, page_path, report_path, serve
from weasyprint import HTML

CONFIG = Path(__file__).with_name("linkcheckerrc")
LINKCHECKER = Path(sys.executable).with_name("linkchecker")
LOCAL_SCHEMES = ("http://127.0.0.1:", "data:")


class LinkCheckerServer(QuietHandler):
    """The site's server, telling LinkChecker (by its header) that it may ask as fast as it likes."""

    def end_headers(self) -> None:
        """Add the header LinkChecker looks for before it lifts its limit of 10 requests a second."""
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


@dataclass
class LinkReport:
    """What LinkChecker found."""

    checked: set[str] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    output: str = ""  # LinkChecker's whole CSV, for a failure message


class LinkCollector(HTMLParser):
    """Every href and src of one HTML page."""

    def __init__(self) -> None:
        """Start with no links."""
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Keep the link attributes of any element."""
        self.links += [value for name, value in attrs if name in {"href", "src"} and value]


def external_links_in_pages(site: Path) -> dict[str, set[str]]:
    """Each URL outside the site (http, https, mailto, tel) -> the pages that link to it."""
    found: dict[str, set[str]] = defaultdict(set)
    for page in html_pages(site):
        collector = LinkCollector()
        collector.feed((site / page).read_text(encoding="utf-8"))
        for link in collector.links:
            if urlsplit(link).scheme in {"http", "https", "mailto", "tel"}:
                found[link].add("/" + page_path(page))
    return found


def closed_to_others(path: Path) -> Path | None:
    """The first folder on the way to `path` that other users may not enter, or None."""
    for folder in [*reversed(path.parents), path]:
        if folder.is_dir() and not folder.stat().st_mode & stat.S_IXOTH:
            return folder
    return None


def run_linkchecker(site: Path) -> LinkReport:
    """Serve `site`, check it from every HTML page, and sort LinkChecker's findings."""
    if not LINKCHECKER.is_file() or shutil.which(str(LINKCHECKER)) is None:
        pytest.fail(
            f"{LINKCHECKER} is missing; install the test extra: pip install -e '.[test]'", pytrace=False
        )
    # Started as root, LinkChecker becomes `nobody` before it reads a page. If nobody cannot reach the
    # virtual environment, the parsers it loads then (BeautifulSoup, pdfminer) fail to import, and it
    # skips every anchor and every PDF without a word: the gate would pass whatever the links.
    closed = closed_to_others(Path(sys.prefix)) if os.geteuid() == 0 else None
    if closed is not None:
        mode = f"{closed.stat().st_mode & 0o777:o}"
        pytest.fail(
            f"LinkChecker drops root to `nobody`, who cannot enter {closed} (mode {mode}), so it would skip"
            f" anchors and PDFs: put the checkout where others can read it (chmod o+rx {closed})",
            pytrace=False,
        )
    report = LinkReport()
    with serve(site, LinkCheckerServer) as base:
        starts = [urljoin(base, page_path(page)) for page in html_pages(site)]
        command = [str(LINKCHECKER), "--config", str(CONFIG), "--verbose", "--output", "csv/utf-8", *starts]
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
    if done.returncode not in {0, 1}:  # 1 means "found problems"; anything else is LinkChecker failing
        pytest.fail(f"linkchecker failed (exit {done.returncode}):\n{done.stderr}", pytrace=False)
    lines = [line for line in done.stdout.splitlines() if not line.startswith("#")]
    report.output = "\n".join(lines) + "\n" + done.stderr
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"):
        url, parent = row["url"], (row["parentname"] or "").replace(base, "/")
        local = url.startswith(base)
        if local:
            report.checked.add(url.replace(base, "/"))
        elif not url.startswith(LOCAL_SCHEMES):
            report.external[url].add(parent or "(start)")
        warnings = " ".join(row["warningstring"].split())
        if row["valid"] != "True" or (local and warnings):
            where = f"{parent}:{row['line']}:{row['column']}" if parent else "(start URL)"
            result = " ".join(row["result"].split())
            report.broken.append(f"{where}: {row['urlname']} -> {result}. {warnings}".strip())
    return report


def write_external_report(site: Path, found: dict[str, set[str]]) -> Path:
    """reports/external-links.txt: every external URL and the pages that link to it."""
    from_pages = external_links_in_pages(site)
    urls = sorted(set(found) | set(from_pages))
    lines = [
        "External links in the built site: not fetched by the link gate (there is no network).",
        f"Review each one by hand. {len(urls)} URL(s).",
        "",
    ]
    for url in urls:
        lines.append(url)
        lines += [f"    on {page}" for page in sorted(from_pages.get(url, set()) | found.get(url, set()))]
    path = report_path("external-links.txt")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_no_broken_links_or_anchors(built_site: Path, pytestconfig: pytest.Config) -> None:
    report = run_linkchecker(built_site)
    path = write_external_report(built_site, report.external)
    print(f"\nexternal links to review: {path}")
    gate_report.note(pytestconfig, "links: URLs on the site checked by LinkChecker", *report.checked)
    gate_report.note(
        pytestconfig, f"links: external URLs listed in {path.relative_to(path.parents[1])}", *report.external
    )
    missing = sorted({"/" + page_path(page) for page in html_pages(built_site)} - report.checked)
    assert not missing, f"LinkChecker did not check these pages: {missing}"
    if report.broken:
        pytest.fail(f"{len(report.broken)} broken link(s):\n" + "\n".join(report.broken), pytrace=False)


BROKEN_SITE = {
    "index.html": """<!doctype html><html lang="en"><head><title>Home</title></head><body>
<p><a href="other.html">a page</a> <a href="other.html#there">an anchor</a></p>
<p><a href="missing.html">a missing page</a> <a href="other.html#nowhere">a missing anchor</a></p>
<div><a href="files/handout.pdf">a missing PDF</a> <img src="pictures/missing.png" alt="x"></div>
<p><a href="files/guide.pdf">a PDF with links inside</a></p>
<p><a href="https://example.org/advice">outside</a> <a href="mailto:careers@example.org">e-mail</a></p>
</body></html>""",
    "other.html": """<!doctype html><html lang="en"><head><title>Other</title></head><body>
<h2 id="there">There</h2><a href="index.html">home</a></body></html>""",
}


PDF_PAGE = '<p><a href="../missing-from-pdf.html">back</a> <a href="https://example.org/in-pdf">more</a></p>'


def test_link_gate_finds_missing_pages_files_and_anchors(tmp_path: Path) -> None:
    for name, text in BROKEN_SITE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "files").mkdir()
    HTML(string=PDF_PAGE).write_pdf(tmp_path / "files" / "guide.pdf")
    report = run_linkchecker(tmp_path)
    broken = "\n".join(report.broken)
    for where, target in [
        ("/", "missing.html"),
        ("/", "other.html#nowhere"),
        ("/", "files/handout.pdf"),
        ("/", "pictures/missing.png"),
        ("/files/guide.pdf", "../missing-from-pdf.html"),
    ]:
        assert any(line.startswith(f"{where}:") and f" {target} -> " in line for line in report.broken), (
            f"{target} (on {where}) not reported as broken:\n{broken}\nLinkChecker said:\n{report.output}"
        )
    assert "Anchor `nowhere' (decoded: `nowhere') not found" in broken, broken
    assert len(report.broken) == 5, broken
    assert set(report.external) == {
        "https://example.org/advice",
        "https://example.org/in-pdf",
        "mailto:careers@example.org",
    }, report.external


def test_pdf_links_can_be_read() -> None:
    assert importlib.util.find_spec("pdfminer") is not None, (
        "LinkChecker reads the links inside PDF files with pdfminer.six: pip install -e '.[test]'"
    )
