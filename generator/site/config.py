"""What the guide changes in a site's MkDocs settings, for the plugin and for the staged mkdocs.yml alike."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from msgspec import Struct

from ..bank.words import words_of
from ..model import Guide
from .navigation import expand_nav
from .styles import INSTITUTION_CSS, PRINT_MARGIN_CSS, colours_css


class Branding(Struct, frozen=True):
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


def apply_guide(config: MutableMapping[str, Any], guide: Guide, checklist_extension: object | None) -> None:
    """Put the guide into a site's settings: its pages in the nav, logo, copyright, styles, checklist markup.

    `config` is MkDocs' own (in the plugin) or the plain settings of a staged mkdocs.yml; the plugin
    gives the checklist extension as an instance, the staged tree none (its pages carry the markup).
    """
    if config.get("nav"):
        config["nav"] = expand_nav(config["nav"], guide)
    brand = branding(guide)
    theme = config.get("theme")
    if brand.logo and isinstance(theme, MutableMapping):
        theme["logo"] = brand.logo
    config["copyright"] = config.get("copyright") or brand.copyright
    config["extra_css"] = [*(config.get("extra_css") or []), *brand.extra_css]
    extensions = [*(config.get("markdown_extensions") or [])]
    config["markdown_extensions"] = [*extensions, checklist_extension] if checklist_extension else extensions
    words = words_of(guide)  # the theme's 404 page is in English only: overrides/404.html reads these
    extra = config.get("extra")
    if not isinstance(extra, MutableMapping):
        extra = config["extra"] = {}
    extra["guide_404"] = {key: words(f"page.notFound.{key}") for key in ("title", "text", "home")}
