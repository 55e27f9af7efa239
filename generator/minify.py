"""Minify our own style sheets in a built site, as they are served (rCSSmin: comments and spaces only)."""

from __future__ import annotations

from pathlib import Path

import rcssmin  # type: ignore[import-untyped]  # rcssmin ships no type information

from .generate import INSTITUTION_CSS
from .print_css import PRINT_MARGIN_CSS

STYLESHEETS = "assets/stylesheets"
# Generated style sheets are a few lines each, and read by people who check what the build made.
GENERATED = {INSTITUTION_CSS, PRINT_MARGIN_CSS}

# Our JavaScript stays as written: no JavaScript minifier on PyPI was safe for these ES modules.
# rJSmin breaks nested template literals (as its documentation says), and minify-go (tdewolff/minify
# 2.24) reorders declarations: in sheets.js `moveQuestion` it moved a `splice` before the line that
# read the list's length, which the browser tests caught.


def our_stylesheets(site_dir: Path) -> list[Path]:
    """Our style sheets in the built site: not Material's (*.min.css), not the generated ones."""
    return [
        path
        for path in sorted((site_dir / STYLESHEETS).glob("*.css"))
        if not path.name.endswith(".min.css") and f"{STYLESHEETS}/{path.name}" not in GENERATED
    ]


def minify_assets(site_dir: Path) -> None:
    """Rewrite our style sheets in `site_dir` without comments and needless spaces."""
    for path in our_stylesheets(site_dir):
        text = path.read_text(encoding="utf-8")
        path.write_text(rcssmin.cssmin(text), encoding="utf-8")
