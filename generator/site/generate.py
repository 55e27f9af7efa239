"""All the files one build adds to the docs: pages and data, never shadowing the advisors' own."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..bank.words import words_of
from ..errors import GuideError, Problem
from ..model import Guide
from .pages import markdown_text, render_pages
from .styles import INSTITUTION_CSS, PRINT_MARGIN_CSS, colours_css, print_margin_css


def markdown_settings(guide: Guide) -> dict[str, str]:
    """The institution settings as Markdown-safe text for `{{ institution.x }}` in pages."""
    return {key: str(markdown_text(value)) for key, value in guide.institution.placeholders().items()}


def generated_files(
    guide: Guide, docs_dir: Path, docs_display: str, directory_urls: bool = True
) -> dict[str, str]:
    """Every generated file keyed by docs-relative path; refuses one that a content file already uses."""
    # Here, not at the top: the data brings the scripts' Jinja sandbox, which a cached build never needs.
    from .data import render_data

    files = render_pages(guide) | render_data(guide, directory_urls)
    colours = colours_css(guide.institution)
    if colours:
        files[INSTITUTION_CSS] = colours
    files[PRINT_MARGIN_CSS] = print_margin_css(guide.institution.name, words_of(guide))
    refuse_clashes(files, docs_dir, docs_display, "a page the build generates from the data")
    return files


def refuse_clashes(paths: Iterable[str], docs_dir: Path, docs_display: str, made: str) -> None:
    """Stop with a problem at each content file whose path is one the build makes (`made` says what)."""
    clashes = [
        Problem(f"{docs_display}/{path}", 1, 1, f"this file has the same path as {made}; rename or remove it")
        for path in paths
        if (docs_dir / path).exists()
    ]
    if clashes:
        raise GuideError(clashes)
