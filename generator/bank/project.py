"""Find a project's data files from its mkdocs.yml, without importing MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec import Struct

from ..errors import GuideError, SourceError
from ..model import TRANSLATIONS
from .source import YamlDocument, parse_yaml, read_text

PLUGIN_NAME = "guide"
DEFAULT_BANK = "question_bank.yaml"
DEFAULT_TEMPLATES = "email_templates"
DEFAULT_VISITORS = "visitors.yaml"
PAPER_SIZES = ("letter", "a4")
DEFAULT_PAPER = "letter"


class Project(Struct, frozen=True):
    """Where a guide's files are, as named in its mkdocs.yml."""

    config_file: Path
    config: dict[str, Any]
    doc: YamlDocument | None = None

    @property
    def root(self) -> Path:
        """The folder holding mkdocs.yml; data paths are relative to it."""
        return self.config_file.parent

    @property
    def docs_dir(self) -> Path:
        """The advisors' prose folder (MkDocs' docs_dir)."""
        return self.root / str(self.config.get("docs_dir", "docs"))

    @property
    def options(self) -> dict[str, Any]:
        """The guide plugin's options, or empty when it is listed without any."""
        for _where, name, options in named_entries(self.config.get("plugins")):
            if name == PLUGIN_NAME:
                return dict(options or {})
        return {}

    @property
    def bank(self) -> Path:
        """The question bank file."""
        return self.root / str(self.options.get("bank", DEFAULT_BANK))

    @property
    def templates(self) -> Path:
        """The outreach scripts folder."""
        return self.root / str(self.options.get("templates", DEFAULT_TEMPLATES))

    @property
    def visitors(self) -> Path:
        """The kinds of visitor and their introductions (a guide may have none: no such file)."""
        return self.root / str(self.options.get("visitors", DEFAULT_VISITORS))

    @property
    def translations(self) -> tuple[str, ...]:
        """The languages the guide is also published in (`translations: [fr]`), checked by `read_project`."""
        given = self.options.get("translations") or []
        return tuple(str(item) for item in given) if isinstance(given, list) else ()

    @property
    def paper(self) -> str:
        """The paper size of the printed handouts, 'letter' or 'a4' (checked by `read_project`)."""
        return str(self.options.get("paper", DEFAULT_PAPER)).strip().lower()

    @property
    def directory_urls(self) -> bool:
        """Whether pages live at folder-style URLs (MkDocs' use_directory_urls)."""
        return bool(self.config.get("use_directory_urls", True))


def read_project(config_file: Path) -> Project:
    """Read mkdocs.yml with positions; a broken one is reported like any other data file."""
    display = config_file.name
    try:
        doc = parse_yaml(read_text(config_file, display), display, foreign_tags=True)
    except SourceError as err:
        raise GuideError(err.problems) from None
    if not isinstance(doc.data, dict):
        raise GuideError([doc.problem((), "mkdocs.yml must be a mapping of settings")])
    project = Project(config_file.resolve(), doc.data, doc)
    if project.paper not in PAPER_SIZES:
        given = project.options.get("paper")
        message = f"guide plugin: 'paper' must be 'letter' or 'a4', not '{given}'"
        raise GuideError([doc.problem((*_plugin_loc(doc.data), "paper"), message)])
    unknown = [language for language in project.translations if language not in TRANSLATIONS]
    given = project.options.get("translations")
    if unknown or (given is not None and not isinstance(given, list)):
        message = (
            "guide plugin: 'translations' is a list of the languages the guide can be translated into "
            f"({', '.join(TRANSLATIONS)})"
        )
        raise GuideError([doc.problem((*_plugin_loc(doc.data), "translations"), message)])
    return project


def named_entries(entries: Any) -> list[tuple[str | int, str, Any]]:
    """The entries of a MkDocs list of plugins or Markdown extensions as (where, name, options).

    MkDocs takes a mapping of names to options, or a list of names and one-key mappings; `where` is
    the key or the index of each entry in that value (options are None for a bare name).
    """
    if isinstance(entries, dict):
        return [(str(name), str(name), options) for name, options in entries.items()]
    found: list[tuple[str | int, str, Any]] = []
    for index, item in enumerate(entries if isinstance(entries, list) else []):
        pairs = item.items() if isinstance(item, dict) else [(item, None)]
        found.extend((index, str(name), options) for name, options in pairs)
    return found


def _plugin_loc(config: dict[str, Any]) -> tuple[str | int, ...]:
    """Where the guide plugin's options are in mkdocs.yml, for locating a problem."""
    for where, name, _options in named_entries(config.get("plugins")):
        if name == PLUGIN_NAME and isinstance(where, int):
            return ("plugins", where, PLUGIN_NAME)
    return ("plugins", PLUGIN_NAME)
