"""While `mkdocs serve` runs: the problems of the guide's files, shown in the open page itself.

MkDocs' server answers no request after a failed rebuild, so the page an advisor is looking at would
hang until the file is fixed. While serving, the plugin builds the last good version of the data
instead, and every page carries this panel: the problem lines exactly as `check` prints them, over a
site that stays browsable. The next rebuild that can use the data reloads the page without it. The
panel's style and script are the generator's own (`preview/`), added to the served site only.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).with_name("preview")
ASSETS_URI = "assets/guide-preview"
"""Where the served site has the panel's style and script (never a published site)."""
_BODY = re.compile(r"<body\b[^>]*>")


@dataclass(frozen=True)
class PreviewProblems:
    """What the preview shows: a heading's summary, what it means, and the lines as `check` prints them."""

    summary: str
    explanation: str
    lines: tuple[str, ...]


def data_problems(summary: str, lines: Sequence[str]) -> PreviewProblems:
    """Problems that stopped the rebuild: the page is the last version that built."""
    return PreviewProblems(
        f"This preview is out of date: {summary}",
        "The page shows the last version that built. Fix the lines below and save; the page reloads by "
        "itself. `mkdocs build` stops on them too.",
        tuple(lines),
    )


def translation_warnings(lines: Sequence[str]) -> PreviewProblems:
    """Translations missing or out of date: the preview is current, but a strict build stops on them."""
    count = f"{len(lines)} translation{'' if len(lines) == 1 else 's'}"
    return PreviewProblems(
        f"{count} missing or out of date",
        "The preview is up to date, but `mkdocs build --strict`, which publishes the guide, stops on these.",
        tuple(lines),
    )


def preview_assets() -> dict[str, str]:
    """The panel's style sheet and script, by their path in the served site."""
    return {
        f"{ASSETS_URI}/{path.name}": path.read_text(encoding="utf-8") for path in sorted(ASSETS.iterdir())
    }


def with_problems(output: str, page_url: str, problems: PreviewProblems) -> str:
    """A page with the panel first in its body (the first thing a keyboard reaches), and its assets."""
    up = "../" * page_url.count("/")
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems.lines)
    panel = (
        f'<link rel="stylesheet" href="{up}{ASSETS_URI}/problems.css">'
        '<section class="guide-preview-problems" id="guide-preview-problems" tabindex="-1" '
        'aria-labelledby="guide-preview-problems-heading" data-guide-preview-problems>'
        f'<h2 id="guide-preview-problems-heading">{html.escape(problems.summary)}</h2>'
        f"<p>{_code(problems.explanation)}</p>"
        f'<ul class="guide-preview-problems__lines">{items}</ul>'
        '<button type="button" class="guide-preview-problems__hide" data-guide-preview-hide>'
        "Hide until the next change</button>"
        "</section>"
        f'<script type="module" src="{up}{ASSETS_URI}/problems.js"></script>'
    )
    found = _BODY.search(output)
    at = found.end() if found else 0
    return output[:at] + panel + output[at:]


def _code(text: str) -> str:
    """Escape the text and show `command` spans as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))
