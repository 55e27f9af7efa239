"""All the files one build adds to the docs: pages and data, never shadowing the advisors' own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import GuideError, Problem
from ..model import Guide
from .data import render_data
from .pages import markdown_text, render_pages
from .styles import INSTITUTION_CSS, PRINT_MARGIN_CSS, colours_css, print_margin_css


def markdown_settings(guide: Guide) -> dict[str, str]:
    """The institution settings as Markdown-safe text for `{{ institution.x }}` in pages."""
    return {key: str(markdown_text(value)) for key, value in guide.institution.placeholders().items()}


@dataclass(frozen=True)
class Branding:
    """What the institution settings change in the site's own settings."""

    logo: str | None
    copyright: str
    extra_css: tuple[str, ...]


def branding(guide: Guide) -> Branding:
    """The logo, copyright line and extra style sheets the institution settings call for."""
    institution = guide.institution
    line = ", ".join(part for part in (institution.name, institution.parent) if part)
    css = (INSTITUTION_CSS,) if colours_css(institution) else ()
    return Branding(institution.logo or None, line, (*css, PRINT_MARGIN_CSS))


def generated_files(
    guide: Guide, docs_dir: Path, docs_display: str, directory_urls: bool = True
) -> dict[str, str]:
    """Every generated file keyed by docs-relative path; refuses one that a content file already uses."""
    files = render_pages(guide) | render_data(guide, directory_urls)
    colours = colours_css(guide.institution)
    if colours:
        files[INSTITUTION_CSS] = colours
    files[PRINT_MARGIN_CSS] = print_margin_css(guide.institution.name)
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
