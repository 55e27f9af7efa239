"""Quality gates over the built site without a browser: the Nu HTML checker, LinkChecker, strict builds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sitebuild import built_site_or_fail, serve


@pytest.fixture(scope="session")
def built_site(pytestconfig: pytest.Config) -> Path:
    """The session's strict build (shared with the browser gates), or the folder in GUIDE_SITE_DIR."""
    return built_site_or_fail(pytestconfig)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a free port) for the whole session."""
    with serve(built_site) as url:
        yield url
