"""What the handouts need from mkdocs.yml: site name and address, language, paper, nav and extensions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from msgspec import Struct

from ..bank import Loc, Project, YamlDocument
from ..errors import Problem

_H1 = re.compile(r"^#\s+(?P<title>.+?)\s*(?:\{[^}]*\})?\s*#*\s*$", re.MULTILINE)


class PrintSettings(Struct, frozen=True):
    """The site-wide settings every handout is printed with."""

    root: Path
    docs_dir: Path
    site_name: str
    site_description: str
    site_url: str
    language: str
    paper: str
    nav: Any
    markdown_extensions: Any
    directory_urls: bool
    doc: YamlDocument | None = None

    def problem(self, loc: Loc, message: str) -> Problem:
        """A problem located in mkdocs.yml."""
        if self.doc is None:
            return Problem("mkdocs.yml", 1, 1, message)
        return self.doc.problem(loc, message)

    def page_url(self, url: str) -> str:
        """A site-relative URL as readers can type it: absolute when `site_url` is set."""
        if self.site_url:
            return self.site_url.rstrip("/") + "/" + url
        return "/" + url


def print_settings(project: Project) -> PrintSettings:
    """The print settings of a project, with MkDocs' defaults where mkdocs.yml is silent."""
    config = project.config
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return PrintSettings(
        root=project.root,
        docs_dir=project.docs_dir,
        site_name=str(config.get("site_name") or "Informational interviews"),
        site_description=str(config.get("site_description") or ""),
        site_url=str(config.get("site_url") or ""),
        language=str(language or "en"),
        paper=project.paper,
        nav=config.get("nav"),
        markdown_extensions=config.get("markdown_extensions") or [],
        directory_urls=project.directory_urls,
        doc=project.doc,
    )


def nav_pages(nav: Any) -> list[tuple[str | None, str | list[Any]]]:
    """The top level of a MkDocs nav as (title or None, page path or section list) pairs."""
    entries: list[tuple[str | None, str | list[Any]]] = []
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, str):
            entries.append((None, item))
        elif isinstance(item, dict):
            entries.extend(
                (str(title), value) for title, value in item.items() if isinstance(value, str | list)
            )
    return entries


def page_titles(settings: PrintSettings) -> dict[str, str]:
    """Titles of the pages at the top of the docs folder, by stem: nav titles, else first headings."""
    titles: dict[str, str] = {}
    for path in sorted(settings.docs_dir.glob("*.md")):
        heading = _H1.search(path.read_text(encoding="utf-8-sig"))
        titles[path.stem] = heading["title"] if heading else path.stem.replace("-", " ").capitalize()
    for title, value in nav_pages(settings.nav):
        if title and isinstance(value, str) and "/" not in value and value.endswith(".md"):
            titles[value.removesuffix(".md")] = title
    return titles
