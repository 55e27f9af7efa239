"""The built site for the browser and quality gates: built once per session, listed, served locally."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
BUILD_FAILED = "(the site did not build)"
# Debian's Chromium, as the browser tests and the browser benchmarks run it.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No host but the local server resolves: a request elsewhere fails (and the harness records it).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    # Element.computedName and computedRole: Chromium's own accessible name, for the keyboard gate.
    "--enable-blink-features=ComputedAccessibilityInfo",
]


@dataclass(frozen=True)
class Build:
    """The outcome of the session's one site build: a folder, or the reason there is none."""

    site: Path | None
    error: str = ""


BUILD_KEY = pytest.StashKey[Build]()


class QuietHandler(SimpleHTTPRequestHandler):
    """Static file handler that logs nothing and serves JavaScript modules correctly."""

    extensions_map = {  # noqa: RUF012 (same shape as the base class attribute)
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
    }

    def log_message(self, format: str, *args: Any) -> None:
        """Do not log requests."""


def _build(config: pytest.Config) -> Build:
    """Run `mkdocs build --strict` into a temporary folder, or use GUIDE_SITE_DIR."""
    if given := os.environ.get("GUIDE_SITE_DIR"):
        site = Path(given).resolve()
        if not (site / "index.html").is_file():
            return Build(None, f"GUIDE_SITE_DIR={given} has no index.html; build it first")
        return Build(site)
    site = Path(tempfile.mkdtemp(prefix="guide-site-"))
    config.add_cleanup(partial(shutil.rmtree, site, ignore_errors=True))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip()
        return Build(None, f"mkdocs build failed (exit {done.returncode}):\n{output}")
    return Build(site)


def build_once(config: pytest.Config) -> Build:
    """The session's site build, made on first use (also at collection, to list the pages)."""
    if BUILD_KEY not in config.stash:
        config.stash[BUILD_KEY] = _build(config)
    return config.stash[BUILD_KEY]


def built_site_or_fail(config: pytest.Config) -> Path:
    """The built site's folder; fails the calling test (never skips) when the build failed."""
    build = build_once(config)
    if build.site is None:
        pytest.fail(build.error, pytrace=False)
    return build.site


def html_pages(site: Path) -> list[str]:
    """Every HTML file of the built site, as a POSIX path relative to the site root, sorted."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def pages_to_check(config: pytest.Config) -> list[str]:
    """The pages the per-page gates run over; one placeholder that fails if the site did not build."""
    build = build_once(config)
    if build.site is None:
        return [BUILD_FAILED]
    pages = html_pages(build.site)
    return pages or [BUILD_FAILED]


def page_path(html_file: str) -> str:
    """The URL path (relative to the site root) that serves an HTML file: `a/index.html` -> `a/`."""
    if html_file == "index.html":
        return ""
    return html_file.removesuffix("index.html")


@contextmanager
def serve(site: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) and yield its base URL, ending in a slash."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def report_path(name: str) -> Path:
    """A file under reports/ (git-ignored) for people to read after a run."""
    REPORTS.mkdir(exist_ok=True)
    return REPORTS / name
