"""Write the merged docs tree and a plugin-free mkdocs.yml that plain MkDocs builds."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from .bank import PLUGIN_NAME, Project, fill_placeholders, markdown_pages, named_entries
from .errors import StageError, shown_path
from .handouts import build_handouts
from .model import Guide
from .site import apply_guide, checklist_markdown, generated_files, markdown_settings

MARKER = ".guide-stage"
STAGED_DOCS = "docs"
# Named by the module itself, so that the staged mkdocs.yml cannot name a module that moved.
CHECKLIST_EXTENSION = checklist_markdown.__name__


def stage(project: Project, guide: Guide, out: Path) -> int:
    """Fill `out` with docs/ and mkdocs.yml; return how many files were generated."""
    _prepare(out)
    docs = out / STAGED_DOCS
    files = generated_files(
        guide, project.docs_dir, shown_path(project.docs_dir, project.root), project.directory_urls
    )
    shutil.copytree(project.docs_dir, docs)
    settings = markdown_settings(guide)
    for page in markdown_pages(docs):
        page.write_text(fill_placeholders(page.read_text(encoding="utf-8-sig"), settings), encoding="utf-8")
    for path, text in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    build_handouts(project, guide).write_into(docs)
    config_text = yaml.safe_dump(staged_config(project, guide), sort_keys=False, allow_unicode=True)
    (out / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    (out / MARKER).write_text("Made by `python -m generator stage`; safe to delete.\n")
    return len(files)


def staged_config(project: Project, guide: Guide) -> dict[str, Any]:
    """The project's MkDocs settings without the guide plugin, pointing at the staged docs."""
    config = copy.deepcopy(project.config)
    config["docs_dir"] = STAGED_DOCS
    config["site_dir"] = "site"
    config["plugins"] = _without_guide(config.get("plugins"))
    apply_guide(config, guide, CHECKLIST_EXTENSION)
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(project.root / theme["custom_dir"])
    return config


def _without_guide(plugins: Any) -> Any:
    """The plugins setting without the guide plugin, in the form it was given."""
    guide = {where for where, name, _options in named_entries(plugins) if name == PLUGIN_NAME}
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name not in guide}
    if isinstance(plugins, list):
        return [item for index, item in enumerate(plugins) if index not in guide]
    return plugins


def _prepare(out: Path) -> None:
    """Make `out` an empty folder, refusing to wipe one that stage did not make."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise StageError(f"{out} is not empty and was not made by 'stage'; choose a new folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
