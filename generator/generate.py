"""All the files one build adds to the docs: pages and data, never shadowing the advisors' own."""

from __future__ import annotations

from pathlib import Path

from .data import render_data
from .errors import GuideError, Problem
from .model import Guide
from .pages import render_pages


def generated_files(
    guide: Guide, docs_dir: Path, docs_display: str, directory_urls: bool = True
) -> dict[str, str]:
    """Every generated file keyed by docs-relative path; refuses one that a content file already uses."""
    files = render_pages(guide) | render_data(guide, directory_urls)
    clashes = [
        Problem(
            f"{docs_display}/{path}",
            1,
            1,
            "this file has the same path as a page the build generates from the data; rename or remove it",
        )
        for path in files
        if (docs_dir / path).exists()
    ]
    if clashes:
        raise GuideError(clashes)
    return files
