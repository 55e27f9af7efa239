"""The built site for the browser and quality gates: built once per run, listed, served locally.

With pytest-xdist, every worker is a session of its own; the first to need the site builds it into
the run's folder (named in GUIDE_RUN_DIR by the controlling process) and the others wait for it.
"""

from __future__ import annotations

import fcntl
import json
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
RUN_DIR = "GUIDE_RUN_DIR"
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


def start_run(config: pytest.Config) -> None:
    """In the process that controls the run, make the folder its workers share (removed at the end)."""
    if hasattr(config, "workerinput") or RUN_DIR in os.environ:
        return
    folder = tempfile.mkdtemp(prefix="guide-run-")
    os.environ[RUN_DIR] = folder  # set before xdist starts its workers, which inherit it
    config.add_cleanup(partial(shutil.rmtree, folder, ignore_errors=True))
    config.add_cleanup(partial(os.environ.pop, RUN_DIR, None))


def _build() -> Build:
    """The run's one `mkdocs build --strict`, made by whichever worker asks first; or GUIDE_SITE_DIR."""
    if given := os.environ.get("GUIDE_SITE_DIR"):
        site = Path(given).resolve()
        if not (site / "index.html").is_file():
            return Build(None, f"GUIDE_SITE_DIR={given} has no index.html; build it first")
        return Build(site)
    run = Path(os.environ[RUN_DIR])
    outcome = run / "build.json"
    with (run / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the others wait here while the first one builds
        if not outcome.exists():
            outcome.write_text(json.dumps(_mkdocs_build(run / "site").__dict__, default=str))
        recorded = json.loads(outcome.read_text())
    return Build(Path(recorded["site"]) if recorded["site"] else None, recorded["error"])


def _mkdocs_build(site: Path) -> Build:
    """Run `mkdocs build --strict` of the project into `site`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip()
        return Build(None, f"mkdocs build failed (exit {done.returncode}):\n{output}")
    return Build(site)


def build_once(config: pytest.Config) -> Build:
    """The run's site build, made on first use (also at collection, to list the pages)."""
    if BUILD_KEY not in config.stash:
        config.stash[BUILD_KEY] = _build()
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


class QuietServer(ThreadingHTTPServer):
    """A threading server that lets a browser drop a connection without printing a traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore a client that went away (a page left while loading); report anything else."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) and yield its base URL, ending in a slash."""
    server = QuietServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
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
