"""Find a project's data files from its mkdocs.yml, without importing MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import GuideError, Problem

PLUGIN_NAME = "guide"
DEFAULT_BANK = "question_bank.yaml"
DEFAULT_TEMPLATES = "email_templates"


@dataclass(frozen=True)
class Project:
    """Where a guide's files are, as named in its mkdocs.yml."""

    config_file: Path
    config: dict[str, Any]

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
        plugins = self.config.get("plugins") or []
        entries = (
            plugins.items()
            if isinstance(plugins, dict)
            else (next(iter(item.items())) if isinstance(item, dict) else (item, {}) for item in plugins)
        )
        for name, options in entries:
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
    def directory_urls(self) -> bool:
        """Whether pages live at folder-style URLs (MkDocs' use_directory_urls)."""
        return bool(self.config.get("use_directory_urls", True))


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping the value of tags such as !ENV without running anything."""


def _keep_value(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _keep_value)


def read_project(config_file: Path) -> Project:
    """Read mkdocs.yml; a broken one is reported like any other data file."""
    display = config_file.name
    try:
        text = config_file.read_text(encoding="utf-8-sig")
        config = yaml.load(text, Loader=_TolerantLoader)
    except OSError as err:
        raise GuideError([Problem(display, 1, 1, f"cannot read the file: {err.strerror}")]) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise GuideError([Problem(display, line, col, f"YAML syntax error: {err.problem}")]) from None
    except yaml.YAMLError as err:
        raise GuideError([Problem(display, 1, 1, f"cannot read the YAML: {err}")]) from None
    if not isinstance(config, dict):
        raise GuideError([Problem(display, 1, 1, "mkdocs.yml must be a mapping of settings")])
    return Project(config_file.resolve(), config)
