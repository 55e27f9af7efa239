"""Browser-test harness: build the site once, serve it locally, drive Debian's Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: a fresh strict build, or the folder named by GUIDE_SITE_DIR."""
    if given := os.environ.get("GUIDE_SITE_DIR"):
        site = Path(given).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"GUIDE_SITE_DIR={given} has no index.html; build it first", pytrace=False)
        return site
    site = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip()
        pytest.fail(f"mkdocs build failed (exit {done.returncode}):\n{output}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a free port) for the whole session."""
    handler = partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the session (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing; run `python3 tasks.py test`, which installs it", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def viewport_width(request: pytest.FixtureRequest) -> int:
    """Viewport width in CSS pixels; parametrise with indirect=True."""
    return int(getattr(request, "param", 1280))


@pytest.fixture
def page(browser: Browser, viewport_width: int) -> Iterator[Page]:
    """A page in a fresh context that must make no external requests and log no errors."""
    context = browser.new_context(viewport={"width": viewport_width, "height": 900})
    page = context.new_page()
    problems: list[str] = []

    def only_local(route: Route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in {"data", "blob"} or url.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            problems.append(f"{page.url}: external request {route.request.url}")
            route.abort()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            source = message.location.get("url") or "?"
            problems.append(f"{page.url}: console error: {message.text} (from {source})")

    context.route("**/*", only_local)
    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: page error: {error}"))
    try:
        yield page
    finally:
        context.close()
    if problems:
        pytest.fail("the page had problems:\n" + "\n".join(problems), pytrace=False)


def save_screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG as screenshots/<name>.png (git-ignored) for people to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


@pytest.fixture(scope="session")
def screenshot() -> Callable[[Page, str], Path]:
    """The helper `screenshot(page, name)`, as a fixture so tests need no imports."""
    return save_screenshot
