"""The site in more than one language: each translation is a MkDocs build of its own, at `/<language>/`.

The translated build mirrors the English tree, so that the same page has the same path under
`<language>/`, and the switch between them, the `hreflang` links and the visitor's saved data (keyed by
id, on the same origin) carry over. Its settings are the English ones with the translation's words.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from ..bank.interface import module_text
from ..bank.project import Project
from ..bank.translations import UNTRANSLATED, Translation
from ..errors import shown_path
from ..model import TRANSLATIONS

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
"""Each language's name in itself, as the language switch shows it."""
ALTERNATES = "guide_alternates"
"""Where in `extra` each page's links to itself in every language are, for overrides/ to show."""


def translated_settings(
    config: Mapping[str, Any], translation: Translation, site_dir: Path
) -> dict[str, Any]:
    """The settings a translation's build overrides: its words, its docs and site folders, its nav."""
    site = translation.site
    language = translation.language
    theme = copy.deepcopy(dict(config.get("theme") or {}))
    theme["language"] = language
    for index, palette in enumerate(theme.get("palette") or []):
        if isinstance(palette, dict) and isinstance(palette.get("toggle"), dict):
            palette["toggle"]["name"] = site.get(f"theme.palette.{index}", palette["toggle"].get("name"))
    settings: dict[str, Any] = {
        "site_dir": str(site_dir),
        "theme": theme,
        **site_settings(config, translation),
    }
    if config.get("site_url"):
        settings["site_url"] = str(config["site_url"]).rstrip("/") + f"/{language}/"
    if config.get("nav"):
        settings["nav"] = translated_nav(config["nav"], site)
        # Its link to the English advisors' notes is outside this build: MkDocs cannot find it, and
        # need not (the English build checks those pages).
        validation = copy.deepcopy(dict(config.get("validation") or {}))
        nav = validation.setdefault("nav", {})
        if isinstance(nav, dict):
            nav["not_found"] = "info"
        settings["validation"] = validation
    return settings


def site_settings(config: Mapping[str, Any], translation: Translation) -> dict[str, Any]:
    """The site's name, description and copyright in the translation's words (the handouts print them)."""
    site = translation.site
    found = {
        "site_name": site.get("site.name", config.get("site_name")),
        "site_description": site.get("site.description", config.get("site_description")),
        "copyright": site.get("site.copyright", config.get("copyright")),
    }
    return {key: value for key, value in found.items() if value}


def translated_project(project: Project, translation: Translation) -> Project:
    """The project as a translation's build sees it: its docs folder, and the site's words in its language."""
    docs = project.docs_dir / translation.language
    config = {
        **project.config,
        **site_settings(project.config, translation),
        "docs_dir": shown_path(docs, project.root),
    }
    return replace(project, config=config)


def translated_nav(nav: Any, site: Mapping[str, str]) -> Any:
    """The English nav with each page titled by its translation and each section by the site's words.

    The advisors' section stays English: it becomes one link to the English notes, whose title says so.
    """
    if isinstance(nav, str):
        return nav
    result: list[Any] = []
    for item in nav if isinstance(nav, list) else []:
        if not isinstance(item, dict):
            result.append(item)
            continue
        for title, value in item.items():
            if isinstance(value, list):
                if _pages(value) and all(page.startswith(UNTRANSLATED) for page in _pages(value)):
                    result.append(
                        {
                            site.get(f"nav.{_slug(str(title))}", str(title)): "../"
                            + _page_url(_pages(value)[0])
                        }
                    )
                    continue
                result.append({site.get(f"nav.{_slug(str(title))}", str(title)): translated_nav(value, site)})
            elif isinstance(value, str) and value.endswith(".md"):
                result.append(value)  # MkDocs titles it from the translated page itself
            else:
                result.append({title: value})
    return result


def _pages(items: list[Any]) -> list[str]:
    found: list[str] = []
    for item in items:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found.extend(
                    _pages(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
                )
    return found


def _page_url(page: str) -> str:
    """A docs page's folder-style URL, relative to the site's root."""
    stem = page.removesuffix(".md")
    return (
        ""
        if stem == "index"
        else (stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/")
    )


def _slug(title: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in title.lower()).split())


def alternates(
    page_url: str, src_uri: str, language: str, translated: set[str], languages: tuple[str, ...]
) -> list[dict[str, str]]:
    """A page in every language, for the switch and the hreflang links: the same page, else a home.

    Each link is relative to the page itself, worked out here: MkDocs' `url` filter cannot take a link
    that leaves the build's own root, as one from a translation back to the English must. An English
    page with no translation (an advisors' note) links to the translation's home page.
    """
    up = "../" * page_url.count("/")
    links: list[dict[str, str]] = []
    for other in languages:
        if other == language:
            link = up + page_url
        elif language == "en":
            same = src_uri in translated or not src_uri.endswith(".md")
            link = f"{up}{other}/{page_url if same else ''}"
        else:
            link = f"../{up}{page_url}"
        links.append({"name": LANGUAGE_NAMES[other], "lang": other, "link": link or "./"})
    return links


def home_alternates(language: str, languages: tuple[str, ...]) -> list[dict[str, str]]:
    """Each language's home, relative to this build's root as MkDocs' `url` filter takes it."""
    homes = {
        other: "" if other == language else f"{other}/" if language == "en" else "../" for other in languages
    }
    return [{"name": LANGUAGE_NAMES[other], "lang": other, "link": homes[other]} for other in languages]


def borrowed_files(english_docs: Path, translation: Translation, own: set[str]) -> list[str]:
    """What a translation's build takes from the English docs: the assets, and each page not yet translated.

    The advisors' notes stay out (the nav links to the English ones), and so do other translations.
    """
    borrowed: list[str] = []
    for path in sorted(english_docs.rglob("*")):
        uri = path.relative_to(english_docs).as_posix()
        parts = uri.split("/")
        if not path.is_file() or uri in own or any(part.startswith(".") for part in parts):
            continue
        if parts[0] in TRANSLATIONS or uri.startswith(UNTRANSLATED):
            continue
        if uri.endswith(".md") and uri in translation.pages:
            continue
        borrowed.append(uri)
    return borrowed


def translated_modules(translation: Translation) -> dict[str, str]:
    """The browser tools' messages modules in the translation's language, by their path in the docs."""
    return {
        uri: module_text(translation.language, messages, uri) for uri, messages in translation.modules.items()
    }
